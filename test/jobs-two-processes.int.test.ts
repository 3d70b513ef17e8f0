/**
 * Two real server processes on one database (each dialect), both running the reminder jobs every
 * second: every reminder is created once and every e-mail and webhook delivery is sent once — also
 * after the processes are stopped and started again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testDialects } from './support/dialects.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startRobot, startSmtp } from './support/mail-and-hooks.ts';
import { systemActor } from '../server/platform/actor.ts';
import { seedJiaxingDirectory, loadResolver } from '../server/modules/directory/index.ts';
import { importNotice } from '../server/modules/lists/index.ts';
import { setChannels } from '../server/modules/notifications/index.ts';
import { SEED_NOTICE_FILE } from '../server/db/seeds/first-start.ts';
import { todayInChina } from '../server/lib/working-days.ts';

const BIN = path.resolve('bin/gongkai.js');
const CHANNEL_UNITS = ['市教育局', '市司法局', '市民政局', '海盐县政府', '嘉兴港区'];

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe.each(testDialects())('jobs in two processes on %s', (dialect) => {
  let tdb: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let robot: Awaited<ReturnType<typeof startRobot>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-2p-'));
  const children: ChildProcess[] = [];

  const start = (_n: number) => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env, DATABASE_URL: tdb.url, PORT: '0', HOST: '127.0.0.1', GONGKAI_DEMO_DATA: '0', GONGKAI_JOB_INTERVAL_SECONDS: '1',
        GONGKAI_SMTP_URL: smtp.url, GONGKAI_DATA_DIR: dir, LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  };
  const stopAll = async () => {
    await Promise.all(children.splice(0).map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    })));
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    robot = await startRobot('two-process-secret');
    tdb = await createTestDb(dialect, { sqliteFile: path.join(dir, 'shared.sqlite') });
    const actor = systemActor('test');
    await seedJiaxingDirectory(tdb.db, actor);
    const { list } = await importNotice(tdb.db, actor, { fileName: 'seed.txt', bytes: fs.readFileSync(SEED_NOTICE_FILE), publish: true });
    const resolver = await loadResolver(tdb.db);
    for (const name of CHANNEL_UNITS) {
      const unitId = resolver.findUnit(name)!;
      await setChannels(tdb.db, actor, unitId, { email: `u${unitId}@example.gov.cn`, emailEnabled: true, webhookUrl: `${robot.url}&unit=${unitId}`, webhookSecret: 'two-process-secret', webhookEnabled: true });
    }
    // The list's last period closed yesterday (China time): every unit is overdue now.
    const today = todayInChina();
    const last = await tdb.db.selectFrom('reportingPeriod').select('id').where('listId', '=', list.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await tdb.db.updateTable('reportingPeriod').set({ startsOn: shift(today, -20), endsOn: shift(today, -1), dueOn: shift(today, -1) }).where('id', '=', last.id).execute();
  }, 60_000);

  afterAll(async () => {
    await stopAll();
    await tdb?.destroy();
    await smtp?.close();
    await robot?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends every reminder exactly once, with two processes and across restarts', async () => {
    const count = async (table: 'reminder' | 'delivery') => Number((await tdb.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const sentCount = async () => Number((await tdb.db.selectFrom('delivery').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow()).n);
    start(1);
    start(2);
    expect(await waitFor(async () => (await count('reminder')) === 69 && (await sentCount()) === CHANNEL_UNITS.length * 2, 70_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 3000)); // several more job runs in both processes
    await stopAll();
    expect(await count('reminder')).toBe(69);
    expect(await count('delivery')).toBe(CHANNEL_UNITS.length * 2);
    expect(smtp.mails).toHaveLength(CHANNEL_UNITS.length);
    expect(new Set(smtp.mails.map((m) => m.to[0])).size).toBe(CHANNEL_UNITS.length);
    expect(robot.hooks).toHaveLength(CHANNEL_UNITS.length);
    expect(robot.hooks.every((h) => h.signatureValid)).toBe(true);
    const workers = await tdb.db.selectFrom('delivery').select('lockedBy').distinct().execute();
    expect(workers.length).toBeGreaterThanOrEqual(1);

    // restart: nothing is sent again
    start(3);
    start(4);
    await new Promise((r) => setTimeout(r, 4000));
    await stopAll();
    expect(await count('reminder')).toBe(69);
    expect(smtp.mails).toHaveLength(CHANNEL_UNITS.length);
    expect(robot.hooks).toHaveLength(CHANNEL_UNITS.length);
  }, 150_000);
});
