/**
 * Relevance: BM25 over the stored title and text, computed here for both engines alike
 * (docs/adr/0008-chinese-search.md). The engines' own rankers (FTS5 bm25, PostgreSQL ts_rank) were
 * measured and left: FTS5's bm25 counts every document of every query word before scoring the
 * first one (90 ms for 年 at a million documents, whatever the LIMIT), and ts_rank reads each
 * match's tsvector from TOAST. Here the engine hands over at most RANK_WINDOW candidates — the
 * newest matches — and the words' document frequencies come from counts kept for a while.
 *
 *   score = Σ idf(w) · f·(k1 + 1) / (f + k1·(1 − b + b·len/avglen)),  f = 5·(w in title) + (w in text)
 *   idf(w) = ln(1 + (N − df + 0.5) / (df + 0.5))
 *
 * Occurrences are counted in the normalised text (as the segmenter sees it), the lengths in
 * characters, the average length over the candidates.
 */
import { normalise } from './segmenter.ts';

/** At most this many matches are ranked: the newest ones. With no more matches, the ranking is exact. */
export const RANK_WINDOW = 500;
export const TITLE_WEIGHT = 5;
const K1 = 1.2;
const B = 0.75;

export interface TermStatistics {
  /** documents in the index */
  documents: number;
  /** documents containing each word (estimated for very frequent words) */
  df: Map<string, number>;
}

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

export function idf(documents: number, df: number): number {
  const d = Math.min(Math.max(df, 0), documents);
  return Math.log(1 + (documents - d + 0.5) / (d + 0.5));
}

/** The candidates, best first (ties: the newest, i.e. the highest id, first). */
export function rankByRelevance<T extends { id: number; title: string; bodyText: string }>(candidates: T[], words: string[], stats: TermStatistics): T[] {
  if (candidates.length < 2) return candidates;
  const weights = words.map((w) => idf(stats.documents, stats.df.get(w) ?? 1));
  const prepared = candidates.map((c) => {
    const title = normalise(c.title);
    const body = normalise(c.bodyText);
    return { c, title, body, length: title.length + body.length };
  });
  const avg = prepared.reduce((sum, p) => sum + p.length, 0) / prepared.length || 1;
  const scored = prepared.map(({ c, title, body, length }) => {
    const norm = K1 * (1 - B + (B * length) / avg);
    let score = 0;
    words.forEach((w, i) => {
      const f = TITLE_WEIGHT * occurrences(title, w) + occurrences(body, w);
      if (f) score += (weights[i]! * f * (K1 + 1)) / (f + norm);
    });
    return { c, score };
  });
  scored.sort((a, b) => b.score - a.score || b.c.id - a.c.id);
  return scored.map((s) => s.c);
}
