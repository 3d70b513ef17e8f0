/**
 * 依申请公开 over HTTP on each database: a person applies online, the office confirms receipt and
 * assigns it, the unit asks for a correction, the person corrects through the tracking page (the
 * clock starts again), the unit replies 部分公开, the letter is generated, the statistics count it.
 * Deadlines are checked against dates counted by hand on the 2020 calendar (National Day, 调休).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { setClock } from '../../server/platform/clock.ts';
import { creditCodeCheckCharacter, idNumberCheckCharacter } from '../../server/modules/requests/domain/identity-numbers.ts';

const ID17 = '33040219900101123';
const ID = ID17 + idNumberCheckCharacter(ID17);
const CODE17 = '91330400MA2B3C4D5';
const CODE = CODE17 + creditCodeCheckCharacter(CODE17);

const person = {
  applicantKind: 'person', applicantName: '张三', idType: 'idCard', idNumber: ID, phone: '13800135678', email: 'zhangsan@example.com',
  address: '嘉兴市南湖区某路1号', description: '2020年南湖区征地补偿安置方案及批复文件', formWanted: 'electronic', deliveryWanted: 'email',
};

describe.each(testDialects())('disclosure requests on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let landStaff: Session; // 市自然资源和规划局
  let landAdmin: Session;
  let otherUnit: Session;
  let id: number;
  let regNumber: string;

  beforeAll(async () => {
    setClock('2020-09-21T02:00:00Z');
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
    landStaff = await t.loginAs('unitStaff', '市自然资源和规划局');
    landAdmin = await t.loginAs('unitAdmin', '市自然资源和规划局');
    otherUnit = await t.loginAs('unitStaff', '市教育局');
    await t.as(office, { method: 'PUT', url: '/api/v1/settings/requests', payload: { regNumberPattern: '嘉政办〔{year}〕依申请第{seq}号' } });
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('refuses invalid identity numbers and credit codes with the reason', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/applications', payload: { ...person, idNumber: `${ID17}${idNumberCheckCharacter(ID17) === '0' ? '1' : '0'}` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('REQUEST_ID_NUMBER_INVALID');
    expect(bad.json().error.message).toContain('校验');
    const org = await t.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/applications', payload: { ...person, applicantKind: 'commercial', applicantName: '嘉兴某某科技有限公司', creditCode: '91330400MA2B3C4D5X'.replace(/.$/, creditCodeCheckCharacter(CODE17) === 'Y' ? 'X' : 'Y') } });
    expect(org.json().error.code).toBe('REQUEST_CREDIT_CODE_INVALID');
    const noContact = await t.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/applications', payload: { ...person, phone: null, email: null, address: null } });
    expect(noContact.json().error.code).toBe('REQUEST_CONTACT_REQUIRED');
  });

  it('takes an online application without login; the clock waits for the confirmed receipt date', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/applications', payload: person });
    expect(res.statusCode).toBe(201);
    regNumber = res.json().regNumber;
    expect(regNumber).toBe('嘉政办〔2020〕依申请第1号');
    const list = (await t.as(office, { method: 'GET', url: '/api/v1/disclosure-requests' })).json().items;
    id = list[0].id;
    expect(list[0]).toMatchObject({ state: 'awaitingConfirmation', applicantName: '张*', receivedOn: null, dueOn: null });
    const track = await t.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/tracking', payload: { regNumber, contact: '138 0013 5678' } });
    expect(track.json()).toMatchObject({ stateLabel: '待确认收到', receivedOn: null });
    expect(JSON.stringify(track.json())).not.toContain(ID);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/tracking', payload: { regNumber, contact: '13900000000' } });
    expect(wrong.statusCode).toBe(404);
  });

  it('confirms receipt (Art. 31) and computes the reply deadline across National Day 2020 and its 调休 days', async () => {
    setClock('2020-09-22T02:00:00Z');
    const res = await t.as(office, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/receipt-confirmations`, payload: { confirmedOn: '2020-09-22' } });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.receivedOn).toBe('2020-09-22');
    // day 1 = 09-23; 09-27 (Sun) and 10-10 (Sat) are working days; 10-01..10-08 off → working day 20 = 10-26
    expect(d.clock.day1).toBe('2020-09-23');
    expect(d.clock.dueOn).toBe('2020-10-26');
    expect(d.clock.correctionRequestDeadline).toBe('2020-09-30');
    expect(d.clock.explanation.join('\n')).toMatch(/2020-09-27/);
  });

  it('lets the office assign it; the unit then sees it, another unit does not', async () => {
    const landId = await t.unitId('市自然资源和规划局');
    expect((await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/assignments`, payload: { unitId: landId } })).statusCode).toBe(403);
    const res = await t.as(office, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/assignments`, payload: { unitId: landId } });
    expect(res.json()).toMatchObject({ state: 'handling', handlingUnitName: '市自然资源和规划局' });
    const mine = (await t.as(landStaff, { method: 'GET', url: '/api/v1/disclosure-requests' })).json().items;
    expect(mine.map((r: { id: number }) => r.id)).toEqual([id]);
    expect((await t.as(otherUnit, { method: 'GET', url: '/api/v1/disclosure-requests' })).json().items).toEqual([]);
    const denied = await t.as(otherUnit, { method: 'GET', url: `/api/v1/disclosure-requests/${id}` });
    expect(denied.statusCode).toBe(403);
  });

  it('shows personal data only to the handling unit and the office, and audits every view', async () => {
    const full = (await t.as(landStaff, { method: 'GET', url: `/api/v1/disclosure-requests/${id}` })).json();
    expect(full.applicant).toMatchObject({ name: '张三', idNumber: ID, phone: '13800135678', masked: false });
    const observer = await t.loginAs('observer', '市政府办公室');
    const masked = (await t.as(observer, { method: 'GET', url: `/api/v1/disclosure-requests/${id}` })).json();
    expect(masked.applicant).toMatchObject({ name: '张*', idNumber: `${ID.slice(0, 6)}********${ID.slice(-4)}`, phone: '138****5678', email: null, address: null, masked: true });
    const audit = (await t.as(office, { method: 'GET', url: `/api/v1/audit-log?action=view_applicant_data&resourceId=${id}` })).json();
    expect(audit.items.map((e: { actorUserId: number }) => e.actorUserId)).toContain(landStaff.userId);
    expect(audit.items.map((e: { actorUserId: number }) => e.actorUserId)).not.toContain(observer.userId);
    // the public progress and start pages never show it
    expect((await t.app.inject({ method: 'GET', url: '/' })).body).not.toContain('张三');
  });

  it('asks for a correction once, within 7 working days; the person corrects it on the tracking page and the clock starts again', async () => {
    setClock('2020-09-25T02:00:00Z');
    const res = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/corrections`, payload: { items: '请说明所需批复文件的具体地块名称或文号。', correctionDueOn: '2020-10-20' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('awaitingCorrection');
    const twice = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/corrections`, payload: { items: '再补', correctionDueOn: '2020-10-25' } });
    expect(twice.statusCode).toBe(409);
    const track = (await t.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/tracking', payload: { regNumber, contact: 'zhangsan@example.com' } })).json();
    expect(track.awaitingCorrection).toEqual({ items: '请说明所需批复文件的具体地块名称或文号。', correctionDueOn: '2020-10-20' });
    setClock('2020-10-12T02:00:00Z');
    const page = await t.app.inject({ method: 'POST', url: '/track/correction', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ regNumber, contact: 'zhangsan@example.com', text: '地块为南湖区七星街道2020-12号地块。' }).toString() });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('补正已提交');
    const d = (await t.as(landStaff, { method: 'GET', url: `/api/v1/disclosure-requests/${id}` })).json();
    expect(d.state).toBe('handling');
    expect(d.clock.day1).toBe('2020-10-13');
    expect(d.clock.dueOn).toBe('2020-11-09');
    expect(d.description).toContain('七星街道');
  });

  it('refuses an extension over 20 working days and a second extension', async () => {
    const long = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/extensions`, payload: { workingDays: 25, approver: '李主任', notifiedOn: '2020-10-12' } });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('REQUEST_EXTENSION_TOO_LONG');
    const ok = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/extensions`, payload: { workingDays: 10, approver: '李主任', notifiedOn: '2020-10-12' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().clock.dueOn).toBe('2020-11-23');
    const again = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/extensions`, payload: { workingDays: 5, approver: '李主任', notifiedOn: '2020-10-12' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REQUEST_EXTENSION_ONCE');
  });

  it('refuses a reply type that does not fit the state', async () => {
    const closed = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/drafts`, payload: { outcome: 'other.noCorrection', text: 'x' } });
    expect(closed.json().error.code).toBe('REQUEST_OUTCOME_NOT_FOR_STATE');
    const unknown = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/drafts`, payload: { outcome: 'maybe', text: 'x' } });
    expect(unknown.json().error.code).toBe('REQUEST_INVALID_OUTCOME');
    const early = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/replies`, payload: { onDate: '2020-10-12', method: 'post' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('REQUEST_INVALID_TRANSITION');
  });

  it('replies 部分公开 after approval, generates the letter, and counts it in the statistics', async () => {
    setClock('2020-10-20T02:00:00Z');
    const draft = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/drafts`, payload: { outcome: 'partlyDisclosed', text: '现向您提供征地补偿安置方案；批复文件中涉及个人信息的部分不予公开。' } });
    expect(draft.json().state).toBe('awaitingApproval');
    expect((await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/approvals`, payload: { approve: true } })).statusCode).toBe(403);
    expect((await t.as(landAdmin, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/approvals`, payload: { approve: true } })).json().state).toBe('approved');
    const replied = (await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/replies`, payload: { onDate: '2020-10-20', method: 'post' } })).json();
    expect(replied).toMatchObject({ state: 'replied', repliedOn: '2020-10-20', outcome: 'partlyDisclosed' });
    expect(replied.clock.overdue).toBe(false);
    const letter = await t.as(landStaff, { method: 'GET', url: `/api/v1/disclosure-requests/${id}/reply-letter.docx` });
    expect(letter.statusCode).toBe(200);
    const { default: mammoth } = await import('mammoth');
    const text = (await mammoth.extractRawText({ buffer: letter.rawPayload })).value;
    expect(text).toContain('政府信息公开申请答复书（部分公开）');
    expect(text).toContain('嘉政办〔2020〕依申请第1号');
    expect(text).toContain('张三：');
    expect(text).toContain('《条例》第三十七条');
    expect(text).toContain('六十日内');
    expect(text).toContain('六个月内');
    expect(text).toContain('嘉兴市自然资源和规划局');
    const stats = (await t.as(office, { method: 'GET', url: '/api/v1/disclosure-requests/stats?from=2020-01-01&to=2020-12-31' })).json();
    expect(stats.received.person).toBe(1);
    expect(stats.outcomes.partlyDisclosed).toMatchObject({ person: 1, total: 1 });
    expect(stats.outcomesTotal.total).toBe(1);
    expect(stats.carriedForward.total).toBe(0);
    expect(stats.byChannel).toEqual({ online: 1 });
  });

  it('registers a letter by post with its receipt rule, flags a possible duplicate, records appeals', async () => {
    setClock('2020-12-10T02:00:00Z'); // within the 90-day duplicate window of the first application (09-21)
    const letter = await t.as(office, {
      method: 'POST', url: '/api/v1/disclosure-requests',
      payload: { ...person, description: '南湖区2020年征地补偿安置方案及其批复文件', channel: 'registeredMail', arrivedOn: '2020-12-10' },
    });
    expect(letter.statusCode).toBe(201);
    const d = letter.json();
    expect(d).toMatchObject({ receivedOn: '2020-12-10', state: 'registered', possibleDuplicates: [id] });
    const ordinary = await t.as(office, { method: 'POST', url: '/api/v1/disclosure-requests', payload: { ...person, idNumber: ID, description: '另一事项：2020年教育经费', channel: 'ordinaryMail', arrivedOn: '2020-12-10' } });
    expect(ordinary.json()).toMatchObject({ state: 'awaitingConfirmation', receivedOn: null, possibleDuplicates: [] });
    const appeal = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${id}/appeals`, payload: { kind: 'reconsideration', filedOn: '2020-11-02' } });
    expect(appeal.statusCode).toBe(201);
    expect((await t.as(landStaff, { method: 'PATCH', url: `/api/v1/appeals/${appeal.json().id}`, payload: { outcome: 'maintained', decidedOn: '2020-12-20' } })).json().outcomeLabel).toBe('结果维持');
    const stats = (await t.as(office, { method: 'GET', url: '/api/v1/disclosure-requests/stats?from=2020-01-01&to=2020-12-31' })).json();
    expect(stats.appeals.reconsideration).toEqual([1, 0, 0, 0, 1]);
    expect(stats.carriedForward.total).toBe(1); // the registered letter, still open at year end
  });

  it('computes the information-processing fee and closes an unpaid request as 其他处理', async () => {
    setClock('2020-12-14T02:00:00Z');
    const reg = (await t.as(office, { method: 'POST', url: '/api/v1/disclosure-requests', payload: { ...person, description: '2019年至2020年全部土地出让合同', channel: 'inPerson', arrivedOn: '2020-12-14' } })).json();
    await t.as(office, { method: 'POST', url: `/api/v1/disclosure-requests/${reg.id}/assignments`, payload: { unitId: await t.unitId('市自然资源和规划局') } });
    const free = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${reg.id}/fee-notices`, payload: { method: 'perVolume', quantity: 30 } });
    expect(free.json().error.code).toBe('REQUEST_FEE_FREE');
    const fee = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${reg.id}/fee-notices`, payload: { method: 'perVolume', quantity: 150 } });
    expect(fee.statusCode).toBe(200);
    const notice = fee.json().events.find((e: { type: string }) => e.type === 'feeNoticed');
    expect(notice.data.amount).toBe(1700); // 70 × 10 + 50 × 20
    const due = fee.json().clock.feePaymentDueOn;
    expect(due).toBe('2021-01-12');
    const early = await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${reg.id}/fee-notices/expired`, payload: {} });
    expect(early.json().error.code).toBe('REQUEST_FEE_NOT_EXPIRED');
    setClock('2021-01-13T02:00:00Z');
    const closed = (await t.as(landStaff, { method: 'POST', url: `/api/v1/disclosure-requests/${reg.id}/fee-notices/expired`, payload: {} })).json();
    expect(closed).toMatchObject({ state: 'replied', outcome: 'other.feeNotPaid', repliedOn: '2021-01-13' });
    const stats = (await t.as(office, { method: 'GET', url: '/api/v1/disclosure-requests/stats?from=2021-01-01&to=2021-12-31' })).json();
    expect(stats.carriedOver.total).toBe(2); // the letter of 12-10 and this one, open at the end of 2020
    expect(stats.outcomes['other.feeNotPaid'].total).toBe(1);
  });

  it('reminds the handling unit before the reply is due and when it is overdue, once per deadline', async () => {
    setClock('2021-03-01T02:00:00Z');
    const reg = (await t.as(office, { method: 'POST', url: '/api/v1/disclosure-requests', payload: { ...person, description: '2021年某事项', channel: 'inPerson', arrivedOn: '2021-03-01' } })).json();
    await t.as(office, { method: 'POST', url: `/api/v1/disclosure-requests/${reg.id}/assignments`, payload: { unitId: await t.unitId('市自然资源和规划局') } });
    expect(reg.clock.dueOn).toBe('2021-03-29');
    const { scanReminders } = await import('../../server/modules/reminders/index.ts');
    setClock('2021-03-23T02:00:00Z');
    await scanReminders(t.tdb.db);
    setClock('2021-03-24T02:00:00Z'); // 3 working days before 03-29: 03-24, 25, 26
    await scanReminders(t.tdb.db);
    await scanReminders(t.tdb.db);
    setClock('2021-03-30T02:00:00Z');
    await scanReminders(t.tdb.db);
    const notes = (await t.as(landStaff, { method: 'GET', url: '/api/v1/notifications' })).json().items.filter((n: { body: string }) => n.body.includes(reg.regNumber));
    expect(notes.map((n: { title: string }) => n.title)).toEqual(['依申请公开答复已逾期', '依申请公开答复即将到期', '政府信息公开申请待办理']);
  });
});
