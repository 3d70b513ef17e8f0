/**
 * 督查 / 监督检查 → 整改 → 复核 → 销号 (items 32, 62–69 of the 2020 list): the office opens an
 * inspection (a spot check, a website check, a third-party evaluation's or an audit's findings);
 * each finding names one unit (optionally a task of a list or a publication), a severity, what must
 * be fixed and by when. Opening the inspection issues its findings to their units. A unit answers
 * a finding with a rectification report and evidence (links, its own published publications,
 * uploaded files); the office verifies it and closes the finding (销号) or returns it with the
 * reason, and the unit resubmits. The office may also close a finding with a note, or withdraw one
 * issued by mistake. Overdue findings are reminded like reports (inspections.reminders.ts); the
 * office publishes an inspection's findings and their rectification status (item 32).
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Inspection, InspectionFinding } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { flag, now } from '../../db/portable.ts';
import { isIsoDate } from '../../lib/calendar/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { sniffAttachment } from '../../platform/file-kinds.ts';
import { recordAudit } from '../audit/index.ts';
import { getUnit, listUnits, unitNames } from '../directory/index.ts';
import { findTaskById } from '../lists/index.ts';
import { notifyUnit } from '../notifications/index.ts';
import { findPublishedPublication } from '../publications/index.ts';
import {
  FINDING_STATES, INSPECTION_KINDS, INSPECTION_STATES, isFinished, KIND_KEYS, MAX_ATTACHMENTS, MAX_LINKS, publicStatusOf, SEVERITY_KEYS,
  type FindingState, type InspectionState, type PublicStatus,
} from './inspections.constants.ts';
import { canManageInspections, canReadAllInspections, canReadFinding, canRectify } from './inspections.policy.ts';
import {
  countFindings, presentFinding, presentInspection, presentRectification, type FindingDetail, type FindingView, type InspectionView, type RefView,
} from './inspections.presenter.ts';
import * as repo from './inspections.repository.ts';

type Trx = Transaction<Database>;
type Q = Db | Trx;

/** Where a unit answers its findings in the workbench. */
const UNIT_LINK = '/admin/rectifications';

// ---- checks ----

function requireUser(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
}

function requireOffice(actor: Actor): void {
  requireUser(actor);
  if (!canManageInspections(actor)) throw new ForbiddenError('INSPECTION_FORBIDDEN', '只有政务公开办可以组织督查、下发问题和复核销号');
}

function inspectionNotFound(id: number): NotFoundError {
  return new NotFoundError('INSPECTION_NOT_FOUND', `督查检查不存在：${id}`);
}

function findingNotFound(id: number): NotFoundError {
  return new NotFoundError('FINDING_NOT_FOUND', `督查发现的问题不存在：${id}`);
}

function inspectionStateLabel(state: string): string {
  return INSPECTION_STATES[state as InspectionState] ?? state;
}

function findingStateLabel(state: string): string {
  return FINDING_STATES[state as FindingState] ?? state;
}

function checkDate(value: string, what: string, field: string): void {
  if (!isIsoDate(value)) throw new ValidationError('INSPECTION_DATE_INVALID', `${what}不是有效日期（格式 YYYY-MM-DD）：${value}`, { field, value });
}

function cleanText(value: string | undefined | null, code: string, message: string, max = 5000): string {
  const t = (value ?? '').trim();
  if (!t) throw new ValidationError(code, message);
  if (t.length > max) throw new ValidationError(code.replace(/_REQUIRED$/, '_TOO_LONG'), `${message.replace(/^请填写/, '')}不能超过${max}字`);
  return t;
}

function optionalText(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

async function loadInspection(q: Q, id: number): Promise<Inspection> {
  const i = await repo.findInspection(q, id);
  if (!i) throw inspectionNotFound(id);
  return i;
}

/** An inspection the actor may see: all for the office and observers; for a unit, an issued one with a finding naming it. */
async function loadVisibleInspection(q: Q, actor: Actor, id: number): Promise<Inspection> {
  requireUser(actor);
  const i = await repo.findInspection(q, id);
  if (!i) throw inspectionNotFound(id);
  if (canReadAllInspections(actor)) return i;
  if (actor.kind !== 'user' || i.state === 'draft') throw inspectionNotFound(id);
  const own = await repo.findingStates(q, [id], actor.unitId);
  if (!own.length) throw inspectionNotFound(id);
  return i;
}

/** A finding the actor may see (another unit's is not found), with its inspection. */
async function loadVisibleFinding(q: Q, actor: Actor, id: number): Promise<{ finding: InspectionFinding; inspection: Inspection }> {
  requireUser(actor);
  const finding = await repo.findFinding(q, id);
  if (!finding) throw findingNotFound(id);
  const inspection = (await repo.findInspection(q, finding.inspectionId))!;
  if (!canReadFinding(actor, finding, inspection)) throw findingNotFound(id);
  return { finding, inspection };
}

function refuseFinished(f: InspectionFinding): void {
  if (f.state === 'closed') throw new ConflictError('FINDING_ALREADY_CLOSED', `该问题已于${f.closedOn ?? ''}销号，不能再处理`);
  if (f.state === 'withdrawn') throw new ConflictError('FINDING_WITHDRAWN', '该问题已撤销，不能再处理');
}

// ---- views ----

async function countsFor(q: Q, inspections: Inspection[], unitId?: number) {
  const rows = await repo.findingStates(q, inspections.map((i) => i.id), unitId);
  const day = today();
  return new Map(inspections.map((i) => [i.id, countFindings(rows.filter((r) => r.inspectionId === i.id), day)]));
}

/** The unit whose findings a unit user sees (undefined: the office and observers see all). */
function ownUnit(actor: Actor): number | undefined {
  return !canReadAllInspections(actor) && actor.kind === 'user' ? actor.unitId : undefined;
}

async function publicationRef(q: Q, id: number | null): Promise<RefView | null> {
  if (id === null) return null;
  const p = await findPublishedPublication(q, id);
  return p ? { id: p.id, title: p.title, url: `/portal/publications/${p.id}` } : null;
}

async function findingViews(q: Q, rows: repo.FindingRow[]): Promise<FindingView[]> {
  const names = await unitNames(q, [...new Set(rows.map((r) => r.unitId))]);
  const day = today();
  const tasks = new Map<number, FindingView['task']>();
  for (const id of new Set(rows.map((r) => r.taskId).filter((x): x is number => x !== null))) {
    const t = await findTaskById(q, id);
    tasks.set(id, t ? { id: t.id, listId: t.listId, seq: t.seq, text: t.text } : null);
  }
  const pubs = new Map<number, RefView | null>();
  for (const id of new Set(rows.map((r) => r.publicationId).filter((x): x is number => x !== null))) pubs.set(id, await publicationRef(q, id));
  return rows.map((r) => presentFinding(r, {
    unitName: names.get(r.unitId)?.name ?? '', task: r.taskId === null ? null : tasks.get(r.taskId) ?? null,
    publication: r.publicationId === null ? null : pubs.get(r.publicationId) ?? null, today: day,
  }));
}

function rowOf(f: InspectionFinding, i: Inspection): repo.FindingRow {
  return { ...f, inspectionTitle: i.title, inspectionKind: i.kind, inspectionState: i.state, inspectionYear: i.year };
}

async function findingDetail(q: Q, f: InspectionFinding, i: Inspection): Promise<FindingDetail> {
  const [view] = await findingViews(q, [rowOf(f, i)]);
  const reports = await repo.findReports(q, f.id);
  const attachments = await repo.findAttachments(q, reports.map((r) => r.id));
  const rectifications = [];
  for (const r of reports) {
    const ids = JSON.parse(r.evidencePublicationIds || '[]') as number[];
    const pubs: RefView[] = [];
    for (const id of ids) pubs.push((await publicationRef(q, id)) ?? { id, title: '（已不再公开）', url: null });
    rectifications.push(presentRectification(r, attachments.filter((a) => a.reportId === r.id), pubs));
  }
  return { ...view!, rectifications };
}

async function inspectionView(q: Q, actor: Actor, i: Inspection): Promise<InspectionView> {
  return presentInspection(i, (await countsFor(q, [i], ownUnit(actor))).get(i.id)!);
}

// ---- inspections ----

export interface InspectionInput {
  year: number;
  kind: string;
  title: string;
  source?: string | null;
  description?: string | null;
  startedOn?: string | null;
  endedOn?: string | null;
}

export interface InspectionFilter {
  year?: number;
  kind?: string;
  state?: string;
  published?: boolean;
  limit?: number;
  offset?: number;
}

/** Inspections the actor may see: all for the office and observers; a unit's: the issued ones with findings naming it (counts of its own findings). */
export async function listInspections(db: Db, actor: Actor, f: InspectionFilter = {}): Promise<{ items: InspectionView[]; total: number }> {
  requireUser(actor);
  const unitId = ownUnit(actor);
  const { rows, total } = await repo.findInspections(db, { year: f.year, kind: f.kind, state: f.state, published: f.published, forUnitId: unitId }, f.limit ?? 50, f.offset ?? 0);
  const counts = await countsFor(db, rows, unitId);
  return { items: rows.map((i) => presentInspection(i, counts.get(i.id)!)), total };
}

export async function getInspection(db: Db, actor: Actor, id: number): Promise<InspectionView> {
  return inspectionView(db, actor, await loadVisibleInspection(db, actor, id));
}

function checkInspection(input: Partial<InspectionInput>): void {
  if (input.kind !== undefined && !(KIND_KEYS as string[]).includes(input.kind)) {
    throw new ValidationError('INSPECTION_KIND_INVALID', `检查类型不正确：${input.kind}（可选：${KIND_KEYS.join('、')}）`);
  }
  if (input.year !== undefined && (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)) throw new ValidationError('INSPECTION_YEAR_INVALID', `年度不正确：${input.year}`);
  if (input.startedOn) checkDate(input.startedOn, '检查开始日期', 'startedOn');
  if (input.endedOn) checkDate(input.endedOn, '检查结束日期', 'endedOn');
}

function checkPeriod(i: { startedOn: string | null; endedOn: string | null }): void {
  if (i.startedOn && i.endedOn && i.endedOn < i.startedOn) throw new ValidationError('INSPECTION_DATES_INVERTED', `检查结束日期（${i.endedOn}）早于开始日期（${i.startedOn}）`);
}

/** Creates a draft inspection (its findings are not issued until it is opened). */
export async function createInspection(db: Db, actor: Actor, input: InspectionInput): Promise<InspectionView> {
  requireOffice(actor);
  checkInspection(input);
  const title = cleanText(input.title, 'INSPECTION_TITLE_REQUIRED', '请填写检查名称', 300);
  const row = { startedOn: input.startedOn || null, endedOn: input.endedOn || null };
  checkPeriod(row);
  const created = await db.transaction().execute(async (trx) => {
    const at = now();
    const i = await repo.insertInspection(trx, {
      year: input.year, kind: input.kind, title, source: optionalText(input.source), description: optionalText(input.description), ...row,
      state: 'draft', published: 0, publishedOn: null, createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: at, updatedAt: at,
    });
    await recordAudit(trx, actor, { action: 'create_inspection', resourceType: 'inspection', resourceId: i.id, after: i });
    return i;
  });
  return inspectionView(db, actor, created);
}

/** Corrects an inspection's description (not once it is closed). */
export async function updateInspection(db: Db, actor: Actor, id: number, patch: Partial<InspectionInput>): Promise<InspectionView> {
  requireOffice(actor);
  checkInspection(patch);
  const after = await db.transaction().execute(async (trx) => {
    const before = await loadInspection(trx, id);
    if (before.state === 'closed') throw new ConflictError('INSPECTION_CLOSED', '该督查检查已结束，不能再修改');
    const next: Partial<Inspection> = {};
    if (patch.title !== undefined) next.title = cleanText(patch.title, 'INSPECTION_TITLE_REQUIRED', '请填写检查名称', 300);
    if (patch.year !== undefined) next.year = patch.year;
    if (patch.kind !== undefined) next.kind = patch.kind;
    if (patch.source !== undefined) next.source = optionalText(patch.source);
    if (patch.description !== undefined) next.description = optionalText(patch.description);
    if (patch.startedOn !== undefined) next.startedOn = patch.startedOn || null;
    if (patch.endedOn !== undefined) next.endedOn = patch.endedOn || null;
    checkPeriod({ ...before, ...next });
    const a = await repo.updateInspection(trx, id, { ...next, updatedAt: now() });
    await recordAudit(trx, actor, { action: 'update_inspection', resourceType: 'inspection', resourceId: id, before, after: a });
    return a;
  });
  return inspectionView(db, actor, after);
}

/** Deletes a draft inspection and its findings (an opened one was issued to units and is kept). */
export async function deleteInspection(db: Db, actor: Actor, id: number): Promise<void> {
  requireOffice(actor);
  await db.transaction().execute(async (trx) => {
    const before = await loadInspection(trx, id);
    if (before.state !== 'draft') throw new ConflictError('INSPECTION_NOT_DRAFT', `该督查检查当前为“${inspectionStateLabel(before.state)}”，只能删除草稿`);
    await repo.deleteInspection(trx, id);
    await recordAudit(trx, actor, { action: 'delete_inspection', resourceType: 'inspection', resourceId: id, before });
  });
}

/** Opens a draft inspection: its findings are issued, and each unit named is notified once. */
export async function openInspection(db: Db, actor: Actor, id: number): Promise<InspectionView> {
  requireOffice(actor);
  const after = await db.transaction().execute(async (trx) => {
    const before = await loadInspection(trx, id);
    if (before.state !== 'draft') throw new ConflictError('INSPECTION_NOT_DRAFT', `该督查检查当前为“${inspectionStateLabel(before.state)}”，只有草稿可以下发`);
    const ok = await repo.updateInspectionIfState(trx, id, 'draft', { state: 'open', updatedAt: now() });
    if (!ok) throw new ConflictError('INSPECTION_CHANGED', '该督查检查刚刚已被其他人处理，请刷新后重试');
    const { rows } = await repo.findFindings(trx, { inspectionId: id }, 10_000, 0);
    const byUnit = new Map<number, number>();
    for (const f of rows) byUnit.set(f.unitId, (byUnit.get(f.unitId) ?? 0) + 1);
    const kind = INSPECTION_KINDS[before.kind as keyof typeof INSPECTION_KINDS] ?? before.kind;
    for (const [unitId, n] of byUnit) {
      await notifyUnit(trx, unitId, { title: '收到督查整改问题', body: `“${before.title}”（${kind}）发现本单位问题${n}个，请按要求在期限内整改并报送整改情况。`, link: UNIT_LINK, external: true });
    }
    await recordAudit(trx, actor, { action: 'open_inspection', resourceType: 'inspection', resourceId: id, before: { state: 'draft' }, after: { state: 'open', units: [...byUnit.keys()] } });
    return (await repo.findInspection(trx, id))!;
  });
  return inspectionView(db, actor, after);
}

/** Ends an open inspection once every finding is closed (销号) or withdrawn. */
export async function closeInspection(db: Db, actor: Actor, id: number): Promise<InspectionView> {
  requireOffice(actor);
  const after = await db.transaction().execute(async (trx) => {
    const before = await loadInspection(trx, id);
    if (before.state !== 'open') throw new ConflictError('INSPECTION_NOT_OPEN', `该督查检查当前为“${inspectionStateLabel(before.state)}”，只有整改中的检查可以结束`);
    const pending = (await repo.findingStates(trx, [id])).filter((f) => !isFinished(f.state)).length;
    if (pending) throw new ConflictError('INSPECTION_FINDINGS_OPEN', `还有${pending}个问题尚未销号，不能结束该督查检查`, { pending });
    const ok = await repo.updateInspectionIfState(trx, id, 'open', { state: 'closed', updatedAt: now() });
    if (!ok) throw new ConflictError('INSPECTION_CHANGED', '该督查检查刚刚已被其他人处理，请刷新后重试');
    await recordAudit(trx, actor, { action: 'close_inspection', resourceType: 'inspection', resourceId: id, before: { state: 'open' }, after: { state: 'closed' } });
    return (await repo.findInspection(trx, id))!;
  });
  return inspectionView(db, actor, after);
}

/**
 * Publishes (or takes down) an issued inspection's findings and their rectification status on the
 * public pages — item 32: 加大督查和审计发现问题及整改情况公开力度.
 */
export async function publishInspection(db: Db, actor: Actor, id: number, input: { published?: boolean; publishedOn?: string | null } = {}): Promise<InspectionView> {
  requireOffice(actor);
  const published = input.published ?? true;
  if (input.publishedOn) {
    checkDate(input.publishedOn, '公开日期', 'publishedOn');
    if (input.publishedOn > today()) throw new ValidationError('INSPECTION_DATE_IN_FUTURE', `公开日期不能晚于今天：${input.publishedOn}`);
  }
  const after = await db.transaction().execute(async (trx) => {
    const before = await loadInspection(trx, id);
    if (before.state === 'draft') throw new ConflictError('INSPECTION_NOT_OPEN', '草稿状态的督查检查尚未下发，不能公开');
    const patch = published
      ? { published: flag(true), publishedOn: input.publishedOn || before.publishedOn || today() }
      : { published: flag(false) };
    const a = await repo.updateInspection(trx, id, { ...patch, updatedAt: now() });
    await recordAudit(trx, actor, {
      action: published ? 'publish_inspection' : 'unpublish_inspection', resourceType: 'inspection', resourceId: id,
      before: { published: before.published, publishedOn: before.publishedOn }, after: { published: a.published, publishedOn: a.publishedOn },
    });
    return a;
  });
  return inspectionView(db, actor, after);
}

// ---- findings ----

export interface FindingInput {
  unitId: number;
  taskId?: number | null;
  publicationId?: number | null;
  severity: string;
  problem: string;
  requirement: string;
  dueOn: string;
}

export interface FindingFilter {
  inspectionId?: number;
  unitId?: number;
  /** the actor's own unit's findings */
  mine?: boolean;
  state?: string;
  year?: number;
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

/** Findings the actor may see: the office and observers all (filtered), a unit only those naming it in issued inspections. */
export async function listFindings(db: Db, actor: Actor, f: FindingFilter = {}): Promise<{ items: FindingView[]; total: number }> {
  requireUser(actor);
  let unitId = f.unitId;
  const own = ownUnit(actor);
  if (own !== undefined) {
    if (f.unitId !== undefined && f.unitId !== own) throw new ForbiddenError('FINDING_FORBIDDEN', '只能查看本单位的督查整改问题');
    unitId = own;
  } else if (f.mine && actor.kind === 'user') unitId = actor.unitId;
  if (f.inspectionId !== undefined) await loadVisibleInspection(db, actor, f.inspectionId);
  const { rows, total } = await repo.findFindings(db, {
    inspectionId: f.inspectionId, unitId, state: f.state, year: f.year, overdueBefore: f.overdue ? today() : undefined, issuedOnly: own !== undefined,
  }, f.limit ?? 100, f.offset ?? 0);
  return { items: await findingViews(db, rows), total };
}

export async function getFinding(db: Db, actor: Actor, id: number): Promise<FindingDetail> {
  const { finding, inspection } = await loadVisibleFinding(db, actor, id);
  return findingDetail(db, finding, inspection);
}

async function checkFindingRefs(q: Q, input: Partial<FindingInput>): Promise<void> {
  if (input.severity !== undefined && !(SEVERITY_KEYS as string[]).includes(input.severity)) {
    throw new ValidationError('FINDING_SEVERITY_INVALID', `问题严重程度不正确：${input.severity}（可选：${SEVERITY_KEYS.join('、')}）`);
  }
  if (input.dueOn !== undefined) checkDate(input.dueOn, '整改期限', 'dueOn');
  if (input.unitId !== undefined && !(await getUnit(q, input.unitId))) throw new ValidationError('FINDING_UNIT_NOT_FOUND', `整改单位不存在：${input.unitId}`, { field: 'unitId' });
  if (input.taskId != null && !(await findTaskById(q, input.taskId))) throw new ValidationError('FINDING_TASK_NOT_FOUND', `清单任务不存在：${input.taskId}`, { field: 'taskId' });
  if (input.publicationId != null && !(await findPublishedPublication(q, input.publicationId))) {
    throw new ValidationError('FINDING_PUBLICATION_NOT_FOUND', `所涉及的政府信息不存在或未公开：${input.publicationId}`, { field: 'publicationId' });
  }
}

function notifyIssued(trx: Trx, i: Inspection, f: InspectionFinding): Promise<number> {
  return notifyUnit(trx, f.unitId, { title: '收到督查整改问题', body: `“${i.title}”发现本单位问题：${f.problem.slice(0, 60)}，请于${f.dueOn}前整改并报送整改情况。`, link: UNIT_LINK, external: true });
}

/** Adds a finding to a draft or open inspection (in an open one it is issued to its unit at once). */
export async function addFinding(db: Db, actor: Actor, inspectionId: number, input: FindingInput): Promise<FindingDetail> {
  requireOffice(actor);
  const problem = cleanText(input.problem, 'FINDING_PROBLEM_REQUIRED', '请填写发现的问题');
  const requirement = cleanText(input.requirement, 'FINDING_REQUIREMENT_REQUIRED', '请填写整改要求');
  const { finding, inspection } = await db.transaction().execute(async (trx) => {
    const i = await loadInspection(trx, inspectionId);
    if (i.state === 'closed') throw new ConflictError('INSPECTION_CLOSED', '该督查检查已结束，不能再添加问题');
    await checkFindingRefs(trx, input);
    const at = now();
    const f = await repo.insertFinding(trx, {
      inspectionId, unitId: input.unitId, taskId: input.taskId ?? null, publicationId: input.publicationId ?? null, severity: input.severity, problem, requirement,
      dueOn: input.dueOn, state: 'open', closedOn: null, officeNote: null, createdAt: at, updatedAt: at,
    });
    if (i.state === 'open') await notifyIssued(trx, i, f);
    await recordAudit(trx, actor, { action: 'add_finding', resourceType: 'inspectionFinding', resourceId: f.id, after: f });
    return { finding: f, inspection: i };
  });
  return findingDetail(db, finding, inspection);
}

/** Corrects a finding that is not finished (a new unit of an issued finding is notified). */
export async function updateFinding(db: Db, actor: Actor, id: number, patch: Partial<FindingInput>): Promise<FindingDetail> {
  requireOffice(actor);
  const { finding, inspection } = await db.transaction().execute(async (trx) => {
    const before = await repo.findFinding(trx, id);
    if (!before) throw findingNotFound(id);
    refuseFinished(before);
    const i = (await repo.findInspection(trx, before.inspectionId))!;
    await checkFindingRefs(trx, patch);
    const next: Partial<InspectionFinding> = {};
    if (patch.unitId !== undefined) next.unitId = patch.unitId;
    if (patch.taskId !== undefined) next.taskId = patch.taskId;
    if (patch.publicationId !== undefined) next.publicationId = patch.publicationId;
    if (patch.severity !== undefined) next.severity = patch.severity;
    if (patch.dueOn !== undefined) next.dueOn = patch.dueOn;
    if (patch.problem !== undefined) next.problem = cleanText(patch.problem, 'FINDING_PROBLEM_REQUIRED', '请填写发现的问题');
    if (patch.requirement !== undefined) next.requirement = cleanText(patch.requirement, 'FINDING_REQUIREMENT_REQUIRED', '请填写整改要求');
    const after = await repo.updateFinding(trx, id, { ...next, updatedAt: now() });
    if (i.state === 'open' && after.unitId !== before.unitId) await notifyIssued(trx, i, after);
    await recordAudit(trx, actor, { action: 'update_finding', resourceType: 'inspectionFinding', resourceId: id, before, after });
    return { finding: after, inspection: i };
  });
  return findingDetail(db, finding, inspection);
}

/** Withdraws a finding issued by mistake, with the reason (it no longer counts anywhere). */
export async function withdrawFinding(db: Db, actor: Actor, id: number, input: { reason?: string | null }): Promise<FindingDetail> {
  requireOffice(actor);
  const reason = cleanText(input.reason, 'FINDING_WITHDRAW_REASON_REQUIRED', '请填写撤销原因', 1000);
  const { finding, inspection } = await db.transaction().execute(async (trx) => {
    const before = await repo.findFinding(trx, id);
    if (!before) throw findingNotFound(id);
    refuseFinished(before);
    const ok = await repo.updateFindingIfState(trx, id, [before.state], { state: 'withdrawn', officeNote: reason, updatedAt: now() });
    if (!ok) throw new ConflictError('FINDING_CHANGED', '该问题刚刚已被其他人处理，请刷新后重试');
    await recordAudit(trx, actor, { action: 'withdraw_finding', resourceType: 'inspectionFinding', resourceId: id, before: { state: before.state }, after: { state: 'withdrawn', reason } });
    return { finding: (await repo.findFinding(trx, id))!, inspection: (await repo.findInspection(trx, before.inspectionId))! };
  });
  return findingDetail(db, finding, inspection);
}

// ---- rectification ----

export interface RectificationInput {
  text: string;
  evidenceLinks: string[];
  publicationIds: number[];
  files: { fileName: string; bytes: Buffer }[];
}

function cleanLinks(raw: string[]): string[] {
  const links = raw.map((l) => l.trim()).filter(Boolean);
  if (links.length > MAX_LINKS) throw new ValidationError('RECTIFICATION_TOO_MANY_LINKS', `佐证链接最多${MAX_LINKS}个`);
  for (const l of links) {
    let ok = false;
    try { ok = ['http:', 'https:'].includes(new URL(l).protocol); } catch { ok = false; }
    if (!ok) throw new ValidationError('RECTIFICATION_LINK_INVALID', `佐证链接不是有效的网址：${l}`, { field: 'evidenceLinks', value: l });
  }
  return [...new Set(links)];
}

/**
 * A unit answers a finding (open, or returned to it) with its rectification report and evidence:
 * links, its own published publications, uploaded files (PDF, Word, Excel, images — checked by
 * content). The finding then awaits the office's verification.
 */
export async function submitRectification(db: Db, actor: Actor, findingId: number, input: RectificationInput, limits: { maxBytes: number }): Promise<FindingDetail> {
  requireUser(actor);
  const text = cleanText(input.text, 'RECTIFICATION_TEXT_REQUIRED', '请填写整改情况', 20_000);
  const links = cleanLinks(input.evidenceLinks);
  const publicationIds = [...new Set(input.publicationIds)];
  if (publicationIds.length > MAX_LINKS) throw new ValidationError('RECTIFICATION_TOO_MANY_PUBLICATIONS', `关联的政府信息最多${MAX_LINKS}条`);
  if (input.files.length > MAX_ATTACHMENTS) throw new ValidationError('RECTIFICATION_TOO_MANY_ATTACHMENTS', `附件最多${MAX_ATTACHMENTS}个`);
  const files = input.files.map((f) => {
    if (f.bytes.length > limits.maxBytes) throw new ValidationError('RECTIFICATION_ATTACHMENT_TOO_LARGE', `附件“${f.fileName}”超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
    if (f.bytes.length === 0) throw new ValidationError('RECTIFICATION_ATTACHMENT_EMPTY', `附件“${f.fileName}”是空文件`);
    return { ...f, kind: sniffAttachment(f.fileName, f.bytes, 'RECTIFICATION_ATTACHMENT_TYPE') };
  });
  if (!links.length && !publicationIds.length && !files.length) throw new ValidationError('RECTIFICATION_EVIDENCE_REQUIRED', '请提供佐证材料：佐证链接、本单位已公开的政府信息或上传附件');
  const { finding, inspection } = await db.transaction().execute(async (trx) => {
    const { finding: f, inspection: i } = await loadVisibleFinding(trx, actor, findingId);
    if (!canRectify(actor, f)) throw new ForbiddenError('RECTIFICATION_FORBIDDEN', '只有被督查的单位可以报送整改情况');
    refuseFinished(f);
    if (i.state !== 'open') throw new ConflictError('INSPECTION_NOT_OPEN', `该督查检查当前为“${inspectionStateLabel(i.state)}”，不能报送整改情况`);
    if (f.state === 'submitted') throw new ConflictError('FINDING_AWAITING_VERIFICATION', '整改情况已报送，正在等待政务公开办复核');
    for (const pid of publicationIds) {
      const p = await findPublishedPublication(trx, pid);
      if (!p || p.unitId !== f.unitId) throw new ValidationError('RECTIFICATION_PUBLICATION_INVALID', `佐证的政府信息须为本单位已公开的信息：${pid}`, { field: 'publicationIds', value: pid });
    }
    const at = now();
    const latest = await repo.findLatestReport(trx, f.id);
    const r = await repo.insertReport(trx, {
      findingId: f.id, version: (latest?.version ?? 0) + 1, text, evidenceLinks: JSON.stringify(links), evidencePublicationIds: JSON.stringify(publicationIds),
      state: 'submitted', submittedBy: actor.kind === 'user' ? actor.userId : null, submittedAt: at, verifiedBy: null, verifiedAt: null, verificationNote: null,
    });
    for (const file of files) {
      await repo.insertAttachment(trx, {
        reportId: r.id, fileName: file.fileName, mimeType: file.kind.mimeType, size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'), content: file.bytes, createdAt: at,
      });
    }
    const ok = await repo.updateFindingIfState(trx, f.id, ['open', 'returned'], { state: 'submitted', updatedAt: at });
    if (!ok) throw new ConflictError('FINDING_CHANGED', '该问题刚刚已被其他人处理，请刷新后重试');
    const unitName = (await getUnit(trx, f.unitId))?.name ?? '';
    for (const office of await listUnits(trx, { kind: 'office' })) {
      await notifyUnit(trx, office.id, { title: '有整改情况待复核', body: `${unitName}报送了“${i.title}”发现问题的整改情况（第${r.version}版），请复核。`, link: `/admin/inspections/${i.id}?finding=${f.id}` });
    }
    await recordAudit(trx, actor, {
      action: 'submit_rectification', resourceType: 'inspectionFinding', resourceId: f.id,
      before: { state: f.state }, after: { state: 'submitted', reportId: r.id, version: r.version, links, publicationIds, attachments: files.map((x) => x.fileName) },
    });
    return { finding: (await repo.findFinding(trx, f.id))!, inspection: i };
  });
  return findingDetail(db, finding, inspection);
}

/**
 * 销号: the office closes a finding — after verifying the unit's rectification report (the report
 * is accepted), or directly with a note saying why (e.g. fixed on the spot). A closed finding is
 * final (FINDING_ALREADY_CLOSED).
 */
export async function closeFinding(db: Db, actor: Actor, id: number, input: { note?: string | null; closedOn?: string | null } = {}): Promise<FindingDetail> {
  requireOffice(actor);
  const note = optionalText(input.note);
  if (note && note.length > 2000) throw new ValidationError('FINDING_NOTE_TOO_LONG', '复核意见不能超过2000字');
  const closedOn = input.closedOn || today();
  checkDate(closedOn, '销号日期', 'closedOn');
  if (closedOn > today()) throw new ValidationError('INSPECTION_DATE_IN_FUTURE', `销号日期不能晚于今天：${closedOn}`);
  const { finding, inspection } = await db.transaction().execute(async (trx) => {
    const f = await repo.findFinding(trx, id);
    if (!f) throw findingNotFound(id);
    refuseFinished(f);
    const i = (await repo.findInspection(trx, f.inspectionId))!;
    if (i.state === 'draft') throw new ConflictError('INSPECTION_NOT_OPEN', '该督查检查尚未下发，不能销号');
    const at = now();
    if (f.state === 'submitted') {
      const latest = (await repo.findLatestReport(trx, f.id))!;
      await repo.verifyReportIfSubmitted(trx, latest.id, { state: 'accepted', verifiedBy: actor.kind === 'user' ? actor.userId : null, verifiedAt: at, verificationNote: note });
    } else if (!note) {
      throw new ValidationError('FINDING_CLOSE_NOTE_REQUIRED', `该问题当前为“${findingStateLabel(f.state)}”，没有待复核的整改报告，直接销号须写明理由`);
    }
    const ok = await repo.updateFindingIfState(trx, id, [f.state], { state: 'closed', closedOn, officeNote: note, updatedAt: at });
    if (!ok) throw new ConflictError('FINDING_CHANGED', '该问题刚刚已被其他人处理，请刷新后重试');
    await notifyUnit(trx, f.unitId, { title: '督查整改问题已销号', body: `“${i.title}”发现的问题（${f.problem.slice(0, 40)}）已复核通过，予以销号。`, link: UNIT_LINK });
    await recordAudit(trx, actor, { action: 'close_finding', resourceType: 'inspectionFinding', resourceId: id, before: { state: f.state }, after: { state: 'closed', closedOn, note } });
    return { finding: (await repo.findFinding(trx, id))!, inspection: i };
  });
  return findingDetail(db, finding, inspection);
}

/** 退回: the office sends a submitted rectification back to the unit, with the reason (required). */
export async function returnFinding(db: Db, actor: Actor, id: number, input: { reason?: string | null }): Promise<FindingDetail> {
  requireOffice(actor);
  const reason = cleanText(input.reason, 'FINDING_RETURN_REASON_REQUIRED', '请填写退回原因', 2000);
  const { finding, inspection } = await db.transaction().execute(async (trx) => {
    const f = await repo.findFinding(trx, id);
    if (!f) throw findingNotFound(id);
    refuseFinished(f);
    if (f.state !== 'submitted') throw new ConflictError('FINDING_NOT_SUBMITTED', `该问题当前为“${findingStateLabel(f.state)}”，没有待复核的整改报告可以退回`);
    const i = (await repo.findInspection(trx, f.inspectionId))!;
    const at = now();
    const latest = (await repo.findLatestReport(trx, f.id))!;
    const ok = await repo.verifyReportIfSubmitted(trx, latest.id, { state: 'returned', verifiedBy: actor.kind === 'user' ? actor.userId : null, verifiedAt: at, verificationNote: reason })
      && await repo.updateFindingIfState(trx, id, ['submitted'], { state: 'returned', updatedAt: at });
    if (!ok) throw new ConflictError('FINDING_CHANGED', '该问题刚刚已被其他人处理，请刷新后重试');
    await notifyUnit(trx, f.unitId, { title: '整改情况被退回', body: `“${i.title}”发现的问题（${f.problem.slice(0, 40)}）整改情况被退回：${reason}`, link: UNIT_LINK, external: true });
    await recordAudit(trx, actor, { action: 'return_finding', resourceType: 'inspectionFinding', resourceId: id, before: { state: 'submitted' }, after: { state: 'returned', reportId: latest.id, reason } });
    return { finding: (await repo.findFinding(trx, id))!, inspection: i };
  });
  return findingDetail(db, finding, inspection);
}

/** An attachment of a rectification report, for whoever may read the finding. */
export async function getRectificationAttachment(db: Db, actor: Actor, reportId: number, attachmentId: number): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
  requireUser(actor);
  const r = await repo.findReport(db, reportId);
  if (!r) throw new NotFoundError('RECTIFICATION_NOT_FOUND', `整改报告不存在：${reportId}`);
  await loadVisibleFinding(db, actor, r.findingId).catch((e) => {
    throw e instanceof NotFoundError ? new NotFoundError('RECTIFICATION_NOT_FOUND', `整改报告不存在：${reportId}`) : e;
  });
  const a = await repo.findAttachment(db, reportId, attachmentId);
  if (!a) throw new NotFoundError('RECTIFICATION_ATTACHMENT_NOT_FOUND', `附件不存在：${attachmentId}`);
  return { fileName: a.fileName, mimeType: a.mimeType, content: Buffer.from(a.content) };
}

// ---- for other modules ----

/** Per unit: the findings due in a year and how many were closed (销号) on or before their due date. */
export interface RectificationTimeliness {
  due: number;
  closedOnTime: number;
  /** every finding counted in `due` */
  findingIds: number[];
  /** those not closed on time (closed late, or not closed) */
  lateIds: number[];
}

/**
 * Rectification timeliness for evaluation (考核): per unit, the findings of issued inspections
 * whose due date falls in the year (withdrawn ones left out), and how many were closed on or before
 * their due date. The id lists make a score traceable to the findings behind it.
 */
export async function rectificationTimeliness(db: Db, q: { year: number; unitId?: number }): Promise<Map<number, RectificationTimeliness>> {
  const out = new Map<number, RectificationTimeliness>();
  for (const f of await repo.findingsDueInYear(db, q.year, q.unitId)) {
    const t = out.get(f.unitId) ?? { due: 0, closedOnTime: 0, findingIds: [], lateIds: [] };
    t.due++;
    t.findingIds.push(f.id);
    if (f.state === 'closed' && f.closedOn && f.closedOn <= f.dueOn) t.closedOnTime++;
    else t.lateIds.push(f.id);
    out.set(f.unitId, t);
  }
  return out;
}

/** Unit merge: findings follow their unit. */
export async function moveFindingsToUnit(trx: Trx, fromUnitId: number, intoUnitId: number): Promise<void> {
  await repo.moveFindingsToUnit(trx, fromUnitId, intoUnitId);
}

// ---- public ----

export interface PublicFinding {
  id: number;
  unitName: string;
  severityLabel: string;
  problem: string;
  requirement: string;
  dueOn: string;
  status: PublicStatus;
  closedOn: string | null;
}

/** Published inspections, newest first, with their public counts. */
export async function listPublishedInspections(db: Db, f: { year?: number; limit: number; offset: number }): Promise<{ items: (InspectionView & { statusCounts: Record<PublicStatus, number> })[]; total: number; years: number[] }> {
  const { rows, total } = await repo.findInspections(db, { published: true, year: f.year }, f.limit, f.offset);
  const states = await repo.findingStates(db, rows.map((r) => r.id));
  const day = today();
  const items = rows.filter((r) => r.state !== 'draft').map((i) => {
    const mine = states.filter((s) => s.inspectionId === i.id && s.state !== 'withdrawn');
    const statusCounts: Record<PublicStatus, number> = { inProgress: 0, closed: 0, overdue: 0 };
    for (const s of mine) statusCounts[publicStatusOf(s, day)]++;
    return { ...presentInspection(i, countFindings(mine, day)), statusCounts };
  });
  const all = await repo.findInspections(db, { published: true }, 10_000, 0);
  return { items, total, years: [...new Set(all.rows.map((r) => r.year))].sort((a, b) => b - a) };
}

/** A published inspection and its findings (withdrawn ones left out) as the public may see them: no notes, no reports, no people. */
export async function getPublishedInspection(db: Db, id: number): Promise<{ inspection: InspectionView; findings: PublicFinding[] } | null> {
  const i = await repo.findInspection(db, id);
  if (!i || i.state === 'draft' || !i.published) return null;
  const { rows } = await repo.findFindings(db, { inspectionId: id }, 10_000, 0);
  const visible = rows.filter((r) => r.state !== 'withdrawn');
  const names = await unitNames(db, [...new Set(visible.map((r) => r.unitId))]);
  const day = today();
  const findings = visible.map((r) => ({
    id: r.id, unitName: names.get(r.unitId)?.name ?? '', severityLabel: presentFinding(r, { unitName: '', task: null, publication: null, today: day }).severityLabel,
    problem: r.problem, requirement: r.requirement, dueOn: r.dueOn, status: publicStatusOf(r, day), closedOn: r.state === 'closed' ? r.closedOn : null,
  }));
  return { inspection: presentInspection(i, countFindings(visible, day)), findings };
}
