/**
 * Queries on disclosure requests, their events, documents, appeals and reply templates.
 */
import type { Kysely, Transaction, Insertable, Updateable } from 'kysely';
import type { Appeal, Database, DisclosureRequest, DisclosureRequestTable, RequestEvent } from '../../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;

export async function nextSeq(q: Q, year: number): Promise<number> {
  const r = await q.selectFrom('disclosureRequest').select((eb) => eb.fn.max('seq').as('m')).where('year', '=', year).executeTakeFirstOrThrow();
  return Number(r.m ?? 0) + 1;
}

export async function insertRequest(q: Q, row: Insertable<DisclosureRequestTable>): Promise<DisclosureRequest> {
  return q.insertInto('disclosureRequest').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateRequest(q: Q, id: number, patch: Updateable<DisclosureRequestTable>): Promise<DisclosureRequest> {
  return q.updateTable('disclosureRequest').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Updates only when the request is still in `state` (two handlers cannot both move it on). */
export async function updateIfState(q: Q, id: number, state: string, patch: Updateable<DisclosureRequestTable>): Promise<boolean> {
  const r = await q.updateTable('disclosureRequest').set(patch).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findRequestById(q: Q, id: number): Promise<DisclosureRequest | undefined> {
  return q.selectFrom('disclosureRequest').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRequestByNumber(q: Q, regNumber: string): Promise<DisclosureRequest | undefined> {
  return q.selectFrom('disclosureRequest').selectAll().where('regNumber', '=', regNumber).executeTakeFirst();
}

export interface RequestFilter {
  handlingUnitId?: number;
  state?: string;
  receivedFrom?: string;
  receivedTo?: string;
  q?: string;
}

export async function findRequests(q: Q, f: RequestFilter): Promise<DisclosureRequest[]> {
  let query = q.selectFrom('disclosureRequest').selectAll();
  if (f.handlingUnitId !== undefined) query = query.where('handlingUnitId', '=', f.handlingUnitId);
  if (f.state) query = query.where('state', '=', f.state);
  if (f.receivedFrom) query = query.where('arrivedOn', '>=', f.receivedFrom);
  if (f.receivedTo) query = query.where('arrivedOn', '<=', f.receivedTo);
  if (f.q) query = query.where((eb) => eb.or([eb('regNumber', 'like', `%${f.q}%`), eb('description', 'like', `%${f.q}%`)]));
  return query.orderBy('id', 'desc').execute();
}

/** The columns the annual report's statistics read. */
export interface CountedRequestRow {
  id: number;
  handlingUnitId: number;
  applicantKind: string;
  channel: string;
  receivedOn: string;
  repliedOn: string | null;
  outcome: string | null;
}

/**
 * Requests that can count in a period [from, to]: received by its end and not answered before its
 * start — of these units, or of all (null). Filtered in the database: a province holds hundreds of
 * thousands of requests.
 */
export async function findCountedRequests(q: Q, units: readonly number[] | null, from: string, to: string): Promise<CountedRequestRow[]> {
  if (units !== null && !units.length) return [];
  let query = q.selectFrom('disclosureRequest')
    .select(['id', 'handlingUnitId', 'applicantKind', 'channel', 'receivedOn', 'repliedOn', 'outcome'])
    .where('receivedOn', 'is not', null).where('receivedOn', '<=', to)
    .where((eb) => eb.or([eb('repliedOn', 'is', null), eb('repliedOn', '>=', from)]));
  if (units !== null) query = query.where('handlingUnitId', 'in', [...units]);
  return (await query.orderBy('id').execute()) as CountedRequestRow[];
}

/** Requests by id (in chunks: a cell can count thousands). */
export async function findRequestsByIds(q: Q, ids: readonly number[]): Promise<DisclosureRequest[]> {
  const out: DisclosureRequest[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...await q.selectFrom('disclosureRequest').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute());
  return out;
}

/** Appeals by id. */
export async function findAppealsByIds(q: Q, ids: readonly number[]): Promise<Appeal[]> {
  const out: Appeal[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...await q.selectFrom('appeal').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute());
  return out;
}

/** Appeals filed by `to` against requests of these units (or of all: null). */
export async function findAppealsOfUnits(q: Q, units: readonly number[] | null, to: string): Promise<Appeal[]> {
  if (units !== null && !units.length) return [];
  let query = q.selectFrom('appeal').innerJoin('disclosureRequest', 'disclosureRequest.id', 'appeal.requestId').selectAll('appeal')
    .where('appeal.filedOn', '<=', to).where('disclosureRequest.receivedOn', 'is not', null);
  if (units !== null) query = query.where('disclosureRequest.handlingUnitId', 'in', [...units]);
  return query.orderBy('appeal.id').execute();
}

/** Earlier requests of the same applicant within a window, for the duplicate check. */
export async function findSameApplicant(
  q: Q, a: { idNumber: string | null; creditCode: string | null; applicantName: string; phone: string | null }, sinceDate: string,
): Promise<DisclosureRequest[]> {
  return q.selectFrom('disclosureRequest').selectAll().where('arrivedOn', '>=', sinceDate)
    .where((eb) => {
      const ors = [];
      if (a.idNumber) ors.push(eb('idNumber', '=', a.idNumber));
      if (a.creditCode) ors.push(eb('creditCode', '=', a.creditCode));
      if (a.phone) ors.push(eb.and([eb('applicantName', '=', a.applicantName), eb('phone', '=', a.phone)]));
      return ors.length ? eb.or(ors) : eb.val(false);
    })
    .orderBy('id').execute();
}

export async function insertEvent(q: Q, row: { requestId: number; type: string; onDate: string; data?: unknown; actorUserId: number | null; createdAt: string }): Promise<RequestEvent> {
  return q.insertInto('requestEvent').values({ ...row, data: JSON.stringify(row.data ?? {}) }).returningAll().executeTakeFirstOrThrow();
}

export async function findEvents(q: Q, requestId: number): Promise<RequestEvent[]> {
  return q.selectFrom('requestEvent').selectAll().where('requestId', '=', requestId).orderBy('id').execute();
}

export async function findEventsOf(q: Q, requestIds: number[]): Promise<RequestEvent[]> {
  if (!requestIds.length) return [];
  return q.selectFrom('requestEvent').selectAll().where('requestId', 'in', requestIds).orderBy('id').execute();
}

export async function insertDocument(q: Q, row: { requestId: number; kind: string; fileName: string; mimeType: string; size: number; content: Buffer; createdAt: string }): Promise<number> {
  return (await q.insertInto('requestDocument').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findDocuments(q: Q, requestId: number): Promise<{ id: number; kind: string; fileName: string; mimeType: string; size: number; createdAt: string }[]> {
  return q.selectFrom('requestDocument').select(['id', 'kind', 'fileName', 'mimeType', 'size', 'createdAt']).where('requestId', '=', requestId).orderBy('id').execute();
}

export async function findDocument(q: Q, requestId: number, id: number) {
  return q.selectFrom('requestDocument').selectAll().where('requestId', '=', requestId).where('id', '=', id).executeTakeFirst();
}

export async function insertAppeal(q: Q, row: Insertable<Database['appeal']>): Promise<Appeal> {
  return q.insertInto('appeal').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAppeal(q: Q, id: number, patch: Updateable<Database['appeal']>): Promise<Appeal> {
  return q.updateTable('appeal').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findAppeal(q: Q, id: number): Promise<Appeal | undefined> {
  return q.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAppeals(q: Q, requestIds?: number[]): Promise<Appeal[]> {
  let query = q.selectFrom('appeal').selectAll();
  if (requestIds) {
    if (!requestIds.length) return [];
    query = query.where('requestId', 'in', requestIds);
  }
  return query.orderBy('id').execute();
}

export async function findTemplate(q: Q, letter: string) {
  return q.selectFrom('replyTemplate').selectAll().where('letter', '=', letter).executeTakeFirst();
}

export async function upsertTemplate(q: Q, row: { letter: string; title: string; body: string; updatedAt: string }): Promise<void> {
  await q.insertInto('replyTemplate').values(row).onConflict((oc) => oc.column('letter').doUpdateSet({ title: row.title, body: row.body, updatedAt: row.updatedAt })).execute();
}
