/**
 * JSON API of the gazette: issues and their documents (the office edits; published issues are
 * public), publishing, and the gazette database's exact and classified queries.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ValidationError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/schemas.ts';
import * as svc from './gazette.service.ts';
import {
  ArticleDetailSchema, ArticlesQuery, ArticleSummarySchema, ClassesQuery, ClassesSchema, CreateArticleBody, CreateIssueBody, IssueDetailSchema,
  IdParams, IssueSchema, IssuesQuery, PublishIssueBody, UpdateArticleBody, UpdateIssueBody,
} from './gazette.schemas.ts';

/** Whether a value (strings inside objects and arrays too) contains a NUL character, which PostgreSQL text cannot store. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}

/** Refuses a NUL character anywhere in the query or body with a 400 (instead of a database error). */
async function refuseNul(request: { query: unknown; body: unknown }): Promise<void> {
  if (hasNul(request.query) || hasNul(request.body)) throw new ValidationError('GAZETTE_TEXT_INVALID', '内容含有不允许的控制字符（U+0000）');
}

/** A POST without a body (no date given) is an empty object. */
async function emptyBody(request: { body: unknown }): Promise<void> {
  request.body ??= {};
}

export const gazetteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preValidation', refuseNul);
  const tags = ['政府公报'];

  app.get('/gazette/issues', {
    schema: { tags, summary: '公报期次（匿名：已发布的；政务公开办和观察员：含草稿）', querystring: IssuesQuery, response: { 200: Type.Object({ items: Type.Array(IssueSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await svc.listIssues(app.db, request.actor, request.query) }));

  app.post('/gazette/issues', {
    schema: { tags, summary: '新建一期公报（草稿，政务公开办）', body: CreateIssueBody, response: { 201: IssueDetailSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.createIssue(app.db, request.actor, request.body)));

  app.get('/gazette/issues/:id', {
    schema: { tags, summary: '一期公报及其目录（草稿仅政务公开办和观察员可见）', params: IdParams, response: { 200: IssueDetailSchema, ...errorResponses } },
  }, async (request) => svc.getIssue(app.db, request.actor, request.params.id));

  app.patch('/gazette/issues/:id', {
    schema: { tags, summary: '修改年份、期号、总期号、发布日期（政务公开办）', params: IdParams, body: UpdateIssueBody, response: { 200: IssueDetailSchema, ...errorResponses } },
  }, async (request) => svc.updateIssue(app.db, request.actor, request.params.id, request.body));

  app.delete('/gazette/issues/:id', {
    schema: { tags, summary: '删除草稿期次及其文件（政务公开办）', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await svc.deleteIssue(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/gazette/issues/:id/publication', {
    schema: { tags, summary: '发布本期公报：公开并将各文件编入全文检索（政务公开办）', params: IdParams, body: PublishIssueBody, response: { 200: IssueDetailSchema, ...errorResponses } },
    preValidation: emptyBody,
  }, async (request) => svc.publishIssue(app.db, request.actor, request.params.id, request.body));

  app.delete('/gazette/issues/:id/publication', {
    schema: { tags, summary: '撤回发布：本期回到草稿，文件移出检索（政务公开办）', params: IdParams, response: { 200: IssueDetailSchema, ...errorResponses } },
  }, async (request) => svc.unpublishIssue(app.db, request.actor, request.params.id));

  app.post('/gazette/issues/:id/articles', {
    schema: { tags, summary: '在本期中加入文件（文号自动规范，政务公开办）', params: IdParams, body: CreateArticleBody, response: { 201: ArticleDetailSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.addArticle(app.db, request.actor, request.params.id, request.body)));

  app.get('/gazette/articles', {
    schema: {
      tags, summary: '公报数据库查询（已发布）：按文号精确查询（括号写法不限）、按标题、按期（年份+期号），按年份、发文机关、主题分类、栏目分类浏览',
      querystring: ArticlesQuery, response: { 200: Type.Object({ items: Type.Array(ArticleSummarySchema), total: Type.Integer() }), ...errorResponses },
    },
  }, async (request) => svc.queryArticles(app.db, request.query));

  app.get('/gazette/articles/:id', {
    schema: { tags, summary: '公报文件全文及其元数据', params: IdParams, response: { 200: ArticleDetailSchema, ...errorResponses } },
  }, async (request) => svc.getArticle(app.db, request.actor, request.params.id));

  app.patch('/gazette/articles/:id', {
    schema: { tags, summary: '修改公报文件（已发布的同步更新检索，政务公开办）', params: IdParams, body: UpdateArticleBody, response: { 200: ArticleDetailSchema, ...errorResponses } },
  }, async (request) => svc.updateArticle(app.db, request.actor, request.params.id, request.body));

  app.delete('/gazette/articles/:id', {
    schema: { tags, summary: '删除公报文件（政务公开办）', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await svc.deleteArticle(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/gazette/classes', {
    schema: { tags, summary: '分类统计（已发布）：按年份、发文机关、主题分类、栏目的文件数，各维度在其他筛选条件下计数', querystring: ClassesQuery, response: { 200: ClassesSchema, ...errorResponses } },
  }, async (request) => svc.classifiedCounts(app.db, request.query));
};
