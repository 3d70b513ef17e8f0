/**
 * JSON API of inspections and rectification: the office creates, opens, closes and publishes
 * inspections and issues findings; units list the findings naming them and answer them with
 * rectification reports (multipart, with evidence); the office closes (销号) or returns them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ValidationError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { readMultipartForm } from '../../platform/uploads.ts';
import { MAX_ATTACHMENTS } from './inspections.constants.ts';
import { exportFindingsXlsx } from './inspections.export.ts';
import * as svc from './inspections.service.ts';
import {
  AttachmentParams, CloseBody, CreateFindingBody, CreateInspectionBody, FindingDetailSchema, FindingSchema, FindingsQuery, IdParams, InspectionFindingsQuery,
  InspectionSchema, InspectionsQuery, PublishBody, ReasonBody, UpdateFindingBody, UpdateInspectionBody,
} from './inspections.schemas.ts';

/** Whether a value (strings inside objects and arrays too) contains a NUL character, which PostgreSQL text cannot store. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) return Object.values(value).some(hasNul);
  return false;
}

async function refuseNul(request: { query: unknown; body: unknown; isMultipart(): boolean }): Promise<void> {
  if (hasNul(request.query) || (!request.isMultipart() && hasNul(request.body))) throw new ValidationError('INSPECTION_TEXT_INVALID', '内容含有不允许的控制字符（U+0000）');
}

/** A POST without a body is an empty object. */
async function emptyBody(request: { body: unknown }): Promise<void> {
  request.body ??= {};
}

const Items = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

export const inspectionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preValidation', refuseNul);
  const tags = ['督查整改'];

  app.get('/inspections', {
    schema: { tags, summary: '督查检查列表（政务公开办、观察员：全部；单位：已下发且涉及本单位的）', querystring: InspectionsQuery, response: { 200: Items(InspectionSchema), ...errorResponses } },
  }, async (request) => svc.listInspections(app.db, request.actor, request.query));

  app.post('/inspections', {
    schema: { tags, summary: '新建督查检查（草稿）：抽查、网站检查、第三方评估、审计', body: CreateInspectionBody, response: { 201: InspectionSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.createInspection(app.db, request.actor, request.body)));

  app.get('/inspections/:id', {
    schema: { tags, summary: '督查检查详情（单位：只计本单位的问题）', params: IdParams, response: { 200: InspectionSchema, ...errorResponses } },
  }, async (request) => svc.getInspection(app.db, request.actor, request.params.id));

  app.patch('/inspections/:id', {
    schema: { tags, summary: '修改督查检查（已结束的不能修改）', params: IdParams, body: UpdateInspectionBody, response: { 200: InspectionSchema, ...errorResponses } },
  }, async (request) => svc.updateInspection(app.db, request.actor, request.params.id, request.body));

  app.delete('/inspections/:id', {
    schema: { tags, summary: '删除草稿', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await svc.deleteInspection(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/inspections/:id/open', {
    schema: { tags, summary: '下发：问题交各单位整改（通知涉及的单位）', params: IdParams, response: { 200: InspectionSchema, ...errorResponses } },
  }, async (request) => svc.openInspection(app.db, request.actor, request.params.id));

  app.post('/inspections/:id/close', {
    schema: { tags, summary: '结束督查检查（全部问题已销号或撤销）', params: IdParams, response: { 200: InspectionSchema, ...errorResponses } },
  }, async (request) => svc.closeInspection(app.db, request.actor, request.params.id));

  app.post('/inspections/:id/publish', {
    schema: { tags, summary: '公开（或撤下）发现问题及整改情况（/portal/inspections）', params: IdParams, body: PublishBody, response: { 200: InspectionSchema, ...errorResponses } },
    preValidation: emptyBody,
  }, async (request) => svc.publishInspection(app.db, request.actor, request.params.id, request.body));

  app.get('/inspections/:id/findings', {
    schema: { tags, summary: '督查检查发现的问题（单位：只有本单位的）', params: IdParams, querystring: InspectionFindingsQuery, response: { 200: Items(FindingSchema), ...errorResponses } },
  }, async (request) => svc.listFindings(app.db, request.actor, { ...request.query, inspectionId: request.params.id }));

  app.get('/inspections/:id/findings.xlsx', {
    schema: {
      tags, summary: '导出整改台账 .xlsx（单位：只有本单位的问题）', params: IdParams, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await exportFindingsXlsx(app.db, request.actor, request.params.id);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="inspection-${request.params.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes);
  });

  app.post('/inspections/:id/findings', {
    schema: { tags, summary: '添加问题：整改单位、严重程度、问题、整改要求、整改期限', params: IdParams, body: CreateFindingBody, response: { 201: FindingDetailSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.addFinding(app.db, request.actor, request.params.id, request.body)));

  app.get('/findings', {
    schema: { tags, summary: '督查整改问题（mine=true：本单位的；单位用户只能看本单位的）', querystring: FindingsQuery, response: { 200: Items(FindingSchema), ...errorResponses } },
  }, async (request) => svc.listFindings(app.db, request.actor, request.query));

  app.get('/findings/:id', {
    schema: { tags, summary: '问题详情与整改报告（各版本）', params: IdParams, response: { 200: FindingDetailSchema, ...errorResponses } },
  }, async (request) => svc.getFinding(app.db, request.actor, request.params.id));

  app.patch('/findings/:id', {
    schema: { tags, summary: '修改问题（已销号、已撤销的不能修改）', params: IdParams, body: UpdateFindingBody, response: { 200: FindingDetailSchema, ...errorResponses } },
  }, async (request) => svc.updateFinding(app.db, request.actor, request.params.id, request.body));

  app.post('/findings/:id/rectifications', {
    schema: {
      tags, summary: `报送整改情况（multipart：text，evidenceLinks 可重复，publicationIds 可重复（本单位已公开的信息），attachments 文件 0–${MAX_ATTACHMENTS} 个）`,
      consumes: ['multipart/form-data'], params: IdParams, response: { 201: FindingDetailSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const { fields, files } = await readMultipartForm(request, { fileField: 'attachments', maxFiles: MAX_ATTACHMENTS, tooLargeCode: 'RECTIFICATION_ATTACHMENT_TOO_LARGE' });
    const publicationIds = (fields.publicationIds ?? []).map((v) => v.trim()).filter(Boolean).map((v) => {
      const n = Number(v);
      if (!/^\d{1,10}$/.test(v) || n < 1 || n > 2_147_483_647) throw new ValidationError('RECTIFICATION_PUBLICATION_INVALID', `佐证的政府信息编号不正确：${v}`, { field: 'publicationIds', value: v });
      return n;
    });
    if (hasNul(fields)) throw new ValidationError('INSPECTION_TEXT_INVALID', '内容含有不允许的控制字符（U+0000）');
    const finding = await svc.submitRectification(app.db, request.actor, request.params.id, {
      text: fields.text?.[0] ?? '', evidenceLinks: fields.evidenceLinks ?? [], publicationIds, files,
    }, { maxBytes: app.config.maxUploadBytes });
    return reply.status(201).send(finding);
  });

  app.post('/findings/:id/close', {
    schema: { tags, summary: '销号：复核通过（或直接销号并写明理由）；已销号的返回 409', params: IdParams, body: CloseBody, response: { 200: FindingDetailSchema, ...errorResponses } },
    preValidation: emptyBody,
  }, async (request) => svc.closeFinding(app.db, request.actor, request.params.id, request.body));

  app.post('/findings/:id/return', {
    schema: { tags, summary: '退回整改情况（须写明原因）', params: IdParams, body: ReasonBody, response: { 200: FindingDetailSchema, ...errorResponses } },
    preValidation: emptyBody,
  }, async (request) => svc.returnFinding(app.db, request.actor, request.params.id, request.body));

  app.post('/findings/:id/withdraw', {
    schema: { tags, summary: '撤销误下发的问题（须写明原因）', params: IdParams, body: ReasonBody, response: { 200: FindingDetailSchema, ...errorResponses } },
    preValidation: emptyBody,
  }, async (request) => svc.withdrawFinding(app.db, request.actor, request.params.id, request.body));

  app.get('/rectifications/:id/attachments/:attachmentId', {
    schema: {
      tags, summary: '下载整改佐证附件', params: AttachmentParams,
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses },
    },
  }, async (request, reply) => {
    const a = await svc.getRectificationAttachment(app.db, request.actor, request.params.id, request.params.attachmentId);
    return reply.header('content-type', a.mimeType)
      .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(a.content);
  });
};
