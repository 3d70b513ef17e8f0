/**
 * The audit log's hash chain: changes made through the API chain up; an altered record, a deleted
 * record, an inserted record and a cut-off end (with an anchor) are each found — by the service and
 * by `gongkai audit verify` run as an operator would; concurrent writers on PostgreSQL do not fork it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { testDialects } from './support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from './support/test-app.ts';
import { recordAudit, verifyAuditChain } from '../server/modules/audit/index.ts';
import { systemActor } from '../server/platform/actor.ts';

const BIN = path.resolve('bin/gongkai.js');

function verifyCli(databaseUrl: string, args: string[] = []): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'audit', 'verify', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

describe.each(testDialects())('audit chain on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  const system = systemActor('test');
  beforeAll(async () => {
    const file = path.join(os.tmpdir(), `gongkai-audit-chain-${process.pid}-${Date.now()}.sqlite`);
    t = await buildTestApp(dialect, {}, dialect === 'sqlite' ? { sqliteFile: file } : {});
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
  });
  afterAll(async () => t?.close());

  const db = () => t.tdb.db;
  const ids = async () => (await db().selectFrom('auditLog').select('id').orderBy('id').execute()).map((r) => r.id);

  it('chains every record written through the API', async () => {
    for (const name of ['审计链测试单位甲', '审计链测试单位乙']) {
      const r = await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name, kind: 'department' } });
      expect(r.statusCode, r.body).toBe(201);
    }
    const rows = await db().selectFrom('auditLog').select(['id', 'prevHash', 'hash']).orderBy('id').execute();
    expect(rows.length).toBeGreaterThan(3);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const report = await verifyAuditChain(db());
    expect(report.problems).toEqual([]);
    expect(report.checked).toBe(rows.length);
    expect(report.head).toEqual({ id: rows.at(-1)!.id, hash: rows.at(-1)!.hash });
  });

  it('keeps one chain when many changes commit at once', async () => {
    await Promise.all(Array.from({ length: 24 }, (_, i) => db().transaction().execute((trx) => recordAudit(trx, system, { action: 'test_parallel', resourceType: 'test', resourceId: i }))));
    expect((await verifyAuditChain(db())).problems).toEqual([]);
  });

  it('names an altered record, and only that one', async () => {
    const [, second] = await ids();
    await db().updateTable('auditLog').set({ after: '{"name":"改过的"}' }).where('id', '=', second!).execute();
    const report = await verifyAuditChain(db(), { batch: 3 });
    expect(report.problems).toEqual([{ id: second, kind: 'altered', message: expect.stringContaining('篡改') }]);
    await db().updateTable('auditLog').set({ after: null }).where('id', '=', second!).execute();
  });

  it('names the record after a deleted one; the operator command exits 1 and says so', async () => {
    const all = await ids();
    await sql`DELETE FROM audit_log WHERE id = ${all[4]!}`.execute(db());
    const report = await verifyAuditChain(db());
    expect(report.problems.map((p) => [p.id, p.kind])).toEqual(expect.arrayContaining([[all[1], 'altered'], [all[5], 'linkBroken']]));
    const cli = await verifyCli(t.tdb.url, ['--json']);
    expect(cli.code).toBe(1);
    const out = JSON.parse(cli.out);
    expect(out.problems.map((p: { id: number }) => p.id)).toContain(all[5]);
  });

  it('finds a record inserted without a hash, and a cut-off end through the anchor', async () => {
    const head = (await verifyAuditChain(db())).head!;
    await db().insertInto('auditLog').values({ at: new Date().toISOString(), actorUserId: null, actorLabel: '伪造', action: 'forged', resourceType: 'test', resourceId: null, before: null, after: null, ip: null, prevHash: null, hash: null }).execute();
    const forged = (await ids()).at(-1)!;
    expect((await verifyAuditChain(db())).problems).toContainEqual({ id: forged, kind: 'unchained', message: expect.any(String) });
    // the newest records cut off: the anchor kept earlier is gone
    await sql`DELETE FROM audit_log WHERE id >= ${head.id}`.execute(db());
    const cut = await verifyAuditChain(db(), { anchor: head });
    expect(cut.anchor).toEqual({ ...head, found: false });
    expect(cut.problems.at(-1)!.message).toContain('锚点');
    const bad = await verifyCli(t.tdb.url, ['--anchor', 'not-an-anchor']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('CLI_AUDIT_ANCHOR_INVALID');
  });
});
