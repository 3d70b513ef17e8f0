/**
 * Access to the 政府公报 routes: the office compiles and publishes issues (documents of unit B);
 * published issues and the gazette database are public; drafts are seen by the office and observers
 * only (404 for the public and units); nobody but the office writes.
 */
import { insertPublication } from '../../support/policy-rows.ts';
import { all, officeOnly, type AccessContext, type ModuleAccess, type Who } from './access-kit.ts';

const draftRead = { anonymous: 404, observer: 200, unitStaff: 404, unitAdmin: 404, office: 200 } satisfies Record<Who, number>;

let nextNumber = 100;

/** An issue of 2030 (a number not used before) with one document of unit B; published if asked. */
async function issue(ctx: AccessContext, publish: boolean): Promise<{ issueId: number; articleId: number }> {
  const as = (method: string, url: string, payload?: unknown) => ctx.t.as(ctx.office, { method: method as 'POST', url, ...(payload ? { payload } : {}) });
  const issueId = (await as('POST', '/api/v1/gazette/issues', { year: 2030, number: ++nextNumber })).json().id as number;
  const articleId = (await as('POST', `/api/v1/gazette/issues/${issueId}/articles`, {
    title: `乙单位关于某事项的通知（${nextNumber}）`, docNumber: `嘉教〔2030〕${nextNumber}号`, issuingBody: '嘉兴市教育局', unitId: ctx.unitB, category: '部门文件', topic: '科技、教育', bodyText: '正文',
  })).json().id as number;
  if (publish) await as('POST', `/api/v1/gazette/issues/${issueId}/publication`, { publishedOn: '2020-06-01' });
  return { issueId, articleId };
}

export const gazetteAccess: ModuleAccess = {
  name: 'gazette',
  async setup(ctx) {
    const pub = await issue(ctx, true);
    const draft = await issue(ctx, false);
    const policy = await insertPublication(ctx.t.tdb.db, { unitId: ctx.unitB });
    return { pubIssue: pub.issueId, pubArticle: pub.articleId, draftIssue: draft.issueId, draftArticle: draft.articleId, policy, unitB: ctx.unitB };
  },
  cases: [
    { route: 'GET /api/v1/gazette/issues', req: () => ({ method: 'GET', url: '/api/v1/gazette/issues' }), expect: all(200) },
    { route: 'POST /api/v1/gazette/issues', req: (_i, w) => ({ method: 'POST', url: '/api/v1/gazette/issues', payload: { year: 2031, number: 1 + ['anonymous', 'observer', 'unitStaff', 'unitAdmin', 'office'].indexOf(w) } }), expect: officeOnly(201) },
    { route: 'GET /api/v1/gazette/issues/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/gazette/issues/${i.pubIssue}` }), expect: all(200) },
    { route: 'GET /api/v1/gazette/issues/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/gazette/issues/${i.draftIssue}` }), expect: draftRead },
    { route: 'PATCH /api/v1/gazette/issues/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/gazette/issues/${i.draftIssue}`, payload: { totalNumber: 999 } }), expect: officeOnly(200) },
    { route: 'DELETE /api/v1/gazette/issues/{id}', fresh: async (ctx) => ({ x: (await issue(ctx, false)).issueId }), req: (i) => ({ method: 'DELETE', url: `/api/v1/gazette/issues/${i.x}` }), expect: officeOnly(204) },
    {
      route: 'POST /api/v1/gazette/issues/{id}/publication', fresh: async (ctx) => ({ x: (await issue(ctx, false)).issueId }),
      req: (i) => ({ method: 'POST', url: `/api/v1/gazette/issues/${i.x}/publication`, payload: { publishedOn: '2020-06-10' } }), expect: officeOnly(200),
    },
    {
      route: 'DELETE /api/v1/gazette/issues/{id}/publication', fresh: async (ctx) => ({ x: (await issue(ctx, true)).issueId }),
      req: (i) => ({ method: 'DELETE', url: `/api/v1/gazette/issues/${i.x}/publication` }), expect: officeOnly(200),
    },
    {
      route: 'POST /api/v1/gazette/issues/{id}/articles',
      req: (i, w) => ({ method: 'POST', url: `/api/v1/gazette/issues/${i.draftIssue}/articles`, payload: { title: `新增文件${w}`, issuingBody: '嘉兴市教育局', unitId: i.unitB, category: '部门文件', publicationId: i.policy } }),
      expect: officeOnly(201),
    },
    { route: 'GET /api/v1/gazette/articles', req: () => ({ method: 'GET', url: `/api/v1/gazette/articles?docNumber=${encodeURIComponent('嘉教[2030]101号')}` }), expect: all(200) },
    { route: 'GET /api/v1/gazette/articles/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/gazette/articles/${i.pubArticle}` }), expect: all(200) },
    { route: 'GET /api/v1/gazette/articles/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/gazette/articles/${i.draftArticle}` }), expect: draftRead },
    { route: 'PATCH /api/v1/gazette/articles/{id}', req: (i) => ({ method: 'PATCH', url: `/api/v1/gazette/articles/${i.pubArticle}`, payload: { topic: '综合政务' } }), expect: officeOnly(200) },
    { route: 'DELETE /api/v1/gazette/articles/{id}', fresh: async (ctx) => ({ x: (await issue(ctx, true)).articleId }), req: (i) => ({ method: 'DELETE', url: `/api/v1/gazette/articles/${i.x}` }), expect: officeOnly(204) },
    { route: 'GET /api/v1/gazette/classes', req: () => ({ method: 'GET', url: '/api/v1/gazette/classes?year=2030' }), expect: all(200) },
  ],
};
