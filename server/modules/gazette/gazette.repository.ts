/**
 * Gazette queries (Kysely only): issues, their documents (articles), the exact and classified
 * queries over the published ones.
 */
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Database, GazetteArticle, GazetteArticleTable, GazetteIssue, GazetteIssueTable } from '../../db/database.ts';
import { toNumber } from '../../db/portable.ts';

type Q = Kysely<Database> | Transaction<Database>;

// ---- issues ----

export async function findIssueById(q: Q, id: number): Promise<GazetteIssue | undefined> {
  return q.selectFrom('gazetteIssue').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findIssueByNumber(q: Q, year: number, number: number): Promise<GazetteIssue | undefined> {
  return q.selectFrom('gazetteIssue').selectAll().where('year', '=', year).where('number', '=', number).executeTakeFirst();
}

/** Issues, newest first; `publishedOnly` hides drafts. */
export async function findIssues(q: Q, f: { year?: number; state?: string; publishedOnly: boolean }): Promise<GazetteIssue[]> {
  let query = q.selectFrom('gazetteIssue').selectAll();
  if (f.publishedOnly) query = query.where('state', '=', 'published');
  if (f.state) query = query.where('state', '=', f.state);
  if (f.year !== undefined) query = query.where('year', '=', f.year);
  return query.orderBy('year', 'desc').orderBy('number', 'desc').execute();
}

export async function insertIssue(q: Q, row: Insertable<GazetteIssueTable>): Promise<GazetteIssue> {
  return q.insertInto('gazetteIssue').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateIssue(q: Q, id: number, patch: Updateable<GazetteIssueTable>): Promise<GazetteIssue> {
  return q.updateTable('gazetteIssue').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Updates only while the issue is still in `state` (two people cannot both publish it). */
export async function updateIssueIfState(q: Q, id: number, state: string, patch: Updateable<GazetteIssueTable>): Promise<boolean> {
  const r = await q.updateTable('gazetteIssue').set(patch).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteIssue(q: Q, id: number): Promise<void> {
  await q.deleteFrom('gazetteArticle').where('issueId', '=', id).execute();
  await q.deleteFrom('gazetteIssue').where('id', '=', id).execute();
}

/** Number of documents per issue. */
export async function articleCounts(q: Q, issueIds: number[]): Promise<Map<number, number>> {
  if (!issueIds.length) return new Map();
  const rows = await q.selectFrom('gazetteArticle').select(['issueId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('issueId', 'in', issueIds).groupBy('issueId').execute();
  return new Map(rows.map((r) => [r.issueId, toNumber(r.n)]));
}

// ---- articles ----

export async function findArticleById(q: Q, id: number): Promise<GazetteArticle | undefined> {
  return q.selectFrom('gazetteArticle').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findArticlesOfIssue(q: Q, issueId: number): Promise<GazetteArticle[]> {
  return q.selectFrom('gazetteArticle').selectAll().where('issueId', '=', issueId).orderBy('seq').orderBy('id').execute();
}

export async function findArticleBySeq(q: Q, issueId: number, seq: number): Promise<GazetteArticle | undefined> {
  return q.selectFrom('gazetteArticle').selectAll().where('issueId', '=', issueId).where('seq', '=', seq).executeTakeFirst();
}

/** Documents carrying this (normalised) 文号, in any issue. */
export async function findArticlesByDocNumber(q: Q, docNumber: string): Promise<GazetteArticle[]> {
  return q.selectFrom('gazetteArticle').selectAll().where('docNumber', '=', docNumber).orderBy('id').execute();
}

export async function maxSeq(q: Q, issueId: number): Promise<number> {
  const r = await q.selectFrom('gazetteArticle').select((eb) => eb.fn.max('seq').as('m')).where('issueId', '=', issueId).executeTakeFirstOrThrow();
  return toNumber(r.m as number | null);
}

export async function insertArticle(q: Q, row: Insertable<GazetteArticleTable>): Promise<GazetteArticle> {
  return q.insertInto('gazetteArticle').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateArticle(q: Q, id: number, patch: Updateable<GazetteArticleTable>): Promise<GazetteArticle> {
  return q.updateTable('gazetteArticle').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteArticle(q: Q, id: number): Promise<void> {
  await q.deleteFrom('gazetteArticle').where('id', '=', id).execute();
}

/** Documents of a unit (for a merge): their ids and issues. */
export async function moveArticlesToUnit(q: Q, fromUnitId: number, intoUnitId: number): Promise<number[]> {
  const rows = await q.selectFrom('gazetteArticle').select('id').where('unitId', '=', fromUnitId).execute();
  if (rows.length) await q.updateTable('gazetteArticle').set({ unitId: intoUnitId }).where('unitId', '=', fromUnitId).execute();
  return rows.map((r) => r.id);
}

// ---- the gazette database: exact and classified queries over published issues ----

export interface ArticleFilter {
  /** normalised 文号: equality */
  docNumber?: string;
  /** words of the title: the title contains them */
  title?: string;
  year?: number;
  number?: number;
  issuingBody?: string;
  /** '' = documents without a topic */
  topic?: string;
  category?: string;
  unitId?: number;
}

/** An article with its issue's facts. */
export interface ArticleRow extends GazetteArticle {
  year: number;
  number: number;
  totalNumber: number | null;
  publishedOn: string | null;
  issueState: string;
}

/** LIKE pattern that matches the text literally (with ESCAPE '!'). */
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function joined(q: Q) {
  return q.selectFrom('gazetteArticle as a').innerJoin('gazetteIssue as i', 'i.id', 'a.issueId').where('i.state', '=', 'published');
}

type Joined = ReturnType<typeof joined>;

function applyFilter(query: Joined, f: ArticleFilter, except?: keyof ArticleFilter): Joined {
  let x = query;
  if (f.docNumber !== undefined && except !== 'docNumber') x = x.where('a.docNumber', '=', f.docNumber);
  if (f.title && except !== 'title') x = x.where(sql<boolean>`a.title like ${containsPattern(f.title)} escape '!'`);
  if (f.year !== undefined && except !== 'year') x = x.where('i.year', '=', f.year);
  if (f.number !== undefined && except !== 'number') x = x.where('i.number', '=', f.number);
  if (f.issuingBody !== undefined && except !== 'issuingBody') x = x.where('a.issuingBody', '=', f.issuingBody);
  if (f.topic !== undefined && except !== 'topic') x = f.topic === '' ? x.where('a.topic', 'is', null) : x.where('a.topic', '=', f.topic);
  if (f.category !== undefined && except !== 'category') x = x.where('a.category', '=', f.category);
  if (f.unitId !== undefined && except !== 'unitId') x = x.where('a.unitId', '=', f.unitId);
  return x;
}

/** Published documents matching the filter, newest issue first, in table-of-contents order. */
export async function queryArticles(q: Q, f: ArticleFilter, limit: number, offset: number): Promise<{ rows: ArticleRow[]; total: number }> {
  const base = applyFilter(joined(q), f);
  const [rows, count] = await Promise.all([
    base.selectAll('a').select(['i.year', 'i.number', 'i.totalNumber', 'i.publishedOn', 'i.state as issueState'])
      .orderBy('i.year', 'desc').orderBy('i.number', 'desc').orderBy('a.seq').orderBy('a.id').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ArticleRow[], total: toNumber(count.n) };
}

/** Published documents linked to a publication. */
export async function findPublishedArticlesOfPublication(q: Q, publicationId: number): Promise<ArticleRow[]> {
  const rows = await joined(q).selectAll('a').select(['i.year', 'i.number', 'i.totalNumber', 'i.publishedOn', 'i.state as issueState'])
    .where('a.publicationId', '=', publicationId).orderBy('i.year').orderBy('i.number').orderBy('a.seq').execute();
  return rows as ArticleRow[];
}

export interface ClassCounts {
  total: number;
  years: { year: number; count: number }[];
  issuingBodies: { name: string; count: number }[];
  topics: { name: string | null; count: number }[];
  categories: { name: string; count: number }[];
}

/**
 * Counts per class of the published documents: each dimension counted with the other dimensions'
 * filters applied (so a count says how many documents choosing that class would show).
 */
export async function classCounts(q: Q, f: ArticleFilter): Promise<ClassCounts> {
  const [total, years, bodies, topics, categories] = await Promise.all([
    applyFilter(joined(q), f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    applyFilter(joined(q), f, 'year').select(['i.year as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('i.year').orderBy('i.year', 'desc').execute(),
    applyFilter(joined(q), f, 'issuingBody').select(['a.issuingBody as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('a.issuingBody').execute(),
    applyFilter(joined(q), f, 'topic').select(['a.topic as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('a.topic').execute(),
    applyFilter(joined(q), f, 'category').select(['a.category as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('a.category').execute(),
  ]);
  const byCount = <T extends { count: number; name: string | null }>(a: T, b: T) => b.count - a.count || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'zh-CN');
  return {
    total: toNumber(total.n),
    years: years.map((r) => ({ year: Number(r.key), count: toNumber(r.n) })),
    issuingBodies: bodies.map((r) => ({ name: r.key, count: toNumber(r.n) })).sort(byCount),
    topics: topics.map((r) => ({ name: r.key, count: toNumber(r.n) })).sort(byCount),
    categories: categories.map((r) => ({ name: r.key, count: toNumber(r.n) })),
  };
}
