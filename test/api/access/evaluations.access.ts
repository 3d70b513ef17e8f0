/**
 * Access to the 考核评价 routes. The office builds, scores and publishes; observers read everything;
 * unit A's people see a set once scoring has started and their own results (including the .xlsx of
 * their own breakdown), never unit B's breakdown (403) or the manual-score list, nor a draft set
 * (404); anonymous callers get 401 (the public ranking is on /portal/evaluations).
 */
import { officeOnly, readers, users, type AccessContext, type ModuleAccess, type Who } from './access-kit.ts';

const draftRead = { anonymous: 401, observer: 200, unitStaff: 404, unitAdmin: 404, office: 200 } satisfies Record<Who, number>;

/** A set scoring units A and B with a manual and a computed leaf (10 points); moved to scoring when asked. */
async function set(ctx: AccessContext, state: 'draft' | 'scoring'): Promise<{ id: number; manual: number; computed: number }> {
  const as = (method: string, url: string, payload?: unknown) => ctx.t.as(ctx.office, { method: method as 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
  const id = (await as('POST', '/api/v1/indicator-sets', { year: 2020, name: '访问控制测试考核', totalPoints: 10, scopeKind: 'units', scopeUnitIds: [ctx.unitA, ctx.unitB] })).json().id as number;
  const manual = (await as('POST', `/api/v1/indicator-sets/${id}/indicators`, { name: '组织领导', maxPoints: 5, method: 'manual' })).json().id as number;
  const computed = (await as('POST', `/api/v1/indicator-sets/${id}/indicators`, { name: '按时报送', maxPoints: 5, method: 'computed', metric: 'progressOnTime' })).json().id as number;
  if (state === 'scoring') await as('POST', `/api/v1/indicator-sets/${id}/scoring`);
  return { id, manual, computed };
}

async function score(ctx: AccessContext, indicatorId: number, unitId: number): Promise<void> {
  await ctx.t.as(ctx.office, { method: 'PUT', url: `/api/v1/indicators/${indicatorId}/manual-scores/${unitId}`, payload: { points: 4, note: '扣1分' } });
}

export const evaluationsAccess: ModuleAccess = {
  name: 'evaluations',
  async setup(ctx) {
    const s = await set(ctx, 'scoring');
    await score(ctx, s.manual, ctx.unitB);
    const d = await set(ctx, 'draft');
    return { setId: s.id, manual: s.manual, computed: s.computed, draftId: d.id, unitB: ctx.unitB };
  },
  cases: [
    { route: 'GET /api/v1/evaluation-metrics', req: () => ({ method: 'GET', url: '/api/v1/evaluation-metrics' }), expect: users(200) },
    { route: 'GET /api/v1/indicator-sets', req: () => ({ method: 'GET', url: '/api/v1/indicator-sets' }), expect: users(200) },
    { route: 'POST /api/v1/indicator-sets', req: () => ({ method: 'POST', url: '/api/v1/indicator-sets', payload: { year: 2021, name: '新考核' } }), expect: officeOnly(201) },
    { route: 'GET /api/v1/indicator-sets/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/indicator-sets/${i.setId}` }), expect: users(200) },
    { route: 'GET /api/v1/indicator-sets/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/indicator-sets/${i.draftId}` }), expect: draftRead },
    { route: 'PATCH /api/v1/indicator-sets/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/indicator-sets/${i.setId}`, payload: { description: '说明' } }), expect: officeOnly(200) },
    {
      route: 'DELETE /api/v1/indicator-sets/{id}', fresh: async (ctx) => ({ x: (await set(ctx, 'draft')).id }),
      req: (i) => ({ method: 'DELETE', url: `/api/v1/indicator-sets/${i.x}` }), expect: officeOnly(204),
    },
    {
      route: 'POST /api/v1/indicator-sets/{id}/scoring', fresh: async (ctx) => ({ x: (await set(ctx, 'draft')).id }),
      req: (i) => ({ method: 'POST', url: `/api/v1/indicator-sets/${i.x}/scoring` }), expect: officeOnly(200),
    },
    {
      route: 'POST /api/v1/indicator-sets/{id}/publication', fresh: async (ctx) => ({ x: (await set(ctx, 'scoring')).id }),
      req: (i) => ({ method: 'POST', url: `/api/v1/indicator-sets/${i.x}/publication` }), expect: officeOnly(200),
    },
    {
      route: 'POST /api/v1/indicator-sets/{id}/indicators',
      req: (i) => ({ method: 'POST', url: `/api/v1/indicator-sets/${i.draftId}/indicators`, payload: { name: '新增指标', maxPoints: 1 } }), expect: officeOnly(201),
    },
    { route: 'PATCH /api/v1/indicators/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/indicators/${i.manual}`, payload: { description: '评分标准' } }), expect: officeOnly(200) },
    {
      route: 'DELETE /api/v1/indicators/{id}', fresh: async (ctx) => ({ x: (await set(ctx, 'draft')).manual }),
      req: (i) => ({ method: 'DELETE', url: `/api/v1/indicators/${i.x}` }), expect: officeOnly(204),
    },
    { route: 'GET /api/v1/indicator-sets/{id}/manual-scores', req: (i) => ({ method: 'GET', url: `/api/v1/indicator-sets/${i.setId}/manual-scores` }), expect: readers(200) },
    {
      route: 'PUT /api/v1/indicators/{id}/manual-scores/{unitId}',
      req: (i) => ({ method: 'PUT', url: `/api/v1/indicators/${i.manual}/manual-scores/${i.unitB}`, payload: { points: 3, note: '扣2分' } }), expect: officeOnly(200),
    },
    {
      route: 'DELETE /api/v1/indicators/{id}/manual-scores/{unitId}',
      fresh: async (ctx) => {
        const s = await set(ctx, 'scoring');
        await score(ctx, s.manual, ctx.unitB);
        return { x: s.manual };
      },
      req: (i) => ({ method: 'DELETE', url: `/api/v1/indicators/${i.x}/manual-scores/${i.unitB}` }), expect: officeOnly(204),
    },
    { route: 'GET /api/v1/indicator-sets/{id}/results', req: (i) => ({ method: 'GET', url: `/api/v1/indicator-sets/${i.setId}/results` }), expect: users(200) },
    { route: 'GET /api/v1/indicator-sets/{id}/results/{unitId}', req: (i) => ({ method: 'GET', url: `/api/v1/indicator-sets/${i.setId}/results/${i.unitB}` }), expect: readers(200) },
    { route: 'GET /api/v1/indicator-sets/{id}/export.xlsx', req: (i) => ({ method: 'GET', url: `/api/v1/indicator-sets/${i.setId}/export.xlsx` }), expect: users(200) },
    { route: 'GET /api/v1/indicator-sets/{id}/export.xlsx', req: (i) => ({ method: 'GET', url: `/api/v1/indicator-sets/${i.draftId}/export.xlsx` }), expect: draftRead },
  ],
};
