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
});
