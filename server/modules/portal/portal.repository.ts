/**
 * Read-only queries the public platform needs beyond what the publications module offers through
 * its index.ts: the cache fingerprint, per-node and per-unit counts of published publications,
 * one catalogue node, the year range, and the open-data export (metadata only). The portal writes
 * nothing; every query here is restricted to state = 'published'.
 */
import type { Kysely } from 'kysely';
import type { CatalogueNode, Database } from '../../db/database.ts';
import { toNumber } from '../../db/portable.ts';

type Db = Kysely<Database>;

/**
 * Changes whenever anything the cached portal pages show may have changed: any publication
 * (publish, withdraw, edit: updated_at is bumped), the set of published ones, the catalogue trees,
 * the unit directory (names on every list).
 */
export async function portalVersion(db: Db): Promise<string> {
  const r = await db.selectNoFrom((eb) => [
    eb.selectFrom('publication').select((e) => e.fn.max('updatedAt').as('v')).as('pubChanged'),
    eb.selectFrom('publication').select((e) => e.fn.countAll().as('v')).as('pubRows'),
    eb.selectFrom('publication').where('state', '=', 'published').select((e) => e.fn.countAll().as('v')).as('published'),
    eb.selectFrom('publication').where('state', '=', 'published').select((e) => e.fn.sum('id').as('v')).as('publishedIds'),
    eb.selectFrom('catalogueNode').select((e) => e.fn.max('updatedAt').as('v')).as('nodeChanged'),
    eb.selectFrom('catalogueNode').select((e) => e.fn.countAll().as('v')).as('nodes'),
    eb.selectFrom('unit').select((e) => e.fn.max('updatedAt').as('v')).as('unitChanged'),
    eb.selectFrom('unit').select((e) => e.fn.countAll().as('v')).as('units'),
  ]).executeTakeFirstOrThrow();
  return Object.values(r as Record<string, unknown>).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))).join('|');
}

export async function findNode(db: Db, id: number): Promise<CatalogueNode | undefined> {
  return db.selectFrom('catalogueNode').selectAll().where('id', '=', id).executeTakeFirst();
}

/** (node, publication) filings of published publications under these nodes. */
export async function publishedFilings(db: Db, nodeIds: number[]): Promise<{ nodeId: number; publicationId: number }[]> {
  const out: { nodeId: number; publicationId: number }[] = [];
  for (let i = 0; i < nodeIds.length; i += 500) {
    out.push(...(await db.selectFrom('publicationCatalogue as pc').innerJoin('publication as p', 'p.id', 'pc.publicationId')
      .select(['pc.nodeId', 'pc.publicationId']).where('p.state', '=', 'published').where('pc.nodeId', 'in', nodeIds.slice(i, i + 500)).execute()));
  }
  return out;
}

/** Published publications per unit (optionally of one platform column). */
export async function publishedCountsByUnit(db: Db, column?: string): Promise<Map<number, number>> {
  let q = db.selectFrom('publication').select(['unitId', (eb) => eb.fn.countAll().as('n')]).where('state', '=', 'published');
  if (column) q = q.where('platformColumn', '=', column);
  const rows = await q.groupBy('unitId').execute();
  return new Map(rows.map((r) => [r.unitId, toNumber(r.n as number | string)]));
}

/** Published publications per platform column. */
export async function publishedCountsByColumn(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('publication').select(['platformColumn', (eb) => eb.fn.countAll().as('n')])
    .where('state', '=', 'published').groupBy('platformColumn').execute();
  return new Map(rows.map((r) => [r.platformColumn, toNumber(r.n as number | string)]));
}

/** The earliest year with a published publication, or null. */
export async function firstPublishedYear(db: Db): Promise<number | null> {
  const r = await db.selectFrom('publication').select((eb) => eb.fn.min('publishedOn').as('d')).where('state', '=', 'published').executeTakeFirst();
  return r?.d ? Number(String(r.d).slice(0, 4)) : null;
}

export interface ExportRow {
  id: number;
  unitId: number;
  unitName: string;
  platformColumn: string;
  kind: string;
  indexNumber: string | null;
  title: string;
  publisher: string;
  docNumber: string | null;
  topic: string | null;
  writtenOn: string | null;
  publishedOn: string | null;
  updatedAt: string;
}

/**
 * One page of published publications for the open-data export, oldest publication first (new
 * ones are appended at the end, so a harvester's pages stay stable), with their filing and
 * attachments' metadata. Never the body.
 */
export async function exportPublished(db: Db, f: { since?: string; limit: number; offset: number }) {
  let q = db.selectFrom('publication as p').innerJoin('unit as u', 'u.id', 'p.unitId').where('p.state', '=', 'published');
  if (f.since) q = q.where('p.publishedOn', '>=', f.since);
  const { n } = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const items: ExportRow[] = await q.select([
    'p.id', 'p.unitId', 'u.name as unitName', 'p.platformColumn', 'p.kind', 'p.indexNumber', 'p.title', 'p.publisher', 'p.docNumber', 'p.topic',
    'p.writtenOn', 'p.publishedOn', 'p.updatedAt',
  ]).orderBy('p.publishedOn', 'asc').orderBy('p.id', 'asc').limit(f.limit).offset(f.offset).execute();
  const ids = items.map((i) => i.id);
  const [nodes, attachments] = ids.length ? await Promise.all([
    db.selectFrom('publicationCatalogue as pc').innerJoin('catalogueNode as c', 'c.id', 'pc.nodeId')
      .select(['pc.publicationId', 'c.id', 'c.name']).where('pc.publicationId', 'in', ids).orderBy('c.id').execute(),
    db.selectFrom('publicationAttachment').select(['id', 'publicationId', 'fileName', 'mimeType', 'size'])
      .where('publicationId', 'in', ids).orderBy('id').execute(),
  ]) : [[], []];
  return { total: toNumber(n as number | string), items, nodes, attachments };
}
