/**
 * The workbench over HTTP on each database: a responsible unit reports with evidence, its lead unit
 * returns the report, the unit resubmits (a new version), the lead accepts; statuses, matrix,
 * overview, public page and exports follow. Access between units, attachment checks, conflicts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { multipartForm, TINY_PNG, tinyPdf, tinyXlsx } from '../support/files.ts';
import { setClock } from '../../server/platform/clock.ts';

describe.each(testDialects())('workbench on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let edu: Session; // 市教育局: responsible on item 8
  let market: Session; // 市市场监管局: lead of item 8
  let health: Session; // 市卫生健康委: another responsible unit
  let listId: number;
  let assignmentId: number;
  let periods: { id: number; label: string }[];

  beforeAll(async () => {
    setClock('2020-05-15T02:00:00Z');
    t = await buildTestApp(dialect, { maxUploadBytes: 64 * 1024 });
    await t.seedDirectory();
    listId = await t.importSeed(true);
    office = await t.loginAs('office', '市政府办公室');
    edu = await t.loginAs('unitStaff', '市教育局');
    market = await t.loginAs('unitStaff', '市市场监管局');
    health = await t.loginAs('unitStaff', '市卫生健康委');
    periods = (await t.app.inject({ method: 'GET', url: `/api/v1/lists/${listId}/periods` })).json().items;
    const mine = (await t.as(edu, { method: 'GET', url: `/api/v1/assignments?listId=${listId}&q=双随机` })).json().items;
    assignmentId = mine.find((a: { seq: number; role: string }) => a.seq === 8 && a.role === 'responsible').id;
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  const report = (s: Session, id: number, fields: [string, string][], files: Parameters<typeof multipartForm>[1] = []) =>
    t.as(s, { method: 'POST', url: `/api/v1/assignments/${id}/reports`, ...multipartForm(fields, files) });

  it('gives a published list quarterly periods and each unit its assignments with status', async () => {
    expect(periods.map((p) => p.label)).toEqual(['2020年第一季度', '2020年第二季度', '2020年第三季度', '2020年第四季度']);
    const mine = (await t.as(edu, { method: 'GET', url: `/api/v1/assignments?listId=${listId}&limit=1000` })).json();
    expect(mine.items.every((a: { unitId: number }) => a.unitId === edu.unitId)).toBe(true);
    const a8 = mine.items.find((a: { id: number }) => a.id === assignmentId);
    expect(a8).toMatchObject({ seq: 8, role: 'responsible', status: 'notSubmitted', statusLabel: '未报送', sectionNumeral: '一', subsectionNumeral: '三', currentPeriod: { label: '2020年第二季度', dueOn: '2020-06-30' } });
    const detail = (await t.as(edu, { method: 'GET', url: `/api/v1/assignments/${assignmentId}` })).json();
    expect(detail.periods.map((p: { statusLabel: string }) => p.statusLabel)).toEqual(['逾期', '未报送', '未报送', '未报送']);
    expect(detail.reviewers).toEqual([await t.unitId('市市场监管局')]);
  });

  it('keeps units out of each other\'s assignments (403)', async () => {
    const read = await t.as(health, { method: 'GET', url: `/api/v1/assignments/${assignmentId}` });
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('ASSIGNMENT_FORBIDDEN');
    const write = await report(health, assignmentId, [['periodId', String(periods[1]!.id)], ['text', '冒名报送']]);
    expect(write.statusCode).toBe(403);
    const list = await t.as(health, { method: 'GET', url: `/api/v1/assignments?unitId=${edu.unitId}` });
    expect(list.statusCode).toBe(403);
    // the lead unit may read the reports of the task it leads
    expect((await t.as(market, { method: 'GET', url: `/api/v1/assignments/${assignmentId}` })).statusCode).toBe(200);
  });

  it('refuses attachments of the wrong type or size, and bad links, with clear messages', async () => {
    const fields: [string, string][] = [['periodId', String(periods[1]!.id)], ['text', '已落实']];
    const fake = await report(edu, assignmentId, fields, [{ field: 'attachments', name: '佐证.pdf', content: TINY_PNG }]);
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.code).toBe('REPORT_ATTACHMENT_TYPE');
    expect(fake.json().error.message).toContain('佐证.pdf');
    const exe = await report(edu, assignmentId, fields, [{ field: 'attachments', name: 'tool.exe', content: Buffer.from('MZ\x90\x00') }]);
    expect(exe.json().error.code).toBe('REPORT_ATTACHMENT_TYPE');
    const big = await report(edu, assignmentId, fields, [{ field: 'attachments', name: '大文件.pdf', content: Buffer.concat([tinyPdf(), Buffer.alloc(80 * 1024, 32)]) }]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('REPORT_ATTACHMENT_TOO_LARGE');
    expect(big.json().error.message).toContain('大文件.pdf');
    const link = await report(edu, assignmentId, [...fields, ['evidenceLinks', 'javascript:alert(1)']]);
    expect(link.json().error.code).toBe('REPORT_INVALID_LINK');
    const future = await report(edu, assignmentId, [['periodId', String(periods[3]!.id)], ['text', '提前报送']]);
    expect(future.json().error.code).toBe('REPORT_PERIOD_NOT_OPEN');
    const detail = (await t.as(edu, { method: 'GET', url: `/api/v1/assignments/${assignmentId}` })).json();
    expect(detail.reports).toEqual([]);
  });

  let firstId: number;
  it('accepts a report with evidence links and files, and shows it to the lead unit for review', async () => {
    const res = await report(edu, assignmentId, [
      ['periodId', String(periods[1]!.id)], ['text', '已开展双随机抽查12次，结果均已公示。'], ['completed', 'false'],
      ['evidenceLinks', 'https://www.jiaxing.gov.cn/art/2020/5/10/art_1.html'], ['evidenceLinks', 'https://jyj.jiaxing.gov.cn/col/col1.html'],
    ], [{ field: 'attachments', name: '抽查结果.pdf', content: tinyPdf() }, { field: 'attachments', name: '台账.xlsx', content: await tinyXlsx() }, { field: 'attachments', name: '现场.png', content: TINY_PNG }]);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    firstId = body.id;
    expect(body).toMatchObject({ version: 1, state: 'submitted', evidenceLinks: ['https://www.jiaxing.gov.cn/art/2020/5/10/art_1.html', 'https://jyj.jiaxing.gov.cn/col/col1.html'] });
    expect(body.attachments.map((a: { fileName: string; mimeType: string }) => `${a.fileName}:${a.mimeType}`)).toEqual([
      '抽查结果.pdf:application/pdf', '台账.xlsx:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '现场.png:image/png',
    ]);
    const queue = (await t.as(market, { method: 'GET', url: '/api/v1/reviews/queue' })).json().items;
    expect(queue.map((q: { id: number }) => q.id)).toEqual([firstId]);
    expect(queue[0]).toMatchObject({ seq: 8, unitName: '市教育局', periodLabel: '2020年第二季度' });
    expect((await t.as(health, { method: 'GET', url: '/api/v1/reviews/queue' })).json().items).toEqual([]);
    const file = await t.as(market, { method: 'GET', url: `/api/v1/reports/${firstId}/attachments/${body.attachments[0].id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.as(health, { method: 'GET', url: `/api/v1/reports/${firstId}/attachments/${body.attachments[0].id}` })).statusCode).toBe(403);
    const notes = (await t.as(market, { method: 'GET', url: '/api/v1/notifications' })).json();
    expect(notes.items[0].title).toBe('有新的进展报送待审核');
  });

  it('lets the lead return it with a comment; a second reviewer gets a conflict, not an overwrite', async () => {
    const noComment = await t.as(market, { method: 'POST', url: `/api/v1/reports/${firstId}/reviews`, payload: { decision: 'return' } });
    expect(noComment.json().error.code).toBe('REVIEW_COMMENT_REQUIRED');
    expect((await t.as(health, { method: 'POST', url: `/api/v1/reports/${firstId}/reviews`, payload: { decision: 'accept' } })).statusCode).toBe(403);
    const [a, b] = await Promise.all([
      t.as(market, { method: 'POST', url: `/api/v1/reports/${firstId}/reviews`, payload: { decision: 'return', comment: '请补充公示页面截图' } }),
      t.as(office, { method: 'POST', url: `/api/v1/reports/${firstId}/reviews`, payload: { decision: 'accept' } }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('REPORT_ALREADY_REVIEWED');
    // make the outcome deterministic for the rest of the journey
    const detail = (await t.as(edu, { method: 'GET', url: `/api/v1/assignments/${assignmentId}` })).json();
    const state = detail.reports[0].state;
    expect(['returned', 'accepted']).toContain(state);
    if (state === 'accepted') {
      // the office won the race: the lead's return lost. Reset through a fresh period for the rest.
      expect(detail.assignment.status).toBe('accepted');
    } else {
      expect(detail.reports[0].reviewComment).toBe('请补充公示页面截图');
      expect(detail.assignment.status).toBe('returned');
      const notes = (await t.as(edu, { method: 'GET', url: '/api/v1/notifications' })).json();
      expect(notes.items[0].body).toContain('请补充公示页面截图');
    }
  });

  it('takes a resubmission as a new version, keeps the history, and the lead accepts it', async () => {
    let detail = (await t.as(edu, { method: 'GET', url: `/api/v1/assignments/${assignmentId}` })).json();
    const periodId = detail.reports[0].state === 'returned' ? periods[1]!.id : periods[0]!.id;
    const res = await report(edu, assignmentId, [['periodId', String(periodId)], ['text', '已补充公示页面截图，抽查12次。'], ['completed', 'true'], ['publicSummary', '全年已开展双随机抽查12次，结果全部公示。']],
      [{ field: 'attachments', name: '截图.png', content: TINY_PNG }]);
    expect(res.statusCode).toBe(201);
    const second = res.json();
    const again = await t.as(market, { method: 'POST', url: `/api/v1/reports/${second.id}/reviews`, payload: { decision: 'accept', comment: '同意' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().state).toBe('accepted');
    const closed = await report(edu, assignmentId, [['periodId', String(periodId)], ['text', '再报一次']]);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('REPORT_ALREADY_ACCEPTED');
    detail = (await t.as(edu, { method: 'GET', url: `/api/v1/assignments/${assignmentId}` })).json();
    expect(detail.reports.length).toBe(2);
    expect(detail.reports[0].text).toBe('已开展双随机抽查12次，结果均已公示。');
    expect(detail.assignment.finalState).toBe('completed');
    const audit = (await t.as(office, { method: 'GET', url: '/api/v1/audit-log?resourceType=progressReport' })).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['submit_progress_report', 'accept_progress_report']));
  });

  it('shows the office a matrix and an overview; units may not see them', async () => {
    const m = (await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}/matrix?periodId=${periods[1]!.id}` })).json();
    expect(m.tasks).toHaveLength(70);
    expect(m.units).toHaveLength(69);
    const ti = m.tasks.findIndex((x: { seq: number }) => x.seq === 8);
    const ui = m.units.findIndex((u: { id: number }) => u.id === edu.unitId);
    const cell = m.cells.find((c: [number, number, string, string]) => c[0] === ti && c[1] === ui && c[2] === 'responsible');
    expect(['accepted']).toContain(cell[3]);
    expect(m.cells).toHaveLength(5669);
    const o = (await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}/overview?periodId=${periods[0]!.id}` })).json();
    expect(o.totals.total).toBe(5669);
    expect(o.totals.overdue).toBeGreaterThan(5600);
    expect(o.bySection.map((s: { numeral: string }) => s.numeral)).toEqual(['一', '二', '三', '四', '五']);
    expect(o.bySection.reduce((n: number, s: { total: number }) => n + s.total, 0)).toBe(5669);
    expect((await t.as(edu, { method: 'GET', url: `/api/v1/lists/${listId}/matrix` })).statusCode).toBe(403);
  });

  it('publishes only what the office marks public on the public progress page', async () => {
    const detail = (await t.as(edu, { method: 'GET', url: `/api/v1/assignments/${assignmentId}` })).json();
    const accepted = detail.reports.find((r: { state: string; publicSummary: string | null }) => r.state === 'accepted' && r.publicSummary);
    let page = (await t.app.inject({ method: 'GET', url: `/progress/lists/${listId}` })).body;
    expect(page).not.toContain('全年已开展双随机抽查12次');
    expect(page).not.toContain('已补充公示页面截图');
    expect((await t.as(edu, { method: 'POST', url: `/api/v1/reports/${accepted.id}/publication`, payload: { public: true } })).statusCode).toBe(403);
    const pub = await t.as(office, { method: 'POST', url: `/api/v1/reports/${accepted.id}/publication`, payload: { public: true } });
    expect(pub.statusCode).toBe(200);
    page = (await t.app.inject({ method: 'GET', url: `/progress/lists/${listId}` })).body;
    expect(page).toContain('全年已开展双随机抽查12次，结果全部公示。');
    expect(page).not.toContain('已补充公示页面截图');
    expect(page).toContain('<html lang="zh-CN">');
    const unitPage = await t.app.inject({ method: 'GET', url: `/progress/lists/${listId}/units/${edu.unitId}` });
    expect(unitPage.statusCode).toBe(200);
    expect(unitPage.body).toContain('市教育局');
    const etag = (await t.app.inject({ method: 'GET', url: `/progress/lists/${listId}` })).headers.etag as string;
    expect((await t.app.inject({ method: 'GET', url: `/progress/lists/${listId}`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
  });

  it('exports the progress table and the period bulletin', async () => {
    const x = await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}/progress.xlsx?periodId=${periods[1]!.id}` });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['任务进展', '单位进展']);
    const row8 = wb.worksheets[0]!.getRows(3, 80)!.find((r) => r.getCell(1).value === 8)!;
    expect(row8.getCell(6).value).toBe(68);
    const unitRows = wb.worksheets[1]!.getRows(2, 6000)!.filter((r) => r.getCell(1).value === '市教育局' && r.getCell(2).value === 8);
    expect(unitRows[0]!.getCell(5).value).toBe('已通过');
    const d = await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}/periods/${periods[1]!.id}/bulletin.docx` });
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const { default: mammoth } = await import('mammoth');
    const text = (await mammoth.extractRawText({ buffer: d.rawPayload })).value;
    expect(text).toContain('2020年第二季度落实情况的通报');
    expect(text).toMatch(/共涉及任务分派5669项/);
    expect((await t.as(edu, { method: 'GET', url: `/api/v1/lists/${listId}/progress.xlsx` })).statusCode).toBe(403);
  });
});
