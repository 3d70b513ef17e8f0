/**
 * Chinese word segmentation for search (docs/adr/0008-search.md): jieba (@node-rs/jieba) with its
 * default dictionary plus our dictionary of government terms (data/government-terms.txt), so that
 * 政务公开 is one word and also yields 政务 and 公开 in search mode.
 *
 * Documents are indexed with the search-mode cut (every dictionary sub-word), queries are cut
 * precisely; both are normalised the same way (NFKC: full-width letters and digits → half-width,
 * Latin lower-cased) and lose punctuation and spaces.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;

function instance(): Jieba {
  if (!jieba) {
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
    jieba.loadDict(fs.readFileSync(new URL('./data/government-terms.txt', import.meta.url)));
  }
  return jieba;
}

/** Letters (any script), digits, and the decimal point/percent inside numbers count as word characters. */
const WORDLIKE = /[\p{L}\p{N}]/u;

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function keep(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const w = t.trim();
    if (w && WORDLIKE.test(w)) out.push(w.replace(/[^\p{L}\p{N}.%]/gu, ''));
  }
  return out.filter((w) => w && WORDLIKE.test(w));
}

/** The text as index tokens separated by single spaces (search-mode cut). */
export function segmentForIndex(text: string): string {
  if (!text) return '';
  return keep(instance().cutForSearch(normalise(text), true)).join(' ');
}

/** A query's tokens (precise cut), without punctuation, each once, in order. */
export function segmentQuery(query: string): string[] {
  return [...new Set(keep(instance().cut(normalise(query), true)))];
}

/** Loads the dictionary now (process start), so the first search is not the slow one. */
export function warmUpSegmenter(): void {
  instance();
}
