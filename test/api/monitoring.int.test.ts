/**
 * Monitoring: Prometheus metrics at /metrics (requests and latency per route template, the outbox,
 * overdue requests), readable only locally or with the metrics token; JSON log lines that carry no
 * personal data (no query strings, no client addresses, no headers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { buildTestApp, type TestApp } from '../support/test-app.ts';
import { loadConfig } from '../../server/config/config.ts';
import { buildApp } from '../../server/app.ts';

describe.each(testDialects())('metrics on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.seedDirectory();
  });
  afterAll(async () => t?.close());

  it('counts requests per route template and reports the queue and overdue requests, to the server itself only', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/units/1' });
    await t.app.inject({ method: 'GET', url: '/api/v1/units/2' });
    await t.app.inject({ method: 'GET', url: '/api/health' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const body = res.body;
    // two requests to two ids are one route; no id in any label
    expect(body).toMatch(/gongkai_http_requests_total\{method="GET",route="\/api\/v1\/units\/:id",status="\d{3}"\} 2/);
    expect(body).toMatch(/gongkai_http_request_duration_seconds_count\{method="GET",route="\/api\/health"\} 1/);
    expect(body).not.toContain('/api/v1/units/1"');
    expect(body).toMatch(/gongkai_job_queue\{status="pending"\} 0/);
    expect(body).toMatch(/gongkai_disclosure_requests\{state="overdue"\} 0/);
    expect(body).toContain('gongkai_process_resident_memory_bytes');
    const remote = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.5' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe('METRICS_LOCAL_ONLY');
    // relayed by a proxy on the same machine: not local
    const relayed = await t.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(relayed.statusCode).toBe(403);
  });
});

describe('metrics with a token, and the log lines', () => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb('sqlite');
  });
  afterAll(async () => tdb?.destroy());

  it('asks other hosts for the token; logs JSON lines without query strings, addresses or headers', async () => {
    const lines: string[] = [];
    const config = loadConfig({ logLevel: 'info', databaseUrl: ':memory:', dataDir: '/tmp/gongkai-test', demoData: false, metricsToken: 's3cret-metrics-token' }, {});
    const app = await buildApp(config, { db: { db: tdb.db, dialect: 'sqlite' }, logStream: { write: (l: string) => lines.push(l) } });
    try {
      expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.5' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.5', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.5', headers: { authorization: 'Bearer s3cret-metrics-token' } })).statusCode).toBe(200);
      await app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/tracking?name=张三&phone=13800135678', remoteAddress: '198.51.100.7', headers: { cookie: 'gk_session=abc', 'user-agent': 'UA-张三' }, payload: { number: 'x', idNumber: '330402199001011234' } });
      const json = lines.map((l) => JSON.parse(l));
      const incoming = json.filter((l) => l.req);
      expect(incoming.length).toBeGreaterThan(2);
      expect(incoming.some((l) => l.req.path === '/api/v1/disclosure-requests/tracking')).toBe(true);
      const all = lines.join('\n');
      for (const secret of ['张三', '13800135678', '198.51.100.7', '203.0.113.5', 'gk_session', '330402199001011234', 's3cret-metrics-token']) expect(all).not.toContain(secret);
    } finally {
      await app.close();
    }
  });
});
