/**
 * Publication and catalogue queries (Kysely only).
 */
import type { Kysely } from 'kysely';
import type { CatalogueNode, Database, Publication } from '../../db/database.ts';
import { now } from '../../db/portable.ts';

type Db = Kysely<Database>;

export interface PublishedPublicationRef {
  id: number;
  unitId: number;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  kind: string;
}

/** A publication the public can see (state published), or null. */
export async function findPublishedPublication(db: Db, id: number): Promise<PublishedPublicationRef | null> {
  const row = await db.selectFrom('publication').select(['id', 'unitId', 'title', 'docNumber', 'publishedOn', 'kind'])
    .where('id', '=', id).where('state', '=', 'published').executeTakeFirst();
  return row ?? null;
}

// ---- catalogue ----

export async function listNodes(db: Db, f: { unitId: number | null; kind?: string }): Promise<CatalogueNode[]> {
  let q = db.selectFrom('catalogueNode').selectAll();
  q = f.unitId === null ? q.where('unitId', 'is', null) : q.where('unitId', '=', f.unitId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  return q.orderBy('parentId').orderBy('sortOrder').orderBy('id').execute();
}

export async function findNode(db: Db, id: number): Promise<CatalogueNode | undefined> {
  return db.selectFrom('catalogueNode').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findNodes(db: Db, ids: number[]): Promise<CatalogueNode[]> {
  if (!ids.length) return [];
  return db.selectFrom('catalogueNode').selectAll().where('id', 'in', ids).execute();
}

export async function insertNode(db: Db, v: { unitId: number | null; kind: string; parentId: number | null; name: string; code?: string | null; pilotArea?: string | null; sortOrder?: number }): Promise<CatalogueNode> {
  const at = now();
  return db.insertInto('catalogueNode').values({ ...v, createdAt: at, updatedAt: at }).returningAll().executeTakeFirstOrThrow();
}

export async function updateNode(db: Db, id: number, v: { name?: string; code?: string | null; sortOrder?: number; parentId?: number | null }): Promise<void> {
  await db.updateTable('catalogueNode').set({ ...v, updatedAt: now() }).where('id', '=', id).execute();
}

export async function deleteNode(db: Db, id: number): Promise<void> {
  await db.deleteFrom('catalogueNode').where('id', '=', id).execute();
}

export async function countNodes(db: Db): Promise<number> {
  const r = await db.selectFrom('catalogueNode').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Publications filed under the node or any node below it. */
export async function countFiledUnder(db: Db, nodeIds: number[]): Promise<number> {
  if (!nodeIds.length) return 0;
  const r = await db.selectFrom('publicationCatalogue').select((eb) => eb.fn.countAll<number>().as('n')).where('nodeId', 'in', nodeIds).executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- publications ----

export type NewPublication = Omit<Publication, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertPublication(db: Db, v: NewPublication): Promise<Publication> {
  const at = now();
  return db.insertInto('publication').values({ ...v, createdAt: at, updatedAt: at }).returningAll().executeTakeFirstOrThrow();
}

export async function updatePublication(db: Db, id: number, v: Partial<NewPublication>): Promise<Publication> {
  return db.updateTable('publication').set({ ...v, updatedAt: now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findPublication(db: Db, id: number): Promise<Publication | undefined> {
  return db.selectFrom('publication').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deletePublication(db: Db, id: number): Promise<void> {
  await db.deleteFrom('publication').where('id', '=', id).execute();
}

export interface PublicationFilter {
  unitId?: number;
  state?: string;
  column?: string;
  kind?: string;
  nodeIds?: number[];
  year?: number;
  q?: string;
  /** Art. 26: published late, or unpublished past the due date (today given) */
  lateAsOf?: string;
  reviewerId?: number;
  assignmentId?: number;
  limit: number;
  offset: number;
  /** newest published first (public lists) instead of newest changed first */
  byPublishedOn?: boolean;
}

export type PublicationRow = Publication & { unitName: string };

export async function listPublications(db: Db, f: PublicationFilter): Promise<{ items: PublicationRow[]; total: number }> {
  let q = db.selectFrom('publication').innerJoin('unit', 'unit.id', 'publication.unitId');
  if (f.unitId) q = q.where('publication.unitId', '=', f.unitId);
  if (f.state) q = q.where('publication.state', '=', f.state);
  if (f.column) q = q.where('publication.platformColumn', '=', f.column);
  if (f.kind) q = q.where('publication.kind', '=', f.kind);
  if (f.reviewerId) q = q.where('publication.reviewerId', '=', f.reviewerId);
  if (f.year) q = q.where('publication.publishedOn', '>=', `${f.year}-01-01`).where('publication.publishedOn', '<=', `${f.year}-12-31`);
  if (f.q) q = q.where((eb) => eb.or([eb('publication.title', 'like', `%${f.q}%`), eb('publication.docNumber', 'like', `%${f.q}%`), eb('publication.indexNumber', 'like', `%${f.q}%`)]));
  if (f.nodeIds) {
    const ids = f.nodeIds.length ? f.nodeIds : [-1];
    q = q.where('publication.id', 'in', (eb) => eb.selectFrom('publicationCatalogue').select('publicationId').where('nodeId', 'in', ids));
  }
  if (f.assignmentId) q = q.where('publication.id', 'in', (eb) => eb.selectFrom('publicationEvidence').select('publicationId').where('assignmentId', '=', f.assignmentId!));
  if (f.lateAsOf) {
    const d = f.lateAsOf;
    q = q.where('publication.publishDueOn', 'is not', null).where((eb) => eb.or([
      eb.and([eb('publication.publishedOn', 'is not', null), eb(eb.ref('publication.publishedOn'), '>', eb.ref('publication.publishDueOn'))]),
      eb.and([eb('publication.publishedOn', 'is', null), eb('publication.publishDueOn', '<', d), eb('publication.state', 'in', ['draft', 'inReview'])]),
    ]));
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let sel = q.selectAll('publication').select('unit.name as unitName');
  sel = f.byPublishedOn ? sel.orderBy('publication.publishedOn', 'desc').orderBy('publication.id', 'desc') : sel.orderBy('publication.updatedAt', 'desc').orderBy('publication.id', 'desc');
  const items = await sel.limit(f.limit).offset(f.offset).execute();
  return { items, total: Number(n) };
}

export async function setCatalogue(db: Db, publicationId: number, nodeIds: number[]): Promise<void> {
  await db.deleteFrom('publicationCatalogue').where('publicationId', '=', publicationId).execute();
  if (nodeIds.length) await db.insertInto('publicationCatalogue').values([...new Set(nodeIds)].map((nodeId) => ({ publicationId, nodeId }))).execute();
}

export async function catalogueOf(db: Db, publicationIds: number[]): Promise<{ publicationId: number; nodeId: number; name: string }[]> {
  if (!publicationIds.length) return [];
  return db.selectFrom('publicationCatalogue').innerJoin('catalogueNode', 'catalogueNode.id', 'publicationCatalogue.nodeId')
    .select(['publicationCatalogue.publicationId', 'publicationCatalogue.nodeId', 'catalogueNode.name'])
    .where('publicationCatalogue.publicationId', 'in', publicationIds).execute();
}

export async function insertAttachment(db: Db, v: { publicationId: number; fileName: string; mimeType: string; size: number; content: Uint8Array; extractedText: string }) {
  return db.insertInto('publicationAttachment').values({ ...v, createdAt: now() })
    .returning(['id', 'publicationId', 'fileName', 'mimeType', 'size', 'createdAt']).executeTakeFirstOrThrow();
}

export async function listAttachments(db: Db, publicationId: number) {
  return db.selectFrom('publicationAttachment').select(['id', 'publicationId', 'fileName', 'mimeType', 'size', 'createdAt'])
    .where('publicationId', '=', publicationId).orderBy('id').execute();
}

export async function attachmentsText(db: Db, publicationId: number): Promise<string> {
  const rows = await db.selectFrom('publicationAttachment').select(['fileName', 'extractedText']).where('publicationId', '=', publicationId).orderBy('id').execute();
  return rows.map((r) => `${r.fileName}\n${r.extractedText}`).join('\n');
}

export async function findAttachment(db: Db, publicationId: number, id: number) {
  return db.selectFrom('publicationAttachment').selectAll().where('publicationId', '=', publicationId).where('id', '=', id).executeTakeFirst();
}

export async function deleteAttachment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('publicationAttachment').where('id', '=', id).execute();
}

export async function setEvidence(db: Db, publicationId: number, assignmentIds: number[], userId: number | null): Promise<void> {
  await db.deleteFrom('publicationEvidence').where('publicationId', '=', publicationId).execute();
  if (assignmentIds.length) {
    const at = now();
    await db.insertInto('publicationEvidence').values([...new Set(assignmentIds)].map((assignmentId) => ({ publicationId, assignmentId, createdBy: userId, createdAt: at }))).execute();
  }
}

export async function evidenceOf(db: Db, publicationId: number): Promise<number[]> {
  const rows = await db.selectFrom('publicationEvidence').select('assignmentId').where('publicationId', '=', publicationId).orderBy('assignmentId').execute();
  return rows.map((r) => r.assignmentId);
}

/** Publications tagged as evidence of these assignments (published or not: the unit's own view). */
export async function publicationsForAssignments(db: Db, assignmentIds: number[]) {
  if (!assignmentIds.length) return [];
  return db.selectFrom('publicationEvidence').innerJoin('publication', 'publication.id', 'publicationEvidence.publicationId')
    .select(['publicationEvidence.assignmentId', 'publication.id', 'publication.title', 'publication.state', 'publication.publishedOn', 'publication.indexNumber'])
    .where('publicationEvidence.assignmentId', 'in', assignmentIds).orderBy('publication.id').execute();
}

export async function findReviewerCandidates(db: Db, unitId: number) {
  return db.selectFrom('user').select(['id', 'displayName', 'role', 'unitId'])
    .where('disabled', '=', 0)
    .where((eb) => eb.or([eb('role', '=', 'office'), eb.and([eb('role', '=', 'unitAdmin'), eb('unitId', '=', unitId)])]))
    .orderBy('role').orderBy('id').execute();
}

export async function findUser(db: Db, id: number) {
  return db.selectFrom('user').select(['id', 'displayName', 'role', 'unitId', 'disabled']).where('id', '=', id).executeTakeFirst();
}

/**
 * Publications made (成文) in a date range that carry the Art. 26 due date, with what timeliness
 * needs (for the evaluation of units): id, unit, title, made, due and published dates, state.
 */
export async function findTimelinessFacts(db: Db, range: { from: string; to: string }) {
  return db.selectFrom('publication').select(['id', 'unitId', 'title', 'madeOn', 'publishDueOn', 'publishedOn', 'state'])
    .where('publishDueOn', 'is not', null).where('madeOn', '>=', range.from).where('madeOn', '<=', range.to)
    .orderBy('id').execute();
}
