/**
 * JSON API of the normative register (/normative-documents: the public register, the unit's and the
 * office's changes, relations and validity changes as sub-resources named after the act), its
 * settings, and cleanup campaigns (/cleanup-campaigns: items confirmed per unit, closure).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import * as cleanup from './cleanup.service.ts';
import { CLEANUP_DECISIONS, RELATION_KINDS, VALIDITIES } from './normative.rules.ts';
import * as svc from './normative.service.ts';
import { readNormativeSettings, setNormativeSettings } from './normative.settings.ts';

const S = Type.String;
const Int = Type.Integer;
const Opt = Type.Optional;
const NStr = Type.Union([S(), Type.Null()]);
const NInt = Type.Union([Int(), Type.Null()]);
const DateStr = S({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Validity = Type.Enum([...VALIDITIES], { description: 'valid 有效 | expired 失效 | repealed 废止 | amended 修改' });
const Decision = Type.Enum([...CLEANUP_DECISIONS], { description: 'keep 继续有效 | amend 拟修改 | repeal 废止 | expire 宣布失效' });

const DocumentSchema = Type.Object({
  id: Int({ description: '政府信息（publication）编号' }), regNumber: S({ description: '登记号' }), unitId: Int(), unitName: S(), title: S(), docNumber: NStr,
  publisher: S({ description: '制定机关' }), indexNumber: NStr, publishedOn: NStr, publicationState: S(), effectiveOn: NStr, validUntil: NStr,
  validity: Validity, validityLabel: S(), validityChangedOn: NStr, validityNote: NStr, expiryAlertedAt: NStr, registeredAt: S(), url: S(),
});
const Ref = Type.Object({ id: Int(), regNumber: S(), title: S(), docNumber: NStr, publishedOn: NStr, effectiveOn: NStr, publicationState: S(), url: S() });
const DetailSchema = Type.Object({
  ...DocumentSchema.properties,
  amends: Type.Array(Ref, { description: '本文件修改的文件' }), repeals: Type.Array(Ref, { description: '本文件废止的文件' }),
  amendedBy: Type.Array(Ref, { description: '修改本文件的文件' }), repealedBy: Type.Array(Ref, { description: '废止本文件的文件' }),
});
const SettingsSchema = Type.Object({ regNumberPattern: S(), validityYears: Int(), alertDaysBefore: Int(), example: S() });
const UnitProgress = Type.Object({
  unitId: Int(), unitName: S(), total: Int(), confirmed: Int(),
  decisions: Type.Object({ keep: Int(), amend: Int(), repeal: Int(), expire: Int() }),
});
const CampaignSchema = Type.Object({
  id: Int(), title: S(), year: Int(), state: Type.Enum(['open', 'closed']), dueOn: NStr, openedAt: S(), closedAt: NStr, validListPublishedAt: NStr,
  total: Int(), confirmed: Int(), units: Type.Array(UnitProgress),
});
const ItemSchema = Type.Object({
  campaignId: Int(), documentId: Int(), unitId: Int(), unitName: S(), regNumber: S(), title: S(), docNumber: NStr, publishedOn: NStr, validity: S(), validityLabel: S(),
  validUntil: NStr, decision: Type.Union([Decision, Type.Null()]), decisionLabel: NStr, note: NStr, confirmedBy: NInt, confirmedByName: NStr, confirmedAt: NStr,
});
const ItemParams = Type.Object({ id: Int({ minimum: 1 }), documentId: Int({ minimum: 1 }) });

export const normativeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['行政规范性文件'];
  const ctags = ['行政规范性文件清理'];

  app.get('/normative-documents', {
    schema: {
      tags, summary: '行政规范性文件登记簿（已发布的，公开可见）：按制定单位、效力状态、年份筛选，按标题、文号、登记号查找',
      querystring: Type.Object({
        unitId: Opt(Int({ minimum: 1 })), validity: Opt(Validity), inForce: Opt(Type.Boolean({ description: '现行有效（有效或修改）' })),
        year: Opt(Int({ minimum: 1949, maximum: 2100, description: '发布年份' })), q: Opt(S({ maxLength: 100 })),
        page: Opt(Int({ minimum: 1, maximum: 1000, default: 1 })), pageSize: Opt(Int({ minimum: 1, maximum: 200, default: 20 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(DocumentSchema), total: Int() }), ...errorResponses },
    },
  }, async (request) => svc.listNormativeDocuments(app.db, request.query));

  app.get('/normative-documents/:id', {
    schema: { tags, summary: '登记详情：效力状态，修改、废止它的文件和它修改、废止的文件', params: IdParams, response: { 200: DetailSchema, ...errorResponses } },
  }, async (request) => svc.getNormativeDocument(app.db, request.actor, request.params.id));

  app.patch('/normative-documents/:id', {
    schema: {
      tags, summary: '修改施行日期、有效期、效力说明（制定单位或政务公开办）；有效期已过的即时失效', params: IdParams,
      body: Type.Object({ effectiveOn: Opt(DateStr), validUntil: Opt(DateStr), validityNote: Opt(Type.Union([S({ maxLength: 1000 }), Type.Null()])) }),
      response: { 200: DetailSchema, ...errorResponses },
    },
  }, async (request) => svc.updateRegistration(app.db, request.actor, request.params.id, request.body));

  app.post('/normative-documents/:id/relations', {
    schema: {
      tags, summary: '登记本文件（新文件）修改或废止的先前文件：被修改的标为“修改”，被废止的标为“废止”（制定单位或政务公开办）', params: IdParams,
      body: Type.Object({ targetId: Int({ minimum: 1, description: '被修改或废止的文件' }), kind: Type.Enum([...RELATION_KINDS], { description: 'amends 修改 | repeals 废止' }) }),
      response: { 201: DetailSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await svc.declareRelation(app.db, request.actor, request.params.id, request.body)));

  app.post('/normative-documents/:id/validity-changes', {
    schema: {
      tags, summary: '直接宣布失效或废止（政务公开办，写明依据）', params: IdParams,
      body: Type.Object({ validity: Type.Enum(['expired', 'repealed']), note: S({ minLength: 1, maxLength: 1000 }), changedOn: Opt(DateStr) }),
      response: { 200: DetailSchema, ...errorResponses },
    },
  }, async (request) => svc.setValidity(app.db, request.actor, request.params.id, request.body));

  app.get('/settings/normative', {
    schema: { tags, summary: '登记设置：登记号格式、默认有效期、到期提醒天数', response: { 200: SettingsSchema, ...errorResponses } },
  }, async (request) => readNormativeSettings(app.db, request.actor));

  app.put('/settings/normative', {
    schema: {
      tags, summary: '修改登记设置（政务公开办）：登记号格式可用 {year}、{seq} 或 {seq:4}、{unitId}',
      body: Type.Object({
        regNumberPattern: Opt(S({ minLength: 1, maxLength: 60 })), validityYears: Opt(Int({ minimum: 1, maximum: 10 })), alertDaysBefore: Opt(Int({ minimum: 0, maximum: 365 })),
      }),
      response: { 200: SettingsSchema, ...errorResponses },
    },
  }, async (request) => setNormativeSettings(app.db, request.actor, request.body));

  app.get('/cleanup-campaigns', {
    schema: { tags: ctags, summary: '清理工作列表及进度（政务公开办、观察员看各单位，单位看本单位）', response: { 200: Type.Object({ items: Type.Array(CampaignSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await cleanup.listCampaigns(app.db, request.actor) }));

  app.post('/cleanup-campaigns', {
    schema: {
      tags: ctags, summary: '开展清理（政务公开办）：现行有效的文件按制定单位生成待确认事项，并通知各单位',
      body: Type.Object({ title: S({ minLength: 1, maxLength: 200 }), year: Int({ minimum: 2000, maximum: 2100 }), dueOn: DateStr }),
      response: { 201: CampaignSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await cleanup.openCampaign(app.db, request.actor, request.body)));

  app.get('/cleanup-campaigns/:id', {
    schema: { tags: ctags, summary: '清理进度：各单位已确认数/总数及清理意见分布', params: IdParams, response: { 200: CampaignSchema, ...errorResponses } },
  }, async (request) => cleanup.getCampaign(app.db, request.actor, request.params.id));

  app.get('/cleanup-campaigns/:id/items', {
    schema: {
      tags: ctags, summary: '清理事项（单位只看本单位的）', params: IdParams,
      querystring: Type.Object({ unitId: Opt(Int({ minimum: 1 })), pending: Opt(Type.Boolean({ description: '只看未确认的' })), decision: Opt(Decision) }),
      response: { 200: Type.Object({ items: Type.Array(ItemSchema) }), ...errorResponses },
    },
  }, async (request) => ({ items: await cleanup.listItems(app.db, request.actor, request.params.id, request.query) }));

  app.put('/cleanup-campaigns/:id/items/:documentId', {
    schema: {
      tags: ctags, summary: '确认一件文件的清理意见（谁制定、谁清理；清理结束前可改）', params: ItemParams,
      body: Type.Object({ decision: Decision, note: Opt(Type.Union([S({ maxLength: 2000 }), Type.Null()])) }),
      response: { 200: ItemSchema, ...errorResponses },
    },
  }, async (request) => cleanup.confirmItem(app.db, request.actor, request.params.id, request.params.documentId, request.body));

  app.post('/cleanup-campaigns/:id/closure', {
    schema: {
      tags: ctags, summary: '结束清理（政务公开办）：执行废止、宣布失效的意见，发布现行有效目录；有未确认事项时须 force=true（未确认的保持现状）', params: IdParams,
      body: Type.Object({ force: Opt(Type.Boolean({ default: false })) }),
      response: { 200: CampaignSchema, ...errorResponses },
    },
  }, async (request) => cleanup.closeCampaign(app.db, request.actor, request.params.id, request.body));
};
