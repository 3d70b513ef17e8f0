/**
 * The search index's queries. One table (search_document) holds what every module makes
 * searchable; the engine's own index sits beside it: a contentless FTS5 table on SQLite
 * (rowid = search_document.id), a weighted tsvector column with a GIN index on PostgreSQL. Both are
 * fed the same pre-segmented text (segmenter.ts), so both find the same documents.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/portable.ts';

type Db = Kysely<Database>;

export interface IndexRow {
  kind: string;
  refId: number;
  unitId: number | null;
  year: number | null;
  validity: string | null;
  docNumber: string | null;
  docNumberKey: string | null;
  title: string;
  url: string;
  publishedOn: string | null;
  bodyText: string;
  nodeIds: number[];
  /** segmented title and body */
  titleTokens: string;
  bodyTokens: string;
}

async function removeById(db: Db, id: number): Promise<void> {
  if (!isPostgres(db)) await sql`DELETE FROM search_fts WHERE rowid = ${id}`.execute(db);
  await db.deleteFrom('searchDocumentNode').where('documentId', '=', id).execute();
  await db.deleteFrom('searchDocument').where('id', '=', id).execute();
}

export async function removeDocument(db: Db, kind: string, refId: number): Promise<void> {
  const row = await db.selectFrom('searchDocument').select('id').where('kind', '=', kind).where('refId', '=', refId).executeTakeFirst();
  if (row) await removeById(db, row.id);
}

/** Replaces the entries of these records (kind + refId) with the given rows. */
export async function upsertDocuments(db: Db, rows: IndexRow[]): Promise<void> {
  const pg = isPostgres(db);
  for (const r of rows) {
    await removeDocument(db, r.kind, r.refId);
    const values = {
      kind: r.kind, refId: r.refId, unitId: r.unitId, year: r.year, validity: r.validity, docNumber: r.docNumber, docNumberKey: r.docNumberKey,
      title: r.title, url: r.url, publishedOn: r.publishedOn, bodyText: r.bodyText,
    };
    const { id } = await db.insertInto('searchDocument').values(values).returning('id').executeTakeFirstOrThrow();
    if (pg) {
      await sql`UPDATE search_document SET tsv = setweight(to_tsvector('simple', ${r.titleTokens}), 'A') || setweight(to_tsvector('simple', ${r.bodyTokens}), 'B') WHERE id = ${id}`.execute(db);
    } else {
      await sql`INSERT INTO search_fts (rowid, title, body) VALUES (${id}, ${r.titleTokens}, ${r.bodyTokens})`.execute(db);
    }
    if (r.nodeIds.length) await db.insertInto('searchDocumentNode').values([...new Set(r.nodeIds)].map((nodeId) => ({ documentId: id, nodeId }))).execute();
  }
}

export interface Filters {
  kind?: string;
  unitId?: number;
  nodeId?: number;
  year?: number;
  validity?: string;
}

export interface Hit {
  id: number;
  kind: string;
  refId: number;
  unitId: number | null;
  year: number | null;
  validity: string | null;
  docNumber: string | null;
  title: string;
  url: string;
  publishedOn: string | null;
  bodyText: string;
}

const HIT_COLUMNS = ['d.id', 'd.kind', 'd.refId', 'd.unitId', 'd.year', 'd.validity', 'd.docNumber', 'd.title', 'd.url', 'd.publishedOn', 'd.bodyText'] as const;

function filterSql(f: Filters) {
  const parts = [sql`1 = 1`];
  if (f.kind) parts.push(sql`d.kind = ${f.kind}`);
  if (f.unitId) parts.push(sql`d.unit_id = ${f.unitId}`);
  if (f.year) parts.push(sql`d.year = ${f.year}`);
  if (f.validity) parts.push(sql`d.validity = ${f.validity}`);
  if (f.nodeId) parts.push(sql`d.id IN (SELECT document_id FROM search_document_node WHERE node_id = ${f.nodeId})`);
  return sql.join(parts, sql` AND `);
}

/** At most this many matches are counted: beyond it the total says "more than". */
export const COUNT_CAP = 10_000;

/**
 * Full-text query: every token must occur (title weighted 5:1 over body on SQLite's bm25, A:B on
 * PostgreSQL's ts_rank). Returns one page, best first, and the number of matches (capped).
 */
export async function fullTextQuery(db: Db, tokens: string[], f: Filters, limit: number, offset: number): Promise<{ hits: Hit[]; total: number }> {
  const where = filterSql(f);
  if (isPostgres(db)) {
    const q = sql`plainto_tsquery('simple', ${tokens.join(' ')})`;
    const hits = await sql<Hit>`SELECT d.id, d.kind, d.ref_id AS "refId", d.unit_id AS "unitId", d.year, d.validity, d.doc_number AS "docNumber", d.title, d.url,
        d.published_on AS "publishedOn", d.body_text AS "bodyText"
      FROM search_document d WHERE d.tsv @@ ${q} AND ${where}
      ORDER BY ts_rank(d.tsv, ${q}) DESC, d.published_on DESC NULLS LAST, d.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM search_document d WHERE d.tsv @@ ${q} AND ${where} LIMIT ${COUNT_CAP + 1}) x`.execute(db);
    return { hits: hits.rows, total: Number(count.rows[0]!.n) };
  }
  const match = tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
  const hits = await sql<Hit>`SELECT d.id, d.kind, d.ref_id AS refId, d.unit_id AS unitId, d.year, d.validity, d.doc_number AS docNumber, d.title, d.url,
      d.published_on AS publishedOn, d.body_text AS bodyText
    FROM search_fts JOIN search_document d ON d.id = search_fts.rowid
    WHERE search_fts MATCH ${match} AND ${where}
    ORDER BY bm25(search_fts, 5.0, 1.0), d.published_on DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM search_fts JOIN search_document d ON d.id = search_fts.rowid
    WHERE search_fts MATCH ${match} AND ${where} LIMIT ${COUNT_CAP + 1}) x`.execute(db);
  return { hits: hits.rows, total: Number(count.rows[0]!.n) };
}

/** Exact 文号 lookup (normalised key), newest first. */
export async function docNumberQuery(db: Db, key: string, f: Filters, limit: number, offset: number): Promise<{ hits: Hit[]; total: number }> {
  const base = db.selectFrom('searchDocument as d').where('d.docNumberKey', '=', key).where(filterSql(f) as never);
  const hits = await base.select(HIT_COLUMNS).orderBy('d.publishedOn', 'desc').orderBy('d.id', 'desc').limit(limit).offset(offset).execute();
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { hits, total: Number(n) };
}
