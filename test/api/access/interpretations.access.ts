/**
 * Access to the 政策解读 routes, records of unit B: published interpretations are public; B's drafts
 * are seen by B, the office and observers (404 for the public and unit A); B writes its own, the
 * office all; unit A may read B's published interpretation but not change it (403); observers
 * change nothing.
 */
import { insertPublication } from '../../support/policy-rows.ts';
import { all, type AccessContext, type ModuleAccess, type Who } from './access-kit.ts';

const draftRead = { anonymous: 404, observer: 200, unitStaff: 404, unitAdmin: 404, office: 200 } satisfies Record<Who, number>;
/** on B's draft: unit A does not know it */
const draftWrite = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: 403, unitStaff: 404, unitAdmin: 404, office: ok });
/** on B's published interpretation: unit A sees it and may not act */
const publishedWrite = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: ok });

let policy = 0;

/** An interpretation of unit B (written by the office: B's staff account has its password reset by other cases); published if asked. */
async function interpretation(ctx: AccessContext, publish: boolean): Promise<number> {
  const id = (await ctx.t.as(ctx.office, {
    method: 'POST', url: '/api/v1/interpretations', payload: { unitId: ctx.unitB, publicationId: policy, title: '乙单位政策解读', form: 'text', body: '<p>解读内容</p>', interpreterName: '乙单位负责人', byUnitHead: true },
  })).json().id as number;
  if (publish) await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/interpretations/${id}/publication` });
  return id;
}

export const interpretationsAccess: ModuleAccess = {
  name: 'interpretations',
  async setup(ctx) {
    policy = await insertPublication(ctx.t.tdb.db, { unitId: ctx.unitB });
    return { policy, pubB: await interpretation(ctx, true), draftB: await interpretation(ctx, false), unitB: ctx.unitB };
  },
  cases: [
    { route: 'GET /api/v1/interpretations', req: () => ({ method: 'GET', url: '/api/v1/interpretations' }), expect: all(200) },
    {
      route: 'POST /api/v1/interpretations',
      req: (i) => ({ method: 'POST', url: '/api/v1/interpretations', payload: { unitId: i.unitB, publicationId: i.policy, title: '替乙单位解读', form: 'qa', interpreterName: '某某' } }),
      expect: publishedWrite(201),
    },
    { route: 'GET /api/v1/interpretations/lead-interpreter-stats', req: () => ({ method: 'GET', url: '/api/v1/interpretations/lead-interpreter-stats?year=2020' }), expect: all(200) },
    { route: 'GET /api/v1/interpretations/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/interpretations/${i.pubB}` }), expect: all(200) },
    { route: 'GET /api/v1/interpretations/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/interpretations/${i.draftB}` }), expect: draftRead },
    { route: 'PATCH /api/v1/interpretations/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/interpretations/${i.pubB}`, payload: { interpreterTitle: '局长' } }), expect: publishedWrite(200) },
    { route: 'PATCH /api/v1/interpretations/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/interpretations/${i.draftB}`, payload: { title: '改标题' } }), expect: draftWrite(200) },
    { route: 'DELETE /api/v1/interpretations/{id}', fresh: async (ctx) => ({ x: await interpretation(ctx, false) }), req: (i) => ({ method: 'DELETE', url: `/api/v1/interpretations/${i.x}` }), expect: draftWrite(204) },
    { route: 'POST /api/v1/interpretations/{id}/publication', fresh: async (ctx) => ({ x: await interpretation(ctx, false) }), req: (i) => ({ method: 'POST', url: `/api/v1/interpretations/${i.x}/publication` }), expect: draftWrite(200) },
    {
      route: 'POST /api/v1/interpretations/{id}/withdrawal', fresh: async (ctx) => ({ x: await interpretation(ctx, true) }),
      req: (i) => ({ method: 'POST', url: `/api/v1/interpretations/${i.x}/withdrawal`, payload: { reason: '内容需更新' } }), expect: publishedWrite(200),
    },
  ],
};
