/**
 * Tracked lists: reading (public when published), correcting a draft, publishing, and the
 * assignments each unit holds.
 */
import type { Db } from '../../db/create-db.ts';
import type { Transaction } from 'kysely';
import type { Database, List, Task } from '../../db/database.ts';
import { flag, now } from '../../db/portable.ts';
import type { Actor } from '../../platform/actor.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { loadResolver, unitNames } from '../directory/index.ts';
import type { ImportResult, ImportWarning, Recurrence } from './import/import.types.ts';
import { assignmentDelta, expandTask, planImport } from './import-plan.ts';
import { createPlaceholders } from './list-import.service.ts';
import { LIST_KINDS, RECURRENCE_LABELS, type AssignmentRole, type ListKind } from './list-kinds.ts';
import * as repo from './lists.repository.ts';
import { canManageLists, canReadList } from './lists.policy.ts';
import {
  presentList, presentNotice, presentSection, presentTask, warningsOf,
  type ListView, type NoticeView, type SectionView, type TaskView,
} from './lists.presenter.ts';

function requireManager(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canManageLists(actor)) throw new ForbiddenError('LIST_FORBIDDEN', '只有政务公开办可以导入和维护清单');
}

/** Loads a list the actor may read; a draft the actor may not see is reported as not found. */
async function readableList(db: Db, actor: Actor, id: number): Promise<List> {
  const list = await repo.findListById(db, id);
  if (!list || !canReadList(actor, list)) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${id}`);
  return list;
}

/** Lists the actor may read: published ones for everyone, drafts too for the office and observers. */
export async function listLists(db: Db, actor: Actor, filter: repo.ListFilter): Promise<ListView[]> {
  const rows = await repo.findLists(db, filter);
  return rows.filter((l) => canReadList(actor, l)).map((l) => presentList(l, l.taskCount));
}

export interface ListDetail extends ListView {
  notice: NoticeView | null;
  sections: SectionView[];
  tasks: TaskView[];
  assignmentCount: number;
  warnings: ImportWarning[];
}

async function tasksWithCounts(db: Db, listId: number): Promise<{ sections: SectionView[]; tasks: TaskView[]; assignmentCount: number }> {
  const [sections, tasks, counts] = await Promise.all([repo.findSections(db, listId), repo.findTasks(db, listId), repo.countAssignmentsByTask(db, listId)]);
  const numerals = new Map(sections.map((s) => [s.id, s.numeral]));
  const byTask = new Map<number, { lead: number; responsible: number }>();
  let assignmentCount = 0;
  for (const c of counts) {
    const e = byTask.get(c.taskId) ?? { lead: 0, responsible: 0 };
    e[c.role as AssignmentRole] = c.n;
    byTask.set(c.taskId, e);
    assignmentCount += c.n;
  }
  return {
    sections: sections.map(presentSection),
    tasks: tasks.map((t) => presentTask(t, numerals, byTask.get(t.id) ?? { lead: 0, responsible: 0 })),
    assignmentCount,
  };
}

/** A list with its notice, sections, tasks and assignment counts. */
export async function getListDetail(db: Db, actor: Actor, id: number): Promise<ListDetail> {
  const list = await readableList(db, actor, id);
  const [notice, body] = await Promise.all([list.noticeId ? repo.findNoticeById(db, list.noticeId) : undefined, tasksWithCounts(db, id)]);
  const manager = canManageLists(actor);
  return {
    ...presentList(list, body.tasks.length), notice: notice ? presentNotice(notice) : null, ...body,
    // the source phrases and import warnings are the office's review material
    tasks: manager ? body.tasks : body.tasks.map((t) => ({ ...t, source: null })),
    warnings: manager ? warningsOf(list) : [],
  };
}

/**
 * The cache key and version of a list's detail for this actor (the office sees more than others);
 * every change to a list, its tasks or assignments bumps the list's updatedAt.
 */
export async function listDetailVersion(db: Db, actor: Actor, id: number): Promise<{ key: string; version: string }> {
  const list = await readableList(db, actor, id);
  return { key: `list:${id}:${canManageLists(actor) ? 'office' : 'reader'}`, version: `${list.updatedAt}|${list.state}` };
}

/** The tasks of a list the actor may read. */
export async function listTasks(db: Db, actor: Actor, listId: number): Promise<TaskView[]> {
  await readableList(db, actor, listId);
  return (await tasksWithCounts(db, listId)).tasks;
}

/** Corrects a list's title, kind or year (office). */
export async function updateList(db: Db, actor: Actor, id: number, patch: { title?: string; kind?: string; year?: number }): Promise<ListView> {
  requireManager(actor);
  if (patch.kind !== undefined && !Object.hasOwn(LIST_KINDS, patch.kind)) throw new ValidationError('LIST_INVALID_KIND', `未知清单类型：${patch.kind}`);
  if (patch.title !== undefined && !patch.title.trim()) throw new ValidationError('LIST_INVALID_TITLE', '清单标题不能为空');
  return db.transaction().execute(async (trx) => {
    const before = await repo.findListById(trx, id);
    if (!before) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${id}`);
    const after = await repo.updateList(trx, id, {
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind as ListKind } : {}),
      ...(patch.year !== undefined ? { year: patch.year } : {}),
      updatedAt: now(),
    });
    await recordAudit(trx, actor, { action: 'update_list', resourceType: 'list', resourceId: id, before, after });
    return presentList(after, (await repo.findTasks(trx, id)).length);
  });
}

/** Called inside the publishing transaction, so other modules prepare their part (e.g. reporting periods). */
export type ListPublishedHandler = (trx: Transaction<Database>, list: List) => Promise<void>;
const publishedHandlers: ListPublishedHandler[] = [];

/** Modules that act when a list is published register here (in their index.ts). */
export function registerListPublishedHandler(handler: ListPublishedHandler): void {
  publishedHandlers.push(handler);
}

/** Runs the publication handlers for a list just published. */
export async function runListPublishedHandlers(trx: Transaction<Database>, list: List): Promise<void> {
  for (const h of publishedHandlers) await h(trx, list);
}

/** Publishes a draft list: it becomes public and its units' work begins. */
export async function publishList(db: Db, actor: Actor, id: number): Promise<ListView> {
  requireManager(actor);
  return db.transaction().execute(async (trx) => {
    const list = await repo.findListById(trx, id);
    if (!list) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${id}`);
    if (list.state === 'published') throw new ConflictError('LIST_ALREADY_PUBLISHED', '该清单已发布');
    const tasks = await repo.findTasks(trx, id);
    if (!tasks.length) throw new ConflictError('LIST_EMPTY', '清单没有任务，不能发布');
    const at = now();
    const after = await repo.updateList(trx, id, { state: 'published', publishedAt: at, updatedAt: at });
    await runListPublishedHandlers(trx, after);
    await recordAudit(trx, actor, { action: 'publish_list', resourceType: 'list', resourceId: id, before: { state: list.state }, after: { state: 'published', publishedAt: at } });
    return presentList(after, tasks.length);
  });
}

/** Deletes a draft list (a published list stays: units' work hangs on it). */
export async function deleteList(db: Db, actor: Actor, id: number): Promise<void> {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const list = await repo.findListById(trx, id);
    if (!list) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${id}`);
    if (list.state !== 'draft') throw new ConflictError('LIST_PUBLISHED', '已发布的清单不能删除');
    await repo.deleteList(trx, id);
    await recordAudit(trx, actor, { action: 'delete_list', resourceType: 'list', resourceId: id, before: list });
  });
}

export interface TaskDetail extends TaskView {
  assignments: { id: number; unitId: number; unitName: string; role: AssignmentRole }[];
}

/** One task with its assignments (units by role). */
export async function getTask(db: Db, actor: Actor, id: number): Promise<TaskDetail> {
  const task = await repo.findTaskById(db, id);
  if (!task) throw new NotFoundError('TASK_NOT_FOUND', `任务不存在：${id}`);
  const list = await repo.findListById(db, task.listId);
  if (!list || !canReadList(actor, list)) throw new NotFoundError('TASK_NOT_FOUND', `任务不存在：${id}`);
  return taskDetail(db, task);
}

async function taskDetail(db: Db, task: Task): Promise<TaskDetail> {
  const [sections, assignments] = await Promise.all([repo.findSections(db, task.listId), repo.findAssignmentsOfTask(db, task.id)]);
  const names = await unitNames(db, assignments.map((a) => a.unitId));
  const numerals = new Map(sections.map((s) => [s.id, s.numeral]));
  const count = (role: string) => assignments.filter((a) => a.role === role).length;
  return {
    ...presentTask(task, numerals, { lead: count('lead'), responsible: count('responsible') }),
    assignments: assignments.map((a) => {
      const n = names.get(a.unitId);
      return { id: a.id, unitId: a.unitId, unitName: n?.shortName ?? n?.name ?? String(a.unitId), role: a.role as AssignmentRole };
    }),
  };
}

export interface TaskPatch {
  text?: string;
  leadUnits?: string[];
  responsibleUnits?: string[];
  eachLeads?: boolean;
  merged?: boolean;
  dueDate?: string | null;
  deadlineText?: string | null;
  recurrence?: Recurrence | null;
  target?: string | null;
}

/**
 * Corrects a task of a draft list (office): text, units, flags, dates. Changed unit phrases are
 * resolved again — unknown names become placeholder units — and the assignments follow.
 */
export async function updateTask(db: Db, actor: Actor, id: number, patch: TaskPatch): Promise<{ task: TaskDetail; warnings: ImportWarning[] }> {
  requireManager(actor);
  if (patch.text !== undefined && !patch.text.trim()) throw new ValidationError('TASK_INVALID_TEXT', '任务内容不能为空');
  if (patch.dueDate && !isIsoDate(patch.dueDate)) throw new ValidationError('TASK_INVALID_DUE_DATE', `完成时限不是有效日期：${patch.dueDate}`);
  if (patch.recurrence && !Object.hasOwn(RECURRENCE_LABELS, patch.recurrence)) throw new ValidationError('TASK_INVALID_RECURRENCE', `未知报送周期：${patch.recurrence}`);
  const { warnings, taskId } = await db.transaction().execute(async (trx) => {
    const before = await repo.findTaskById(trx, id);
    if (!before) throw new NotFoundError('TASK_NOT_FOUND', `任务不存在：${id}`);
    const list = (await repo.findListById(trx, before.listId))!;
    if (list.state !== 'draft') throw new ConflictError('LIST_PUBLISHED', '已发布清单的任务不能直接修改：请导入修订后的通知');
    const sections = await repo.findSections(trx, before.listId);
    const numerals = new Map(sections.map((s) => [s.id, s.numeral]));
    const current = presentTask(before, numerals, { lead: 0, responsible: 0 });
    const merged = patch.merged ?? current.merged;
    const leadUnits = (patch.leadUnits ?? current.leadUnits).map((s) => s.trim()).filter(Boolean);
    const responsibleUnits = merged ? leadUnits : (patch.responsibleUnits ?? current.responsibleUnits).map((s) => s.trim()).filter(Boolean);
    if (!leadUnits.length && !responsibleUnits.length) throw new ValidationError('TASK_NO_UNITS', '任务至少需要一个牵头单位或责任单位');
    const oneTask: ImportResult = {
      notice: { title: null, docNumber: null, issuer: null, issuedOn: null, year: list.year }, listTitle: null, annex: [], annexGroup: null, headings: [], warnings: [],
      tasks: [{ ...current, recurrence: current.recurrence as Recurrence | null, leadUnits, responsibleUnits, merged, line: before.sourceLine ?? 0, source: current.source ?? current.text, section: null, subsection: null }],
    };
    const plan = planImport(oneTask, await loadResolver(trx));
    const placeholders = await createPlaceholders(trx, actor, plan);
    const after = await repo.updateTask(trx, id, {
      ...(patch.text !== undefined ? { text: patch.text.trim() } : {}),
      leadUnits: JSON.stringify(leadUnits), responsibleUnits: JSON.stringify(responsibleUnits), merged: flag(merged),
      ...(patch.eachLeads !== undefined ? { eachLeads: flag(patch.eachLeads) } : {}),
      ...(patch.dueDate !== undefined ? { dueDate: patch.dueDate } : {}),
      ...(patch.deadlineText !== undefined ? { deadlineText: patch.deadlineText } : {}),
      ...(patch.recurrence !== undefined ? { recurrence: patch.recurrence } : {}),
      ...(patch.target !== undefined ? { target: patch.target } : {}),
      updatedAt: now(),
    });
    const wanted = expandTask(plan.tasks[0]!, (name) => placeholders.get(name)!);
    const delta = assignmentDelta(await repo.findAssignmentsOfTask(trx, id), wanted);
    await repo.deleteAssignments(trx, delta.deleteIds);
    const at = now();
    await repo.insertAssignments(trx, delta.insert.map((w) => ({ taskId: id, unitId: w.unitId, role: w.role, createdAt: at })));
    await repo.updateList(trx, before.listId, { updatedAt: now() });
    await recordAudit(trx, actor, { action: 'update_task', resourceType: 'task', resourceId: id, before, after });
    return { warnings: plan.warnings, taskId: after.id };
  });
  return { task: await taskDetail(db, (await repo.findTaskById(db, taskId))!), warnings };
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
