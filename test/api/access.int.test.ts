/**
 * Who may call what: every API route × every role (anonymous, observer, unit staff and unit admin
 * of unit A, office admin) against records of unit B, with the expected status for each. The test
 * fails when a route is added without an entry here. Also: CSRF, API tokens, one-time passwords.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, multipart, SEED_NOTICE, TEST_PASSWORD, type Session, type TestApp } from '../support/test-app.ts';
import { multipartForm, tinyPdf } from '../support/files.ts';
import { setClock } from '../../server/platform/clock.ts';
import { idNumberCheckCharacter } from '../../server/modules/requests/domain/identity-numbers.ts';

import { all, officeOnly, readers, users, WHO, type AccessContext, type Who } from './access/access-kit.ts';
import { MODULE_ACCESS } from './access/index.ts';

interface Ids {
  listId: number; draftId: number; taskId: number; draftTaskId: number; unitB: number; userB: number; groupId: number; placeholderId: number; tokenB: number;
  assignmentB: number; reportB: number; attachmentB: number; notificationB: number; periodId: number;
  /** a request handled by unit B, drafted, with a document and an appeal */
  requestB: number; documentB: number; appealB: number;
  /** a fresh request handled by unit B, in state handling (one per case) */
  freshRequest: number;
}

interface Case {
  route: string; // "METHOD /api/v1/path/{id}" as in the OpenAPI document
  req: (ids: Ids, who: Who) => { method: string; url: string; payload?: unknown; headers?: Record<string, string> };
  expect: Record<Who, number>;
}

const csv = 'name,shortName,aliases,kind,parent,groups\n测试单位,测试,,department,,\n';
const ID17 = '33040219900101123';
const APPLICATION = {
  applicantKind: 'person', applicantName: '王五', idType: 'idCard', idNumber: ID17 + idNumberCheckCharacter(ID17), phone: '13900001111',
  description: '2020年某项政府信息', formWanted: 'electronic', deliveryWanted: 'email',
};

const CASES: Case[] = [
  { route: 'GET /api/v1/lists', req: () => ({ method: 'GET', url: '/api/v1/lists' }), expect: all(200) },
  { route: 'GET /api/v1/lists/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/lists/${i.listId}` }), expect: all(200) },
  { route: 'GET /api/v1/lists/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/lists/${i.draftId}` }), expect: { anonymous: 404, observer: 200, unitStaff: 404, unitAdmin: 404, office: 200 } },
  { route: 'PATCH /api/v1/lists/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/lists/${i.draftId}`, payload: { title: '2020年清单（修订）' } }), expect: officeOnly(200) },
  { route: 'POST /api/v1/lists/{id}/publication', req: (i) => ({ method: 'POST', url: `/api/v1/lists/${i.listId}/publication` }), expect: officeOnly(409) },
  { route: 'DELETE /api/v1/lists/{id}', req: (i) => ({ method: 'DELETE', url: `/api/v1/lists/${i.listId}` }), expect: officeOnly(409) },
  { route: 'GET /api/v1/lists/{id}/tasks', req: (i) => ({ method: 'GET', url: `/api/v1/lists/${i.listId}/tasks` }), expect: all(200) },
  { route: 'GET /api/v1/lists/{id}/xlsx', req: (i) => ({ method: 'GET', url: `/api/v1/lists/${i.listId}/xlsx` }), expect: all(200) },
  { route: 'POST /api/v1/imports/preview', req: () => ({ method: 'POST', url: '/api/v1/imports/preview', ...multipart('a.txt', SEED_NOTICE) }), expect: officeOnly(200) },
  { route: 'POST /api/v1/imports', req: () => ({ method: 'POST', url: '/api/v1/imports', ...multipart('a.txt', SEED_NOTICE) }), expect: officeOnly(201) },
  { route: 'POST /api/v1/lists/{id}/revisions/preview', req: (i) => ({ method: 'POST', url: `/api/v1/lists/${i.draftId}/revisions/preview`, ...multipart('a.txt', SEED_NOTICE) }), expect: officeOnly(200) },
  { route: 'POST /api/v1/lists/{id}/revisions', req: (i) => ({ method: 'POST', url: `/api/v1/lists/${i.draftId}/revisions`, ...multipart('a.txt', SEED_NOTICE) }), expect: officeOnly(200) },
  { route: 'GET /api/v1/tasks/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/tasks/${i.taskId}` }), expect: all(200) },
  { route: 'GET /api/v1/tasks/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/tasks/${i.draftTaskId}` }), expect: { anonymous: 404, observer: 200, unitStaff: 404, unitAdmin: 404, office: 200 } },
  { route: 'PATCH /api/v1/tasks/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/tasks/${i.draftTaskId}`, payload: { dueDate: '2020-11-30' } }), expect: officeOnly(200) },
  { route: 'GET /api/v1/assignments', req: () => ({ method: 'GET', url: '/api/v1/assignments' }), expect: users(200) },
  { route: 'GET /api/v1/assignments', req: (i) => ({ method: 'GET', url: `/api/v1/assignments?unitId=${i.unitB}` }), expect: { anonymous: 401, observer: 200, unitStaff: 403, unitAdmin: 403, office: 200 } },
  { route: 'GET /api/v1/units', req: () => ({ method: 'GET', url: '/api/v1/units' }), expect: all(200) },
  { route: 'GET /api/v1/units/export', req: () => ({ method: 'GET', url: '/api/v1/units/export' }), expect: all(200) },
  { route: 'POST /api/v1/units/import', req: () => ({ method: 'POST', url: '/api/v1/units/import', payload: csv, headers: { 'content-type': 'text/csv' } }), expect: officeOnly(200) },
  { route: 'GET /api/v1/units/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/units/${i.unitB}` }), expect: all(200) },
  { route: 'POST /api/v1/units', req: (_i, w) => ({ method: 'POST', url: '/api/v1/units', payload: { name: `新设单位${w}`, kind: 'department' } }), expect: officeOnly(201) },
  { route: 'PATCH /api/v1/units/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/units/${i.unitB}`, payload: { aliases: ['嘉兴市教育局别名'] } }), expect: officeOnly(200) },
  { route: 'POST /api/v1/units/{id}/merges', req: (i) => ({ method: 'POST', url: `/api/v1/units/${i.placeholderId}/merges`, payload: { intoUnitId: i.unitB } }), expect: officeOnly(200) },
  { route: 'GET /api/v1/unit-groups', req: () => ({ method: 'GET', url: '/api/v1/unit-groups' }), expect: all(200) },
  { route: 'GET /api/v1/unit-groups/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/unit-groups/${i.groupId}` }), expect: all(200) },
  { route: 'POST /api/v1/unit-groups', req: (_i, w) => ({ method: 'POST', url: '/api/v1/unit-groups', payload: { name: `新单位组${w}` } }), expect: officeOnly(201) },
  { route: 'PATCH /api/v1/unit-groups/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/unit-groups/${i.groupId}`, payload: { aliases: ['市级有关部门', '市级部门（单位）'] } }), expect: officeOnly(200) },
  { route: 'GET /api/v1/users', req: () => ({ method: 'GET', url: '/api/v1/users' }), expect: { anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 200, office: 200 } },
  { route: 'POST /api/v1/users', req: (i, w) => ({ method: 'POST', url: '/api/v1/users', payload: { username: `new_${w}`, displayName: '新用户', unitId: i.unitB, role: 'unitStaff' } }), expect: officeOnly(201) },
  { route: 'PATCH /api/v1/users/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/users/${i.userB}`, payload: { displayName: '改名' } }), expect: { anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 404, office: 200 } },
  { route: 'POST /api/v1/users/{id}/password-resets', req: (i) => ({ method: 'POST', url: `/api/v1/users/${i.userB}/password-resets` }), expect: { anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 404, office: 201 } },
  { route: 'GET /api/v1/api-tokens', req: () => ({ method: 'GET', url: '/api/v1/api-tokens' }), expect: users(200) },
  { route: 'POST /api/v1/api-tokens', req: () => ({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: '脚本' } }), expect: users(201) },
  { route: 'DELETE /api/v1/api-tokens/{id}', req: (i) => ({ method: 'DELETE', url: `/api/v1/api-tokens/${i.tokenB}` }), expect: users(404) },
  { route: 'GET /api/v1/audit-log', req: () => ({ method: 'GET', url: '/api/v1/audit-log' }), expect: officeOnly(200) },
  { route: 'GET /api/v1/sessions/current', req: () => ({ method: 'GET', url: '/api/v1/sessions/current' }), expect: users(200) },
  { route: 'PUT /api/v1/users/me/password', req: () => ({ method: 'PUT', url: '/api/v1/users/me/password', payload: { currentPassword: 'wrong-password-1', newPassword: 'Another-pass-2021' } }), expect: users(400) },
  { route: 'GET /api/v1/lists/{id}/periods', req: (i) => ({ method: 'GET', url: `/api/v1/lists/${i.listId}/periods` }), expect: all(200) },
  { route: 'PUT /api/v1/lists/{id}/reporting', req: (i) => ({ method: 'PUT', url: `/api/v1/lists/${i.draftId}/reporting`, payload: { cycle: 'monthly' } }), expect: officeOnly(200) },
  { route: 'PUT /api/v1/tasks/{id}/reporting', req: (i) => ({ method: 'PUT', url: `/api/v1/tasks/${i.draftTaskId}/reporting`, payload: { cycle: 'halfYearly' } }), expect: officeOnly(200) },
  { route: 'GET /api/v1/assignments/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/assignments/${i.assignmentB}` }), expect: readers(200) },
  { route: 'PUT /api/v1/assignments/{id}/final-state', req: (i) => ({ method: 'PUT', url: `/api/v1/assignments/${i.assignmentB}/final-state`, payload: { finalState: null } }), expect: officeOnly(200) },
  { route: 'POST /api/v1/assignments/{id}/reports', req: (i) => ({ method: 'POST', url: `/api/v1/assignments/${i.assignmentB}/reports`, ...multipartForm([['periodId', String(i.periodId)], ['text', '冒名报送']], []) }), expect: { anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: 403 } },
  { route: 'GET /api/v1/reports/{id}/attachments/{attachmentId}', req: (i) => ({ method: 'GET', url: `/api/v1/reports/${i.reportB}/attachments/${i.attachmentB}` }), expect: readers(200) },
  { route: 'GET /api/v1/reviews/queue', req: () => ({ method: 'GET', url: '/api/v1/reviews/queue' }), expect: users(200) },
  { route: 'POST /api/v1/reports/{id}/reviews', req: (i) => ({ method: 'POST', url: `/api/v1/reports/${i.reportB}/reviews`, payload: { decision: 'accept' } }), expect: officeOnly(200) },
  { route: 'POST /api/v1/reports/{id}/publication', req: (i) => ({ method: 'POST', url: `/api/v1/reports/${i.reportB}/publication`, payload: { public: false } }), expect: officeOnly(200) },
  { route: 'GET /api/v1/lists/{id}/matrix', req: (i) => ({ method: 'GET', url: `/api/v1/lists/${i.listId}/matrix` }), expect: readers(200) },
  { route: 'GET /api/v1/lists/{id}/overview', req: (i) => ({ method: 'GET', url: `/api/v1/lists/${i.listId}/overview` }), expect: readers(200) },
  { route: 'GET /api/v1/lists/{id}/progress.xlsx', req: (i) => ({ method: 'GET', url: `/api/v1/lists/${i.listId}/progress.xlsx` }), expect: readers(200) },
  { route: 'GET /api/v1/lists/{id}/periods/{periodId}/bulletin.docx', req: (i) => ({ method: 'GET', url: `/api/v1/lists/${i.listId}/periods/${i.periodId}/bulletin.docx` }), expect: readers(200) },
  { route: 'GET /api/v1/notifications', req: () => ({ method: 'GET', url: '/api/v1/notifications' }), expect: users(200) },
  { route: 'POST /api/v1/notifications/{id}/read', req: (i) => ({ method: 'POST', url: `/api/v1/notifications/${i.notificationB}/read` }), expect: users(404) },
  { route: 'GET /api/v1/units/{id}/channels', req: (i) => ({ method: 'GET', url: `/api/v1/units/${i.unitB}/channels` }), expect: readers(200) },
  { route: 'PUT /api/v1/units/{id}/channels', req: (i) => ({ method: 'PUT', url: `/api/v1/units/${i.unitB}/channels`, payload: { email: 'b@example.gov.cn' } }), expect: officeOnly(200) },
  { route: 'POST /api/v1/reminders', req: (i) => ({ method: 'POST', url: '/api/v1/reminders', payload: { unitId: i.unitB, listId: i.listId } }), expect: { anonymous: 401, observer: 403, unitStaff: 201, unitAdmin: 201, office: 201 } }, // unit A leads items 4, 6, 7 where B is responsible
  { route: 'GET /api/v1/reminders', req: () => ({ method: 'GET', url: '/api/v1/reminders' }), expect: users(200) },
  { route: 'GET /api/v1/reminders', req: (i) => ({ method: 'GET', url: `/api/v1/reminders?unitId=${i.unitB}` }), expect: readers(200) },
  { route: 'GET /api/v1/settings/reminders', req: () => ({ method: 'GET', url: '/api/v1/settings/reminders' }), expect: users(200) },
  { route: 'PUT /api/v1/settings/reminders', req: () => ({ method: 'PUT', url: '/api/v1/settings/reminders', payload: { dueSoonWorkingDays: 4 } }), expect: officeOnly(200) },
  { route: 'POST /api/v1/disclosure-requests/applications', req: () => ({ method: 'POST', url: '/api/v1/disclosure-requests/applications', payload: APPLICATION }), expect: all(201) },
  { route: 'POST /api/v1/disclosure-requests/tracking', req: () => ({ method: 'POST', url: '/api/v1/disclosure-requests/tracking', payload: { regNumber: '依申请〔2020〕第1号', contact: APPLICATION.phone } }), expect: all(200) },
  { route: 'POST /api/v1/disclosure-requests/tracking/corrections', req: () => ({ method: 'POST', url: '/api/v1/disclosure-requests/tracking/corrections', payload: { regNumber: '依申请〔2020〕第1号', contact: APPLICATION.phone, text: '补正' } }), expect: all(409) },
  { route: 'GET /api/v1/disclosure-requests', req: () => ({ method: 'GET', url: '/api/v1/disclosure-requests' }), expect: users(200) },
  { route: 'POST /api/v1/disclosure-requests', req: () => ({ method: 'POST', url: '/api/v1/disclosure-requests', payload: { ...APPLICATION, channel: 'inPerson', arrivedOn: '2020-06-15' } }), expect: { anonymous: 401, observer: 403, unitStaff: 201, unitAdmin: 201, office: 201 } },
  { route: 'GET /api/v1/disclosure-requests/stats', req: () => ({ method: 'GET', url: '/api/v1/disclosure-requests/stats?from=2020-01-01&to=2020-12-31' }), expect: users(200) },
  { route: 'GET /api/v1/disclosure-requests/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/disclosure-requests/${i.requestB}` }), expect: readers(200) },
  ...([
    ['receipt-confirmations', { confirmedOn: '2020-06-15' }, 409], ['assignments', { unitId: 0 }, 200], ['corrections', { items: '请补充文号', correctionDueOn: '2020-07-15' }, 200],
    ['corrections/received', {}, 409], ['corrections/expired', {}, 409], ['consultations', { party: '某公司', kind: 'thirdParty' }, 200], ['consultations/ended', {}, 409],
    ['extensions', { workingDays: 10, approver: '王主任', notifiedOn: '2020-06-15' }, 200], ['fee-notices', { method: 'perVolume', quantity: 40 }, 200],
    ['fee-payments', {}, 409], ['fee-notices/expired', {}, 409], ['drafts', { outcome: 'disclosed', text: '予以公开' }, 200], ['approvals', { approve: true }, 409],
    ['replies', { onDate: '2020-06-15', method: 'post' }, 409], ['archive', {}, 409],
  ] as [string, Record<string, unknown>, number][]).map(([path, body, ok]): Case => ({
    route: `POST /api/v1/disclosure-requests/{id}/${path}`,
    req: (i) => ({ method: 'POST', url: `/api/v1/disclosure-requests/${i.freshRequest}/${path}`, payload: path === 'assignments' ? { unitId: i.unitB } : body }),
    expect: { anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: ok },
  })),
  { route: 'POST /api/v1/disclosure-requests/{id}/documents', req: (i) => ({ method: 'POST', url: `/api/v1/disclosure-requests/${i.freshRequest}/documents`, ...multipart('材料.pdf', tinyPdf()) }), expect: { anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: 201 } },
  { route: 'GET /api/v1/disclosure-requests/{id}/documents/{docId}', req: (i) => ({ method: 'GET', url: `/api/v1/disclosure-requests/${i.requestB}/documents/${i.documentB}` }), expect: officeOnly(200) },
  { route: 'GET /api/v1/disclosure-requests/{id}/reply-letter.docx', req: (i) => ({ method: 'GET', url: `/api/v1/disclosure-requests/${i.requestB}/reply-letter.docx` }), expect: officeOnly(200) },
  { route: 'POST /api/v1/disclosure-requests/{id}/appeals', req: (i) => ({ method: 'POST', url: `/api/v1/disclosure-requests/${i.freshRequest}/appeals`, payload: { kind: 'litigation', filedOn: '2020-06-15' } }), expect: { anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: 201 } },
  { route: 'PATCH /api/v1/appeals/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/appeals/${i.appealB}`, payload: { outcome: 'corrected', decidedOn: '2020-06-15' } }), expect: officeOnly(200) },
  { route: 'GET /api/v1/reply-templates/{letter}', req: () => ({ method: 'GET', url: '/api/v1/reply-templates/withhold' }), expect: users(200) },
  { route: 'PUT /api/v1/reply-templates/{letter}', req: () => ({ method: 'PUT', url: '/api/v1/reply-templates/other', payload: { title: '处理告知书', body: '{申请人}：\n{答复内容}\n可向{复议机关}申请复议或向{人民法院}起诉。' } }), expect: officeOnly(200) },
  { route: 'GET /api/v1/settings/requests', req: () => ({ method: 'GET', url: '/api/v1/settings/requests' }), expect: users(200) },
  { route: 'PUT /api/v1/settings/requests', req: () => ({ method: 'PUT', url: '/api/v1/settings/requests', payload: { duplicateWindowDays: 60 } }), expect: officeOnly(200) },
  { route: 'GET /api/v1/calendar/years', req: () => ({ method: 'GET', url: '/api/v1/calendar/years' }), expect: all(200) },
  { route: 'GET /api/v1/calendar/deadline', req: () => ({ method: 'GET', url: '/api/v1/calendar/deadline?from=2020-09-28&workingDays=5' }), expect: all(200) },
  { route: 'POST /api/v1/calendar/years', req: () => ({ method: 'POST', url: '/api/v1/calendar/years', payload: { year: 2031, source: { title: '测试', docNumber: null, issuedOn: null, url: null }, offDays: ['2031-01-01', '2031-05-01', '2031-05-02', '2031-05-03', '2031-10-01', '2031-10-02', '2031-10-03', '2031-10-04', '2031-10-05', '2031-10-06', '2031-10-07'], workDays: [] } }), expect: officeOnly(201) },
  // Logging in and out are checked in the session tests below.
  { route: 'POST /api/v1/sessions', req: () => ({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'nobody', password: 'x' } }), expect: all(401) },
  { route: 'DELETE /api/v1/sessions/current', req: () => ({ method: 'DELETE', url: '/api/v1/sessions/current' }), expect: { anonymous: 401, observer: 204, unitStaff: 204, unitAdmin: 204, office: 204 } },
];

describe.each(testDialects())('access control on %s', (dialect) => {
  let t: TestApp;
  let ids: Ids;
  let ctx: AccessContext;
  const moduleIds: Record<string, Record<string, number>> = {};
  const sessions = {} as Record<Who, Session | null>;

  const freshRequest = async (office: Session) => {
    const r = (await t.as(office, { method: 'POST', url: '/api/v1/disclosure-requests', payload: { ...APPLICATION, channel: 'registeredMail', arrivedOn: '2020-06-15' } })).json();
    await t.as(office, { method: 'POST', url: `/api/v1/disclosure-requests/${r.id}/assignments`, payload: { unitId: ids.unitB } });
    return r.id as number;
  };

  beforeAll(async () => {
    setClock('2020-06-15T02:00:00Z');
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    // the first application (依申请〔2020〕第1号) is tracked by the tracking cases
    await t.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/applications', payload: APPLICATION });
    const listId = await t.importSeed(true);
    const draftId = await t.importSeed(false);
    const office = await t.loginAs('office', '市政府办公室');
    const tasks = (await t.as(office, { method: 'GET', url: `/api/v1/lists/${listId}/tasks` })).json().items;
    const draftTasks = (await t.as(office, { method: 'GET', url: `/api/v1/lists/${draftId}/tasks` })).json().items;
    const unitB = await t.unitId('市教育局');
    const staffB = await t.loginAs('unitStaff', unitB);
    const token = (await t.as(staffB, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'B' } })).json();
    const groupId = (await t.app.inject({ method: 'GET', url: '/api/v1/unit-groups' })).json().items[0].id;
    const assignmentB = (await t.as(staffB, { method: 'GET', url: `/api/v1/assignments?listId=${listId}&role=responsible` })).json().items.find((a: { seq: number }) => a.seq === 10).id;
    const periodId = (await t.app.inject({ method: 'GET', url: `/api/v1/lists/${listId}/periods` })).json().items[0].id;
    const reportB = (await t.as(staffB, { method: 'POST', url: `/api/v1/assignments/${assignmentB}/reports`, ...multipartForm([['periodId', String(periodId)], ['text', '已落实']], [{ field: 'attachments', name: '佐证.pdf', content: tinyPdf() }]) })).json();
    await t.as(office, { method: 'POST', url: '/api/v1/reminders', payload: { unitId: unitB, listId } });
    const notificationB = (await t.as(staffB, { method: 'GET', url: '/api/v1/notifications' })).json().items[0].id;
    ids = {
      listId, draftId, taskId: tasks[0].id, draftTaskId: draftTasks[0].id, unitB, userB: staffB.userId, groupId, placeholderId: 0, tokenB: token.apiToken.id,
      assignmentB, reportB: reportB.id, attachmentB: reportB.attachments[0].id, notificationB, periodId, requestB: 0, documentB: 0, appealB: 0, freshRequest: 0,
    };
    ids.requestB = await freshRequest(office);
    ids.documentB = (await t.as(office, { method: 'POST', url: `/api/v1/disclosure-requests/${ids.requestB}/documents`, ...multipart('答复材料.pdf', tinyPdf()) })).json().id;
    await t.as(office, { method: 'POST', url: `/api/v1/disclosure-requests/${ids.requestB}/drafts`, payload: { outcome: 'disclosed', text: '予以公开' } });
    ids.appealB = (await t.as(office, { method: 'POST', url: `/api/v1/disclosure-requests/${ids.requestB}/appeals`, payload: { kind: 'reconsideration', filedOn: '2020-06-15' } })).json().id;
    ctx = { t, office, unitA: await t.unitId('市司法局'), unitB, staffB, adminB: await t.loginAs('unitAdmin', unitB), listId, assignmentB };
    for (const m of MODULE_ACCESS) moduleIds[m.name] = await m.setup(ctx);
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('has an entry for every route of the OpenAPI document', async () => {
    await t.app.ready();
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).filter((r) => r.includes('/api/v1/'));
    const covered = new Set([...CASES, ...MODULE_ACCESS.flatMap((m) => m.cases)].map((c) => c.route));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const who of WHO) {
    it(`gives ${who} exactly the access of its role`, async () => {
      const office = await t.loginAs('office', '市政府办公室');
      sessions[who] = who === 'anonymous' ? null : await t.loginAs(who, '市司法局'); // unit A
      const failures: string[] = [];
      for (const c of CASES) {
        // fresh placeholder per role, so each may try the merge
        const placeholder = (await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name: `占位${who}${Math.random()}`, kind: 'unknown' } })).json();
        const fresh = c.route.startsWith('POST /api/v1/disclosure-requests/{id}/') ? await freshRequest(office) : 0;
        const req = c.req({ ...ids, placeholderId: placeholder.id, freshRequest: fresh }, who);
        const session = c.route === 'DELETE /api/v1/sessions/current' && who !== 'anonymous' ? await t.loginAs(who, '市司法局') : sessions[who];
        const res = await t.as(session, req as never);
        if (res.statusCode !== c.expect[who]) failures.push(`${req.method} ${req.url}: ${res.statusCode} (expected ${c.expect[who]}) ${res.body.slice(0, 120)}`);
        if (res.statusCode >= 400) expect(res.json().error.code, `${req.method} ${req.url}`).toMatch(/^[A-Z_]+$/);
      }
      for (const m of MODULE_ACCESS) {
        for (const c of m.cases) {
          const x = { ...moduleIds[m.name], ...(c.fresh ? await c.fresh(ctx) : {}) };
          const req = c.req(x, who);
          const res = await t.as(sessions[who], req as never);
          if (res.statusCode !== c.expect[who]) failures.push(`${m.name}: ${req.method} ${req.url}: ${res.statusCode} (expected ${c.expect[who]}) ${res.body.slice(0, 120)}`);
          if (res.statusCode >= 400) expect(res.json().error.code, `${req.method} ${req.url}`).toMatch(/^[A-Z_]+$/);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000); // every route of every module for one role: a long walk, on PostgreSQL above the default 30 s
  }

  it('refuses a state change made with the session cookie but without the CSRF token', async () => {
    const office = await t.loginAs('office', '市政府办公室');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: office.cookie }, payload: { name: '无令牌单位', kind: 'department' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_CSRF_FAILED');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units?q=无令牌单位' })).json().items).toHaveLength(0);
  });

  it('accepts API tokens without CSRF, rejects unknown and revoked ones', async () => {
    const office = await t.loginAs('office', '市政府办公室');
    const { token, apiToken } = (await t.as(office, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: '导入脚本' } })).json();
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { authorization: `Bearer ${token}` }, payload: { name: '令牌创建的单位', kind: 'department' } });
    expect(ok.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit-log', headers: { authorization: 'Bearer gk_wrong' } })).statusCode).toBe(401);
    expect((await t.as(office, { method: 'DELETE', url: `/api/v1/api-tokens/${apiToken.id}` })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/audit-log', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_INVALID_TOKEN');
  });

  it('sets an HttpOnly SameSite session cookie; logout ends the session', async () => {
    const office = await t.loginAs('office', '市政府办公室', 'cookie_check');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'cookie_check', password: TEST_PASSWORD } });
    const c = res.cookies.find((x) => x.name === 'gk_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(c.secure).toBe(true);
    expect((await t.as(office, { method: 'DELETE', url: '/api/v1/sessions/current' })).statusCode).toBe(204);
    expect((await t.as(office, { method: 'GET', url: '/api/v1/sessions/current' })).statusCode).toBe(401);
  });

  it('makes a user with a one-time password change it before anything else', async () => {
    const office = await t.loginAs('office', '市政府办公室');
    const created = (await t.as(office, { method: 'POST', url: '/api/v1/users', payload: { username: 'otp_user', displayName: '新人', unitId: ids.unitB, role: 'unitStaff' } })).json();
    expect(created.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'otp_user', password: created.oneTimePassword } });
    expect(login.json().user.mustChangePassword).toBe(true);
    const s = { cookie: `gk_session=${login.cookies.find((c) => c.name === 'gk_session')!.value}`, csrf: login.json().csrfToken, userId: 0, unitId: 0 };
    const blocked = await t.as(s, { method: 'GET', url: '/api/v1/assignments' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const weak = await t.as(s, { method: 'PUT', url: '/api/v1/users/me/password', payload: { currentPassword: created.oneTimePassword, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('USER_WEAK_PASSWORD');
    const changed = await t.as(s, { method: 'PUT', url: '/api/v1/users/me/password', payload: { currentPassword: created.oneTimePassword, newPassword: 'New-password-2020' } });
    expect(changed.statusCode).toBe(204);
    expect((await t.as(s, { method: 'GET', url: '/api/v1/assignments' })).statusCode).toBe(200);
  });

  it('stores passwords as argon2id hashes only', async () => {
    const row = await t.tdb.db.selectFrom('user').select('passwordHash').where('username', '=', 'otp_user').executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('New-password-2020');
  });

  it('lets a unit admin manage only its own unit, and only with unit roles', async () => {
    const admin = await t.loginAs('unitAdmin', '市司法局');
    const mine = await t.as(admin, { method: 'POST', url: '/api/v1/users', payload: { username: 'justice_staff', displayName: '司法局职员', unitId: admin.unitId, role: 'unitStaff' } });
    expect(mine.statusCode).toBe(201);
    const elevate = await t.as(admin, { method: 'POST', url: '/api/v1/users', payload: { username: 'justice_office', displayName: 'x', unitId: admin.unitId, role: 'office' } });
    expect(elevate.statusCode).toBe(403);
    expect(elevate.json().error.code).toBe('USER_ROLE_FORBIDDEN');
    const list = (await t.as(admin, { method: 'GET', url: '/api/v1/users' })).json().items;
    expect(list.every((u: { unitId: number }) => u.unitId === admin.unitId)).toBe(true);
  });
});
