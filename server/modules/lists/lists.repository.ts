/**
 * Queries on notices, lists, sections, tasks and assignments.
 */
import type { Kysely, Transaction, Insertable, Updateable } from 'kysely';
import type { Database, List, ListTable, ListSection, Notice, NoticeTable, Task, TaskTable, Assignment } from '../../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Rows per multi-row INSERT: below SQLite's variable limit, large enough to be fast. */
const CHUNK = 500;

export async function insertNotice(q: Q, row: Insertable<NoticeTable>): Promise<Notice> {
  return q.insertInto('notice').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findNoticeById(q: Q, id: number): Promise<Notice | undefined> {
  return q.selectFrom('notice').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findListsByDocNumber(q: Q, docNumber: string): Promise<{ id: number; title: string }[]> {
  return q.selectFrom('list').innerJoin('notice', 'notice.id', 'list.noticeId')
    .select(['list.id', 'list.title']).where('notice.docNumber', '=', docNumber).execute();
}

export async function insertList(q: Q, row: Insertable<ListTable>): Promise<List> {
  return q.insertInto('list').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateList(q: Q, id: number, patch: Updateable<ListTable>): Promise<List> {
  return q.updateTable('list').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteList(q: Q, id: number): Promise<void> {
  await q.deleteFrom('list').where('id', '=', id).execute();
}

export async function findListById(q: Q, id: number): Promise<List | undefined> {
  return q.selectFrom('list').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ListFilter {
  state?: string;
  kind?: string;
  year?: number;
}

/** Lists with their task counts, newest first. */
export async function findLists(q: Q, f: ListFilter): Promise<(List & { taskCount: number })[]> {
  let query = q.selectFrom('list').selectAll('list')
    .select((eb) => eb.selectFrom('task').whereRef('task.listId', '=', 'list.id').select((e) => e.fn.countAll<number>().as('n')).as('taskCount'));
  if (f.state) query = query.where('state', '=', f.state);
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.year !== undefined) query = query.where('year', '=', f.year);
  const rows = await query.orderBy('year', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ ...r, taskCount: Number(r.taskCount) }));
}

export async function countLists(q: Q): Promise<number> {
  const r = await q.selectFrom('list').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertSection(q: Q, row: Omit<ListSection, 'id'>): Promise<ListSection> {
  return q.insertInto('listSection').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findSections(q: Q, listId: number): Promise<ListSection[]> {
  return q.selectFrom('listSection').selectAll().where('listId', '=', listId).orderBy('position').execute();
}

export async function deleteSections(q: Q, listId: number): Promise<void> {
  await q.updateTable('task').set({ sectionId: null, subsectionId: null }).where('listId', '=', listId).execute();
  await q.deleteFrom('listSection').where('listId', '=', listId).where('parentId', 'is not', null).execute();
  await q.deleteFrom('listSection').where('listId', '=', listId).execute();
}

/** Inserts tasks in multi-row statements; returns their ids by 序号. */
export async function insertTasks(q: Q, rows: Insertable<TaskTable>[]): Promise<{ id: number; seq: number }[]> {
  const out: { id: number; seq: number }[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    if (rows.length) out.push(...(await q.insertInto('task').values(rows.slice(i, i + 200)).returning(['id', 'seq']).execute()));
  }
  return out;
}

export async function updateTask(q: Q, id: number, patch: Updateable<TaskTable>): Promise<Task> {
  return q.updateTable('task').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteTasks(q: Q, ids: number[]): Promise<void> {
  if (ids.length) await q.deleteFrom('task').where('id', 'in', ids).execute();
}

export async function findTaskById(q: Q, id: number): Promise<Task | undefined> {
  return q.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTasks(q: Q, listId: number): Promise<Task[]> {
  return q.selectFrom('task').selectAll().where('listId', '=', listId).orderBy('seq').execute();
}

/** Assignment counts per task and role for a list. */
export async function countAssignmentsByTask(q: Q, listId: number): Promise<{ taskId: number; role: string; n: number }[]> {
  const rows = await q.selectFrom('assignment').innerJoin('task', 'task.id', 'assignment.taskId')
    .select(['assignment.taskId', 'assignment.role', (eb) => eb.fn.countAll<number>().as('n')])
    .where('task.listId', '=', listId)
    .groupBy(['assignment.taskId', 'assignment.role'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function insertAssignments(q: Q, rows: Omit<Assignment, 'id' | 'finalState'>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await q.insertInto('assignment').values(rows.slice(i, i + CHUNK)).execute();
  }
}

export async function findAssignmentsOfTask(q: Q, taskId: number): Promise<Assignment[]> {
  return q.selectFrom('assignment').selectAll().where('taskId', '=', taskId).orderBy('id').execute();
}

export async function deleteAssignments(q: Q, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) await q.deleteFrom('assignment').where('id', 'in', ids.slice(i, i + CHUNK)).execute();
}

/** Moves every assignment of one unit to another, dropping those the target already holds. */
export async function moveAssignmentsToUnit(q: Q, fromUnitId: number, intoUnitId: number): Promise<void> {
  const rows = await q.selectFrom('assignment').select(['id', 'taskId', 'role']).where('unitId', '=', fromUnitId).execute();
  if (rows.length) {
    const at = new Date().toISOString();
    await q.updateTable('list').set({ updatedAt: at })
      .where('id', 'in', q.selectFrom('task').select('listId').where('id', 'in', [...new Set(rows.map((r) => r.taskId))])).execute();
  }
  for (const r of rows) {
    const clash = await q.selectFrom('assignment').select('id')
      .where('taskId', '=', r.taskId).where('role', '=', r.role).where('unitId', '=', intoUnitId).executeTakeFirst();
    if (clash) await q.deleteFrom('assignment').where('id', '=', r.id).execute();
    else await q.updateTable('assignment').set({ unitId: intoUnitId }).where('id', '=', r.id).execute();
  }
}

/** What other modules need to know about assignments: the assignment with its task and list. */
export interface AssignmentFacts {
  assignmentId: number;
  taskId: number;
  listId: number;
  unitId: number;
  role: string;
  finalState: string | null;
  seq: number;
  taskText: string;
  sectionId: number | null;
  subsectionId: number | null;
  dueDate: string | null;
  deadlineText: string | null;
  taskReportingCycle: string | null;
  listState: string;
  listYear: number;
  listTitle: string;
  listReportingCycle: string;
}

/** Assignments with their task and list, by any combination of list, unit, task and ids. */
export async function findAssignmentFacts(
  q: Q, f: { listId?: number; unitId?: number; taskId?: number; assignmentIds?: number[]; publishedOnly?: boolean },
): Promise<AssignmentFacts[]> {
  let query = q.selectFrom('assignment')
    .innerJoin('task', 'task.id', 'assignment.taskId')
    .innerJoin('list', 'list.id', 'task.listId')
    .select([
      'assignment.id as assignmentId', 'assignment.taskId', 'task.listId', 'assignment.unitId', 'assignment.role', 'assignment.finalState',
      'task.seq', 'task.text as taskText', 'task.sectionId', 'task.subsectionId', 'task.dueDate', 'task.deadlineText',
      'task.reportingCycle as taskReportingCycle', 'list.state as listState', 'list.year as listYear', 'list.title as listTitle',
      'list.reportingCycle as listReportingCycle',
    ]);
  if (f.listId !== undefined) query = query.where('task.listId', '=', f.listId);
  if (f.unitId !== undefined) query = query.where('assignment.unitId', '=', f.unitId);
  if (f.taskId !== undefined) query = query.where('assignment.taskId', '=', f.taskId);
  if (f.assignmentIds) {
    if (!f.assignmentIds.length) return [];
    query = query.where('assignment.id', 'in', f.assignmentIds);
  }
  if (f.publishedOnly) query = query.where('list.state', '=', 'published');
  return query.orderBy('task.listId').orderBy('task.seq').orderBy('assignment.role').orderBy('assignment.unitId').execute();
}

/** The lead units of each task. */
export async function findLeadUnits(q: Q, taskIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < taskIds.length; i += CHUNK) {
    const rows = await q.selectFrom('assignment').select(['taskId', 'unitId']).where('role', '=', 'lead').where('taskId', 'in', taskIds.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.unitId]);
  }
  return out;
}

export async function setAssignmentFinalState(q: Q, id: number, finalState: string | null): Promise<void> {
  await q.updateTable('assignment').set({ finalState }).where('id', '=', id).execute();
}

export async function setReportingCycle(q: Q, target: { listId: number } | { taskId: number }, cycle: string | null): Promise<void> {
  if ('listId' in target) await q.updateTable('list').set({ reportingCycle: cycle ?? 'quarterly' }).where('id', '=', target.listId).execute();
  else await q.updateTable('task').set({ reportingCycle: cycle }).where('id', '=', target.taskId).execute();
}
