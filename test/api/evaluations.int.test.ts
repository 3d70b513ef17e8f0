/**
 * 考核评价 over HTTP on each database: the office builds a 2020 indicator set (a tree whose groups
 * add up their children), computed leaves score units from known progress reports, disclosure
 * requests, publications and interpretations — exact points per unit and the ids of the records
 * that lost points —, including the rectifications of the inspections module —, manual deductions need a note and stay within the maximum, equal totals share
 * a rank, a unit sees its own breakdown only (and the ranking only once published), the .xlsx holds
 * the numbers, publishing freezes the result against later data changes, and the public page
 * escapes what it shows.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/create-db.ts';
import { setClock } from '../../server/platform/clock.ts';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';

const AT = '2020-01-05T00:00:00.000Z';

/** The fixture's records, inserted as rows: a published 2020 list with two quarterly periods and reports, requests, publications, interpretations. */
async function fixture(db: Db, units: { a: number; b: number }, userId: number) {
  const list = await db.insertInto('list').values({ kind: 'responsibility', year: 2020, title: '2020年考核测试清单', noticeId: null, state: 'published', annexGroupId: null, createdBy: null, publishedAt: AT, createdAt: AT, updatedAt: AT })
    .returning('id').executeTakeFirstOrThrow();
  const task = async (seq: number) => (await db.insertInto('task').values({
    listId: list.id, seq, sectionId: null, subsectionId: null, text: `测试任务${seq}`, leadUnits: '[]', responsibleUnits: '[]', eachLeads: 0, merged: 0,
    dueDate: null, deadlineText: null, recurrence: null, target: null, sourceLine: null, sourceText: null, reportingCycle: null, createdAt: AT, updatedAt: AT,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const t1 = await task(1);
  const t2 = await task(2);
  const assign = async (taskId: number, unitId: number) => (await db.insertInto('assignment').values({ taskId, unitId, role: 'responsible', finalState: null, createdAt: AT }).returning('id').executeTakeFirstOrThrow()).id;
  const a1 = await assign(t1, units.a);
  const a2 = await assign(t2, units.a);
  const b1 = await assign(t1, units.b);
  const period = async (seq: number, label: string, startsOn: string, endsOn: string, dueOn: string) =>
    (await db.insertInto('reportingPeriod').values({ listId: list.id, taskId: null, seq, label, startsOn, endsOn, dueOn }).returning('id').executeTakeFirstOrThrow()).id;
  const p1 = await period(1, '2020年第一季度', '2020-01-01', '2020-03-31', '2020-04-10');
  const p2 = await period(2, '2020年第二季度', '2020-04-01', '2020-06-30', '2020-07-10');
  const report = async (assignmentId: number, periodId: number, version: number, submittedAt: string, state: string, completed = 0) =>
    (await db.insertInto('progressReport').values({
      assignmentId, periodId, version, text: '工作进展', evidenceLinks: '[]', completed, publicSummary: null, state, submittedBy: userId, submittedAt,
      reviewedBy: state === 'submitted' ? null : userId, reviewedAt: state === 'submitted' ? null : submittedAt, reviewComment: state === 'returned' ? '请补充佐证材料' : null, public: 0,
    }).returning('id').executeTakeFirstOrThrow()).id;
  const r = {
    a1p1: await report(a1, p1, 1, '2020-04-08T02:00:00.000Z', 'accepted'),
    a1p2v1: await report(a1, p2, 1, '2020-07-15T02:00:00.000Z', 'returned'),
    a1p2v2: await report(a1, p2, 2, '2020-07-20T02:00:00.000Z', 'accepted'),
    a2p2: await report(a2, p2, 1, '2020-07-01T02:00:00.000Z', 'submitted'),
    // 20:00 UTC on 9 April is 10 April in China: the due date itself, on time; completed → Q2 not required
    b1p1: await report(b1, p1, 1, '2020-04-09T20:00:00.000Z', 'accepted', 1),
  };

  let seq = 0;
  const request = async (unitId: number, receivedOn: string, dueOn: string, repliedOn: string | null) => {
    seq++;
    return (await db.insertInto('disclosureRequest').values({
      regNumber: `测试〔${receivedOn.slice(0, 4)}〕依申请第${seq}号`, year: Number(receivedOn.slice(0, 4)), seq, handlingUnitId: unitId, state: repliedOn ? 'replied' : 'handling',
      channel: 'online', arrivedOn: receivedOn, receiptConfirmedOn: receivedOn, receivedOn, applicantKind: 'person', applicantName: '张某', idType: null, idNumber: null,
      creditCode: null, legalRepresentative: null, contactPerson: null, phone: null, email: null, address: null, description: '申请公开某文件', formWanted: 'paper',
      deliveryWanted: 'post', dueOn, outcome: repliedOn ? 'disclosed' : null, replyText: null, repliedOn, replyMethod: null, archivedAt: null, createdBy: null, createdAt: AT, updatedAt: AT,
    }).returning('id').executeTakeFirstOrThrow()).id;
  };
  const q = {
    a1: await request(units.a, '2020-03-02', '2020-03-30', '2020-03-25'),
    a2: await request(units.a, '2020-05-06', '2020-06-03', '2020-06-10'),
    a3: await request(units.a, '2020-11-02', '2020-11-30', null),
    b1: await request(units.b, '2020-08-03', '2020-08-31', '2020-08-31'),
    b2019: await request(units.b, '2019-08-01', '2019-08-29', '2019-10-08'),
  };

  const publication = async (unitId: number, madeOn: string, publishDueOn: string, publishedOn: string | null, state = publishedOn ? 'published' : 'draft') =>
    (await db.insertInto('publication').values({
      unitId, platformColumn: 'statutory', kind: 'general', indexNumber: null, title: `测试公开信息${madeOn}`, publisher: '测试单位', docNumber: null, topic: null,
      writtenOn: madeOn, madeOn, publishDueOn, publishedOn, bodyHtml: '<p>正文</p>', bodyText: '正文', state, reviewerId: null, reviewNote: null, reviewedAt: null,
      withdrawnReason: null, withdrawnAt: null, createdBy: null, createdAt: AT, updatedAt: AT,
    }).returning('id').executeTakeFirstOrThrow()).id;
  const p = {
    a1: await publication(units.a, '2020-03-02', '2020-03-30', '2020-03-20'),
    a2: await publication(units.a, '2020-06-01', '2020-06-29', '2020-07-10'),
    b1: await publication(units.b, '2020-09-01', '2020-09-29', null),
    b2: await publication(units.b, '2020-10-09', '2020-11-06', '2020-11-06'),
  };

  const interpretation = async (unitId: number, byUnitHead: number, publishedOn: string) =>
    (await db.insertInto('interpretation').values({
      unitId, publicationId: p.a1, title: `解读${publishedOn}`, form: 'text', bodyHtml: '<p>解读</p>', bodyText: '解读', mediaUrl: null, interpreterName: '某某',
      interpreterTitle: '局长', byUnitHead, publishedOn, state: 'published', createdBy: null, createdAt: AT, updatedAt: AT,
    }).returning('id').executeTakeFirstOrThrow()).id;
  const i = {
    a1: await interpretation(units.a, 1, '2020-04-01'),
    a2: await interpretation(units.a, 1, '2020-09-01'),
    a3: await interpretation(units.a, 0, '2020-10-01'),
    b1: await interpretation(units.b, 1, '2020-05-01'),
  };
  const inspection = await db.insertInto('inspection').values({
    year: 2020, kind: 'websiteCheck', title: '2020年政府网站检查', source: null, description: null, startedOn: '2020-04-01', endedOn: '2020-04-10', state: 'open',
    publishedOn: null, createdBy: null, createdAt: AT, updatedAt: AT,
  }).returning('id').executeTakeFirstOrThrow();
  const finding = async (dueOn: string, state: string, closedOn: string | null) => (await db.insertInto('inspectionFinding').values({
    inspectionId: inspection.id, unitId: units.a, taskId: null, publicationId: null, severity: 'general', problem: '栏目更新不及时', requirement: '限期整改',
    dueOn, state, closedOn, officeNote: null, createdAt: AT, updatedAt: AT,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const f = { onTime: await finding('2020-05-10', 'closed', '2020-05-01'), open: await finding('2020-10-31', 'open', null) };
  return { assignments: { a1, a2, b1 }, reports: r, requests: q, publications: p, interpretations: i, findings: f };
}

type Line = { text: string; refs: { kind: string; id: number | null; url: string | null; reason?: string }[] };
type Score = { indicatorId: number; name: string; points: number; maxPoints: number; summary: string; lines: Line[]; numerator: number | null; denominator: number | null };

describe.each(testDialects())('evaluations on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let observer: Session;
  let staffA: Session;
  let staffB: Session;
  let unitA: number; // 市教育局
  let unitB: number; // 市民政局
  let unitC: number; // 市司法局
  let unitD: number; // a unit whose name needs escaping
  let setId: number;
  let data: Awaited<ReturnType<typeof fixture>>;
  const leaf = { onTime: 0, accepted: 0, timely: 0, requests: 0, handling: 0, heads: 0, rect: 0, org: 0 };

  const get = (url: string, who: Session | null) => t.as(who, { method: 'GET', url });
  const post = (url: string, who: Session | null, payload?: unknown) => t.as(who, { method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
  const put = (url: string, who: Session | null, payload: unknown) => t.as(who, { method: 'PUT', url, payload: payload as object });
  const patch = (url: string, who: Session | null, payload: unknown) => t.as(who, { method: 'PATCH', url, payload: payload as object });
  const indicator = async (payload: Record<string, unknown>) => {
    const res = await post(`/api/v1/indicator-sets/${setId}/indicators`, office, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const breakdown = async (unitId: number, who: Session = office): Promise<{ total: number; rank: number; indicators: Score[] }> => {
    const res = await get(`/api/v1/indicator-sets/${setId}/results/${unitId}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const byName = (b: { indicators: Score[] }, name: string) => b.indicators.find((x) => x.name === name)!;

  beforeAll(async () => {
    setClock('2021-03-01T02:00:00Z');
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
    observer = await t.loginAs('observer', '市政府办公室');
    unitA = await t.unitId('市教育局');
    unitB = await t.unitId('市民政局');
    unitC = await t.unitId('市司法局');
    staffA = await t.loginAs('unitStaff', unitA);
    staffB = await t.loginAs('unitStaff', unitB);
    const d = await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name: '测试<script>alert(1)</script>单位', kind: 'department' } });
    expect(d.statusCode, d.body).toBe(201);
    unitD = d.json().id;
    data = await fixture(t.tdb.db, { a: unitA, b: unitB }, office.userId);
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('builds the indicator tree: a group adds up its children; bad input is refused with a code', async () => {
    const res = await post('/api/v1/indicator-sets', office, { year: 2020, name: '2020年度<b>政务公开</b>考核', scopeKind: 'units', scopeUnitIds: [unitA, unitB, unitC, unitD] });
    expect(res.statusCode, res.body).toBe(201);
    setId = res.json().id;
    expect(res.json()).toMatchObject({ state: 'draft', totalPoints: 100, treeTotal: 0, scopeKind: 'units' });
    expect(res.json().units.map((u: { id: number }) => u.id)).toEqual([unitA, unitB, unitC, unitD].sort((x, y) => x - y));

    const g1 = await indicator({ name: '一、主动公开' });
    leaf.onTime = await indicator({ parentId: g1, name: '进度报告按时报送', maxPoints: 10, method: 'computed', metric: 'progressOnTime' });
    leaf.accepted = await indicator({ parentId: g1, name: '进度报告审核通过', maxPoints: 6, method: 'computed', metric: 'progressAccepted' });
    leaf.timely = await indicator({ parentId: g1, name: '主动公开及时', maxPoints: 14, method: 'computed', metric: 'publicationsTimely' });
    const g2 = await indicator({ name: '二、依申请公开' });
    leaf.requests = await indicator({ parentId: g2, name: '按期答复', maxPoints: 15, method: 'computed', metric: 'requestsWithinLimit' });
    leaf.handling = await indicator({ parentId: g2, name: '办理规范', maxPoints: 5, method: 'manual', description: '发现一处不规范扣1分' });
    const g3 = await indicator({ name: '三、政策解读' });
    leaf.heads = await indicator({ parentId: g3, name: '主要负责人解读', maxPoints: 10, method: 'computed', metric: 'leadInterpretations', params: { target: 2 } });
    const g4 = await indicator({ name: '四、监督保障' });
    leaf.rect = await indicator({ parentId: g4, name: '整改按期', maxPoints: 5, method: 'computed', metric: 'rectificationsOnTime' });
    leaf.org = await indicator({ parentId: g4, name: '组织领导', maxPoints: 5, method: 'manual' });

    const set = (await get(`/api/v1/indicator-sets/${setId}`, office)).json();
    expect(set.treeTotal).toBe(70);
    expect(set.indicators.map((i: { name: string; maxPoints: number; depth: number; isGroup: boolean }) => [i.name, i.maxPoints, i.depth, i.isGroup])).toEqual([
      ['一、主动公开', 30, 0, true], ['进度报告按时报送', 10, 1, false], ['进度报告审核通过', 6, 1, false], ['主动公开及时', 14, 1, false],
      ['二、依申请公开', 20, 0, true], ['按期答复', 15, 1, false], ['办理规范', 5, 1, false],
      ['三、政策解读', 10, 0, true], ['主要负责人解读', 10, 1, false],
      ['四、监督保障', 10, 0, true], ['整改按期', 5, 1, false], ['组织领导', 5, 1, false],
    ]);

    const bad: [Record<string, unknown>, number, string][] = [
      [{ name: 'x', maxPoints: 5, method: 'computed', metric: 'happiness' }, 400, 'EVALUATION_METRIC_UNKNOWN'],
      [{ name: 'x', maxPoints: 5, method: 'computed' }, 400, 'EVALUATION_METRIC_REQUIRED'],
      [{ name: 'x', maxPoints: 5, method: 'computed', metric: 'leadInterpretations', params: { target: 0 } }, 400, 'EVALUATION_PARAMS_INVALID'],
      [{ name: 'x', maxPoints: 5, method: 'computed', metric: 'progressOnTime', params: { target: 2 } }, 400, 'EVALUATION_PARAMS_INVALID'],
      [{ name: 'x', maxPoints: 2.55 }, 400, 'EVALUATION_POINTS_INVALID'],
      [{ name: 'x', maxPoints: 5, method: 'guess' }, 400, 'EVALUATION_METHOD_INVALID'],
      [{ name: '  ', maxPoints: 5 }, 400, 'EVALUATION_INDICATOR_NAME_REQUIRED'],
      [{ name: 'x', maxPoints: 5, parentId: 99999 }, 400, 'EVALUATION_PARENT_INVALID'],
      [{ name: 'x', maxPoints: -1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [payload, status, code] of bad) {
      const r = await post(`/api/v1/indicator-sets/${setId}/indicators`, office, payload);
      expect([r.statusCode, r.json().error?.code], JSON.stringify(payload)).toEqual([status, code]);
    }
    const groupPoints = await patch(`/api/v1/indicators/${g1}`, office, { maxPoints: 50 });
    expect([groupPoints.statusCode, groupPoints.json().error.code]).toEqual([400, 'EVALUATION_GROUP_POINTS']);
    const cycle = await patch(`/api/v1/indicators/${g1}`, office, { parentId: leaf.onTime });
    expect([cycle.statusCode, cycle.json().error.code]).toEqual([400, 'EVALUATION_PARENT_INVALID']);
    expect((await get(`/api/v1/indicator-sets/${setId}`, office)).json().treeTotal).toBe(70);

    // four levels at most; deleting a node deletes what is under it
    const x1 = await indicator({ name: '临时一级' });
    const x2 = await indicator({ parentId: x1, name: '临时二级' });
    const x3 = await indicator({ parentId: x2, name: '临时三级' });
    const x4 = await indicator({ parentId: x3, name: '临时四级', maxPoints: 3 });
    const deep = await post(`/api/v1/indicator-sets/${setId}/indicators`, office, { parentId: x4, name: '五级', maxPoints: 1 });
    expect([deep.statusCode, deep.json().error.code]).toEqual([400, 'EVALUATION_TREE_TOO_DEEP']);
    const moveDeep = await patch(`/api/v1/indicators/${x2}`, office, { parentId: leaf.org });
    expect([moveDeep.statusCode, moveDeep.json().error.code]).toEqual([400, 'EVALUATION_TREE_TOO_DEEP']);
    expect((await get(`/api/v1/indicator-sets/${setId}`, office)).json().treeTotal).toBe(73);
    expect((await t.as(office, { method: 'DELETE', url: `/api/v1/indicators/${x1}` })).statusCode).toBe(204);
    const after = (await get(`/api/v1/indicator-sets/${setId}`, office)).json();
    expect([after.treeTotal, after.indicators.length]).toEqual([70, 12]);
  });

  it('starts scoring only when the tree adds up to the total; units see nothing of a draft', async () => {
    for (const who of [staffA, null]) expect((await get(`/api/v1/indicator-sets/${setId}`, who)).statusCode).toBe(who ? 404 : 401);
    expect((await get('/api/v1/indicator-sets', staffA)).json().items).toEqual([]);
    expect((await get(`/api/v1/indicator-sets/${setId}`, observer)).statusCode).toBe(200);
    const mismatch = await post(`/api/v1/indicator-sets/${setId}/scoring`, office);
    expect([mismatch.statusCode, mismatch.json().error.code]).toEqual([409, 'EVALUATION_TOTAL_MISMATCH']);
    expect(mismatch.json().error.message).toContain('70');
    expect((await patch(`/api/v1/indicator-sets/${setId}`, office, { totalPoints: 70 })).statusCode).toBe(200);
    expect((await post(`/api/v1/indicator-sets/${setId}/scoring`, observer)).statusCode).toBe(403);
    const ok = await post(`/api/v1/indicator-sets/${setId}/scoring`, office);
    expect([ok.statusCode, ok.json().state]).toEqual([200, 'scoring']);
    expect((await post(`/api/v1/indicator-sets/${setId}/scoring`, office)).json().error.code).toBe('EVALUATION_INVALID_STATE');
    const audit = await t.tdb.db.selectFrom('auditLog').select('action').where('resourceType', '=', 'indicator_set').where('resourceId', '=', String(setId)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create_indicator_set', 'update_indicator_set', 'start_scoring']));
  });

  it('validates manual scores: within the maximum, a note for a deduction, manual leaves of units in scope only', async () => {
    const url = (ind: number, unit: number) => `/api/v1/indicators/${ind}/manual-scores/${unit}`;
    const cases: [number, number, Record<string, unknown>, number, string][] = [
      [leaf.handling, unitA, { points: 6 }, 400, 'EVALUATION_POINTS_OVER_MAX'],
      [leaf.handling, unitA, { points: 3.5 }, 400, 'EVALUATION_NOTE_REQUIRED'],
      [leaf.handling, unitA, { points: 3.5, note: '   ' }, 400, 'EVALUATION_NOTE_REQUIRED'],
      [leaf.handling, unitA, { points: 3.25, note: 'x' }, 400, 'EVALUATION_POINTS_INVALID'],
      [leaf.handling, unitA, { points: 3.5, note: 'x', evidence: ['javascript:alert(1)'] }, 400, 'EVALUATION_EVIDENCE_URL_INVALID'],
      [leaf.onTime, unitA, { points: 3, note: 'x' }, 409, 'EVALUATION_NOT_MANUAL'],
      [leaf.handling, await t.unitId('市财政局'), { points: 3, note: 'x' }, 400, 'EVALUATION_UNIT_NOT_IN_SCOPE'],
      [99999, unitA, { points: 3, note: 'x' }, 404, 'EVALUATION_INDICATOR_NOT_FOUND'],
    ];
    for (const [ind, unit, payload, status, code] of cases) {
      const r = await put(url(ind, unit), office, payload);
      expect([r.statusCode, r.json().error?.code], JSON.stringify(payload)).toEqual([status, code]);
    }
    expect((await put(url(leaf.handling, unitA), staffA, { points: 5 })).statusCode).toBe(403);
    expect((await put(url(leaf.handling, unitA), observer, { points: 5 })).statusCode).toBe(403);

    const ok = await put(url(leaf.handling, unitA), office, { points: 3.5, note: '2件申请的补正告知未录入平台', evidence: ['https://example.com/check.pdf', '/admin/requests/1'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ points: 3.5, note: '2件申请的补正告知未录入平台', evidence: ['https://example.com/check.pdf', '/admin/requests/1'], unitName: '嘉兴市教育局' });
    // a correction replaces the score (one row per indicator and unit)
    expect((await put(url(leaf.org, unitB), office, { points: 4.5, note: '初评' })).statusCode).toBe(200);
    expect((await put(url(leaf.org, unitB), office, { points: 4, note: '联系人调整未报备' })).json()).toMatchObject({ points: 4, note: '联系人调整未报备' });
    expect((await put(url(leaf.org, unitC), office, { points: 2, note: '未明确工作机构' })).statusCode).toBe(200);
    // full points need no note
    expect((await put(url(leaf.org, unitD), office, { points: 5 })).statusCode).toBe(200);
    expect((await t.as(office, { method: 'DELETE', url: url(leaf.org, unitD) })).statusCode).toBe(204);

    const scores = await get(`/api/v1/indicator-sets/${setId}/manual-scores`, observer);
    expect(scores.json().items.map((s: { indicatorId: number; unitId: number; points: number }) => [s.indicatorId, s.unitId, s.points]))
      .toEqual([[leaf.handling, unitA, 3.5], [leaf.org, unitB, 4], [leaf.org, unitC, 2]]);
    expect((await get(`/api/v1/indicator-sets/${setId}/manual-scores`, staffA)).statusCode).toBe(403);
    const audit = await t.tdb.db.selectFrom('auditLog').select('action').where('resourceType', '=', 'manual_score').execute();
    expect(audit.filter((a) => a.action === 'score_indicator')).toHaveLength(5);
  });

  it('computes exact points per unit from the records, with the ids of those that lost points', async () => {
    const a = await breakdown(unitA);
    const pts = (b: { indicators: Score[] }) => b.indicators.map((x) => [x.name, x.points]);
    expect(pts(a)).toEqual([
      ['一、主动公开', 16], ['进度报告按时报送', 5], ['进度报告审核通过', 4], ['主动公开及时', 7],
      ['二、依申请公开', 8.5], ['按期答复', 5], ['办理规范', 3.5],
      ['三、政策解读', 10], ['主要负责人解读', 10],
      ['四、监督保障', 7.5], ['整改按期', 2.5], ['组织领导', 5],
    ]);
    expect(a.total).toBe(42);

    const onTime = byName(a, '进度报告按时报送');
    expect([onTime.numerator, onTime.denominator]).toEqual([2, 4]);
    expect(onTime.summary).toBe('按时报送 2/4 份（50%），得 5 分');
    expect(onTime.lines.map((l) => l.text)).toEqual([
      '1 份进度报告逾期提交：任务1（2020年第二季度），截止 2020-07-10，报送于 2020-07-15',
      '1 份进度报告到期未报送：任务2（2020年第一季度），截止 2020-04-10',
    ]);
    expect(onTime.lines.map((l) => l.refs.map((r) => [r.kind, r.id]))).toEqual([[['progressReport', data.reports.a1p2v1]], [['assignment', data.assignments.a2]]]);
    expect(onTime.lines[0]!.refs[0]!.url).toBe(`/admin/tasks?assignment=${data.assignments.a1}`);

    const accepted = byName(a, '进度报告审核通过');
    expect([accepted.numerator, accepted.denominator]).toEqual([2, 3]);
    expect(accepted.lines.map((l) => l.refs.map((r) => [r.kind, r.id, r.reason]))).toEqual([[['progressReport', data.reports.a1p2v1, '被退回']]]);

    const timely = byName(a, '主动公开及时');
    expect(timely.lines.map((l) => l.refs.map((r) => [r.kind, r.id, r.reason]))).toEqual([[['publication', data.publications.a2, '超期公开']]]);

    const requests = byName(a, '按期答复');
    expect([requests.numerator, requests.denominator, requests.points]).toEqual([1, 3, 5]);
    expect(requests.lines.map((l) => l.refs.map((r) => [r.id, r.reason, r.url]))).toEqual([
      [[data.requests.a2, '超期答复', `/admin/requests/${data.requests.a2}`]],
      [[data.requests.a3, '超期未答复', `/admin/requests/${data.requests.a3}`]],
    ]);

    const handling = byName(a, '办理规范');
    expect(handling.lines).toEqual([{ text: '扣 1.5 分：2件申请的补正告知未录入平台', refs: [
      { kind: 'evidence', id: null, label: '佐证材料1', url: 'https://example.com/check.pdf' }, { kind: 'evidence', id: null, label: '佐证材料2', url: '/admin/requests/1' },
    ] }]);
    const rect = byName(a, '整改按期');
    expect([rect.numerator, rect.denominator]).toEqual([1, 2]);
    expect(rect.lines.map((l) => [l.text, l.refs.map((r) => [r.kind, r.id])])).toEqual([[`1 项整改事项未按期整改：督查问题 #${data.findings.open}`, [['finding', data.findings.open]]]]);

    const b = await breakdown(unitB);
    expect(pts(b)).toEqual([
      ['一、主动公开', 23], ['进度报告按时报送', 10], ['进度报告审核通过', 6], ['主动公开及时', 7],
      ['二、依申请公开', 20], ['按期答复', 15], ['办理规范', 5],
      ['三、政策解读', 5], ['主要负责人解读', 5],
      ['四、监督保障', 9], ['整改按期', 5], ['组织领导', 4],
    ]);
    expect(b.total).toBe(57);
    expect(byName(b, '整改按期').lines).toEqual([{ text: '无此类事项', refs: [] }]);
    // the report on 9 April 20:00 UTC was on 10 April in China: on time; the 2019 late request does not count
    expect([byName(b, '进度报告按时报送').numerator, byName(b, '进度报告按时报送').denominator]).toEqual([1, 1]);
    expect(byName(b, '主动公开及时').lines.map((l) => l.refs.map((r) => [r.id, r.reason]))).toEqual([[[data.publications.b1, '超期未公开']]]);
    expect(byName(b, '主要负责人解读').lines).toEqual([{ text: '主要负责人解读 1 次，少于目标 2 次', refs: [expect.objectContaining({ kind: 'interpretation', id: data.interpretations.b1 })] }]);
    expect(byName(b, '组织领导').summary).toBe('人工评分，得 4 分');

    const c = await breakdown(unitC);
    expect(c.total).toBe(57);
    expect(byName(c, '进度报告按时报送')).toMatchObject({ points: 10, denominator: 0, lines: [{ text: '无此类事项', refs: [] }] });
    expect(byName(c, '主要负责人解读')).toMatchObject({ points: 0, numerator: 0, denominator: 2 });
    expect((await breakdown(unitD)).total).toBe(60);
  });

  it('ranks by total; equal totals share a rank', async () => {
    const res = await get(`/api/v1/indicator-sets/${setId}/results`, office);
    expect(res.statusCode).toBe(200);
    expect(res.json().topIndicators.map((x: { name: string; maxPoints: number }) => [x.name, x.maxPoints])).toEqual([['一、主动公开', 30], ['二、依申请公开', 20], ['三、政策解读', 10], ['四、监督保障', 10]]);
    expect(res.json().units.map((u: { unitId: number; rank: number; total: number; byTopLevel: number[] }) => [u.unitId, u.rank, u.total, u.byTopLevel])).toEqual([
      [unitD, 1, 60, [30, 20, 0, 10]],
      [Math.min(unitB, unitC), 2, 57, unitB < unitC ? [23, 20, 5, 9] : [30, 20, 0, 7]],
      [Math.max(unitB, unitC), 2, 57, unitB < unitC ? [30, 20, 0, 7] : [23, 20, 5, 9]],
      [unitA, 4, 42, [16, 8.5, 10, 7.5]],
    ]);
  });

  it('shows a unit its own breakdown only, and the ranking only once published', async () => {
    const own = await get(`/api/v1/indicator-sets/${setId}/results`, staffA);
    expect(own.statusCode).toBe(200);
    expect(own.json().units).toEqual([{ unitId: unitA, unitName: '嘉兴市教育局', rank: null, total: 42, byTopLevel: [16, 8.5, 10, 7.5] }]);
    const mine = await get(`/api/v1/indicator-sets/${setId}/results/${unitA}`, staffA);
    expect([mine.statusCode, mine.json().total, mine.json().rankShown, mine.json().rank]).toEqual([200, 42, false, 0]);
    const other = await get(`/api/v1/indicator-sets/${setId}/results/${unitB}`, staffA);
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'EVALUATION_FORBIDDEN']);
    expect((await get(`/api/v1/indicator-sets/${setId}/results/${unitA}`, null)).statusCode).toBe(401);
    expect((await get(`/api/v1/indicator-sets/${setId}/results/${unitB}`, observer)).statusCode).toBe(200);
    const outside = await get(`/api/v1/indicator-sets/${setId}/results/${await t.unitId('市财政局')}`, office);
    expect([outside.statusCode, outside.json().error.code]).toEqual([404, 'EVALUATION_UNIT_NOT_IN_SCOPE']);
    // the unit's export holds its own sheet only, no ranking
    const x = await get(`/api/v1/indicator-sets/${setId}/export.xlsx`, staffA);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['嘉兴市教育局']);
  });

  it('exports the ranking and each unit’s breakdown to .xlsx with the numbers', async () => {
    const res = await get(`/api/v1/indicator-sets/${setId}/export.xlsx`, office);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(5);
    const ranking = wb.getWorksheet('排名')!;
    expect(ranking.getRow(2).values).toEqual([undefined, '排名', '单位', '总分', '一、主动公开（30分）', '二、依申请公开（20分）', '三、政策解读（10分）', '四、监督保障（10分）']);
    expect(ranking.getRow(6).values).toEqual([undefined, 4, '嘉兴市教育局', 42, 16, 8.5, 10, 7.5]);
    const a = wb.getWorksheet('嘉兴市教育局')!;
    expect(a.getRow(3).values).toEqual([undefined, '指标', '分值', '得分', '得分说明', '失分明细（所依据的记录）']);
    const rows = a.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 4));
    expect(rows).toContainEqual(['　进度报告按时报送', 10, 5]);
    expect(rows).toContainEqual(['二、依申请公开', 20, 8.5]);
    expect(String(a.getRow(5).getCell(5).value)).toContain(`进度报告#${data.reports.a1p2v1}`);
  });

  it('publishes: the result is frozen against later data changes and edits; units then see the ranking', async () => {
    expect((await post(`/api/v1/indicator-sets/${setId}/publication`, staffA)).statusCode).toBe(403);
    const res = await post(`/api/v1/indicator-sets/${setId}/publication`, office);
    expect([res.statusCode, res.json().state, res.json().url]).toEqual([200, 'published', `/portal/evaluations/${setId}`]);

    // later: A's late request is answered on time after all (a correction), a new late publication appears, a unit is renamed
    await t.tdb.db.updateTable('disclosureRequest').set({ repliedOn: '2020-06-01' }).where('id', '=', data.requests.a2).execute();
    await t.tdb.db.updateTable('interpretation').set({ state: 'withdrawn' }).where('id', '=', data.interpretations.a1).execute();
    await t.tdb.db.updateTable('unit').set({ name: '嘉兴市教育局（新）' }).where('id', '=', unitA).execute();
    await t.tdb.db.updateTable('inspectionFinding').set({ state: 'closed', closedOn: '2020-10-30' }).where('id', '=', data.findings.open).execute();

    const a = await breakdown(unitA);
    expect([a.total, a.rank, byName(a, '按期答复').points, byName(a, '主要负责人解读').points, byName(a, '整改按期').points]).toEqual([42, 4, 5, 10, 2.5]);
    const ranking = (await get(`/api/v1/indicator-sets/${setId}/results`, staffA)).json();
    expect(ranking.units.map((u: { unitId: number; rank: number; total: number; unitName: string }) => [u.unitId, u.rank, u.total])).toEqual([
      [unitD, 1, 60], [Math.min(unitB, unitC), 2, 57], [Math.max(unitB, unitC), 2, 57], [unitA, 4, 42],
    ]);
    expect(ranking.units[3].unitName).toBe('嘉兴市教育局');
    // a unit still sees another unit's breakdown: no
    expect((await get(`/api/v1/indicator-sets/${setId}/results/${unitB}`, staffA)).statusCode).toBe(403);
    expect((await get(`/api/v1/indicator-sets/${setId}/results/${unitA}`, staffA)).json()).toMatchObject({ rankShown: true, rank: 4 });

    for (const [r, code] of [
      [await patch(`/api/v1/indicator-sets/${setId}`, office, { name: '改名' }), 'EVALUATION_SET_PUBLISHED'],
      [await patch(`/api/v1/indicators/${leaf.org}`, office, { maxPoints: 4 }), 'EVALUATION_SET_PUBLISHED'],
      [await post(`/api/v1/indicator-sets/${setId}/indicators`, office, { name: '新增', maxPoints: 1 }), 'EVALUATION_SET_PUBLISHED'],
      [await put(`/api/v1/indicators/${leaf.org}/manual-scores/${unitA}`, office, { points: 1, note: '补扣' }), 'EVALUATION_SET_PUBLISHED'],
      [await t.as(office, { method: 'DELETE', url: `/api/v1/indicator-sets/${setId}` }), 'EVALUATION_SET_PUBLISHED'],
      [await post(`/api/v1/indicator-sets/${setId}/publication`, office), 'EVALUATION_INVALID_STATE'],
    ] as const) {
      expect([r.statusCode, r.json().error.code]).toEqual([409, code]);
    }
    const audit = await t.tdb.db.selectFrom('auditLog').select(['action', 'after']).where('action', '=', 'publish_evaluation').execute();
    expect(audit).toHaveLength(1);
  });

  it('shows the published ranking on the public pages, escaped, without internal notes', async () => {
    const list = await get('/portal/evaluations', null);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/portal/evaluations/${setId}"`);
    expect(list.body).toContain('2020年度&lt;b&gt;政务公开&lt;/b&gt;考核');
    expect(list.body).not.toContain('<b>政务公开');
    const page = await get(`/portal/evaluations/${setId}`, null);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('测试&lt;script&gt;alert（1）&lt;/script&gt;单位');
    expect(page.body).not.toContain('<b>政务公开</b>');
    expect(page.body).toContain('<h1>2020年度&lt;b&gt;政务公开&lt;/b&gt;考核</h1>');
    expect(page.body).toContain('<td><strong>42</strong></td><td>16</td><td>8.5</td><td>10</td><td>7.5</td>');
    expect(page.body).toContain('一、主动公开（30分）');
    expect(page.body).not.toContain('补正告知未录入平台');
    expect(page.body).not.toContain('无此类事项');
    expect((await get('/portal/evaluations/99999', null)).statusCode).toBe(404);
    expect((await get('/portal/evaluations/abc', null)).statusCode).toBe(404);
  });

  it('copies a set’s indicator tree (not its scores) into a new draft', async () => {
    const res = await post('/api/v1/indicator-sets', office, { year: 2021, name: '2021年度政务公开工作考核', totalPoints: 70, copyFromId: setId, scopeKind: 'units', scopeUnitIds: [unitA] });
    expect(res.statusCode, res.body).toBe(201);
    const source = (await get(`/api/v1/indicator-sets/${setId}`, office)).json();
    const shape = (items: { name: string; maxPoints: number; depth: number; method: string; metric: string | null; params: unknown }[]) =>
      items.map((i) => [i.name, i.maxPoints, i.depth, i.method, i.metric, i.params]);
    expect(res.json()).toMatchObject({ state: 'draft', treeTotal: 70, year: 2021 });
    expect(shape(res.json().indicators)).toEqual(shape(source.indicators));
    expect(res.json().indicators.map((i: { id: number }) => i.id)).not.toContain(leaf.org);
    expect((await get(`/api/v1/indicator-sets/${res.json().id}/manual-scores`, office)).json().items).toEqual([]);
    const missing = await post('/api/v1/indicator-sets', office, { year: 2021, name: '复制', copyFromId: 99999 });
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'EVALUATION_COPY_SOURCE_NOT_FOUND']);
  });

  it('measures 第一解读人 only for the units expected to interpret (a vertical branch: full points, with the reason)', async () => {
    const customs = await t.unitId('嘉兴海关');
    const res = await post('/api/v1/indicator-sets', office, { year: 2020, name: '解读专项', totalPoints: 10, scopeKind: 'units', scopeUnitIds: [customs, unitC] });
    const id = res.json().id as number;
    expect((await post(`/api/v1/indicator-sets/${id}/indicators`, office, { name: '主要负责人解读', maxPoints: 10, method: 'computed', metric: 'leadInterpretations' })).statusCode).toBe(201);
    const units = (await get(`/api/v1/indicator-sets/${id}/results`, office)).json().units;
    expect(units.map((u: { unitId: number; total: number }) => [u.unitId, u.total])).toEqual([[customs, 10], [unitC, 0]]);
    const b = (await get(`/api/v1/indicator-sets/${id}/results/${customs}`, office)).json();
    expect(b.indicators[0].lines).toEqual([{ text: '无此类事项（该类单位不要求主要负责人年度解读）', refs: [] }]);
  });

  it('scores the units of the year’s lists (without the office) when no explicit scope is given', async () => {
    const res = await post('/api/v1/indicator-sets', office, { year: 2020, name: '按清单范围' });
    expect(res.statusCode).toBe(201);
    expect(res.json().units.map((u: { id: number }) => u.id)).toEqual([unitA, unitB].sort((x, y) => x - y));
    const bad = await post('/api/v1/indicator-sets', office, { year: 2020, name: '空范围', scopeKind: 'units', scopeUnitIds: [] });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'EVALUATION_SCOPE_EMPTY']);
    const unknown = await post('/api/v1/indicator-sets', office, { year: 2020, name: '未知单位', scopeKind: 'units', scopeUnitIds: [999999] });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'EVALUATION_SCOPE_UNIT_NOT_FOUND']);
    const empty = (await post('/api/v1/indicator-sets', office, { year: 2025, name: '无清单的年度', totalPoints: 5 })).json();
    expect(empty.units).toEqual([]);
    expect((await post(`/api/v1/indicator-sets/${empty.id}/indicators`, office, { name: '组织领导', maxPoints: 5 })).statusCode).toBe(201);
    const noUnits = await post(`/api/v1/indicator-sets/${empty.id}/scoring`, office);
    expect([noUnits.statusCode, noUnits.json().error.code]).toEqual([409, 'EVALUATION_SCOPE_EMPTY']);
    expect((await post('/api/v1/indicator-sets', office, { year: 1999, name: 'x' })).statusCode).toBe(400);
    expect((await post('/api/v1/indicator-sets', office, { year: 2020, name: 'x\u0000' })).json().error.code).toBe('INPUT_NUL_CHARACTER');
    expect((await t.as(office, { method: 'DELETE', url: `/api/v1/indicator-sets/${res.json().id}` })).statusCode).toBe(204);
    expect((await get(`/api/v1/indicator-sets/${res.json().id}`, office)).statusCode).toBe(404);
  });
});
