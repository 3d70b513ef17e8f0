/**
 * JSON API of the decision catalogue (重大行政决策事项目录) and of consultations (意见征集): public
 * reads of what is published, the public comment submission (no login, rate-limited per IP), and the
 * staff acts of the owning unit and the office. Each handler is one service call.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/schemas.ts';
import * as decisions from './decisions.service.ts';
import * as svc from './consultations.service.ts';
import {
  CommentBody, CommentListSchema, CommentParams, CommentReceiptSchema, CommentSchema, ConsultationBody, ConsultationDetailSchema, ConsultationPatch,
  ConsultationsQuery, ConsultationSummarySchema, DecisionItemBody, DecisionItemPatch, DecisionItemSchema, DecisionItemsQuery, DecisionYearSchema,
  DispositionBody, FeedbackBody, FeedbackSchema, IdParams, ModerationBody, ModerationSchema, StageBody, YearSchema,
} from './consultations.schemas.ts';
import { COMMENTS_PER_MINUTE } from './consultations.states.ts';

/** The public comment submission's limit per client IP (API and page each). */
export const commentRateLimit = {
  max: COMMENTS_PER_MINUTE,
  timeWindow: '1 minute',
  errorResponseBuilder: () => new AppError('CONSULTATION_COMMENT_RATE_LIMITED', `提交意见过于频繁（每分钟最多${COMMENTS_PER_MINUTE}条），请稍后再试`, 429),
};

export const consultationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const dtags = ['重大行政决策'];
  const ctags = ['意见征集'];
  const YearParams = Type.Object({ year: YearSchema });
  const noContent = { 204: Type.Null(), ...errorResponses };

  // ---- 重大行政决策事项目录 ----

  app.get('/decision-items', {
    schema: { tags: dtags, summary: '重大行政决策事项目录：公众看已公布的；承办单位另见本单位未公布的；政务公开办和观察员看全部', querystring: DecisionItemsQuery, response: { 200: Type.Object({ items: Type.Array(DecisionItemSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await decisions.listDecisionItems(app.db, request.actor, request.query) }));

  app.get('/decision-items/years', {
    schema: { tags: dtags, summary: '目录年度及各年度事项数、是否已公布', response: { 200: Type.Object({ items: Type.Array(DecisionYearSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await decisions.listDecisionYears(app.db, request.actor) }));

  app.post('/decision-items/years/:year/publication', {
    schema: { tags: dtags, summary: '公布某年度重大行政决策事项目录（政务公开办）：该年度全部事项公开', params: YearParams, response: { 200: DecisionYearSchema, ...errorResponses } },
  }, async (request) => decisions.publishDecisionCatalogue(app.db, request.actor, request.params.year, true));

  app.delete('/decision-items/years/:year/publication', {
    schema: { tags: dtags, summary: '撤回某年度目录的公布（政务公开办）', params: YearParams, response: { 200: DecisionYearSchema, ...errorResponses } },
  }, async (request) => decisions.publishDecisionCatalogue(app.db, request.actor, request.params.year, false));

  app.post('/decision-items', {
    schema: { tags: dtags, summary: '新增目录事项（政务公开办）', body: DecisionItemBody, response: { 201: DecisionItemSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await decisions.createDecisionItem(app.db, request.actor, request.body)));

  app.get('/decision-items/:id', {
    schema: { tags: dtags, summary: '目录事项详情（含关联的意见征集）', params: IdParams, response: { 200: DecisionItemSchema, ...errorResponses } },
  }, async (request) => decisions.getDecisionItem(app.db, request.actor, request.params.id));

  app.patch('/decision-items/:id', {
    schema: { tags: dtags, summary: '修改目录事项（政务公开办）', params: IdParams, body: DecisionItemPatch, response: { 200: DecisionItemSchema, ...errorResponses } },
  }, async (request) => decisions.updateDecisionItem(app.db, request.actor, request.params.id, request.body));

  app.delete('/decision-items/:id', {
    schema: { tags: dtags, summary: '删除误录的目录事项（政务公开办；已公布或已关联意见征集的不能删除）', params: IdParams, response: noContent },
  }, async (request, reply) => {
    await decisions.deleteDecisionItem(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.put('/decision-items/:id/stage', {
    schema: { tags: dtags, summary: '更新决策阶段：承办单位或政务公开办向后推进，退回须由政务公开办', params: IdParams, body: StageBody, response: { 200: DecisionItemSchema, ...errorResponses } },
  }, async (request) => decisions.moveDecisionStage(app.db, request.actor, request.params.id, request.body));

  // ---- 意见征集 ----

  app.get('/consultations', {
    schema: { tags: ctags, summary: '意见征集列表：公众看已发布的；单位另见本单位草稿；政务公开办和观察员看全部', querystring: ConsultationsQuery, response: { 200: Type.Object({ items: Type.Array(ConsultationSummarySchema) }), ...errorResponses } },
  }, async (request) => ({ items: await svc.listConsultations(app.db, request.actor, request.query) }));

  app.post('/consultations', {
    schema: { tags: ctags, summary: '起草意见征集（单位为本单位，政务公开办可为任一单位；默认征求意见30日，单位不能缩短）', body: ConsultationBody, response: { 201: ConsultationDetailSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.createConsultation(app.db, request.actor, request.body)));

  app.get('/consultations/:id', {
    schema: { tags: ctags, summary: '意见征集详情：征求意见稿、起草说明、期限、剩余天数、意见采纳情况反馈', params: IdParams, response: { 200: ConsultationDetailSchema, ...errorResponses } },
  }, async (request) => svc.getConsultation(app.db, request.actor, request.params.id));

  app.patch('/consultations/:id', {
    schema: { tags: ctags, summary: '修改草稿（起草单位或政务公开办）', params: IdParams, body: ConsultationPatch, response: { 200: ConsultationDetailSchema, ...errorResponses } },
  }, async (request) => svc.updateConsultation(app.db, request.actor, request.params.id, request.body));

  app.delete('/consultations/:id', {
    schema: { tags: ctags, summary: '删除草稿（起草单位或政务公开办）', params: IdParams, response: noContent },
  }, async (request, reply) => {
    await svc.deleteConsultation(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/consultations/:id/publication', {
    schema: { tags: ctags, summary: '发布征求意见稿：自开始日期起接受公众意见，至截止日期（含）结束', params: IdParams, response: { 200: ConsultationDetailSchema, ...errorResponses } },
  }, async (request) => svc.publishConsultation(app.db, request.actor, request.params.id));

  app.post('/consultations/:id/comments', {
    schema: { tags: ['意见征集（公众）'], summary: '提交意见（无需登录；征求意见期间；纯文本；审核后公开，姓名和联系方式不公开）', params: IdParams, body: CommentBody, response: { 201: CommentReceiptSchema, ...errorResponses } },
    config: { rateLimit: commentRateLimit },
  }, async (request, reply) => reply.status(201).send(await svc.submitComment(app.db, request.params.id, request.body, { ip: request.ip })));

  app.get('/consultations/:id/comments', {
    schema: {
      tags: ctags, summary: '意见：公众在征求意见结束后看审核通过的意见（不含个人信息）；起草单位和政务公开办看全部及联系方式（记入审计日志）；观察员看全部但不含个人信息',
      params: IdParams, querystring: Type.Object({ moderation: Type.Optional(ModerationSchema) }), response: { 200: CommentListSchema, ...errorResponses },
    },
  }, async (request) => svc.listComments(app.db, request.actor, request.params.id, request.query));

  app.put('/consultations/:id/comments/:commentId/moderation', {
    schema: { tags: ctags, summary: '审核意见：通过（公开）或不予公开（写明理由）', params: CommentParams, body: ModerationBody, response: { 200: CommentSchema, ...errorResponses } },
  }, async (request) => svc.moderateComment(app.db, request.actor, request.params.id, request.params.commentId, request.body));

  app.put('/consultations/:id/comments/:commentId/disposition', {
    schema: { tags: ctags, summary: '记录采纳情况：采纳、部分采纳、不采纳（后两者须说明理由）', params: CommentParams, body: DispositionBody, response: { 200: CommentSchema, ...errorResponses } },
  }, async (request) => svc.disposeComment(app.db, request.actor, request.params.id, request.params.commentId, request.body));

  app.get('/consultations/:id/feedback', {
    schema: { tags: ctags, summary: '意见采纳情况反馈：已发布的对所有人公开；发布前起草单位、政务公开办和观察员可预览并看到尚缺什么', params: IdParams, response: { 200: FeedbackSchema, ...errorResponses } },
  }, async (request) => svc.getFeedback(app.db, request.actor, request.params.id));

  app.post('/consultations/:id/feedback', {
    schema: { tags: ctags, summary: '发布意见采纳情况反馈（征求意见结束、意见均已审核且通过的均已记录采纳情况后）', params: IdParams, body: FeedbackBody, response: { 200: ConsultationDetailSchema, ...errorResponses } },
  }, async (request) => svc.publishFeedback(app.db, request.actor, request.params.id, request.body));
};
