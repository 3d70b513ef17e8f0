/**
 * 督查整改 over HTTP on each database: the office opens an inspection and issues findings; a unit
 * sees only the findings naming it (none while the inspection is a draft), answers with a
 * rectification report and evidence, the office returns it with a reason, the unit resubmits and
 * the office closes it (销号) — each step audited. Unit A can neither see nor answer unit B's
 * finding, anonymous callers cannot reach the API; bad input gets coded 4xx errors; the
 * rectification-timeliness numbers for evaluation; the public pages show published findings only,
 * escaped; the reminder scan reminds an overdue finding once; findings follow a merged unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { multipartForm, tinyPdf } from '../support/files.ts';
import { insertPublication } from '../support/policy-rows.ts';
import { setClock } from '../../server/platform/clock.ts';
import { rectificationTimeliness, seedDemoInspections } from '../../server/modules/inspections/index.ts';
import { systemActor } from '../../server/platform/actor.ts';
import { scanReminders } from '../../server/modules/reminders/index.ts';

type Fields = [string, string][];

describe.each(testDialects())('inspections on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let observer: Session;
  let eduStaff: Session; // unit B: 市教育局
  let eduAdmin: Session;
  let justice: Session; // unit A: 市司法局
  let eduUnit: number;
  let justiceUnit: number;
  let eduPolicy: number;
  let otherPolicy: number;
  let inspectionId: number;
  let eduFinding: number;
  let justiceFinding: number;

  const get = (url: string, who: Session | null = null) => t.as(who, { method: 'GET', url });
  const post = (url: string, who: Session | null, payload?: Record<string, unknown>) => t.as(who, { method: 'POST', url, ...(payload === undefined ? {} : { payload }) });
  const createInspection = async (payload: Record<string, unknown> = {}) => {
    const res = await post('/api/v1/inspections', office, { year: 2020, kind: 'websiteCheck', title: '2020年第三季度政府网站检查', source: '市政务数据办', startedOn: '2020-08-10', endedOn: '2020-08-21', ...payload });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  const addFinding = async (inspection: number, payload: Record<string, unknown>) => {
    const res = await post(`/api/v1/inspections/${inspection}/findings`, office, { severity: 'general', problem: '栏目更新不及时', requirement: '及时更新栏目内容', dueOn: '2020-09-30', ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const rectify = (finding: number, who: Session | null, fields: Fields, files: { field: string; name: string; content: Buffer }[] = []) =>
    t.as(who, { method: 'POST', url: `/api/v1/findings/${finding}/rectifications`, ...multipartForm(fields, files) });
  const audit = async (id: number) => (await get(`/api/v1/audit-log?resourceType=inspectionFinding&resourceId=${id}`, office)).json().items.map((e: { action: string }) => e.action);

  beforeAll(async () => {
    setClock('2020-09-20T02:00:00Z');
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    eduUnit = await t.unitId('市教育局');
    justiceUnit = await t.unitId('市司法局');
    office = await t.loginAs('office', '市政府办公室');
    observer = await t.loginAs('observer', '市政府办公室');
    eduStaff = await t.loginAs('unitStaff', eduUnit);
    eduAdmin = await t.loginAs('unitAdmin', eduUnit);
    justice = await t.loginAs('unitStaff', justiceUnit);
    eduPolicy = await insertPublication(t.tdb.db, { unitId: eduUnit, title: '嘉兴市教育局政府信息公开指南' });
    otherPolicy = await insertPublication(t.tdb.db, { unitId: justiceUnit, title: '嘉兴市司法局政府信息公开指南' });
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('keeps a draft inspection from the units, and issues each unit only its own findings when opened', async () => {
    inspectionId = await createInspection();
    eduFinding = await addFinding(inspectionId, { unitId: eduUnit, severity: 'major', problem: '政府信息公开指南未按新条例更新', requirement: '按新条例修订指南并发布', publicationId: eduPolicy });
    justiceFinding = await addFinding(inspectionId, { unitId: justiceUnit, problem: '行政执法公示栏目为空白栏目', requirement: '补充栏目内容' });
    for (const who of [eduStaff, justice]) {
      expect((await get('/api/v1/findings?mine=true', who)).json().total).toBe(0);
      expect((await get('/api/v1/inspections', who)).json().total).toBe(0);
      expect((await get(`/api/v1/inspections/${inspectionId}`, who)).statusCode).toBe(404);
    }
    expect((await get(`/api/v1/findings/${eduFinding}`, eduStaff)).statusCode).toBe(404);
    expect((await get(`/api/v1/inspections/${inspectionId}/findings`, observer)).json().total).toBe(2);

    const opened = await post(`/api/v1/inspections/${inspectionId}/open`, office);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ state: 'open', stateLabel: '整改中', kindLabel: '网站检查', counts: { total: 2, open: 2 } });
    expect((await post(`/api/v1/inspections/${inspectionId}/open`, office)).json().error.code).toBe('INSPECTION_NOT_DRAFT');

    const mine = (await get('/api/v1/findings?mine=true', eduStaff)).json();
    expect(mine.items.map((f: { id: number }) => f.id)).toEqual([eduFinding]);
    expect(mine.items[0]).toMatchObject({
      inspectionTitle: '2020年第三季度政府网站检查', unitName: '嘉兴市教育局', severityLabel: '较重', state: 'open', stateLabel: '待整改', overdue: false,
      publication: { id: eduPolicy, url: `/portal/publications/${eduPolicy}` },
    });
    const seen = (await get(`/api/v1/inspections/${inspectionId}/findings`, eduStaff)).json();
    expect(seen.items.map((f: { id: number }) => f.id)).toEqual([eduFinding]);
    expect((await get(`/api/v1/inspections/${inspectionId}`, eduStaff)).json()).toMatchObject({ title: '2020年第三季度政府网站检查', counts: { total: 1 } });
    const notes = (await get('/api/v1/notifications', eduStaff)).json();
    expect(notes.items[0]).toMatchObject({ title: '收到督查整改问题', link: '/admin/rectifications' });
  });

  it('runs the loop open → submitted → returned → resubmitted → closed (销号), audited at each step', async () => {
    const first = await rectify(eduFinding, eduStaff, [['text', '已修订指南'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/jyj/zn.html'], ['publicationIds', String(eduPolicy)]],
      [{ field: 'attachments', name: '整改报告.pdf', content: tinyPdf('rectification') }]);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ state: 'submitted', stateLabel: '待复核' });
    const r1 = first.json().rectifications[0];
    expect(r1).toMatchObject({ version: 1, state: 'submitted', evidenceLinks: ['https://www.jiaxing.gov.cn/jyj/zn.html'], evidencePublications: [{ id: eduPolicy }] });
    expect(r1.attachments).toHaveLength(1);
    const file = await get(r1.attachments[0].url, eduAdmin);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await get(r1.attachments[0].url, justice)).statusCode).toBe(404);

    expect((await get('/api/v1/notifications', office)).json().items[0]).toMatchObject({ title: '有整改情况待复核', link: `/admin/inspections/${inspectionId}?finding=${eduFinding}` });
    const again = await rectify(eduFinding, eduAdmin, [['text', '再报一次'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/a.html']]);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('FINDING_AWAITING_VERIFICATION');

    for (const payload of [undefined, {}, { reason: '   ' }]) {
      const noReason = await post(`/api/v1/findings/${eduFinding}/return`, office, payload);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.code).toBe('FINDING_RETURN_REASON_REQUIRED');
    }
    const returned = await post(`/api/v1/findings/${eduFinding}/return`, office, { reason: '未提供修订后指南的发布链接' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', stateLabel: '已退回' });
    expect(returned.json().rectifications[0]).toMatchObject({ state: 'returned', verificationNote: '未提供修订后指南的发布链接' });
    expect((await get('/api/v1/notifications', eduStaff)).json().items[0]).toMatchObject({ title: '整改情况被退回' });

    const second = await rectify(eduFinding, eduAdmin, [['text', '修订后的指南已于9月18日发布'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/jyj/zn2020.html']]);
    expect(second.statusCode).toBe(201);
    expect(second.json().state).toBe('submitted');
    expect(second.json().rectifications.map((r: { version: number; state: string }) => [r.version, r.state])).toEqual([[2, 'submitted'], [1, 'returned']]);

    const closed = await post(`/api/v1/findings/${eduFinding}/close`, office, { note: '整改到位' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', stateLabel: '已销号', closedOn: '2020-09-20', closedLate: false, overdue: false });
    expect(closed.json().rectifications[0]).toMatchObject({ version: 2, state: 'accepted', stateLabel: '通过销号' });

    const twice = await post(`/api/v1/findings/${eduFinding}/close`, office, { note: '再次销号' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('FINDING_ALREADY_CLOSED');
    expect((await rectify(eduFinding, eduStaff, [['text', '补充'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/b.html']])).json().error.code).toBe('FINDING_ALREADY_CLOSED');
    expect((await audit(eduFinding)).sort()).toEqual(['add_finding', 'close_finding', 'return_finding', 'submit_rectification', 'submit_rectification'].sort());
  });

  it('exports the 整改台账 as .xlsx: every finding for the office, its own for a unit', async () => {
    const rows = async (who: Session) => {
      const res = await get(`/api/v1/inspections/${inspectionId}/findings.xlsx`, who);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('整改台账')!;
      return ws.getSheetValues().slice(3).map((r) => (r as ExcelJS.CellValue[]).slice(1, 8));
    };
    const all = await rows(office);
    expect(all.map((r) => r[1])).toEqual(['嘉兴市教育局', '嘉兴市司法局']);
    expect(all[0]).toEqual([1, '嘉兴市教育局', '较重', '政府信息公开指南未按新条例更新', '按新条例修订指南并发布', '2020-09-30', '已销号']);
    expect((await rows(eduStaff)).map((r) => r[1])).toEqual(['嘉兴市教育局']);
    expect((await rows(justice)).map((r) => r[1])).toEqual(['嘉兴市司法局']);
    expect((await get(`/api/v1/inspections/${inspectionId}/findings.xlsx`)).statusCode).toBe(401);
  });

  it('lets neither another unit nor observers answer a finding, and keeps anonymous callers out', async () => {
    expect((await get(`/api/v1/findings/${justiceFinding}`, eduStaff)).statusCode).toBe(404);
    const foreign = await rectify(justiceFinding, eduStaff, [['text', '替别人整改'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/x.html']]);
    expect(foreign.statusCode).toBe(404);
    expect((await get(`/api/v1/findings?unitId=${justiceUnit}`, eduStaff)).statusCode).toBe(403);
    expect((await get(`/api/v1/findings/${justiceFinding}`, observer)).statusCode).toBe(200);
    expect((await rectify(justiceFinding, observer, [['text', '观察员'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/x.html']])).statusCode).toBe(403);
    expect((await post(`/api/v1/findings/${justiceFinding}/close`, justice, { note: '自己销号' })).statusCode).toBe(403);
    expect((await post('/api/v1/inspections', justice, { year: 2020, kind: 'spotCheck', title: '单位自查' })).statusCode).toBe(403);
    for (const url of ['/api/v1/inspections', '/api/v1/findings', `/api/v1/findings/${justiceFinding}`, `/api/v1/inspections/${inspectionId}/findings`]) {
      expect((await get(url)).statusCode).toBe(401);
    }
    expect((await rectify(justiceFinding, null, [['text', '匿名'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/x.html']])).statusCode).toBe(401);
  });

  it('refuses bad input with coded errors', async () => {
    const expectCode = async (res: { statusCode: number; json(): { error: { code: string } } }, status: number, code: string) => {
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toBe(code);
    };
    const finding = (payload: Record<string, unknown>) => post(`/api/v1/inspections/${inspectionId}/findings`, office, { unitId: justiceUnit, severity: 'general', problem: '问题', requirement: '要求', dueOn: '2020-10-31', ...payload });
    await expectCode(await finding({ dueOn: '九月底' }), 400, 'INSPECTION_DATE_INVALID');
    await expectCode(await finding({ dueOn: '2020-02-30' }), 400, 'INSPECTION_DATE_INVALID');
    await expectCode(await finding({ unitId: 999999 }), 400, 'FINDING_UNIT_NOT_FOUND');
    await expectCode(await finding({ taskId: 999999 }), 400, 'FINDING_TASK_NOT_FOUND');
    await expectCode(await finding({ severity: 'critical' }), 400, 'VALIDATION_FAILED');
    await expectCode(await finding({ problem: '  ' }), 400, 'FINDING_PROBLEM_REQUIRED');
    await expectCode(await post('/api/v1/inspections', office, { year: 2020, kind: 'mystery', title: '检查' }), 400, 'VALIDATION_FAILED');
    await expectCode(await post('/api/v1/inspections', office, { year: 2020, kind: 'audit', title: '审计', startedOn: '2020-09-01', endedOn: '2020-08-01' }), 400, 'INSPECTION_DATES_INVERTED');
    await expectCode(await get('/api/v1/findings/99999999999', office), 400, 'VALIDATION_FAILED');
    await expectCode(await get('/api/v1/findings/999999', office), 404, 'FINDING_NOT_FOUND');

    // rectification: evidence must exist, be the unit's own publication, be an accepted file type
    await expectCode(await rectify(justiceFinding, justice, [['text', '已整改']]), 400, 'RECTIFICATION_EVIDENCE_REQUIRED');
    await expectCode(await rectify(justiceFinding, justice, [['text', '已整改'], ['publicationIds', String(eduPolicy)]]), 400, 'RECTIFICATION_PUBLICATION_INVALID');
    await expectCode(await rectify(justiceFinding, justice, [['text', '已整改'], ['publicationIds', 'abc']]), 400, 'RECTIFICATION_PUBLICATION_INVALID');
    await expectCode(await rectify(justiceFinding, justice, [['text', '已整改'], ['evidenceLinks', 'javascript:alert(1)']]), 400, 'RECTIFICATION_LINK_INVALID');
    await expectCode(await rectify(justiceFinding, justice, [['text', '已整改']], [{ field: 'attachments', name: '报告.pdf', content: Buffer.from('MZ not a pdf') }]), 400, 'RECTIFICATION_ATTACHMENT_TYPE');
    await expectCode(await rectify(justiceFinding, justice, [['text', ' '], ['evidenceLinks', 'https://www.jiaxing.gov.cn/x.html']]), 400, 'RECTIFICATION_TEXT_REQUIRED');
    await expectCode(await t.as(justice, { method: 'POST', url: `/api/v1/findings/${justiceFinding}/rectifications`, payload: { text: 'json' } }), 400, 'UPLOAD_NOT_MULTIPART');

    // verification: returning an open finding, closing without a report or a note, ending an inspection with open findings
    await expectCode(await post(`/api/v1/findings/${justiceFinding}/return`, office, { reason: '不合格' }), 409, 'FINDING_NOT_SUBMITTED');
    await expectCode(await post(`/api/v1/findings/${justiceFinding}/close`, office), 400, 'FINDING_CLOSE_NOTE_REQUIRED');
    await expectCode(await post(`/api/v1/findings/${justiceFinding}/close`, office, { note: '已整改', closedOn: '2030-01-01' }), 400, 'INSPECTION_DATE_IN_FUTURE');
    await expectCode(await post(`/api/v1/inspections/${inspectionId}/close`, office), 409, 'INSPECTION_FINDINGS_OPEN');
    const ok = await rectify(justiceFinding, justice, [['text', '已补充栏目内容'], ['publicationIds', String(otherPolicy)]]);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().rectifications[0].evidencePublications).toEqual([{ id: otherPolicy, title: '嘉兴市司法局政府信息公开指南', url: `/portal/publications/${otherPolicy}` }]);
  });

  it('counts rectification timeliness per unit for evaluation: due in the year, closed on or before the due date', async () => {
    const civil = await t.unitId('市民政局');
    const x = await createInspection({ kind: 'thirdPartyEvaluation', title: '2020年度第三方评估反馈问题' });
    const onTime = await addFinding(x, { unitId: civil, dueOn: '2020-10-10' });
    const late = await addFinding(x, { unitId: civil, dueOn: '2020-10-10' });
    const open = await addFinding(x, { unitId: civil, dueOn: '2020-11-01' });
    const withdrawn = await addFinding(x, { unitId: civil, dueOn: '2020-11-01' });
    const nextYear = await addFinding(x, { unitId: civil, dueOn: '2021-03-01' });
    const draft = await createInspection({ kind: 'audit', title: '未下发的审计' });
    await addFinding(draft, { unitId: civil, dueOn: '2020-10-10' });
    await post(`/api/v1/inspections/${x}/open`, office);
    setClock('2020-10-20T02:00:00Z');
    try {
      expect((await post(`/api/v1/findings/${onTime}/close`, office, { note: '现场核查已整改', closedOn: '2020-10-08' })).statusCode).toBe(200);
      const lateClose = await post(`/api/v1/findings/${late}/close`, office, { note: '逾期完成整改', closedOn: '2020-10-15' });
      expect(lateClose.json()).toMatchObject({ closedLate: true });
      expect((await post(`/api/v1/findings/${withdrawn}/withdraw`, office, { reason: '误下发' })).json()).toMatchObject({ state: 'withdrawn' });
      expect((await get(`/api/v1/findings/${late}`, office)).json().overdue).toBe(false);
      expect((await get(`/api/v1/findings/${open}`, office)).json().overdue).toBe(false);
    } finally {
      setClock('2020-09-20T02:00:00Z');
    }
    const m = await rectificationTimeliness(t.tdb.db, { year: 2020, unitId: civil });
    expect([...m.keys()]).toEqual([civil]);
    expect(m.get(civil)).toEqual({ due: 3, closedOnTime: 1, findingIds: [onTime, late, open], lateIds: [late, open] });
    expect((await rectificationTimeliness(t.tdb.db, { year: 2021, unitId: civil })).get(civil)).toEqual({ due: 1, closedOnTime: 0, findingIds: [nextYear], lateIds: [nextYear] });
    const all = await rectificationTimeliness(t.tdb.db, { year: 2020 });
    expect(all.get(eduUnit)).toEqual({ due: 1, closedOnTime: 1, findingIds: [eduFinding], lateIds: [] });
  });

  it('publishes findings with their rectification status on public pages, escaped, without notes or withdrawn findings', async () => {
    const x = await createInspection({ kind: 'spotCheck', title: '2020年政务公开专项抽查<b>', description: '抽查说明' });
    const civil = await t.unitId('市民政局');
    const bad = await addFinding(x, { unitId: civil, problem: '页面含有<script>alert("x")</script>脚本', requirement: '删除<img src=x onerror=alert(1)>' });
    const done = await addFinding(x, { unitId: eduUnit, problem: '指南链接失效', requirement: '修复链接', dueOn: '2020-09-15' });
    const overdue = await addFinding(x, { unitId: justiceUnit, problem: '执法结果未公开', requirement: '补充公开', dueOn: '2020-09-01' });
    const gone = await addFinding(x, { unitId: justiceUnit, problem: '误下发的问题XYZ', requirement: '无' });
    expect((await post(`/api/v1/inspections/${x}/publish`, office)).json().error.code).toBe('INSPECTION_NOT_OPEN');
    await post(`/api/v1/inspections/${x}/open`, office);
    await post(`/api/v1/findings/${done}/close`, office, { note: '内部复核意见ABC' });
    await post(`/api/v1/findings/${gone}/withdraw`, office, { reason: '误下发' });
    expect((await get(`/portal/inspections/${x}`)).statusCode).toBe(404);
    expect((await get('/portal/inspections')).body).not.toContain('专项抽查');
    expect((await post(`/api/v1/inspections/${x}/publish`, justice)).statusCode).toBe(403);

    const pub = await post(`/api/v1/inspections/${x}/publish`, office, { publishedOn: '2020-09-18' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ published: true, publishedOn: '2020-09-18', url: `/portal/inspections/${x}` });
    const list = await get('/portal/inspections');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('2020年政务公开专项抽查&lt;b&gt;');
    expect(list.body).not.toContain('2020年第三季度政府网站检查'); // never published
    const page = await get(`/portal/inspections/${x}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('页面含有&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;脚本');
    expect(page.body).toContain('嘉兴市民政局');
    expect(page.body).toMatch(/已销号[\s\S]*2020-09-20销号/);
    expect(page.body).toContain('逾期');
    expect(page.body).toContain('整改中');
    expect(page.body).not.toContain('内部复核意见ABC');
    expect(page.body).not.toContain('误下发的问题XYZ');
    expect(page.body).toContain('共 3 个问题：已销号 1，整改中 1，逾期 1');
    expect(bad).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);

    const down = await post(`/api/v1/inspections/${x}/publish`, office, { published: false });
    expect(down.json()).toMatchObject({ published: false, url: null });
    expect((await get(`/portal/inspections/${x}`)).statusCode).toBe(404);
    expect((await get('/portal/inspections/abc')).statusCode).toBe(404);
    expect((await get('/portal')).body).toContain('<a href="/portal/inspections">督查整改</a>');
  });

  it('reminds a unit of an overdue rectification once, and of one due soon, but not of one awaiting verification', async () => {
    const health = await t.unitId('市卫生健康委');
    const x = await createInspection({ kind: 'audit', title: '2020年政务公开审计' });
    const overdue = await addFinding(x, { unitId: health, problem: '公开目录未更新', dueOn: '2020-10-09' });
    const soon = await addFinding(x, { unitId: health, problem: '依申请公开台账不全', dueOn: '2020-10-16' });
    const answered = await addFinding(x, { unitId: health, problem: '指南未更新', dueOn: '2020-10-09' });
    await post(`/api/v1/inspections/${x}/open`, office);
    const healthAdmin = await t.loginAs('unitAdmin', health);
    expect((await rectify(answered, healthAdmin, [['text', '已更新'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/wjw/zn.html']])).statusCode).toBe(201);
    const keys = async () => (await t.tdb.db.selectFrom('reminder').select('dedupeKey').where('unitId', '=', health).orderBy('id').execute()).map((r) => r.dedupeKey);

    setClock('2020-10-14T02:00:00Z'); // 10-09 has passed; 10-16 (Fri) is 2 working days away
    try {
      await scanReminders(t.tdb.db);
      expect(await keys()).toEqual([`findingOverdue:${overdue}:2020-10-09`, `findingDueSoon:${soon}:2020-10-16`]);
      const again = await scanReminders(t.tdb.db);
      expect(again.created).toBe(0);
      expect(await keys()).toHaveLength(2);
      const notes = (await get('/api/v1/notifications', healthAdmin)).json().items.map((n: { title: string }) => n.title);
      expect(notes.filter((n: string) => n === '督查整改已逾期')).toHaveLength(1);
      expect(notes).toContain('督查整改即将到期');
      // a new due date is a new deadline: reminded once more
      setClock('2020-10-20T02:00:00Z');
      expect((await t.as(office, { method: 'PATCH', url: `/api/v1/findings/${overdue}`, payload: { dueOn: '2020-10-19' } })).statusCode).toBe(200);
      await scanReminders(t.tdb.db);
      await scanReminders(t.tdb.db);
      expect((await keys()).filter((k) => k.startsWith(`findingOverdue:${overdue}:`))).toEqual([`findingOverdue:${overdue}:2020-10-09`, `findingOverdue:${overdue}:2020-10-19`]);
      expect((await keys()).some((k) => k.includes(`:${answered}:`))).toBe(false);
    } finally {
      setClock('2020-09-20T02:00:00Z');
    }
  });

  it('seeds demo inspections for a newcomer: a published 2020 website check and third-party evaluation findings in mixed states', async () => {
    setClock('2021-01-15T02:00:00Z');
    try {
      expect(await seedDemoInspections(t.tdb.db, systemActor('test'))).toBe(7);
      const list = (await get('/api/v1/inspections?year=2020', observer)).json().items as { title: string; kind: string; published: boolean; counts: { closed: number; returned: number; submitted: number; overdue: number } }[];
      const website = list.find((i) => i.title === '2020年第三季度全市政府网站检查')!;
      const evaluation = list.find((i) => i.title === '2020年度浙江省政务公开第三方评估反馈问题整改')!;
      expect(website).toMatchObject({ kind: 'websiteCheck', published: true, counts: { closed: 2, returned: 1, overdue: 2 } });
      expect(evaluation).toMatchObject({ kind: 'thirdPartyEvaluation', published: false, counts: { closed: 1, submitted: 1, overdue: 1 } }); // awaiting verification is not the unit's delay
      const page = await get('/portal/inspections');
      expect(page.body).toContain('2020年第三季度全市政府网站检查');
      expect(page.body).not.toContain('第三方评估反馈问题整改');
    } finally {
      setClock('2020-09-20T02:00:00Z');
    }
  });

  it('moves findings to the real unit when the office merges a placeholder unit into it', async () => {
    const placeholder = (await post('/api/v1/units', office, { name: '市网络信息中心（暂定）', kind: 'unknown' })).json().id as number;
    const x = await createInspection({ kind: 'spotCheck', title: '占位单位抽查' });
    const f = await addFinding(x, { unitId: placeholder });
    const merged = await post(`/api/v1/units/${placeholder}/merges`, office, { intoUnitId: eduUnit });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await get(`/api/v1/findings/${f}`, office)).json()).toMatchObject({ unitId: eduUnit, unitName: '嘉兴市教育局' });
  });
});
