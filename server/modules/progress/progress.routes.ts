/**
 * JSON API of the workbench: periods, assignments with status, reports (submit, review, publish),
 * attachments, the review queue, the office's matrix and overview.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import { readMultipartForm } from '../../platform/uploads.ts';
import { ResponseCache } from '../../platform/response-cache.ts';
import { ValidationError } from '../../platform/errors.ts';
import * as progress from './progress.service.ts';
import { exportBulletinDocx, exportProgressXlsx } from './progress-export.ts';
import {
  AssignmentDetailSchema, AssignmentsQuery, CycleBody, FinalStateBody, MatrixSchema, OverviewSchema, PeriodQuery, PeriodSchema, PublishBody,
  QueueItemSchema, ReportSchema, ReviewBody, TaskCycleBody, WorkbenchAssignmentSchema,
} from './progress.schemas.ts';

export const progressRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['进展报送'];
  const matrixCache = new ResponseCache(200);

  app.get('/lists/:id/periods', {
    schema: { tags, summary: '清单的报送周期', params: IdParams, response: { 200: Type.Object({ items: Type.Array(PeriodSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await progress.listPeriods(app.db, request.actor, request.params.id) }));

  app.put('/lists/:id/reporting', {
    schema: { tags, summary: '设置清单的报送周期（按季度、按月、每半年、一次性）', params: IdParams, body: CycleBody, response: { 200: Type.Object({ items: Type.Array(PeriodSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await progress.setReportingCycle(app.db, request.actor, { listId: request.params.id }, request.body.cycle) }));

  app.put('/tasks/:id/reporting', {
    schema: { tags, summary: '设置单项任务自己的报送周期（null：沿用清单的）', params: IdParams, body: TaskCycleBody, response: { 200: Type.Object({ items: Type.Array(PeriodSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await progress.setReportingCycle(app.db, request.actor, { taskId: request.params.id }, request.body.cycle) }));

  app.get('/assignments', {
    schema: { tags, summary: '任务分派及本期状态（单位用户：本单位；政务公开办、观察员：全部）', querystring: AssignmentsQuery, response: { 200: Type.Object({ items: Type.Array(WorkbenchAssignmentSchema), total: Type.Integer() }), ...errorResponses } },
  }, async (request) => progress.listWorkbenchAssignments(app.db, request.actor, request.query));

  app.get('/assignments/:id', {
    schema: { tags, summary: '任务分派详情：各期状态与全部报送版本', params: IdParams, response: { 200: AssignmentDetailSchema, ...errorResponses } },
  }, async (request) => progress.getAssignmentDetail(app.db, request.actor, request.params.id));

  app.put('/assignments/:id/final-state', {
    schema: { tags, summary: '认定完成情况（已完成、持续推进、未完成；null：按报送自动判断）', params: IdParams, body: FinalStateBody, response: { 200: WorkbenchAssignmentSchema, ...errorResponses } },
  }, async (request) => progress.setFinalState(app.db, request.actor, request.params.id, request.body.finalState));

  app.post('/assignments/:id/reports', {
    schema: {
      tags, summary: '报送进展（multipart：periodId, text, completed, publicSummary, evidenceLinks 可重复, attachments 文件 0–5 个）',
      consumes: ['multipart/form-data'], params: IdParams, response: { 201: ReportSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const { fields, files } = await readMultipartForm(request, { fileField: 'attachments', maxFiles: progress.MAX_ATTACHMENTS, tooLargeCode: 'REPORT_ATTACHMENT_TOO_LARGE' });
    const one = (k: string) => fields[k]?.[0];
    const periodId = Number(one('periodId'));
    if (!Number.isInteger(periodId) || periodId <= 0) throw new ValidationError('REPORT_INVALID_PERIOD', '请选择报送周期（periodId）');
    const report = await progress.submitReport(app.db, request.actor, request.params.id, {
      periodId, text: one('text') ?? '', completed: one('completed') === 'true', publicSummary: one('publicSummary') ?? null,
      evidenceLinks: fields.evidenceLinks ?? [], files,
    }, { maxBytes: app.config.maxUploadBytes });
    return reply.status(201).send(report);
  });

  app.get('/reports/:id/attachments/:attachmentId', {
    schema: {
      tags, summary: '下载报送附件', params: Type.Object({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) }),
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses },
    },
  }, async (request, reply) => {
    const a = await progress.getAttachment(app.db, request.actor, request.params.id, request.params.attachmentId);
    return reply.header('content-type', a.mimeType)
      .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(a.content);
  });

  app.get('/reviews/queue', {
    schema: { tags, summary: '待我审核的报送（牵头单位：责任单位的报送；政务公开办：全部）', querystring: Type.Object({ listId: Type.Optional(Type.Integer({ minimum: 1 })) }), response: { 200: Type.Object({ items: Type.Array(QueueItemSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await progress.reviewQueue(app.db, request.actor, request.query) }));

  app.post('/reports/:id/reviews', {
    schema: { tags, summary: '审核报送：通过，或退回并写明意见；已被审核的返回 409', params: IdParams, body: ReviewBody, response: { 200: ReportSchema, ...errorResponses } },
  }, async (request) => progress.reviewReport(app.db, request.actor, request.params.id, request.body));

  app.post('/reports/:id/publication', {
    schema: { tags, summary: '在公众进展页面公开（或撤下）审核通过的进展摘要', params: IdParams, body: PublishBody, response: { 200: ReportSchema, ...errorResponses } },
  }, async (request) => progress.publishReport(app.db, request.actor, request.params.id, request.body));

  app.get('/lists/:id/matrix', {
    schema: { tags, summary: '单位 × 任务状态矩阵', params: IdParams, querystring: PeriodQuery, response: { 200: MatrixSchema, ...errorResponses } },
  }, async (request, reply) => {
    const version = await progress.matrixVersion(app.db, request.actor, request.params.id);
    return matrixCache.send(request, reply, {
      key: `matrix:${request.params.id}:${request.query.periodId ?? 'current'}`, version, contentType: 'application/json; charset=utf-8',
      render: async () => reply.serialize(await progress.listMatrix(app.db, request.actor, request.params.id, request.query.periodId)) as string,
    });
  });

  app.get('/lists/:id/overview', {
    schema: { tags, summary: '总览：按部分、按单位的完成情况，逾期与即将到期', params: IdParams, querystring: PeriodQuery, response: { 200: OverviewSchema, ...errorResponses } },
  }, async (request) => progress.listOverview(app.db, request.actor, request.params.id, request.query.periodId));

  const download = (reply: import('fastify').FastifyReply, mime: string, file: { fileName: string; bytes: Buffer }, fallback: string) =>
    reply.header('content-type', mime).header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.bytes);

  app.get('/lists/:id/progress.xlsx', {
    schema: { tags, summary: '导出清单进展 .xlsx（各任务状态、各单位最新进展）', params: IdParams, querystring: PeriodQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses } },
  }, async (request, reply) => download(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await exportProgressXlsx(app.db, request.actor, request.params.id, request.query.periodId), `progress-${request.params.id}.xlsx`));

  app.get('/lists/:id/periods/:periodId/bulletin.docx', {
    schema: {
      tags, summary: '导出本期落实情况通报 .docx', params: Type.Object({ id: Type.Integer({ minimum: 1 }), periodId: Type.Integer({ minimum: 1 }) }),
      produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses },
    },
  }, async (request, reply) => download(reply, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await exportBulletinDocx(app.db, request.actor, request.params.id, request.params.periodId), `bulletin-${request.params.periodId}.docx`));
};
