/**
 * Interpretation queries (Kysely only).
 */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, Interpretation, InterpretationTable } from '../../db/database.ts';
import { toNumber } from '../../db/portable.ts';

type Q = Kysely<Database> | Transaction<Database>;

export async function findById(q: Q, id: number): Promise<Interpretation | undefined> {
  return q.selectFrom('interpretation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insert(q: Q, row: Insertable<InterpretationTable>): Promise<Interpretation> {
  return q.insertInto('interpretation').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function update(q: Q, id: number, patch: Updateable<InterpretationTable>): Promise<Interpretation> {
  return q.updateTable('interpretation').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Updates only while the interpretation is still in `state` (two people cannot both move it on). */
export async function updateIfState(q: Q, id: number, state: string, patch: Updateable<InterpretationTable>): Promise<boolean> {
  const r = await q.updateTable('interpretation').set(patch).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function remove(q: Q, id: number): Promise<void> {
  await q.deleteFrom('interpretation').where('id', '=', id).execute();
}

export interface Filter {
  unitId?: number;
  form?: string;
  /** by the publication date's year */
  year?: number;
  state?: string;
  publicationId?: number;
  byUnitHead?: boolean;
  /** what the reader may see: everything, published only, or published plus one unit's own */
  visible: 'all' | 'published' | { ownUnitId: number };
}

/** Interpretations matching the filter: newest publication first, then drafts by last change. */
export async function findMany(q: Q, f: Filter, limit: number, offset: number): Promise<{ rows: Interpretation[]; total: number }> {
  let query = q.selectFrom('interpretation');
  if (f.visible === 'published') query = query.where('state', '=', 'published');
  else if (f.visible !== 'all') {
    const own = f.visible.ownUnitId;
    query = query.where((eb) => eb.or([eb('state', '=', 'published'), eb('unitId', '=', own)]));
  }
  if (f.unitId !== undefined) query = query.where('unitId', '=', f.unitId);
  if (f.form) query = query.where('form', '=', f.form);
  if (f.state) query = query.where('state', '=', f.state);
  if (f.publicationId !== undefined) query = query.where('publicationId', '=', f.publicationId);
  if (f.byUnitHead !== undefined) query = query.where('byUnitHead', '=', f.byUnitHead ? 1 : 0);
  if (f.year !== undefined) query = query.where('publishedOn', '>=', `${f.year}-01-01`).where('publishedOn', '<=', `${f.year}-12-31`);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('publishedOn', (ob) => ob.desc().nullsFirst()).orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toNumber(count.n) };
}

/** The published interpretations of one policy, oldest first. */
export async function findPublishedOfPublication(q: Q, publicationId: number): Promise<Interpretation[]> {
  return q.selectFrom('interpretation').selectAll().where('publicationId', '=', publicationId).where('state', '=', 'published')
    .orderBy('publishedOn').orderBy('id').execute();
}

/** Published interpretations by a unit's head in a year, per unit. */
export async function headCounts(q: Q, year: number): Promise<Map<number, number>> {
  const rows = await q.selectFrom('interpretation').select(['unitId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'published').where('byUnitHead', '=', 1)
    .where('publishedOn', '>=', `${year}-01-01`).where('publishedOn', '<=', `${year}-12-31`)
    .groupBy('unitId').execute();
  return new Map(rows.map((r) => [r.unitId, toNumber(r.n)]));
}

/** Published interpretations by a unit's head in a year (ids and titles, for evaluations). */
export async function findHeadInterpretations(q: Q, year: number): Promise<Pick<Interpretation, 'id' | 'unitId' | 'title' | 'publishedOn'>[]> {
  return q.selectFrom('interpretation').select(['id', 'unitId', 'title', 'publishedOn'])
    .where('state', '=', 'published').where('byUnitHead', '=', 1)
    .where('publishedOn', '>=', `${year}-01-01`).where('publishedOn', '<=', `${year}-12-31`)
    .orderBy('unitId').orderBy('publishedOn').orderBy('id').execute();
}

/** Units with published interpretations (for the public filter). */
export async function publishedUnitIds(q: Q): Promise<number[]> {
  const rows = await q.selectFrom('interpretation').select('unitId').distinct().where('state', '=', 'published').execute();
  return rows.map((r) => r.unitId);
}

/** The distinct publication dates of published interpretations (their years make the year filter). */
export async function publishedDates(q: Q): Promise<string[]> {
  const rows = await q.selectFrom('interpretation').select('publishedOn').distinct().where('state', '=', 'published').where('publishedOn', 'is not', null).execute();
  return rows.map((r) => r.publishedOn!).filter(Boolean);
}

/** Unit merge: the unit's interpretations move; returns their ids. */
export async function moveToUnit(q: Q, fromUnitId: number, intoUnitId: number): Promise<number[]> {
  const rows = await q.selectFrom('interpretation').select('id').where('unitId', '=', fromUnitId).execute();
  if (rows.length) await q.updateTable('interpretation').set({ unitId: intoUnitId }).where('unitId', '=', fromUnitId).execute();
  return rows.map((r) => r.id);
}
