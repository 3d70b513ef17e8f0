/**
 * Chinese word segmentation for search (docs/adr/0008-chinese-search.md): jieba (@node-rs/jieba) with its
 * default dictionary plus our dictionary of government terms (data/government-terms.txt), so that
 * 政务公开 is one word and also yields 政务 and 公开 in search mode.
 *
 * Documents are indexed with the search-mode cut plus the dictionary sub-words of long words (so
 * every dictionary word inside a word is found), queries are cut precisely; both are normalised
 * the same way (NFKC: full-width letters and digits → half-width, Latin lower-cased) and lose
 * punctuation and spaces. A query word therefore matches when the document's own cut holds it: a
 * word that the document's context cuts otherwise (嘉兴市/政府 for 嘉兴市政府, queried as 市政府)
 * is not found — measured in bench/segmenters.ts.
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

/** The common token: Han characters, Latin letters and digits only (checked without Unicode tables). */
const PLAIN = /^[\u4e00-\u9fffa-z0-9]+$/;
const NOT_KEPT = /[^\p{L}\p{N}.%]/gu;

/**
 * Tokens with a letter or digit, stripped of everything but letters, digits, '.' and '%' (and of
 * '.' at either end: 提高5. gives 5, as the query 5 expects).
 */
function keep(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (PLAIN.test(t)) out.push(t);
    else if (WORDLIKE.test(t)) {
      const w = t.replace(NOT_KEPT, '').replace(/^\.+|\.+$/g, '');
      if (WORDLIKE.test(w)) out.push(w);
    }
  }
  return out;
}

/** The text as index tokens separated by single spaces (search mode, plus long words' sub-words). */
export function segmentForIndex(text: string): string {
  if (!text) return '';
  const tokens = instance().cutForSearch(normalise(text), true);
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.length >= LONG_WORD && HAN.test(t)) for (const sub of longSubWords(t)) tokens.push(sub);
  }
  return keep(tokens).join(' ');
}

/**
 * Search mode adds a word's dictionary sub-words of 2 and 3 characters only: 行政规范性文件 gives
 * 规范 and 规范性 but not 规范性文件, so the query 规范性文件 would miss it (and 政务公开 would miss
 * 基层政务公开, 政府信息 政府信息公开). For words of LONG_WORD characters or more we add their
 * dictionary sub-words of 4 characters and more (jieba's full mode over the word), remembered per word.
 */
const LONG_WORD = 5;
const HAN = /^\p{Script=Han}/u;
const subWords = new Map<string, string[]>();

function longSubWords(word: string): string[] {
  let found = subWords.get(word);
  if (!found) {
    found = instance().cutAll(word).filter((w) => w.length >= 4 && w.length < word.length);
    if (subWords.size >= 50_000) subWords.clear();
    subWords.set(word, found);
  }
  return found;
}

/** A query's tokens (precise cut), without punctuation, each once, in order. */
export function segmentQuery(query: string): string[] {
  return [...new Set(keep(instance().cut(normalise(query), true)))];
}

/** Loads the dictionary now (process start), so the first search is not the slow one. */
export function warmUpSegmenter(): void {
  instance();
}
