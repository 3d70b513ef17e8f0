/**
 * Progress reporting: reporting periods, a unit's reports with evidence (never overwritten — a
 * resubmission is a new version), reviews by lead units and the office, the status of every
 * assignment per period, and the office's matrix and overview.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, List, ProgressReport, ReportingPeriod } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { flag, isSet, now, parseJson } from '../../db/portable.ts';
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { unitNames } from '../directory/index.ts';
import {
  canManageLists, canReadList, findAssignmentFacts, findLeadUnits, findListById, findSections, findTaskById, findTasks,
  setAssignmentFinalState, setReportingCycle as storeReportingCycle, type AssignmentFacts,
} from '../lists/index.ts';
import { notifyUnit } from '../notifications/index.ts';
import { publicationsForAssignments } from '../publications/index.ts';
import { sniffAttachment } from '../../platform/file-kinds.ts';
import { currentPeriod, generatePeriods, REPORTING_CYCLES, type ReportingCycle } from './periods.ts';
import * as repo from './progress.repository.ts';
import { canReadAssignment, canReport, canReview, reviewingUnits } from './progress.policy.ts';
import { FINAL_STATE, finalStateOf, periodStatus, REPORT_STATUS, type FinalState, type ReportStatus } from './status.ts';

type Q = Kysely<Database> | Transaction<Database>;

// ---- periods ----

export interface PeriodView {
  id: number;
  seq: number;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  taskId: number | null;
}

function presentPeriod(p: ReportingPeriod): PeriodView {
  return { id: p.id, seq: p.seq, label: p.label, startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn, taskId: p.taskId };
}

/** Creates a list's own periods from its cycle when it has none (run when a list is published). */
export async function ensureListPeriods(trx: Q, list: List): Promise<void> {
  const existing = await repo.findPeriods(trx, list.id);
  if (existing.some((p) => p.taskId === null)) return;
  const cycle = (list.reportingCycle in REPORTING_CYCLES ? list.reportingCycle : 'quarterly') as ReportingCycle;
  await repo.insertPeriods(trx, generatePeriods(list.year, cycle).map((p) => ({ ...p, listId: list.id, taskId: null })));
}

/** The periods of a list the actor may read (its own and those of tasks with their own cycle). */
export async function listPeriods(db: Db, actor: Actor, listId: number): Promise<PeriodView[]> {
  const list = await findListById(db, listId);
  if (!list || !canReadList(actor, list)) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${listId}`);
  return (await repo.findPeriods(db, listId)).map(presentPeriod);
}

function assertCycle(cycle: string): asserts cycle is ReportingCycle {
  if (!(cycle in REPORTING_CYCLES)) throw new ValidationError('PERIOD_INVALID_CYCLE', `未知报送周期：${cycle}（可选：${Object.keys(REPORTING_CYCLES).join('、')}）`);
}

/**
 * Sets the reporting cycle of a list, or of one task (null: back to the list's), and regenerates the
 * periods — refused once reports exist in the periods it would replace.
 */
export async function setReportingCycle(
  db: Db, actor: Actor, target: { listId: number } | { taskId: number }, cycle: string | null,
): Promise<PeriodView[]> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canManageLists(actor)) throw new ForbiddenError('PERIOD_FORBIDDEN', '只有政务公开办可以设置报送周期');
  if (cycle !== null) assertCycle(cycle);
  if ('listId' in target && cycle === null) throw new ValidationError('PERIOD_INVALID_CYCLE', '清单必须有报送周期');
  return db.transaction().execute(async (trx) => {
    const task = 'taskId' in target ? await findTaskById(trx, target.taskId) : undefined;
    if ('taskId' in target && !task) throw new NotFoundError('TASK_NOT_FOUND', `任务不存在：${target.taskId}`);
    const listId = 'listId' in target ? target.listId : task!.listId;
    const list = await findListById(trx, listId);
    if (!list) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${listId}`);
    const taskId = task ? task.id : null;
    const replaced = (await repo.findPeriods(trx, listId)).filter((p) => p.taskId === taskId);
    if ((await repo.countReportsInPeriods(trx, replaced.map((p) => p.id))) > 0) {
      throw new ConflictError('PERIOD_HAS_REPORTS', '已有单位按现有周期报送进展，不能再更改报送周期');
    }
    await repo.deletePeriods(trx, listId, taskId);
    await storeReportingCycle(trx, task ? { taskId: task.id } : { listId }, cycle);
    if (cycle !== null && (list.state === 'published' || taskId !== null)) {
      await repo.insertPeriods(trx, generatePeriods(list.year, cycle, task?.dueDate).map((p) => ({ ...p, listId, taskId })));
    }
    await repo.bumpRevision(trx, listId);
    await recordAudit(trx, actor, { action: 'set_reporting_cycle', resourceType: task ? 'task' : 'list', resourceId: task ? task.id : listId, before: replaced.map((p) => p.label), after: { cycle } });
    return (await repo.findPeriods(trx, listId)).map(presentPeriod);
  });
}

// ---- evaluation: status of assignments ----

export interface ReportSummary {
  id: number;
  version: number;
  state: string;
  submittedAt: string;
}

export interface WorkbenchAssignment {
  id: number;
  taskId: number;
  listId: number;
  listTitle: string;
  seq: number;
  taskText: string;
  sectionNumeral: string | null;
  subsectionNumeral: string | null;
  dueDate: string | null;
  deadlineText: string | null;
  unitId: number;
  unitName: string;
  role: string;
  currentPeriod: { id: number; label: string; dueOn: string } | null;
  status: ReportStatus;
  statusLabel: string;
  finalState: FinalState;
  finalStateLabel: string;
  lastReport: ReportSummary | null;
}

interface Evaluated {
  facts: AssignmentFacts;
  period: ReportingPeriod | null;
  periods: ReportingPeriod[];
  latest: repo.ReportFacts | undefined;
  reports: repo.ReportFacts[];
  status: ReportStatus;
  finalState: FinalState;
}

/** The periods that apply to a task: its own when it has a cycle of its own, else the list's. */
function periodsOfTask(all: ReportingPeriod[], taskId: number): ReportingPeriod[] {
  const own = all.filter((p) => p.taskId === taskId);
  return own.length ? own : all.filter((p) => p.taskId === null);
}

/** Latest version per (assignment, period). */
function latestByKey<R extends { assignmentId: number; periodId: number; version: number }>(reports: R[]): Map<string, R> {
  const m = new Map<string, R>();
  for (const r of reports) {
    const k = `${r.assignmentId}:${r.periodId}`;
    const cur = m.get(k);
    if (!cur || r.version > cur.version) m.set(k, r);
  }
  return m;
}

/**
 * Evaluates assignments in a period (`periodId`, or each task's current period): the latest report
 * version, the status, the final state.
 */
async function evaluate(q: Q, facts: AssignmentFacts[], options: { periodId?: number; withReports?: boolean } = {}): Promise<Evaluated[]> {
  const day = today();
  const periodsByList = new Map<number, ReportingPeriod[]>();
  for (const listId of new Set(facts.map((f) => f.listId))) periodsByList.set(listId, await repo.findPeriods(q, listId));
  // Only the columns statuses need; a whole list in one query.
  const listIds = [...new Set(facts.map((f) => f.listId))];
  const wanted = new Set(facts.map((f) => f.assignmentId));
  const reports = listIds.length === 1 && facts.length > 50
    ? (await repo.findReportFactsOfList(q, listIds[0]!)).filter((r) => wanted.has(r.assignmentId))
    : await repo.findReportFactsOfAssignments(q, [...wanted]);
  const latest = latestByKey(reports);
  const byAssignment = new Map<number, repo.ReportFacts[]>();
  for (const r of reports) byAssignment.set(r.assignmentId, [...(byAssignment.get(r.assignmentId) ?? []), r]);
  const periodCache = new Map<string, { periods: ReportingPeriod[]; period: ReportingPeriod | null }>();
  return facts.map((f) => {
    const key = `${f.listId}:${f.taskId}`;
    let pp = periodCache.get(key);
    if (!pp) {
      const periods = periodsOfTask(periodsByList.get(f.listId) ?? [], f.taskId);
      const chosen = options.periodId !== undefined ? periods.find((p) => p.id === options.periodId) : undefined;
      pp = { periods, period: chosen ?? currentPeriod(periods, day) };
      periodCache.set(key, pp);
    }
    const own = byAssignment.get(f.assignmentId) ?? [];
    const l = pp.period ? latest.get(`${f.assignmentId}:${pp.period.id}`) : undefined;
    const acceptedCompleted = own.some((r) => r.state === 'accepted' && isSet(r.completed));
    return {
      facts: f, period: pp.period, periods: pp.periods, latest: l, reports: options.withReports ? own : [],
      status: pp.period ? periodStatus(l, pp.period, day) : 'notSubmitted',
      finalState: finalStateOf(f.finalState, acceptedCompleted, f, day),
    };
  });
}

async function numerals(q: Q, listIds: number[]): Promise<Map<number, string>> {
  const m = new Map<number, string>();
  for (const id of listIds) for (const s of await findSections(q, id)) m.set(s.id, s.numeral);
  return m;
}

async function present(q: Q, rows: Evaluated[]): Promise<WorkbenchAssignment[]> {
  const nums = await numerals(q, [...new Set(rows.map((r) => r.facts.listId))]);
  const names = await unitNames(q, [...new Set(rows.map((r) => r.facts.unitId))]);
  const lastOf = (r: Evaluated) => r.latest;
  return rows.map((r) => {
    const f = r.facts;
    const n = names.get(f.unitId);
    const last = lastOf(r);
    return {
      id: f.assignmentId, taskId: f.taskId, listId: f.listId, listTitle: f.listTitle, seq: f.seq, taskText: f.taskText,
      sectionNumeral: f.sectionId ? (nums.get(f.sectionId) ?? null) : null,
      subsectionNumeral: f.subsectionId ? (nums.get(f.subsectionId) ?? null) : null,
      dueDate: f.dueDate, deadlineText: f.deadlineText, unitId: f.unitId, unitName: n?.shortName ?? n?.name ?? String(f.unitId), role: f.role,
      currentPeriod: r.period ? { id: r.period.id, label: r.period.label, dueOn: r.period.dueOn } : null,
      status: r.status, statusLabel: REPORT_STATUS[r.status], finalState: r.finalState, finalStateLabel: FINAL_STATE[r.finalState],
      lastReport: last ? { id: last.id, version: last.version, state: last.state, submittedAt: last.submittedAt } : null,
    };
  });
}

export interface WorkbenchFilter {
  listId?: number;
  unitId?: number;
  taskId?: number;
  role?: string;
  status?: string;
  periodId?: number;
  q?: string;
  limit?: number;
  offset?: number;
}

/**
 * Assignments with their status: a unit's users see their unit's (of published lists); the office
 * and observers see every unit's, drafts included.
 */
export async function listWorkbenchAssignments(db: Db, actor: Actor, f: WorkbenchFilter): Promise<{ items: WorkbenchAssignment[]; total: number }> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  const all = canReadAll(actor);
  const unitId = f.unitId ?? (all ? undefined : actor.kind === 'user' ? actor.unitId : undefined);
  if (!all && !(actor.kind === 'user' && unitId === actor.unitId)) throw new ForbiddenError('ASSIGNMENT_FORBIDDEN', '只能查看本单位的任务分派');
  let facts = await findAssignmentFacts(db, { listId: f.listId, unitId, taskId: f.taskId, publishedOnly: !all });
  if (f.role) facts = facts.filter((x) => x.role === f.role);
  if (f.q) {
    const needle = f.q.trim();
    facts = facts.filter((x) => x.taskText.includes(needle) || String(x.seq) === needle || x.listTitle.includes(needle));
  }
  let rows = await evaluate(db, facts, { periodId: f.periodId });
  if (f.status) rows = rows.filter((r) => r.status === f.status);
  const offset = f.offset ?? 0;
  const limit = f.limit ?? 100;
  return { total: rows.length, items: await present(db, rows.slice(offset, offset + limit)) };
}

async function loadAssignment(q: Q, actor: Actor, id: number): Promise<{ facts: AssignmentFacts; leads: number[] }> {
  const [facts] = await findAssignmentFacts(q, { assignmentIds: [id] });
  if (!facts) throw new NotFoundError('ASSIGNMENT_NOT_FOUND', `任务分派不存在：${id}`);
  const leads = (await findLeadUnits(q, [facts.taskId])).get(facts.taskId) ?? [];
  if (facts.listState !== 'published' && !canReadAll(actor)) throw new NotFoundError('ASSIGNMENT_NOT_FOUND', `任务分派不存在：${id}`);
  if (!canReadAssignment(actor, facts, leads)) throw new ForbiddenError('ASSIGNMENT_FORBIDDEN', '只能查看和报送本单位的任务，或本单位牵头任务的报送');
  return { facts, leads };
}

export interface ReportView {
  id: number;
  assignmentId: number;
  periodId: number;
  version: number;
  text: string;
  evidenceLinks: string[];
  completed: boolean;
  publicSummary: string | null;
  state: string;
  stateLabel: string;
  submittedAt: string;
  submittedBy: number;
  reviewedAt: string | null;
  reviewedBy: number | null;
  reviewComment: string | null;
  public: boolean;
  attachments: { id: number; fileName: string; mimeType: string; size: number }[];
}

const REPORT_STATE_LABELS: Record<string, string> = { submitted: '待审核', returned: '已退回', accepted: '已通过' };

async function presentReports(q: Q, reports: ProgressReport[]): Promise<ReportView[]> {
  const meta = await repo.findAttachmentMeta(q, reports.map((r) => r.id));
  return reports.map((r) => ({
    id: r.id, assignmentId: r.assignmentId, periodId: r.periodId, version: r.version, text: r.text,
    evidenceLinks: parseJson<string[]>(r.evidenceLinks, []), completed: isSet(r.completed), publicSummary: r.publicSummary,
    state: r.state, stateLabel: REPORT_STATE_LABELS[r.state] ?? r.state, submittedAt: r.submittedAt, submittedBy: r.submittedBy,
    reviewedAt: r.reviewedAt, reviewedBy: r.reviewedBy, reviewComment: r.reviewComment, public: isSet(r.public),
    attachments: meta.filter((m) => m.reportId === r.id).map((m) => ({ id: m.id, fileName: m.fileName, mimeType: m.mimeType, size: m.size })),
  }));
}

export interface AssignmentDetail {
  assignment: WorkbenchAssignment;
  task: { id: number; seq: number; text: string; leadUnits: string[]; responsibleUnits: string[]; eachLeads: boolean; merged: boolean; dueDate: string | null; deadlineText: string | null };
  periods: { period: PeriodView; status: ReportStatus; statusLabel: string }[];
  reports: ReportView[];
  reviewers: number[];
  /** publications the unit tagged as evidence of this assignment */
  publications: { id: number; title: string; state: string; publishedOn: string | null; indexNumber: string | null; url: string }[];
}

/** One assignment with its periods' statuses and the full history of its reports. */
export async function getAssignmentDetail(db: Db, actor: Actor, id: number): Promise<AssignmentDetail> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  const { facts, leads } = await loadAssignment(db, actor, id);
  const [ev] = await evaluate(db, [facts], { withReports: true });
  const task = (await findTaskById(db, facts.taskId))!;
  const latest = latestByKey(ev!.reports);
  const day = today();
  return {
    assignment: (await present(db, [ev!]))[0]!,
    task: {
      id: task.id, seq: task.seq, text: task.text, leadUnits: parseJson(task.leadUnits, []), responsibleUnits: parseJson(task.responsibleUnits, []),
      eachLeads: isSet(task.eachLeads), merged: isSet(task.merged), dueDate: task.dueDate, deadlineText: task.deadlineText,
    },
    periods: ev!.periods.map((p) => {
      const s = periodStatus(latest.get(`${id}:${p.id}`), p, day);
      return { period: presentPeriod(p), status: s, statusLabel: REPORT_STATUS[s] };
    }),
    reports: await presentReports(db, await repo.findReportsOfAssignments(db, [id])),
    reviewers: reviewingUnits(facts, leads),
    publications: (await publicationsForAssignments(db, [id])).map((p) => ({
      id: p.id, title: p.title, state: p.state, publishedOn: p.publishedOn, indexNumber: p.indexNumber, url: p.state === 'published' ? `/portal/publications/${p.id}` : `/admin/publications/${p.id}`,
    })),
  };
}

// ---- submitting and reviewing ----

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export interface SubmitReportInput {
  periodId: number;
  text: string;
  completed: boolean;
  publicSummary?: string | null;
  evidenceLinks: string[];
  files: UploadedFile[];
}

export const MAX_ATTACHMENTS = 5;

/**
 * A unit reports on its assignment for a period: text, evidence links and files, whether the work
 * is done. A resubmission (after a return, or before review) is a new version; an accepted period
 * is closed. Reviewers are notified.
 */
export async function submitReport(db: Db, actor: Actor, assignmentId: number, input: SubmitReportInput, limits: { maxBytes: number }): Promise<ReportView> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  const text = input.text.trim();
  if (!text) throw new ValidationError('REPORT_EMPTY_TEXT', '请填写工作进展');
  if (text.length > 20000) throw new ValidationError('REPORT_TEXT_TOO_LONG', '工作进展不能超过20000字');
  const links = input.evidenceLinks.map((l) => l.trim()).filter(Boolean);
  if (links.length > 20) throw new ValidationError('REPORT_TOO_MANY_LINKS', '佐证链接最多20个');
  for (const l of links) {
    let ok = false;
    try { ok = ['http:', 'https:'].includes(new URL(l).protocol); } catch { ok = false; }
    if (!ok) throw new ValidationError('REPORT_INVALID_LINK', `佐证链接不是有效的网址：${l}`);
  }
  if (input.files.length > MAX_ATTACHMENTS) throw new ValidationError('REPORT_TOO_MANY_ATTACHMENTS', `附件最多${MAX_ATTACHMENTS}个`);
  const files = input.files.map((f) => {
    if (f.bytes.length > limits.maxBytes) throw new ValidationError('REPORT_ATTACHMENT_TOO_LARGE', `附件“${f.fileName}”超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
    if (f.bytes.length === 0) throw new ValidationError('REPORT_ATTACHMENT_EMPTY', `附件“${f.fileName}”是空文件`);
    return { ...f, kind: sniffAttachment(f.fileName, f.bytes) };
  });
  const report = await db.transaction().execute(async (trx) => {
    const { facts, leads } = await loadAssignment(trx, actor, assignmentId);
    if (!canReport(actor, facts)) throw new ForbiddenError('REPORT_FORBIDDEN', '只能为本单位的任务报送进展');
    if (facts.listState !== 'published') throw new ConflictError('LIST_NOT_PUBLISHED', '清单尚未发布');
    const period = await repo.findPeriodById(trx, input.periodId);
    const applies = period && period.listId === facts.listId && (period.taskId === null || period.taskId === facts.taskId);
    if (!period || !applies) throw new ValidationError('REPORT_INVALID_PERIOD', `报送周期不属于该任务：${input.periodId}`);
    if (period.startsOn > today()) throw new ValidationError('REPORT_PERIOD_NOT_OPEN', `${period.label}尚未开始，不能报送`);
    const latest = await repo.findLatestVersion(trx, assignmentId, period.id);
    if (latest?.state === 'accepted') throw new ConflictError('REPORT_ALREADY_ACCEPTED', `${period.label}的报送已审核通过，不能再次报送`);
    const at = now();
    const r = await repo.insertReport(trx, {
      assignmentId, periodId: period.id, version: (latest?.version ?? 0) + 1, text, evidenceLinks: JSON.stringify(links),
      completed: flag(input.completed), publicSummary: input.publicSummary?.trim() || null, state: 'submitted',
      submittedBy: actor.kind === 'user' ? actor.userId : 0, submittedAt: at, reviewedBy: null, reviewedAt: null, reviewComment: null, public: 0,
    });
    for (const f of files) {
      await repo.insertAttachment(trx, {
        reportId: r.id, fileName: f.fileName, mimeType: f.kind.mimeType, size: f.bytes.length,
        sha256: createHash('sha256').update(f.bytes).digest('hex'), content: f.bytes, createdAt: at,
      });
    }
    // the superseded version (if awaiting review) is closed: only the newest version can be reviewed
    if (latest?.state === 'submitted') await repo.reviewIfSubmitted(trx, latest.id, { state: 'returned', reviewedBy: null, reviewedAt: at, reviewComment: '已由新版本替代' });
    for (const unitId of reviewingUnits(facts, leads)) {
      await notifyUnit(trx, unitId, { title: '有新的进展报送待审核', body: `第${facts.seq}项任务（${period.label}）收到新的进展报送（第${r.version}版）`, link: `/admin/reviews` });
    }
    await repo.bumpRevision(trx, facts.listId);
    await recordAudit(trx, actor, {
      action: 'submit_progress_report', resourceType: 'progressReport', resourceId: r.id,
      after: { assignmentId, periodId: period.id, version: r.version, completed: input.completed, links, attachments: files.map((f) => f.fileName) },
    });
    return r;
  });
  return (await presentReports(db, [report]))[0]!;
}

/**
 * Review of a report: accept, or return with a comment. Only a report still awaiting review can be
 * reviewed; a second reviewer gets REPORT_ALREADY_REVIEWED instead of overwriting the first.
 */
export async function reviewReport(db: Db, actor: Actor, reportId: number, input: { decision: 'accept' | 'return'; comment?: string | null }): Promise<ReportView> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment) throw new ValidationError('REVIEW_COMMENT_REQUIRED', '退回时请写明退回意见');
  const report = await db.transaction().execute(async (trx) => {
    const r = await repo.findReportById(trx, reportId);
    if (!r) throw new NotFoundError('REPORT_NOT_FOUND', `报送不存在：${reportId}`);
    const { facts, leads } = await loadAssignment(trx, actor, r.assignmentId);
    if (!canReview(actor, facts, leads)) throw new ForbiddenError('REVIEW_FORBIDDEN', '只有牵头单位或政务公开办可以审核该报送');
    if (r.state !== 'submitted') throw new ConflictError('REPORT_ALREADY_REVIEWED', `该报送已被审核（${REPORT_STATE_LABELS[r.state] ?? r.state}），请刷新后查看`);
    const at = now();
    const ok = await repo.reviewIfSubmitted(trx, reportId, {
      state: input.decision === 'accept' ? 'accepted' : 'returned', reviewedBy: actor.kind === 'user' ? actor.userId : null, reviewedAt: at, reviewComment: comment,
    });
    if (!ok) throw new ConflictError('REPORT_ALREADY_REVIEWED', '该报送刚刚已被其他审核人处理，请刷新后查看');
    if (input.decision === 'return') {
      await notifyUnit(trx, facts.unitId, { title: '进展报送被退回', body: `第${facts.seq}项任务的进展报送被退回：${comment}`, link: `/admin/tasks`, external: true });
    }
    await repo.bumpRevision(trx, facts.listId);
    await recordAudit(trx, actor, { action: input.decision === 'accept' ? 'accept_progress_report' : 'return_progress_report', resourceType: 'progressReport', resourceId: reportId, before: { state: r.state }, after: { state: input.decision === 'accept' ? 'accepted' : 'returned', comment } });
    return (await repo.findReportById(trx, reportId))!;
  });
  return (await presentReports(db, [report]))[0]!;
}

export interface QueueItem extends ReportView {
  taskId: number;
  listId: number;
  seq: number;
  taskText: string;
  unitId: number;
  unitName: string;
  role: string;
  periodLabel: string;
}

/** Reports awaiting the actor's review: a lead unit's responsible units', or all for the office. */
export async function reviewQueue(db: Db, actor: Actor, filter: { listId?: number }): Promise<QueueItem[]> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  const pending = await repo.findReportsAwaitingReview(db);
  if (!pending.length) return [];
  const facts = await findAssignmentFacts(db, { assignmentIds: [...new Set(pending.map((r) => r.assignmentId))], listId: filter.listId, publishedOnly: true });
  const byId = new Map(facts.map((f) => [f.assignmentId, f]));
  const leads = await findLeadUnits(db, [...new Set(facts.map((f) => f.taskId))]);
  const mine = pending.filter((r) => {
    const f = byId.get(r.assignmentId);
    if (!f) return false;
    const reviewers = reviewingUnits(f, leads.get(f.taskId) ?? []);
    return isOfficeLike(actor) ? true : actor.kind === 'user' && actor.role !== 'observer' && reviewers.includes(actor.unitId);
  });
  const views = await presentReports(db, mine);
  const names = await unitNames(db, [...new Set(mine.map((r) => byId.get(r.assignmentId)!.unitId))]);
  const periods = new Map<number, string>();
  for (const r of mine) if (!periods.has(r.periodId)) periods.set(r.periodId, (await repo.findPeriodById(db, r.periodId))?.label ?? '');
  return views.map((v) => {
    const f = byId.get(v.assignmentId)!;
    const n = names.get(f.unitId);
    return { ...v, taskId: f.taskId, listId: f.listId, seq: f.seq, taskText: f.taskText, unitId: f.unitId, unitName: n?.shortName ?? n?.name ?? '', role: f.role, periodLabel: periods.get(v.periodId) ?? '' };
  });
}

/** The office shows (or hides) an accepted report's summary on the public progress page. */
export async function publishReport(db: Db, actor: Actor, reportId: number, input: { public: boolean; publicSummary?: string | null }): Promise<ReportView> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!isOfficeLike(actor)) throw new ForbiddenError('REPORT_PUBLISH_FORBIDDEN', '只有政务公开办可以公开进展');
  const r = await db.transaction().execute(async (trx) => {
    const before = await repo.findReportById(trx, reportId);
    if (!before) throw new NotFoundError('REPORT_NOT_FOUND', `报送不存在：${reportId}`);
    if (input.public && before.state !== 'accepted') throw new ConflictError('REPORT_NOT_ACCEPTED', '只有审核通过的进展可以公开');
    const summary = input.publicSummary !== undefined ? input.publicSummary?.trim() || null : before.publicSummary;
    if (input.public && !summary) throw new ValidationError('REPORT_SUMMARY_REQUIRED', '公开前请填写公开摘要');
    const after = await repo.setReportPublic(trx, reportId, { public: flag(input.public), publicSummary: summary });
    await repo.bumpRevision(trx, (await loadAssignment(trx, actor, before.assignmentId)).facts.listId);
    await recordAudit(trx, actor, { action: input.public ? 'publish_progress_report' : 'unpublish_progress_report', resourceType: 'progressReport', resourceId: reportId, before: { public: isSet(before.public), publicSummary: before.publicSummary }, after: { public: input.public, publicSummary: summary } });
    return after;
  });
  return (await presentReports(db, [r]))[0]!;
}

/** An attachment's bytes, for those who may read the report. */
export async function getAttachment(db: Db, actor: Actor, reportId: number, attachmentId: number): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  const r = await repo.findReportById(db, reportId);
  if (!r) throw new NotFoundError('REPORT_NOT_FOUND', `报送不存在：${reportId}`);
  await loadAssignment(db, actor, r.assignmentId);
  const a = await repo.findAttachment(db, reportId, attachmentId);
  if (!a) throw new NotFoundError('ATTACHMENT_NOT_FOUND', `附件不存在：${attachmentId}`);
  return { fileName: a.fileName, mimeType: a.mimeType, content: Buffer.from(a.content) };
}

/** The office records an assignment's final state (or clears it back to the derived one). */
export async function setFinalState(db: Db, actor: Actor, assignmentId: number, state: FinalState | null): Promise<WorkbenchAssignment> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!isOfficeLike(actor)) throw new ForbiddenError('FINAL_STATE_FORBIDDEN', '只有政务公开办可以认定完成情况');
  await db.transaction().execute(async (trx) => {
    const { facts } = await loadAssignment(trx, actor, assignmentId);
    await setAssignmentFinalState(trx, assignmentId, state);
    await repo.bumpRevision(trx, facts.listId);
    await recordAudit(trx, actor, { action: 'set_final_state', resourceType: 'assignment', resourceId: assignmentId, before: { finalState: facts.finalState }, after: { finalState: state } });
  });
  const facts = await findAssignmentFacts(db, { assignmentIds: [assignmentId] });
  return (await present(db, await evaluate(db, facts)))[0]!;
}

// ---- the office's views ----

function requireReadAll(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canReadAll(actor)) throw new ForbiddenError('OVERVIEW_FORBIDDEN', '只有政务公开办和观察员可以查看全局进展');
}

type Tally = Record<ReportStatus, number> & { total: number };
const emptyTally = (): Tally => ({ total: 0, notSubmitted: 0, submitted: 0, returned: 0, accepted: 0, overdue: 0 });

/** The version of a list's matrix for the response cache (after the access check). */
export async function matrixVersion(db: Db, actor: Actor, listId: number): Promise<string> {
  requireReadAll(actor);
  if (!(await findListById(db, listId))) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${listId}`);
  return `${today()}|${await repo.progressVersion(db, listId)}`;
}

/** The unit × task matrix of a list for a period, compact: cells as [taskIndex, unitIndex, role, status]. */
export async function listMatrix(db: Db, actor: Actor, listId: number, periodId?: number) {
  requireReadAll(actor);
  const list = await findListById(db, listId);
  if (!list) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${listId}`);
  const facts = await findAssignmentFacts(db, { listId });
  const rows = await evaluate(db, facts, { periodId });
  const tasks = await findTasks(db, listId);
  const nums = await numerals(db, [listId]);
  const unitIds = [...new Set(facts.map((f) => f.unitId))];
  const names = await unitNames(db, unitIds);
  const units = unitIds.map((id) => ({ id, name: names.get(id)?.shortName ?? names.get(id)?.name ?? String(id) }));
  const taskIndex = new Map(tasks.map((t, i) => [t.id, i]));
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));
  const chosen = rows.find((r) => r.period)?.period ?? null;
  return {
    periodId: chosen?.id ?? null,
    tasks: tasks.map((t) => ({ id: t.id, seq: t.seq, sectionNumeral: t.sectionId ? (nums.get(t.sectionId) ?? null) : null })),
    units,
    cells: rows.map((r) => [taskIndex.get(r.facts.taskId)!, unitIndex.get(r.facts.unitId)!, r.facts.role, r.status] as [number, number, string, ReportStatus]),
  };
}

/** Completion of a list for a period: totals, by section, by unit; overdue and due-soon lists. */
export async function listOverview(db: Db, actor: Actor, listId: number, periodId?: number, options: { dueSoonDays?: number } = {}) {
  requireReadAll(actor);
  const list = await findListById(db, listId);
  if (!list) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${listId}`);
  const facts = await findAssignmentFacts(db, { listId });
  const rows = await evaluate(db, facts, { periodId });
  const sections = (await findSections(db, listId)).filter((s) => s.level === 1);
  const totals = emptyTally();
  const bySection = new Map<number, Tally>(sections.map((s) => [s.id, emptyTally()]));
  const byUnit = new Map<number, Tally>();
  for (const r of rows) {
    for (const t of [totals, r.facts.sectionId ? bySection.get(r.facts.sectionId) : undefined, byUnit.get(r.facts.unitId) ?? (byUnit.set(r.facts.unitId, emptyTally()), byUnit.get(r.facts.unitId))]) {
      if (!t) continue;
      t.total++;
      t[r.status]++;
    }
  }
  const names = await unitNames(db, [...byUnit.keys()]);
  const day = today();
  const soon = new Date(`${day}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + (options.dueSoonDays ?? 10));
  const soonDay = soon.toISOString().slice(0, 10);
  const overdue = rows.filter((r) => r.status === 'overdue' || r.status === 'returned');
  const dueSoon = rows.filter((r) => (r.status === 'notSubmitted') && r.period && r.period.dueOn >= day && r.period.dueOn <= soonDay);
  const queue = await reviewQueue(db, actor, { listId });
  const period = rows.find((r) => r.period)?.period ?? null;
  return {
    period: period ? presentPeriod(period) : null,
    totals,
    bySection: sections.map((s) => ({ numeral: s.numeral, title: s.title, ...bySection.get(s.id)! })),
    byUnit: [...byUnit].map(([unitId, t]) => ({ unitId, unitName: names.get(unitId)?.shortName ?? names.get(unitId)?.name ?? String(unitId), ...t }))
      .sort((a, b) => b.overdue + b.returned - (a.overdue + a.returned) || a.unitId - b.unitId),
    overdue: await present(db, overdue.slice(0, 200)),
    dueSoon: await present(db, dueSoon.slice(0, 200)),
    reviewQueueCount: queue.length,
  };
}

/** Statuses for other modules (public pages, reminders, exports): evaluated without access checks. */
export async function evaluateList(q: Q, listId: number, periodId?: number): Promise<Evaluated[]> {
  return evaluate(q, await findAssignmentFacts(q, { listId }), { periodId, withReports: true });
}
