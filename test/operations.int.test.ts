/**
 * The operator's database commands, run as an operator runs them (the CLI as a child process) on an
 * installation after its first start with the demo data: `gongkai backup` / `restore` round trips on
 * SQLite and PostgreSQL, and `gongkai migrate-to` moving every record of every table to PostgreSQL —
 * counts per table, the audit chain still verifying (the same bytes), search answering the same, the
 * admin logging in, new records getting new ids. The PostgreSQL parts run when the suite runs
 * PostgreSQL (DB_DIALECTS, as `.ci/run` does); without a server they cannot run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { testDialects, pgAdminUrl, pgUrlFor } from './support/dialects.ts';
import { createDb, type Db } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { ensureFirstStart } from '../server/db/seeds/first-start.ts';
import { backupKindOf } from '../server/db/backup.ts';
import { verifyAuditChain } from '../server/modules/audit/index.ts';
import { search } from '../server/modules/search/index.ts';
import { login, createUser } from '../server/modules/identity/index.ts';
import { systemActor } from '../server/platform/actor.ts';

const BIN = path.resolve('bin/gongkai.js');
const withPg = testDialects().includes('postgres');

function cli(args: string[], databaseUrl: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 20 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

/** Rows per platform table (the engines' own tables left out). */
function sqliteCounts(file: string): Record<string, number> {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'kysely_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

async function pgCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (await c.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`)).rows.map((r) => r.t);
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n);
    return out;
  } finally {
    await c.end();
  }
}

async function emptyPgDatabase(): Promise<string> {
  const name = `${inject('pgRunPrefix')}_ops_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return pgUrlFor(name);
}

describe('backup, restore and migrate-to', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-ops-'));
  const file = path.join(dir, 'gongkai.sqlite');
  let adminPassword = '';
  let counts: Record<string, number> = {};

  beforeAll(async () => {
    const { db } = createDb(file);
    try {
      await migrateToLatest(db);
      const first = await ensureFirstStart(db, { demoData: true });
      adminPassword = first.admin!.oneTimePassword;
    } finally {
      await db.destroy();
    }
    counts = sqliteCounts(file);
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('backs SQLite up online and restores it, refusing to overwrite without --force', async () => {
    const backup = path.join(dir, 'backup-1.sqlite');
    const r = await cli(['backup', backup], file);
    expect(r.code, r.out).toBe(0);
    expect(backupKindOf(backup)).toBe('sqlite');
    // one self-contained file (rollback journal, header bytes 18–19 = 1, not WAL's 2): readable without -wal/-shm beside it
    expect([...fs.readFileSync(backup).subarray(18, 20)]).toEqual([1, 1]);
    expect(fs.existsSync(`${backup}-wal`)).toBe(false);
    expect(sqliteCounts(backup)).toEqual(counts);
    expect((await cli(['backup', backup], file)).out).toContain('BACKUP_FILE_EXISTS'); // never over a backup
    // a change after the backup, then the restore takes it back
    const live = new SQLite(file);
    live.prepare(`DELETE FROM consultation_comment`).run();
    live.close();
    expect(sqliteCounts(file).consultation_comment).toBe(0);
    const refused = await cli(['restore', backup], file);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('RESTORE_TARGET_NOT_EMPTY');
    const restored = await cli(['restore', backup, '--force'], file);
    expect(restored.code, restored.out).toBe(0);
    expect(sqliteCounts(file)).toEqual(counts);
    expect(counts.consultation_comment).toBeGreaterThan(0);
    // a file that is not a backup names the problem
    const junk = path.join(dir, 'junk.bin');
    fs.writeFileSync(junk, 'not a backup');
    expect((await cli(['restore', junk, '--force'], file)).out).toContain('BACKUP_FILE_UNRECOGNISED');
  }, 300_000);

  // PostgreSQL: needs the server the suite runs against (DB_DIALECTS includes postgres)
  it.runIf(withPg)('moves every record of every table to PostgreSQL with migrate-to', async () => {
    const url = await emptyPgDatabase();
    const r = await cli(['migrate-to', url], file);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('已迁移');
    const moved = await pgCounts(url);
    // the same tables, the same rows (plus the migration's own audit record)
    expect({ ...moved, audit_log: moved.audit_log! - 1 }).toEqual(counts);
    expect(counts.progress_report).toBeGreaterThan(15000);
    const { db } = createDb(url, { poolSize: 2 });
    try {
      await checkMoved(db, adminPassword);
      // the SQLite installation still answers the same search
      const { db: lite } = createDb(file);
      try {
        const a = await search(lite, { q: '政务公开' });
        const b = await search(db, { q: '政务公开' });
        expect(b.total).toBe(a.total);
        expect(b.items.map((i) => `${i.kind}:${i.refId}`)).toEqual(a.items.map((i) => `${i.kind}:${i.refId}`));
      } finally {
        await lite.destroy();
      }
    } finally {
      await db.destroy();
    }
    const again = await cli(['migrate-to', url], file);
    expect(again.code).toBe(1);
    expect(again.out).toContain('TRANSFER_TARGET_NOT_EMPTY');
    expect((await cli(['migrate-to', 'mysql://x@localhost/y'], file)).out).toContain('TRANSFER_TARGET_NOT_POSTGRES');

    // PostgreSQL backup and restore into an empty database, a full one only with --force
    const dump = path.join(dir, 'gongkai.dump');
    const b = await cli(['backup', dump], url);
    expect(b.code, b.out).toBe(0);
    expect(backupKindOf(dump)).toBe('postgres');
    const copy = await emptyPgDatabase();
    const restored = await cli(['restore', dump], copy);
    expect(restored.code, restored.out).toBe(0);
    expect(await pgCounts(copy)).toEqual(await pgCounts(url));
    expect((await cli(['restore', dump], copy)).out).toContain('RESTORE_TARGET_NOT_EMPTY');
    expect((await cli(['restore', path.join(dir, 'backup-1.sqlite')], copy)).out).toContain('BACKUP_KIND_MISMATCH');
  }, 600_000);
});

/** The moved installation works: audit chain intact, admin logs in, new records get fresh ids. */
async function checkMoved(db: Db, adminPassword: string): Promise<void> {
  const chain = await verifyAuditChain(db);
  expect(chain.problems).toEqual([]);
  expect(chain.checked).toBeGreaterThan(100);
  const session = await login(db, { username: 'admin', password: adminPassword, sessionHours: 1 });
  expect(session.user.role).toBe('office');
  const maxUser = await db.selectFrom('user').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
  const { user } = await createUser(db, systemActor('test'), { username: 'after-move', displayName: '迁移后新建', unitId: session.user.unitId, role: 'office', password: 'Correct-Horse-9-Battery' });
  expect(user.id).toBeGreaterThan(Number(maxUser.m));
}
