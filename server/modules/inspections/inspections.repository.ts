/**
 * Inspection, finding and rectification-report queries (Kysely only).
 */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type {
  Database, Inspection, InspectionFinding, InspectionFindingTable, InspectionTable, RectificationAttachment, RectificationAttachmentTable,
  RectificationReport, RectificationReportTable,
} from '../../db/database.ts';
import { toNumber } from '../../db/portable.ts';

type Q = Kysely<Database> | Transaction<Database>;

// ---- inspections ----

export async function findInspection(q: Q, id: number): Promise<Inspection | undefined> {
  return q.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertInspection(q: Q, row: Insertable<InspectionTable>): Promise<Inspection> {
  return q.insertInto('inspection').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateInspection(q: Q, id: number, patch: Updateable<InspectionTable>): Promise<Inspection> {
  return q.updateTable('inspection').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Updates only while the inspection is still in `state` (two people cannot both move it on). */
export async function updateInspectionIfState(q: Q, id: number, state: string, patch: Updateable<InspectionTable>): Promise<boolean> {
  const r = await q.updateTable('inspection').set(patch).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteInspection(q: Q, id: number): Promise<void> {
  await q.deleteFrom('inspection').where('id', '=', id).execute();
}

export interface InspectionFilter {
  year?: number;
  kind?: string;
  state?: string;
  published?: boolean;
  /** only inspections (not drafts) with a finding naming this unit */
  forUnitId?: number;
}

export async function findInspections(q: Q, f: InspectionFilter, limit: number, offset: number): Promise<{ rows: Inspection[]; total: number }> {
  let query = q.selectFrom('inspection');
  if (f.year !== undefined) query = query.where('year', '=', f.year);
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.state) query = query.where('state', '=', f.state);
  if (f.published !== undefined) query = query.where('published', '=', f.published ? 1 : 0);
  if (f.forUnitId !== undefined) {
    const unitId = f.forUnitId;
    query = query.where('state', '!=', 'draft')
      .where((eb) => eb.exists(eb.selectFrom('inspectionFinding').select('inspectionFinding.id').whereRef('inspectionFinding.inspectionId', '=', 'inspection.id').where('inspectionFinding.unitId', '=', unitId)));
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('year', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toNumber(count.n) };
}

/** The state and due date of every finding of these inspections (one unit's only, when given), for the counts. */
export async function findingStates(q: Q, inspectionIds: number[], unitId?: number): Promise<{ inspectionId: number; state: string; dueOn: string }[]> {
  if (!inspectionIds.length) return [];
  let query = q.selectFrom('inspectionFinding').select(['inspectionId', 'state', 'dueOn']).where('inspectionId', 'in', inspectionIds);
  if (unitId !== undefined) query = query.where('unitId', '=', unitId);
  return query.execute();
}

// ---- findings ----

export async function findFinding(q: Q, id: number): Promise<InspectionFinding | undefined> {
  return q.selectFrom('inspectionFinding').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertFinding(q: Q, row: Insertable<InspectionFindingTable>): Promise<InspectionFinding> {
  return q.insertInto('inspectionFinding').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateFinding(q: Q, id: number, patch: Updateable<InspectionFindingTable>): Promise<InspectionFinding> {
  return q.updateTable('inspectionFinding').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Updates only while the finding is in one of `states`; false when someone else moved it first. */
export async function updateFindingIfState(q: Q, id: number, states: string[], patch: Updateable<InspectionFindingTable>): Promise<boolean> {
  const r = await q.updateTable('inspectionFinding').set(patch).where('id', '=', id).where('state', 'in', states).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface FindingFilter {
  inspectionId?: number;
  unitId?: number;
  state?: string;
  /** by the due date's year */
  year?: number;
  /** open or returned and due before this day (overdue) */
  overdueBefore?: string;
  /** leave out findings of draft inspections (what units see) */
  issuedOnly?: boolean;
}

export type FindingRow = InspectionFinding & { inspectionTitle: string; inspectionKind: string; inspectionState: string; inspectionYear: number };

function findingQuery(q: Q, f: FindingFilter) {
  let query = q.selectFrom('inspectionFinding').innerJoin('inspection', 'inspection.id', 'inspectionFinding.inspectionId');
  if (f.inspectionId !== undefined) query = query.where('inspectionFinding.inspectionId', '=', f.inspectionId);
  if (f.unitId !== undefined) query = query.where('inspectionFinding.unitId', '=', f.unitId);
  if (f.state) query = query.where('inspectionFinding.state', '=', f.state);
  if (f.year !== undefined) query = query.where('inspectionFinding.dueOn', '>=', `${f.year}-01-01`).where('inspectionFinding.dueOn', '<=', `${f.year}-12-31`);
  if (f.overdueBefore) query = query.where('inspectionFinding.dueOn', '<', f.overdueBefore).where('inspectionFinding.state', 'in', ['open', 'returned']);
  if (f.issuedOnly) query = query.where('inspection.state', '!=', 'draft');
  return query;
}

/** Findings with their inspection's title, kind and state: the earliest due first. */
export async function findFindings(q: Q, f: FindingFilter, limit: number, offset: number): Promise<{ rows: FindingRow[]; total: number }> {
  const query = findingQuery(q, f);
  const [rows, count] = await Promise.all([
    query.selectAll('inspectionFinding')
      .select(['inspection.title as inspectionTitle', 'inspection.kind as inspectionKind', 'inspection.state as inspectionState', 'inspection.year as inspectionYear'])
      .orderBy('inspectionFinding.dueOn').orderBy('inspectionFinding.id').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toNumber(count.n) };
}

/** Findings due in a year of issued inspections, not withdrawn: what rectification timeliness counts. */
export async function findingsDueInYear(q: Q, year: number, unitId?: number): Promise<Pick<InspectionFinding, 'id' | 'unitId' | 'dueOn' | 'state' | 'closedOn'>[]> {
  let query = q.selectFrom('inspectionFinding').innerJoin('inspection', 'inspection.id', 'inspectionFinding.inspectionId')
    .select(['inspectionFinding.id', 'inspectionFinding.unitId', 'inspectionFinding.dueOn', 'inspectionFinding.state', 'inspectionFinding.closedOn'])
    .where('inspection.state', '!=', 'draft').where('inspectionFinding.state', '!=', 'withdrawn')
    .where('inspectionFinding.dueOn', '>=', `${year}-01-01`).where('inspectionFinding.dueOn', '<=', `${year}-12-31`);
  if (unitId !== undefined) query = query.where('inspectionFinding.unitId', '=', unitId);
  return query.orderBy('inspectionFinding.id').execute();
}

/** Findings the unit still has to answer (open or returned) in open inspections: for the reminder scan. */
export async function findingsAwaitingUnits(q: Q): Promise<FindingRow[]> {
  return q.selectFrom('inspectionFinding').innerJoin('inspection', 'inspection.id', 'inspectionFinding.inspectionId')
    .selectAll('inspectionFinding')
    .select(['inspection.title as inspectionTitle', 'inspection.kind as inspectionKind', 'inspection.state as inspectionState', 'inspection.year as inspectionYear'])
    .where('inspection.state', '=', 'open').where('inspectionFinding.state', 'in', ['open', 'returned'])
    .orderBy('inspectionFinding.id').execute();
}

/** Unit merge: the unit's findings move; returns how many. */
export async function moveFindingsToUnit(q: Q, fromUnitId: number, intoUnitId: number): Promise<number> {
  const r = await q.updateTable('inspectionFinding').set({ unitId: intoUnitId }).where('unitId', '=', fromUnitId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- rectification reports ----

export async function findReport(q: Q, id: number): Promise<RectificationReport | undefined> {
  return q.selectFrom('rectificationReport').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A finding's reports, newest version first. */
export async function findReports(q: Q, findingId: number): Promise<RectificationReport[]> {
  return q.selectFrom('rectificationReport').selectAll().where('findingId', '=', findingId).orderBy('version', 'desc').execute();
}

export async function findLatestReport(q: Q, findingId: number): Promise<RectificationReport | undefined> {
  return q.selectFrom('rectificationReport').selectAll().where('findingId', '=', findingId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function insertReport(q: Q, row: Insertable<RectificationReportTable>): Promise<RectificationReport> {
  return q.insertInto('rectificationReport').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Verifies a report still awaiting verification; false when it no longer is. */
export async function verifyReportIfSubmitted(q: Q, id: number, patch: Updateable<RectificationReportTable>): Promise<boolean> {
  const r = await q.updateTable('rectificationReport').set(patch).where('id', '=', id).where('state', '=', 'submitted').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAttachment(q: Q, row: Insertable<RectificationAttachmentTable>): Promise<void> {
  await q.insertInto('rectificationAttachment').values(row).execute();
}

export type AttachmentMeta = Omit<RectificationAttachment, 'content'>;

/** The attachments of these reports, without their content. */
export async function findAttachments(q: Q, reportIds: number[]): Promise<AttachmentMeta[]> {
  if (!reportIds.length) return [];
  return q.selectFrom('rectificationAttachment').select(['id', 'reportId', 'fileName', 'mimeType', 'size', 'sha256', 'createdAt'])
    .where('reportId', 'in', reportIds).orderBy('id').execute();
}

export async function findAttachment(q: Q, reportId: number, id: number): Promise<RectificationAttachment | undefined> {
  return q.selectFrom('rectificationAttachment').selectAll().where('id', '=', id).where('reportId', '=', reportId).executeTakeFirst();
}
