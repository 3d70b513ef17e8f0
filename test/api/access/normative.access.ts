/**
 * Access to the normative register and cleanup routes against unit B's records: the register is
 * public; dates, notes and relations belong to the issuing unit (B) and the office; outright
 * validity changes, settings and campaigns to the office; a unit sees and confirms only its own
 * cleanup items. Records are made by the office for unit B (B's staff session may have ended).
 */
import { all, officeOnly, readers, users, type AccessContext, type ModuleAccess, type Who } from './access-kit.ts';

/** the issuing unit (B) and the office change a registration; unit A and observers may not */
const unitBOrOffice = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: ok });

let serial = 0;

/** A normative publication of unit B, published (and so registered). */
async function registered(ctx: AccessContext): Promise<number> {
  const title = `乙单位行政规范性文件${++serial}`;
  const id = (await ctx.t.as(ctx.office, { method: 'POST', url: '/api/v1/publications', payload: { unitId: ctx.unitB, platformColumn: 'statutory', kind: 'normative', title, body: '<p>正文</p>' } })).json().id as number;
  await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/publications/${id}/review-requests`, payload: { reviewerId: ctx.adminB.userId } });
  const res = await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/publications/${id}/reviews`, payload: { decision: 'approve' } });
  if (res.statusCode !== 200) throw new Error(`normative access setup: ${res.body}`);
  return id;
}

async function campaign(ctx: AccessContext): Promise<number> {
  const res = await ctx.t.as(ctx.office, { method: 'POST', url: '/api/v1/cleanup-campaigns', payload: { title: `清理${++serial}`, year: 2020, dueOn: '2020-12-31' } });
  if (res.statusCode !== 201) throw new Error(`normative access setup: ${res.body}`);
  return res.json().id;
}

export const normativeAccess: ModuleAccess = {
  name: 'normative',
  async setup(ctx) {
    const documentB = await registered(ctx);
    return { documentB, campaignB: await campaign(ctx), unitB: ctx.unitB };
  },
  cases: [
    { route: 'GET /api/v1/normative-documents', req: (i) => ({ method: 'GET', url: `/api/v1/normative-documents?unitId=${i.unitB}&inForce=true` }), expect: all(200) },
    { route: 'GET /api/v1/normative-documents/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/normative-documents/${i.documentB}` }), expect: all(200) },
    { route: 'PATCH /api/v1/normative-documents/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/normative-documents/${i.documentB}`, payload: { validityNote: '自发布之日起施行' } }), expect: unitBOrOffice(200) },
    {
      route: 'POST /api/v1/normative-documents/{id}/relations',
      fresh: async (ctx) => { const old = await registered(ctx); return { old, fresh: await registered(ctx) }; },
      req: (i) => ({ method: 'POST', url: `/api/v1/normative-documents/${i.fresh}/relations`, payload: { targetId: i.old, kind: 'repeals' } }),
      expect: unitBOrOffice(201),
    },
    {
      route: 'POST /api/v1/normative-documents/{id}/validity-changes',
      fresh: async (ctx) => ({ fresh: await registered(ctx) }),
      req: (i) => ({ method: 'POST', url: `/api/v1/normative-documents/${i.fresh}/validity-changes`, payload: { validity: 'repealed', note: '上位法已废止' } }),
      expect: officeOnly(200),
    },
    { route: 'GET /api/v1/settings/normative', req: () => ({ method: 'GET', url: '/api/v1/settings/normative' }), expect: users(200) },
    { route: 'PUT /api/v1/settings/normative', req: () => ({ method: 'PUT', url: '/api/v1/settings/normative', payload: { alertDaysBefore: 90 } }), expect: officeOnly(200) },
    { route: 'GET /api/v1/cleanup-campaigns', req: () => ({ method: 'GET', url: '/api/v1/cleanup-campaigns' }), expect: users(200) },
    { route: 'POST /api/v1/cleanup-campaigns', req: (_i, w) => ({ method: 'POST', url: '/api/v1/cleanup-campaigns', payload: { title: `专项清理（${w}）`, year: 2020, dueOn: '2020-12-31' } }), expect: officeOnly(201) },
    { route: 'GET /api/v1/cleanup-campaigns/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/cleanup-campaigns/${i.campaignB}` }), expect: users(200) },
    // unit A's people may list their own items, not unit B's
    { route: 'GET /api/v1/cleanup-campaigns/{id}/items', req: (i) => ({ method: 'GET', url: `/api/v1/cleanup-campaigns/${i.campaignB}/items?unitId=${i.unitB}` }), expect: readers(200) },
    { route: 'GET /api/v1/cleanup-campaigns/{id}/items', req: (i) => ({ method: 'GET', url: `/api/v1/cleanup-campaigns/${i.campaignB}/items` }), expect: users(200) },
    { route: 'PUT /api/v1/cleanup-campaigns/{id}/items/{documentId}', req: (i) => ({ method: 'PUT', url: `/api/v1/cleanup-campaigns/${i.campaignB}/items/${i.documentB}`, payload: { decision: 'keep' } }), expect: unitBOrOffice(200) },
    {
      route: 'POST /api/v1/cleanup-campaigns/{id}/closure',
      fresh: async (ctx) => ({ fresh: await campaign(ctx) }),
      req: (i) => ({ method: 'POST', url: `/api/v1/cleanup-campaigns/${i.fresh}/closure`, payload: { force: true } }),
      expect: officeOnly(200),
    },
  ],
};
