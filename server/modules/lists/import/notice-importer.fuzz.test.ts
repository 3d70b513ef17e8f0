/**
 * Property tests: random and mutated inputs never make the importer throw anything but its coded
 * errors, and what it returns is well formed. For mutations of the seed made of whole lines or
 * slices (the ways real files get damaged), it also never invents data: every task it returns has
 * the seed's text for its number, and every unit name is (a prefix of) a name the seed gives that
 * task.
 *
 * The generator is seeded, so a failure names the case that reproduces it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isImportError } from './import.errors.ts';
import type { ImportResult } from './import.types.ts';
import { decodeNoticeBytes, parseNotice } from './notice-importer.ts';

const SEED_URL = new URL('../../../db/seeds/jiaxing-2020-openness-notice.txt', import.meta.url);
const seed = readFileSync(SEED_URL, 'utf8');
const seedLines = seed.split('\n');
const seedResult = parseNotice(seed);
const seedTasks = new Map(
  seedResult.tasks.map((t) => [t.seq, { text: t.text, names: [...t.leadUnits, ...t.responsibleUnits] }]),
);
const seedAnnex = seedResult.annex;

/** mulberry32: a small seeded PRNG. */
function prng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)] as T;

/** Pieces that matter to the parser, plus arbitrary code points (lone surrogates included). */
const TOKENS = [
  '\t', '\n', '\n\n', '\r\n', '\t1', '\t70', '\t\t', ' ', '\u3000', '、', '，', '；', '。', '（', '）', '(', ')',
  '〔', '〕', '《', '》', '“', '”', '一、', '（一）', '序号', '附件', '抄送：', '名单', '分别负责', '年', '月', '底前',
  '2020', '第三季度末', '按季度', '不少于', '次', '市政府办公室', '关于', '通知', '号', '\uD800', '\uDFFF', '\uFFFD',
  '\u0000', '\u200B', '\uFEFF',
];
function randomString(r: Rand, maxPieces: number): string {
  let s = '';
  const n = int(r, maxPieces) + 1;
  for (let i = 0; i < n; i++) {
    s += r() < 0.6 ? pick(r, TOKENS) : String.fromCharCode(int(r, 0x10000));
  }
  return s;
}

type Mutation = { name: string; semantic: boolean; make: (r: Rand) => string };

const MUTATIONS: Mutation[] = [
  { name: 'prefix', semantic: true, make: (r) => seed.slice(0, int(r, seed.length + 1)) },
  {
    name: 'slice',
    semantic: true,
    make: (r) => {
      const a = int(r, seed.length);
      return seed.slice(a, a + int(r, seed.length - a + 1));
    },
  },
  {
    name: 'delete lines',
    semantic: true,
    make: (r) => {
      const lines = [...seedLines];
      for (let k = int(r, 5) + 1; k > 0; k--) lines.splice(int(r, lines.length), 1);
      return lines.join('\n');
    },
  },
  {
    name: 'duplicate lines',
    semantic: true,
    make: (r) => {
      const lines = [...seedLines];
      for (let k = int(r, 5) + 1; k > 0; k--) {
        const at = int(r, lines.length);
        lines.splice(at, 0, lines[at] as string);
      }
      return lines.join('\n');
    },
  },
  {
    name: 'swap adjacent lines',
    semantic: true,
    make: (r) => {
      const lines = [...seedLines];
      for (let k = int(r, 3) + 1; k > 0; k--) {
        const at = int(r, lines.length - 1);
        [lines[at], lines[at + 1]] = [lines[at + 1] as string, lines[at] as string];
      }
      return lines.join('\n');
    },
  },
  {
    name: 'insert random text',
    semantic: false,
    make: (r) => {
      let s = seed;
      for (let k = int(r, 10) + 1; k > 0; k--) {
        const at = int(r, s.length + 1);
        s = s.slice(0, at) + randomString(r, 4) + s.slice(at);
      }
      return s;
    },
  },
  {
    name: 'replace characters',
    semantic: false,
    make: (r) => {
      const chars = seed.split('');
      for (let k = int(r, 40) + 1; k > 0; k--) chars[int(r, chars.length)] = randomString(r, 1);
      return chars.join('');
    },
  },
  {
    name: 'lines from elsewhere',
    semantic: false,
    make: (r) => {
      const lines = [...seedLines];
      for (let k = int(r, 6) + 1; k > 0; k--) lines.splice(int(r, lines.length), 0, pick(r, seedLines));
      return lines.join('\n');
    },
  },
  { name: 'random text', semantic: false, make: (r) => randomString(r, 300) },
  {
    name: 'random table',
    semantic: false,
    make: (r) => {
      const rows: string[] = [];
      for (let k = int(r, 12); k > 0; k--) {
        const cells = [String(int(r, 8)), randomString(r, 5), randomString(r, 3), randomString(r, 3)].slice(0, int(r, 5));
        rows.push(cells.map((c) => `\t${c}`).join('\n'));
      }
      return rows.join(r() < 0.5 ? '\n\n' : '\n');
    },
  },
];

const CASES_PER_MUTATION = 50;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isTrimmedNonEmpty = (s: string): boolean => s.length > 0 && s === s.trim();

/** Parse, and check that only coded importer errors are thrown. */
function parseOrCode(text: string): ImportResult | string {
  try {
    return parseNotice(text);
  } catch (err) {
    if (isImportError(err)) return err.code;
    throw err;
  }
}

function checkWellFormed(r: ImportResult, text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  const inRange = (line: number | null) => line === null || (Number.isInteger(line) && line >= 1 && line <= lineCount);
  let prev = 0;
  for (const t of r.tasks) {
    expect(t.seq).toBeGreaterThan(prev);
    prev = t.seq;
    expect(isTrimmedNonEmpty(t.text)).toBe(true);
    expect(t.leadUnits.length).toBeGreaterThan(0);
    expect(t.responsibleUnits.length).toBeGreaterThan(0);
    for (const n of [...t.leadUnits, ...t.responsibleUnits]) expect(isTrimmedNonEmpty(n)).toBe(true);
    if (t.merged) expect(t.responsibleUnits).toEqual(t.leadUnits);
    expect(t.dueDate === null || ISO.test(t.dueDate)).toBe(true);
    expect([null, 'monthly', 'quarterly', 'halfYearly', 'yearly']).toContain(t.recurrence);
    expect(t.target === null || isTrimmedNonEmpty(t.target)).toBe(true);
    expect(inRange(t.line)).toBe(true);
  }
  for (const h of r.headings) {
    expect([1, 2]).toContain(h.level);
    expect(h.numeral).toMatch(/^[一二三四五六七八九十]+$/);
    if (h.level === 1) expect(h.parent).toBeNull();
    expect(inRange(h.line)).toBe(true);
  }
  for (const w of r.warnings) {
    expect(w.message).toMatch(/[\u4e00-\u9fff]/);
    expect(inRange(w.line)).toBe(true);
  }
  for (const n of r.annex) expect(isTrimmedNonEmpty(n)).toBe(true);
  expect(r.notice.issuedOn === null || ISO.test(r.notice.issuedOn)).toBe(true);
  expect(r.notice.year === null || Number.isInteger(r.notice.year)).toBe(true);
  expect(() => JSON.stringify(r)).not.toThrow();
}

/**
 * Nothing invented: every task and annex name comes from the seed. A cut through the last cell
 * may leave a name short (市人力社保局分 from 市人力社保局分别负责): a prefix is allowed.
 */
function checkFromSeed(r: ImportResult, label: string): void {
  for (const t of r.tasks) {
    const original = seedTasks.get(t.seq);
    expect(original, `${label}: task ${t.seq} does not exist in the seed`).toBeDefined();
    if (original === undefined) continue;
    expect(t.text, `${label}: text of task ${t.seq}`).toBe(original.text);
    for (const n of [...t.leadUnits, ...t.responsibleUnits]) {
      const fromSeed = original.names.some((o) => o.startsWith(n) || `${o}分别负责`.startsWith(n));
      expect(fromSeed, `${label}: task ${t.seq}: unit ${n}`).toBe(true);
    }
  }
  for (const n of r.annex) {
    expect(seedAnnex.some((o) => o.startsWith(n) || o.endsWith(n)), `${label}: annex name ${n}`).toBe(true);
  }
}

describe('random and mutated input', () => {
  describe.each(MUTATIONS)('$name', (mutation) => {
    it(`${CASES_PER_MUTATION} cases never throw anything but IMPORT_ errors, and return well-formed results`, () => {
      for (let c = 0; c < CASES_PER_MUTATION; c++) {
        const caseSeed = (MUTATIONS.indexOf(mutation) + 1) * 10_000 + c;
        const text = mutation.make(prng(caseSeed));
        let outcome: ImportResult | string;
        try {
          outcome = parseOrCode(text);
        } catch (err) {
          throw new Error(`case ${caseSeed} (${mutation.name}) threw ${String(err)}`);
        }
        if (typeof outcome === 'string') {
          expect(outcome).toBe('IMPORT_NO_LIST_FOUND');
          continue;
        }
        checkWellFormed(outcome, text);
        if (mutation.semantic) checkFromSeed(outcome, `case ${caseSeed} (${mutation.name})`);
      }
    });
  });

  it('random bytes decode to text or fail with an IMPORT_ code', () => {
    const r = prng(424242);
    for (let c = 0; c < 200; c++) {
      const bytes = new Uint8Array(int(r, 400));
      for (let i = 0; i < bytes.length; i++) bytes[i] = r() < 0.7 ? int(r, 0x80) : int(r, 0x100);
      try {
        const text = decodeNoticeBytes(bytes);
        const outcome = parseOrCode(text);
        if (typeof outcome !== 'string') checkWellFormed(outcome, text);
      } catch (err) {
        expect(isImportError(err), `case ${c}: ${String(err)}`).toBe(true);
      }
    }
  });
});
