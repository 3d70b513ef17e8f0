/**
 * 政府信息公开工作年度报告 made on the platform, over HTTP on each database. Fixture years with known
 * requests, appeals and normative documents give exact tables 三, 四 and table 二's register row;
 * the government's report aggregates its units; each check (balance, rowTotal / groupTotal,
 * carryOver against last year's published report, negative) is caught on a broken report and
 * publishing is refused while any remains; the 2019 and 2021 templates rendered (the HTML page and
 * the .docx read back with mammoth) carry every label of the reference, in order, and read back
 * through 年报体检 to the same numbers; a published report never changes and its page is escaped;
 * a unit cannot read another unit's draft; table 二 rows come from the sample .xlsx (a bad cell is
 * named); every number lists the records it counts; deadline reminders go out once per stage.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, multipart, type Session, type TestApp } from '../support/test-app.ts';
import { setClock } from '../../server/platform/clock.ts';
import { scanReminders } from '../../server/modules/reminders/index.ts';
import { readAnnualReport, TEMPLATES, type TemplateVersion } from '../../server/modules/annual-reports/index.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/annual-report-template-labels.txt');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ---- the reference's labels, in print order ----

function fixtureSections(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let cur: string[] | null = null;
  for (const line of fs.readFileSync(FIXTURE, 'utf8').split('\n')) {
    const m = /^\[(.+)\]$/.exec(line);
    if (m) out.set(m[1]!, (cur = []));
    else if (cur !== null && line.trim() !== '' && !line.startsWith('#')) cur.push(line);
  }
  return out;
}

/** Every label of a version's template as the reference gives it, in the order a report prints them. */
function referenceLabels(version: TemplateVersion): string[] {
  const S = fixtureSections();
  const sections = S.get('sections')!;
  const table2 = S.get(`table2 ${version}`)!.flatMap((l) => (l.includes('|') ? l.split('|').map((s) => s.trim()) : [l.trim()]));
  const header = S.get('table3 header')!;
  const tick = (line: string) => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const t3head = [...tick(header[0]!), ...tick(header[1]!), ...tick(header[2]!), ...tick(header[3]!)];
  let rows = S.get('table3 rows v2021')!.map((l) => l.trim());
  if (version === 'v2019') {
    // reference: in 2019 （六）其他处理 is a single data row, every other label identical
    const other = rows.indexOf('（六）其他处理');
    rows = [...rows.slice(0, other + 1), ...rows.slice(rows.indexOf('（七）总计'))];
  }
  const t4 = S.get('table4')!.slice(0, 3).flatMap((l) => l.split('|').map((s) => s.replace(/\(.*\)/, '').trim()).filter(Boolean));
  return [sections[0]!, sections[1]!, ...table2, sections[2]!, ...t3head, ...rows, sections[3]!, ...t4, sections[4]!, sections[5]!];
}

/** Whether `expected` appears in `tokens` in order (each an exact token). Returns the first label not found. */
function missingInOrder(tokens: string[], expected: string[]): string | null {
  let i = 0;
  for (const label of expected) {
    while (i < tokens.length && tokens[i] !== label) i++;
    if (i === tokens.length) return label;
    i++;
  }
  return null;
}

/** The text nodes of an HTML page, entities decoded, in document order. */
function htmlTokens(page: string): string[] {
  return page.replace(/<style[\s\S]*?<\/style>/g, '').split(/<[^>]+>/).map((s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim()).filter(Boolean);
}

describe.each(testDialects())('annual reports on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let observer: Session;
  let eco: Session; // 市生态环境局
  let edu: Session; // 市教育局
  let ecoUnit: number;
  let eduUnit: number;
  let officeUnit: number;
  let r2019: number;
  let r2020: number;
  const req: Record<string, number> = {};
  const appeal: Record<string, number> = {};
  let seq = 0;

  const get = (who: Session | null, url: string) => t.as(who, { method: 'GET', url });
  const put = (who: Session, id: number, payload: object) => t.as(who, { method: 'PUT', url: `/api/v1/annual-reports/${id}`, payload });
  const publish = (who: Session, id: number) => t.as(who, { method: 'POST', url: `/api/v1/annual-reports/${id}/publication` });
  const create = (who: Session, payload: object) => t.as(who, { method: 'POST', url: '/api/v1/annual-reports', payload });
  const rules = async (id: number) => ((await get(office, `/api/v1/annual-reports/${id}/checks`)).json().problems as { rule: string; where: string }[]);

  /** A request row as a data import would leave it. */
  async function request(unitId: number, kind: string, receivedOn: string, repliedOn: string | null, outcome: string | null): Promise<number> {
    const at = new Date().toISOString();
    const n = ++seq;
    const row = await t.tdb.db.insertInto('disclosureRequest').values({
      regNumber: `测试〔${receivedOn.slice(0, 4)}〕依申请第${n}号`, year: Number(receivedOn.slice(0, 4)), seq: n, handlingUnitId: unitId, state: repliedOn ? 'replied' : 'handling',
      channel: 'online', arrivedOn: receivedOn, receiptConfirmedOn: receivedOn, receivedOn, applicantKind: kind, applicantName: `申请人${n}`, idType: null, idNumber: null,
      creditCode: null, legalRepresentative: null, contactPerson: null, phone: null, email: null, address: null, description: `申请内容${n}`, formWanted: 'electronic',
      deliveryWanted: 'email', dueOn: null, outcome, replyText: null, repliedOn, replyMethod: null, archivedAt: null, createdBy: null, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async function addAppeal(requestId: number, a: { kind: string; after?: boolean; filedOn: string; outcome: string; decidedOn: string | null }): Promise<number> {
    const at = new Date().toISOString();
    return (await t.tdb.db.insertInto('appeal').values({
      requestId, kind: a.kind, afterReconsideration: a.after ? 1 : 0, filedOn: a.filedOn, body: null, outcome: a.outcome, decidedOn: a.decidedOn, note: null, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }

  async function normative(unitId: number, regNumber: string, publishedOn: string, validity = 'valid', validityChangedOn: string | null = null): Promise<void> {
    const at = new Date().toISOString();
    const p = await t.tdb.db.insertInto('publication').values({
      unitId, platformColumn: 'statutory', kind: 'normative', title: `规范性文件${regNumber}`, publisher: '嘉兴市生态环境局', docNumber: null, topic: '环境保护',
      writtenOn: publishedOn, madeOn: publishedOn, publishedOn, bodyHtml: '<p>正文</p>', bodyText: '正文', state: 'published', createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await t.tdb.db.insertInto('normativeDocument').values({
      publicationId: p.id, regNumber, unitId, validity, effectiveOn: publishedOn, validUntil: null, validityChangedOn, validityNote: null, expiryAlertedAt: null, registeredAt: at, updatedAt: at,
    }).execute();
  }

  beforeAll(async () => {
    setClock('2022-01-10T02:00:00Z');
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    ecoUnit = await t.unitId('市生态环境局');
    eduUnit = await t.unitId('市教育局');
    officeUnit = await t.unitId('市政府办公室');
    office = await t.loginAs('office', officeUnit);
    observer = await t.loginAs('observer', officeUnit);
    eco = await t.loginAs('unitStaff', ecoUnit);
    edu = await t.loginAs('unitAdmin', eduUnit);

    // 2019: r1 answered in the year; r2 and r3 carried into 2020
    req.r1 = await request(ecoUnit, 'person', '2019-03-01', '2019-03-20', 'disclosed');
    req.r2 = await request(ecoUnit, 'commercial', '2019-12-20', '2020-01-10', 'withheld.thirdPartyRights');
    req.r3 = await request(ecoUnit, 'person', '2019-12-28', null, null);
    // 2020
    req.r4 = await request(ecoUnit, 'person', '2020-02-03', '2020-02-20', 'disclosed');
    req.r5 = await request(ecoUnit, 'person', '2020-04-01', '2020-04-10', 'partlyDisclosed');
    req.r6 = await request(ecoUnit, 'research', '2020-05-06', '2020-05-20', 'unable.notHeld');
    req.r7 = await request(ecoUnit, 'legalService', '2020-06-01', '2020-06-09', 'noAction.repeated');
    req.r8 = await request(ecoUnit, 'person', '2020-07-01', '2020-07-27', 'other.noCorrection');
    req.r9 = await request(ecoUnit, 'publicInterest', '2020-12-25', null, null);
    req.r10 = await request(ecoUnit, 'otherOrganisation', '2020-08-03', '2020-08-20', 'disclosed');
    req.x1 = await request(eduUnit, 'person', '2020-03-03', '2020-03-18', 'disclosed');
    appeal.a1 = await addAppeal(req.r2, { kind: 'reconsideration', filedOn: '2020-02-01', outcome: 'maintained', decidedOn: '2020-04-01' });
    appeal.a2 = await addAppeal(req.r6, { kind: 'litigation', filedOn: '2020-07-01', outcome: 'pending', decidedOn: null });
    appeal.a3 = await addAppeal(req.r1, { kind: 'litigation', after: true, filedOn: '2019-06-01', outcome: 'corrected', decidedOn: '2019-09-01' });
    // the register: n1 2019, n2 2020, n3 2020 repealed in 2021, n4 2021
    await normative(ecoUnit, '嘉环规〔2019〕1号', '2019-05-01');
    await normative(ecoUnit, '嘉环规〔2020〕1号', '2020-03-01');
    await normative(ecoUnit, '嘉环规〔2020〕2号', '2020-06-01', 'repealed', '2021-03-01');
    await normative(ecoUnit, '嘉环规〔2021〕1号', '2021-02-01');
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('creates a unit\'s report with the template of its year, once; refuses other units, observers, years without a template', async () => {
    const res = await create(eco, { scope: 'unit', year: 2020 });
    expect(res.statusCode).toBe(201);
    r2020 = res.json().id;
    expect(res.json()).toMatchObject({ unitId: ecoUnit, year: 2020, template: 'v2019', state: 'draft', title: '嘉兴市生态环境局2020年政府信息公开工作年度报告', deadline: '2021-01-31', previous: null });
    expect(res.json().enteredRows.map((r: { label: string }) => r.label)).toEqual(['规章', '行政许可', '其他对外管理服务事项', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购']);
    const again = await create(eco, { scope: 'unit', year: 2020 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ANNUAL_REPORT_EXISTS');
    expect((await create(edu, { scope: 'unit', unitId: ecoUnit, year: 2020 })).statusCode).toBe(403);
    expect((await create(observer, { scope: 'unit', unitId: ecoUnit, year: 2020 })).statusCode).toBe(403);
    for (const year of [2018, 2023]) expect((await create(eco, { scope: 'unit', year })).json().error.code).toBe('ANNUAL_REPORT_YEAR_INVALID');
    expect((await create(eco, { scope: 'government', year: 2020 })).json().error.code).toBe('ANNUAL_REPORT_SCOPE_INVALID');
    const r19 = await create(eco, { scope: 'unit', year: 2019 });
    r2019 = r19.json().id;
    const r21 = await create(eco, { scope: 'unit', year: 2021 });
    expect(r21.json()).toMatchObject({ template: 'v2021' });
    expect(r21.json().enteredRows.map((r: { label: string }) => r.label)).toEqual(['规章', '行政许可', '行政处罚', '行政强制', '行政事业性收费']);
  });

  it('fills table 三 and 四 of 2020 from the requests and appeals, exactly, and table 二\'s normative row from the register', async () => {
    const res = await get(eco, `/api/v1/annual-reports/${r2020}/preview`);
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    const row = (key: string) => data.table3.find((r: { key: string }) => r.key === key).cells;
    expect(row('received')).toEqual([3, 0, 1, 1, 1, 1, 7]);
    expect(row('carriedOver')).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(row('disclosed')).toEqual([1, 0, 0, 0, 0, 1, 2]);
    expect(row('partlyDisclosed')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('withheld.thirdPartyRights')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(row('unable.notHeld')).toEqual([0, 0, 1, 0, 0, 0, 1]);
    expect(row('noAction.repeated')).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(row('other')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('withheld.stateSecret')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row('total')).toEqual([3, 1, 1, 0, 1, 1, 7]);
    expect(row('carriedForward')).toEqual([1, 0, 0, 1, 0, 0, 2]);
    expect(data.table3).toHaveLength(23);
    expect(data.table4.cells).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(data.table3.find((r: { key: string }) => r.key === 'disclosed').ids[6].sort()).toEqual([req.r4, req.r10].sort());
    const t2 = data.table2[0];
    expect(t2.rows[1]).toMatchObject({ label: '规范性文件', source: 'register', cells: [2, 2, 3] });
    expect(data.summary.paragraphs.join('')).toContain('全年收到政府信息公开申请7件，上年结转2件');
    expect(data.summary.paragraphs.join('')).toContain('制发行政规范性文件2件');
    expect(res.json().problems).toEqual([]);
    // 2019 and the 2021 format's register row
    const y19 = (await get(eco, `/api/v1/annual-reports/${r2019}/preview`)).json().data;
    expect(y19.table3.find((r: { key: string }) => r.key === 'received').cells).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(y19.table3.find((r: { key: string }) => r.key === 'carriedForward').cells).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(y19.table4.cells).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
    const list = (await get(eco, '/api/v1/annual-reports?year=2021')).json().items;
    const y21 = (await get(eco, `/api/v1/annual-reports/${list[0].id}/preview`)).json().data;
    expect(y21.table2[0].rows[1]).toMatchObject({ label: '行政规范性文件', cells: [1, 1, 3] });
    expect(y21.table3).toHaveLength(25);
  });

  it('lists the records behind a number: the requests of a table 三 cell, the appeals of a table 四 cell, the documents of the register row', async () => {
    const disclosed = await get(eco, `/api/v1/annual-reports/${r2020}/records?table=3&row=disclosed&column=6`);
    expect(disclosed.statusCode).toBe(200);
    expect(disclosed.json().items.map((i: { requestId: number }) => i.requestId).sort()).toEqual([req.r4, req.r10].sort());
    expect(disclosed.json().where).toBe('表三「（一）予以公开」行第7列');
    const pending = (await get(eco, `/api/v1/annual-reports/${r2020}/records?table=4&column=8`)).json();
    expect(pending.items).toMatchObject([{ kind: 'appeal', id: appeal.a2, requestId: req.r6, appealKind: 'litigation', appealOutcome: 'pending' }]);
    expect((await get(eco, `/api/v1/annual-reports/${r2020}/records?table=3&row=nonsense&column=0`)).json().error.code).toBe('ANNUAL_REPORT_CELL_INVALID');
    const issued = (await get(eco, `/api/v1/annual-reports/${r2020}/records?table=2&row=${encodeURIComponent('规范性文件')}&column=2`)).json();
    expect(issued.where).toBe('表二「规范性文件」行「对外公开总数量」列');
    expect(issued.documents.map((d: { regNumber: string }) => d.regNumber).sort()).toEqual(['嘉环规〔2019〕1号', '嘉环规〔2020〕1号', '嘉环规〔2020〕2号']);
    expect((await get(eco, `/api/v1/annual-reports/${r2020}/records?table=2&row=${encodeURIComponent('行政许可')}&column=0`)).json().error.code).toBe('ANNUAL_REPORT_CELL_INVALID');
  });

  it('makes the city government\'s report from the office and the city departments (市生态环境局 and 市教育局 together)', async () => {
    const res = await create(office, { scope: 'government', unitId: officeUnit, year: 2020 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ issuer: '嘉兴市人民政府', title: '嘉兴市人民政府2020年政府信息公开工作年度报告', deadline: '2021-03-31', scopeLabel: '本级人民政府年度报告' });
    const data = (await get(office, `/api/v1/annual-reports/${res.json().id}/preview`)).json().data;
    expect(data.unitIds).toEqual(expect.arrayContaining([officeUnit, ecoUnit, eduUnit]));
    expect(data.table3.find((r: { key: string }) => r.key === 'received').cells).toEqual([4, 0, 1, 1, 1, 1, 8]);
    expect(data.table3.find((r: { key: string }) => r.key === 'disclosed').cells[6]).toBe(3);
    // the unit's own draft is not the government's business: 市教育局 cannot read it
    expect((await get(edu, `/api/v1/annual-reports/${res.json().id}`)).statusCode).toBe(404);
  });

  it('follows a placeholder unit merged into the real one', async () => {
    const placeholder = (await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name: '嘉兴市教育考试院筹备组', kind: 'unknown' } })).json();
    const made = await create(office, { scope: 'unit', unitId: placeholder.id, year: 2019 });
    expect(made.statusCode, made.body).toBe(201);
    const merged = await t.as(office, { method: 'POST', url: `/api/v1/units/${placeholder.id}/merges`, payload: { intoUnitId: eduUnit } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await get(office, `/api/v1/annual-reports/${made.json().id}`)).json()).toMatchObject({ unitId: eduUnit, title: '嘉兴市教育局2019年政府信息公开工作年度报告' });
  });

  it('shows the office which units have not published their reports, against the deadlines', async () => {
    const res = await get(observer, '/api/v1/annual-reports/expected?year=2020');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { scope: string; unitId: number; state: string; late: boolean; deadline: string; title: string }[];
    expect(items.find((i) => i.scope === 'unit' && i.unitId === ecoUnit)).toMatchObject({ state: 'draft', deadline: '2021-01-31', late: true });
    expect(items.find((i) => i.scope === 'unit' && i.unitId === eduUnit)).toMatchObject({ state: 'none', late: true });
    expect(items.find((i) => i.scope === 'government' && i.unitId === officeUnit)).toMatchObject({ state: 'draft', title: '嘉兴市人民政府2020年政府信息公开工作年度报告', deadline: '2021-03-31' });
    expect(items.filter((i) => i.scope === 'government').length).toBe(8); // the city and its 7 counties (市、区)
    expect((await get(edu, '/api/v1/annual-reports/expected?year=2020')).statusCode).toBe(403);
    expect((await get(office, '/api/v1/annual-reports/expected?year=2018')).json().error.code).toBe('ANNUAL_REPORT_YEAR_INVALID');
  });

  it('lets a unit read only its own drafts; observers read all and write nothing', async () => {
    for (const path of ['', '/preview', '/checks', '/docx', '/records?table=3&row=received&column=0']) {
      expect((await get(edu, `/api/v1/annual-reports/${r2020}${path}`)).statusCode).toBe(404);
      expect((await get(observer, `/api/v1/annual-reports/${r2020}${path}`)).statusCode).toBe(200);
    }
    expect((await get(null, `/api/v1/annual-reports/${r2020}`)).statusCode).toBe(401);
    expect((await get(edu, '/api/v1/annual-reports')).json().items.map((r: { unitId: number }) => r.unitId)).toEqual([eduUnit]); // its own only (the merged one)
    expect((await get(observer, '/api/v1/annual-reports?year=2020')).json().items.length).toBe(2);
    expect((await put(edu, r2020, { section5: '改别人的' })).statusCode).toBe(404);
    expect((await put(observer, r2020, { section5: '观察员' })).statusCode).toBe(403);
    expect((await publish(observer, r2020)).statusCode).toBe(403);
  });

  it('catches a negative number entered in table 二 and refuses to publish until it is corrected', async () => {
    const bad = await put(eco, r2020, { table2: { 行政许可: [20, 2, -3] } });
    expect(bad.statusCode).toBe(200);
    expect(await rules(r2020)).toEqual([{ rule: 'negative', where: '表二「行政许可」行「处理决定数量」列', message: '数字不能为负数：-3' }]);
    const refused = await publish(eco, r2020);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ANNUAL_REPORT_CHECKS_FAILED');
    expect(refused.json().error.details.problems).toHaveLength(1);
    // a blank cell stays blank (not 0)
    expect((await put(eco, r2020, { table2: { 规章: [null, null, 0] } })).json().table2.规章).toEqual([null, null, 0]);
    // 本年增/减 is signed: a decrease is no problem
    await put(eco, r2020, { table2: { 行政许可: [20, -2, 300] } });
    expect(await rules(r2020)).toEqual([]);
    // not a number, a decimal count, a row the register fills, a row of the other format
    expect((await put(eco, r2020, { table2: { 行政许可: [20, 1.5, 300] } })).json().error.code).toBe('ANNUAL_REPORT_TABLE2_CELL_INVALID');
    expect((await put(eco, r2020, { table2: { 规范性文件: [1, 1, 1] } })).json().error.code).toBe('ANNUAL_REPORT_TABLE2_ROW_INVALID');
    expect((await put(eco, r2020, { table2: { 行政规范性文件: [1, 1, 1] } })).json().error.code).toBe('ANNUAL_REPORT_TABLE2_ROW_INVALID');
    expect((await put(eco, r2020, { table2: { 行政许可: [1, 2] } })).json().error.code).toBe('ANNUAL_REPORT_TABLE2_ROW_INVALID');
    expect((await put(eco, r2020, { table2: { 行政许可: ['三', 2, 1] } })).json().error.code).toBe('VALIDATION_FAILED');
  });

  it('catches a broken balance: a request answered without an outcome is counted in 一 but nowhere in 三 or 四', async () => {
    const stray = await request(ecoUnit, 'person', '2020-09-01', '2020-09-10', null);
    const problems = await rules(r2020);
    expect(problems.map((p) => `${p.rule} ${p.where}`)).toEqual(['balance 表三「自然人」列', 'balance 表三「总计」列']);
    expect((await publish(eco, r2020)).statusCode).toBe(409);
    await t.tdb.db.deleteFrom('disclosureRequest').where('id', '=', stray).execute();
    expect(await rules(r2020)).toEqual([]);
  });

  it('checks 上年结转 against last year\'s published report: a late 2019 request breaks it', async () => {
    const p19 = await publish(eco, r2019);
    expect(p19.statusCode).toBe(200);
    expect(p19.json()).toMatchObject({ state: 'published', publishedOn: '2022-01-10', url: `/portal/annual-reports/${r2019}` });
    const late = await request(ecoUnit, 'commercial', '2019-11-11', '2020-01-05', 'disclosed');
    const problems = await rules(r2020);
    expect(problems.map((p) => `${p.rule} ${p.where}`)).toEqual([
      'carryOver 表三「二、上年结转政府信息公开申请数量」行「商业企业」列', 'carryOver 表三「二、上年结转政府信息公开申请数量」行「总计」列',
    ]);
    expect((await get(eco, `/api/v1/annual-reports/${r2020}/checks`)).json().previousChecked).toBe(true);
    const refused = await publish(eco, r2020);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.problems.map((p: { rule: string }) => p.rule)).toEqual(['carryOver', 'carryOver']);
    // the published 2019 report did not change with the late request
    expect((await get(eco, `/api/v1/annual-reports/${r2019}/preview`)).json().data.table3.find((r: { key: string }) => r.key === 'received').cells).toEqual([2, 1, 0, 0, 0, 0, 3]);
    await t.tdb.db.deleteFrom('disclosureRequest').where('id', '=', late).execute();
    expect(await rules(r2020)).toEqual([]);
    expect((await get(eco, `/api/v1/annual-reports/${r2020}`)).json().previous).toMatchObject({ id: r2019, year: 2019, state: 'published' });
  });

  it('catches wrong totals (rowTotal, groupTotal, table4Total) in a report whose numbers were altered', async () => {
    const row = await t.tdb.db.selectFrom('annualReport').select('snapshot').where('id', '=', r2019).executeTakeFirstOrThrow();
    const snap = JSON.parse(row.snapshot!);
    const disclosed = snap.table3.find((r: { key: string }) => r.key === 'disclosed');
    disclosed.cells[6] = 5; // 总计 no longer the sum of its row, nor （七）总计 the sum of the rows
    snap.table4.cells[14] = 3;
    await t.tdb.db.updateTable('annualReport').set({ snapshot: JSON.stringify(snap) }).where('id', '=', r2019).execute();
    const problems = (await rules(r2019)).map((p) => `${p.rule} ${p.where}`);
    expect(problems).toEqual(expect.arrayContaining([
      'rowTotal 表三「（一）予以公开」行「总计」列', 'groupTotal 表三「（七）总计」行「总计」列', 'table4Total 表四「复议后起诉」「总计」列',
    ]));
    await t.tdb.db.updateTable('annualReport').set({ snapshot: row.snapshot }).where('id', '=', r2019).execute();
    expect(await rules(r2019)).toEqual([]);
  });

  it('imports table 二 rows from the sample .xlsx and names the cell of a bad sheet', async () => {
    const sample = await get(eco, `/api/v1/annual-reports/table2-template?reportId=${r2020}`);
    expect(sample.statusCode).toBe(200);
    expect(sample.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sample.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('表二')!;
    let penalty = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === '行政处罚') penalty = n;
    });
    expect(penalty).toBeGreaterThan(0);
    ws.getRow(penalty).values = ['行政处罚', 58, -1, 2364];
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await t.as(eco, { method: 'POST', url: `/api/v1/annual-reports/${r2020}/table2-import`, ...multipart('表二.xlsx', good, XLSX) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().table2.行政处罚).toEqual([58, -1, 2364]);
    expect(ok.json().table2.行政许可).toEqual([20, -2, 300]);
    ws.getRow(penalty).getCell(4).value = '两千';
    const bad = await t.as(eco, { method: 'POST', url: `/api/v1/annual-reports/${r2020}/table2-import`, ...multipart('表二.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), XLSX) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('ANNUAL_REPORT_IMPORT_CELL_INVALID');
    expect(bad.json().error.message).toContain(`表二!D${penalty}`);
    const notXlsx = await t.as(eco, { method: 'POST', url: `/api/v1/annual-reports/${r2020}/table2-import`, ...multipart('表二.xlsx', Buffer.from('不是表格'), XLSX) });
    expect(notXlsx.json().error.code).toBe('ANNUAL_REPORT_IMPORT_UNREADABLE');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1').addRow(['随便', 1]);
    const none = await t.as(eco, { method: 'POST', url: `/api/v1/annual-reports/${r2020}/table2-import`, ...multipart('a.xlsx', Buffer.from(await empty.xlsx.writeBuffer()), XLSX) });
    expect(none.json().error.code).toBe('ANNUAL_REPORT_IMPORT_EMPTY');
    const blank = await get(eco, '/api/v1/annual-reports/table2-template?year=2021');
    expect(blank.statusCode).toBe(200);
  });

  it('reminds of last year\'s report once per stage while it is not published (departments by 31 January)', async () => {
    const ours = async (unitId: number) => t.tdb.db.selectFrom('reminder').selectAll().where('unitId', '=', unitId).where('kind', 'like', 'annualReport%').orderBy('id').execute();
    setClock('2021-01-25T02:00:00Z');
    await scanReminders(t.tdb.db);
    await scanReminders(t.tdb.db);
    const dueSoon = await ours(eduUnit);
    expect(dueSoon.map((r) => r.kind)).toEqual(['annualReportDueSoon']);
    expect(dueSoon[0]!.message).toContain('《嘉兴市教育局2020年政府信息公开工作年度报告》应于2021-01-31前公布');
    expect((await ours(ecoUnit)).map((r) => r.kind)).toEqual(['annualReportDueSoon']);
    expect((await ours(officeUnit)).map((r) => r.message).some((m) => m.includes('嘉兴市人民政府2020年'))).toBe(false); // governments: by 31 March
    setClock('2021-02-02T02:00:00Z');
    await scanReminders(t.tdb.db);
    await scanReminders(t.tdb.db);
    expect((await ours(eduUnit)).map((r) => r.kind)).toEqual(['annualReportDueSoon', 'annualReportOverdue']);
    setClock('2021-03-26T02:00:00Z');
    await scanReminders(t.tdb.db);
    expect((await ours(officeUnit)).filter((r) => r.message.includes('嘉兴市人民政府2020年')).map((r) => r.kind)).toEqual(['annualReportDueSoon']);
    const notes = await t.tdb.db.selectFrom('notification').select(['title', 'link']).where('unitId', '=', ecoUnit).where('title', 'like', '%年度报告%').execute();
    expect(notes.map((n) => n.link)).toEqual([`/admin/annual-reports/${r2020}`, `/admin/annual-reports/${r2020}`]);
    setClock('2022-01-10T02:00:00Z');
  });

  it('publishes a consistent report: frozen, not editable, listed and shown (escaped) under /portal/annual-reports', async () => {
    await put(eco, r2020, { section5: '一是<script>alert(1)</script>公开不够及时。\n二是解读形式单一。', section6: '本年度未收取信息处理费。' });
    const res = await publish(eco, r2020);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'published', stateLabel: '已发布' });
    expect((await put(eco, r2020, { section6: '改' })).json().error.code).toBe('ANNUAL_REPORT_PUBLISHED');
    // every change left its audit record, in order
    const audit = await t.tdb.db.selectFrom('auditLog').select(['action', 'actorUserId']).where('resourceType', '=', 'annual_report').where('resourceId', '=', String(r2020)).orderBy('id').execute();
    expect(audit[0]).toEqual({ action: 'create_annual_report', actorUserId: eco.userId });
    expect(audit.at(-1)).toEqual({ action: 'publish_annual_report', actorUserId: eco.userId });
    expect(audit.filter((a) => a.action === 'update_annual_report').length).toBeGreaterThan(3);
    expect((await publish(eco, r2020)).statusCode).toBe(409);
    // new data does not change a published report
    const later = await request(ecoUnit, 'person', '2020-10-10', '2020-10-20', 'disclosed');
    expect((await get(eco, `/api/v1/annual-reports/${r2020}/preview`)).json().data.table3.find((r: { key: string }) => r.key === 'received').cells[6]).toBe(7);
    await t.tdb.db.deleteFrom('disclosureRequest').where('id', '=', later).execute();
    // every signed-in user may read a published report (it is public)
    expect((await get(edu, `/api/v1/annual-reports/${r2020}`)).statusCode).toBe(200);
    const column = await get(null, '/portal/annual-reports');
    expect(column.statusCode).toBe(200);
    expect(column.body).toContain(`href="/portal/annual-reports/${r2020}"`);
    expect(column.body).toContain('嘉兴市生态环境局2020年政府信息公开工作年度报告');
    const byYear = await get(null, '/portal/annual-reports?year=2019');
    expect(byYear.body).not.toContain(`/portal/annual-reports/${r2020}"`);
    const page = await get(null, `/portal/annual-reports/${r2020}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('一是&lt;script&gt;alert(1)&lt;/script&gt;公开不够及时。');
    expect(page.body).not.toContain('<script>alert(1)');
    const publicDocx = await get(null, `/portal/annual-reports/${r2020}/docx`);
    expect(publicDocx.statusCode).toBe(200);
    expect((await mammoth.extractRawText({ buffer: publicDocx.rawPayload })).value).toContain('嘉兴市生态环境局2020年政府信息公开工作年度报告');
    expect((await get(null, '/portal/annual-reports/999999')).statusCode).toBe(404);
    expect((await get(null, '/portal/annual-reports/abc')).statusCode).toBe(404);
    const draft = (await get(office, '/api/v1/annual-reports?year=2020&scope=government')).json().items[0];
    expect((await get(null, `/portal/annual-reports/${draft.id}`)).statusCode).toBe(404);
    expect((await get(null, `/portal/annual-reports/${draft.id}/docx`)).statusCode).toBe(404);
  });

  it('renders the 2019 format: the page and the .docx carry every label of the reference in order, and read back to the same numbers', async () => {
    const expected = referenceLabels('v2019');
    const page = await get(null, `/portal/annual-reports/${r2020}`);
    expect(missingInOrder(htmlTokens(page.body), expected)).toBeNull();
    const docx = await get(eco, `/api/v1/annual-reports/${r2020}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('嘉兴市生态环境局2020年政府信息公开工作年度报告.docx'));
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    const tokens = text.split('\n').map((s) => s.trim()).filter(Boolean);
    expect(tokens[0]).toBe('嘉兴市生态环境局2020年政府信息公开工作年度报告');
    expect(missingInOrder(tokens, expected)).toBeNull();
    expect(missingInOrder(tokens, referenceLabels('v2021'))).not.toBeNull(); // the other format's labels are not there
    // 年报体检 reads the .docx back: the same numbers, no problems
    const read = await readAnnualReport(docx.rawPayload, 'r.docx');
    expect(read.report.template).toBe('v2019');
    expect(read.report.year).toBe(2020);
    expect(read.report.table3['一、本年新收政府信息公开申请数量']).toEqual([3, 0, 1, 1, 1, 1, 7]);
    expect(read.report.table4).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(read.problems).toEqual([]);
  });

  it('renders the 2021 format label by label (the .docx of a draft read back with mammoth, then the published page)', async () => {
    const list = (await get(eco, '/api/v1/annual-reports?year=2021')).json().items;
    const id = list[0].id;
    await put(eco, id, { table2: { 规章: [0, 0, 0], 行政许可: [210], 行政处罚: [35], 行政强制: [2], 行政事业性收费: [12.5] } });
    const docx = await get(eco, `/api/v1/annual-reports/${id}/docx`);
    const tokens = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value.split('\n').map((s) => s.trim()).filter(Boolean);
    expect(missingInOrder(tokens, referenceLabels('v2021'))).toBeNull();
    expect(tokens).toContain('12.5');
    const html = (await mammoth.convertToHtml({ buffer: docx.rawPayload })).value;
    // merged header cells as in the published reports: the note over 3 × 3, 申请人情况 over 7, 行政诉讼 over 10
    expect(html).toContain('<th colspan="3" rowspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></th><th colspan="7"><p>申请人情况</p></th>');
    expect(html).toContain('<th rowspan="2"><p>自然人</p></th><th colspan="5"><p>法人或其他组织</p></th><th rowspan="2"><p>总计</p></th>');
    expect(html).toContain('<th colspan="5"><p>行政复议</p></th><th colspan="10"><p>行政诉讼</p></th>');
    expect(html).toContain('<td rowspan="22"><p>三、本年度办理结果</p></td>'); // the 21 outcome rows and （七）总计
    expect(html).toContain('<td rowspan="8"><p>（三）不予公开</p></td>');
    const read = await readAnnualReport(docx.rawPayload, 'r.docx');
    expect(read.report.template).toBe('v2021');
    expect(Object.keys(read.report.table3)).toEqual(TEMPLATES.v2021.table3.rows.map((r) => r.label));
    expect(read.report.table3['二、上年结转政府信息公开申请数量']).toEqual([1, 0, 0, 1, 0, 0, 2]);
    // its 上年结转 agrees with the published 2020 report: it publishes, and its page carries the 2021 labels
    expect((await get(eco, `/api/v1/annual-reports/${id}/checks`)).json()).toEqual({ problems: [], previousChecked: true });
    expect((await publish(eco, id)).statusCode).toBe(200);
    const page = await get(null, `/portal/annual-reports/${id}`);
    expect(missingInOrder(htmlTokens(page.body), referenceLabels('v2021'))).toBeNull();
    expect(missingInOrder(htmlTokens(page.body), referenceLabels('v2019'))).not.toBeNull();
  });
});
