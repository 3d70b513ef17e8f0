/**
 * 政策解读: a unit explains a published policy — in words, a graphic, questions and answers, or
 * audio/video (a link) — naming who interpreted it; an interpretation by the unit's head counts
 * toward the 第一解读人 target (at least two a year). Workflow draft → published → withdrawn (with
 * a reason). Publishing puts it into the search index; withdrawing takes it out. The policy's page
 * lists its published interpretations (listInterpretationsOfPublication).
 */
import type { Transaction } from 'kysely';
import type { Database, Interpretation } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { flag, now } from '../../db/portable.ts';
import { isIsoDate } from '../../lib/calendar/index.ts';
import { canReadAll, systemActor, type Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import { listAuditLog, recordAudit } from '../audit/index.ts';
import { getUnit, listUnits, unitNames } from '../directory/index.ts';
import { findPublishedPublication, type PublishedPublicationRef } from '../publications/index.ts';
import { indexRecords, unindexRecord, type SearchEntry } from '../search/index.ts';
import {
  FORM_KEYS, INTERPRETATION_FORMS, INTERPRETATION_STATES, interpretationUrl, LEAD_INTERPRETER_TARGET, LEAD_INTERPRETER_UNIT_KINDS,
  type InterpretationForm, type InterpretationState,
} from './interpretations.constants.ts';
import { canReadInterpretation, canWriteForUnit, canWriteInterpretations } from './interpretations.policy.ts';
import { presentDetail, presentInterpretation, type InterpretationDetail, type InterpretationView } from './interpretations.presenter.ts';
import * as repo from './interpretations.repository.ts';

type Trx = Transaction<Database>;
type Q = Db | Trx;

// ---- checks ----

function requireWriter(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canWriteInterpretations(actor)) throw new ForbiddenError('INTERPRETATION_FORBIDDEN', '观察员只能查看政策解读，不能编写');
}

function notFound(id: number): NotFoundError {
  return new NotFoundError('INTERPRETATION_NOT_FOUND', `政策解读不存在：${id}`);
}

async function loadVisible(q: Q, actor: Actor, id: number): Promise<Interpretation> {
  const i = await repo.findById(q, id);
  if (!i || !canReadInterpretation(actor, i)) throw notFound(id);
  return i;
}

/** Loads for a change: unknown or invisible → 404; another unit's → 403. */
async function loadWritable(trx: Trx, actor: Actor, id: number): Promise<Interpretation> {
  const i = await loadVisible(trx, actor, id);
  if (!canWriteForUnit(actor, i.unitId)) throw new ForbiddenError('INTERPRETATION_FORBIDDEN', '只能修改本单位的政策解读');
  return i;
}

function stateLabel(state: string): string {
  return INTERPRETATION_STATES[state as InterpretationState] ?? state;
}

/** A media link: http(s) only. */
export function cleanMediaUrl(raw: string | null | undefined): string | null {
  const t = raw?.trim();
  if (!t) return null;
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    throw new ValidationError('INTERPRETATION_MEDIA_URL_INVALID', `音视频链接不是有效网址：${t}`, { field: 'mediaUrl', value: t });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError('INTERPRETATION_MEDIA_URL_INVALID', `音视频链接只能是 http 或 https 网址：${t}`, { field: 'mediaUrl', value: t });
  }
  return url.href;
}

async function requirePublishedPolicy(q: Q, publicationId: number, asConflict = false): Promise<PublishedPublicationRef> {
  const p = await findPublishedPublication(q, publicationId);
  if (p) return p;
  const message = `所解读的政策文件不存在或尚未发布：${publicationId}`;
  throw asConflict ? new ConflictError('INTERPRETATION_POLICY_NOT_PUBLISHED', message) : new ValidationError('INTERPRETATION_POLICY_NOT_PUBLISHED', message);
}

/** What publishing needs: the content of its form. */
function checkPublishable(i: Pick<Interpretation, 'form' | 'bodyHtml' | 'bodyText' | 'mediaUrl'>): void {
  if (i.form === 'media') {
    if (!i.mediaUrl) throw new ValidationError('INTERPRETATION_MEDIA_URL_REQUIRED', '音视频解读须填写音视频链接');
  } else if (!i.bodyText.trim() && !/<img\b/i.test(i.bodyHtml)) {
    throw new ValidationError('INTERPRETATION_BODY_REQUIRED', `请先填写解读内容（${INTERPRETATION_FORMS[i.form as InterpretationForm] ?? i.form}）再发布`);
  }
}

function checkDate(value: string, what: string): void {
  if (!isIsoDate(value)) throw new ValidationError('INTERPRETATION_DATE_INVALID', `${what}不是有效日期（格式 YYYY-MM-DD）：${value}`);
  if (value > today()) throw new ValidationError('INTERPRETATION_DATE_IN_FUTURE', `${what}不能晚于今天：${value}`);
}

function searchEntry(i: Interpretation, policy: PublishedPublicationRef | null): SearchEntry {
  return {
    kind: 'interpretation', refId: i.id, unitId: i.unitId, year: i.publishedOn ? Number(i.publishedOn.slice(0, 4)) : null, title: i.title,
    url: interpretationUrl(i.id), publishedOn: i.publishedOn,
    body: [policy ? `解读：${policy.title}` : '', i.interpreterName, i.bodyText].filter(Boolean).join('\n'),
  };
}

// ---- views ----

async function unitLabel(q: Q, unitIds: number[]): Promise<Map<number, string>> {
  const names = await unitNames(q, [...new Set(unitIds)]);
  return new Map([...names.entries()].map(([id, n]) => [id, n.name]));
}

async function policies(q: Q, ids: number[]): Promise<Map<number, PublishedPublicationRef | null>> {
  const out = new Map<number, PublishedPublicationRef | null>();
  for (const id of new Set(ids)) out.set(id, await findPublishedPublication(q, id));
  return out;
}

async function withdrawnReason(db: Db, i: Interpretation): Promise<string | null> {
  if (i.state !== 'withdrawn') return null;
  const log = await listAuditLog(db, systemActor('interpretations'), { resourceType: 'interpretation', resourceId: String(i.id), action: 'withdraw_interpretation', limit: 1, offset: 0 });
  const after = log.items[0]?.after as { reason?: unknown } | null | undefined;
  return typeof after?.reason === 'string' ? after.reason : null;
}

async function detail(db: Db, i: Interpretation): Promise<InterpretationDetail> {
  const [unit, policy, reason] = await Promise.all([getUnit(db, i.unitId), findPublishedPublication(db, i.publicationId), withdrawnReason(db, i)]);
  return presentDetail(i, unit?.name ?? '', policy, reason);
}

// ---- reading ----

export interface InterpretationFilter {
  unitId?: number;
  form?: string;
  year?: number;
  state?: string;
  publicationId?: number;
  byUnitHead?: boolean;
  limit?: number;
  offset?: number;
}

/** Interpretations the actor may see: published ones for everybody, drafts and withdrawn ones for their unit, the office and observers. */
export async function listInterpretations(db: Db, actor: Actor, f: InterpretationFilter = {}): Promise<{ items: InterpretationView[]; total: number }> {
  const visible: repo.Filter['visible'] = canReadAll(actor) ? 'all' : actor.kind === 'user' ? { ownUnitId: actor.unitId } : 'published';
  const { rows, total } = await repo.findMany(db, { ...f, visible }, f.limit ?? 50, f.offset ?? 0);
  const [names, pols] = await Promise.all([unitLabel(db, rows.map((r) => r.unitId)), policies(db, rows.map((r) => r.publicationId))]);
  return { items: rows.map((r) => presentInterpretation(r, names.get(r.unitId) ?? '', pols.get(r.publicationId) ?? null)), total };
}

export async function getInterpretation(db: Db, actor: Actor, id: number): Promise<InterpretationDetail> {
  return detail(db, await loadVisible(db, actor, id));
}

/** The published interpretations of a policy, for the policy's page (oldest first). */
export async function listInterpretationsOfPublication(db: Db, publicationId: number): Promise<InterpretationView[]> {
  const rows = await repo.findPublishedOfPublication(db, publicationId);
  if (!rows.length) return [];
  const [names, policy] = await Promise.all([unitLabel(db, rows.map((r) => r.unitId)), findPublishedPublication(db, publicationId)]);
  return rows.map((r) => presentInterpretation(r, names.get(r.unitId) ?? '', policy));
}

export interface LeadInterpreterRow {
  unitId: number;
  unitName: string;
  /** published interpretations by the unit's head this year */
  count: number;
  met: boolean;
}

export interface LeadInterpreterStats {
  year: number;
  target: number;
  /** units that met the target */
  metUnits: number;
  items: LeadInterpreterRow[];
}

/**
 * 第一解读人: per unit, the published interpretations by its head in the year against the target
 * (2). Lists the units expected to interpret (office, departments, county governments, zones) and
 * any other unit that interpreted.
 */
export async function leadInterpreterStats(db: Db, year: number): Promise<LeadInterpreterStats> {
  if (!Number.isInteger(year) || year < 1949 || year > 2100) throw new ValidationError('INTERPRETATION_YEAR_INVALID', `年份不正确：${year}`);
  const [counts, units] = await Promise.all([repo.headCounts(db, year), listUnits(db)]);
  const kinds = new Set<string>(LEAD_INTERPRETER_UNIT_KINDS);
  const items = units
    .filter((u) => counts.has(u.id) || (!u.placeholder && kinds.has(u.kind)))
    .map((u) => {
      const count = counts.get(u.id) ?? 0;
      return { unitId: u.id, unitName: u.name, count, met: count >= LEAD_INTERPRETER_TARGET };
    });
  return { year, target: LEAD_INTERPRETER_TARGET, metUnits: items.filter((i) => i.met).length, items };
}

/**
 * The published 第一解读人 interpretations of a year (by units' heads), one row each, for the
 * evaluation of units (the records behind leadInterpreterStats' counts). No access check: public data.
 */
export async function leadInterpretationsOf(db: Db, year: number): Promise<{ id: number; unitId: number; title: string; publishedOn: string | null }[]> {
  return repo.findHeadInterpretations(db, year);
}

/** Years with published interpretations (newest first) and the units that published them, for the public filters. */
export async function publicFilterOptions(db: Db): Promise<{ years: number[]; units: { id: number; name: string }[] }> {
  const [dates, unitIds] = await Promise.all([repo.publishedDates(db), repo.publishedUnitIds(db)]);
  const names = await unitLabel(db, unitIds);
  return {
    years: [...new Set(dates.map((d) => Number(d.slice(0, 4))))].sort((a, b) => b - a),
    units: unitIds.map((id) => ({ id, name: names.get(id) ?? String(id) })).sort((a, b) => a.id - b.id),
  };
}

// ---- writing ----

export interface InterpretationInput {
  unitId?: number;
  publicationId: number;
  title: string;
  form: string;
  /** rich text (HTML or plain text), sanitised */
  body?: string;
  mediaUrl?: string | null;
  interpreterName: string;
  interpreterTitle?: string | null;
  byUnitHead?: boolean;
}

function cleanText(value: string, code: string, message: string): string {
  const t = value.trim();
  if (!t) throw new ValidationError(code, message);
  return t;
}

function checkForm(form: string): void {
  if (!(FORM_KEYS as string[]).includes(form)) throw new ValidationError('INTERPRETATION_FORM_INVALID', `解读形式不正确：${form}（可选：${FORM_KEYS.join('、')}）`);
}

/** Creates a draft interpretation of a published policy, for the actor's unit (the office: any unit). */
export async function createInterpretation(db: Db, actor: Actor, input: InterpretationInput): Promise<InterpretationDetail> {
  requireWriter(actor);
  const unitId = input.unitId ?? (actor.kind === 'user' ? actor.unitId : undefined);
  if (unitId === undefined) throw new ValidationError('INTERPRETATION_UNIT_REQUIRED', '请指定解读单位');
  if (!canWriteForUnit(actor, unitId)) throw new ForbiddenError('INTERPRETATION_FORBIDDEN', '只能为本单位编写政策解读');
  checkForm(input.form);
  const title = cleanText(input.title, 'INTERPRETATION_TITLE_REQUIRED', '请填写解读标题');
  const interpreterName = cleanText(input.interpreterName, 'INTERPRETATION_INTERPRETER_REQUIRED', '请填写解读人');
  const mediaUrl = cleanMediaUrl(input.mediaUrl);
  if (input.form === 'media' && !mediaUrl) throw new ValidationError('INTERPRETATION_MEDIA_URL_REQUIRED', '音视频解读须填写音视频链接');
  const rich = sanitizeRichText(input.body ?? '');
  const row = await db.transaction().execute(async (trx) => {
    if (!(await getUnit(trx, unitId))) throw new ValidationError('INTERPRETATION_UNIT_NOT_FOUND', `解读单位不存在：${unitId}`);
    await requirePublishedPolicy(trx, input.publicationId);
    const at = now();
    const created = await repo.insert(trx, {
      unitId, publicationId: input.publicationId, title, form: input.form, bodyHtml: rich.html, bodyText: rich.text, mediaUrl, interpreterName,
      interpreterTitle: input.interpreterTitle?.trim() || null, byUnitHead: flag(!!input.byUnitHead), publishedOn: null, state: 'draft',
      createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: at, updatedAt: at,
    });
    await recordAudit(trx, actor, { action: 'create_interpretation', resourceType: 'interpretation', resourceId: created.id, after: created });
    return created;
  });
  return detail(db, row);
}

/** Corrects a draft or a published interpretation (a published one is re-indexed). Withdrawn ones stay as they were. */
export async function updateInterpretation(db: Db, actor: Actor, id: number, patch: Partial<Omit<InterpretationInput, 'unitId'>>): Promise<InterpretationDetail> {
  requireWriter(actor);
  const row = await db.transaction().execute(async (trx) => {
    const before = await loadWritable(trx, actor, id);
    if (before.state === 'withdrawn') throw new ConflictError('INTERPRETATION_WITHDRAWN', '该解读已撤回，不能再修改');
    const next: Partial<Interpretation> = {};
    if (patch.title !== undefined) next.title = cleanText(patch.title, 'INTERPRETATION_TITLE_REQUIRED', '请填写解读标题');
    if (patch.interpreterName !== undefined) next.interpreterName = cleanText(patch.interpreterName, 'INTERPRETATION_INTERPRETER_REQUIRED', '请填写解读人');
    if (patch.interpreterTitle !== undefined) next.interpreterTitle = patch.interpreterTitle?.trim() || null;
    if (patch.byUnitHead !== undefined) next.byUnitHead = flag(patch.byUnitHead);
    if (patch.form !== undefined) {
      checkForm(patch.form);
      next.form = patch.form;
    }
    if (patch.mediaUrl !== undefined) next.mediaUrl = cleanMediaUrl(patch.mediaUrl);
    if (patch.body !== undefined) {
      const rich = sanitizeRichText(patch.body);
      next.bodyHtml = rich.html;
      next.bodyText = rich.text;
    }
    if (patch.publicationId !== undefined && patch.publicationId !== before.publicationId) {
      await requirePublishedPolicy(trx, patch.publicationId);
      next.publicationId = patch.publicationId;
    }
    const merged = { ...before, ...next };
    if (merged.form === 'media' && !merged.mediaUrl) throw new ValidationError('INTERPRETATION_MEDIA_URL_REQUIRED', '音视频解读须填写音视频链接');
    if (merged.state === 'published') checkPublishable(merged);
    const after = await repo.update(trx, id, { ...next, updatedAt: now() });
    if (after.state === 'published') await indexRecords(trx, [searchEntry(after, await findPublishedPublication(trx, after.publicationId))]);
    await recordAudit(trx, actor, { action: 'update_interpretation', resourceType: 'interpretation', resourceId: id, before, after });
    return after;
  });
  return detail(db, row);
}

/** Publishes a draft (the policy must still be published): public, and in the search index. */
export async function publishInterpretation(db: Db, actor: Actor, id: number, input: { publishedOn?: string | null } = {}): Promise<InterpretationDetail> {
  requireWriter(actor);
  const publishedOn = input.publishedOn ?? today();
  checkDate(publishedOn, '发布日期');
  const row = await db.transaction().execute(async (trx) => {
    const before = await loadWritable(trx, actor, id);
    if (before.state !== 'draft') throw new ConflictError('INTERPRETATION_INVALID_STATE', `该解读当前为“${stateLabel(before.state)}”，只有草稿可以发布`);
    const policy = await requirePublishedPolicy(trx, before.publicationId, true);
    checkPublishable(before);
    const ok = await repo.updateIfState(trx, id, 'draft', { state: 'published', publishedOn, updatedAt: now() });
    if (!ok) throw new ConflictError('INTERPRETATION_CHANGED', '该解读刚刚已被其他人处理，请刷新后重试');
    const after = (await repo.findById(trx, id))!;
    await indexRecords(trx, [searchEntry(after, policy)]);
    await recordAudit(trx, actor, { action: 'publish_interpretation', resourceType: 'interpretation', resourceId: id, before: { state: before.state }, after: { state: 'published', publishedOn } });
    return after;
  });
  return detail(db, row);
}

/** Withdraws a published interpretation with the reason: no longer public, out of the search index. */
export async function withdrawInterpretation(db: Db, actor: Actor, id: number, input: { reason: string }): Promise<InterpretationDetail> {
  requireWriter(actor);
  const reason = cleanText(input.reason ?? '', 'INTERPRETATION_REASON_REQUIRED', '请填写撤回原因');
  const row = await db.transaction().execute(async (trx) => {
    const before = await loadWritable(trx, actor, id);
    if (before.state !== 'published') throw new ConflictError('INTERPRETATION_INVALID_STATE', `该解读当前为“${stateLabel(before.state)}”，只有已发布的解读可以撤回`);
    const ok = await repo.updateIfState(trx, id, 'published', { state: 'withdrawn', updatedAt: now() });
    if (!ok) throw new ConflictError('INTERPRETATION_CHANGED', '该解读刚刚已被其他人处理，请刷新后重试');
    await unindexRecord(trx, 'interpretation', id);
    await recordAudit(trx, actor, { action: 'withdraw_interpretation', resourceType: 'interpretation', resourceId: id, before: { state: 'published' }, after: { state: 'withdrawn', reason } });
    return (await repo.findById(trx, id))!;
  });
  return detail(db, row);
}

/** Deletes a draft (published or withdrawn interpretations are kept: they were public). */
export async function deleteInterpretation(db: Db, actor: Actor, id: number): Promise<void> {
  requireWriter(actor);
  await db.transaction().execute(async (trx) => {
    const before = await loadWritable(trx, actor, id);
    if (before.state !== 'draft') throw new ConflictError('INTERPRETATION_NOT_DRAFT', `该解读当前为“${stateLabel(before.state)}”，只能删除草稿`);
    await repo.remove(trx, id);
    await recordAudit(trx, actor, { action: 'delete_interpretation', resourceType: 'interpretation', resourceId: id, before });
  });
}

/** Unit merge: interpretations follow their unit; published ones are re-indexed under it. */
export async function moveInterpretationsToUnit(trx: Trx, fromUnitId: number, intoUnitId: number): Promise<void> {
  for (const id of await repo.moveToUnit(trx, fromUnitId, intoUnitId)) {
    const i = (await repo.findById(trx, id))!;
    if (i.state === 'published') await indexRecords(trx, [searchEntry(i, await findPublishedPublication(trx, i.publicationId))]);
  }
}
