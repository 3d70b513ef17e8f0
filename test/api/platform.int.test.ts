/**
 * Health, OpenAPI documents, the start page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';

describe.each(testDialects())('platform on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
  });
  afterAll(async () => t?.close());

  it('reports health and the database in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: dialect });
  });

  it('serves the OpenAPI document and its UI at /api/docs, every route with a summary and error responses', async () => {
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    const ops = Object.entries(spec.paths as Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>>)
      .flatMap(([p, o]) => Object.entries(o).map(([m, op]) => ({ id: `${m} ${p}`, op })));
    expect(ops.length).toBeGreaterThan(30);
    for (const { id, op } of ops.filter((x) => x.id.includes('/api/v1/'))) {
      expect(op.summary, id).toBeTruthy();
      expect(Object.keys(op.responses), id).toContain('401');
    }
  });

  it('escapes list titles on the start page', async () => {
    const id = await t.importSeed(true);
    const evil = '<script>alert(1)</script>清单';
    expect((await t.as(office, { method: 'PATCH', url: `/api/v1/lists/${id}`, payload: { title: evil } })).statusCode).toBe(200);
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;清单');
    expect(page.body).not.toContain('<script>alert(1)');
  });

  it('sends the security headers: a policy without inline scripts, no framing, no sniffing; HSTS only over TLS', async () => {
    for (const url of ['/', '/portal', '/api/health', '/api/v1/lists', '/api/v1/no-such-route']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      // plain HTTP and no trusted proxy: a forwarded "https" is not believed, so no HSTS
      const forwarded = await t.app.inject({ method: 'GET', url, headers: { 'x-forwarded-proto': 'https' } });
      expect(forwarded.headers['strict-transport-security'], url).toBeUndefined();
    }
    // the API documentation keeps its own policy
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(String(docs.headers['content-security-policy'])).not.toBe('');
  });
});

describe('behind a trusted proxy', () => {
  it('believes the proxy about TLS and the client address: HSTS is sent', async () => {
    const t = await buildTestApp('sqlite', { trustProxy: '127.0.0.1' });
    try {
      const tls = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } });
      expect(tls.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
      const plain = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
