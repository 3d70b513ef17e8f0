/**
 * Search: what other modules call to make a record findable (indexRecords / unindexRecord, inside
 * their own transaction), and the one query interface over both engines — tokens from the
 * segmenter, an exact 文号 lookup when the query is a 文号, filters, relevance order, and
 * highlighted snippets cut from the stored plain text.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { parseDocNumber } from '../../lib/doc-numbers.ts';
import { ValidationError } from '../../platform/errors.ts';
import { escapeHtml } from '../../platform/html.ts';
import * as repo from './search.repository.ts';
import { RANK_WINDOW, rankByRelevance, type TermStatistics } from './search.ranking.ts';
import { normalise, segmentForIndex, segmentQuery } from './segmenter.ts';

type Db = Kysely<Database>;

export const SEARCH_KINDS = ['publication', 'normative', 'gazette', 'interpretation'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = { publication: '政府信息', normative: '行政规范性文件', gazette: '政府公报', interpretation: '政策解读' };

/** A record as the search index sees it. */
export interface SearchEntry {
  kind: SearchKind;
  refId: number;
  unitId: number | null;
  /** the year filter: usually the year of publication */
  year: number | null;
  validity?: string | null;
  docNumber?: string | null;
  title: string;
  /** the public page of the record */
  url: string;
  publishedOn: string | null;
  /** plain text: body, attachments' text */
  body: string;
  /** catalogue nodes the record is filed under, with their ancestors */
  nodeIds?: number[];
}

/** Adds or replaces records in the index (call inside the transaction that changes them). */
export async function indexRecords(db: Db, entries: SearchEntry[]): Promise<void> {
  await repo.upsertDocuments(db, entries.map((e) => ({
    kind: e.kind, refId: e.refId, unitId: e.unitId, year: e.year, validity: e.validity ?? null,
    docNumber: e.docNumber ?? null, docNumberKey: e.docNumber ? (parseDocNumber(e.docNumber)?.text ?? e.docNumber.trim()) : null,
    title: e.title, url: e.url, publishedOn: e.publishedOn, bodyText: e.body, nodeIds: e.nodeIds ?? [],
    tokens: tokensOf(e),
  })));
}

/** The tokens of a record, as the index stores them. */
function tokensOf(e: { title: string; docNumber?: string | null; body: string }): string {
  return `${segmentForIndex(e.title)} ${segmentForIndex(`${e.docNumber ?? ''} ${e.body}`)}`;
}

/**
 * Rebuilds the engine's index (FTS5 or tsvector) from the stored documents: after moving an
 * installation to the other engine, or after the segmentation dictionary changed. Returns how many
 * documents were indexed.
 */
export async function rebuildSearchIndex(db: Db, options: { batch?: number } = {}): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await repo.clearEngineIndex(trx);
    let after = 0;
    let n = 0;
    for (;;) {
      const docs = await repo.storedBatch(trx, after, options.batch ?? 1000);
      if (!docs.length) break;
      await repo.writeEngineEntries(trx, docs.map((doc) => ({ doc, tokens: tokensOf({ title: doc.title, docNumber: doc.docNumber, body: doc.bodyText }) })));
      after = docs[docs.length - 1]!.id;
      n += docs.length;
    }
    return n;
  });
}

/** Removes a record from the index (withdrawn, deleted, no longer public). */
export async function unindexRecord(db: Db, kind: SearchKind, refId: number): Promise<void> {
  await repo.removeDocument(db, kind, refId);
}

export interface SearchQuery {
  q: string;
  kind?: SearchKind;
  unitId?: number;
  nodeId?: number;
  year?: number;
  validity?: string;
  page?: number;
  pageSize?: number;
}

export interface SearchResultItem {
  kind: SearchKind;
  refId: number;
  unitId: number | null;
  year: number | null;
  validity: string | null;
  docNumber: string | null;
  title: string;
  url: string;
  publishedOn: string | null;
  /** HTML: escaped text with <mark> around the query's words */
  titleHtml: string;
  snippetHtml: string;
}

export interface SearchResult {
  query: string;
  /** how the query was read: the words searched for, or the 文号 looked up */
  tokens: string[];
  exactDocNumber: string | null;
  total: number;
  /** total is a lower bound (more than repo.COUNT_CAP matches) */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  items: SearchResultItem[];
}

const SNIPPET_CHARS = 120;

/** Escaped text with every occurrence of the words wrapped in <mark> (longest words first). */
export function highlight(text: string, words: string[]): string {
  if (!words.length || !text) return escapeHtml(text);
  const sorted = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(sorted.join('|'), 'giu');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += `${escapeHtml(text.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/** A window of the body around the first occurrence of any of the words, highlighted. */
export function snippet(body: string, words: string[]): string {
  const text = body.replace(/\s+/g, ' ').trim();
  const lower = normalise(text);
  let at = -1;
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at < 0 ? 0 : at - SNIPPET_CHARS / 3);
  const piece = text.slice(start, start + SNIPPET_CHARS);
  return (start > 0 ? '…' : '') + highlight(piece, words) + (start + SNIPPET_CHARS < text.length ? '…' : '');
}

// ---------------------------------------------------------------------------------------------
// Relevance statistics: how many documents the index holds and contain each word, kept per
// database for STATISTICS_TTL_MS (they move slowly; an estimate is enough for ranking).

const STATISTICS_TTL_MS = 10 * 60_000;
const MAX_CACHED_WORDS = 20_000;
/** Words in more than COUNT_CAP documents: estimated from their share of the newest documents, over this many matches. */
const SAMPLE_MATCHES = 1_000;

interface Cached { value: number; at: number }
const statistics = new WeakMap<Db, { documents: Cached | null; df: Map<string, Cached> }>();

async function termStatistics(db: Db, words: string[]): Promise<TermStatistics> {
  let cache = statistics.get(db);
  if (!cache) statistics.set(db, (cache = { documents: null, df: new Map() }));
  const now = Date.now();
  const fresh = (c: Cached | null | undefined): c is Cached => !!c && now - c.at < STATISTICS_TTL_MS;
  if (!fresh(cache.documents)) cache.documents = { value: await repo.documentCount(db), at: now };
  const documents = cache.documents.value;
  const df = new Map<string, number>();
  for (const w of words) {
    let c = cache.df.get(w);
    if (!fresh(c)) {
      let n = await repo.countMatches(db, [w], {});
      if (n > repo.COUNT_CAP) {
        const s = await repo.tokenShare(db, w, SAMPLE_MATCHES);
        if (s.documents) n = Math.max(n, Math.round((documents * s.matches) / s.documents));
      }
      if (cache.df.size >= MAX_CACHED_WORDS) cache.df.clear();
      cache.df.set(w, (c = { value: n, at: now }));
    }
    df.set(w, c.value);
  }
  return { documents, df };
}

/**
 * One page of a full-text query: the newest RANK_WINDOW matches ranked by relevance, then the
 * older matches newest first; matches beyond COUNT_CAP are counted (as "more") but not listed.
 */
async function fullText(db: Db, words: string[], filters: repo.Filters, limit: number, offset: number): Promise<{ hits: repo.Hit[]; total: number }> {
  const { candidates: window, total: counted } = offset < RANK_WINDOW ? await repo.newestCandidates(db, words, filters, RANK_WINDOW) : { candidates: [], total: null };
  const total = counted ?? (offset < RANK_WINDOW && window.length < RANK_WINDOW ? window.length : await repo.countMatches(db, words, filters));
  const ranked = window.length ? rankByRelevance(window, words, await termStatistics(db, words)).slice(offset, offset + limit) : [];
  const hits = await repo.hitsByIds(db, ranked.map((c) => c.id));
  const from = Math.max(offset, RANK_WINDOW);
  const to = Math.min(offset + limit, repo.COUNT_CAP, total);
  if (to > from) hits.push(...await repo.newestMatches(db, words, filters, to - from, from));
  return { hits, total };
}

export async function search(db: Db, query: SearchQuery): Promise<SearchResult> {
  const q = query.q.trim();
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filters: repo.Filters = { kind: query.kind, unitId: query.unitId, nodeId: query.nodeId, year: query.year, validity: query.validity };
  const doc = parseDocNumber(q);
  const offset = (page - 1) * pageSize;
  let found: { hits: repo.Hit[]; total: number };
  let tokens: string[];
  if (doc) {
    tokens = [doc.text];
    found = await repo.docNumberQuery(db, doc.text, filters, pageSize, offset);
  } else {
    tokens = segmentQuery(q);
    if (!tokens.length) throw new ValidationError('SEARCH_QUERY_EMPTY', '检索词只有标点符号或空白，请输入要查找的文字、数字或文号');
    found = await fullText(db, tokens, filters, pageSize, offset);
  }
  const words = doc ? [] : tokens;
  return {
    query: q, tokens, exactDocNumber: doc?.text ?? null,
    total: Math.min(found.total, repo.COUNT_CAP), totalCapped: found.total > repo.COUNT_CAP, page, pageSize,
    items: found.hits.map((h) => ({
      kind: h.kind as SearchKind, refId: h.refId, unitId: h.unitId, year: h.year, validity: h.validity, docNumber: h.docNumber,
      title: h.title, url: h.url, publishedOn: h.publishedOn,
      titleHtml: highlight(h.title, words), snippetHtml: snippet(h.bodyText, words),
    })),
  };
}
