/**
 * Queries on the decision catalogue (decision_item), consultations and their comments (Kysely only).
 */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type {
  Consultation, ConsultationComment, ConsultationCommentTable, ConsultationTable, Database, DecisionItem, DecisionItemTable,
} from '../../db/database.ts';
import { toNumber } from '../../db/portable.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A unique constraint refused the row (either engine). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

// ---- decision items ----

export interface DecisionFilter {
  year?: number;
  unitId?: number;
  stage?: string;
  /** only published items, or those of this unit */
  visibleToUnit?: number | null;
  /** only published items */
  publishedOnly?: boolean;
}

export async function findDecisionItems(q: Q, f: DecisionFilter): Promise<DecisionItem[]> {
  let query = q.selectFrom('decisionItem').selectAll();
  if (f.year !== undefined) query = query.where('year', '=', f.year);
  if (f.unitId !== undefined) query = query.where('unitId', '=', f.unitId);
  if (f.stage) query = query.where('stage', '=', f.stage);
  if (f.publishedOnly) query = query.where('published', '=', 1);
  else if (f.visibleToUnit !== undefined && f.visibleToUnit !== null) {
    const unitId = f.visibleToUnit;
    query = query.where((eb) => eb.or([eb('published', '=', 1), eb('unitId', '=', unitId)]));
  }
  return query.orderBy('year', 'desc').orderBy('seq').execute();
}

export async function findDecisionItem(q: Q, id: number): Promise<DecisionItem | undefined> {
  return q.selectFrom('decisionItem').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDecisionItemsByIds(q: Q, ids: number[]): Promise<DecisionItem[]> {
  if (!ids.length) return [];
  return q.selectFrom('decisionItem').selectAll().where('id', 'in', ids).execute();
}

export async function nextDecisionSeq(q: Q, year: number): Promise<number> {
  const r = await q.selectFrom('decisionItem').select((eb) => eb.fn.max('seq').as('m')).where('year', '=', year).executeTakeFirstOrThrow();
  return toNumber(r.m as number | null) + 1;
}

export async function isDecisionSeqTaken(q: Q, year: number, seq: number, exceptId?: number): Promise<boolean> {
  let query = q.selectFrom('decisionItem').select('id').where('year', '=', year).where('seq', '=', seq);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertDecisionItem(q: Q, row: Insertable<DecisionItemTable>): Promise<DecisionItem> {
  return q.insertInto('decisionItem').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateDecisionItem(q: Q, id: number, patch: Updateable<DecisionItemTable>): Promise<DecisionItem> {
  return q.updateTable('decisionItem').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Moves the stage only if it is still `from` (two people cannot both move it on). */
export async function updateDecisionStageIf(q: Q, id: number, from: string, to: string, at: string): Promise<boolean> {
  const r = await q.updateTable('decisionItem').set({ stage: to, updatedAt: at }).where('id', '=', id).where('stage', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteDecisionItem(q: Q, id: number): Promise<void> {
  await q.deleteFrom('decisionItem').where('id', '=', id).execute();
}

/** Sets the published flag of every item of a year; returns how many items the year has. */
export async function setYearPublished(q: Q, year: number, published: 0 | 1, at: string): Promise<number> {
  const r = await q.updateTable('decisionItem').set({ published, updatedAt: at }).where('year', '=', year).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface YearSummaryRow {
  year: number;
  items: number;
  publishedItems: number;
}

export async function decisionYears(q: Q, f: { publishedOnly?: boolean; visibleToUnit?: number | null }): Promise<YearSummaryRow[]> {
  let query = q.selectFrom('decisionItem').select((eb) => [
    'year',
    eb.fn.countAll().as('items'),
    eb.fn.sum<number>('published').as('publishedItems'),
  ]);
  if (f.publishedOnly) query = query.where('published', '=', 1);
  else if (f.visibleToUnit !== undefined && f.visibleToUnit !== null) {
    const unitId = f.visibleToUnit;
    query = query.where((eb) => eb.or([eb('published', '=', 1), eb('unitId', '=', unitId)]));
  }
  const rows = await query.groupBy('year').orderBy('year', 'desc').execute();
  return rows.map((r) => ({ year: r.year, items: toNumber(r.items as number), publishedItems: toNumber(r.publishedItems as number | null) }));
}

// ---- consultations ----

export interface ConsultationFilter {
  unitId?: number;
  decisionItemId?: number;
  /** effective state: draft | open | closed | reported (open/closed decided against `today`) */
  state?: string;
  today: string;
  /** only published ones (not drafts) */
  publishedOnly?: boolean;
  /** published ones, or any of this unit */
  visibleToUnit?: number | null;
}

export async function findConsultations(q: Q, f: ConsultationFilter): Promise<Consultation[]> {
  let query = q.selectFrom('consultation').selectAll();
  if (f.unitId !== undefined) query = query.where('unitId', '=', f.unitId);
  if (f.decisionItemId !== undefined) query = query.where('decisionItemId', '=', f.decisionItemId);
  if (f.publishedOnly) query = query.where('state', '!=', 'draft');
  else if (f.visibleToUnit !== undefined && f.visibleToUnit !== null) {
    const unitId = f.visibleToUnit;
    query = query.where((eb) => eb.or([eb('state', '!=', 'draft'), eb('unitId', '=', unitId)]));
  }
  if (f.state === 'open') query = query.where('state', '=', 'open').where('closesOn', '>=', f.today);
  else if (f.state === 'closed') query = query.where('state', '=', 'open').where('closesOn', '<', f.today);
  else if (f.state) query = query.where('state', '=', f.state);
  return query.orderBy('opensOn', 'desc').orderBy('id', 'desc').execute();
}

export async function findConsultation(q: Q, id: number): Promise<Consultation | undefined> {
  return q.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertConsultation(q: Q, row: Insertable<ConsultationTable>): Promise<Consultation> {
  return q.insertInto('consultation').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only while the consultation is still in `state`; returns whether it did. */
export async function updateConsultationIf(q: Q, id: number, state: string, patch: Updateable<ConsultationTable>): Promise<boolean> {
  const r = await q.updateTable('consultation').set(patch).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteConsultationIf(q: Q, id: number, state: string): Promise<boolean> {
  const r = await q.deleteFrom('consultation').where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function countConsultationsOfItem(q: Q, decisionItemId: number): Promise<number> {
  const r = await q.selectFrom('consultation').select((eb) => eb.fn.countAll().as('n')).where('decisionItemId', '=', decisionItemId).executeTakeFirstOrThrow();
  return toNumber(r.n as number);
}

export async function findConsultationsOfItems(q: Q, itemIds: number[]): Promise<Consultation[]> {
  if (!itemIds.length) return [];
  return q.selectFrom('consultation').selectAll().where('decisionItemId', 'in', itemIds).orderBy('opensOn').orderBy('id').execute();
}

// ---- comments ----

export async function insertComment(q: Q, row: Insertable<ConsultationCommentTable>): Promise<ConsultationComment> {
  return q.insertInto('consultationComment').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findComment(q: Q, consultationId: number, id: number): Promise<ConsultationComment | undefined> {
  return q.selectFrom('consultationComment').selectAll().where('consultationId', '=', consultationId).where('id', '=', id).executeTakeFirst();
}

export async function findComments(q: Q, consultationId: number, moderation?: string): Promise<ConsultationComment[]> {
  let query = q.selectFrom('consultationComment').selectAll().where('consultationId', '=', consultationId);
  if (moderation) query = query.where('moderation', '=', moderation);
  return query.orderBy('id').execute();
}

export async function updateComment(q: Q, id: number, patch: Updateable<ConsultationCommentTable>): Promise<ConsultationComment> {
  return q.updateTable('consultationComment').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The same client's identical comment since `since` (a double submission). */
export async function findRecentDuplicate(q: Q, consultationId: number, clientHash: string, since: string): Promise<number | undefined> {
  const r = await q.selectFrom('consultationComment').select('id')
    .where('consultationId', '=', consultationId).where('clientHash', '=', clientHash).where('createdAt', '>=', since).executeTakeFirst();
  return r?.id;
}

export interface CommentCountRow {
  consultationId: number;
  moderation: string;
  disposition: string | null;
  n: number;
}

/** Comments per consultation × moderation × disposition. */
export async function countComments(q: Q, consultationIds: number[]): Promise<CommentCountRow[]> {
  if (!consultationIds.length) return [];
  const rows = await q.selectFrom('consultationComment')
    .select((eb) => ['consultationId', 'moderation', 'disposition', eb.fn.countAll().as('n')])
    .where('consultationId', 'in', consultationIds)
    .groupBy(['consultationId', 'moderation', 'disposition'])
    .execute();
  return rows.map((r) => ({ consultationId: r.consultationId, moderation: r.moderation, disposition: r.disposition, n: toNumber(r.n as number) }));
}
