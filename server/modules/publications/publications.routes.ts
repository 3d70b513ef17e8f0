/**
 * JSON API of 主动公开: catalogue trees and publications (workflow acts as sub-resources named after
 * the act: review-requests, reviews, withdrawal), attachments, evidence links.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import { readUpload } from '../../platform/uploads.ts';
import * as catalogue from './catalogue.service.ts';
import * as svc from './publications.service.ts';

const S = Type.String;
const Opt = Type.Optional;
const NStr = Type.Union([Type.String(), Type.Null()]);
const NDate = Type.Union([Type.String({ description: 'YYYY-MM-DD' }), Type.Null()]);
const Column = Type.Enum(Object.keys(svc.PLATFORM_COLUMNS) as svc.PlatformColumn[], { description: 'guide 指南 | rules 制度 | statutory 法定主动公开内容 | annualReport 年报' });
const Kind = Type.Enum(Object.keys(svc.PUBLICATION_KINDS) as svc.PublicationKind[], { description: 'general 政府信息 | normative 行政规范性文件 | policy 其他政策文件' });
const State = Type.Enum(Object.keys(svc.PUBLICATION_STATES) as svc.PublicationState[]);
const CatalogueKind = Type.Enum(Object.keys(catalogue.CATALOGUE_KINDS) as catalogue.CatalogueKind[]);

const NodeSchema = Type.Object({
  id: Type.Integer(), unitId: Type.Union([Type.Integer(), Type.Null()]), kind: S(), parentId: Type.Union([Type.Integer(), Type.Null()]), name: S(),
  code: NStr, pilotArea: NStr, sortOrder: Type.Integer(),
});
const TreeNode = Type.Unknown({ description: 'CatalogueTreeNode: {id, name, code, pilotArea, sortOrder, children}' });

export const PublicationSchema = Type.Object({
  id: Type.Integer(), unitId: Type.Integer(), unitName: S(), platformColumn: S(), kind: S(), indexNumber: NStr, title: S(), publisher: S(),
  docNumber: NStr, topic: NStr, writtenOn: NStr, madeOn: NStr, publishDueOn: NStr, publishedOn: NStr,
  timeliness: Type.Union([Type.Enum(['onTime', 'late', 'due', 'overdue']), Type.Null()]), state: S(), bodyHtml: S(),
  reviewerId: Type.Union([Type.Integer(), Type.Null()]), reviewerName: NStr, reviewNote: NStr, reviewedAt: NStr, withdrawnReason: NStr, withdrawnAt: NStr,
  createdBy: Type.Union([Type.Integer(), Type.Null()]), createdAt: S(), updatedAt: S(),
  nodes: Type.Array(Type.Object({ id: Type.Integer(), name: S() })),
  attachments: Type.Array(Type.Object({ id: Type.Integer(), fileName: S(), mimeType: S(), size: Type.Integer(), url: S() })),
  evidenceAssignmentIds: Type.Array(Type.Integer()),
});

const Fields = {
  platformColumn: Column, kind: Kind,
  title: S({ minLength: 1, maxLength: 300 }),
  publisher: Opt(NStr), docNumber: Opt(NStr), topic: Opt(NStr), writtenOn: Opt(NDate),
  madeOn: Opt(Type.Union([NDate], { description: '信息形成或变更之日：第二十六条 20 个工作日的起算日' })),
  body: Opt(S({ maxLength: 500_000, description: '正文（HTML，保存前净化）' })),
  nodeIds: Opt(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 })),
};

const AttachmentParams = Type.Object({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) });

export const publicationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['主动公开'];
  const ctags = ['主动公开目录'];

  app.get('/catalogue', {
    schema: {
      tags: ctags, summary: '目录树（政府或单位的主动公开基本目录、基层政务公开标准目录）',
      querystring: Type.Object({ unitId: Opt(Type.Integer({ minimum: 1, description: '不填为政府本级目录' })), kind: Opt(CatalogueKind) }),
      response: { 200: Type.Object({ items: Type.Array(TreeNode) }), ...errorResponses },
    },
  }, async (request) => ({ items: await catalogue.getCatalogue(app.db, { unitId: request.query.unitId ?? null, kind: request.query.kind ?? 'basic' }) }));

  app.post('/catalogue-nodes', {
    schema: {
      tags: ctags, summary: '新增目录节点（政务公开办）',
      body: Type.Object({ unitId: Opt(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])), kind: CatalogueKind, parentId: Opt(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])), name: S({ minLength: 1, maxLength: 100 }), code: Opt(NStr), pilotArea: Opt(NStr), sortOrder: Opt(Type.Integer()) }),
      response: { 201: NodeSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await catalogue.createNode(app.db, request.actor, { ...request.body, unitId: request.body.unitId ?? null, parentId: request.body.parentId ?? null })));

  app.patch('/catalogue-nodes/:id', {
    schema: { tags: ctags, summary: '修改目录节点（政务公开办）', params: IdParams, body: Type.Object({ name: Opt(S({ minLength: 1, maxLength: 100 })), code: Opt(NStr), sortOrder: Opt(Type.Integer()) }), response: { 200: NodeSchema, ...errorResponses } },
  }, async (request) => catalogue.updateNode(app.db, request.actor, request.params.id, request.body));

  app.delete('/catalogue-nodes/:id', {
    schema: { tags: ctags, summary: '删除目录节点（其下无政府信息时）', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await catalogue.deleteNode(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/publications', {
    schema: {
      tags, summary: '政府信息列表（单位看本单位，政务公开办和观察员看全部）；late=true 只看超过 20 个工作日的',
      querystring: Type.Object({
        unitId: Opt(Type.Integer({ minimum: 1 })), state: Opt(State), column: Opt(Column), kind: Opt(Kind), nodeId: Opt(Type.Integer({ minimum: 1 })),
        year: Opt(Type.Integer({ minimum: 1949, maximum: 2100 })), q: Opt(S({ maxLength: 100 })), late: Opt(Type.Boolean()), reviewing: Opt(Type.Boolean({ description: '待我审查的' })),
        assignmentId: Opt(Type.Integer({ minimum: 1 })), page: Opt(Type.Integer({ minimum: 1, default: 1 })), pageSize: Opt(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(PublicationSchema), total: Type.Integer() }), ...errorResponses },
    },
  }, async (request) => svc.listPublications(app.db, request.actor, request.query));

  app.post('/publications', {
    schema: { tags, summary: '起草政府信息', body: Type.Object({ unitId: Opt(Type.Integer({ minimum: 1 })), ...Fields }), response: { 201: PublicationSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.createPublication(app.db, request.actor, request.body as svc.PublicationInput)));

  app.get('/publications/:id', {
    schema: { tags, summary: '政府信息详情（已发布的公开可见）', params: IdParams, response: { 200: PublicationSchema, ...errorResponses } },
  }, async (request) => svc.getPublication(app.db, request.actor, request.params.id));

  app.patch('/publications/:id', {
    schema: { tags, summary: '修改草稿', params: IdParams, body: Type.Partial(Type.Object(Fields)), response: { 200: PublicationSchema, ...errorResponses } },
  }, async (request) => svc.updatePublication(app.db, request.actor, request.params.id, request.body as Partial<svc.PublicationInput>));

  app.delete('/publications/:id', {
    schema: { tags, summary: '删除从未发布的草稿', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await svc.deletePublication(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/publications/:id/reviewer-candidates', {
    schema: { tags, summary: '可指定的保密审查人（本单位管理员、政务公开办，不含起草人）', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), displayName: S(), role: S(), unitId: Type.Integer() })) }), ...errorResponses } },
  }, async (request) => ({ items: (await svc.reviewerCandidates(app.db, request.actor, request.params.id)).map(({ id, displayName, role, unitId }) => ({ id, displayName, role, unitId })) }));

  app.post('/publications/:id/review-requests', {
    schema: { tags, summary: '提交保密审查（指定审查人）', params: IdParams, body: Type.Object({ reviewerId: Type.Integer({ minimum: 1 }) }), response: { 200: PublicationSchema, ...errorResponses } },
  }, async (request) => svc.requestReview(app.db, request.actor, request.params.id, request.body.reviewerId));

  app.post('/publications/:id/reviews', {
    schema: { tags, summary: '保密审查：通过即发布（编索引号、进入检索），或退回修改', params: IdParams, body: Type.Object({ decision: Type.Enum(['approve', 'return']), note: Opt(NStr) }), response: { 200: PublicationSchema, ...errorResponses } },
  }, async (request) => svc.reviewPublication(app.db, request.actor, request.params.id, request.body.decision, request.body.note ?? null));

  app.post('/publications/:id/withdrawal', {
    schema: { tags, summary: '撤回已发布的信息（写明原因，记录保留）', params: IdParams, body: Type.Object({ reason: S({ minLength: 1, maxLength: 1000 }) }), response: { 200: PublicationSchema, ...errorResponses } },
  }, async (request) => svc.withdrawPublication(app.db, request.actor, request.params.id, request.body.reason));

  app.post('/publications/:id/attachments', {
    schema: { tags, summary: '上传附件（PDF、Word、Excel、图片；按内容识别，文字进入检索）', params: IdParams, consumes: ['multipart/form-data'], response: { 201: PublicationSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.addAttachment(app.db, request.actor, request.params.id, await readUpload(request))));

  app.get('/publications/:id/attachments/:attachmentId', {
    schema: { tags, summary: '下载附件（已发布信息的附件公开）', params: AttachmentParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses } },
  }, async (request, reply) => {
    const a = await svc.readAttachment(app.db, request.actor, request.params.id, request.params.attachmentId);
    return reply.header('content-type', a.mimeType)
      .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(a.content));
  });

  app.delete('/publications/:id/attachments/:attachmentId', {
    schema: { tags, summary: '删除草稿的附件', params: AttachmentParams, response: { 200: PublicationSchema, ...errorResponses } },
  }, async (request) => svc.deleteAttachment(app.db, request.actor, request.params.id, request.params.attachmentId));

  app.put('/publications/:id/evidence', {
    schema: { tags, summary: '标记为本单位任务分派的佐证材料（替换原有标记）', params: IdParams, body: Type.Object({ assignmentIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 }) }), response: { 200: PublicationSchema, ...errorResponses } },
  }, async (request) => svc.setEvidence(app.db, request.actor, request.params.id, request.body.assignmentIds));
};
