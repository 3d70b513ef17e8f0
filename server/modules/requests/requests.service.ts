/**
 * 依申请公开: the life of a disclosure request — online application or staff registration (with the
 * receipt-date rule of 《条例》第三十一条 per channel), assignment, correction (第三十条),
 * consultation (第三十二条、第三十四条), extension (第三十三条), fees (国办函〔2020〕109号), the
 * reply with its outcome from the annual report's rows, approval, delivery, archive, and appeals.
 * The statutory clock is recomputed from the event log after every change (request-clock.ts).
 * Applicants' personal data is seen only by the handling unit and the office; every view is audited.
 */
import type { Transaction } from 'kysely';
import type { Database, DisclosureRequest } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { flag, now, parseJson } from '../../db/portable.ts';
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AppError, AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { getUnit, listUnits, unitNames } from '../directory/index.ts';
import { notifyUnit } from '../notifications/index.ts';
import { APPEAL_OUTCOMES, APPLICANT_KINDS, CHANNELS, OUTCOME_BY_CODE, type Channel } from './domain/outcomes.ts';
import { clockOf, computeClock, type ClockView } from './request-clock.ts';
import { maskIdNumber, maskPhone, validateApplicant } from './request-validation.ts';
import { perCaseFee, perVolumeFee } from './domain/fees.ts';
import * as repo from './requests.repository.ts';
import { getRequestSettings } from './request-settings.ts';
import { ACTION_LABELS, canMove, OPEN_STATES, REQUEST_STATES, TRANSITIONS, type RequestAction, type RequestState } from './requests.states.ts';

// ---- policies ----

/** The office sees every request; a unit sees the requests it handles; observers see masked lists. */
export function canSeeRequest(actor: Actor, r: { handlingUnitId: number }): boolean {
  return canReadAll(actor) || (actor.kind === 'user' && actor.unitId === r.handlingUnitId);
}

/** Personal data: the office and the handling unit only (not observers). */
export function canSeePersonalData(actor: Actor, r: { handlingUnitId: number }): boolean {
  return isOfficeLike(actor) || (actor.kind === 'user' && actor.role !== 'observer' && actor.unitId === r.handlingUnitId);
}

export function canHandle(actor: Actor, r: { handlingUnitId: number }): boolean {
  return canSeePersonalData(actor, r);
}

/** 签发: the office, or the handling unit's admin (its head's delegate). */
export function canApprove(actor: Actor, r: { handlingUnitId: number }): boolean {
  return isOfficeLike(actor) || (actor.kind === 'user' && actor.role === 'unitAdmin' && actor.unitId === r.handlingUnitId);
}

// ---- views ----

export interface RequestListItem {
  id: number;
  regNumber: string;
  state: string;
  stateLabel: string;
  channel: string;
  channelLabel: string;
  handlingUnitId: number;
  handlingUnitName: string;
  applicantKind: string;
  applicantKindLabel: string;
  /** masked (e.g. 张*) */
  applicantName: string;
  arrivedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  daysLeft: number | null;
  urgency: 'red' | 'amber' | 'green' | 'none';
  outcome: string | null;
  outcomeLabel: string | null;
  repliedOn: string | null;
  possibleDuplicates: number[];
  descriptionPreview: string;
}

export interface RequestDetail extends Omit<RequestListItem, 'applicantName'> {
  applicant: {
    kind: string; name: string; idType: string | null; idNumber: string | null; creditCode: string | null; legalRepresentative: string | null;
    contactPerson: string | null; phone: string | null; email: string | null; address: string | null; masked: boolean;
  };
  description: string;
  formWanted: string;
  deliveryWanted: string;
  receiptConfirmedOn: string | null;
  replyText: string | null;
  replyMethod: string | null;
  clock: ClockView;
  events: { id: number; type: string; label: string; onDate: string; data: unknown; createdAt: string }[];
  documents: { id: number; kind: string; fileName: string; mimeType: string; size: number }[];
  appeals: AppealView[];
  allowedActions: RequestAction[];
}

export interface AppealView {
  id: number;
  kind: string;
  kindLabel: string;
  afterReconsideration: boolean;
  filedOn: string;
  body: string | null;
  outcome: string;
  outcomeLabel: string;
  decidedOn: string | null;
  note: string | null;
}

function maskName(name: string): string {
  if (name.length <= 1) return '*';
  return name.length <= 3 ? `${name[0]}${'*'.repeat(name.length - 1)}` : `${name.slice(0, 2)}${'*'.repeat(Math.min(4, name.length - 2))}`;
}

function urgency(dueOn: string | null, open: boolean): { daysLeft: number | null; urgency: RequestListItem['urgency'] } {
  if (!open || !dueOn) return { daysLeft: null, urgency: 'none' };
  const days = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000);
  return { daysLeft: days, urgency: days < 0 ? 'red' : days <= 5 ? 'amber' : 'green' };
}

function listItem(r: DisclosureRequest, unitName: string): RequestListItem {
  const open = (OPEN_STATES as readonly string[]).includes(r.state);
  const o = r.outcome ? OUTCOME_BY_CODE.get(r.outcome) : undefined;
  return {
    id: r.id, regNumber: r.regNumber, state: r.state, stateLabel: REQUEST_STATES[r.state as RequestState] ?? r.state,
    channel: r.channel, channelLabel: CHANNELS[r.channel as Channel]?.label ?? r.channel, handlingUnitId: r.handlingUnitId, handlingUnitName: unitName,
    applicantKind: r.applicantKind, applicantKindLabel: APPLICANT_KINDS[r.applicantKind as keyof typeof APPLICANT_KINDS] ?? r.applicantKind,
    applicantName: r.applicantKind === 'person' ? maskName(r.applicantName) : r.applicantName,
    arrivedOn: r.arrivedOn, receivedOn: r.receivedOn, dueOn: r.dueOn, ...urgency(r.dueOn, open),
    outcome: r.outcome, outcomeLabel: o ? (o.group === o.label ? o.label : `${o.group}${o.label}`) : null, repliedOn: r.repliedOn,
    possibleDuplicates: parseJson<number[]>(r.duplicateOf, []), descriptionPreview: r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description,
  };
}

function presentAppeal(a: { id: number; kind: string; afterReconsideration: number; filedOn: string; body: string | null; outcome: string; decidedOn: string | null; note: string | null }): AppealView {
  return {
    id: a.id, kind: a.kind, kindLabel: a.kind === 'reconsideration' ? '行政复议' : '行政诉讼', afterReconsideration: a.afterReconsideration === 1,
    filedOn: a.filedOn, body: a.body, outcome: a.outcome, outcomeLabel: APPEAL_OUTCOMES[a.outcome as keyof typeof APPEAL_OUTCOMES] ?? a.outcome,
    decidedOn: a.decidedOn, note: a.note,
  };
}

// ---- intake ----

export interface ApplicationInput {
  applicantKind: string;
  applicantName: string;
  idType?: string | null;
  idNumber?: string | null;
  creditCode?: string | null;
  legalRepresentative?: string | null;
  contactPerson?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  description: string;
  formWanted: string;
  deliveryWanted: string;
}

export const FORMS_WANTED = { paper: '纸质', electronic: '电子', selfCollect: '自行领取' } as const;
export const DELIVERY_WANTED = { post: '邮寄', email: '电子邮件', onsite: '当面领取', online: '网上获取' } as const;

function checkApplication(input: ApplicationInput): void {
  if (!Object.hasOwn(APPLICANT_KINDS, input.applicantKind)) throw new ValidationError('REQUEST_INVALID_APPLICANT_KIND', `申请人类型不正确：${input.applicantKind}`);
  if (!input.applicantName?.trim()) throw new ValidationError('REQUEST_APPLICANT_NAME_REQUIRED', '请填写申请人姓名或名称');
  if (!input.description?.trim()) throw new ValidationError('REQUEST_DESCRIPTION_REQUIRED', '请填写所需政府信息的名称、文号或者便于查询的其他特征性描述');
  if (!Object.hasOwn(FORMS_WANTED, input.formWanted)) throw new ValidationError('REQUEST_INVALID_FORM', `获取信息的形式不正确：${input.formWanted}`);
  if (!Object.hasOwn(DELIVERY_WANTED, input.deliveryWanted)) throw new ValidationError('REQUEST_INVALID_DELIVERY', `获取信息的方式不正确：${input.deliveryWanted}`);
  if (!input.phone?.trim() && !input.email?.trim() && !input.address?.trim()) throw new ValidationError('REQUEST_CONTACT_REQUIRED', '请至少填写一种联系方式（电话、电子邮箱或通信地址）');
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) throw new ValidationError('REQUEST_INVALID_EMAIL', `电子邮箱格式不正确：${input.email}`);
  if (input.phone && !/^[0-9+\-\s()]{5,20}$/.test(input.phone.trim())) throw new ValidationError('REQUEST_INVALID_PHONE', `电话号码格式不正确：${input.phone}`);
  validateApplicant(input);
}

function bigrams(s: string): Set<string> {
  const t = s.replace(/[\s，。、；：“”（）,.;:()]/g, '');
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  return out;
}

/**
 * Similarity of two descriptions: the overlap coefficient of their character bigrams (shared bigrams
 * over the smaller set), so an application repeated with additions (or a correction appended) still
 * matches.
 */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / Math.min(x.size, y.size);
}

async function flagDuplicates(trx: Transaction<Database>, r: DisclosureRequest): Promise<number[]> {
  const settings = await getRequestSettings(trx);
  const since = new Date(`${r.arrivedOn}T00:00:00Z`);
  since.setUTCDate(since.getUTCDate() - settings.duplicateWindowDays);
  const earlier = await repo.findSameApplicant(trx, r, since.toISOString().slice(0, 10));
  return earlier.filter((e) => e.id !== r.id && similarity(e.description, r.description) >= 0.6).map((e) => e.id);
}

async function newRequest(
  trx: Transaction<Database>, input: ApplicationInput & { channel: Channel; arrivedOn: string; receiptConfirmedOn: string | null; handlingUnitId: number; createdBy: number | null },
): Promise<DisclosureRequest> {
  const settings = await getRequestSettings(trx);
  const year = Number(input.arrivedOn.slice(0, 4));
  const seq = await repo.nextSeq(trx, year);
  const regNumber = settings.regNumberPattern.replace('{year}', String(year)).replace('{seq}', String(seq));
  const rule = CHANNELS[input.channel].receipt;
  const receivedOn = rule === 'arrival' ? input.arrivedOn : input.receiptConfirmedOn;
  const at = now();
  const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  const r = await repo.insertRequest(trx, {
    regNumber, year, seq, handlingUnitId: input.handlingUnitId, state: receivedOn ? 'registered' : 'awaitingConfirmation', channel: input.channel,
    arrivedOn: input.arrivedOn, receiptConfirmedOn: rule === 'confirmation' ? input.receiptConfirmedOn : null, receivedOn,
    applicantKind: input.applicantKind, applicantName: input.applicantName.trim(), idType: clean(input.idType), idNumber: clean(input.idNumber)?.toUpperCase() ?? null,
    creditCode: clean(input.creditCode)?.toUpperCase() ?? null, legalRepresentative: clean(input.legalRepresentative), contactPerson: clean(input.contactPerson),
    phone: clean(input.phone), email: clean(input.email), address: clean(input.address), description: input.description.trim(),
    formWanted: input.formWanted, deliveryWanted: input.deliveryWanted, dueOn: null, outcome: null, replyText: null, repliedOn: null, replyMethod: null,
    archivedAt: null, createdBy: input.createdBy, createdAt: at, updatedAt: at,
  });
  await repo.insertEvent(trx, { requestId: r.id, type: 'registered', onDate: input.arrivedOn, data: { channel: input.channel }, actorUserId: input.createdBy, createdAt: at });
  if (receivedOn) await repo.insertEvent(trx, { requestId: r.id, type: 'received', onDate: receivedOn, actorUserId: input.createdBy, createdAt: at });
  const dups = await flagDuplicates(trx, r);
  return refreshClock(trx, { ...r }, { duplicateOf: JSON.stringify(dups) });
}

/** Recomputes the clock from the events and stores the due date (and any extra fields). */
async function refreshClock(trx: Transaction<Database>, r: DisclosureRequest, patch: Partial<DisclosureRequest> = {}): Promise<DisclosureRequest> {
  const merged = { ...r, ...patch };
  let dueOn: string | null = null;
  try {
    // The engine refuses event sequences the regulation forbids: that rolls the change back.
    dueOn = computeClock(merged, await repo.findEvents(trx, r.id), await getRequestSettings(trx)).dueOn;
  } catch (e) {
    // A year without calendar data must not stop a registration: the case shows the problem instead.
    if (!(e instanceof AppError && e.code === 'CALENDAR_YEAR_MISSING')) throw e;
  }
  return repo.updateRequest(trx, r.id, { ...patch, dueOn, updatedAt: now() });
}

async function officeUnitId(db: Db | Transaction<Database>): Promise<number> {
  const offices = await listUnits(db as Db, { kind: 'office' });
  if (!offices[0]) throw new ConflictError('REQUEST_NO_OFFICE', '单位名录中没有政府办公室（政务公开办），无法受理申请');
  return offices[0].id;
}

/**
 * The public online application (no login). Its receipt date is the day both sides confirm it
 * (《条例》第三十一条): the office confirms receipt, which starts the clock. Returns the number the
 * applicant tracks it by.
 */
export async function submitOnlineApplication(db: Db, input: ApplicationInput, meta: { ip?: string }): Promise<{ regNumber: string; arrivedOn: string }> {
  checkApplication(input);
  const r = await db.transaction().execute(async (trx) => {
    const req = await newRequest(trx, { ...input, channel: 'online', arrivedOn: today(), receiptConfirmedOn: null, handlingUnitId: await officeUnitId(trx), createdBy: null });
    await recordAudit(trx, { kind: 'anonymous', ip: meta.ip }, { action: 'submit_disclosure_request', resourceType: 'disclosureRequest', resourceId: req.id, after: { regNumber: req.regNumber, channel: 'online' } });
    await notifyUnit(trx, req.handlingUnitId, { title: '收到政府信息公开申请', body: `在线申请 ${req.regNumber} 待确认收到`, link: '/admin/requests' });
    return req;
  });
  return { regNumber: r.regNumber, arrivedOn: r.arrivedOn };
}

/**
 * Staff registration of an application received by letter, in person, fax, e-mail or orally. For
 * channels whose receipt date is a confirmation (ordinary letters, online, e-mail, fax), the
 * confirmation date is required to start the clock; without it the request waits for confirmation.
 */
export async function registerRequest(
  db: Db, actor: Actor, input: ApplicationInput & { channel: string; arrivedOn: string; receiptConfirmedOn?: string | null; handlingUnitId?: number },
): Promise<RequestDetail> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (actor.kind === 'user' && actor.role === 'observer') throw new ForbiddenError('REQUEST_FORBIDDEN', '观察员不能登记申请');
  if (!Object.hasOwn(CHANNELS, input.channel)) throw new ValidationError('REQUEST_INVALID_CHANNEL', `收件渠道不正确：${input.channel}`);
  checkApplication(input);
  assertDate(input.arrivedOn, '收件日期');
  if (input.arrivedOn > today()) throw new ValidationError('REQUEST_DATE_IN_FUTURE', '收件日期不能晚于今天');
  if (input.receiptConfirmedOn) {
    assertDate(input.receiptConfirmedOn, '确认收到日期');
    if (input.receiptConfirmedOn < input.arrivedOn) throw new ValidationError('REQUEST_INVALID_DATE', '确认收到日期不能早于收件日期');
  }
  const handlingUnitId = isOfficeLike(actor) ? (input.handlingUnitId ?? (await officeUnitId(db))) : (actor as { unitId: number }).unitId;
  if (!(await getUnit(db, handlingUnitId))) throw new ValidationError('REQUEST_UNIT_NOT_FOUND', `办理单位不存在：${handlingUnitId}`);
  const r = await db.transaction().execute(async (trx) => {
    const req = await newRequest(trx, {
      ...input, channel: input.channel as Channel, receiptConfirmedOn: input.receiptConfirmedOn ?? null, handlingUnitId, createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(trx, actor, { action: 'register_disclosure_request', resourceType: 'disclosureRequest', resourceId: req.id, after: { regNumber: req.regNumber, channel: req.channel, arrivedOn: req.arrivedOn, receivedOn: req.receivedOn } });
    return req;
  });
  return getRequest(db, actor, r.id);
}

function assertDate(s: string, what: string): void {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
  if (!ok) throw new ValidationError('REQUEST_INVALID_DATE', `${what}不是有效日期：${s}`);
}

// ---- reading ----

/** Requests the actor may see, with applicants masked. */
export async function listRequests(db: Db, actor: Actor, f: repo.RequestFilter & { urgency?: string }): Promise<RequestListItem[]> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  const filter = canReadAll(actor) ? f : { ...f, handlingUnitId: (actor as { unitId: number }).unitId };
  const rows = await repo.findRequests(db, filter);
  const names = await unitNames(db, [...new Set(rows.map((r) => r.handlingUnitId))]);
  const items = rows.map((r) => listItem(r, names.get(r.handlingUnitId)?.shortName ?? names.get(r.handlingUnitId)?.name ?? ''));
  return f.urgency ? items.filter((i) => i.urgency === f.urgency) : items;
}

async function loadVisible(db: Db | Transaction<Database>, actor: Actor, id: number): Promise<DisclosureRequest> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  const r = await repo.findRequestById(db, id);
  if (!r) throw new NotFoundError('REQUEST_NOT_FOUND', `申请不存在：${id}`);
  if (!canSeeRequest(actor, r)) throw new ForbiddenError('REQUEST_FORBIDDEN', '只能查看本单位办理的申请');
  return r;
}

/** One request with its clock, events, documents and appeals. Seeing personal data is audited. */
export async function getRequest(db: Db, actor: Actor, id: number): Promise<RequestDetail> {
  const r = await loadVisible(db, actor, id);
  const personal = canSeePersonalData(actor, r);
  const [events, documents, appeals, names] = await Promise.all([repo.findEvents(db, id), repo.findDocuments(db, id), repo.findAppeals(db, [id]), unitNames(db, [r.handlingUnitId])]);
  const base = listItem(r, names.get(r.handlingUnitId)?.shortName ?? names.get(r.handlingUnitId)?.name ?? '');
  if (personal) await recordAudit(db, actor, { action: 'view_applicant_data', resourceType: 'disclosureRequest', resourceId: id });
  const { applicantName: _masked, ...rest } = base;
  void _masked;
  return {
    ...rest,
    applicant: personal
      ? { kind: r.applicantKind, name: r.applicantName, idType: r.idType, idNumber: r.idNumber, creditCode: r.creditCode, legalRepresentative: r.legalRepresentative, contactPerson: r.contactPerson, phone: r.phone, email: r.email, address: r.address, masked: false }
      : { kind: r.applicantKind, name: base.applicantName, idType: r.idType, idNumber: r.idNumber ? maskIdNumber(r.idNumber) : null, creditCode: r.creditCode, legalRepresentative: null, contactPerson: null, phone: r.phone ? maskPhone(r.phone) : null, email: null, address: null, masked: true },
    description: r.description, formWanted: r.formWanted, deliveryWanted: r.deliveryWanted, receiptConfirmedOn: r.receiptConfirmedOn,
    replyText: r.replyText, replyMethod: r.replyMethod,
    clock: clockOf(r, events, await getRequestSettings(db)),
    events: events.map((e) => ({ id: e.id, type: e.type, label: EVENT_LABELS[e.type] ?? e.type, onDate: e.onDate, data: parseJson(e.data, {}), createdAt: e.createdAt })),
    documents, appeals: appeals.map(presentAppeal),
    allowedActions: personal ? allowedActions(actor, r, events) : [],
  };
}

/** The acts this actor may take now: by state, role, and what has happened (once-only acts, fees). */
function allowedActions(actor: Actor, r: DisclosureRequest, events: { type: string }[]): RequestAction[] {
  const has = (t: string) => events.some((e) => e.type === t);
  return (Object.keys(TRANSITIONS) as RequestAction[]).filter((a) => {
    if (!canMove(r.state, a)) return false;
    switch (a) {
      case 'approveReply':
      case 'rejectReply':
        return canApprove(actor, r);
      case 'assign':
        return isOfficeLike(actor);
      case 'requestCorrection':
        return !has('correctionRequested');
      case 'extend':
        return !has('extended');
      case 'sendFeeNotice':
        return !has('feeNoticed');
      case 'recordFeePaid':
      case 'closeFeeNotPaid':
        return has('feeNoticed') && !has('feePaid');
      default:
        return true;
    }
  });
}

const EVENT_LABELS: Record<string, string> = {
  registered: '登记', received: '收到申请（起算）', receiptConfirmed: '确认收到', assigned: '分办', transferred: '转办', correctionRequested: '告知补正', correctionReceived: '收到补正',
  correctionExpired: '逾期不补正', consultationStarted: '开始征求意见', consultationEnded: '征求意见结束', extended: '延期答复', feeNoticed: '发出收费通知',
  feePaid: '已缴费', feeExpired: '逾期未缴费', drafted: '拟办答复', approved: '签发', rejected: '退回重拟', replied: '送达答复', archived: '归档', appealFiled: '复议/诉讼',
};

// ---- the workflow ----

interface MoveInput {
  onDate?: string;
  data?: Record<string, unknown>;
}

/**
 * Applies one workflow action: checks who may, that the state allows it, writes the event, moves the
 * state (only if still in the state read: concurrent handlers get a conflict), recomputes the clock.
 */
async function move(
  db: Db, actor: Actor, id: number, action: RequestAction, input: MoveInput,
  apply: (trx: Transaction<Database>, r: DisclosureRequest, onDate: string) => Promise<{ event: string; patch?: Partial<DisclosureRequest>; data?: Record<string, unknown> }>,
): Promise<RequestDetail> {
  await db.transaction().execute(async (trx) => {
    const r = await loadVisible(trx, actor, id);
    const allowed = action === 'approveReply' || action === 'rejectReply' ? canApprove(actor, r) : action === 'assign' ? isOfficeLike(actor) : canHandle(actor, r);
    if (!allowed) throw new ForbiddenError('REQUEST_FORBIDDEN', `无权执行“${ACTION_LABELS[action]}”`);
    if (!canMove(r.state, action)) {
      throw new ConflictError('REQUEST_INVALID_TRANSITION', `申请当前状态为“${REQUEST_STATES[r.state as RequestState] ?? r.state}”，不能${ACTION_LABELS[action]}`);
    }
    const onDate = input.onDate ?? today();
    assertDate(onDate, '日期');
    if (onDate > today()) throw new ValidationError('REQUEST_DATE_IN_FUTURE', '日期不能晚于今天');
    if (r.receivedOn && onDate < r.receivedOn && action !== 'confirmReceipt') throw new ValidationError('REQUEST_INVALID_DATE', `日期不能早于收到申请之日（${r.receivedOn}）`);
    const result = await apply(trx, r, onDate);
    const to = TRANSITIONS[action].to ?? r.state;
    const at = now();
    const ok = await repo.updateIfState(trx, id, r.state, { ...result.patch, state: to, updatedAt: at });
    if (!ok) throw new ConflictError('REQUEST_CHANGED', '该申请刚刚已被其他人处理，请刷新后重试');
    await repo.insertEvent(trx, { requestId: id, type: result.event, onDate, data: { ...input.data, ...result.data }, actorUserId: actor.kind === 'user' ? actor.userId : null, createdAt: at });
    const after = (await repo.findRequestById(trx, id))!;
    await refreshClock(trx, after);
    await recordAudit(trx, actor, { action: `request_${action}`, resourceType: 'disclosureRequest', resourceId: id, before: { state: r.state }, after: { state: to, event: result.event, onDate, ...result.data } });
  });
  return getRequest(db, actor, id);
}

/** Confirms receipt (online, ordinary letter, e-mail, fax): the confirmation day is the receipt date (第三十一条). */
export function confirmReceipt(db: Db, actor: Actor, id: number, input: { confirmedOn: string }) {
  return move(db, actor, id, 'confirmReceipt', { onDate: input.confirmedOn }, async (trx, r, onDate) => {
    if (onDate < r.arrivedOn) throw new ValidationError('REQUEST_INVALID_DATE', `确认收到日期不能早于收件日期（${r.arrivedOn}）`);
    await repo.insertEvent(trx, { requestId: id, type: 'received', onDate, actorUserId: actor.kind === 'user' ? actor.userId : null, createdAt: now() });
    return { event: 'receiptConfirmed', patch: { receiptConfirmedOn: onDate, receivedOn: onDate } };
  });
}

/** 审核: the office assigns the request to the unit that holds the information (or transfers it). */
export function assignRequest(db: Db, actor: Actor, id: number, input: { unitId: number; note?: string | null }) {
  return move(db, actor, id, 'assign', { data: { note: input.note ?? null } }, async (trx, r) => {
    const unit = await getUnit(trx, input.unitId);
    if (!unit) throw new ValidationError('REQUEST_UNIT_NOT_FOUND', `办理单位不存在：${input.unitId}`);
    await notifyUnit(trx, input.unitId, { title: '政府信息公开申请待办理', body: `申请 ${r.regNumber} 已分办给本单位办理，答复期限请见办理页面`, link: `/admin/requests/${r.id}`, external: true });
    return { event: r.handlingUnitId === input.unitId ? 'assigned' : 'transferred', patch: { handlingUnitId: input.unitId }, data: { fromUnitId: r.handlingUnitId, toUnitId: input.unitId } };
  });
}

/**
 * 补正 (第三十条): asked once, listing everything, within 7 working days of receipt (a late one is
 * flagged on the clock); the applicant's correction period is recorded. A second one is refused.
 */
export function requestCorrection(db: Db, actor: Actor, id: number, input: { onDate?: string; items: string; correctionDueOn: string }) {
  return move(db, actor, id, 'requestCorrection', { onDate: input.onDate, data: { items: input.items, correctionDueOn: input.correctionDueOn } }, async (trx, r, onDate) => {
    if (!input.items.trim()) throw new ValidationError('REQUEST_CORRECTION_ITEMS_REQUIRED', '请一次性列明需要补正的全部事项');
    assertDate(input.correctionDueOn, '补正期限');
    if (input.correctionDueOn <= onDate) throw new ValidationError('REQUEST_INVALID_DATE', '补正期限须晚于告知补正的日期');
    const events = await repo.findEvents(trx, id);
    if (events.some((e) => e.type === 'correctionRequested')) throw new ConflictError('REQUEST_CORRECTION_ONCE', '补正只能一次性告知（《条例》第三十条），本申请已告知过补正');
    // A late request for correction is recorded as what happened; the clock lists it as a violation of
    // 第三十条 (the record must show it) rather than the system refusing to record a letter already sent.
    return { event: 'correctionRequested' };
  });
}

/** The applicant's correction arrived: the 20 working days start again from its receipt (第三十条). */
export function receiveCorrection(db: Db, actor: Actor, id: number, input: { onDate?: string; text?: string | null }) {
  return move(db, actor, id, 'receiveCorrection', { onDate: input.onDate, data: { text: input.text ?? null } }, async () => ({ event: 'correctionReceived' }));
}

/** No correction by the deadline: the application is treated as withdrawn (第三十条), counted as 其他处理. */
export function closeForNoCorrection(db: Db, actor: Actor, id: number, input: { onDate?: string }) {
  return move(db, actor, id, 'closeNoCorrection', { onDate: input.onDate }, async (trx, _r, onDate) => {
    const asked = (await repo.findEvents(trx, id)).find((e) => e.type === 'correctionRequested');
    const due = parseJson<{ correctionDueOn?: string }>(asked?.data, {}).correctionDueOn;
    if (due && onDate <= due) throw new ValidationError('REQUEST_CORRECTION_NOT_EXPIRED', `补正期限（${due}）尚未届满`);
    return { event: 'correctionExpired', patch: { outcome: 'other.noCorrection', repliedOn: onDate } };
  });
}

/** 征求意见 of a third party or another agency (第三十二条、第三十四条): the time does not count (第三十三条第三款). */
export function startConsultation(db: Db, actor: Actor, id: number, input: { onDate?: string; party: string; kind: 'thirdParty' | 'otherAgency' }) {
  return move(db, actor, id, 'startConsultation', { onDate: input.onDate, data: { party: input.party, kind: input.kind } }, async () => {
    if (!input.party.trim()) throw new ValidationError('REQUEST_CONSULTATION_PARTY_REQUIRED', '请填写征求意见的对象');
    return { event: 'consultationStarted' };
  });
}

export function endConsultation(db: Db, actor: Actor, id: number, input: { onDate?: string; result?: string | null }) {
  return move(db, actor, id, 'endConsultation', { onDate: input.onDate, data: { result: input.result ?? null } }, async () => ({ event: 'consultationEnded' }));
}

/** 延期 (第三十三条): at most 20 more working days, once, approved by the head of the office; the applicant told. */
export function extendDeadline(db: Db, actor: Actor, id: number, input: { onDate?: string; workingDays: number; approver: string; notifiedOn: string }) {
  return move(db, actor, id, 'extend', { onDate: input.onDate, data: { workingDays: input.workingDays, approver: input.approver, notifiedOn: input.notifiedOn } }, async (trx, r, onDate) => {
    if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > 20) {
      throw new ValidationError('REQUEST_EXTENSION_TOO_LONG', `延长答复期限最长不得超过20个工作日（《条例》第三十三条），申请延长${input.workingDays}个工作日`);
    }
    if (!input.approver.trim()) throw new ValidationError('REQUEST_EXTENSION_APPROVER_REQUIRED', '延期须经政府信息公开工作机构负责人同意，请填写批准人');
    assertDate(input.notifiedOn, '告知申请人日期');
    const events = await repo.findEvents(trx, id);
    if (events.some((e) => e.type === 'extended')) throw new ConflictError('REQUEST_EXTENSION_ONCE', '答复期限只能延长一次（《条例》第三十三条），本申请已延期');
    const clock = clockOf(r, events, await getRequestSettings(trx));
    if (clock.dueOn && onDate > clock.dueOn) throw new ValidationError('REQUEST_EXTENSION_TOO_LATE', `延期须在答复期限（${clock.dueOn}）届满前决定`);
    return { event: 'extended' };
  });
}

/**
 * 收费通知 (国办函〔2020〕109号): the 信息处理费 is computed here — per case (the applicant's cases this
 * calendar month: its other applications received this month count first) or per volume (pages) —
 * and the breakdown is kept with the notice; payment is due within 20 working days from the day after
 * the applicant received the notice (`receivedOn`, by default the day it was sent: in person or online).
 */
export async function sendFeeNotice(db: Db, actor: Actor, id: number, input: { onDate?: string; method: 'perCase' | 'perVolume'; quantity: number; receivedOn?: string | null }) {
  const r0 = await loadVisible(db, actor, id);
  const month = (input.onDate ?? today()).slice(0, 7);
  const sameApplicant = (await repo.findSameApplicant(db, r0, `${month}-01`)).filter((x) => x.id !== id && x.receivedOn && x.receivedOn.slice(0, 7) === month && x.receivedOn <= (r0.receivedOn ?? x.receivedOn));
  const fee = input.method === 'perCase' ? perCaseFee({ cases: input.quantity, earlierCasesThisMonth: sameApplicant.length }) : perVolumeFee({ pages: input.quantity });
  if (fee.totalYuan <= 0) throw new ValidationError('REQUEST_FEE_FREE', `按规定不收费：${fee.explanation.join('')}`);
  return move(db, actor, id, 'sendFeeNotice', { onDate: input.onDate, data: { method: input.method, quantity: input.quantity, amount: fee.totalYuan, explanation: fee.explanation, receivedOn: input.receivedOn ?? input.onDate ?? today() } }, async (trx) => {
    if ((await repo.findEvents(trx, id)).some((e) => e.type === 'feeNoticed')) throw new ConflictError('REQUEST_FEE_ONCE', '本申请已发出收费通知');
    return { event: 'feeNoticed' };
  });
}

export function recordFeePaid(db: Db, actor: Actor, id: number, input: { onDate?: string; receiptNumber?: string | null }) {
  return move(db, actor, id, 'recordFeePaid', { onDate: input.onDate, data: { receiptNumber: input.receiptNumber ?? null } }, async (trx) => {
    if (!(await repo.findEvents(trx, id)).some((e) => e.type === 'feeNoticed')) throw new ConflictError('REQUEST_NO_FEE_NOTICE', '本申请没有收费通知');
    return { event: 'feePaid' };
  });
}

export function closeForFeeNotPaid(db: Db, actor: Actor, id: number, input: { onDate?: string }) {
  return move(db, actor, id, 'closeFeeNotPaid', { onDate: input.onDate }, async (trx, r, onDate) => {
    const events = await repo.findEvents(trx, id);
    if (!events.some((e) => e.type === 'feeNoticed')) throw new ConflictError('REQUEST_NO_FEE_NOTICE', '本申请没有收费通知');
    if (events.some((e) => e.type === 'feePaid')) throw new ConflictError('REQUEST_FEE_PAID', '申请人已缴费');
    const clock = clockOf(r, events, await getRequestSettings(trx));
    if (clock.feePaymentDueOn && onDate <= clock.feePaymentDueOn) throw new ValidationError('REQUEST_FEE_NOT_EXPIRED', `缴费期限（${clock.feePaymentDueOn}）尚未届满`);
    return { event: 'feeExpired', patch: { outcome: 'other.feeNotPaid', repliedOn: onDate } };
  });
}

/** 办理: the handler drafts the reply with its outcome (a row of the annual report). */
export function draftReply(db: Db, actor: Actor, id: number, input: { outcome: string; text: string }) {
  return move(db, actor, id, 'draftReply', { data: { outcome: input.outcome } }, async (trx) => {
    const o = OUTCOME_BY_CODE.get(input.outcome);
    if (!o) throw new ValidationError('REQUEST_INVALID_OUTCOME', `答复类型不正确：${input.outcome}`);
    if (!input.text.trim()) throw new ValidationError('REQUEST_REPLY_TEXT_REQUIRED', '请填写答复内容');
    const events = await repo.findEvents(trx, id);
    if (o.code === 'other.noCorrection' || o.code === 'other.feeNotPaid') {
      throw new ValidationError('REQUEST_OUTCOME_NOT_FOR_STATE', `“${o.label}”由“逾期不补正终止”或“逾期未缴费终止”记录，不能作为拟办答复`);
    }
    if (o.code === 'unable.unclearAfterCorrection' && !events.some((e) => e.type === 'correctionReceived')) {
      throw new ValidationError('REQUEST_OUTCOME_NOT_FOR_STATE', '“补正后申请内容仍不明确”只适用于已收到补正的申请');
    }
    return { event: 'drafted', patch: { outcome: o.code, replyText: input.text.trim() } };
  });
}

/** 签发: approve the draft (or return it for redrafting with a comment). */
export function approveReply(db: Db, actor: Actor, id: number, input: { approve: boolean; comment?: string | null }) {
  if (input.approve) return move(db, actor, id, 'approveReply', { data: { comment: input.comment ?? null } }, async () => ({ event: 'approved' }));
  return move(db, actor, id, 'rejectReply', { data: { comment: input.comment ?? null } }, async () => {
    if (!input.comment?.trim()) throw new ValidationError('REQUEST_REJECT_COMMENT_REQUIRED', '退回重拟时请写明意见');
    return { event: 'rejected' };
  });
}

/** 答复: delivery date and method; by post it counts on the day handed to the post (国办公开办函〔2016〕235号). */
export function deliverReply(db: Db, actor: Actor, id: number, input: { onDate: string; method: string }) {
  return move(db, actor, id, 'deliverReply', { onDate: input.onDate, data: { method: input.method } }, async () => {
    if (!['post', 'inPerson', 'email', 'online', 'otherAgency'].includes(input.method)) throw new ValidationError('REQUEST_INVALID_REPLY_METHOD', `送达方式不正确：${input.method}`);
    return { event: 'replied', patch: { repliedOn: input.onDate, replyMethod: input.method } };
  });
}

export function archiveRequest(db: Db, actor: Actor, id: number) {
  return move(db, actor, id, 'archive', {}, async () => ({ event: 'archived', patch: { archivedAt: now() } }));
}

// ---- appeals ----

export async function addAppeal(
  db: Db, actor: Actor, id: number, input: { kind: 'reconsideration' | 'litigation'; afterReconsideration?: boolean; filedOn: string; body?: string | null; outcome?: string; decidedOn?: string | null; note?: string | null },
): Promise<AppealView> {
  const appeal = await db.transaction().execute(async (trx) => {
    const r = await loadVisible(trx, actor, id);
    if (!canHandle(actor, r)) throw new ForbiddenError('REQUEST_FORBIDDEN', '无权记录复议或诉讼');
    assertDate(input.filedOn, '立案日期');
    const outcome = input.outcome ?? 'pending';
    if (!Object.hasOwn(APPEAL_OUTCOMES, outcome)) throw new ValidationError('APPEAL_INVALID_OUTCOME', `结果不正确：${outcome}`);
    if (input.kind === 'reconsideration' && input.afterReconsideration) throw new ValidationError('APPEAL_INVALID', '“复议后起诉”只适用于行政诉讼');
    const at = now();
    const a = await repo.insertAppeal(trx, {
      requestId: id, kind: input.kind, afterReconsideration: flag(!!input.afterReconsideration), filedOn: input.filedOn, body: input.body ?? null, outcome,
      decidedOn: input.decidedOn ?? null, note: input.note ?? null, createdAt: at, updatedAt: at,
    });
    await repo.insertEvent(trx, { requestId: id, type: 'appealFiled', onDate: input.filedOn, data: { appealId: a.id, kind: input.kind }, actorUserId: actor.kind === 'user' ? actor.userId : null, createdAt: at });
    await recordAudit(trx, actor, { action: 'add_appeal', resourceType: 'appeal', resourceId: a.id, after: a });
    return a;
  });
  return presentAppeal(appeal);
}

export async function updateAppeal(db: Db, actor: Actor, appealId: number, input: { outcome?: string; decidedOn?: string | null; note?: string | null }): Promise<AppealView> {
  const a = await db.transaction().execute(async (trx) => {
    const before = await repo.findAppeal(trx, appealId);
    if (!before) throw new NotFoundError('APPEAL_NOT_FOUND', `复议或诉讼记录不存在：${appealId}`);
    const r = await loadVisible(trx, actor, before.requestId);
    if (!canHandle(actor, r)) throw new ForbiddenError('REQUEST_FORBIDDEN', '无权修改复议或诉讼记录');
    if (input.outcome && !Object.hasOwn(APPEAL_OUTCOMES, input.outcome)) throw new ValidationError('APPEAL_INVALID_OUTCOME', `结果不正确：${input.outcome}`);
    const after = await repo.updateAppeal(trx, appealId, { ...input, updatedAt: now() });
    await recordAudit(trx, actor, { action: 'update_appeal', resourceType: 'appeal', resourceId: appealId, before, after });
    return after;
  });
  return presentAppeal(a);
}

// ---- tracking (public) ----

export interface TrackingView {
  regNumber: string;
  stateLabel: string;
  arrivedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  repliedOn: string | null;
  awaitingCorrection: { items: string; correctionDueOn: string } | null;
  steps: { label: string; onDate: string }[];
}

function contactMatches(r: DisclosureRequest, contact: string): boolean {
  const c = contact.trim().toLowerCase();
  if (!c) return false;
  const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');
  return (!!r.email && r.email.toLowerCase() === c) || (!!r.phone && digits(r.phone) === digits(c) && digits(c).length >= 5);
}

/** The applicant's view by registration number + phone or e-mail: status and dates only. */
export async function trackRequest(db: Db, regNumber: string, contact: string): Promise<TrackingView> {
  const r = await repo.findRequestByNumber(db, regNumber.trim());
  if (!r || !contactMatches(r, contact)) throw new NotFoundError('REQUEST_TRACKING_NOT_FOUND', '未找到该申请：请核对登记号和申请时填写的电话或电子邮箱');
  const events = await repo.findEvents(db, r.id);
  const asked = events.find((e) => e.type === 'correctionRequested');
  const askedData = parseJson<{ items?: string; correctionDueOn?: string }>(asked?.data, {});
  const publicSteps = new Set(['registered', 'received', 'correctionRequested', 'correctionReceived', 'extended', 'replied', 'correctionExpired', 'feeExpired']);
  return {
    regNumber: r.regNumber, stateLabel: REQUEST_STATES[r.state as RequestState] ?? r.state, arrivedOn: r.arrivedOn, receivedOn: r.receivedOn,
    dueOn: (OPEN_STATES as readonly string[]).includes(r.state) ? r.dueOn : null, repliedOn: r.repliedOn,
    awaitingCorrection: r.state === 'awaitingCorrection' ? { items: askedData.items ?? '', correctionDueOn: askedData.correctionDueOn ?? '' } : null,
    steps: events.filter((e) => publicSteps.has(e.type)).map((e) => ({ label: EVENT_LABELS[e.type] ?? e.type, onDate: e.onDate })),
  };
}

/** The applicant corrects the application through the tracking page (number + contact). */
export async function submitCorrectionByApplicant(db: Db, input: { regNumber: string; contact: string; text: string }, meta: { ip?: string }): Promise<TrackingView> {
  if (!input.text.trim()) throw new ValidationError('REQUEST_CORRECTION_TEXT_REQUIRED', '请填写补正内容');
  const r = await repo.findRequestByNumber(db, input.regNumber.trim());
  if (!r || !contactMatches(r, input.contact)) throw new NotFoundError('REQUEST_TRACKING_NOT_FOUND', '未找到该申请：请核对登记号和申请时填写的电话或电子邮箱');
  if (r.state !== 'awaitingCorrection') throw new ConflictError('REQUEST_NOT_AWAITING_CORRECTION', '该申请目前不需要补正');
  await db.transaction().execute(async (trx) => {
    const at = now();
    const ok = await repo.updateIfState(trx, r.id, 'awaitingCorrection', { state: 'handling', description: `${r.description}\n【补正】${input.text.trim()}`, updatedAt: at });
    if (!ok) throw new ConflictError('REQUEST_CHANGED', '该申请刚刚已被处理，请刷新后查看');
    await repo.insertEvent(trx, { requestId: r.id, type: 'correctionReceived', onDate: today(), data: { text: input.text.trim(), via: 'tracking' }, actorUserId: null, createdAt: at });
    await refreshClock(trx, (await repo.findRequestById(trx, r.id))!);
    await recordAudit(trx, { kind: 'anonymous', ip: meta.ip }, { action: 'submit_correction', resourceType: 'disclosureRequest', resourceId: r.id });
    await notifyUnit(trx, r.handlingUnitId, { title: '申请人已补正', body: `申请 ${r.regNumber} 的申请人已提交补正，答复期限重新计算`, link: `/admin/requests/${r.id}`, external: true });
  });
  return trackRequest(db, input.regNumber, input.contact);
}

/** A provided document (the information given) for the reply. */
export async function addDocument(db: Db, actor: Actor, id: number, file: { fileName: string; mimeType: string; bytes: Buffer }): Promise<{ id: number }> {
  return db.transaction().execute(async (trx) => {
    const r = await loadVisible(trx, actor, id);
    if (!canHandle(actor, r)) throw new ForbiddenError('REQUEST_FORBIDDEN', '无权上传答复材料');
    const docId = await repo.insertDocument(trx, { requestId: id, kind: 'provided', fileName: file.fileName, mimeType: file.mimeType, size: file.bytes.length, content: file.bytes, createdAt: now() });
    await recordAudit(trx, actor, { action: 'add_request_document', resourceType: 'disclosureRequest', resourceId: id, after: { documentId: docId, fileName: file.fileName } });
    return { id: docId };
  });
}

export async function getDocument(db: Db, actor: Actor, id: number, docId: number) {
  const r = await loadVisible(db, actor, id);
  if (!canHandle(actor, r)) throw new ForbiddenError('REQUEST_FORBIDDEN', '无权下载答复材料');
  const d = await repo.findDocument(db, id, docId);
  if (!d) throw new NotFoundError('REQUEST_DOCUMENT_NOT_FOUND', `材料不存在：${docId}`);
  return d;
}

/** For letters and statistics. */
export async function loadForLetter(db: Db, actor: Actor, id: number) {
  const r = await loadVisible(db, actor, id);
  if (!canHandle(actor, r)) throw new ForbiddenError('REQUEST_FORBIDDEN', '无权生成告知书');
  const unit = await getUnit(db, r.handlingUnitId);
  return { request: r, unit, events: await repo.findEvents(db, id), documents: await repo.findDocuments(db, id) };
}

/** Open requests with a known reply deadline (for reminders and dashboards). */
/**
 * Every request received (收到申请之日) in a date range with its statutory deadline and reply date,
 * for the evaluation of units (答复是否在法定期限内). No access check: callers decide who sees what.
 */
export async function requestDeadlineFacts(db: Db, range: { from: string; to: string }): Promise<
  { id: number; regNumber: string; handlingUnitId: number; state: string; receivedOn: string; dueOn: string | null; repliedOn: string | null }[]
> {
  const rows = await repo.findRequests(db, {});
  return rows.filter((r) => r.receivedOn && r.receivedOn >= range.from && r.receivedOn <= range.to)
    .map((r) => ({ id: r.id, regNumber: r.regNumber, handlingUnitId: r.handlingUnitId, state: r.state, receivedOn: r.receivedOn!, dueOn: r.dueOn, repliedOn: r.repliedOn }))
    .sort((a, b) => a.id - b.id);
}

export async function openRequestsWithDeadline(db: Db): Promise<{ id: number; regNumber: string; handlingUnitId: number; dueOn: string; state: string }[]> {
  const rows = await repo.findRequests(db, {});
  return rows.filter((r) => (OPEN_STATES as readonly string[]).includes(r.state) && r.dueOn).map((r) => ({ id: r.id, regNumber: r.regNumber, handlingUnitId: r.handlingUnitId, dueOn: r.dueOn!, state: r.state }));
}
