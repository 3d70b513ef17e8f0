/**
 * Chinese word segmentation for search, measured (docs/adr/0008-chinese-search.md):
 * @node-rs/jieba (precise cut, search-mode cut, and server/modules/search/segmenter.ts as the index
 * uses it) against Node's built-in Intl.Segmenter('zh', word) — speed in characters per second, and
 * what each finds for typical queries.
 *
 *   npx tsx bench/segmenters.ts [--docs 20000]
 *
 * Texts: generated publications (bench/search-corpus.ts) and the lines of the real seed notice
 * (《2020年嘉兴市政务公开重点工作责任清单》). Recall is judged against the plain substring test: a
 * document "should" match a one-term query when its text contains the term. For each segmenter a
 * document matches when every query token is among its index tokens (jieba: search-mode tokens +
 * long-word sub-words for documents, precise cut for queries — what the search module does;
 * Intl.Segmenter: its word segments on both sides).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { SEED_NOTICE_FILE } from '../server/db/seeds/first-start.ts';
import { normalise, segmentForIndex, segmentQuery } from '../server/modules/search/segmenter.ts';
import { heading, int, table } from './common.ts';
import { Corpus, jiaxingUnits } from './search-corpus.ts';

/** Typical one-term queries of a government openness platform (2–9 characters). */
export const RECALL_QUERIES = [
  '公开', '政务公开', '信息公开', '政府信息', '主动公开', '依申请公开', '规范性文件', '营商环境', '双随机', '一公开', '市政府', '人民政府', '办公室',
  '统计公报', '垃圾分类', '安全生产', '乡村振兴', '数字化改革', '疫情防控', '河长制', '老旧小区改造', '地区生产总值', '优良天数', '行政复议', '一网通办',
  '浙里办', '防汛防台', '公共信用信息', '人才引进', '养老服务', '共同富裕', '长三角', '示范区', '最多跑一次', '责任清单', '政策解读', '年度报告',
  '政府网站', '新闻发布会', '重大行政决策', '公开目录', '基层政务公开', '财政预算', '部门预算', '民生实事', '12345', '政务新媒体', '嘉兴市', '南湖区',
];

interface Segmenter { label: string; index(text: string): Set<string>; query(q: string): string[] }

const require = createRequire(import.meta.url);

function segmenters(): Segmenter[] {
  const intl = new Intl.Segmenter('zh', { granularity: 'word' });
  const words = (text: string) => [...intl.segment(normalise(text))].filter((s) => s.isWordLike).map((s) => s.segment);
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const plain = Jieba.withDict(dict);
  const cutOnly = (text: string) => plain.cutForSearch(normalise(text), true).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return [
    { label: 'jieba (segmenter.ts: search mode + long-word sub-words; precise queries)', index: (t) => new Set(segmentForIndex(t).split(' ')), query: segmentQuery },
    { label: 'jieba search mode only, default dictionary', index: (t) => new Set(cutOnly(t)), query: (q) => plain.cut(normalise(q), true).filter((w) => /[\p{L}\p{N}]/u.test(w)) },
    { label: 'Intl.Segmenter zh (ICU)', index: (t) => new Set(words(t)), query: words },
  ];
}

function speed(texts: string[]): string[][] {
  const intl = new Intl.Segmenter('zh', { granularity: 'word' });
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const runs: [string, (t: string) => unknown][] = [
    ['jieba cut (precise, HMM)', (t) => jieba.cut(t, true)],
    ['jieba cutForSearch (HMM)', (t) => jieba.cutForSearch(t, true)],
    ['segmentForIndex (normalise + search mode + sub-words + clean-up)', (t) => segmentForIndex(t)],
    ['Intl.Segmenter zh, word segments', (t) => { let n = 0; for (const s of intl.segment(t)) if (s.isWordLike) n++; return n; }],
    ['Intl.Segmenter zh, word segments as strings', (t) => { const out: string[] = []; for (const s of intl.segment(t)) if (s.isWordLike) out.push(s.segment); return out; }],
  ];
  for (const [, f] of runs) for (const t of texts.slice(0, 500)) f(t); // warm-up
  // passes alternate between the segmenters, so that a change in the machine's load hits them alike
  const best = runs.map(() => Infinity);
  for (let pass = 0; pass < 5; pass++) {
    runs.forEach(([, f], i) => {
      const t0 = performance.now();
      for (const t of texts) f(t);
      best[i] = Math.min(best[i]!, performance.now() - t0);
    });
  }
  return [['segmenter', 'M chars/s', 'µs per document'], ...runs.map(([label], i) => [label, (chars / (best[i]! / 1000) / 1e6).toFixed(2), ((best[i]! * 1000) / texts.length).toFixed(1)])];
}

function recall(label: string, docs: string[]): string[][] {
  const segs = segmenters();
  const indexed = segs.map((s) => docs.map((d) => s.index(d)));
  const normDocs = docs.map(normalise);
  const totals = segs.map(() => ({ truth: 0, found: 0, extra: 0, missed: new Map<string, number>() }));
  for (const q of RECALL_QUERIES) {
    const nq = normalise(q);
    segs.forEach((s, si) => {
      const tokens = s.query(q);
      const tot = totals[si]!;
      normDocs.forEach((d, di) => {
        const truth = d.includes(nq);
        const hit = tokens.length > 0 && tokens.every((t) => indexed[si]![di]!.has(t));
        if (truth) tot.truth++;
        if (truth && hit) tot.found++;
        if (truth && !hit) tot.missed.set(q, (tot.missed.get(q) ?? 0) + 1);
        if (!truth && hit) tot.extra++;
      });
    });
  }
  const rows = [[`${label}: segmenter`, 'recall', 'matches without the term as written', 'queries with misses (documents missed)']];
  segs.forEach((s, si) => {
    const t = totals[si]!;
    const missed = [...t.missed].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([q, n]) => `${q} (${n})`).join(', ');
    rows.push([s.label, `${((t.found / t.truth) * 100).toFixed(1)} % of ${int(t.truth)}`, int(t.extra), missed || '—']);
  });
  return rows;
}

export function runSegmenterBench(docs: number): void {
  heading(`Chinese segmentation: @node-rs/jieba vs Intl.Segmenter (ICU ${process.versions.icu}) — speed and recall`);
  const corpus = new Corpus(docs, jiaxingUnits());
  const generated: string[] = [];
  for (let i = 0; i < docs; i++) {
    const e = corpus.next();
    generated.push(`${e.title}\n${e.body}`);
  }
  const seedLines = fs.readFileSync(SEED_NOTICE_FILE, 'utf8').split(/\n+/).map((l) => l.trim()).filter((l) => l.length >= 10);
  console.log(`  texts: ${int(docs)} generated publications (${int(generated.reduce((n, t) => n + t.length, 0))} characters); ${seedLines.length} lines of the seed notice`);
  console.log('\n  speed (best of 5 passes over the generated texts, normalised input)');
  table(speed(generated.map(normalise)));
  console.log(`\n  recall of ${RECALL_QUERIES.length} typical one-term queries (a document should match when its text contains the term)`);
  table(recall('generated', generated.slice(0, 5000)));
  console.log('');
  table(recall('seed notice lines', seedLines));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf('--docs');
  runSegmenterBench(at > 0 ? Number(process.argv[at + 1]) : 20_000);
}
