/**
 * The list workflow over HTTP on each database: import a notice (preview, store), read it as the
 * public and as units, correct a draft, publish, revise, export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, multipart, SEED_NOTICE, type Session, type TestApp } from '../support/test-app.ts';

describe.each(testDialects())('lists API on %s', (dialect) => {
  let t: TestApp;
  let office: Session;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
  });
  afterAll(async () => t?.close());

  it('previews an upload without storing anything', async () => {
    const res = await t.as(office, { method: 'POST', url: '/api/v1/imports/preview', ...multipart('通知.txt', SEED_NOTICE) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.result.tasks).toHaveLength(70);
    expect(body.result.notice.docNumber).toBe('嘉政办发〔2020〕36号');
    expect(body.unknownUnits).toEqual([]);
    expect(body.assignmentCount).toBe(5669);
    const lists = await t.as(office, { method: 'GET', url: '/api/v1/lists' });
    expect(lists.json().items).toHaveLength(0);
  });

  let listId: number;
  it('imports the seed as a draft with every assignment, and records it in the audit log', async () => {
    const res = await t.as(office, { method: 'POST', url: '/api/v1/imports', ...multipart('通知.txt', SEED_NOTICE) });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    listId = body.list.id;
    expect(body.list.state).toBe('draft');
    expect(body.list.year).toBe(2020);
    expect(body.taskCount).toBe(70);
    // 4,298 responsible + 1,371 lead: merged cells give both roles, groups expand to their members
    expect(body.assignmentCount).toBe(5669);
    expect(body.placeholders).toEqual([]);
    const audit = await t.as(office, { method: 'GET', url: `/api/v1/audit-log?resourceType=list&resourceId=${listId}` });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('import_list');
  });

  it('hides a draft from the public and from units, shows it to the office', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/lists' })).json().items).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/lists/${listId}` })).statusCode).toBe(404);
    const staff = await t.loginAs('unitStaff', '市司法局');
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/lists/${listId}` })).statusCode).toBe(404);
    const detail = await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().assignmentCount).toBe(5669);
  });

  it('expands groups and keeps both roles for a unit that leads and is responsible (item 4)', async () => {
    const tasks = (await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}/tasks` })).json().items;
    const item4 = tasks.find((x: { seq: number }) => x.seq === 4);
    expect(item4.leadCount).toBe(3);
    expect(item4.responsibleCount).toBe(68); // 61 annex units + 7 county governments
    const detail = (await t.as(office, { method: 'GET', url: `/api/v1/tasks/${item4.id}` })).json();
    const dataOffice = await t.unitId('市政务数据办');
    const roles = detail.assignments.filter((a: { unitId: number }) => a.unitId === dataOffice).map((a: { role: string }) => a.role).sort();
    expect(roles).toEqual(['lead', 'responsible']);
    const item15 = tasks.find((x: { seq: number }) => x.seq === 15);
    expect(item15.merged).toBe(true);
    const d15 = (await t.as(office, { method: 'GET', url: `/api/v1/tasks/${item15.id}` })).json();
    expect(d15.assignments.map((a: { unitName: string; role: string }) => `${a.unitName}:${a.role}`).sort()).toEqual(['海盐县政府:lead', '海盐县政府:responsible']);
  });

  it('serves the list detail with an ETag that changes when a task is corrected (no stale cache)', async () => {
    const first = await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}` });
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    const gz = await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString()).tasks).toHaveLength(70);
    const task1 = first.json().tasks[0];
    await t.as(office, { method: 'PATCH', url: `/api/v1/tasks/${task1.id}`, payload: { text: `${task1.text}（已更正）` } });
    const after = await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}`, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json().tasks[0].text).toContain('（已更正）');
    await t.as(office, { method: 'PATCH', url: `/api/v1/tasks/${task1.id}`, payload: { text: task1.text } });
  });

  it('lets the office correct a draft task; unknown names become placeholder units with a warning', async () => {
    const tasks = (await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}/tasks` })).json().items;
    const item53 = tasks.find((x: { seq: number }) => x.seq === 53);
    const res = await t.as(office, {
      method: 'PATCH', url: `/api/v1/tasks/${item53.id}`,
      payload: { leadUnits: ['市委宣传部', '市融媒体中心'], merged: true, dueDate: '2020-10-31', deadlineText: '2020年10月底前' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.task.dueDate).toBe('2020-10-31');
    expect(body.task.leadUnits).toEqual(['市委宣传部', '市融媒体中心']);
    expect(body.task.assignments).toHaveLength(4);
    expect(body.warnings[0].message).toContain('市融媒体中心');
    const placeholders = (await t.app.inject({ method: 'GET', url: '/api/v1/units?placeholder=true' })).json().items;
    expect(placeholders.map((u: { name: string }) => u.name)).toEqual(['市融媒体中心']);
    const bad = await t.as(office, { method: 'PATCH', url: `/api/v1/tasks/${item53.id}`, payload: { dueDate: '2020-02-30' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('TASK_INVALID_DUE_DATE');
    const audit = (await t.as(office, { method: 'GET', url: `/api/v1/audit-log?resourceType=task&resourceId=${item53.id}` })).json();
    expect(audit.items[0].action).toBe('update_task');
    expect(audit.items[0].before.dueDate).toBe('2020-12-31');
    expect(audit.items[0].after.dueDate).toBe('2020-10-31');
  });

  it('publishes: the public sees the list with its task count; a unit sees only its own assignments', async () => {
    const pub = await t.as(office, { method: 'POST', url: `/api/v1/lists/${listId}/publication` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().state).toBe('published');
    expect((await t.as(office, { method: 'POST', url: `/api/v1/lists/${listId}/publication` })).statusCode).toBe(409);
    const anon = (await t.app.inject({ method: 'GET', url: '/api/v1/lists' })).json().items;
    expect(anon).toHaveLength(1);
    expect(anon[0].taskCount).toBe(70);
    const justice = await t.loginAs('unitStaff', '市司法局');
    const mine = (await t.as(justice, { method: 'GET', url: '/api/v1/assignments?limit=1000' })).json();
    expect(mine.total).toBeGreaterThan(60);
    expect(mine.items.every((a: { unitId: number }) => a.unitId === justice.unitId)).toBe(true);
    const leads = (await t.as(justice, { method: 'GET', url: '/api/v1/assignments?role=lead' })).json().items.map((a: { seq: number }) => a.seq);
    // named lead of 4, 6, 7; and lead of every merged cell that names its group (它们既牵头又负责)
    expect(leads).toEqual([1, 2, 4, 5, 6, 7, 14, 33, 34, 35, 36, 48, 49, 50, 54, 55, 56, 60, 61, 65, 70]);
    const other = await t.as(justice, { method: 'GET', url: `/api/v1/assignments?unitId=${await t.unitId('市教育局')}` });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('ASSIGNMENT_FORBIDDEN');
    expect((await t.as(office, { method: 'PATCH', url: `/api/v1/tasks/1`, payload: { text: 'x' } })).statusCode).toBe(409);
  });

  it('exports the list to .xlsx in the notice layout', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/lists/${listId}/xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '重点工作', '牵头单位', '责任单位', '完成时限']);
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[2]![0]).toBe('一、围绕助力市域治理现代化，不断拓展主动公开深度和广度');
    const item9 = rows.find((r) => r[0] === '9')!;
    expect(item9[2]).toBe('市市场监管局、市应急管理局、市生态环境局、市金融办、人行嘉兴市中心支行分别负责');
    expect(item9[3]).toBe('市级有关部门（单位）、各县（市、区）政府');
    const item14 = rows.find((r) => r[0] === '14')!;
    expect(item14[4]).toBe('2020年9月底前');
    const r15 = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === 15)!;
    expect(r15.getCell(3).isMerged && r15.getCell(4).isMerged).toBe(true);
    expect(rows.filter((r) => /^\d+$/.test(r[0]!))).toHaveLength(70);
  });

  it('shows and applies what a revised notice changes, keeping unchanged assignments', async () => {
    const revised = SEED_NOTICE.toString('utf8')
      .replace('深入实施政务服务“好差评”制度。', '深入实施政务服务“好差评”制度，按月通报。')
      .replace(/\t70\n[^\n]*\n[^\n]*\n/, '');
    const preview = await t.as(office, { method: 'POST', url: `/api/v1/lists/${listId}/revisions/preview`, ...multipart('revised.txt', revised) });
    expect(preview.statusCode).toBe(200);
    const diff = preview.json().diff;
    expect(diff.removed.map((x: { seq: number }) => x.seq)).toEqual([70]);
    expect(diff.added).toEqual([]);
    expect(diff.changed.map((c: { seq: number; fields: { field: string }[] }) => [c.seq, c.fields.map((f) => f.field)])).toEqual(
      expect.arrayContaining([[12, expect.arrayContaining(['text'])]]),
    );
    const before = (await t.as(office, { method: 'GET', url: '/api/v1/assignments?taskId=1&limit=5' })).json().items;
    const applied = await t.as(office, { method: 'POST', url: `/api/v1/lists/${listId}/revisions`, ...multipart('revised.txt', revised) });
    expect(applied.statusCode).toBe(200);
    const detail = (await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}` })).json();
    expect(detail.tasks).toHaveLength(69);
    expect(detail.tasks.find((x: { seq: number }) => x.seq === 12).text).toContain('按月通报');
    const after = (await t.as(office, { method: 'GET', url: '/api/v1/assignments?taskId=1&limit=5' })).json().items;
    expect(after.map((a: { id: number }) => a.id)).toEqual(before.map((a: { id: number }) => a.id));
  });

  it('deletes drafts only', async () => {
    const res = await t.as(office, { method: 'DELETE', url: `/api/v1/lists/${listId}` });
    expect(res.statusCode).toBe(409);
    const draft = (await t.as(office, { method: 'POST', url: '/api/v1/imports', ...multipart('again.txt', SEED_NOTICE) })).json();
    expect((await t.as(office, { method: 'DELETE', url: `/api/v1/lists/${draft.list.id}` })).statusCode).toBe(204);
    expect((await t.as(office, { method: 'GET', url: `/api/v1/lists/${draft.list.id}` })).statusCode).toBe(404);
  });
});
