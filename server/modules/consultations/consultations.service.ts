/**
 * 意见征集 / 公众参与: a unit (or the office) drafts a consultation — the draft text, its 起草说明, the
 * comment period (by default DEFAULT_PERIOD_DAYS calendar days) — and publishes it. The public
 * comments without logging in on the days of the period (Beijing date); the unit moderates the comments
 * (only approved ones are ever shown, and never with the commenter's name or contact), records a
 * disposition for each approved one, and after the period publishes the feedback report
 * 意见采纳情况反馈, generated from the comments. A consultation is closed from the day after its last day;
 * that is derived from the date on every read, so nothing has to run for it to close.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { Consultation, ConsultationComment, Database } from '../../db/database.ts';
import { now } from '../../db/portable.ts';
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';
import { clock, today } from '../../platform/clock.ts';
import { AppError, AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import { todayInChina } from '../../lib/working-days.ts';
import { recordAudit } from '../audit/index.ts';
import { getUnit, unitNames } from '../directory/index.ts';
import {
  canDraftFor, canManageConsultation, canReadConsultationAsStaff, canSeeCommenterData, canSeeConsultation, canSeeDecisionItem,
} from './consultations.policy.ts';
import {
  countsByConsultation, decisionRef, emptyCounts, maskName, presentComment, presentSummary,
  type CommentView, type ConsultationAction, type ConsultationDetail, type ConsultationSummary,
} from './consultations.presenter.ts';
import * as repo from './consultations.repository.ts';
import {
  cleanText, COMMENT_MAX_CHARS, DEFAULT_PERIOD_DAYS, defaultClosesOn, DISPOSITIONS, dispositionNeedsReason, DUPLICATE_WINDOW_MINUTES, effectiveState,
  isIsoDate, MAX_PERIOD_DAYS, periodLength, withoutNul, type Disposition,
} from './consultations.states.ts';
import { renderFeedbackReport } from './feedback-report.ts';

type Q = Db | Transaction<Database>;

const NAME_MAX = 50;
const CONTACT_MAX = 100;

// ---- loading and who may ----

function requireWriter(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (actor.kind === 'user' && actor.role === 'observer') throw new ForbiddenError('CONSULTATION_FORBIDDEN', '观察员只能查看，不能修改');
}

async function loadVisible(q: Q, actor: Actor, id: number): Promise<Consultation> {
  const c = await repo.findConsultation(q, id);
  if (!c || !canSeeConsultation(actor, c)) throw new NotFoundError('CONSULTATION_NOT_FOUND', `意见征集不存在：${id}`);
  return c;
}

/** The consultation for a change by its unit or the office: 401, 403 (observers, other units), 404 (unseen drafts). */
async function loadForWrite(q: Q, actor: Actor, id: number): Promise<Consultation> {
  requireWriter(actor);
  const c = await loadVisible(q, actor, id);
  if (!canManageConsultation(actor, c)) throw new ForbiddenError('CONSULTATION_FORBIDDEN', '只有起草单位或政务公开办可以办理该意见征集');
  return c;
}

/**
 * Takes the consultation's row lock while it is still open (PostgreSQL; SQLite writes are serial), so
 * moderation, dispositions and the feedback report never interleave. Refuses a reported one.
 */
async function lockOpen(trx: Transaction<Database>, c: Consultation): Promise<void> {
  const ok = await repo.updateConsultationIf(trx, c.id, 'open', { updatedAt: now() });
  if (!ok) {
    const fresh = await repo.findConsultation(trx, c.id);
    if (fresh?.state === 'reported') throw new ConflictError('CONSULTATION_ALREADY_REPORTED', '意见采纳情况反馈已发布，意见及其处理情况不能再修改');
    throw new ConflictError('CONSULTATION_NOT_PUBLISHED', '征求意见稿尚未发布');
  }
}

// ---- views ----

async function summaries(q: Q, actor: Actor, rows: Consultation[]): Promise<ConsultationSummary[]> {
  if (!rows.length) return [];
  const day = today();
  const itemIds = [...new Set(rows.map((r) => r.decisionItemId).filter((x): x is number => x !== null))];
  const [names, items, counts] = await Promise.all([
    unitNames(q, [...new Set(rows.map((r) => r.unitId))]),
    repo.findDecisionItemsByIds(q, itemIds),
    repo.countComments(q, rows.filter((r) => canReadConsultationAsStaff(actor, r)).map((r) => r.id)),
  ]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const countsOf = countsByConsultation(counts);
  return rows.map((r) => {
    const item = r.decisionItemId !== null ? itemById.get(r.decisionItemId) : undefined;
    return presentSummary(
      r, day, names.get(r.unitId)?.name ?? '', item && canSeeDecisionItem(actor, item) ? decisionRef(item) : null,
      canReadConsultationAsStaff(actor, r) ? (countsOf.get(r.id) ?? emptyCounts()) : null,
    );
  });
}

function allowedActions(actor: Actor, c: Consultation, s: ConsultationSummary): ConsultationAction[] {
  if (!canManageConsultation(actor, c)) return [];
  if (s.state === 'draft') return ['edit', 'publish', 'delete'];
  if (s.state === 'reported') return [];
  const acts: ConsultationAction[] = ['moderate', 'dispose'];
  if (s.state === 'closed' && s.counts && s.counts.pending === 0 && s.counts.undisposed === 0) acts.push('publishFeedback');
  return acts;
}

async function detail(q: Q, actor: Actor, c: Consultation): Promise<ConsultationDetail> {
  const s = (await summaries(q, actor, [c]))[0]!;
  return {
    ...s, draftHtml: c.draftHtml, explanation: c.explanation, feedbackHtml: c.state === 'reported' ? c.feedbackHtml : null,
    createdAt: c.createdAt, updatedAt: c.updatedAt, allowedActions: allowedActions(actor, c, s),
  };
}

// ---- reading ----

export interface ConsultationFilterInput {
  state?: string;
  unitId?: number;
  decisionItemId?: number;
}

/** Published consultations for everyone; a unit also sees its drafts; the office and observers all. */
export async function listConsultations(db: Db, actor: Actor, f: ConsultationFilterInput): Promise<ConsultationSummary[]> {
  const visibility = canReadAll(actor) ? {} : actor.kind === 'user' ? { visibleToUnit: actor.unitId } : { publishedOnly: true };
  return summaries(db, actor, await repo.findConsultations(db, { ...f, ...visibility, today: today() }));
}

export async function getConsultation(db: Db, actor: Actor, id: number): Promise<ConsultationDetail> {
  return detail(db, actor, await loadVisible(db, actor, id));
}

// ---- drafting ----

export interface ConsultationInput {
  unitId?: number;
  title: string;
  draftHtml?: string;
  explanation?: string | null;
  decisionItemId?: number | null;
  opensOn?: string;
  closesOn?: string;
}

/**
 * The period: valid dates, the last day not before the first, at most MAX_PERIOD_DAYS; a unit cannot
 * set fewer than DEFAULT_PERIOD_DAYS days, the office can.
 */
function checkPeriod(actor: Actor, opensOn: string, closesOn: string): void {
  if (!isIsoDate(opensOn)) throw new ValidationError('CONSULTATION_INVALID_DATE', `开始日期不是有效日期：${opensOn}`);
  if (!isIsoDate(closesOn)) throw new ValidationError('CONSULTATION_INVALID_DATE', `截止日期不是有效日期：${closesOn}`);
  if (closesOn < opensOn) throw new ValidationError('CONSULTATION_INVALID_PERIOD', `截止日期（${closesOn}）不能早于开始日期（${opensOn}）`);
  const days = periodLength(opensOn, closesOn);
  if (days > MAX_PERIOD_DAYS) throw new ValidationError('CONSULTATION_INVALID_PERIOD', `征求意见期限不能超过${MAX_PERIOD_DAYS}日（现为${days}日）`);
  if (days < DEFAULT_PERIOD_DAYS && !isOfficeLike(actor)) {
    throw new ValidationError('CONSULTATION_PERIOD_TOO_SHORT', `公开征求意见的期限一般不少于${DEFAULT_PERIOD_DAYS}日（现为${days}日）；确需缩短的，请由政务公开办设定并在起草说明中说明理由`);
  }
}

async function checkDecisionLink(q: Q, actor: Actor, decisionItemId: number | null | undefined): Promise<void> {
  if (decisionItemId === null || decisionItemId === undefined) return;
  const item = await repo.findDecisionItem(q, decisionItemId);
  if (!item || !canSeeDecisionItem(actor, item)) throw new ValidationError('CONSULTATION_DECISION_ITEM_NOT_FOUND', `重大行政决策事项不存在：${decisionItemId}`);
  if (!isOfficeLike(actor) && !(actor.kind === 'user' && actor.unitId === item.unitId)) {
    throw new ForbiddenError('CONSULTATION_DECISION_ITEM_FORBIDDEN', '只能关联本单位承办的重大行政决策事项');
  }
}

export async function createConsultation(db: Db, actor: Actor, input: ConsultationInput): Promise<ConsultationDetail> {
  requireWriter(actor);
  const unitId = input.unitId ?? (actor.kind === 'user' ? actor.unitId : undefined);
  if (unitId === undefined) throw new ValidationError('CONSULTATION_UNIT_REQUIRED', '请指定起草单位');
  if (!canDraftFor(actor, unitId)) throw new ForbiddenError('CONSULTATION_FORBIDDEN', '只能为本单位起草征求意见稿');
  if (!(await getUnit(db, unitId))) throw new ValidationError('CONSULTATION_UNIT_NOT_FOUND', `起草单位不存在：${unitId}`);
  const title = cleanText(input.title);
  if (!title) throw new ValidationError('CONSULTATION_TITLE_REQUIRED', '请填写征求意见稿名称');
  const opensOn = input.opensOn ?? today();
  const closesOn = input.closesOn ?? (isIsoDate(opensOn) ? defaultClosesOn(opensOn) : opensOn);
  checkPeriod(actor, opensOn, closesOn);
  await checkDecisionLink(db, actor, input.decisionItemId);
  const draft = sanitizeRichText(withoutNul(input.draftHtml ?? ''));
  const c = await db.transaction().execute(async (trx) => {
    const at = now();
    const row = await repo.insertConsultation(trx, {
      unitId, decisionItemId: input.decisionItemId ?? null, title, draftHtml: draft.html, draftText: draft.text, explanation: cleanText(input.explanation),
      opensOn, closesOn, state: 'draft', feedbackHtml: null, feedbackPublishedAt: null, createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: at, updatedAt: at,
    });
    await recordAudit(trx, actor, { action: 'create_consultation', resourceType: 'consultation', resourceId: row.id, after: row });
    return row;
  });
  return detail(db, actor, c);
}

/**
 * Edits a draft. Moving only the first day keeps the period's length; the period rule is checked
 * when the dates change.
 */
export async function updateConsultation(db: Db, actor: Actor, id: number, patch: Partial<Omit<ConsultationInput, 'unitId'>>): Promise<ConsultationDetail> {
  const c0 = await loadForWrite(db, actor, id);
  if (c0.state !== 'draft') throw new ConflictError('CONSULTATION_NOT_DRAFT', '征求意见稿已发布，不能再修改');
  if (patch.title !== undefined && !cleanText(patch.title)) throw new ValidationError('CONSULTATION_TITLE_REQUIRED', '请填写征求意见稿名称');
  let { opensOn, closesOn } = c0;
  if (patch.opensOn !== undefined || patch.closesOn !== undefined) {
    opensOn = patch.opensOn ?? c0.opensOn;
    closesOn = patch.closesOn ?? (isIsoDate(opensOn) ? defaultClosesOn(opensOn, periodLength(c0.opensOn, c0.closesOn)) : opensOn);
    checkPeriod(actor, opensOn, closesOn);
  }
  if (patch.decisionItemId !== undefined) await checkDecisionLink(db, actor, patch.decisionItemId);
  const draft = patch.draftHtml !== undefined ? sanitizeRichText(withoutNul(patch.draftHtml)) : null;
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateConsultationIf(trx, id, 'draft', {
      title: cleanText(patch.title) ?? c0.title,
      ...(draft ? { draftHtml: draft.html, draftText: draft.text } : {}),
      explanation: patch.explanation !== undefined ? cleanText(patch.explanation) : c0.explanation,
      decisionItemId: patch.decisionItemId !== undefined ? patch.decisionItemId : c0.decisionItemId,
      opensOn, closesOn, updatedAt: now(),
    });
    if (!ok) throw new ConflictError('CONSULTATION_NOT_DRAFT', '征求意见稿已发布，不能再修改');
    const after = await repo.findConsultation(trx, id);
    await recordAudit(trx, actor, { action: 'update_consultation', resourceType: 'consultation', resourceId: id, before: c0, after });
  });
  return getConsultation(db, actor, id);
}

export async function deleteConsultation(db: Db, actor: Actor, id: number): Promise<void> {
  const c = await loadForWrite(db, actor, id);
  if (c.state !== 'draft') throw new ConflictError('CONSULTATION_NOT_DRAFT', '已发布的意见征集不能删除');
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteConsultationIf(trx, id, 'draft'))) throw new ConflictError('CONSULTATION_NOT_DRAFT', '已发布的意见征集不能删除');
    await recordAudit(trx, actor, { action: 'delete_consultation', resourceType: 'consultation', resourceId: id, before: c });
  });
}

/**
 * Publishes the draft: from now on it is public, and comments are taken from its first to its last
 * day. A period that has already begun would give the public less time than announced, so the first
 * day must not be in the past (the platform itself may record earlier consultations).
 */
export async function publishConsultation(db: Db, actor: Actor, id: number): Promise<ConsultationDetail> {
  const c = await loadForWrite(db, actor, id);
  if (c.state !== 'draft') throw new ConflictError('CONSULTATION_NOT_DRAFT', '该意见征集已发布');
  if (!c.draftText.trim()) throw new ConflictError('CONSULTATION_DRAFT_EMPTY', '征求意见稿正文为空，请先填写正文');
  const day = today();
  if (c.opensOn < day && actor.kind !== 'system') {
    throw new ConflictError('CONSULTATION_OPENS_IN_PAST', `开始日期（${c.opensOn}）已过，请先修改征求意见期限，保证公众有完整的征求意见时间`);
  }
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateConsultationIf(trx, id, 'draft', { state: 'open', updatedAt: now() });
    if (!ok) throw new ConflictError('CONSULTATION_NOT_DRAFT', '该意见征集已发布');
    await recordAudit(trx, actor, { action: 'publish_consultation', resourceType: 'consultation', resourceId: id, before: { state: 'draft' }, after: { state: 'open', opensOn: c.opensOn, closesOn: c.closesOn } });
  });
  return getConsultation(db, actor, id);
}

// ---- comments from the public ----

export interface CommentInput {
  name?: string | null;
  contact?: string | null;
  text: string;
}

export interface CommentReceipt {
  id: number;
  moderation: 'pending';
  receivedOn: string;
}

/** Plain text as typed: line breaks unified, control characters dropped, trimmed. Never interpreted as HTML. */
function plainInput(s: string | null | undefined): string {
  return (s ?? '').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
}

/**
 * A comment from the public (no login): taken only on the days of the period, held for moderation.
 * The same client sending the same text again within DUPLICATE_WINDOW_MINUTES is refused as a double
 * submission. `receivedAt` is for recording historical comments (demo data); routes never pass it.
 */
export async function submitComment(db: Db, id: number, input: CommentInput, meta: { ip?: string; receivedAt?: string } = {}): Promise<CommentReceipt> {
  const createdAt = meta.receivedAt ?? clock.now().toISOString(); // the platform clock: the received day agrees with the period check
  const day = meta.receivedAt ? todayInChina(new Date(meta.receivedAt)) : today();
  const c = await repo.findConsultation(db, id);
  if (!c || c.state === 'draft') throw new NotFoundError('CONSULTATION_NOT_FOUND', `意见征集不存在：${id}`);
  if (c.state === 'reported' || day > c.closesOn) throw new ConflictError('CONSULTATION_CLOSED', `征求意见已于${c.closesOn}截止，不再接受意见`);
  if (day < c.opensOn) throw new ConflictError('CONSULTATION_NOT_STARTED', `征求意见将于${c.opensOn}开始，请届时再提交意见`);
  const text = plainInput(input.text);
  const name = plainInput(input.name).replace(/\n/g, ' ') || null;
  const contact = plainInput(input.contact).replace(/\n/g, ' ') || null;
  if (!text) throw new ValidationError('CONSULTATION_COMMENT_TEXT_REQUIRED', '请填写意见内容');
  const length = [...text].length;
  if (length > COMMENT_MAX_CHARS) throw new ValidationError('CONSULTATION_COMMENT_TOO_LONG', `意见内容不能超过${COMMENT_MAX_CHARS}字（现为${length}字）`);
  if (name && [...name].length > NAME_MAX) throw new ValidationError('CONSULTATION_COMMENT_FIELD_TOO_LONG', `姓名不能超过${NAME_MAX}字`);
  if (contact && [...contact].length > CONTACT_MAX) throw new ValidationError('CONSULTATION_COMMENT_FIELD_TOO_LONG', `联系方式不能超过${CONTACT_MAX}字`);
  const clientHash = createHash('sha256').update(`${id}\n${meta.ip ?? ''}\n${text}`).digest('hex');
  const since = new Date(Date.parse(createdAt) - DUPLICATE_WINDOW_MINUTES * 60_000).toISOString();
  const row = await db.transaction().execute(async (trx) => {
    if (await repo.findRecentDuplicate(trx, id, clientHash, since)) {
      throw new ConflictError('CONSULTATION_COMMENT_DUPLICATE', '您刚刚已提交过相同的意见，请勿重复提交');
    }
    const r = await repo.insertComment(trx, {
      consultationId: id, authorName: name, contact, bodyText: text, moderation: 'pending', moderationNote: null,
      disposition: null, dispositionReason: null, disposedBy: null, disposedAt: null, clientHash, createdAt,
    });
    // The commenter's contact never goes into the audit log; the name only masked.
    await recordAudit(trx, { kind: 'anonymous', ip: meta.ip }, {
      action: 'submit_consultation_comment', resourceType: 'consultationComment', resourceId: r.id,
      after: { consultationId: id, authorName: maskName(name), contact: contact ? '（已遮蔽）' : null, length },
    });
    return r;
  });
  return { id: row.id, moderation: 'pending', receivedOn: day };
}

export interface CommentList {
  /** public: approved comments only, after the period, no personal data; staff: all; staffWithPersonalData: with names and contacts */
  view: 'public' | 'staff' | 'staffWithPersonalData';
  items: CommentView[];
}

/**
 * The comments: the public (and other units) see the approved ones once the period has ended,
 * without names or contacts, with their dispositions once the feedback report is out; the unit, the
 * office and observers see all, and only the unit and the office see names and contacts (audited).
 */
export async function listComments(db: Db, actor: Actor, id: number, f: { moderation?: string } = {}): Promise<CommentList> {
  const c = await loadVisible(db, actor, id);
  const state = effectiveState(c, today());
  if (!canReadConsultationAsStaff(actor, c)) {
    if (state !== 'closed' && state !== 'reported') return { view: 'public', items: [] };
    const rows = await repo.findComments(db, id, 'approved');
    return { view: 'public', items: rows.map((r) => presentComment(r, { personal: false, staff: false, dispositionPublic: state === 'reported' })) };
  }
  const personal = canSeeCommenterData(actor, c);
  const rows = await repo.findComments(db, id, f.moderation);
  if (personal && rows.some((r) => r.authorName || r.contact)) {
    await recordAudit(db, actor, { action: 'view_commenter_data', resourceType: 'consultation', resourceId: id });
  }
  return { view: personal ? 'staffWithPersonalData' : 'staff', items: rows.map((r) => presentComment(r, { personal, staff: true, dispositionPublic: true })) };
}

async function loadComment(trx: Transaction<Database>, c: Consultation, commentId: number): Promise<ConsultationComment> {
  const r = await repo.findComment(trx, c.id, commentId);
  if (!r) throw new NotFoundError('CONSULTATION_COMMENT_NOT_FOUND', `意见不存在：${commentId}`);
  return r;
}

/** 审核: approve a comment (it will be shown, without personal data) or reject it with a note. */
export async function moderateComment(
  db: Db, actor: Actor, id: number, commentId: number, input: { decision: 'approved' | 'rejected'; note?: string | null },
): Promise<CommentView> {
  if (input.decision !== 'approved' && input.decision !== 'rejected') throw new ValidationError('CONSULTATION_INVALID_MODERATION', `审核结果不正确：${String(input.decision)}`);
  const note = cleanText(input.note);
  if (input.decision === 'rejected' && !note) throw new ValidationError('CONSULTATION_REJECTION_NOTE_REQUIRED', '不予公开时请写明理由');
  const row = await db.transaction().execute(async (trx) => {
    const c = await loadForWrite(trx, actor, id);
    await lockOpen(trx, c);
    const before = await loadComment(trx, c, commentId);
    const after = await repo.updateComment(trx, commentId, {
      moderation: input.decision, moderationNote: note,
      ...(input.decision === 'rejected' ? { disposition: null, dispositionReason: null, disposedBy: null, disposedAt: null } : {}),
    });
    await recordAudit(trx, actor, {
      action: 'moderate_consultation_comment', resourceType: 'consultationComment', resourceId: commentId,
      before: { moderation: before.moderation, note: before.moderationNote }, after: { consultationId: id, moderation: after.moderation, note: after.moderationNote },
    });
    return after;
  });
  return presentComment(row, { personal: true, staff: true, dispositionPublic: true });
}

/** 采纳情况: adopted, partly adopted or not adopted; the last two with the reason. */
export async function disposeComment(
  db: Db, actor: Actor, id: number, commentId: number, input: { disposition: string; reason?: string | null },
): Promise<CommentView> {
  if (!Object.hasOwn(DISPOSITIONS, input.disposition)) throw new ValidationError('CONSULTATION_INVALID_DISPOSITION', `采纳情况不正确：${input.disposition}`);
  const disposition = input.disposition as Disposition;
  const reason = cleanText(input.reason);
  if (dispositionNeedsReason(disposition) && !reason) {
    throw new ValidationError('CONSULTATION_DISPOSITION_REASON_REQUIRED', `“${DISPOSITIONS[disposition]}”的意见须说明理由`);
  }
  const row = await db.transaction().execute(async (trx) => {
    const c = await loadForWrite(trx, actor, id);
    await lockOpen(trx, c);
    const before = await loadComment(trx, c, commentId);
    if (before.moderation !== 'approved') throw new ConflictError('CONSULTATION_COMMENT_NOT_APPROVED', '只有审核通过的意见才需要记录采纳情况');
    const after = await repo.updateComment(trx, commentId, {
      disposition, dispositionReason: reason, disposedBy: actor.kind === 'user' ? actor.userId : null, disposedAt: now(),
    });
    await recordAudit(trx, actor, {
      action: 'dispose_consultation_comment', resourceType: 'consultationComment', resourceId: commentId,
      before: { disposition: before.disposition, reason: before.dispositionReason }, after: { consultationId: id, disposition, reason },
    });
    return after;
  });
  return presentComment(row, { personal: true, staff: true, dispositionPublic: true });
}

// ---- the feedback report ----

export interface FeedbackView {
  published: boolean;
  publishedAt: string | null;
  html: string;
  /** what still stands in the way of publishing (error codes); empty once publishable or published */
  missing: string[];
}

interface Readiness {
  missing: { code: string; message: string }[];
  comments: ConsultationComment[];
}

async function readiness(q: Q, c: Consultation, day: string): Promise<Readiness> {
  const comments = await repo.findComments(q, c.id);
  const missing: { code: string; message: string }[] = [];
  if (c.state === 'draft') missing.push({ code: 'CONSULTATION_NOT_ENDED', message: '征求意见稿尚未发布，不能发布意见采纳情况反馈' });
  else if (effectiveState(c, day) !== 'closed' && c.state !== 'reported') {
    missing.push({ code: 'CONSULTATION_NOT_ENDED', message: `征求意见期限到${c.closesOn}才结束，结束后才能发布意见采纳情况反馈` });
  }
  const pending = comments.filter((r) => r.moderation === 'pending');
  if (pending.length) missing.push({ code: 'CONSULTATION_COMMENTS_PENDING', message: `还有${pending.length}条意见未审核` });
  const undisposed = comments.filter((r) => r.moderation === 'approved' && !r.disposition);
  if (undisposed.length) missing.push({ code: 'CONSULTATION_COMMENTS_UNDISPOSED', message: `还有${undisposed.length}条审核通过的意见未记录采纳情况` });
  return { missing, comments };
}

async function renderReport(q: Q, c: Consultation, comments: ConsultationComment[], day: string, introduction: string | null | undefined): Promise<string> {
  const unit = await getUnit(q, c.unitId);
  const approved = comments.filter((r) => r.moderation === 'approved');
  const count = (d: Disposition) => approved.filter((r) => r.disposition === d).length;
  return renderFeedbackReport({
    title: c.title, unitName: unit?.name ?? '', opensOn: c.opensOn, closesOn: c.closesOn, publishedOn: day,
    introductionHtml: cleanText(introduction) ? sanitizeRichText(withoutNul(introduction!)).html : '',
    counts: { received: comments.length, approved: approved.length, adopted: count('adopted'), partlyAdopted: count('partlyAdopted'), notAdopted: count('notAdopted') },
    comments: approved.filter((r) => r.disposition).map((r) => ({ text: r.bodyText, disposition: r.disposition as Disposition, reason: r.dispositionReason })),
  });
}

/** The published report for everyone; before that, a preview (with what is missing) for the unit, the office and observers. */
export async function getFeedback(db: Db, actor: Actor, id: number): Promise<FeedbackView> {
  const c = await loadVisible(db, actor, id);
  if (c.state === 'reported') return { published: true, publishedAt: c.feedbackPublishedAt, html: c.feedbackHtml ?? '', missing: [] };
  if (!canReadConsultationAsStaff(actor, c)) throw new NotFoundError('CONSULTATION_FEEDBACK_NOT_PUBLISHED', '意见采纳情况反馈尚未发布');
  const day = today();
  const r = await readiness(db, c, day);
  return { published: false, publishedAt: null, html: await renderReport(db, c, r.comments, day, null), missing: r.missing.map((m) => m.code) };
}

/**
 * Publishes 意见采纳情况反馈: once the period has ended, every comment is moderated and every approved
 * one has its disposition. The consultation becomes reported and its page links to the report.
 */
export async function publishFeedback(
  db: Db, actor: Actor, id: number, input: { introduction?: string | null }, options: { publishedAt?: string } = {},
): Promise<ConsultationDetail> {
  // `publishedAt` records a report published earlier (demo data): the platform itself only, never a route.
  const backdated = actor.kind === 'system' && options.publishedAt ? options.publishedAt : null;
  await db.transaction().execute(async (trx) => {
    const c = await loadForWrite(trx, actor, id);
    if (c.state === 'reported') throw new ConflictError('CONSULTATION_ALREADY_REPORTED', '意见采纳情况反馈已发布');
    if (c.state === 'draft') throw new ConflictError('CONSULTATION_NOT_ENDED', '征求意见稿尚未发布，不能发布意见采纳情况反馈');
    await lockOpen(trx, c);
    const day = backdated ? todayInChina(new Date(backdated)) : today();
    const r = await readiness(trx, c, day);
    const first = r.missing[0];
    if (first) throw new AppError(first.code, r.missing.map((m) => m.message).join('；'), 409, { missing: r.missing.map((m) => m.code) });
    const at = backdated ?? now();
    const html = await renderReport(trx, c, r.comments, day, input.introduction);
    const ok = await repo.updateConsultationIf(trx, id, 'open', { state: 'reported', feedbackHtml: html, feedbackPublishedAt: at, updatedAt: at });
    if (!ok) throw new ConflictError('CONSULTATION_ALREADY_REPORTED', '意见采纳情况反馈已发布');
    await recordAudit(trx, actor, {
      action: 'publish_consultation_feedback', resourceType: 'consultation', resourceId: id, before: { state: 'closed' },
      after: { state: 'reported', feedbackPublishedAt: at, comments: r.comments.length },
    });
  });
  return getConsultation(db, actor, id);
}
