/**
 * Queries of the normative register and cleanup campaigns (Kysely only). Reads join the publication
 * (title, 文号, 制定机关, state) and the unit (name) a registration belongs to; writes touch only this
 * module's tables.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CleanupCampaignTable, CleanupItemTable, Database, NormativeDocument } from '../../db/database.ts';

type Db = Kysely<Database>;
export type CleanupCampaign = Selectable<CleanupCampaignTable>;
export type CleanupItem = Selectable<CleanupItemTable>;

// ---- registrations ----

export interface DocumentRow extends NormativeDocument {
  unitName: string;
  title: string;
  docNumber: string | null;
  publisher: string;
  indexNumber: string | null;
  publishedOn: string | null;
  publicationState: string;
}

function documents(db: Db) {
  return db.selectFrom('normativeDocument as n')
    .innerJoin('publication as p', 'p.id', 'n.publicationId')
    .innerJoin('unit as u', 'u.id', 'n.unitId');
}

const DOCUMENT_COLUMNS = [
  'n.publicationId', 'n.regNumber', 'n.unitId', 'n.validity', 'n.effectiveOn', 'n.validUntil', 'n.validityChangedOn', 'n.validityNote',
  'n.expiryAlertedAt', 'n.registeredAt', 'n.updatedAt', 'u.name as unitName', 'p.title', 'p.docNumber', 'p.publisher', 'p.indexNumber',
  'p.publishedOn', 'p.state as publicationState',
] as const;

export async function insertDocument(db: Db, row: NormativeDocument): Promise<void> {
  await db.insertInto('normativeDocument').values(row).execute();
}

export async function findDocument(db: Db, id: number): Promise<DocumentRow | undefined> {
  return documents(db).select(DOCUMENT_COLUMNS).where('n.publicationId', '=', id).executeTakeFirst();
}

export async function regNumberTaken(db: Db, regNumber: string): Promise<boolean> {
  return !!(await db.selectFrom('normativeDocument').select('publicationId').where('regNumber', '=', regNumber).executeTakeFirst());
}

export interface DocumentFilter {
  unitId?: number;
  validities?: string[];
  year?: number;
  q?: string;
  /** only registrations whose publication is published (the public register) */
  publishedOnly: boolean;
  limit: number;
  offset: number;
}

/** `%text%` for LIKE with % _ \ taken literally (ESCAPE '\'), lower-cased. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listDocuments(db: Db, f: DocumentFilter): Promise<{ items: DocumentRow[]; total: number }> {
  let q = documents(db);
  if (f.publishedOnly) q = q.where('p.state', '=', 'published');
  if (f.unitId) q = q.where('n.unitId', '=', f.unitId);
  if (f.validities?.length) q = q.where('n.validity', 'in', f.validities);
  if (f.year) q = q.where('p.publishedOn', '>=', `${f.year}-01-01`).where('p.publishedOn', '<=', `${f.year}-12-31`);
  if (f.q) {
    const like = likePattern(f.q);
    q = q.where(sql<boolean>`(lower(p.title) LIKE ${like} ESCAPE '\\' OR lower(coalesce(p.doc_number, '')) LIKE ${like} ESCAPE '\\' OR lower(n.reg_number) LIKE ${like} ESCAPE '\\')`);
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q.select(DOCUMENT_COLUMNS).orderBy('p.publishedOn', 'desc').orderBy('n.regNumber', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items, total: Number(n) };
}

export type DocumentChanges = Partial<Pick<NormativeDocument, 'effectiveOn' | 'validUntil' | 'validityNote' | 'expiryAlertedAt' | 'updatedAt'>>;

export async function updateDocument(db: Db, id: number, changes: DocumentChanges): Promise<void> {
  await db.updateTable('normativeDocument').set(changes).where('publicationId', '=', id).execute();
}

/**
 * Changes the validity of a document still in force (valid or amended); returns whether it did.
 * The condition makes the change happen once, whichever process or request gets there first.
 */
export async function changeValidityIfInForce(db: Db, id: number, v: { validity: string; validityChangedOn: string; validityNote?: string | null; updatedAt: string }): Promise<boolean> {
  const r = await db.updateTable('normativeDocument').set(v).where('publicationId', '=', id).where('validity', 'in', ['valid', 'amended']).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks the expiry alert sent; false when another process already did (exactly once). */
export async function claimExpiryAlert(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('normativeDocument').set({ expiryAlertedAt: at }).where('publicationId', '=', id).where('expiryAlertedAt', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Documents in force whose validity period ended before `today`. */
export async function findPastValidity(db: Db, today: string): Promise<NormativeDocument[]> {
  return db.selectFrom('normativeDocument').selectAll().where('validity', 'in', ['valid', 'amended']).where('validUntil', 'is not', null).where('validUntil', '<', today)
    .orderBy('publicationId').execute();
}

/** Published documents in force whose period ends between `today` and `until` and whose unit was not alerted yet. */
export async function findDueForAlert(db: Db, today: string, until: string): Promise<DocumentRow[]> {
  return documents(db).select(DOCUMENT_COLUMNS).where('p.state', '=', 'published').where('n.validity', 'in', ['valid', 'amended'])
    .where('n.expiryAlertedAt', 'is', null).where('n.validUntil', '>=', today).where('n.validUntil', '<=', until).orderBy('n.publicationId').execute();
}

export async function moveDocumentsToUnit(db: Db, fromUnitId: number, intoUnitId: number): Promise<void> {
  await db.updateTable('normativeDocument').set({ unitId: intoUnitId }).where('unitId', '=', fromUnitId).execute();
  await db.updateTable('cleanupItem').set({ unitId: intoUnitId }).where('unitId', '=', fromUnitId).execute();
}

/** Units and years with published registrations (the public register's filters). */
export async function registerFacets(db: Db): Promise<{ units: { id: number; name: string; count: number }[]; years: number[] }> {
  const units = await documents(db).where('p.state', '=', 'published').select(['u.id', 'u.name', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['u.id', 'u.name']).orderBy('u.name').execute();
  const dates = await documents(db).where('p.state', '=', 'published').where('p.publishedOn', 'is not', null).select('p.publishedOn').distinct().execute();
  const years = [...new Set(dates.map((d) => Number(d.publishedOn!.slice(0, 4))))].sort((a, b) => b - a);
  return { units: units.map((u) => ({ id: u.id, name: u.name, count: Number(u.count) })), years };
}

// ---- relations ----

export interface RelationRow {
  fromId: number;
  toId: number;
  kind: string;
  createdAt: string;
  /** the other document */
  otherId: number;
  otherUnitId: number;
  regNumber: string;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  publicationState: string;
}

export async function findRelation(db: Db, fromId: number, toId: number) {
  return db.selectFrom('normativeRelation').selectAll().where('fromId', '=', fromId).where('toId', '=', toId).executeTakeFirst();
}

export async function insertRelation(db: Db, v: { fromId: number; toId: number; kind: string; createdAt: string }): Promise<void> {
  await db.insertInto('normativeRelation').values(v).execute();
}

/** The relations a document declares (it amends / repeals others) and those declared on it. */
export async function relationsOf(db: Db, ids: number[]): Promise<{ outgoing: RelationRow[]; incoming: RelationRow[] }> {
  if (!ids.length) return { outgoing: [], incoming: [] };
  const side = (mine: 'fromId' | 'toId', other: 'fromId' | 'toId') => db.selectFrom('normativeRelation as r')
    .innerJoin('normativeDocument as n', 'n.publicationId', `r.${other}`)
    .innerJoin('publication as p', 'p.id', 'n.publicationId')
    .select(['r.fromId', 'r.toId', 'r.kind', 'r.createdAt', 'n.publicationId as otherId', 'n.unitId as otherUnitId', 'n.regNumber', 'p.title', 'p.docNumber', 'p.publishedOn', 'n.effectiveOn', 'p.state as publicationState'])
    .where(`r.${mine}`, 'in', ids).orderBy('p.publishedOn').orderBy('n.publicationId').execute();
  const [outgoing, incoming] = await Promise.all([side('fromId', 'toId'), side('toId', 'fromId')]);
  return { outgoing, incoming };
}

// ---- cleanup campaigns ----

export async function insertCampaign(db: Db, v: Omit<CleanupCampaign, 'id'>): Promise<CleanupCampaign> {
  return db.insertInto('cleanupCampaign').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function findCampaign(db: Db, id: number): Promise<CleanupCampaign | undefined> {
  return db.selectFrom('cleanupCampaign').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCampaigns(db: Db): Promise<CleanupCampaign[]> {
  return db.selectFrom('cleanupCampaign').selectAll().orderBy('openedAt', 'desc').orderBy('id', 'desc').execute();
}

/** The latest campaign whose valid list was published. */
export async function latestPublishedCampaign(db: Db): Promise<CleanupCampaign | undefined> {
  return db.selectFrom('cleanupCampaign').selectAll().where('validListPublishedAt', 'is not', null)
    .orderBy('validListPublishedAt', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function listPublishedCampaigns(db: Db): Promise<CleanupCampaign[]> {
  return db.selectFrom('cleanupCampaign').selectAll().where('validListPublishedAt', 'is not', null)
    .orderBy('validListPublishedAt', 'desc').orderBy('id', 'desc').execute();
}

/** Closes an open campaign; false when it was closed already (by another request). */
export async function closeCampaign(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('cleanupCampaign').set({ state: 'closed', closedAt: at, validListPublishedAt: at }).where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Published documents in force, with their unit: what a new campaign asks the units about. */
export async function findInForceForCleanup(db: Db): Promise<{ publicationId: number; unitId: number }[]> {
  return documents(db).select(['n.publicationId', 'n.unitId']).where('p.state', '=', 'published').where('n.validity', 'in', ['valid', 'amended'])
    .orderBy('n.unitId').orderBy('n.publicationId').execute();
}

export async function insertItems(db: Db, items: CleanupItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 200) await db.insertInto('cleanupItem').values(items.slice(i, i + 200)).execute();
}

export interface ItemRow extends CleanupItem {
  unitName: string;
  regNumber: string;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  validity: string;
  validUntil: string | null;
  confirmedByName: string | null;
}

function items(db: Db) {
  return db.selectFrom('cleanupItem as i')
    .innerJoin('normativeDocument as n', 'n.publicationId', 'i.documentId')
    .innerJoin('publication as p', 'p.id', 'i.documentId')
    .innerJoin('unit as u', 'u.id', 'i.unitId')
    .leftJoin('user as cu', 'cu.id', 'i.confirmedBy')
    .select([
      'i.campaignId', 'i.documentId', 'i.unitId', 'i.decision', 'i.note', 'i.confirmedBy', 'i.confirmedAt', 'u.name as unitName', 'n.regNumber', 'p.title',
      'p.docNumber', 'p.publishedOn', 'n.validity', 'n.validUntil', 'cu.displayName as confirmedByName',
    ]);
}

export async function findItem(db: Db, campaignId: number, documentId: number): Promise<ItemRow | undefined> {
  return items(db).where('i.campaignId', '=', campaignId).where('i.documentId', '=', documentId).executeTakeFirst();
}

export async function listItems(db: Db, f: { campaignId: number; unitId?: number; pending?: boolean; decision?: string }): Promise<ItemRow[]> {
  let q = items(db).where('i.campaignId', '=', f.campaignId);
  if (f.unitId) q = q.where('i.unitId', '=', f.unitId);
  if (f.pending) q = q.where('i.decision', 'is', null);
  if (f.decision) q = q.where('i.decision', '=', f.decision);
  return q.orderBy('u.name').orderBy('p.publishedOn').orderBy('i.documentId').execute();
}

export async function updateItem(db: Db, campaignId: number, documentId: number, v: { decision: string; note: string | null; confirmedBy: number | null; confirmedAt: string }): Promise<void> {
  await db.updateTable('cleanupItem').set(v).where('campaignId', '=', campaignId).where('documentId', '=', documentId).execute();
}

export interface UnitProgressRow {
  campaignId: number;
  unitId: number;
  unitName: string;
  total: number;
  confirmed: number;
  keep: number;
  amend: number;
  repeal: number;
  expire: number;
}

/** Confirmed / total per unit (and per decision) of these campaigns. */
export async function progressByUnit(db: Db, campaignIds: number[], unitId?: number): Promise<UnitProgressRow[]> {
  if (!campaignIds.length) return [];
  let q = db.selectFrom('cleanupItem as i').innerJoin('unit as u', 'u.id', 'i.unitId').where('i.campaignId', 'in', campaignIds);
  if (unitId) q = q.where('i.unitId', '=', unitId);
  const count = (decision: string) => sql<number>`sum(case when i.decision = ${decision} then 1 else 0 end)`;
  const rows = await q.select([
    'i.campaignId', 'i.unitId', 'u.name as unitName', (eb) => eb.fn.countAll<number>().as('total'),
    sql<number>`sum(case when i.decision is null then 0 else 1 end)`.as('confirmed'),
    count('keep').as('keep'), count('amend').as('amend'), count('repeal').as('repeal'), count('expire').as('expire'),
  ]).groupBy(['i.campaignId', 'i.unitId', 'u.name']).orderBy('u.name').execute();
  return rows.map((r) => ({
    campaignId: r.campaignId, unitId: r.unitId, unitName: r.unitName, total: Number(r.total), confirmed: Number(r.confirmed),
    keep: Number(r.keep), amend: Number(r.amend), repeal: Number(r.repeal), expire: Number(r.expire),
  }));
}

/**
 * The documents in force on `date` (the valid list as published that day): published by then, and
 * in force now or gone out of force only after it (going out of force is final, and
 * validity_changed_on is the day it happened).
 */
export async function findInForceOn(db: Db, date: string): Promise<DocumentRow[]> {
  return documents(db).select(DOCUMENT_COLUMNS).where('p.state', '=', 'published').where('p.publishedOn', '<=', date)
    .where((eb) => eb.or([eb('n.validity', 'in', ['valid', 'amended']), eb('n.validityChangedOn', '>', date)]))
    .orderBy('p.publisher').orderBy('p.publishedOn').orderBy('n.regNumber').execute();
}
