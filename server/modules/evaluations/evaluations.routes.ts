/**
 * JSON API of evaluations (考核评价): indicator sets and their indicator tree, manual scores (the
 * office), results (the office and observers all units; a unit its own, and the ranking once
 * published), the .xlsx export, and the state changes 开始评分 and 发布.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/schemas.ts';
import { exportEvaluationXlsx } from './evaluations.export.ts';
import * as svc from './evaluations.service.ts';
import {
  BreakdownSchema, CreateIndicatorBody, CreateSetBody, IdParams, IndicatorSchema, ListQuery, MetricSchema, ResultParams, ResultsSchema, ScoreBody, ScoreParams,
  ScoreSchema, ScoresQuery, SetDetailSchema, SetSchema, UpdateIndicatorBody, UpdateSetBody,
} from './evaluations.schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const evaluationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['考核评价'];

  app.get('/evaluation-metrics', {
    schema: { tags, summary: '可用的系统计算口径（指标自动计算的依据）', response: { 200: Type.Object({ items: Type.Array(MetricSchema) }), ...errorResponses } },
  }, async (request) => ({ items: svc.listMetrics(request.actor) }));

  app.get('/indicator-sets', {
    schema: { tags, summary: '考核指标体系列表（单位：评分中和已发布的）', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(SetSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await svc.listSets(app.db, request.actor, request.query) }));

  app.post('/indicator-sets', {
    schema: { tags, summary: '新建年度考核指标体系（草稿）', body: CreateSetBody, response: { 201: SetDetailSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.createSet(app.db, request.actor, request.body)));

  app.get('/indicator-sets/:id', {
    schema: { tags, summary: '考核指标体系：指标树与考核范围', params: IdParams, response: { 200: SetDetailSchema, ...errorResponses } },
  }, async (request) => svc.getSet(app.db, request.actor, request.params.id));

  app.patch('/indicator-sets/:id', {
    schema: { tags, summary: '修改考核名称、总分、范围（已发布的不能修改）', params: IdParams, body: UpdateSetBody, response: { 200: SetDetailSchema, ...errorResponses } },
  }, async (request) => svc.updateSet(app.db, request.actor, request.params.id, request.body));

  app.delete('/indicator-sets/:id', {
    schema: { tags, summary: '删除未发布的考核', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await svc.deleteSet(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/indicator-sets/:id/scoring', {
    schema: { tags, summary: '开始评分：指标分值合计须等于总分；此后单位可查看本单位得分', params: IdParams, response: { 200: SetDetailSchema, ...errorResponses } },
  }, async (request) => svc.startScoring(app.db, request.actor, request.params.id));

  app.post('/indicator-sets/:id/publication', {
    schema: { tags, summary: '发布考核结果：固定各单位得分与排名（此后数据变化不影响已发布结果），公开排名', params: IdParams, response: { 200: SetDetailSchema, ...errorResponses } },
  }, async (request) => svc.publishSet(app.db, request.actor, request.params.id));

  app.post('/indicator-sets/:id/indicators', {
    schema: { tags, summary: '新增指标（上级为空是一级指标）', params: IdParams, body: CreateIndicatorBody, response: { 201: IndicatorSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.createIndicator(app.db, request.actor, request.params.id, request.body)));

  app.patch('/indicators/:id', {
    schema: { tags, summary: '修改指标（有下级的指标分值由下级合计）', params: IdParams, body: UpdateIndicatorBody, response: { 200: IndicatorSchema, ...errorResponses } },
  }, async (request) => svc.updateIndicator(app.db, request.actor, request.params.id, request.body));

  app.delete('/indicators/:id', {
    schema: { tags, summary: '删除指标及其下级指标和人工评分', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await svc.deleteIndicator(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/indicator-sets/:id/manual-scores', {
    schema: { tags, summary: '人工评分记录（政务公开办、观察员）', params: IdParams, querystring: ScoresQuery, response: { 200: Type.Object({ items: Type.Array(ScoreSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await svc.listManualScores(app.db, request.actor, request.params.id, request.query) }));

  app.put('/indicators/:id/manual-scores/:unitId', {
    schema: { tags, summary: '录入或修改单位在人工评分指标上的得分（低于分值须写扣分理由）', params: ScoreParams, body: ScoreBody, response: { 200: ScoreSchema, ...errorResponses } },
  }, async (request) => svc.putManualScore(app.db, request.actor, request.params.id, request.params.unitId, request.body));

  app.delete('/indicators/:id/manual-scores/:unitId', {
    schema: { tags, summary: '删除人工评分（恢复满分）', params: ScoreParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await svc.deleteManualScore(app.db, request.actor, request.params.id, request.params.unitId);
    return reply.status(204).send(null);
  });

  app.get('/indicator-sets/:id/results', {
    schema: { tags, summary: '考核结果与排名（单位：发布前只看到本单位）', params: IdParams, response: { 200: ResultsSchema, ...errorResponses } },
  }, async (request) => svc.getResults(app.db, request.actor, request.params.id));

  app.get('/indicator-sets/:id/results/:unitId', {
    schema: { tags, summary: '单位得分明细：每一项得失分的说明及所依据的记录（单位只能看本单位）', params: ResultParams, response: { 200: BreakdownSchema, ...errorResponses } },
  }, async (request) => svc.getBreakdown(app.db, request.actor, request.params.id, request.params.unitId));

  app.get('/indicator-sets/:id/export.xlsx', {
    schema: {
      tags, summary: '导出 .xlsx：排名表和各单位得分明细（单位：本单位明细，发布后含排名）', params: IdParams, produces: [XLSX],
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '.xlsx 文件' }), ...errorResponses },
    },
  }, async (request, reply) => {
    const { fileName, bytes } = await exportEvaluationXlsx(app.db, request.actor, request.params.id);
    return reply.type(XLSX)
      .header('content-disposition', `attachment; filename="evaluation-${request.params.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(bytes);
  });
};
