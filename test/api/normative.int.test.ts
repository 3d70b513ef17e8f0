/**
 * 行政规范性文件 register over HTTP on each database: a normative publication is registered when it
 * is published (统一编号 from the office's pattern, unique and gap-free per series), later documents
 * amend or repeal it (the valid list, the public register and the search's validity filter follow),
 * the office declares documents expired or repealed, the validity period ends (alert once before,
 * 失效 after, by the scan job), and a cleanup campaign runs with two units, each confirming only its
 * own documents, until the office closes it and the valid list is published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { setClock } from '../../server/platform/clock.ts';
import { postWebhook } from '../../server/modules/notifications/index.ts';
import { startJobs, type JobRunner } from '../../server/jobs/job-runner.ts';
import { getRegistration, scanNormativeDocuments } from '../../server/modules/normative/index.ts';

interface Doc { id: number; regNumber: string; validity: string; validityChangedOn: string | null; effectiveOn: string; validUntil: string; unitId: number; title: string }

describe.each(testDialects())('normative register on %s', (dialect) => {
  let t: TestApp;
  let jobs: JobRunner;
  let office: Session;
  let observer: Session;
  let eduStaff: Session; // 市教育局
  let eduAdmin: Session;
  let lawStaff: Session; // 市司法局
  let lawAdmin: Session;
  /** publication ids of the documents, as they are published */
  const doc = { admissions: 0, canteen: 0, govLaw: 0, late: 0, legalAid: 0, mediation: 0, mediation2: 0, schoolBus: 0, tricky: 0, tutoring: 0, tutoring2: 0, y2021: 0 };

  /** Drafts, sends to the unit admin for 保密审查, approves: the publication is published (and registered). */
  const publish = async (author: Session, reviewer: Session, body: Record<string, unknown>, kind = 'normative') => {
    const draft = await t.as(author, { method: 'POST', url: '/api/v1/publications', payload: { platformColumn: 'statutory', kind, body: '<p>正文。</p>', ...body } });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as number;
    expect((await t.as(author, { method: 'POST', url: `/api/v1/publications/${id}/review-requests`, payload: { reviewerId: reviewer.userId } })).statusCode).toBe(200);
    const approved = await t.as(reviewer, { method: 'POST', url: `/api/v1/publications/${id}/reviews`, payload: { decision: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(200);
    return id;
  };
  const get = async (id: number) => (await t.app.inject({ method: 'GET', url: `/api/v1/normative-documents/${id}` })).json() as Doc & Record<string, unknown>;
  const search = async (q: string, validity?: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?${new URLSearchParams({ q, kind: 'normative', ...(validity ? { validity } : {}) })}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { refId: number; validity: string }[]).map((i) => i.refId);
  };
  const notifications = async (s: Session) => (await t.as(s, { method: 'GET', url: '/api/v1/notifications' })).json().items as { title: string; body: string }[];

  beforeAll(async () => {
    setClock('2020-03-02T02:00:00Z');
    t = await buildTestApp(dialect, { jobIntervalSeconds: 0 });
    jobs = startJobs(t.app, { webhook: postWebhook });
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
    observer = await t.loginAs('observer', '市政府办公室');
    eduStaff = await t.loginAs('unitStaff', '市教育局');
    eduAdmin = await t.loginAs('unitAdmin', '市教育局');
    lawStaff = await t.loginAs('unitStaff', '市司法局');
    lawAdmin = await t.loginAs('unitAdmin', '市司法局');
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('registers a published normative document with a number from the pattern, consecutive and unique', async () => {
    const settings = await t.as(eduStaff, { method: 'GET', url: '/api/v1/settings/normative' });
    expect(settings.json()).toMatchObject({ regNumberPattern: 'JXGF-{year}-{seq:4}', validityYears: 5, alertDaysBefore: 90, example: 'JXGF-2020-0007' });
    doc.tutoring = await publish(eduStaff, eduAdmin, { title: '嘉兴市教育局关于规范校外培训机构管理的通知', docNumber: '嘉教〔2020〕8号' });
    doc.admissions = await publish(eduStaff, eduAdmin, { title: '嘉兴市教育局关于做好义务教育招生入学工作的通知', docNumber: '嘉教〔2020〕9号' });
    doc.mediation = await publish(lawStaff, lawAdmin, { title: '嘉兴市司法局关于加强人民调解工作的意见', docNumber: '嘉司〔2020〕3号' });
    const general = await publish(eduStaff, eduAdmin, { title: '市教育局2019年度工作总结' }, 'general');
    const first = await get(doc.tutoring);
    expect(first).toMatchObject({ regNumber: 'JXGF-2020-0001', validity: 'valid', validityLabel: '有效', effectiveOn: '2020-03-02', validUntil: '2025-03-01', publisher: '嘉兴市教育局', url: `/portal/publications/${doc.tutoring}` });
    expect((await get(doc.admissions)).regNumber).toBe('JXGF-2020-0002');
    expect((await get(doc.mediation)).regNumber).toBe('JXGF-2020-0003');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/normative-documents/${general}` })).statusCode).toBe(404);

    // a draft returned by the reviewer takes no number: the next registration is 0004
    const draft = (await t.as(lawStaff, { method: 'POST', url: '/api/v1/publications', payload: { platformColumn: 'statutory', kind: 'normative', title: '嘉兴市司法局关于法律援助经济困难标准的通知', body: '<p>正文</p>' } })).json();
    await t.as(lawStaff, { method: 'POST', url: `/api/v1/publications/${draft.id}/review-requests`, payload: { reviewerId: lawAdmin.userId } });
    await t.as(lawAdmin, { method: 'POST', url: `/api/v1/publications/${draft.id}/reviews`, payload: { decision: 'return', note: '请补充文号' } });
    doc.legalAid = await publish(lawStaff, lawAdmin, { title: '嘉兴市司法局关于调整法律援助经济困难标准的通知', docNumber: '嘉司〔2020〕4号' });
    expect((await get(doc.legalAid)).regNumber).toBe('JXGF-2020-0004');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/normative-documents/${draft.id}` })).statusCode).toBe(404);

    // another pattern: a series per unit; back to the default, the year's series goes on
    const changed = await t.as(office, { method: 'PUT', url: '/api/v1/settings/normative', payload: { regNumberPattern: '嘉规〔{year}〕{unitId}-{seq:3}号' } });
    expect(changed.statusCode, changed.body).toBe(200);
    doc.schoolBus = await publish(eduStaff, eduAdmin, { title: '嘉兴市教育局关于加强校车安全管理的通知' });
    expect((await get(doc.schoolBus)).regNumber).toBe(`嘉规〔2020〕${eduStaff.unitId}-001号`);
    await t.as(office, { method: 'PUT', url: '/api/v1/settings/normative', payload: { regNumberPattern: 'JXGF-{year}-{seq:4}' } });
    doc.canteen = await publish(eduStaff, eduAdmin, { title: '嘉兴市教育局关于加强学校食堂食品安全管理的通知' });
    expect((await get(doc.canteen)).regNumber).toBe('JXGF-2020-0005');

    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/normative-documents?pageSize=100' })).json();
    const numbers = (all.items as Doc[]).map((d) => d.regNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.filter((n) => n.startsWith('JXGF-2020-')).sort()).toEqual(['JXGF-2020-0001', 'JXGF-2020-0002', 'JXGF-2020-0003', 'JXGF-2020-0004', 'JXGF-2020-0005']);
    // every registration is audited
    const audit = (await t.as(office, { method: 'GET', url: `/api/v1/audit-log?action=register_normative_document&resourceId=${doc.tutoring}` })).json();
    expect(audit.items).toHaveLength(1);
  });

  it('refuses a wrong pattern with the reason, and lets only the office change settings', async () => {
    for (const bad of ['JX-{yr}-{seq}', 'JXGF-{year}', 'JX-{seq}-{seq:2}', 'JX-{seq:9}', 'JX-{year-{seq}', '  ']) {
      const res = await t.as(office, { method: 'PUT', url: '/api/v1/settings/normative', payload: { regNumberPattern: bad } });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code, bad).toBe('NORMATIVE_PATTERN_INVALID');
    }
    expect((await t.as(office, { method: 'PUT', url: '/api/v1/settings/normative', payload: { validityYears: 0 } })).json().error.code).toBe('VALIDATION_FAILED');
    const unit = await t.as(eduAdmin, { method: 'PUT', url: '/api/v1/settings/normative', payload: { alertDaysBefore: 30 } });
    expect(unit.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/settings/normative' })).statusCode).toBe(401);
    expect((await t.as(office, { method: 'GET', url: '/api/v1/settings/normative' })).json().regNumberPattern).toBe('JXGF-{year}-{seq:4}');
  });

  it('lists the register with filters and finds by title, 文号 and 登记号', async () => {
    const list = async (qs: string) => ((await t.app.inject({ method: 'GET', url: `/api/v1/normative-documents?${qs}` })).json().items as Doc[]).map((d) => d.id).sort();
    expect(await list(`unitId=${lawStaff.unitId}`)).toEqual([doc.mediation, doc.legalAid].sort());
    expect(await list(`q=${encodeURIComponent('校外培训')}`)).toEqual([doc.tutoring]);
    expect(await list(`q=${encodeURIComponent('嘉教〔2020〕9号')}`)).toEqual([doc.admissions]);
    expect(await list('q=jxgf-2020-0003')).toEqual([doc.mediation]);
    expect(await list('q=%25')).toEqual([]);
    expect(await list('year=2019')).toEqual([]);
    expect((await list('year=2020&validity=valid')).length).toBe(6);
  });

  it('repeal: the later document repeals the earlier one; the valid list, the public register and the search filter change', async () => {
    expect(await search('校外培训', 'valid')).toEqual([doc.tutoring]);
    setClock('2020-03-16T02:00:00Z');
    doc.tutoring2 = await publish(eduStaff, eduAdmin, { title: '嘉兴市教育局关于进一步规范校外培训机构的实施意见', docNumber: '嘉教〔2020〕15号' });
    const res = await t.as(eduStaff, { method: 'POST', url: `/api/v1/normative-documents/${doc.tutoring2}/relations`, payload: { targetId: doc.tutoring, kind: 'repeals' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().repeals.map((r: { id: number }) => r.id)).toEqual([doc.tutoring]);
    const old = await get(doc.tutoring);
    expect(old).toMatchObject({ validity: 'repealed', validityLabel: '废止', validityChangedOn: '2020-03-16' });
    expect((old.repealedBy as { id: number; url: string }[]).map((r) => r.id)).toEqual([doc.tutoring2]);

    expect(await search('校外培训', 'valid')).toEqual([doc.tutoring2]);
    expect(await search('校外培训', 'repealed')).toEqual([doc.tutoring]);
    const inForce = ((await t.app.inject({ method: 'GET', url: '/api/v1/normative-documents?inForce=true&pageSize=100' })).json().items as Doc[]).map((d) => d.id);
    expect(inForce).toContain(doc.tutoring2);
    expect(inForce).not.toContain(doc.tutoring);

    const register = (await t.app.inject({ method: 'GET', url: '/portal/normative' })).body;
    expect(register).not.toContain('<strong>嘉兴市教育局关于规范校外培训机构管理的通知</strong>');
    expect(register).toContain(`本文件废止了 <a href="/portal/publications/${doc.tutoring}">`);
    const repealed = (await t.app.inject({ method: 'GET', url: '/portal/normative?validity=repealed' })).body;
    expect(repealed).toContain('<strong>嘉兴市教育局关于规范校外培训机构管理的通知</strong>');
    expect(repealed).toContain(`<a href="/portal/publications/${doc.tutoring2}">《嘉兴市教育局关于进一步规范校外培训机构的实施意见》</a>`);
    expect(repealed).toContain('效力状态：废止');

    // the office registers a document for one unit that amends another unit's: that unit is told
    doc.govLaw = await publish(office, lawAdmin, { unitId: lawStaff.unitId, title: '嘉兴市司法局关于人民调解工作的规定', docNumber: '嘉司〔2020〕9号' });
    expect((await t.as(office, { method: 'POST', url: `/api/v1/normative-documents/${doc.govLaw}/relations`, payload: { targetId: doc.admissions, kind: 'amends' } })).statusCode).toBe(201);
    expect((await notifications(eduStaff)).map((n) => n.title)).toContain('行政规范性文件已被修改');
  });

  it('amend: the amended document stays in force as 修改; getRegistration gives the register entry to other modules', async () => {
    setClock('2020-03-20T02:00:00Z');
    doc.mediation2 = await publish(lawStaff, lawAdmin, { title: '嘉兴市司法局关于修改加强人民调解工作的意见的通知', docNumber: '嘉司〔2020〕12号' });
    const res = await t.as(lawAdmin, { method: 'POST', url: `/api/v1/normative-documents/${doc.mediation2}/relations`, payload: { targetId: doc.mediation, kind: 'amends' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(await get(doc.mediation)).toMatchObject({ validity: 'amended', validityLabel: '修改', validityChangedOn: '2020-03-20' });
    expect((await get(doc.mediation)).amendedBy).toEqual([expect.objectContaining({ id: doc.mediation2, docNumber: '嘉司〔2020〕12号' })]);
    expect(await search('人民调解', 'amended')).toEqual([doc.mediation]);
    const inForce = ((await t.app.inject({ method: 'GET', url: '/api/v1/normative-documents?inForce=true&pageSize=100' })).json().items as Doc[]).map((d) => d.id);
    expect(inForce).toContain(doc.mediation);
    const registration = await getRegistration(t.tdb.db, doc.mediation);
    expect(registration).toMatchObject({ regNumber: 'JXGF-2020-0003', validity: 'amended', amendedBy: [{ id: doc.mediation2, title: '嘉兴市司法局关于修改加强人民调解工作的意见的通知' }], repealedBy: [] });
    expect(await getRegistration(t.tdb.db, 999_999)).toBeNull();
  });

  it('refuses bad relations: unknown target, itself, twice, backwards, a repealed target, another unit, readers', async () => {
    const rel = (s: Session | null, from: number, body: Record<string, unknown>) => t.as(s, { method: 'POST', url: `/api/v1/normative-documents/${from}/relations`, payload: body });
    const expectError = async (p: Promise<{ statusCode: number; json(): { error: { code: string } } }>, status: number, code: string) => {
      const r = await p;
      expect(r.statusCode).toBe(status);
      expect(r.json().error.code).toBe(code);
    };
    await expectError(rel(eduStaff, doc.tutoring2, { targetId: 999_999, kind: 'repeals' }), 400, 'NORMATIVE_TARGET_UNKNOWN');
    await expectError(rel(eduStaff, doc.tutoring2, { targetId: doc.tutoring2, kind: 'repeals' }), 400, 'NORMATIVE_RELATION_SELF');
    await expectError(rel(eduStaff, doc.tutoring2, { targetId: doc.tutoring, kind: 'repeals' }), 409, 'NORMATIVE_RELATION_EXISTS');
    await expectError(rel(eduStaff, doc.tutoring, { targetId: doc.tutoring2, kind: 'amends' }), 400, 'NORMATIVE_RELATION_CYCLE');
    await expectError(rel(eduStaff, doc.canteen, { targetId: doc.tutoring2, kind: 'amends' }), 400, 'NORMATIVE_RELATION_ORDER');
    await expectError(rel(eduStaff, doc.tutoring2, { targetId: doc.schoolBus, kind: 'sort-of' }), 400, 'VALIDATION_FAILED');
    await expectError(rel(lawStaff, doc.mediation2, { targetId: doc.tutoring, kind: 'amends' }), 409, 'NORMATIVE_TARGET_NOT_IN_FORCE');
    await expectError(rel(lawStaff, doc.tutoring2, { targetId: doc.schoolBus, kind: 'amends' }), 403, 'NORMATIVE_FORBIDDEN');
    await expectError(rel(observer, doc.tutoring2, { targetId: doc.schoolBus, kind: 'amends' }), 403, 'NORMATIVE_FORBIDDEN');
    await expectError(rel(null, doc.tutoring2, { targetId: doc.schoolBus, kind: 'amends' }), 401, 'AUTH_REQUIRED');
    await expectError(rel(eduStaff, 999_999, { targetId: doc.schoolBus, kind: 'amends' }), 404, 'NORMATIVE_NOT_FOUND');
    expect((await get(doc.schoolBus)).validity).toBe('valid');
  });

  it('lets the office declare a document expired or repealed outright, with the reason', async () => {
    const change = (s: Session, body: Record<string, unknown>) => t.as(s, { method: 'POST', url: `/api/v1/normative-documents/${doc.legalAid}/validity-changes`, payload: body });
    expect((await change(lawAdmin, { validity: 'repealed', note: '上位法修改' })).json().error.code).toBe('NORMATIVE_VALIDITY_FORBIDDEN');
    expect((await change(office, { validity: 'repealed', note: '  ' })).json().error.code).toBe('NORMATIVE_NOTE_REQUIRED');
    expect((await change(office, { validity: 'amended', note: 'x' })).json().error.code).toBe('VALIDATION_FAILED');
    const ok = await change(office, { validity: 'repealed', note: '《法律援助法》施行，经济困难标准由省统一规定' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ validity: 'repealed', validityChangedOn: '2020-03-20', validityNote: '《法律援助法》施行，经济困难标准由省统一规定' });
    expect((await change(office, { validity: 'expired', note: '再次' })).statusCode).toBe(409);
    expect(await search('法律援助', 'valid')).toEqual([]);
    expect((await notifications(lawStaff)).map((n) => n.title)).toContain('行政规范性文件已废止');
  });

  it('keeps dates and notes by the issuing unit or the office only; a past end date makes the document 失效 at once', async () => {
    const patch = (s: Session, id: number, body: Record<string, unknown>) => t.as(s, { method: 'PATCH', url: `/api/v1/normative-documents/${id}`, payload: body });
    expect((await patch(lawStaff, doc.schoolBus, { validityNote: 'x' })).statusCode).toBe(403);
    expect((await patch(observer, doc.schoolBus, { validityNote: 'x' })).statusCode).toBe(403);
    expect((await patch(eduStaff, doc.schoolBus, { validUntil: '2020-02-30' })).json().error.code).toBe('NORMATIVE_DATE_INVALID');
    expect((await patch(eduStaff, doc.schoolBus, { validUntil: '2020-03-01' })).json().error.code).toBe('NORMATIVE_VALIDITY_PERIOD_INVALID');
    // the period follows a new effective date while it is the default one
    const moved = await patch(eduStaff, doc.schoolBus, { effectiveOn: '2020-04-01', validityNote: '自2020年4月1日起施行' });
    expect(moved.json()).toMatchObject({ effectiveOn: '2020-04-01', validUntil: '2025-03-31', validityNote: '自2020年4月1日起施行' });
    expect((await patch(eduStaff, doc.tutoring, { validUntil: '2021-01-01' })).json().error.code).toBe('NORMATIVE_NOT_IN_FORCE');
    // an end date already past: 失效 from the day after, at once
    const past = await patch(office, doc.canteen, { effectiveOn: '2015-03-02', validUntil: '2020-03-01' });
    expect(past.json()).toMatchObject({ validity: 'expired', validityChangedOn: '2020-03-02' });
    expect(await search('食堂', 'expired')).toEqual([doc.canteen]);
  });

  it('alerts the issuing unit once before the period ends, then makes the document 失效 when it has ended (scan job)', async () => {
    await t.as(eduStaff, { method: 'PATCH', url: `/api/v1/normative-documents/${doc.tutoring2}`, payload: { validUntil: '2020-06-30' } });
    const alerts = async () => (await notifications(eduStaff)).filter((n) => n.title === '行政规范性文件有效期即将届满' && n.body.includes('进一步规范校外培训机构'));
    await jobs.runOnce();
    expect(await alerts()).toHaveLength(0); // 2020-06-30 is more than 90 days away
    setClock('2020-04-02T02:00:00Z'); // 89 days before
    await jobs.runOnce();
    expect(await alerts()).toHaveLength(1);
    expect((await alerts())[0]!.body).toContain('有效期至2020-06-30');
    await jobs.runOnce();
    await Promise.all([scanNormativeDocuments(t.tdb.db), scanNormativeDocuments(t.tdb.db)]);
    expect(await alerts()).toHaveLength(1);
    expect((await get(doc.tutoring2)).expiryAlertedAt).toBeTruthy();

    setClock('2020-06-30T15:00:00Z'); // 2020-06-30 23:00 in China: the last valid day
    await jobs.runOnce();
    expect((await get(doc.tutoring2)).validity).toBe('valid');
    setClock('2020-07-01T02:00:00Z');
    await jobs.runOnce();
    expect(await get(doc.tutoring2)).toMatchObject({ validity: 'expired', validityLabel: '失效', validityChangedOn: '2020-07-01' });
    expect(await search('校外培训', 'valid')).toEqual([]);
    expect(await search('校外培训', 'expired')).toEqual([doc.tutoring2]);
    expect((await scanNormativeDocuments(t.tdb.db)).expired).toBe(0);
    const audit = (await t.as(office, { method: 'GET', url: `/api/v1/audit-log?action=expire_normative_document&resourceId=${doc.tutoring2}` })).json();
    expect(audit.items).toHaveLength(1);
    // a new end date allows a new alert
    await t.as(lawStaff, { method: 'PATCH', url: `/api/v1/normative-documents/${doc.mediation2}`, payload: { validUntil: '2020-08-31' } });
    expect((await scanNormativeDocuments(t.tdb.db)).alerted).toBe(1);
    await t.as(lawStaff, { method: 'PATCH', url: `/api/v1/normative-documents/${doc.mediation2}`, payload: { validUntil: '2020-09-20' } });
    expect((await scanNormativeDocuments(t.tdb.db)).alerted).toBe(1);
    await t.as(lawStaff, { method: 'PATCH', url: `/api/v1/normative-documents/${doc.mediation2}`, payload: { validUntil: '2025-03-19' } });
  });

  it('runs a cleanup campaign: each unit confirms its own documents, the office follows progress, closes it and publishes the valid list', async () => {
    setClock('2020-09-01T02:00:00Z');
    const inForce = ((await t.app.inject({ method: 'GET', url: '/api/v1/normative-documents?inForce=true&pageSize=100' })).json().items as Doc[]);
    const eduDocs = inForce.filter((d) => d.unitId === eduStaff.unitId).map((d) => d.id).sort();
    const lawDocs = inForce.filter((d) => d.unitId === lawStaff.unitId).map((d) => d.id).sort();
    expect(eduDocs).toEqual([doc.admissions, doc.schoolBus].sort());
    expect(lawDocs).toEqual([doc.mediation, doc.mediation2, doc.govLaw].sort());

    expect((await t.as(eduAdmin, { method: 'POST', url: '/api/v1/cleanup-campaigns', payload: { title: '2020年度清理', year: 2020, dueOn: '2020-10-31' } })).statusCode).toBe(403);
    expect((await t.as(office, { method: 'POST', url: '/api/v1/cleanup-campaigns', payload: { title: '2020年度清理', year: 2020, dueOn: '2020-08-31' } })).json().error.code).toBe('CLEANUP_DUE_IN_PAST');
    const opened = await t.as(office, { method: 'POST', url: '/api/v1/cleanup-campaigns', payload: { title: '2020年度行政规范性文件清理', year: 2020, dueOn: '2020-10-31' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ state: 'open', total: 5, confirmed: 0 });
    expect(c.units.map((u: { unitId: number; total: number }) => [u.unitId, u.total]).sort()).toEqual([[eduStaff.unitId, 2], [lawStaff.unitId, 3]].sort());
    expect((await notifications(eduStaff)).map((n) => n.title)).toContain('行政规范性文件清理');

    // a unit sees and confirms only its own
    const eduItems = (await t.as(eduStaff, { method: 'GET', url: `/api/v1/cleanup-campaigns/${c.id}/items` })).json().items as { documentId: number; decision: string | null }[];
    expect(eduItems.map((i) => i.documentId).sort()).toEqual(eduDocs);
    expect((await t.as(eduStaff, { method: 'GET', url: `/api/v1/cleanup-campaigns/${c.id}/items?unitId=${lawStaff.unitId}` })).json().error.code).toBe('CLEANUP_FORBIDDEN');
    const eduView = (await t.as(eduStaff, { method: 'GET', url: `/api/v1/cleanup-campaigns/${c.id}` })).json();
    expect(eduView.units.map((u: { unitId: number }) => u.unitId)).toEqual([eduStaff.unitId]);
    const confirm = (s: Session, documentId: number, body: Record<string, unknown>) => t.as(s, { method: 'PUT', url: `/api/v1/cleanup-campaigns/${c.id}/items/${documentId}`, payload: body });
    const theirs = await confirm(eduStaff, doc.mediation, { decision: 'keep' });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().error.code).toBe('CLEANUP_ITEM_FORBIDDEN');
    expect((await confirm(observer, doc.admissions, { decision: 'keep' })).statusCode).toBe(403);
    expect((await confirm(eduStaff, doc.tutoring, { decision: 'keep' })).json().error.code).toBe('CLEANUP_ITEM_NOT_FOUND');
    expect((await confirm(eduStaff, doc.admissions, { decision: 'repeal' })).json().error.code).toBe('CLEANUP_NOTE_REQUIRED');
    expect((await confirm(eduStaff, doc.admissions, { decision: 'dunno' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await confirm(eduStaff, doc.admissions, { decision: 'repeal', note: '招生政策已由新文件规定' })).json()).toMatchObject({ decision: 'repeal', decisionLabel: '废止', confirmedBy: eduStaff.userId });
    expect((await confirm(eduAdmin, doc.schoolBus, { decision: 'keep' })).statusCode).toBe(200);

    let progress = (await t.as(office, { method: 'GET', url: `/api/v1/cleanup-campaigns/${c.id}` })).json();
    expect(progress).toMatchObject({ total: 5, confirmed: 2 });
    expect(progress.units.find((u: { unitId: number }) => u.unitId === eduStaff.unitId)).toMatchObject({ total: 2, confirmed: 2, decisions: { keep: 1, repeal: 1, amend: 0, expire: 0 } });
    expect(progress.units.find((u: { unitId: number }) => u.unitId === lawStaff.unitId)).toMatchObject({ total: 3, confirmed: 0 });
    const early = await t.as(office, { method: 'POST', url: `/api/v1/cleanup-campaigns/${c.id}/closure`, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'CLEANUP_INCOMPLETE', details: { units: [{ unitId: lawStaff.unitId, confirmed: 0, total: 3 }] } });
    expect((await t.as(office, { method: 'GET', url: `/api/v1/cleanup-campaigns/${c.id}/items?pending=true` })).json().items).toHaveLength(3);

    await confirm(lawStaff, doc.mediation, { decision: 'amend', note: '拟结合新规修改' });
    await confirm(lawAdmin, doc.mediation2, { decision: 'expire', note: '修改内容已并入新文件' });
    await confirm(lawStaff, doc.govLaw, { decision: 'keep' });
    progress = (await t.as(office, { method: 'GET', url: `/api/v1/cleanup-campaigns/${c.id}` })).json();
    expect(progress).toMatchObject({ total: 5, confirmed: 5 });

    setClock('2020-11-02T02:00:00Z');
    expect((await t.as(eduAdmin, { method: 'POST', url: `/api/v1/cleanup-campaigns/${c.id}/closure`, payload: {} })).statusCode).toBe(403);
    const closed = await t.as(office, { method: 'POST', url: `/api/v1/cleanup-campaigns/${c.id}/closure`, payload: {} });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', closedAt: '2020-11-02T02:00:00.000Z', validListPublishedAt: '2020-11-02T02:00:00.000Z' });
    expect(await get(doc.admissions)).toMatchObject({ validity: 'repealed', validityChangedOn: '2020-11-02', validityNote: '2020年度行政规范性文件清理：废止（招生政策已由新文件规定）' });
    expect(await get(doc.mediation2)).toMatchObject({ validity: 'expired', validityChangedOn: '2020-11-02' });
    expect((await get(doc.mediation)).validity).toBe('amended');
    expect(await search('招生入学', 'valid')).toEqual([]);
    expect(await search('招生入学', 'repealed')).toEqual([doc.admissions]);
    const audit = (await t.as(office, { method: 'GET', url: '/api/v1/audit-log?action=set_normative_validity' })).json();
    expect(audit.items.map((e: { resourceId: string }) => Number(e.resourceId))).toEqual(expect.arrayContaining([doc.admissions, doc.mediation2]));
    expect((await confirm(lawStaff, doc.govLaw, { decision: 'amend', note: '改主意' })).json().error.code).toBe('CLEANUP_CLOSED');
    expect((await t.as(office, { method: 'POST', url: `/api/v1/cleanup-campaigns/${c.id}/closure`, payload: {} })).json().error.code).toBe('CLEANUP_CLOSED');

    // published afterwards: in the register, not in that valid list
    setClock('2020-11-10T02:00:00Z');
    doc.late = await publish(eduStaff, eduAdmin, { title: '嘉兴市教育局关于加强中小学生近视防控工作的通知', docNumber: '嘉教〔2020〕66号' });
    const page = await t.app.inject({ method: 'GET', url: '/portal/normative/valid-list' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>现行有效行政规范性文件目录</h1>');
    expect(page.body).toContain('截至2020年11月2日，根据2020年度行政规范性文件清理结果公布，共 3 件');
    expect(page.body).toContain('关于加强校车安全管理的通知');
    expect(page.body).toContain('嘉兴市司法局关于加强人民调解工作的意见');
    expect(page.body).not.toContain('关于做好义务教育招生入学工作的通知');
    expect(page.body).not.toContain('近视防控');

    // the office may close before every unit has confirmed (force): unconfirmed documents stay as they are
    const second = (await t.as(office, { method: 'POST', url: '/api/v1/cleanup-campaigns', payload: { title: '优化营商环境专项清理', year: 2020, dueOn: '2020-11-30' } })).json();
    expect(second.total).toBe(4);
    await t.as(eduStaff, { method: 'PUT', url: `/api/v1/cleanup-campaigns/${second.id}/items/${doc.late}`, payload: { decision: 'expire', note: '阶段性任务已完成' } });
    const forced = await t.as(office, { method: 'POST', url: `/api/v1/cleanup-campaigns/${second.id}/closure`, payload: { force: true } });
    expect(forced.statusCode, forced.body).toBe(200);
    expect((await get(doc.late)).validity).toBe('expired');
    expect((await get(doc.schoolBus)).validity).toBe('valid');
    const list = (await t.as(lawStaff, { method: 'GET', url: '/api/v1/cleanup-campaigns' })).json().items as { id: number; units: { unitId: number }[] }[];
    expect(list.map((x) => x.id)).toEqual([second.id, c.id]);
    expect(list.every((x) => x.units.every((u) => u.unitId === lawStaff.unitId))).toBe(true);
    const latest = (await t.app.inject({ method: 'GET', url: '/portal/normative/valid-list' })).body;
    expect(latest).toContain('优化营商环境专项清理');
    expect(latest).toContain(`/portal/normative/valid-list?campaign=${c.id}`);
    expect((await t.app.inject({ method: 'GET', url: `/portal/normative/valid-list?campaign=${c.id}` })).body).toContain('截至2020年11月2日');
  });

  it('renders the public register escaped, with filters, on a page without scripts', async () => {
    doc.tricky = await publish(eduStaff, eduAdmin, { title: '关于<script>alert(1)</script>的通知' });
    const res = await t.app.inject({ method: 'GET', url: '/portal/normative' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('关于&lt;script&gt;alert(1)&lt;/script&gt;的通知');
    expect(res.body).not.toContain('<script');
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toMatch(/<option value="inForce" selected>/);
    expect(res.body).toContain('JXGF-2020-');
    const byUnit = (await t.app.inject({ method: 'GET', url: `/portal/normative?validity=all&unitId=${lawStaff.unitId}&year=2020` })).body;
    expect(byUnit).toContain('嘉兴市司法局关于加强人民调解工作的意见');
    expect(byUnit).not.toContain('校车');
    expect(byUnit).toContain(`经 <a href="/portal/publications/${doc.mediation2}">`);
    const odd = await t.app.inject({ method: 'GET', url: '/portal/normative?validity=%3Cx%3E&unitId=abc&year=1&page=-1' });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('<x>');
  });

  it('keeps the registration of a withdrawn publication (number, relations) but shows it only to its unit and the office', async () => {
    const res = await t.as(eduStaff, { method: 'POST', url: `/api/v1/publications/${doc.tricky}/withdrawal`, payload: { reason: '标题有误' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/normative-documents/${doc.tricky}` })).statusCode).toBe(404);
    expect((await t.as(lawStaff, { method: 'GET', url: `/api/v1/normative-documents/${doc.tricky}` })).statusCode).toBe(404);
    const own = await t.as(eduStaff, { method: 'GET', url: `/api/v1/normative-documents/${doc.tricky}` });
    expect(own.json()).toMatchObject({ publicationState: 'withdrawn', regNumber: expect.stringMatching(/^JXGF-2020-\d{4}$/) });
    expect((await t.as(office, { method: 'GET', url: `/api/v1/normative-documents/${doc.tricky}` })).statusCode).toBe(200);
    const listed = ((await t.app.inject({ method: 'GET', url: '/api/v1/normative-documents?validity=valid&pageSize=100' })).json().items as Doc[]).map((d) => d.id);
    expect(listed).not.toContain(doc.tricky);
    expect((await t.app.inject({ method: 'GET', url: '/portal/normative' })).body).not.toContain('alert(1)');
  });

  it('starts a new series in a new year', async () => {
    setClock('2021-01-04T02:00:00Z');
    doc.y2021 = await publish(lawStaff, lawAdmin, { title: '嘉兴市司法局关于公职律师管理的实施办法', docNumber: '嘉司〔2021〕1号' });
    expect((await get(doc.y2021)).regNumber).toBe('JXGF-2021-0001');
  });
});
