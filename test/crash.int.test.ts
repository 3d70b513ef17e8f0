/**
 * Nothing lost when the server dies: a real server process (each dialect) is killed with SIGKILL
 * again and again while three writers keep it busy — notice imports (a list with 70 tasks and
 * thousands of assignments per transaction), progress reports with an attachment, and disclosure
 * requests registered and answered (拟办答复). After the last kill: every write the server
 * acknowledged is there, no list is half stored, the SQLite file passes its integrity and
 * foreign-key checks, and the audit hash chain still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { testDialects } from './support/dialects.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { TEST_PASSWORD } from './support/test-app.ts';
import { systemActor } from '../server/platform/actor.ts';
import { seedJiaxingDirectory, loadResolver } from '../server/modules/directory/index.ts';
import { importNotice } from '../server/modules/lists/index.ts';
import { createUser } from '../server/modules/identity/index.ts';
import { verifyAuditChain } from '../server/modules/audit/index.ts';
import { SEED_NOTICE_FILE } from '../server/db/seeds/first-start.ts';
import { freePort } from './support/ports.ts';

const BIN = path.resolve('bin/gongkai.js');
const ROUNDS = 6;
const SEED = fs.readFileSync(SEED_NOTICE_FILE);
/** A 1×1 PNG: attachments are accepted by their content. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface Client { cookie: string; csrf: string }

describe.each(testDialects())('SIGKILL during writes on %s', (dialect) => {
  let tdb: TestDb;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-crash-'));
  let child: ChildProcess | null = null;
  let assignmentIds: number[] = [];
  let periodId = 0;
  let landUnit = 0;
  let tasksPerList = 0;
  let assignmentsPerList = 0;

  beforeAll(async () => {
    tdb = await createTestDb(dialect, { sqliteFile: path.join(dir, 'crash.sqlite') });
    const actor = systemActor('test');
    await seedJiaxingDirectory(tdb.db, actor);
    const { list } = await importNotice(tdb.db, actor, { fileName: 'seed.txt', bytes: SEED, publish: true });
    const resolver = await loadResolver(tdb.db);
    const edu = resolver.findUnit('市教育局')!;
    landUnit = resolver.findUnit('市自然资源和规划局')!;
    const office = resolver.findUnit('市政府办公室')!;
    await createUser(tdb.db, actor, { username: 'crash-office', displayName: '办公室', unitId: office, role: 'office', password: TEST_PASSWORD });
    await createUser(tdb.db, actor, { username: 'crash-edu', displayName: '教育局', unitId: edu, role: 'unitStaff', password: TEST_PASSWORD });
    await createUser(tdb.db, actor, { username: 'crash-land', displayName: '资规局', unitId: landUnit, role: 'unitStaff', password: TEST_PASSWORD });
    assignmentIds = (await tdb.db.selectFrom('assignment').innerJoin('task', 'task.id', 'assignment.taskId').select('assignment.id').where('task.listId', '=', list.id).where('assignment.unitId', '=', edu).execute()).map((a) => a.id);
    periodId = (await tdb.db.selectFrom('reportingPeriod').select('id').where('listId', '=', list.id).orderBy('seq').executeTakeFirstOrThrow()).id;
    tasksPerList = (await tdb.db.selectFrom('task').select('id').where('listId', '=', list.id).execute()).length;
    assignmentsPerList = (await tdb.db.selectFrom('assignment').innerJoin('task', 'task.id', 'assignment.taskId').select('assignment.id').where('task.listId', '=', list.id).execute()).length;
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await tdb?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write through ${ROUNDS} kills`, async () => {
    const acked = { lists: [] as number[], reports: [] as number[], requests: [] as number[], replies: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const proc = spawn(process.execPath, [BIN, 'serve'], {
        env: { ...process.env, DATABASE_URL: tdb.url, PORT: String(port), HOST: '127.0.0.1', GONGKAI_DEMO_DATA: '0', GONGKAI_JOB_INTERVAL_SECONDS: '0', GONGKAI_DATA_DIR: dir, LOG_LEVEL: 'fatal' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = proc;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      // up?
      const deadline = Date.now() + 60_000;
      for (;;) {
        const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
        if (ok) break;
        if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`server did not start (round ${round})`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const login = async (username: string): Promise<Client> => {
        const r = await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
        if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
        const cookie = r.headers.getSetCookie().find((c) => c.startsWith('gk_session='))!.split(';')[0]!;
        return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
      };
      const [office, edu, land] = [await login('crash-office'), await login('crash-edu'), await login('crash-land')];
      const post = (c: Client, url: string, body: string | FormData, json = false) => fetch(`${base}${url}`, {
        method: 'POST', body, signal: AbortSignal.timeout(20_000), headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...(json ? { 'content-type': 'application/json' } : {}) },
      });
      let alive = true;
      const writer = async (step: (i: number) => Promise<void>) => {
        for (let i = 0; alive; i++) {
          try {
            await step(i);
          } catch (e) {
            if (process.env.CRASH_DEBUG && alive) console.log('writer error', String(e));
            return; // the connection died with the server
          }
        }
      };
      const imports = writer(async () => {
        const form = new FormData();
        form.append('file', new Blob([SEED]), 'seed.txt');
        const r = await post(office, '/api/v1/imports', form);
        if (r.status === 201) acked.lists.push(((await r.json()) as { list: { id: number } }).list.id);
        else if (process.env.CRASH_DEBUG) console.log('import', r.status, (await r.text()).slice(0, 200));
      });
      const reports = writer(async (i) => {
        const form = new FormData();
        form.append('periodId', String(periodId));
        form.append('text', `第${round}轮第${i}次报送：已在门户网站发布相关信息。`);
        form.append('completed', 'false');
        form.append('attachments', new Blob([PNG], { type: 'image/png' }), `evidence-${round}-${i}.png`);
        const r = await post(edu, `/api/v1/assignments/${assignmentIds[i % assignmentIds.length]}/reports`, form);
        if (r.status === 201) acked.reports.push(((await r.json()) as { id: number }).id);
        else if (process.env.CRASH_DEBUG) console.log('report', r.status, (await r.text()).slice(0, 200));
      });
      const requests = writer(async (i) => {
        const r = await post(office, '/api/v1/disclosure-requests', JSON.stringify({
          applicantKind: 'person', applicantName: '李四', idType: 'other', idNumber: `C${round}-${i}`, phone: '13800135678', email: null, address: '嘉兴市南湖区某路2号',
          description: `第${round}轮第${i}件：2020年某地块出让合同`, formWanted: 'paper', deliveryWanted: 'post', channel: 'inPerson', arrivedOn: '2020-12-14', handlingUnitId: landUnit,
        }), true);
        if (r.status !== 201) {
          if (process.env.CRASH_DEBUG) console.log('request', r.status, (await r.text()).slice(0, 200));
          return;
        }
        const id = ((await r.json()) as { id: number }).id;
        acked.requests.push(id);
        const d = await post(land, `/api/v1/disclosure-requests/${id}/drafts`, JSON.stringify({ outcome: 'disclosed', text: '现向您提供该地块的出让合同。' }), true);
        if (d.status === 200) acked.replies.push(id);
        else if (process.env.CRASH_DEBUG) console.log('draft', d.status, (await d.text()).slice(0, 200));
      });
      await new Promise((r) => setTimeout(r, 700 + ((round * 337) % 1300)));
      proc.kill('SIGKILL');
      alive = false;
      await exited;
      await Promise.all([imports, reports, requests]);
    }
    if (process.env.CRASH_DEBUG) console.log(JSON.stringify(Object.fromEntries(Object.entries(acked).map(([k, v]) => [k, v.length]))));
    // every kind of write got through in some round
    expect(acked.lists.length).toBeGreaterThan(0);
    expect(acked.reports.length).toBeGreaterThan(0);
    expect(acked.replies.length).toBeGreaterThan(0);

    // no half-stored list: every list has all its tasks and assignments
    const lists = await tdb.db.selectFrom('list').select('id').execute();
    for (const l of lists) {
      const tasks = await tdb.db.selectFrom('task').select('id').where('listId', '=', l.id).execute();
      const assignments = await tdb.db.selectFrom('assignment').innerJoin('task', 'task.id', 'assignment.taskId').select('assignment.id').where('task.listId', '=', l.id).execute();
      expect([l.id, tasks.length, assignments.length]).toEqual([l.id, tasksPerList, assignmentsPerList]);
    }
    const ids = async (table: 'list' | 'progressReport' | 'disclosureRequest', wanted: number[]) =>
      wanted.length ? (await tdb.db.selectFrom(table).select('id').where('id', 'in', wanted).execute()).length : 0;
    expect(await ids('list', acked.lists)).toBe(acked.lists.length);
    expect(await ids('progressReport', acked.reports)).toBe(acked.reports.length);
    expect(await ids('disclosureRequest', acked.requests)).toBe(acked.requests.length);
    const answered = await tdb.db.selectFrom('disclosureRequest').select(['id', 'state']).where('id', 'in', acked.replies).execute();
    expect(answered.every((r) => r.state === 'awaitingApproval')).toBe(true);
    expect(answered).toHaveLength(acked.replies.length);
    // each stored report keeps its attachment
    const attachments = await tdb.db.selectFrom('reportAttachment').select('reportId').where('reportId', 'in', acked.reports).execute();
    expect(new Set(attachments.map((a) => a.reportId)).size).toBe(acked.reports.length);

    if (dialect === 'sqlite') {
      const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(tdb.db);
      expect(integrity.rows.map((r) => Object.values(r)[0])).toEqual(['ok']);
      expect((await sql`PRAGMA foreign_key_check`.execute(tdb.db)).rows).toEqual([]);
    }
    const chain = await verifyAuditChain(tdb.db);
    expect(chain.problems).toEqual([]);
    console.log(`SIGKILL on ${dialect}: ${ROUNDS} kills; acknowledged ${acked.lists.length} imports, ${acked.reports.length} reports, ${acked.requests.length} requests, ${acked.replies.length} replies — all present; ${lists.length} lists whole; audit chain of ${chain.checked} records intact`);
  }, 600_000);
});
