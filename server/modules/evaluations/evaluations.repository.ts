/**
 * Evaluation queries (Kysely only): indicator sets, indicators, manual scores, published results.
 */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, Indicator, IndicatorSet, IndicatorSetTable, IndicatorTable, ManualScore } from '../../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;

// ---- sets ----

export async function findSetById(q: Q, id: number): Promise<IndicatorSet | undefined> {
  return q.selectFrom('indicatorSet').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSets(q: Q, f: { year?: number; states?: string[] }): Promise<IndicatorSet[]> {
  let query = q.selectFrom('indicatorSet').selectAll();
  if (f.year !== undefined) query = query.where('year', '=', f.year);
  if (f.states) query = query.where('state', 'in', f.states);
  return query.orderBy('year', 'desc').orderBy('id', 'desc').execute();
}

export async function insertSet(q: Q, row: Insertable<IndicatorSetTable>): Promise<IndicatorSet> {
  return q.insertInto('indicatorSet').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSet(q: Q, id: number, patch: Updateable<IndicatorSetTable>): Promise<IndicatorSet> {
  return q.updateTable('indicatorSet').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Moves the set on only while it is still in `state`. */
export async function updateSetIfState(q: Q, id: number, state: string, patch: Updateable<IndicatorSetTable>): Promise<boolean> {
  const r = await q.updateTable('indicatorSet').set(patch).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteSet(q: Q, id: number): Promise<void> {
  const ids = (await findIndicators(q, id)).map((i) => i.id);
  if (ids.length) await q.deleteFrom('manualScore').where('indicatorId', 'in', ids).execute();
  // children before parents (SQLite enforces the self-reference without cascade when foreign keys are off)
  await q.updateTable('indicator').set({ parentId: null }).where('setId', '=', id).execute();
  await q.deleteFrom('indicator').where('setId', '=', id).execute();
  await q.deleteFrom('evaluationResult').where('setId', '=', id).execute();
  await q.deleteFrom('evaluationSnapshot').where('setId', '=', id).execute();
  await q.deleteFrom('indicatorSet').where('id', '=', id).execute();
}

// ---- indicators ----

export async function findIndicators(q: Q, setId: number): Promise<Indicator[]> {
  return q.selectFrom('indicator').selectAll().where('setId', '=', setId).orderBy('sortOrder').orderBy('id').execute();
}

export async function findIndicatorById(q: Q, id: number): Promise<Indicator | undefined> {
  return q.selectFrom('indicator').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertIndicator(q: Q, row: Insertable<IndicatorTable>): Promise<Indicator> {
  return q.insertInto('indicator').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateIndicator(q: Q, id: number, patch: Updateable<IndicatorTable>): Promise<Indicator> {
  return q.updateTable('indicator').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes indicators (the ids given: a node and its descendants) with their manual scores. */
export async function deleteIndicators(q: Q, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await q.deleteFrom('manualScore').where('indicatorId', 'in', ids).execute();
  await q.updateTable('indicator').set({ parentId: null }).where('id', 'in', ids).execute();
  await q.deleteFrom('indicator').where('id', 'in', ids).execute();
}

export async function maxSortOrder(q: Q, setId: number, parentId: number | null): Promise<number> {
  let query = q.selectFrom('indicator').select((eb) => eb.fn.max('sortOrder').as('m')).where('setId', '=', setId);
  query = parentId === null ? query.where('parentId', 'is', null) : query.where('parentId', '=', parentId);
  const r = await query.executeTakeFirst();
  return Number(r?.m ?? 0);
}

// ---- manual scores ----

export async function findScores(q: Q, indicatorIds: number[]): Promise<ManualScore[]> {
  if (!indicatorIds.length) return [];
  return q.selectFrom('manualScore').selectAll().where('indicatorId', 'in', indicatorIds).orderBy('indicatorId').orderBy('unitId').execute();
}

export async function findScore(q: Q, indicatorId: number, unitId: number): Promise<ManualScore | undefined> {
  return q.selectFrom('manualScore').selectAll().where('indicatorId', '=', indicatorId).where('unitId', '=', unitId).executeTakeFirst();
}

/** Inserts or replaces a unit's score on an indicator (one statement: two offices scoring at once cannot collide). */
export async function upsertScore(q: Q, row: Omit<ManualScore, 'id'>): Promise<ManualScore> {
  return q.insertInto('manualScore').values(row)
    .onConflict((oc) => oc.columns(['indicatorId', 'unitId']).doUpdateSet({ points: row.points, note: row.note, evidence: row.evidence, scoredBy: row.scoredBy, scoredAt: row.scoredAt }))
    .returningAll().executeTakeFirstOrThrow();
}

export async function deleteScore(q: Q, indicatorId: number, unitId: number): Promise<void> {
  await q.deleteFrom('manualScore').where('indicatorId', '=', indicatorId).where('unitId', '=', unitId).execute();
}

export async function deleteScoresOf(q: Q, indicatorId: number): Promise<void> {
  await q.deleteFrom('manualScore').where('indicatorId', '=', indicatorId).execute();
}

// ---- published results ----

export interface ResultRow {
  unitId: number;
  unitName: string;
  rank: number;
  total: number;
  breakdown: string;
}

export async function insertResults(q: Q, setId: number, rows: ResultRow[], indicators: string, computedAt: string): Promise<void> {
  await q.deleteFrom('evaluationResult').where('setId', '=', setId).execute();
  await q.deleteFrom('evaluationSnapshot').where('setId', '=', setId).execute();
  for (let i = 0; i < rows.length; i += 200) await q.insertInto('evaluationResult').values(rows.slice(i, i + 200).map((r) => ({ ...r, setId }))).execute();
  await q.insertInto('evaluationSnapshot').values({ setId, indicators, computedAt }).execute();
}

export async function findResults(q: Q, setId: number, unitId?: number): Promise<ResultRow[]> {
  let query = q.selectFrom('evaluationResult').select(['unitId', 'unitName', 'rank', 'total', 'breakdown']).where('setId', '=', setId);
  if (unitId !== undefined) query = query.where('unitId', '=', unitId);
  return query.orderBy('rank').orderBy('unitId').execute();
}

export async function findSnapshot(q: Q, setId: number): Promise<{ indicators: string; computedAt: string } | undefined> {
  return q.selectFrom('evaluationSnapshot').select(['indicators', 'computedAt']).where('setId', '=', setId).executeTakeFirst();
}

// ---- unit merge ----

/** A merged unit's manual scores move to the unit it was merged into (where that unit has none of its own). */
export async function moveScoresToUnit(q: Q, fromUnitId: number, intoUnitId: number): Promise<void> {
  const rows = await q.selectFrom('manualScore').select(['id', 'indicatorId']).where('unitId', '=', fromUnitId).execute();
  for (const r of rows) {
    if (await findScore(q, r.indicatorId, intoUnitId)) await q.deleteFrom('manualScore').where('id', '=', r.id).execute();
    else await q.updateTable('manualScore').set({ unitId: intoUnitId }).where('id', '=', r.id).execute();
  }
}

/** Sets whose explicit scope lists the unit (for a merge). */
export async function findSetsWithScopeUnits(q: Q): Promise<IndicatorSet[]> {
  return q.selectFrom('indicatorSet').selectAll().where('scopeKind', '=', 'units').execute();
}
