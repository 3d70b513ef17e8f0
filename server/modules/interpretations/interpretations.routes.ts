/**
 * JSON API of policy interpretations: list and read (published ones are public), write (a unit its
 * own, the office all), publish, withdraw, and the yearly 第一解读人 table.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { today } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/schemas.ts';
import * as svc from './interpretations.service.ts';
import { CreateBody, IdParams, InterpretationDetailSchema, InterpretationSchema, ListQuery, PublishBody, StatsQuery, StatsSchema, UpdateBody, WithdrawBody } from './interpretations.schemas.ts';

/** Whether a value (strings inside objects and arrays too) contains a NUL character, which PostgreSQL text cannot store. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}

/** Refuses a NUL character anywhere in the query or body with a 400 (instead of a database error). */
async function refuseNul(request: { query: unknown; body: unknown }): Promise<void> {
  if (hasNul(request.query) || hasNul(request.body)) throw new ValidationError('INTERPRETATION_TEXT_INVALID', '内容含有不允许的控制字符（U+0000）');
}

/** A POST without a body (no date given) is an empty object. */
async function emptyBody(request: { body: unknown }): Promise<void> {
  request.body ??= {};
}

export const interpretationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preValidation', refuseNul);
  const tags = ['政策解读'];

  app.get('/interpretations', {
    schema: { tags, summary: '政策解读列表（匿名：已发布的；单位：另含本单位的草稿和已撤回的）', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(InterpretationSchema), total: Type.Integer() }), ...errorResponses } },
  }, async (request) => svc.listInterpretations(app.db, request.actor, request.query));

  app.post('/interpretations', {
    schema: { tags, summary: '新建政策解读（草稿）：关联已发布的政策文件', body: CreateBody, response: { 201: InterpretationDetailSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.createInterpretation(app.db, request.actor, request.body)));

  app.get('/interpretations/lead-interpreter-stats', {
    schema: { tags, summary: '第一解读人：各单位主要负责人年度解读次数（目标每年至少2次）', querystring: StatsQuery, response: { 200: StatsSchema, ...errorResponses } },
  }, async (request) => svc.leadInterpreterStats(app.db, request.query.year ?? Number(today().slice(0, 4))));

  app.get('/interpretations/:id', {
    schema: { tags, summary: '政策解读详情', params: IdParams, response: { 200: InterpretationDetailSchema, ...errorResponses } },
  }, async (request) => svc.getInterpretation(app.db, request.actor, request.params.id));

  app.patch('/interpretations/:id', {
    schema: { tags, summary: '修改政策解读（已发布的同步更新检索；已撤回的不能修改）', params: IdParams, body: UpdateBody, response: { 200: InterpretationDetailSchema, ...errorResponses } },
  }, async (request) => svc.updateInterpretation(app.db, request.actor, request.params.id, request.body));

  app.delete('/interpretations/:id', {
    schema: { tags, summary: '删除草稿', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await svc.deleteInterpretation(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/interpretations/:id/publication', {
    schema: { tags, summary: '发布：公开并编入全文检索（所解读的政策文件须已发布）', params: IdParams, body: PublishBody, response: { 200: InterpretationDetailSchema, ...errorResponses } },
    preValidation: emptyBody,
  }, async (request) => svc.publishInterpretation(app.db, request.actor, request.params.id, request.body));

  app.post('/interpretations/:id/withdrawal', {
    schema: { tags, summary: '撤回已发布的解读（须写明原因），移出检索', params: IdParams, body: WithdrawBody, response: { 200: InterpretationDetailSchema, ...errorResponses } },
  }, async (request) => svc.withdrawInterpretation(app.db, request.actor, request.params.id, request.body));
};
