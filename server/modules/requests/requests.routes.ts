/**
 * JSON API of disclosure requests: the public application and tracking, staff registration, the
 * workflow acts (each a sub-resource named after the legal act), letters, appeals, statistics.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import { readUpload } from '../../platform/uploads.ts';
import * as svc from './requests.service.ts';
import { requestStats } from './request-stats.ts';
import { buildReplyLetter, LETTER_FAMILIES, readTemplate, setTemplate, type LetterFamily } from './reply-letters.ts';
import type { Actor } from '../../platform/actor.ts';
import { readRequestSettings, setRequestSettings } from './request-settings.ts';

const S = Type.String;
const Opt = Type.Optional;
const NStr = Type.Union([Type.String(), Type.Null()]);
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Detail = Type.Unknown({ description: 'RequestDetail: the case with clock, events, documents, appeals, allowed actions' });

const Application = {
  applicantKind: S({ description: 'person | commercial | research | publicInterest | legalService | otherOrganisation' }),
  applicantName: S({ minLength: 1, maxLength: 200 }),
  idType: Opt(NStr), idNumber: Opt(NStr), creditCode: Opt(NStr), legalRepresentative: Opt(NStr), contactPerson: Opt(NStr),
  phone: Opt(NStr), email: Opt(NStr), address: Opt(NStr),
  description: S({ minLength: 1, maxLength: 5000 }),
  formWanted: S({ description: 'paper | electronic | selfCollect' }),
  deliveryWanted: S({ description: 'post | email | onsite | online' }),
};

export const requestsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['依申请公开'];
  const ptags = ['依申请公开（公众）'];
  const rate = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  app.post('/disclosure-requests/applications', {
    schema: { tags: ptags, summary: '在线提交政府信息公开申请（无需登录）', body: Type.Object(Application), response: { 201: Type.Object({ regNumber: S(), arrivedOn: S() }), ...errorResponses } },
    config: rate,
  }, async (request, reply) => reply.status(201).send(await svc.submitOnlineApplication(app.db, request.body, { ip: request.ip })));

  app.post('/disclosure-requests/tracking', {
    schema: { tags: ptags, summary: '查询申请进度（登记号 + 申请时填写的电话或电子邮箱）：只返回状态和日期', body: Type.Object({ regNumber: S({ minLength: 1, maxLength: 100 }), contact: S({ minLength: 1, maxLength: 200 }) }), response: { 200: Type.Unknown(), ...errorResponses } },
    config: rate,
  }, async (request) => svc.trackRequest(app.db, request.body.regNumber, request.body.contact));

  app.post('/disclosure-requests/tracking/corrections', {
    schema: { tags: ptags, summary: '申请人通过进度查询提交补正', body: Type.Object({ regNumber: S({ minLength: 1 }), contact: S({ minLength: 1 }), text: S({ minLength: 1, maxLength: 5000 }) }), response: { 200: Type.Unknown(), ...errorResponses } },
    config: rate,
  }, async (request) => svc.submitCorrectionByApplicant(app.db, request.body, { ip: request.ip }));

  app.get('/disclosure-requests', {
    schema: {
      tags, summary: '申请列表（申请人信息已遮蔽）：政务公开办全部，单位只看本单位办理的',
      querystring: Type.Object({ state: Opt(S()), unitId: Opt(Type.Integer({ minimum: 1 })), from: Opt(DateStr), to: Opt(DateStr), q: Opt(S({ maxLength: 100 })), urgency: Opt(Type.Union([Type.Literal('red'), Type.Literal('amber'), Type.Literal('green')])) }),
      response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errorResponses },
    },
  }, async (request) => ({
    items: await svc.listRequests(app.db, request.actor, { state: request.query.state, handlingUnitId: request.query.unitId, receivedFrom: request.query.from, receivedTo: request.query.to, q: request.query.q, urgency: request.query.urgency }),
  }));

  app.post('/disclosure-requests', {
    schema: {
      tags, summary: '登记来信、当面、传真、电子邮件等渠道收到的申请（按《条例》第三十一条确定收到申请之日）',
      body: Type.Object({ ...Application, channel: S(), arrivedOn: DateStr, receiptConfirmedOn: Opt(Type.Union([DateStr, Type.Null()])), handlingUnitId: Opt(Type.Integer({ minimum: 1 })) }),
      response: { 201: Detail, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await svc.registerRequest(app.db, request.actor, request.body)));

  app.get('/disclosure-requests/stats', {
    schema: { tags, summary: '统计：新收、结转、办理结果（按申请人类型）、复议诉讼', querystring: Type.Object({ from: DateStr, to: DateStr, unitId: Opt(Type.Integer({ minimum: 1 })) }), response: { 200: Type.Unknown(), ...errorResponses } },
  }, async (request) => requestStats(app.db, request.actor, request.query));

  app.get('/disclosure-requests/:id', {
    schema: { tags, summary: '申请详情（办理单位和政务公开办可见申请人信息，每次查看记入审计日志）', params: IdParams, response: { 200: Detail, ...errorResponses } },
  }, async (request) => svc.getRequest(app.db, request.actor, request.params.id));

  const act = <B extends Record<string, unknown>>(path: string, summary: string, body: ReturnType<typeof Type.Object>, run: (id: number, b: B, actor: Actor) => Promise<unknown>) => {
    app.post(`/disclosure-requests/:id/${path}`, { schema: { tags, summary, params: IdParams, body, response: { 200: Detail, ...errorResponses } } },
      async (request) => run((request.params as { id: number }).id, request.body as B, request.actor));
  };

  act<{ confirmedOn: string }>('receipt-confirmations', '确认收到（在线、平常信函、电子邮件、传真：确认之日为收到申请之日）', Type.Object({ confirmedOn: DateStr }), (id, b, a) => svc.confirmReceipt(app.db, a, id, b));
  act<{ unitId: number; note?: string }>('assignments', '审核分办或转办给办理单位（政务公开办）', Type.Object({ unitId: Type.Integer({ minimum: 1 }), note: Opt(NStr) }), (id, b, a) => svc.assignRequest(app.db, a, id, b));
  act<{ onDate?: string; items: string; correctionDueOn: string }>('corrections', '一次性告知补正（收到申请之日起7个工作日内）', Type.Object({ onDate: Opt(DateStr), items: S({ minLength: 1, maxLength: 5000 }), correctionDueOn: DateStr }), (id, b, a) => svc.requestCorrection(app.db, a, id, b));
  act<{ onDate?: string; text?: string }>('corrections/received', '收到补正：答复期限自收到补正之日起重新计算', Type.Object({ onDate: Opt(DateStr), text: Opt(NStr) }), (id, b, a) => svc.receiveCorrection(app.db, a, id, b));
  act<{ onDate?: string }>('corrections/expired', '逾期不补正：视为放弃申请（其他处理）', Type.Object({ onDate: Opt(DateStr) }), (id, b, a) => svc.closeForNoCorrection(app.db, a, id, b));
  act<{ onDate?: string; party: string; kind: 'thirdParty' | 'otherAgency' }>('consultations', '征求第三方或其他机关意见（所需时间不计入答复期限）', Type.Object({ onDate: Opt(DateStr), party: S({ minLength: 1, maxLength: 200 }), kind: Type.Union([Type.Literal('thirdParty'), Type.Literal('otherAgency')]) }), (id, b, a) => svc.startConsultation(app.db, a, id, b));
  act<{ onDate?: string; result?: string }>('consultations/ended', '征求意见结束', Type.Object({ onDate: Opt(DateStr), result: Opt(NStr) }), (id, b, a) => svc.endConsultation(app.db, a, id, b));
  act<{ onDate?: string; workingDays: number; approver: string; notifiedOn: string }>('extensions', '延长答复期限（最长20个工作日，一次，须负责人同意并告知申请人）', Type.Object({ onDate: Opt(DateStr), workingDays: Type.Integer(), approver: S({ maxLength: 100 }), notifiedOn: DateStr }), (id, b, a) => svc.extendDeadline(app.db, a, id, b));
  act<{ onDate?: string; method: 'perCase' | 'perVolume'; quantity: number; receivedOn?: string }>('fee-notices', '发出信息处理费收费通知（按件或按量，金额按国办函〔2020〕109号计算）', Type.Object({ onDate: Opt(DateStr), method: Type.Union([Type.Literal('perCase'), Type.Literal('perVolume')]), quantity: Type.Integer({ minimum: 1, maximum: 100000 }), receivedOn: Opt(DateStr) }), (id, b, a) => svc.sendFeeNotice(app.db, a, id, b));
  act<{ onDate?: string; receiptNumber?: string }>('fee-payments', '记录已缴费', Type.Object({ onDate: Opt(DateStr), receiptNumber: Opt(NStr) }), (id, b, a) => svc.recordFeePaid(app.db, a, id, b));
  act<{ onDate?: string }>('fee-notices/expired', '逾期未缴费：不再处理（其他处理）', Type.Object({ onDate: Opt(DateStr) }), (id, b, a) => svc.closeForFeeNotPaid(app.db, a, id, b));
  act<{ outcome: string; text: string }>('drafts', '拟办答复：答复类型（年报的办理结果行）与答复内容', Type.Object({ outcome: S(), text: S({ minLength: 1, maxLength: 20000 }) }), (id, b, a) => svc.draftReply(app.db, a, id, b));
  act<{ approve: boolean; comment?: string }>('approvals', '签发（或退回重拟）', Type.Object({ approve: Type.Boolean(), comment: Opt(NStr) }), (id, b, a) => svc.approveReply(app.db, a, id, b));
  act<{ onDate: string; method: string }>('replies', '送达答复（邮寄以交邮之日为准）', Type.Object({ onDate: DateStr, method: S() }), (id, b, a) => svc.deliverReply(app.db, a, id, b));
  act<Record<string, never>>('archive', '归档', Type.Object({}), (id, _b, a) => svc.archiveRequest(app.db, a, id));

  app.post('/disclosure-requests/:id/documents', {
    schema: { tags, summary: '上传提供给申请人的信息（multipart 字段 file）', consumes: ['multipart/form-data'], params: IdParams, response: { 201: Type.Object({ id: Type.Integer() }), ...errorResponses } },
  }, async (request, reply) => {
    const { fileName, bytes } = await readUpload(request);
    return reply.status(201).send(await svc.addDocument(app.db, request.actor, request.params.id, { fileName, bytes, mimeType: 'application/octet-stream' }));
  });

  app.get('/disclosure-requests/:id/documents/:docId', {
    schema: { tags, summary: '下载答复材料', params: Type.Object({ id: Type.Integer({ minimum: 1 }), docId: Type.Integer({ minimum: 1 }) }), response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses } },
  }, async (request, reply) => {
    const d = await svc.getDocument(app.db, request.actor, request.params.id, request.params.docId);
    return reply.header('content-type', d.mimeType).header('content-disposition', `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`).send(Buffer.from(d.content));
  });

  app.get('/disclosure-requests/:id/reply-letter.docx', {
    schema: { tags, summary: '生成答复告知书 .docx', params: IdParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses } },
  }, async (request, reply) => {
    const f = await buildReplyLetter(app.db, request.actor, request.params.id);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="reply-${request.params.id}.docx"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.bytes);
  });

  app.post('/disclosure-requests/:id/appeals', {
    schema: {
      tags, summary: '记录行政复议或行政诉讼', params: IdParams,
      body: Type.Object({ kind: Type.Union([Type.Literal('reconsideration'), Type.Literal('litigation')]), afterReconsideration: Opt(Type.Boolean()), filedOn: DateStr, body: Opt(NStr), outcome: Opt(S()), decidedOn: Opt(Type.Union([DateStr, Type.Null()])), note: Opt(NStr) }),
      response: { 201: Type.Unknown(), ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await svc.addAppeal(app.db, request.actor, request.params.id, request.body)));

  app.patch('/appeals/:id', {
    schema: { tags, summary: '更新复议或诉讼结果', params: IdParams, body: Type.Object({ outcome: Opt(S()), decidedOn: Opt(Type.Union([DateStr, Type.Null()])), note: Opt(NStr) }), response: { 200: Type.Unknown(), ...errorResponses } },
  }, async (request) => svc.updateAppeal(app.db, request.actor, request.params.id, request.body));

  app.get('/reply-templates/:letter', {
    schema: { tags, summary: '告知书模板', params: Type.Object({ letter: Type.Union(LETTER_FAMILIES.map((l) => Type.Literal(l))) }), response: { 200: Type.Unknown(), ...errorResponses } },
  }, async (request) => readTemplate(app.db, request.actor, request.params.letter as LetterFamily));

  app.put('/reply-templates/:letter', {
    schema: { tags, summary: '修改告知书模板（政务公开办）', params: Type.Object({ letter: S() }), body: Type.Object({ title: S({ minLength: 1, maxLength: 100 }), body: S({ minLength: 1, maxLength: 20000 }) }), response: { 200: Type.Unknown(), ...errorResponses } },
  }, async (request) => setTemplate(app.db, request.actor, request.params.letter, request.body));

  app.get('/settings/requests', {
    schema: { tags, summary: '依申请公开设置（登记号格式、重复申请提示、起算规则）', response: { 200: Type.Unknown(), ...errorResponses } },
  }, async (request) => readRequestSettings(app.db, request.actor));

  app.put('/settings/requests', {
    schema: {
      tags, summary: '修改依申请公开设置（政务公开办）',
      body: Type.Object({ regNumberPattern: Opt(S({ maxLength: 100 })), duplicateWindowDays: Opt(Type.Integer()), firstDay: Opt(Type.Union([Type.Literal('nextWorkingDay'), Type.Literal('receiptDay')])), excludeFeeWaiting: Opt(Type.Boolean()), reconsiderationBody: Opt(S({ maxLength: 200 })), court: Opt(S({ maxLength: 200 })) }),
      response: { 200: Type.Unknown(), ...errorResponses },
    },
  }, async (request) => setRequestSettings(app.db, request.actor, request.body));
};
