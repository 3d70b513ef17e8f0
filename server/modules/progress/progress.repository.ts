/**
 * Queries on reporting periods, progress reports and their attachments.
 */
import type { Kysely, Transaction, Insertable } from 'kysely';
import type { Database, ProgressReport, ProgressReportTable, ReportingPeriod, ReportAttachment } from '../../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;
const CHUNK = 500;

export async function findPeriods(q: Q, listId: number): Promise<ReportingPeriod[]> {
  return q.selectFrom('reportingPeriod').selectAll().where('listId', '=', listId).orderBy('taskId').orderBy('seq').execute();
}

export async function findPeriodById(q: Q, id: number): Promise<ReportingPeriod | undefined> {
  return q.selectFrom('reportingPeriod').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPeriods(q: Q, rows: Omit<ReportingPeriod, 'id'>[]): Promise<void> {
  if (rows.length) await q.insertInto('reportingPeriod').values(rows).execute();
}

/** Deletes the list's own periods (taskId null) or one task's periods. */
export async function deletePeriods(q: Q, listId: number, taskId: number | null): Promise<void> {
  let query = q.deleteFrom('reportingPeriod').where('listId', '=', listId);
  query = taskId === null ? query.where('taskId', 'is', null) : query.where('taskId', '=', taskId);
  await query.execute();
}

export async function countReportsInPeriods(q: Q, periodIds: number[]): Promise<number> {
  if (!periodIds.length) return 0;
  const r = await q.selectFrom('progressReport').select((eb) => eb.fn.countAll<number>().as('n')).where('periodId', 'in', periodIds).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every report version of the given assignments (all periods), oldest first. */
export async function findReportsOfAssignments(q: Q, assignmentIds: number[]): Promise<ProgressReport[]> {
  const out: ProgressReport[] = [];
  for (let i = 0; i < assignmentIds.length; i += CHUNK) {
    out.push(...(await q.selectFrom('progressReport').selectAll().where('assignmentId', 'in', assignmentIds.slice(i, i + CHUNK)).orderBy('id').execute()));
  }
  return out;
}

/** Every report version of the given periods, oldest first. */
export async function findReportsOfPeriods(q: Q, periodIds: number[]): Promise<ProgressReport[]> {
  if (!periodIds.length) return [];
  return q.selectFrom('progressReport').selectAll().where('periodId', 'in', periodIds).orderBy('id').execute();
}

export async function findReportById(q: Q, id: number): Promise<ProgressReport | undefined> {
  return q.selectFrom('progressReport').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLatestVersion(q: Q, assignmentId: number, periodId: number): Promise<ProgressReport | undefined> {
  return q.selectFrom('progressReport').selectAll().where('assignmentId', '=', assignmentId).where('periodId', '=', periodId)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function insertReport(q: Q, row: Insertable<ProgressReportTable>): Promise<ProgressReport> {
  return q.insertInto('progressReport').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Records a review only if the report is still awaiting one; returns false when another reviewer
 * (or a newer version) got there first.
 */
export async function reviewIfSubmitted(
  q: Q, id: number, patch: { state: string; reviewedBy: number | null; reviewedAt: string; reviewComment: string | null },
): Promise<boolean> {
  const r = await q.updateTable('progressReport').set(patch).where('id', '=', id).where('state', '=', 'submitted').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setReportPublic(q: Q, id: number, patch: { public: number; publicSummary?: string | null }): Promise<ProgressReport> {
  return q.updateTable('progressReport').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertAttachment(q: Q, row: Omit<ReportAttachment, 'id'>): Promise<void> {
  await q.insertInto('reportAttachment').values(row).execute();
}

/** Attachment metadata (no content) of the given reports. */
export async function findAttachmentMeta(q: Q, reportIds: number[]): Promise<Omit<ReportAttachment, 'content'>[]> {
  if (!reportIds.length) return [];
  return q.selectFrom('reportAttachment').select(['id', 'reportId', 'fileName', 'mimeType', 'size', 'sha256', 'createdAt'])
    .where('reportId', 'in', reportIds).orderBy('id').execute();
}

export async function findAttachment(q: Q, reportId: number, id: number): Promise<ReportAttachment | undefined> {
  return q.selectFrom('reportAttachment').selectAll().where('reportId', '=', reportId).where('id', '=', id).executeTakeFirst();
}

/** Reports awaiting review (state submitted), oldest first. */
export async function findReportsAwaitingReview(q: Q): Promise<ProgressReport[]> {
  return q.selectFrom('progressReport').selectAll().where('state', '=', 'submitted').orderBy('submittedAt').orderBy('id').execute();
}

/** Marks that something the progress views show changed for a list (inside the change's transaction). */
export async function bumpRevision(q: Q, listId: number): Promise<void> {
  const at = new Date().toISOString();
  await q.insertInto('progressRevision').values({ listId, revision: 1, updatedAt: at })
    .onConflict((oc) => oc.column('listId').doUpdateSet((eb) => ({ revision: eb('progressRevision.revision', '+', 1), updatedAt: at })))
    .execute();
}

/** The version of a list's progress views: the list's own change time and its progress revision. */
export async function progressVersion(q: Q, listId: number): Promise<string> {
  const l = await q.selectFrom('list').select(['updatedAt', 'state']).where('id', '=', listId).executeTakeFirst();
  const r = await q.selectFrom('progressRevision').select('revision').where('listId', '=', listId).executeTakeFirst();
  // unit names appear on the pages too
  const u = await q.selectFrom('unit').select((eb) => [eb.fn.max('updatedAt').as('m'), eb.fn.countAll<number>().as('n')]).executeTakeFirstOrThrow();
  return `${l?.updatedAt ?? ''}|${l?.state ?? ''}|${r?.revision ?? 0}|${u.m ?? ''}|${u.n}`;
}

/** The columns of a report the status evaluation needs (not the texts). */
export type ReportFacts = Pick<ProgressReport, 'id' | 'assignmentId' | 'periodId' | 'version' | 'state' | 'completed' | 'public' | 'publicSummary' | 'submittedAt' | 'reviewedAt'>;

/** Report facts of the given assignments, oldest first. */
export async function findReportFactsOfAssignments(q: Q, assignmentIds: number[]): Promise<ReportFacts[]> {
  const out: ReportFacts[] = [];
  for (let i = 0; i < assignmentIds.length; i += CHUNK) {
    out.push(...(await q.selectFrom('progressReport')
      .select(['id', 'assignmentId', 'periodId', 'version', 'state', 'completed', 'public', 'publicSummary', 'submittedAt', 'reviewedAt'])
      .where('assignmentId', 'in', assignmentIds.slice(i, i + CHUNK)).orderBy('id').execute()));
  }
  return out;
}

/** Report facts of a whole list in one query, oldest first. */
export async function findReportFactsOfList(q: Q, listId: number): Promise<ReportFacts[]> {
  return q.selectFrom('progressReport')
    .innerJoin('assignment', 'assignment.id', 'progressReport.assignmentId')
    .innerJoin('task', 'task.id', 'assignment.taskId')
    .select(['progressReport.id', 'progressReport.assignmentId', 'progressReport.periodId', 'progressReport.version', 'progressReport.state',
      'progressReport.completed', 'progressReport.public', 'progressReport.publicSummary', 'progressReport.submittedAt', 'progressReport.reviewedAt'])
    .where('task.listId', '=', listId).orderBy('progressReport.id').execute();
}

/** Bulk insert (demo data, imports). */
export async function insertReports(q: Q, rows: Omit<ProgressReport, 'id'>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await q.insertInto('progressReport').values(rows.slice(i, i + 400)).execute();
}
