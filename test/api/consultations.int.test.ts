/**
 * 重大行政决策事项目录 and 意见征集 over HTTP on each database: the office compiles and publishes the
 * 2020 catalogue and the undertaking unit moves its decision on (only the office moves one back); the
 * unit drafts a consultation (the 30-day default, a unit may not shorten it), publishes it, the public
 * comments through the API and the page (only within the period, rate-limited, double submissions
 * refused), the unit moderates and disposes, the consultation closes by itself after its last day, the
 * feedback report is refused while a comment lacks a disposition and then appears on the public page.
 * Contacts are seen only by the unit and the office; HTML in a comment or a draft never runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { setClock } from '../../server/platform/clock.ts';
import { systemActor } from '../../server/platform/actor.ts';
import { seedDemoConsultations } from '../../server/modules/consultations/index.ts';

const SCRIPT = '<script>alert("xss")</script>';
const form = (v: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(v).toString() });

describe.each(testDialects())('decision catalogue and consultations on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let staffB: Session; // 市生态环境局: the undertaking and drafting unit
  let adminB: Session;
  let staffA: Session; // 市教育局: another unit
  let observer: Session;
  let unitB: number;
  let unitA: number;
  let item1: number;
  let item2: number;
  let cid: number; // the consultation of the journey
  const comments: Record<string, number> = {};
  let ipSeq = 0;
  /** a public comment from its own client address (the per-IP rate limit is tested on its own) */
  const comment = (id: number, payload: Record<string, unknown>, ip = `10.1.0.${++ipSeq}`) =>
    t.app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/comments`, payload, remoteAddress: ip });

  beforeAll(async () => {
    setClock('2020-06-15T02:00:00Z');
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    unitB = await t.unitId('市生态环境局');
    unitA = await t.unitId('市教育局');
    office = await t.loginAs('office', '市政府办公室');
    staffB = await t.loginAs('unitStaff', unitB);
    adminB = await t.loginAs('unitAdmin', unitB);
    staffA = await t.loginAs('unitStaff', unitA);
    observer = await t.loginAs('observer', '市政府办公室');
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('lets the office compile the catalogue; nothing is public until the year is published', async () => {
    const denied = await t.as(staffB, { method: 'POST', url: '/api/v1/decision-items', payload: { year: 2020, unitId: unitB, title: '自拟事项' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('DECISION_FORBIDDEN');
    const a = await t.as(office, { method: 'POST', url: '/api/v1/decision-items', payload: { year: 2020, unitId: unitB, title: '嘉兴市区生活垃圾分类管理办法', basis: '《浙江省城镇生活垃圾分类管理办法》', plannedBy: '2020年9月' } });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ year: 2020, seq: 1, stage: 'consultation', stageLabel: '征求意见', published: false, unitName: '嘉兴市生态环境局' });
    item1 = a.json().id;
    item2 = (await t.as(office, { method: 'POST', url: '/api/v1/decision-items', payload: { year: 2020, unitId: unitB, title: '嘉兴市“三线一单”生态环境分区管控方案', stage: 'deliberation' } })).json().id;
    const dup = await t.as(office, { method: 'POST', url: '/api/v1/decision-items', payload: { year: 2020, seq: 1, unitId: unitA, title: '重复序号' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DECISION_SEQ_TAKEN');
    const badUnit = await t.as(office, { method: 'POST', url: '/api/v1/decision-items', payload: { year: 2020, unitId: 999999, title: '无承办单位' } });
    expect(badUnit.json().error.code).toBe('DECISION_UNIT_NOT_FOUND');

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/decision-items?year=2020' })).json().items).toEqual([]);
    expect((await t.as(staffA, { method: 'GET', url: '/api/v1/decision-items?year=2020' })).json().items).toEqual([]);
    expect((await t.as(staffB, { method: 'GET', url: '/api/v1/decision-items?year=2020' })).json().items.map((i: { id: number }) => i.id)).toEqual([item1, item2]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/decision-items/${item1}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/portal/decisions' })).body).toContain('暂无已公布的重大行政决策事项目录');

    const pub = await t.as(office, { method: 'POST', url: '/api/v1/decision-items/years/2020/publication' });
    expect(pub.json()).toEqual({ year: 2020, items: 2, publishedItems: 2, published: true });
    expect((await t.as(office, { method: 'POST', url: '/api/v1/decision-items/years/2019/publication' })).json().error.code).toBe('DECISION_CATALOGUE_EMPTY');
    const pub2 = (await t.app.inject({ method: 'GET', url: '/api/v1/decision-items?year=2020' })).json().items;
    expect(pub2.map((i: { title: string; published: boolean }) => [i.title, i.published])).toEqual([['嘉兴市区生活垃圾分类管理办法', true], ['嘉兴市“三线一单”生态环境分区管控方案', true]]);
    const del = await t.as(office, { method: 'DELETE', url: `/api/v1/decision-items/${item2}` });
    expect(del.json().error.code).toBe('DECISION_PUBLISHED');
  });

  it('moves a decision forward by its unit or the office; back only by the office', async () => {
    const url = `/api/v1/decision-items/${item1}/stage`;
    expect((await t.app.inject({ method: 'PUT', url, payload: { stage: 'deliberation' } })).statusCode).toBe(401);
    const other = await t.as(staffA, { method: 'PUT', url, payload: { stage: 'deliberation' } });
    expect(other.statusCode).toBe(403);
    expect((await t.as(observer, { method: 'PUT', url, payload: { stage: 'deliberation' } })).statusCode).toBe(403);
    const fwd = await t.as(staffB, { method: 'PUT', url, payload: { stage: 'deliberation' } });
    expect(fwd.statusCode).toBe(200);
    expect(fwd.json()).toMatchObject({ stage: 'deliberation', stageLabel: '审议', allowedStages: ['publication', 'implementation', 'evaluation'] });
    const back = await t.as(adminB, { method: 'PUT', url, payload: { stage: 'consultation' } });
    expect(back.statusCode).toBe(403);
    expect(back.json().error.code).toBe('DECISION_STAGE_BACKWARD_FORBIDDEN');
    const same = await t.as(staffB, { method: 'PUT', url, payload: { stage: 'deliberation' } });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('DECISION_STAGE_UNCHANGED');
    const bad = await t.as(staffB, { method: 'PUT', url, payload: { stage: 'abolished' } });
    expect(bad.statusCode).toBe(400);
    const officeBack = await t.as(office, { method: 'PUT', url, payload: { stage: 'consultation', note: '审议前需补充征求意见' } });
    expect(officeBack.json()).toMatchObject({ stage: 'consultation' });
    expect(officeBack.json().allowedStages).toEqual(['deliberation', 'publication', 'implementation', 'evaluation']);
    const audit = (await t.as(office, { method: 'GET', url: `/api/v1/audit-log?action=move_decision_stage&resourceId=${item1}` })).json().items;
    expect(audit.map((e: { after: { stage: string } }) => e.after.stage).sort()).toEqual(['consultation', 'deliberation']);
  });

  it('drafts a consultation with the 30-day default period; refuses a bad or (for a unit) shortened period; sanitises the draft', async () => {
    const res = await t.as(staffB, {
      method: 'POST', url: '/api/v1/consultations',
      payload: {
        title: '嘉兴市区生活垃圾分类管理办法（征求意见稿）', decisionItemId: item1, opensOn: '2020-06-16',
        draftHtml: `<h2>第一章 总则</h2><p onclick="steal()">第一条 为了加强生活垃圾分类管理……</p>${SCRIPT}<a href="javascript:alert(1)">链接</a><img src="x" onerror="alert(1)">`,
        explanation: '为推进生活垃圾分类工作法治化，起草本办法。\n现公开征求意见。',
      },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    cid = c.id;
    expect(c).toMatchObject({ state: 'draft', stateLabel: '草稿', opensOn: '2020-06-16', closesOn: '2020-07-15', periodDays: 30, unitId: unitB, acceptingComments: false, daysLeft: null });
    expect(c.decisionItem).toMatchObject({ id: item1, year: 2020, seq: 1 });
    expect(c.allowedActions).toEqual(['edit', 'publish', 'delete']);
    expect(c.draftHtml).toContain('第一条 为了加强生活垃圾分类管理');
    for (const bad of ['<script', 'onclick', 'javascript:', 'onerror']) expect(c.draftHtml).not.toContain(bad);

    const inverted = await t.as(staffB, { method: 'POST', url: '/api/v1/consultations', payload: { title: 'x', opensOn: '2020-07-01', closesOn: '2020-06-30' } });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error.code).toBe('CONSULTATION_INVALID_PERIOD');
    const short = await t.as(staffB, { method: 'POST', url: '/api/v1/consultations', payload: { title: '紧急事项', opensOn: '2020-06-16', closesOn: '2020-06-30' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('CONSULTATION_PERIOD_TOO_SHORT');
    const byOffice = await t.as(office, { method: 'POST', url: '/api/v1/consultations', payload: { unitId: unitB, title: '紧急事项', opensOn: '2020-06-16', closesOn: '2020-06-30' } });
    expect(byOffice.statusCode).toBe(201);
    expect(byOffice.json().periodDays).toBe(15);
    expect((await t.as(staffB, { method: 'DELETE', url: `/api/v1/consultations/${byOffice.json().id}` })).statusCode).toBe(204);
    const badDate = await t.as(staffB, { method: 'POST', url: '/api/v1/consultations', payload: { title: 'x', opensOn: '2020-02-30' } });
    expect(badDate.json().error.code).toBe('CONSULTATION_INVALID_DATE');
    const forA = await t.as(staffB, { method: 'POST', url: '/api/v1/consultations', payload: { unitId: unitA, title: '代拟' } });
    expect(forA.json().error.code).toBe('CONSULTATION_FORBIDDEN');
    const linkOther = await t.as(staffA, { method: 'POST', url: '/api/v1/consultations', payload: { title: '关联他人事项', decisionItemId: item1 } });
    expect(linkOther.statusCode).toBe(403);
    expect(linkOther.json().error.code).toBe('CONSULTATION_DECISION_ITEM_FORBIDDEN');

    // a draft is the unit's own: not public, not for other units
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${cid}` })).statusCode).toBe(404);
    expect((await t.as(staffA, { method: 'GET', url: `/api/v1/consultations/${cid}` })).statusCode).toBe(404);
    expect((await t.as(staffA, { method: 'PATCH', url: `/api/v1/consultations/${cid}`, payload: { title: '改' } })).statusCode).toBe(404);
    expect((await t.as(observer, { method: 'GET', url: `/api/v1/consultations/${cid}` })).json().allowedActions).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/portal/consultations/${cid}` })).statusCode).toBe(404);
    expect((await comment(cid, { text: '草稿阶段的意见' })).statusCode).toBe(404);

    const moved = await t.as(staffB, { method: 'PATCH', url: `/api/v1/consultations/${cid}`, payload: { opensOn: '2020-06-17' } });
    expect(moved.json()).toMatchObject({ opensOn: '2020-06-17', closesOn: '2020-07-16', periodDays: 30 });
    const back = await t.as(staffB, { method: 'PATCH', url: `/api/v1/consultations/${cid}`, payload: { opensOn: '2020-06-16', closesOn: '2020-07-15' } });
    expect(back.json()).toMatchObject({ opensOn: '2020-06-16', closesOn: '2020-07-15' });
  });

  it('publishes it; comments are taken only from the first to the last day', async () => {
    const past = (await t.as(staffB, { method: 'POST', url: '/api/v1/consultations', payload: { title: '开始日期已过', draftHtml: '<p>正文</p>', opensOn: '2020-06-10' } })).json();
    const refused = await t.as(staffB, { method: 'POST', url: `/api/v1/consultations/${past.id}/publication` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONSULTATION_OPENS_IN_PAST');
    const empty = (await t.as(staffB, { method: 'POST', url: '/api/v1/consultations', payload: { title: '无正文' } })).json();
    expect((await t.as(staffB, { method: 'POST', url: `/api/v1/consultations/${empty.id}/publication` })).json().error.code).toBe('CONSULTATION_DRAFT_EMPTY');

    const pub = await t.as(staffB, { method: 'POST', url: `/api/v1/consultations/${cid}/publication` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ state: 'open', stateLabel: '即将开始征求意见', acceptingComments: false, daysLeft: null });
    expect((await t.as(staffB, { method: 'PATCH', url: `/api/v1/consultations/${cid}`, payload: { title: '改' } })).json().error.code).toBe('CONSULTATION_NOT_DRAFT');
    const early = await comment(cid, { text: '开始前的意见' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONSULTATION_NOT_STARTED');
    const earlyPage = await t.app.inject({ method: 'GET', url: `/portal/consultations/${cid}` });
    expect(earlyPage.body).toContain('征求意见将于2020年6月16日开始');
    expect(earlyPage.body).not.toContain('<form');

    setClock('2020-06-16T01:00:00Z');
    const open = (await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${cid}` })).json();
    expect(open).toMatchObject({ state: 'open', stateLabel: '征求意见中', acceptingComments: true, daysLeft: 30, counts: null });
    const first = await comment(cid, { name: '王女士', contact: '13905731234', text: '建议老旧小区也推行定时定点投放，并安排督导员现场指导。' }, '10.2.0.1');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ moderation: 'pending', receivedOn: '2020-06-16' });
    comments.first = first.json().id;
    const again = await comment(cid, { name: '王女士', contact: '13905731234', text: '建议老旧小区也推行定时定点投放，并安排督导员现场指导。' }, '10.2.0.1');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONSULTATION_COMMENT_DUPLICATE');
    const xss = await comment(cid, { name: `<b>李</b>`, contact: 'li@example.com', text: `第十五条${SCRIPT}<img src=x onerror=alert(1)> 建议删除破袋投放要求。` });
    expect(xss.statusCode).toBe(201);
    comments.xss = xss.json().id;
    const blank = await comment(cid, { text: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.code).toBe('CONSULTATION_COMMENT_TEXT_REQUIRED');
    const long = await comment(cid, { text: '长'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('CONSULTATION_COMMENT_TOO_LONG');
    expect((await comment(cid, { text: '长'.repeat(5000) }, '10.2.0.9')).statusCode).toBe(201);

    // the page form: an error is shown above the form and what was typed is kept
    const bad = await t.app.inject({ method: 'POST', url: `/portal/consultations/${cid}`, remoteAddress: '10.3.0.1', ...form({ name: '赵某', contact: 'zhao@example.com', text: '' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/role="alert"[^>]*>[\s\S]*请填写意见内容/);
    expect(bad.body).toContain('value="赵某"');
    expect(bad.body).toContain('value="zhao@example.com"');
    const tooLong = await t.app.inject({ method: 'POST', url: `/portal/consultations/${cid}`, remoteAddress: '10.3.0.1', ...form({ text: `保留我输入的文字${'字'.repeat(5000)}` }) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain(`保留我输入的文字${'字'.repeat(5000)}</textarea>`);
    const ok = await t.app.inject({ method: 'POST', url: `/portal/consultations/${cid}`, remoteAddress: '10.3.0.1', ...form({ text: '高价回收旧手机，电话13800000000', contact: '13800000000' }) });
    expect(ok.statusCode).toBe(201);
    expect(ok.body).toContain('您的意见已提交');
    const list = (await t.as(staffB, { method: 'GET', url: `/api/v1/consultations/${cid}/comments?moderation=pending` })).json().items;
    comments.spam = list.find((x: { text: string }) => x.text.startsWith('高价回收')).id;
    comments.long = list.find((x: { text: string }) => x.text.startsWith('长')).id;
    // while open, the public sees no comments yet
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${cid}/comments` })).json()).toEqual({ view: 'public', items: [] });
  });

  it('shows commenters\' names and contacts only to the unit and the office', async () => {
    const mine = (await t.as(staffB, { method: 'GET', url: `/api/v1/consultations/${cid}/comments` })).json();
    expect(mine.view).toBe('staffWithPersonalData');
    expect(mine.items.find((x: { id: number }) => x.id === comments.first)).toMatchObject({ authorName: '王女士', contact: '13905731234', moderation: 'pending' });
    expect((await t.as(office, { method: 'GET', url: `/api/v1/consultations/${cid}/comments` })).body).toContain('13905731234');
    const obs = (await t.as(observer, { method: 'GET', url: `/api/v1/consultations/${cid}/comments` })).json();
    expect(obs.view).toBe('staff');
    expect(obs.items).toHaveLength(4);
    for (const who of [observer, staffA, null]) {
      const body = (await t.as(who, { method: 'GET', url: `/api/v1/consultations/${cid}/comments` })).body;
      expect(body).not.toContain('13905731234');
      expect(body).not.toContain('王女士');
      expect(body).not.toContain('li@example.com');
    }
    const detail = (await t.as(staffB, { method: 'GET', url: `/api/v1/consultations/${cid}` })).json();
    expect(detail.counts).toMatchObject({ received: 4, pending: 4, approved: 0 });
    expect((await t.as(staffA, { method: 'GET', url: `/api/v1/consultations/${cid}` })).json().counts).toBeNull();
    const audit = (await t.as(office, { method: 'GET', url: '/api/v1/audit-log?action=submit_consultation_comment' })).json();
    expect(audit.items.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(audit)).not.toContain('13905731234');
    expect(JSON.stringify(audit)).not.toContain('li@example.com');
    const views = (await t.as(office, { method: 'GET', url: `/api/v1/audit-log?action=view_commenter_data&resourceId=${cid}` })).json().items;
    expect(views.map((v: { actorUserId: number }) => v.actorUserId)).toContain(staffB.userId);
  });

  it('lets the unit moderate and dispose; others may not', async () => {
    const mod = (c: number) => `/api/v1/consultations/${cid}/comments/${c}/moderation`;
    const disp = (c: number) => `/api/v1/consultations/${cid}/comments/${c}/disposition`;
    expect((await t.app.inject({ method: 'PUT', url: mod(comments.first!), payload: { decision: 'approved' } })).statusCode).toBe(401);
    expect((await t.as(observer, { method: 'PUT', url: mod(comments.first!), payload: { decision: 'approved' } })).statusCode).toBe(403);
    const other = await t.as(staffA, { method: 'PUT', url: mod(comments.first!), payload: { decision: 'approved' } });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('CONSULTATION_FORBIDDEN');
    const noNote = await t.as(staffB, { method: 'PUT', url: mod(comments.spam!), payload: { decision: 'rejected' } });
    expect(noNote.json().error.code).toBe('CONSULTATION_REJECTION_NOTE_REQUIRED');
    expect((await t.as(staffB, { method: 'PUT', url: mod(comments.spam!), payload: { decision: 'rejected', note: '与征求意见稿无关（广告）' } })).json()).toMatchObject({ moderation: 'rejected', moderationNote: '与征求意见稿无关（广告）' });
    for (const c of [comments.first!, comments.xss!, comments.long!]) expect((await t.as(staffB, { method: 'PUT', url: mod(c), payload: { decision: 'approved' } })).statusCode).toBe(200);
    expect((await t.as(staffB, { method: 'PUT', url: `/api/v1/consultations/${cid}/comments/999999/moderation`, payload: { decision: 'approved' } })).json().error.code).toBe('CONSULTATION_COMMENT_NOT_FOUND');

    const onRejected = await t.as(staffB, { method: 'PUT', url: disp(comments.spam!), payload: { disposition: 'adopted' } });
    expect(onRejected.statusCode).toBe(409);
    expect(onRejected.json().error.code).toBe('CONSULTATION_COMMENT_NOT_APPROVED');
    const noReason = await t.as(staffB, { method: 'PUT', url: disp(comments.xss!), payload: { disposition: 'notAdopted' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('CONSULTATION_DISPOSITION_REASON_REQUIRED');
    expect((await t.as(staffA, { method: 'PUT', url: disp(comments.first!), payload: { disposition: 'adopted' } })).statusCode).toBe(403);
    const adopted = await t.as(adminB, { method: 'PUT', url: disp(comments.first!), payload: { disposition: 'adopted', reason: '已在第十二条中增加定时定点投放和督导员的规定。' } });
    expect(adopted.json()).toMatchObject({ disposition: 'adopted', dispositionLabel: '采纳' });
    const partly = await t.as(staffB, { method: 'PUT', url: disp(comments.long!), payload: { disposition: 'partlyAdopted', reason: '部分内容已吸收。' } });
    expect(partly.json().dispositionLabel).toBe('部分采纳');

    const early = await t.as(staffB, { method: 'POST', url: `/api/v1/consultations/${cid}/feedback`, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONSULTATION_NOT_ENDED');
    expect(early.json().error.details.missing).toEqual(['CONSULTATION_NOT_ENDED', 'CONSULTATION_COMMENTS_UNDISPOSED']);
  });

  it('closes by itself after the last day: late comments refused, approved ones public without personal data', async () => {
    setClock('2020-07-15T15:59:00Z'); // 23:59 on the last day in Beijing
    expect((await comment(cid, { text: '最后一分钟的意见' })).statusCode).toBe(201);
    const lastMinute = (await t.as(staffB, { method: 'GET', url: `/api/v1/consultations/${cid}/comments?moderation=pending` })).json().items[0];
    expect((await t.as(staffB, { method: 'PUT', url: `/api/v1/consultations/${cid}/comments/${lastMinute.id}/moderation`, payload: { decision: 'rejected', note: '重复' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${cid}` })).json()).toMatchObject({ daysLeft: 1, acceptingComments: true });

    setClock('2020-07-15T16:00:00Z'); // 00:00 on 07-16 in Beijing
    const closed = (await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${cid}` })).json();
    expect(closed).toMatchObject({ state: 'closed', stateLabel: '征求意见已结束', acceptingComments: false, daysLeft: null });
    const late = await comment(cid, { text: '迟到的意见' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('CONSULTATION_CLOSED');
    const latePage = await t.app.inject({ method: 'POST', url: `/portal/consultations/${cid}`, remoteAddress: '10.3.0.2', ...form({ text: '迟到的意见' }) });
    expect(latePage.statusCode).toBe(409);
    expect(latePage.body).toContain('不再接受意见');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/consultations?state=closed' })).json().items.map((c: { id: number }) => c.id)).toContain(cid);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/consultations?state=open' })).json().items.map((c: { id: number }) => c.id)).not.toContain(cid);

    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${cid}/comments` })).json();
    expect(pub.view).toBe('public');
    expect(pub.items.map((x: { id: number }) => x.id)).toEqual([comments.first, comments.xss, comments.long]);
    expect(pub.items[0]).toMatchObject({ authorName: null, contact: null, disposition: null, moderationNote: null });
    const page = await t.app.inject({ method: 'GET', url: `/portal/consultations/${cid}` });
    expect(page.body).toContain('建议老旧小区也推行定时定点投放');
    expect(page.body).toContain('<h3>第一章 总则</h3>'); // the draft's headings sit under the page's
    expect(page.body).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(page.body).not.toContain(SCRIPT);
    expect(page.body).not.toContain('<img src=x');
    for (const secret of ['王女士', '13905731234', 'li@example.com', '高价回收']) expect(page.body).not.toContain(secret);
    expect(page.body).not.toContain('<form');
  });

  it('refuses the feedback report while an approved comment lacks a disposition, then publishes it and links it from the draft page', async () => {
    const url = `/api/v1/consultations/${cid}/feedback`;
    const undisposed = await t.as(staffB, { method: 'POST', url, payload: {} });
    expect(undisposed.statusCode).toBe(409);
    expect(undisposed.json().error.code).toBe('CONSULTATION_COMMENTS_UNDISPOSED');
    expect(undisposed.json().error.message).toContain('1条');
    const preview = (await t.as(staffB, { method: 'GET', url })).json();
    expect(preview).toMatchObject({ published: false, missing: ['CONSULTATION_COMMENTS_UNDISPOSED'] });
    const hidden = await t.app.inject({ method: 'GET', url });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('CONSULTATION_FEEDBACK_NOT_PUBLISHED');
    expect((await t.app.inject({ method: 'GET', url: `/portal/consultations/${cid}/feedback` })).statusCode).toBe(404);
    expect((await t.as(staffB, { method: 'GET', url: `/api/v1/consultations/${cid}` })).json().allowedActions).toEqual(['moderate', 'dispose']);

    await t.as(staffB, { method: 'PUT', url: `/api/v1/consultations/${cid}/comments/${comments.xss}/disposition`, payload: { disposition: 'notAdopted', reason: '破袋投放是保证易腐垃圾纯净度的关键措施。' } });
    expect((await t.as(staffB, { method: 'GET', url: `/api/v1/consultations/${cid}` })).json().allowedActions).toEqual(['moderate', 'dispose', 'publishFeedback']);
    expect((await t.as(staffA, { method: 'POST', url, payload: {} })).statusCode).toBe(403);
    expect((await t.as(observer, { method: 'POST', url, payload: {} })).statusCode).toBe(403);
    const done = await t.as(staffB, { method: 'POST', url, payload: { introduction: `<p>感谢社会各界的关心和支持。</p>${SCRIPT}` } });
    expect(done.statusCode).toBe(200);
    const c = done.json();
    expect(c).toMatchObject({ state: 'reported', stateLabel: '已发布意见采纳情况反馈', allowedActions: [] });
    expect(c.counts).toMatchObject({ received: 5, approved: 3, rejected: 2, adopted: 1, partlyAdopted: 1, notAdopted: 1, undisposed: 0 });
    expect(c.feedbackHtml).toContain('共收到意见5条，经审核公开3条；其中采纳1条，部分采纳1条，不采纳1条');
    expect(c.feedbackHtml).toContain('感谢社会各界的关心和支持');
    expect(c.feedbackHtml).toContain('破袋投放是保证易腐垃圾纯净度的关键措施');
    expect(c.feedbackHtml).toContain('&lt;script&gt;');
    expect(c.feedbackHtml).not.toContain('<script');
    for (const secret of ['王女士', '13905731234', 'li@example.com', '高价回收', '最后一分钟']) expect(c.feedbackHtml).not.toContain(secret);

    const again = await t.as(staffB, { method: 'POST', url, payload: {} });
    expect(again.json().error.code).toBe('CONSULTATION_ALREADY_REPORTED');
    const locked = await t.as(staffB, { method: 'PUT', url: `/api/v1/consultations/${cid}/comments/${comments.first}/disposition`, payload: { disposition: 'notAdopted', reason: '改主意' } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('CONSULTATION_ALREADY_REPORTED');

    const page = await t.app.inject({ method: 'GET', url: `/portal/consultations/${cid}` });
    expect(page.body).toContain(`href="/portal/consultations/${cid}/feedback"`);
    expect(page.body).toContain('处理情况：</strong>不采纳');
    const report = await t.app.inject({ method: 'GET', url: `/portal/consultations/${cid}/feedback` });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('意见采纳情况反馈');
    expect(report.body).toContain('已在第十二条中增加定时定点投放和督导员的规定');
    expect(report.body).not.toContain(SCRIPT);
    expect((await t.app.inject({ method: 'GET', url })).json()).toMatchObject({ published: true, missing: [] });
    const pubComments = (await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${cid}/comments` })).json().items;
    expect(pubComments.map((x: { dispositionLabel: string }) => x.dispositionLabel)).toEqual(['采纳', '不采纳', '部分采纳']);

    // the decision catalogue links the consultation, on the API and the public page
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/decision-items/${item1}` })).json();
    expect(item.consultations).toEqual([{ id: cid, title: '嘉兴市区生活垃圾分类管理办法（征求意见稿）', state: 'reported', stateLabel: '已发布意见采纳情况反馈' }]);
    const catalogue = await t.app.inject({ method: 'GET', url: '/portal/decisions?year=2020' });
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.body).toContain('2020年重大行政决策事项目录');
    expect(catalogue.body).toContain('嘉兴市“三线一单”生态环境分区管控方案');
    expect(catalogue.body).toContain('审议（当前阶段）');
    expect(catalogue.body).toContain(`href="/portal/consultations/${cid}"`);
    const listPage = await t.app.inject({ method: 'GET', url: '/portal/consultations' });
    expect(listPage.body).toMatch(/已结束[\s\S]*嘉兴市区生活垃圾分类管理办法（征求意见稿）/);
    expect(listPage.body).not.toContain('开始日期已过'); // drafts never appear
  });

  it('limits public comments per client address with a coded 429, on the API and on the page (keeping the text)', async () => {
    setClock('2020-08-03T02:00:00Z');
    const c = (await t.as(office, { method: 'POST', url: '/api/v1/consultations', payload: { unitId: unitA, title: '嘉兴市区义务教育阶段学校招生入学实施办法（征求意见稿）', draftHtml: '<p>第一条……</p>' } })).json();
    expect((await t.as(office, { method: 'POST', url: `/api/v1/consultations/${c.id}/publication` })).json().acceptingComments).toBe(true);
    for (let i = 1; i <= 5; i++) expect((await comment(c.id, { text: `第${i}条意见` }, '10.9.9.9')).statusCode).toBe(201);
    const limited = await comment(c.id, { text: '第6条意见' }, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('CONSULTATION_COMMENT_RATE_LIMITED');
    expect((await comment(c.id, { text: '另一位市民的意见' }, '10.9.9.10')).statusCode).toBe(201);

    for (let i = 1; i <= 5; i++) expect((await t.app.inject({ method: 'POST', url: `/portal/consultations/${c.id}`, remoteAddress: '10.9.9.11', ...form({ text: `页面意见${i}` }) })).statusCode).toBe(201);
    const page = await t.app.inject({ method: 'POST', url: `/portal/consultations/${c.id}`, remoteAddress: '10.9.9.11', ...form({ text: '请保留这段文字', name: '钱某' }) });
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toMatch(/role="alert"[^>]*>[\s\S]*提交意见过于频繁/);
    expect(page.body).toContain('请保留这段文字</textarea>');
    expect(page.body).toContain('value="钱某"');
    const counts = (await t.as(office, { method: 'GET', url: `/api/v1/consultations/${c.id}` })).json().counts;
    expect(counts.received).toBe(11);
  });

  it('renders the public pages accessibly: labels for every field, no script, a phone viewport', async () => {
    const c = (await t.app.inject({ method: 'GET', url: '/api/v1/consultations?state=open' })).json().items[0];
    const res = await t.app.inject({ method: 'GET', url: `/portal/consultations/${c.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(res.body).not.toMatch(/<script/i);
    for (const f of ['f-text', 'f-name', 'f-contact']) {
      expect(res.body).toContain(`<label for="${f}"`);
      expect(res.body).toContain(`id="${f}"`);
    }
    expect(res.body).toContain('剩余天数');
    expect((await t.app.inject({ method: 'GET', url: '/portal/consultations/abc' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/portal/consultations/999999' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/portal/decisions?year=2031' })).statusCode).toBe(404);
  });

  it('answers bad input with a coded 4xx, never a 5xx, and stores nothing', async () => {
    const count = async (table: 'decisionItem' | 'consultation' | 'consultationComment') =>
      Number((await t.tdb.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = [await count('decisionItem'), await count('consultation'), await count('consultationComment')];
    const open = (await t.app.inject({ method: 'GET', url: '/api/v1/consultations?state=open' })).json().items[0].id;
    const cases: [Session | null, string, string, unknown, string][] = [
      [office, 'POST', '/api/v1/decision-items', { year: 'abc', unitId: unitB, title: 'x' }, 'VALIDATION_FAILED'],
      [office, 'POST', '/api/v1/decision-items', { year: 2020, unitId: unitB, title: '   ' }, 'DECISION_TITLE_REQUIRED'],
      [office, 'POST', '/api/v1/decision-items', { year: 2020, unitId: unitB, title: 'x', stage: 'abolished' }, 'VALIDATION_FAILED'],
      [office, 'POST', '/api/v1/decision-items', { year: 2020, unitId: unitB, title: '含\u0000字符', seq: 99999999999 }, 'INPUT_NUL_CHARACTER'],
      [office, 'PATCH', '/api/v1/decision-items/99999999999', { title: 'x' }, 'VALIDATION_FAILED'],
      [office, 'PATCH', '/api/v1/decision-items/2147483647', { title: 'x' }, 'DECISION_NOT_FOUND'],
      [null, 'GET', '/api/v1/decision-items?stage=x', undefined, 'VALIDATION_FAILED'],
      [office, 'POST', '/api/v1/consultations', { unitId: 999999, title: 'x' }, 'CONSULTATION_UNIT_NOT_FOUND'],
      [office, 'POST', '/api/v1/consultations', { unitId: unitB, title: '  ' }, 'CONSULTATION_TITLE_REQUIRED'],
      [office, 'POST', '/api/v1/consultations', { unitId: unitB, title: 'x', opensOn: '2020-13-45' }, 'CONSULTATION_INVALID_DATE'],
      [office, 'POST', '/api/v1/consultations', { unitId: unitB, title: 'x', opensOn: '2020/08/01' }, 'VALIDATION_FAILED'],
      [office, 'POST', '/api/v1/consultations', { unitId: unitB, title: 'x', opensOn: '2020-08-01', closesOn: '2022-08-01' }, 'CONSULTATION_INVALID_PERIOD'],
      [office, 'POST', '/api/v1/consultations', { unitId: unitB, title: 'x', decisionItemId: 999999 }, 'CONSULTATION_DECISION_ITEM_NOT_FOUND'],
      [office, 'POST', '/api/v1/consultations', [1, 2], 'VALIDATION_FAILED'],
      [null, 'GET', '/api/v1/consultations/99999999999', undefined, 'VALIDATION_FAILED'],
      [null, 'GET', '/api/v1/consultations?state=maybe', undefined, 'VALIDATION_FAILED'],
      [null, 'POST', `/api/v1/consultations/${open}/comments`, { text: { html: '<b>x</b>' } }, 'VALIDATION_FAILED'],
      [null, 'POST', `/api/v1/consultations/${open}/comments`, {}, 'VALIDATION_FAILED'],
      [null, 'POST', `/api/v1/consultations/${open}/comments`, { text: '意见', name: '名'.repeat(60) }, 'CONSULTATION_COMMENT_FIELD_TOO_LONG'],
      [null, 'POST', `/api/v1/consultations/${open}/comments`, { text: '\u0000\u0001\u0002' }, 'INPUT_NUL_CHARACTER'],
      [null, 'POST', '/api/v1/consultations/2147483647/comments', { text: '意见' }, 'CONSULTATION_NOT_FOUND'],
      [office, 'PUT', `/api/v1/consultations/${open}/comments/1/moderation`, { decision: 'maybe' }, 'VALIDATION_FAILED'],
      [office, 'PUT', `/api/v1/consultations/${open}/comments/99999999999/disposition`, { disposition: 'adopted' }, 'VALIDATION_FAILED'],
      [office, 'PUT', `/api/v1/consultations/${open}/comments/1/disposition`, { disposition: 'ignored' }, 'VALIDATION_FAILED'],
    ];
    for (const [who, method, url, payload, code] of cases) {
      const res = await t.as(who, { method: method as 'GET', url, payload: payload as never, remoteAddress: `10.7.0.${++ipSeq % 250}` });
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      expect(res.json().error.code, `${method} ${url}`).toBe(code);
    }
    // NUL characters (which PostgreSQL refuses in text) are refused by the API with a coded 400, not a 500
    const nul = await t.as(office, { method: 'POST', url: '/api/v1/consultations', payload: { unitId: unitB, title: '含\u0000字符的标题', explanation: '说明\u0000', draftHtml: '<p>正\u0000文</p>' } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('INPUT_NUL_CHARACTER');
    const nulComment = await comment(open, { text: '意\u0000见', name: '张\u0000三' });
    expect(nulComment.statusCode).toBe(400);
    const nulPage = await t.app.inject({ method: 'GET', url: '/portal/consultations/99999999999' });
    expect(nulPage.statusCode).toBe(404);
    expect([await count('decisionItem'), await count('consultation'), await count('consultationComment')]).toEqual([before[0], before[1], before[2]]);
  });

  it('seeds a realistic demo catalogue and consultations through the services', async () => {
    setClock('2020-09-01T02:00:00Z');
    const seeded = await seedDemoConsultations(t.tdb.db, systemActor('test'));
    expect(seeded).toEqual({ decisionItems: 8, consultations: 3 });
    const items = (await t.app.inject({ method: 'GET', url: '/api/v1/decision-items?year=2020' })).json().items;
    expect(items.map((i: { title: string }) => i.title)).toContain('嘉兴市国土空间总体规划（2020—2035年）');
    expect(new Set(items.map((i: { stage: string }) => i.stage)).size).toBe(5);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/consultations' })).json().items;
    const waste = all.find((c: { title: string; unitName: string }) => c.title === '嘉兴市区生活垃圾分类管理办法（征求意见稿）' && c.unitName === '嘉兴市综合行政执法局');
    expect(waste).toMatchObject({ state: 'reported' });
    const dogs = all.find((c: { title: string }) => c.title === '嘉兴市区养犬管理规定（征求意见稿）');
    expect(dogs).toMatchObject({ state: 'open', acceptingComments: true, opensOn: '2020-08-22', daysLeft: 20 });
    const report = await t.app.inject({ method: 'GET', url: `/portal/consultations/${waste.id}/feedback` });
    expect(report.body).toContain('共收到意见5条，经审核公开4条；其中采纳2条，部分采纳1条，不采纳1条');
    expect(report.body).toContain('嘉兴市综合行政执法局 2020年7月10日');
    expect(report.body).not.toContain('13905731234');
  });
});
