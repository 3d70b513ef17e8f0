/**
 * Access to 主动公开 routes: catalogue (office edits), publications of unit B (drafts hidden from
 * unit A and the public; the workflow acts for B's people, B's named reviewer and the office).
 * Records are made by the office for unit B (unit B's staff session is ended by the password-reset case).
 */
import { multipart } from '../../support/test-app.ts';
import { tinyPdf } from '../../support/files.ts';
import { seedDefaultCatalogues } from '../../../server/modules/publications/index.ts';
import { systemActor } from '../../../server/platform/actor.ts';
import { all, officeOnly, users, type AccessContext, type ModuleAccess, type Who } from './access-kit.ts';

/** drafts of unit B: hidden from the public and unit A, readable by observers, writable by B and the office */
const draftRead = { anonymous: 404, observer: 200, unitStaff: 404, unitAdmin: 404, office: 200 } satisfies Record<Who, number>;
const draftWrite = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: 403, unitStaff: 404, unitAdmin: 404, office: ok });

async function draft(ctx: AccessContext, title = '乙单位草稿'): Promise<number> {
  return (await ctx.t.as(ctx.office, { method: 'POST', url: '/api/v1/publications', payload: { unitId: ctx.unitB, platformColumn: 'statutory', kind: 'general', title, body: '<p>正文</p>' } })).json().id;
}

async function inReview(ctx: AccessContext): Promise<number> {
  const id = await draft(ctx, '乙单位待审稿');
  await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/publications/${id}/review-requests`, payload: { reviewerId: ctx.adminB.userId } });
  return id;
}

async function published(ctx: AccessContext): Promise<number> {
  const id = await inReview(ctx);
  await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/publications/${id}/reviews`, payload: { decision: 'approve' } });
  return id;
}

async function attached(ctx: AccessContext): Promise<{ id: number; attachmentId: number }> {
  const id = await draft(ctx, '乙单位带附件草稿');
  const p = (await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/publications/${id}/attachments`, ...multipart('附件.pdf', tinyPdf()) })).json();
  return { id, attachmentId: p.attachments[0].id };
}

async function node(ctx: AccessContext): Promise<number> {
  return (await ctx.t.as(ctx.office, { method: 'POST', url: '/api/v1/catalogue-nodes', payload: { unitId: ctx.unitB, kind: 'basic', parentId: null, name: `临时目录${Math.random()}` } })).json().id;
}

export const publicationsAccess: ModuleAccess = {
  name: 'publications',
  async setup(ctx) {
    await seedDefaultCatalogues(ctx.t.tdb.db, systemActor('test'));
    const a = await attached(ctx);
    return { draftB: a.id, attachmentB: a.attachmentId, publishedB: await published(ctx), nodeB: await node(ctx), unitB: ctx.unitB, assignmentB: ctx.assignmentB, reviewerB: ctx.adminB.userId };
  },
  cases: [
    { route: 'GET /api/v1/catalogue', req: (i) => ({ method: 'GET', url: `/api/v1/catalogue?unitId=${i.unitB}` }), expect: all(200) },
    { route: 'POST /api/v1/catalogue-nodes', req: (i, w) => ({ method: 'POST', url: '/api/v1/catalogue-nodes', payload: { unitId: i.unitB, kind: 'basic', parentId: null, name: `新目录${w}` } }), expect: officeOnly(201) },
    { route: 'PATCH /api/v1/catalogue-nodes/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/catalogue-nodes/${i.nodeB}`, payload: { name: '改名目录' } }), expect: officeOnly(200) },
    { route: 'DELETE /api/v1/catalogue-nodes/{id}', fresh: async (ctx) => ({ node: await node(ctx) }), req: (i) => ({ method: 'DELETE', url: `/api/v1/catalogue-nodes/${i.node}` }), expect: officeOnly(204) },
    { route: 'GET /api/v1/publications', req: () => ({ method: 'GET', url: '/api/v1/publications' }), expect: users(200) },
    { route: 'GET /api/v1/publications', req: (i) => ({ method: 'GET', url: `/api/v1/publications?unitId=${i.unitB}` }), expect: { anonymous: 401, observer: 200, unitStaff: 403, unitAdmin: 403, office: 200 } },
    { route: 'POST /api/v1/publications', req: (i) => ({ method: 'POST', url: '/api/v1/publications', payload: { unitId: i.unitB, platformColumn: 'statutory', kind: 'general', title: '代乙单位起草' } }), expect: { anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: 201 } },
    { route: 'GET /api/v1/publications/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/publications/${i.draftB}` }), expect: draftRead },
    { route: 'GET /api/v1/publications/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/publications/${i.publishedB}` }), expect: all(200) },
    { route: 'PATCH /api/v1/publications/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/publications/${i.draftB}`, payload: { topic: '教育' } }), expect: draftWrite(200) },
    { route: 'DELETE /api/v1/publications/{id}', fresh: async (ctx) => ({ fresh: await draft(ctx) }), req: (i) => ({ method: 'DELETE', url: `/api/v1/publications/${i.fresh}` }), expect: draftWrite(204) },
    { route: 'GET /api/v1/publications/{id}/reviewer-candidates', req: (i) => ({ method: 'GET', url: `/api/v1/publications/${i.draftB}/reviewer-candidates` }), expect: draftWrite(200) },
    { route: 'POST /api/v1/publications/{id}/review-requests', fresh: async (ctx) => ({ fresh: await draft(ctx) }), req: (i) => ({ method: 'POST', url: `/api/v1/publications/${i.fresh}/review-requests`, payload: { reviewerId: i.reviewerB } }), expect: draftWrite(200) },
    { route: 'POST /api/v1/publications/{id}/reviews', fresh: async (ctx) => ({ fresh: await inReview(ctx) }), req: (i) => ({ method: 'POST', url: `/api/v1/publications/${i.fresh}/reviews`, payload: { decision: 'approve' } }), expect: draftWrite(200) },
    { route: 'POST /api/v1/publications/{id}/withdrawal', fresh: async (ctx) => ({ fresh: await published(ctx) }), req: (i) => ({ method: 'POST', url: `/api/v1/publications/${i.fresh}/withdrawal`, payload: { reason: '信息有误' } }), expect: draftWrite(200) },
    { route: 'POST /api/v1/publications/{id}/attachments', req: (i) => ({ method: 'POST', url: `/api/v1/publications/${i.draftB}/attachments`, ...multipart('新附件.pdf', tinyPdf()) }), expect: draftWrite(201) },
    { route: 'GET /api/v1/publications/{id}/attachments/{attachmentId}', req: (i) => ({ method: 'GET', url: `/api/v1/publications/${i.draftB}/attachments/${i.attachmentB}` }), expect: draftRead },
    { route: 'DELETE /api/v1/publications/{id}/attachments/{attachmentId}', fresh: async (ctx) => { const a = await attached(ctx); return { fresh: a.id, att: a.attachmentId }; }, req: (i) => ({ method: 'DELETE', url: `/api/v1/publications/${i.fresh}/attachments/${i.att}` }), expect: draftWrite(200) },
    { route: 'PUT /api/v1/publications/{id}/evidence', req: (i) => ({ method: 'PUT', url: `/api/v1/publications/${i.draftB}/evidence`, payload: { assignmentIds: [i.assignmentB] } }), expect: draftWrite(200) },
  ],
};
