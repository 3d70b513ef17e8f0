/**
 * The unit directory over HTTP: the Jiaxing demo directory, CSV round trip, placeholders and merging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, multipart, SEED_NOTICE, type Session, type TestApp } from '../support/test-app.ts';

describe.each(testDialects())('directory API on %s', (dialect) => {
  let t: TestApp;
  let office: Session;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
  });
  afterAll(async () => t?.close());

  it('holds the Jiaxing directory: the office, 61 annex units, 7 county governments, 2 groups', async () => {
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/units' })).json().items;
    expect(units).toHaveLength(69);
    expect(units.filter((u: { kind: string }) => u.kind === 'countyGovernment').map((u: { shortName: string }) => u.shortName)).toEqual(
      ['南湖区政府', '秀洲区政府', '嘉善县政府', '平湖市政府', '海宁市政府', '桐乡市政府', '海盐县政府'],
    );
    const groups = (await t.app.inject({ method: 'GET', url: '/api/v1/unit-groups' })).json().items;
    const byName = Object.fromEntries(groups.map((g: { name: string; memberIds: number[] }) => [g.name, g.memberIds.length]));
    expect(byName).toEqual({ '市级有关部门（单位）': 61, '各县（市、区）政府': 7 });
    const data = units.find((u: { shortName: string }) => u.shortName === '市政务数据办');
    expect(data.aliases).toContain('市跑改办');
  });

  it('exports CSV that imports back unchanged', async () => {
    const csv = (await t.app.inject({ method: 'GET', url: '/api/v1/units/export' })).body;
    expect(csv.split('\n')[0]).toBe('\uFEFFname,shortName,aliases,kind,parent,groups');
    const res = await t.as(office, { method: 'POST', url: '/api/v1/units/import', payload: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 69 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units/export' })).body).toBe(csv);
  });

  it('creates a placeholder for an unknown name and merges it into the real unit, moving its assignments', async () => {
    const notice = SEED_NOTICE.toString('utf8').replace('\t市委宣传部、市网信办\n\n\t（三）', '\t市委宣传部、市网信办、嘉兴日报社\n\n\t（三）');
    const imported = (await t.as(office, { method: 'POST', url: '/api/v1/imports', ...multipart('n.txt', notice) })).json();
    expect(imported.placeholders).toHaveLength(1);
    expect(imported.placeholders[0].name).toBe('嘉兴日报社');
    expect(imported.warnings.some((w: { message: string; line: number }) => w.message.includes('嘉兴日报社') && w.line > 0)).toBe(true);
    const placeholder = imported.placeholders[0].id;
    const real = (await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name: '嘉报集团', kind: 'enterprise' } })).json();
    const merged = await t.as(office, { method: 'POST', url: `/api/v1/units/${placeholder}/merges`, payload: { intoUnitId: real.id } });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().aliases).toContain('嘉兴日报社');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/units/${placeholder}` })).statusCode).toBe(404);
    const moved = (await t.as(office, { method: 'GET', url: `/api/v1/assignments?unitId=${real.id}&listId=${imported.list.id}` })).json();
    expect(moved.items.map((a: { seq: number; role: string }) => `${a.seq}:${a.role}`)).toEqual(['53:lead', '53:responsible']);
    const audit = (await t.as(office, { method: 'GET', url: '/api/v1/audit-log?action=merge_unit' })).json();
    expect(audit.items[0].before.name).toBe('嘉兴日报社');
    // a later notice naming 嘉兴日报社 now resolves to the merged unit
    const preview = (await t.as(office, { method: 'POST', url: '/api/v1/imports/preview', ...multipart('n.txt', notice) })).json();
    expect(preview.unknownUnits).toEqual([]);
  });

  it('updates a group and records before and after', async () => {
    const groups = (await t.app.inject({ method: 'GET', url: '/api/v1/unit-groups' })).json().items;
    const counties = groups.find((g: { name: string }) => g.name === '各县（市、区）政府');
    const res = await t.as(office, { method: 'PATCH', url: `/api/v1/unit-groups/${counties.id}`, payload: { memberIds: counties.memberIds.slice(0, 6) } });
    expect(res.json().memberIds).toHaveLength(6);
    const audit = (await t.as(office, { method: 'GET', url: `/api/v1/audit-log?resourceType=unitGroup&resourceId=${counties.id}` })).json();
    expect(audit.items[0].before.memberIds).toHaveLength(7);
    expect(audit.items[0].after.memberIds).toHaveLength(6);
  });
});
