/**
 * Several instances: two server processes on one PostgreSQL database behind a round-robin proxy (a
 * few lines of node:http here, as nginx's upstream would do). A session opened through one works on
 * the other; a list imported through one is seen through the other at once (the response cache
 * checks the database's version on every request); a state change answered by one is refused as a
 * conflict on the other. Reminders going out exactly once from two processes are proven by
 * test/jobs-two-processes.int.test.ts. PostgreSQL only: that is the engine for several instances
 * (the suite runs it when DB_DIALECTS names postgres, as .ci/run does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { testDialects } from './support/dialects.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { TEST_PASSWORD } from './support/test-app.ts';
import { systemActor } from '../server/platform/actor.ts';
import { seedJiaxingDirectory, loadResolver } from '../server/modules/directory/index.ts';
import { createUser } from '../server/modules/identity/index.ts';
import { SEED_NOTICE_FILE } from '../server/db/seeds/first-start.ts';
import { freePort } from './support/ports.ts';

const BIN = path.resolve('bin/gongkai.js');
const withPg = testDialects().includes('postgres');

describe.runIf(withPg)('two instances behind a round-robin proxy (PostgreSQL)', () => {
  let tdb: TestDb;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-inst-'));
  const children: ChildProcess[] = [];
  let proxy: http.Server;
  let base = '';
  const served: string[] = [];

  beforeAll(async () => {
    tdb = await createTestDb('postgres');
    await seedJiaxingDirectory(tdb.db, systemActor('test'));
    const office = (await loadResolver(tdb.db)).findUnit('市政府办公室')!;
    await createUser(tdb.db, systemActor('test'), { username: 'inst-office', displayName: '办公室', unitId: office, role: 'office', password: TEST_PASSWORD });
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      const child = spawn(process.execPath, [BIN, 'serve'], {
        env: { ...process.env, DATABASE_URL: tdb.url, PORT: String(port), HOST: '127.0.0.1', GONGKAI_DEMO_DATA: '0', GONGKAI_JOB_INTERVAL_SECONDS: '0', GONGKAI_DATA_DIR: dir, LOG_LEVEL: 'warn', GONGKAI_TRUST_PROXY: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(child);
    }
    for (const port of ports) {
      const end = Date.now() + 60_000;
      while (!(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false))) {
        if (Date.now() > end) throw new Error(`instance on ${port} did not start`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    let next = 0;
    proxy = http.createServer((req, res) => {
      const port = ports[next++ % ports.length]!;
      served.push(String(port));
      const up = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: { ...req.headers, 'x-forwarded-for': '203.0.113.20', 'x-forwarded-proto': 'https' } }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(up);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(proxy.address() as import('node:net').AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
    await tdb?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the session, sees the other instance\'s writes at once, and refuses a stale state change', async () => {
    const login = await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'inst-office', password: TEST_PASSWORD }) });
    expect(login.status).toBe(200);
    // behind TLS at the proxy: the cookie is Secure and HSTS is sent
    expect(login.headers.get('strict-transport-security')).toMatch(/max-age=/);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('gk_session='))!;
    expect(cookie).toMatch(/Secure/i);
    const session = cookie.split(';')[0]!;
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const headers = { cookie: session, 'x-csrf-token': csrf };
    // the session works on both instances
    for (let i = 0; i < 4; i++) expect((await fetch(`${base}/api/v1/sessions/current`, { headers })).status).toBe(200);
    // import through one instance …
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(SEED_NOTICE_FILE)]), 'seed.txt');
    const imported = await fetch(`${base}/api/v1/imports`, { method: 'POST', headers, body: form });
    expect(imported.status).toBe(201);
    const listId = ((await imported.json()) as { list: { id: number } }).list.id;
    // … is seen through both at once, and the state change made through one is seen by the other
    for (let i = 0; i < 4; i++) {
      const r = await fetch(`${base}/api/v1/lists/${listId}`, { headers });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { state: string }).state).toBe('draft');
    }
    const published = await fetch(`${base}/api/v1/lists/${listId}/publication`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    expect(published.status, await published.clone().text()).toBe(200);
    for (let i = 0; i < 4; i++) {
      const r = await fetch(`${base}/api/v1/lists/${listId}`, { headers });
      expect(((await r.json()) as { state: string }).state).toBe('published');
    }
    const again = await fetch(`${base}/api/v1/lists/${listId}/publication`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    expect(again.status).toBe(409);
    // the audit log has the client's address as the proxy forwarded it
    const audit = await tdb.db.selectFrom('auditLog').select('ip').where('action', '=', 'login').execute();
    expect(audit.map((a) => a.ip)).toContain('203.0.113.20');
    // both instances answered
    expect(new Set(served).size).toBe(2);
  }, 180_000);
});
