/**
 * Access to 重大行政决策事项目录 and 意见征集 routes, records of unit B: the catalogue is the office's
 * (published items public, unpublished ones hidden from the public and unit A); B's drafts are hidden
 * from the public and unit A; B's published consultation is public and anyone may comment on it, but
 * only B and the office moderate, dispose and publish the feedback; observers read and change nothing.
 * Records are made by the office, or by the platform itself for an already ended consultation.
 */
import { createConsultation, publishConsultation, publishFeedback, submitComment, moderateComment } from '../../../server/modules/consultations/index.ts';
import { systemActor } from '../../../server/platform/actor.ts';
import { all, officeOnly, type AccessContext, type ModuleAccess, type Who } from './access-kit.ts';

const system = systemActor('access-test');
/** B's unpublished records: hidden from the public and unit A, readable by observers */
const hiddenRead = { anonymous: 404, observer: 200, unitStaff: 404, unitAdmin: 404, office: 200 } satisfies Record<Who, number>;
/** B's drafts: written by B and the office only; unit A does not see them */
const draftWrite = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: 403, unitStaff: 404, unitAdmin: 404, office: ok });
/** B's published consultation: visible to unit A, which may not act on it */
const managed = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: ok });

async function item(ctx: AccessContext, year: number, publish: boolean): Promise<number> {
  const id = (await ctx.t.as(ctx.office, { method: 'POST', url: '/api/v1/decision-items', payload: { year, unitId: ctx.unitB, title: `乙单位${year}年决策事项${Math.random()}` } })).json().id as number;
  if (publish) await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/decision-items/years/${year}/publication` });
  return id;
}

async function draft(ctx: AccessContext, title = '乙单位征求意见稿'): Promise<number> {
  return (await ctx.t.as(ctx.office, { method: 'POST', url: '/api/v1/consultations', payload: { unitId: ctx.unitB, title, draftHtml: '<p>第一条……</p>' } })).json().id;
}

/** ended in May 2020 (the test's today is 2020-06-15), no comments: ready for its feedback report */
async function ended(ctx: AccessContext): Promise<number> {
  const c = await createConsultation(ctx.t.tdb.db, system, { unitId: ctx.unitB, title: '乙单位已结束的征求意见稿', draftHtml: '<p>正文</p>', opensOn: '2020-05-01', closesOn: '2020-05-31' });
  await publishConsultation(ctx.t.tdb.db, system, c.id);
  return c.id;
}

export const consultationsAccess: ModuleAccess = {
  name: 'consultations',
  async setup(ctx) {
    const itemPub = await item(ctx, 2020, true);
    const itemStage = await item(ctx, 2020, true);
    const item2022 = await item(ctx, 2022, true);
    const itemHidden = await item(ctx, 2021, false);
    const openC = await draft(ctx, '乙单位正在征求意见的草案');
    await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/consultations/${openC}/publication` });
    const { id: commentB } = await submitComment(ctx.t.tdb.db, openC, { name: '公众', contact: '13900000000', text: '一条意见' }, { ip: '10.0.0.1' });
    await moderateComment(ctx.t.tdb.db, system, openC, commentB, { decision: 'approved' });
    const reportedC = await ended(ctx);
    await publishFeedback(ctx.t.tdb.db, system, reportedC, {});
    return { itemPub, itemStage, item2022, itemHidden, openC, commentB, draftC: await draft(ctx), reportedC, unitB: ctx.unitB };
  },
  cases: [
    { route: 'GET /api/v1/decision-items', req: () => ({ method: 'GET', url: '/api/v1/decision-items?year=2020' }), expect: all(200) },
    { route: 'GET /api/v1/decision-items/years', req: () => ({ method: 'GET', url: '/api/v1/decision-items/years' }), expect: all(200) },
    { route: 'POST /api/v1/decision-items/years/{year}/publication', req: () => ({ method: 'POST', url: '/api/v1/decision-items/years/2020/publication' }), expect: officeOnly(200) },
    // (only the office's attempt, the last, changes anything: no fresh records needed where it alone succeeds)
    { route: 'DELETE /api/v1/decision-items/years/{year}/publication', req: () => ({ method: 'DELETE', url: '/api/v1/decision-items/years/2022/publication' }), expect: officeOnly(200) },
    { route: 'POST /api/v1/decision-items', req: (i, w) => ({ method: 'POST', url: '/api/v1/decision-items', payload: { year: 2021, unitId: i.unitB, title: `新增事项${w}` } }), expect: officeOnly(201) },
    { route: 'GET /api/v1/decision-items/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/decision-items/${i.itemPub}` }), expect: all(200) },
    { route: 'GET /api/v1/decision-items/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/decision-items/${i.itemHidden}` }), expect: hiddenRead },
    { route: 'PATCH /api/v1/decision-items/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/decision-items/${i.itemHidden}`, payload: { plannedBy: '2021年6月' } }), expect: officeOnly(200) },
    { route: 'DELETE /api/v1/decision-items/{id}', fresh: async (ctx) => ({ fresh: await item(ctx, 2021, false) }), req: (i) => ({ method: 'DELETE', url: `/api/v1/decision-items/${i.fresh}` }), expect: officeOnly(204) },
    { route: 'PUT /api/v1/decision-items/{id}/stage', req: (i) => ({ method: 'PUT', url: `/api/v1/decision-items/${i.itemStage}/stage`, payload: { stage: 'deliberation' } }), expect: managed(200) },
    { route: 'PUT /api/v1/decision-items/{id}/stage', req: (i) => ({ method: 'PUT', url: `/api/v1/decision-items/${i.itemHidden}/stage`, payload: { stage: 'deliberation' } }), expect: { anonymous: 401, observer: 403, unitStaff: 404, unitAdmin: 404, office: 200 } },

    { route: 'GET /api/v1/consultations', req: () => ({ method: 'GET', url: '/api/v1/consultations' }), expect: all(200) },
    { route: 'POST /api/v1/consultations', req: (i) => ({ method: 'POST', url: '/api/v1/consultations', payload: { unitId: i.unitB, title: '代乙单位起草' } }), expect: managed(201) },
    { route: 'POST /api/v1/consultations', req: (_i, w) => ({ method: 'POST', url: '/api/v1/consultations', payload: { title: `本单位起草${w}` } }), expect: { anonymous: 401, observer: 403, unitStaff: 201, unitAdmin: 201, office: 201 } },
    { route: 'GET /api/v1/consultations/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/consultations/${i.openC}` }), expect: all(200) },
    { route: 'GET /api/v1/consultations/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/consultations/${i.draftC}` }), expect: hiddenRead },
    { route: 'PATCH /api/v1/consultations/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/consultations/${i.draftC}`, payload: { explanation: '补充起草说明' } }), expect: draftWrite(200) },
    { route: 'PATCH /api/v1/consultations/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/consultations/${i.openC}`, payload: { explanation: '发布后修改' } }), expect: managed(409) },
    { route: 'DELETE /api/v1/consultations/{id}', fresh: async (ctx) => ({ fresh: await draft(ctx) }), req: (i) => ({ method: 'DELETE', url: `/api/v1/consultations/${i.fresh}` }), expect: draftWrite(204) },
    { route: 'POST /api/v1/consultations/{id}/publication', fresh: async (ctx) => ({ fresh: await draft(ctx) }), req: (i) => ({ method: 'POST', url: `/api/v1/consultations/${i.fresh}/publication` }), expect: draftWrite(200) },
    // one comment per role: the route allows 5 a minute from one address, and the test's requests share one
    { route: 'POST /api/v1/consultations/{id}/comments', req: (i, w) => ({ method: 'POST', url: `/api/v1/consultations/${i.openC}/comments`, payload: { text: `${w}提出的意见` } }), expect: all(201) },
    { route: 'GET /api/v1/consultations/{id}/comments', req: (i) => ({ method: 'GET', url: `/api/v1/consultations/${i.openC}/comments` }), expect: all(200) },
    { route: 'GET /api/v1/consultations/{id}/comments', req: (i) => ({ method: 'GET', url: `/api/v1/consultations/${i.draftC}/comments` }), expect: hiddenRead },
    { route: 'PUT /api/v1/consultations/{id}/comments/{commentId}/moderation', req: (i) => ({ method: 'PUT', url: `/api/v1/consultations/${i.openC}/comments/${i.commentB}/moderation`, payload: { decision: 'approved' } }), expect: managed(200) },
    { route: 'PUT /api/v1/consultations/{id}/comments/{commentId}/disposition', req: (i) => ({ method: 'PUT', url: `/api/v1/consultations/${i.openC}/comments/${i.commentB}/disposition`, payload: { disposition: 'adopted' } }), expect: managed(200) },
    { route: 'GET /api/v1/consultations/{id}/feedback', req: (i) => ({ method: 'GET', url: `/api/v1/consultations/${i.reportedC}/feedback` }), expect: all(200) },
    { route: 'GET /api/v1/consultations/{id}/feedback', req: (i) => ({ method: 'GET', url: `/api/v1/consultations/${i.openC}/feedback` }), expect: hiddenRead },
    { route: 'POST /api/v1/consultations/{id}/feedback', fresh: async (ctx) => ({ fresh: await ended(ctx) }), req: (i) => ({ method: 'POST', url: `/api/v1/consultations/${i.fresh}/feedback`, payload: {} }), expect: managed(200) },
    { route: 'POST /api/v1/consultations/{id}/feedback', req: (i) => ({ method: 'POST', url: `/api/v1/consultations/${i.openC}/feedback`, payload: {} }), expect: managed(409) },
  ],
};
