/**
 * Access to the 督查整改 routes, records of unit B: the office runs inspections and verifies
 * rectification; observers read everything and change nothing; unit A does not know of unit B's
 * findings (404) nor of inspections that name only B; nobody but B's own people answers B's finding.
 */
import { systemActor } from '../../../server/platform/actor.ts';
import { submitRectification } from '../../../server/modules/inspections/index.ts';
import { multipartForm, tinyPdf } from '../../support/files.ts';
import { officeOnly, users, type AccessContext, type ModuleAccess, type Who } from './access-kit.ts';

/** on B's records: unit A does not know them */
const bRead = { anonymous: 401, observer: 200, unitStaff: 404, unitAdmin: 404, office: 200 } satisfies Record<Who, number>;

async function inspection(ctx: AccessContext, open: boolean): Promise<number> {
  const id = (await ctx.t.as(ctx.office, { method: 'POST', url: '/api/v1/inspections', payload: { year: 2020, kind: 'spotCheck', title: '乙单位抽查' } })).json().id as number;
  if (open) await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/inspections/${id}/open` });
  return id;
}

async function finding(ctx: AccessContext, inspectionId: number): Promise<number> {
  return (await ctx.t.as(ctx.office, {
    method: 'POST', url: `/api/v1/inspections/${inspectionId}/findings`,
    payload: { unitId: ctx.unitB, severity: 'general', problem: '栏目未更新', requirement: '及时更新', dueOn: '2020-07-31' },
  })).json().id as number;
}

/** A finding of B with a rectification report awaiting verification (submitted by the platform: B's staff session may be gone). */
async function submitted(ctx: AccessContext, inspectionId: number): Promise<number> {
  const id = await finding(ctx, inspectionId);
  await submitRectification(ctx.t.tdb.db, systemActor('test'), id, { text: '已整改', evidenceLinks: ['https://www.jiaxing.gov.cn/x.html'], publicationIds: [], files: [] }, { maxBytes: 1e7 });
  return id;
}

let openInspection = 0;

export const inspectionsAccess: ModuleAccess = {
  name: 'inspections',
  async setup(ctx) {
    openInspection = await inspection(ctx, true);
    const findingB = await finding(ctx, openInspection);
    const res = await ctx.t.as(ctx.staffB, {
      method: 'POST', url: `/api/v1/findings/${findingB}/rectifications`,
      ...multipartForm([['text', '已整改'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/jyj.html']], [{ field: 'attachments', name: '整改.pdf', content: tinyPdf() }]),
    });
    const report = res.json().rectifications[0];
    return { inspectionB: openInspection, findingB, openFindingB: await finding(ctx, openInspection), reportB: report.id, attachmentB: report.attachments[0].id, unitB: ctx.unitB };
  },
  cases: [
    { route: 'GET /api/v1/inspections', req: () => ({ method: 'GET', url: '/api/v1/inspections' }), expect: users(200) },
    { route: 'POST /api/v1/inspections', req: () => ({ method: 'POST', url: '/api/v1/inspections', payload: { year: 2020, kind: 'audit', title: '审计' } }), expect: officeOnly(201) },
    { route: 'GET /api/v1/inspections/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/inspections/${i.inspectionB}` }), expect: bRead },
    { route: 'PATCH /api/v1/inspections/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/inspections/${i.inspectionB}`, payload: { source: '市政府办公室' } }), expect: officeOnly(200) },
    { route: 'DELETE /api/v1/inspections/{id}', fresh: async (ctx) => ({ x: await inspection(ctx, false) }), req: (i) => ({ method: 'DELETE', url: `/api/v1/inspections/${i.x}` }), expect: officeOnly(204) },
    { route: 'POST /api/v1/inspections/{id}/open', fresh: async (ctx) => ({ x: await inspection(ctx, false) }), req: (i) => ({ method: 'POST', url: `/api/v1/inspections/${i.x}/open` }), expect: officeOnly(200) },
    { route: 'POST /api/v1/inspections/{id}/close', fresh: async (ctx) => ({ x: await inspection(ctx, true) }), req: (i) => ({ method: 'POST', url: `/api/v1/inspections/${i.x}/close` }), expect: officeOnly(200) },
    { route: 'POST /api/v1/inspections/{id}/publish', req: (i) => ({ method: 'POST', url: `/api/v1/inspections/${i.inspectionB}/publish`, payload: { published: false } }), expect: officeOnly(200) },
    { route: 'GET /api/v1/inspections/{id}/findings', req: (i) => ({ method: 'GET', url: `/api/v1/inspections/${i.inspectionB}/findings` }), expect: bRead },
    { route: 'GET /api/v1/inspections/{id}/findings.xlsx', req: (i) => ({ method: 'GET', url: `/api/v1/inspections/${i.inspectionB}/findings.xlsx` }), expect: bRead },
    {
      route: 'POST /api/v1/inspections/{id}/findings',
      req: (i) => ({ method: 'POST', url: `/api/v1/inspections/${i.inspectionB}/findings`, payload: { unitId: i.unitB, severity: 'serious', problem: '问题', requirement: '要求', dueOn: '2020-08-31' } }),
      expect: officeOnly(201),
    },
    { route: 'GET /api/v1/findings', req: () => ({ method: 'GET', url: '/api/v1/findings?mine=true' }), expect: users(200) },
    { route: 'GET /api/v1/findings/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/findings/${i.findingB}` }), expect: bRead },
    { route: 'PATCH /api/v1/findings/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/findings/${i.openFindingB}`, payload: { severity: 'major' } }), expect: officeOnly(200) },
    {
      // only B's own people answer B's finding (B's staff does in setup); unit A does not know it
      route: 'POST /api/v1/findings/{id}/rectifications', fresh: async (ctx) => ({ x: await finding(ctx, openInspection) }),
      req: (i) => ({ method: 'POST', url: `/api/v1/findings/${i.x}/rectifications`, ...multipartForm([['text', '已整改'], ['evidenceLinks', 'https://www.jiaxing.gov.cn/a.html']], []) }),
      expect: { anonymous: 401, observer: 403, unitStaff: 404, unitAdmin: 404, office: 403 },
    },
    {
      route: 'POST /api/v1/findings/{id}/close', fresh: async (ctx) => ({ x: await submitted(ctx, openInspection) }),
      req: (i) => ({ method: 'POST', url: `/api/v1/findings/${i.x}/close`, payload: { note: '整改到位' } }), expect: officeOnly(200),
    },
    {
      route: 'POST /api/v1/findings/{id}/return', fresh: async (ctx) => ({ x: await submitted(ctx, openInspection) }),
      req: (i) => ({ method: 'POST', url: `/api/v1/findings/${i.x}/return`, payload: { reason: '佐证不足' } }), expect: officeOnly(200),
    },
    {
      route: 'POST /api/v1/findings/{id}/withdraw', fresh: async (ctx) => ({ x: await finding(ctx, openInspection) }),
      req: (i) => ({ method: 'POST', url: `/api/v1/findings/${i.x}/withdraw`, payload: { reason: '误下发' } }), expect: officeOnly(200),
    },
    {
      route: 'GET /api/v1/rectifications/{id}/attachments/{attachmentId}',
      req: (i) => ({ method: 'GET', url: `/api/v1/rectifications/${i.reportB}/attachments/${i.attachmentB}` }), expect: bRead,
    },
  ],
};
