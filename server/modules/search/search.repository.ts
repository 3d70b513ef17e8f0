/**
 * The search index's queries. One table (search_document) holds what every module makes
 * searchable; the engine's own index sits beside it: a contentless FTS5 table on SQLite
 * (rowid = search_document.id, detail=none), a tsvector column (stripped of positions) with a GIN
 * index on PostgreSQL. Both are fed the same pre-segmented text (segmenter.ts), so both find the
 * same documents (docs/adr/0008-chinese-search.md). They only answer which documents hold which
 * words: relevance is computed by the service (search.ranking.ts) from the stored text, the same
 * way on both engines; the engines find the matches, newest first, and count them (up to
 * COUNT_CAP + 1).
 *
 * Filters are part of the full-text match: each document also carries filter tags (kind, unit,
 * year, validity, catalogue nodes — e.g. `unit12 year2020 node3`), written `@unit12` for FTS5 and
 * `unit12@filter.gk` for PostgreSQL, forms no segmented text or query can produce. A filtered query
 * is then one index intersection, however frequent its words, instead of a scan of the word's
 * matches checking each document's columns.
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
  /** the segmented title and text (tokens separated by spaces) */
  tokens: string;
}

export interface Filters {
  kind?: string;
  unitId?: number;
  nodeId?: number;
  year?: number;
  validity?: string;
}

/** At most this many matches are counted: beyond it the total says "more than". */
export const COUNT_CAP = 10_000;
/** Rows per multi-row statement (far below SQLite's 32,766 and PostgreSQL's 65,535 parameters). */
const CHUNK = 250;

// ---------------------------------------------------------------------------------------------
// Filter tags

const tagWord = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The tags a document carries: one word per filter value (letters and digits only). */
export function documentTags(r: { kind: string; unitId: number | null; year: number | null; validity: string | null; nodeIds: number[] }): string[] {
  const tags = [`kind${tagWord(r.kind)}`];
  if (r.unitId != null) tags.push(`unit${r.unitId}`);
  if (r.year != null) tags.push(`year${r.year}`);
  if (r.validity) tags.push(`validity${tagWord(r.validity)}`);
  for (const n of new Set(r.nodeIds)) tags.push(`node${n}`);
  return tags;
}

/**
 * A tag as a PostgreSQL lexeme: the default parser reads `unit12@filter.gk` as one e-mail token,
 * which no segmented text or query can produce (the segmenter drops '@'), so matching it needs no
 * weight restriction (weights would make the GIN index recheck every row).
 */
const pgTag = (tag: string) => `${tag}@filter.gk`;

/** The tags a query requires. */
export function filterTags(f: Filters): string[] {
  const tags: string[] = [];
  if (f.kind) tags.push(`kind${tagWord(f.kind)}`);
  if (f.unitId) tags.push(`unit${f.unitId}`);
  if (f.year) tags.push(`year${f.year}`);
  if (f.validity) tags.push(`validity${tagWord(f.validity)}`);
  if (f.nodeId) tags.push(`node${f.nodeId}`);
  return tags;
}

// ---------------------------------------------------------------------------------------------
// Writing

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function removeByIds(db: Db, ids: number[]): Promise<void> {
  if (!ids.length) return;
  // contentless_delete FTS5 tables delete by rowid; one statement each (the IN form would scan)
  if (!isPostgres(db)) for (const id of ids) await sql`DELETE FROM search_fts WHERE rowid = ${id}`.execute(db);
  for (const part of chunks(ids, CHUNK)) await db.deleteFrom('searchDocument').where('id', 'in', part).execute();
}

/** The index ids of these records (kind + refId). */
async function existingIds(db: Db, rows: { kind: string; refId: number }[]): Promise<number[]> {
  const byKind = new Map<string, number[]>();
  for (const r of rows) {
    const refIds = byKind.get(r.kind);
    if (refIds) refIds.push(r.refId);
    else byKind.set(r.kind, [r.refId]);
  }
  const ids: number[] = [];
  for (const [kind, refIds] of byKind) {
    for (const part of chunks(refIds, CHUNK)) {
      const found = await db.selectFrom('searchDocument').select('id').where('kind', '=', kind).where('refId', 'in', part).execute();
      for (const f of found) ids.push(f.id);
    }
  }
  return ids;
}

export async function removeDocument(db: Db, kind: string, refId: number): Promise<void> {
  await removeByIds(db, await existingIds(db, [{ kind, refId }]));
}

/**
 * Replaces the entries of these records (kind + refId) with the given rows: the old entries are
 * deleted, the new ones inserted in multi-row statements (documents, then the FTS5 rows on SQLite;
 * on PostgreSQL the tsvector is computed in the same INSERT).
 */
export async function upsertDocuments(db: Db, rows: IndexRow[]): Promise<void> {
  if (!rows.length) return;
  const pg = isPostgres(db);
  // a record given twice: the last entry wins
  const list = [...new Map(rows.map((r) => [`${r.kind}\u0000${r.refId}`, r])).values()];
  await removeByIds(db, await existingIds(db, list));
  for (const part of chunks(list, CHUNK)) {
    const values = sql.join(part.map((r) => {
      const columns = [r.kind, r.refId, r.unitId, r.year, r.validity, r.docNumber, r.docNumberKey, r.title, r.url, r.publishedOn, r.bodyText, [...new Set(r.nodeIds)].join(' ')];
      const tuple = sql.join(columns.map((v) => sql`${v}`));
      return pg ? sql`(${tuple}, strip(to_tsvector('simple', ${`${r.tokens} ${documentTags(r).map(pgTag).join(' ')}`})))` : sql`(${tuple})`;
    }));
    const head = sql`INSERT INTO search_document (kind, ref_id, unit_id, year, validity, doc_number, doc_number_key, title, url, published_on, body_text, node_ids`;
    if (pg) {
      await sql`${head}, tsv) VALUES ${values}`.execute(db);
      continue;
    }
    const inserted = await sql<{ id: number; kind: string; refId: number }>`${head}) VALUES ${values} RETURNING id, kind, ref_id AS "refId"`.execute(db);
    const idOf = new Map(inserted.rows.map((x) => [`${x.kind}\u0000${x.refId}`, x.id]));
    const fts = sql.join(part.map((r) => sql`(${idOf.get(`${r.kind}\u0000${r.refId}`)}, ${`${r.tokens} ${documentTags(r).map(ftsTag).join(' ')}`})`));
    await sql`INSERT INTO search_fts (rowid, tokens) VALUES ${fts}`.execute(db);
  }
}

/** A stored document with what its engine entry is made of. */
export interface StoredDocument {
  id: number;
  kind: string;
  unitId: number | null;
  year: number | null;
  validity: string | null;
  docNumber: string | null;
  title: string;
  bodyText: string;
  nodeIds: string;
}

/** Stored documents after `afterId`, in id order. */
export async function storedBatch(db: Db, afterId: number, limit: number): Promise<StoredDocument[]> {
  return db.selectFrom('searchDocument')
    .select(['id', 'kind', 'unitId', 'year', 'validity', 'docNumber', 'title', 'bodyText', 'nodeIds'])
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Empties the engine's index (SQLite: the FTS5 table; PostgreSQL: every tsvector). */
export async function clearEngineIndex(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`UPDATE search_document SET tsv = ''::tsvector`.execute(db);
  else await sql`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`.execute(db);
}

/** Writes the engine's entries of stored documents from their tokens (ids kept). */
export async function writeEngineEntries(db: Db, entries: { doc: StoredDocument; tokens: string }[]): Promise<void> {
  const tagsOf = (d: StoredDocument) => documentTags({ ...d, nodeIds: d.nodeIds.split(' ').filter(Boolean).map(Number) });
  for (const part of chunks(entries, CHUNK)) {
    if (isPostgres(db)) {
      const values = sql.join(part.map((e) => sql`(${e.doc.id}::integer, ${`${e.tokens} ${tagsOf(e.doc).map(pgTag).join(' ')}`}::text)`));
      await sql`UPDATE search_document d SET tsv = strip(to_tsvector('simple', v.t)) FROM (VALUES ${values}) AS v(id, t) WHERE d.id = v.id`.execute(db);
    } else {
      const values = sql.join(part.map((e) => sql`(${e.doc.id}, ${`${e.tokens} ${tagsOf(e.doc).map(ftsTag).join(' ')}`})`));
      await sql`INSERT INTO search_fts (rowid, tokens) VALUES ${values}`.execute(db);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Querying

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

const hitColumns = sql`d.id, d.kind, d.ref_id AS "refId", d.unit_id AS "unitId", d.year, d.validity, d.doc_number AS "docNumber", d.title, d.url,
  d.published_on AS "publishedOn", d.body_text AS "bodyText"`;

/** An FTS5 string literal: one token (letters, digits, '.', '@' — quoted all the same). */
const ftsString = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** A tag as an FTS5 token: '@' is a token character there, and the segmenter drops it from any text. */
const ftsTag = (tag: string) => `@${tag}`;

/** FTS5: every token and every tag. */
function ftsMatch(tokens: string[], tags: string[]): string {
  return [...tokens, ...tags.map(ftsTag)].map(ftsString).join(' AND ');
}

/** A tsquery literal: every token quoted (a token the parser splits becomes a phrase) and required. */
const tsLiteral = (tokens: string[]) => tokens.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');

/** PostgreSQL: the words and the filter tags. */
const tsQuery = (tokens: string[], tags: string[]) => sql`to_tsquery('simple', ${tsLiteral([...tokens, ...tags.map(pgTag)])})`;

/**
 * PostgreSQL: the filters on the plain columns too, written first. Walking the newest rows, the
 * executor then drops another year's or unit's row on a column compare, before reading its
 * tsvector (the tags in the tsquery still serve the GIN index).
 */
function pgColumnFilters(f: Filters) {
  const parts = [];
  if (f.kind) parts.push(sql`kind = ${f.kind} AND `);
  if (f.unitId) parts.push(sql`unit_id = ${f.unitId} AND `);
  if (f.year) parts.push(sql`year = ${f.year} AND `);
  if (f.validity) parts.push(sql`validity = ${f.validity} AND `);
  return sql.join(parts, sql``);
}

/** The newest matches' ids (by index id): FTS5 walks its index in this order and stops at the limit. */
function newestIds(db: Db, tokens: string[], f: Filters, limit: number, offset: number) {
  return isPostgres(db)
    ? sql`SELECT id FROM search_document WHERE ${pgColumnFilters(f)}tsv @@ ${tsQuery(tokens, filterTags(f))} ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`
    : sql`SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${ftsMatch(tokens, filterTags(f))} ORDER BY rowid DESC LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * The newest `limit` matches with the text the ranking reads (the service ranks these and pages
 * through the rest newest first), and — when it was needed to choose the plan — their number.
 *
 * No engine scores every match of a frequent word. FTS5 walks its index newest first and stops at
 * the limit. PostgreSQL cannot read a GIN index in order: walking the primary key backwards and
 * testing each row's tsvector is right for a frequent word, and very wrong for matches that are
 * all old (a year filter, 2020 in the words: hundreds of thousands of newer rows read first); so
 * PostgreSQL counts first (capped) and, for up to COUNT_CAP matches, takes them all from the GIN
 * index (a materialised CTE keeps the planner from the backward walk) and sorts them.
 */
export async function newestCandidates(db: Db, tokens: string[], f: Filters, limit: number): Promise<{ candidates: Candidate[]; total: number | null }> {
  let ids = newestIds(db, tokens, f, limit, 0);
  let total: number | null = null;
  if (isPostgres(db)) {
    total = await countMatches(db, tokens, f);
    if (!total) return { candidates: [], total };
    if (total <= COUNT_CAP) {
      ids = sql`WITH m AS MATERIALIZED (SELECT id FROM search_document WHERE ${pgColumnFilters(f)}tsv @@ ${tsQuery(tokens, filterTags(f))}) SELECT id FROM m ORDER BY id DESC LIMIT ${limit}`;
    }
  }
  const r = await sql<Candidate>`SELECT d.id, d.title, d.body_text AS "bodyText" FROM (${ids}) c
    JOIN search_document d ON d.id = c.id ORDER BY d.id DESC`.execute(db);
  return { candidates: r.rows, total };
}

export interface Candidate { id: number; title: string; bodyText: string }

/** Matches newest first, from `offset`. */
export async function newestMatches(db: Db, tokens: string[], f: Filters, limit: number, offset: number): Promise<Hit[]> {
  const r = await sql<Hit>`SELECT ${hitColumns} FROM (${newestIds(db, tokens, f, limit, offset)}) c JOIN search_document d ON d.id = c.id ORDER BY d.id DESC`.execute(db);
  return r.rows;
}

/** These documents, in this order. */
export async function hitsByIds(db: Db, ids: number[]): Promise<Hit[]> {
  if (!ids.length) return [];
  const r = await sql<Hit>`SELECT ${hitColumns} FROM search_document d WHERE d.id IN (${sql.join(ids)})`.execute(db);
  const byId = new Map(r.rows.map((h) => [h.id, h]));
  return ids.map((id) => byId.get(id)).filter((h): h is Hit => h !== undefined);
}

/** The number of matches, up to COUNT_CAP + 1. */
export async function countMatches(db: Db, tokens: string[], f: Filters): Promise<number> {
  const r = isPostgres(db)
    ? await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM search_document WHERE ${pgColumnFilters(f)}tsv @@ ${tsQuery(tokens, filterTags(f))} LIMIT ${COUNT_CAP + 1}) x`.execute(db)
    : await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ${ftsMatch(tokens, filterTags(f))} LIMIT ${COUNT_CAP + 1}) x`.execute(db);
  return Number(r.rows[0]!.n);
}

/**
 * How many documents the index holds, estimated from the span of its ids (one index lookup at
 * each end; counting a million rows takes a third of a second cold). Re-indexed and removed
 * records leave gaps, so this can overestimate: it only feeds idf.
 */
export async function documentCount(db: Db): Promise<number> {
  // two subqueries: each engine reads one end of the primary key for min() or max() alone
  const r = await sql<{ lo: number | null; hi: number | null }>`SELECT (SELECT min(id) FROM search_document) AS lo, (SELECT max(id) FROM search_document) AS hi`.execute(db);
  const { lo, hi } = r.rows[0] ?? { lo: null, hi: null };
  return lo == null || hi == null ? 0 : Number(hi) - Number(lo) + 1;
}

/**
 * A frequent token's share of the newest documents: its newest `matches` matches, and the span of
 * ids since the oldest of them (documents indexed since, gaps included).
 */
export async function tokenShare(db: Db, token: string, matches: number): Promise<{ matches: number; documents: number }> {
  const r = await sql<{ n: number; oldest: number | null; newest: number | null }>`SELECT count(*) AS n, min(c.id) AS oldest,
    (SELECT max(id) FROM search_document) AS newest FROM (${newestIds(db, [token], {}, matches, 0)}) c`.execute(db);
  const found = Number(r.rows[0]!.n);
  if (!found) return { matches: 0, documents: 0 };
  return { matches: found, documents: Number(r.rows[0]!.newest) - Number(r.rows[0]!.oldest) + 1 };
}

/** Exact 文号 lookup (normalised key), newest first; filters checked on the few documents found. */
export async function docNumberQuery(db: Db, key: string, f: Filters, limit: number, offset: number): Promise<{ hits: Hit[]; total: number }> {
  const conditions = [sql`d.doc_number_key = ${key}`];
  if (f.kind) conditions.push(sql`d.kind = ${f.kind}`);
  if (f.unitId) conditions.push(sql`d.unit_id = ${f.unitId}`);
  if (f.year) conditions.push(sql`d.year = ${f.year}`);
  if (f.validity) conditions.push(sql`d.validity = ${f.validity}`);
  if (f.nodeId) {
    const tag = `node${f.nodeId}`;
    conditions.push(isPostgres(db)
      ? sql`d.tsv @@ to_tsquery('simple', ${tsLiteral([pgTag(tag)])})`
      : sql`EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH ${ftsMatch([], [tag])} AND search_fts.rowid = d.id)`);
  }
  const where = sql.join(conditions, sql` AND `);
  const hits = await sql<Hit>`SELECT ${hitColumns} FROM search_document d WHERE ${where}
    ORDER BY d.published_on DESC NULLS LAST, d.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM search_document d WHERE ${where}`.execute(db);
  return { hits: hits.rows, total: Number(count.rows[0]!.n) };
}
