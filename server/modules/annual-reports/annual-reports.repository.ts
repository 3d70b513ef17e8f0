/**
 * Queries on annual reports made on the platform (table annual_report).
 */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { AnnualReportRow, AnnualReportTable, Database } from '../../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface Filter {
  year?: number;
  scope?: string;
  unitId?: number;
  state?: string;
  /** only reports of these units (a unit's people: its own) */
  unitIds?: number[];
}

export async function insert(q: Q, row: Insertable<AnnualReportTable>): Promise<AnnualReportRow> {
  return q.insertInto('annualReport').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findById(q: Q, id: number): Promise<AnnualReportRow | undefined> {
  return q.selectFrom('annualReport').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOne(q: Q, k: { scope: string; unitId: number; year: number }): Promise<AnnualReportRow | undefined> {
  return q.selectFrom('annualReport').selectAll().where('scope', '=', k.scope).where('unitId', '=', k.unitId).where('year', '=', k.year).executeTakeFirst();
}

export async function findMany(q: Q, f: Filter): Promise<AnnualReportRow[]> {
  let query = q.selectFrom('annualReport').selectAll();
  if (f.year !== undefined) query = query.where('year', '=', f.year);
  if (f.scope !== undefined) query = query.where('scope', '=', f.scope);
  if (f.unitId !== undefined) query = query.where('unitId', '=', f.unitId);
  if (f.state !== undefined) query = query.where('state', '=', f.state);
  if (f.unitIds !== undefined) {
    if (!f.unitIds.length) return [];
    query = query.where('unitId', 'in', f.unitIds);
  }
  return query.orderBy('year', 'desc').orderBy('scope', 'desc').orderBy('unitId').execute();
}

export async function update(q: Q, id: number, patch: Updateable<AnnualReportTable>): Promise<AnnualReportRow> {
  return q.updateTable('annualReport').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Updates only while the report is in `state` (two publishers cannot both publish). */
export async function updateIfState(q: Q, id: number, state: string, patch: Updateable<AnnualReportTable>): Promise<boolean> {
  const r = await q.updateTable('annualReport').set(patch).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Published reports, newest year first (the public 年报 column). */
export async function findPublished(q: Q, f: { year?: number; unitId?: number } = {}): Promise<AnnualReportRow[]> {
  let query = q.selectFrom('annualReport').selectAll().where('state', '=', 'published');
  if (f.year !== undefined) query = query.where('year', '=', f.year);
  if (f.unitId !== undefined) query = query.where('unitId', '=', f.unitId);
  return query.orderBy('year', 'desc').orderBy('scope', 'desc').orderBy('publishedAt', 'desc').execute();
}

/** Changes whenever the published reports change (the portal's cache fingerprint). */
export async function publishedVersion(q: Q): Promise<string> {
  const r = await q.selectFrom('annualReport').where('state', '=', 'published')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('publishedAt').as('m'), eb.fn.sum('id').as('s')]).executeTakeFirstOrThrow();
  const m = r.m as unknown;
  return `${String(r.n)}|${m instanceof Date ? m.toISOString() : String(m ?? '')}|${String(r.s ?? '')}`;
}

export async function remove(q: Q, id: number): Promise<void> {
  await q.deleteFrom('annualReport').where('id', '=', id).execute();
}
