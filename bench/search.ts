/**
 * Search benchmark (issue 6): generates realistic Chinese government publications
 * (bench/search-corpus.ts, deterministic), indexes them through the real path — indexRecords() in
 * transactions of --batch documents — into a fresh SQLite file database and a fresh PostgreSQL
 * database, and prints the ingest rate, then p50/p99 of search() (the service the route calls:
 * segmentation, query, count, snippets) for a fixed set of queries with and without filters.
 *
 *   npx tsx bench/search.ts [--docs 1000000] [--batch 1000] [--engines sqlite,postgres] [--keep]
 *   npm run bench -- search [--docs N]      (the same, plus GET /api/v1/search under HTTP load)
 *
 * Aims: search p99 < 30 ms on SQLite at 1 million documents; ingest > 5,000 documents/s.
 * PostgreSQL: BENCH_PG / PG_ADMIN_URL as for bench/run.ts (a scratch database gk_bench_<time>_search
 * is created and dropped). Only 127.0.0.1 is contacted. See docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb, type Db } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { indexRecords, search, warmUpSegmenter, type SearchEntry, type SearchQuery } from '../server/modules/search/index.ts';
import { heading, int, metMark, openPg, redact, removeSqlite, table, type PgScratch } from './common.ts';
import { Corpus, jiaxingUnits, RARE_WORD } from './search-corpus.ts';

export const SEARCH_P99_AIM_MS = 30;
export const INGEST_AIM_DOCS_PER_S = 5_000;
/** Single-record transactions timed after the bulk load (what publishing one record costs). */
const SINGLE_RECORDS = 1_000;

export interface SearchBenchOptions {
  docs: number;
  batch: number;
  engines: ('sqlite' | 'postgres')[];
  pg: PgScratch | null;
  pgSkipped: string | null;
  tmpDir: string;
  /** SQLite: run FTS5 'optimize' after the bulk load (one segment) before the queries */
  optimize: boolean;
  /** seconds of query rounds per engine (at least MIN_ROUNDS rounds) */
  querySeconds: number;
}

export interface QueryFigures { label: string; p50: number; p99: number; max: number; runs: number; total: number; capped: boolean; first: string; cold: number }
export interface EngineFigures {
  engine: string;
  docs: number;
  ingestSeconds: number;
  docsPerSecond: number;
  singleRecordMs: number;
  dbBytes: number;
  rssBytes: number;
  queries: QueryFigures[];
  /** the SQLite file, kept for the HTTP measurement of bench/run.ts */
  databaseUrl: string;
}

const units = jiaxingUnits();
const unitId = (shortName: string) => units.find((u) => u.shortName === shortName)!.id;

/** The fixed query set: plain, mixed, 文号, rare, and with filters. */
export function benchQueries(): { label: string; q: SearchQuery }[] {
  return [
    { label: '公开', q: { q: '公开' } },
    { label: '政务公开', q: { q: '政务公开' } },
    { label: '2020年 双随机', q: { q: '2020年 双随机' } },
    { label: '营商环境', q: { q: '营商环境' } },
    { label: '规范性文件 清理', q: { q: '规范性文件 清理' } },
    { label: 'PM2.5 浓度', q: { q: 'PM2.5 浓度' } },
    { label: 'GDP 增长', q: { q: 'GDP 增长' } },
    { label: '嘉政办发〔2020〕36号 (文号)', q: { q: '嘉政办发〔2020〕36号' } },
    { label: `${RARE_WORD} (rare)`, q: { q: RARE_WORD } },
    { label: '公开 · unit 市教育局', q: { q: '公开', unitId: unitId('市教育局') } },
    { label: '公开 · year 2020', q: { q: '公开', year: 2020 } },
    { label: '营商环境 · unit + year', q: { q: '营商环境', unitId: unitId('市政府办公室'), year: 2021 } },
    { label: '规范性文件 · normative, valid', q: { q: '规范性文件', kind: 'normative', validity: 'valid' } },
    { label: '政务公开 · catalogue node', q: { q: '政务公开', nodeId: 3 } },
    { label: '公开 · page 50', q: { q: '公开', page: 50 } },
  ];
}

const MIN_ROUNDS = 20;
const MAX_ROUNDS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

async function databaseBytes(db: Db, engine: string, file: string): Promise<number> {
  if (engine === 'postgres') {
    const r = await sql<{ n: number }>`SELECT pg_database_size(current_database()) AS n`.execute(db);
    return Number(r.rows[0]!.n);
  }
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

/** Indexes the corpus in transactions of `batch` documents; prints progress every few seconds. */
async function ingest(db: Db, label: string, docs: number, batch: number): Promise<{ seconds: number; wall: number }> {
  const corpus = new Corpus(docs, units);
  let inIndex = 0; // ms spent inside indexRecords transactions
  const t0 = performance.now();
  let lastPrint = t0;
  for (let done = 0; done < docs;) {
    const entries: SearchEntry[] = [];
    for (let i = 0; i < batch && done + i < docs; i++) entries.push(corpus.next());
    const s = performance.now();
    await db.transaction().execute((trx) => indexRecords(trx, entries));
    inIndex += performance.now() - s;
    done += entries.length;
    if (performance.now() - lastPrint > 10_000 || done === docs) {
      lastPrint = performance.now();
      console.log(`    ${label}: ${int(done).padStart(9)} / ${int(docs)}  ${int(done / (inIndex / 1000)).padStart(6)} docs/s  rss ${mb(process.memoryUsage().rss)}`);
    }
  }
  return { seconds: inIndex / 1000, wall: (performance.now() - t0) / 1000 };
}

/** What publishing one record costs: one indexRecords call per transaction, on the full index. */
async function singleRecords(db: Db, docs: number): Promise<number> {
  const corpus = new Corpus(SINGLE_RECORDS, units, 7);
  let total = 0;
  for (let i = 0; i < SINGLE_RECORDS; i++) {
    const e = corpus.next();
    const entry = { ...e, refId: docs + 1_000_000 + i }; // new records, not replacements
    const s = performance.now();
    await db.transaction().execute((trx) => indexRecords(trx, [entry]));
    total += performance.now() - s;
  }
  return total / SINGLE_RECORDS;
}

/**
 * Runs every query once per round (round-robin, so no query runs hot on its own) for
 * `seconds`, at least MIN_ROUNDS and at most MAX_ROUNDS rounds, after 2 warm-up rounds.
 */
async function timeQueries(db: Db, seconds: number): Promise<QueryFigures[]> {
  const queries = benchQueries();
  const times: number[][] = queries.map(() => []);
  const shape: { total: number; capped: boolean; first: string; cold: number }[] = [];
  for (let w = 0; w < 2; w++) {
    for (const [i, { q }] of queries.entries()) {
      const s = performance.now();
      const r = await search(db, q);
      // the first run also counts the words' documents (kept for 10 minutes) and warms the caches
      if (w === 0) shape[i] = { total: r.total, capped: r.totalCapped, first: r.items[0]?.title ?? '—', cold: performance.now() - s };
    }
  }
  const start = performance.now();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (round >= MIN_ROUNDS && performance.now() - start > seconds * 1000) break;
    for (const [i, { q }] of queries.entries()) {
      const s = performance.now();
      await search(db, q);
      times[i]!.push(performance.now() - s);
    }
  }
  return queries.map(({ label }, i) => {
    const s = [...times[i]!].sort((a, b) => a - b);
    return { label, p50: percentile(s, 0.5), p99: percentile(s, 0.99), max: s[s.length - 1]!, runs: s.length, ...shape[i]! };
  });
}

async function benchEngine(engine: 'sqlite' | 'postgres', databaseUrl: string, o: SearchBenchOptions): Promise<EngineFigures> {
  const label = engine === 'sqlite' ? 'SQLite file (WAL)' : 'PostgreSQL';
  const { db } = createDb(databaseUrl, { poolSize: 2 });
  try {
    await migrateToLatest(db);
    console.log(`\n  ${label}: ingest ${int(o.docs)} documents, transactions of ${int(o.batch)}`);
    const { seconds, wall } = await ingest(db, label, o.docs, o.batch);
    console.log(`    ingest: ${seconds.toFixed(1)} s in indexRecords (${wall.toFixed(1)} s with generating) = ${int(o.docs / seconds)} docs/s`);
    const singleRecordMs = await singleRecords(db, o.docs);
    console.log(`    one record per transaction (×${int(SINGLE_RECORDS)}, on the full index): ${singleRecordMs.toFixed(2)} ms each`);
    if (engine === 'sqlite' && o.optimize) {
      const s = performance.now();
      await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db);
      console.log(`    FTS5 optimize: ${((performance.now() - s) / 1000).toFixed(1)} s`);
    }
    if (engine === 'postgres') {
      // as autovacuum would after the load: statistics for the planner, and the GIN index's pending
      // list (recent insertions, which every query scans) merged into the index
      const s = performance.now();
      await sql`VACUUM ANALYZE search_document`.execute(db);
      console.log(`    VACUUM ANALYZE: ${((performance.now() - s) / 1000).toFixed(1)} s`);
    }
    const dbBytes = await databaseBytes(db, engine, databaseUrl);
    console.log(`    database size ${mb(dbBytes)}`);
    console.log(`    queries: search() as the route calls it (segmentation, query, capped count, snippets), round-robin for ${o.querySeconds} s`);
    const queries = await timeQueries(db, o.querySeconds);
    const rows = [['query', 'p50', 'p99', 'max', 'runs', 'first run', 'matches', 'first result']];
    for (const f of queries) {
      rows.push([f.label, `${f.p50.toFixed(1)} ms`, `${f.p99.toFixed(1)} ms`, `${f.max.toFixed(1)} ms`, String(f.runs), `${f.cold.toFixed(1)} ms`, `${f.capped ? '>' : ''}${int(f.total)}`, f.first.slice(0, 30)]);
    }
    table(rows);
    const rssBytes = process.memoryUsage().rss;
    console.log(`    rss of this process: ${mb(rssBytes)}`);
    return { engine: label, docs: o.docs, ingestSeconds: seconds, docsPerSecond: o.docs / seconds, singleRecordMs, dbBytes, rssBytes, queries, databaseUrl };
  } finally {
    await db.destroy();
  }
}

/** The search section: every engine asked for, one after the other. */
export async function benchSearch(o: SearchBenchOptions): Promise<EngineFigures[]> {
  heading(`Search: ${int(o.docs)} generated government publications — ingest through indexRecords, search() p50/p99`);
  warmUpSegmenter();
  const out: EngineFigures[] = [];
  if (o.engines.includes('sqlite')) {
    const file = path.join(o.tmpDir, 'search.sqlite');
    removeSqlite(file);
    out.push(await benchEngine('sqlite', file, o));
  }
  if (o.engines.includes('postgres')) {
    if (o.pg) {
      const name = await o.pg.create('search');
      try {
        out.push(await benchEngine('postgres', o.pg.urlOf(name), o));
      } finally {
        await o.pg.drop(name);
      }
    } else {
      console.log(`\n  PostgreSQL: skipped: ${o.pgSkipped}`);
    }
  }
  return out;
}

/** Summary rows for bench/run.ts's table: ingest and the worst p99 per engine. */
export function searchSummaryRows(figures: EngineFigures[]): string[][] {
  const rows: string[][] = [];
  for (const f of figures) {
    rows.push([`search ingest, ${f.engine} (${int(f.docs)} docs)`, `${int(f.docsPerSecond)} docs/s`, `> ${int(INGEST_AIM_DOCS_PER_S)} docs/s`, metMark(f.docsPerSecond > INGEST_AIM_DOCS_PER_S)]);
    const worst = f.queries.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    const aim = f.engine.startsWith('SQLite') ? `p99 < ${SEARCH_P99_AIM_MS} ms` : '(no aim)';
    rows.push([`search p99, ${f.engine}, worst of ${f.queries.length} queries`, `${worst.p99.toFixed(1)} ms (${worst.label}); p50 of all ≤ ${Math.max(...f.queries.map((q) => q.p50)).toFixed(1)} ms`, aim,
      f.engine.startsWith('SQLite') ? metMark(worst.p99 < SEARCH_P99_AIM_MS) : '']);
  }
  return rows;
}

export interface SearchArgs { docs: number; batch: number; engines: ('sqlite' | 'postgres')[]; optimize: boolean; keep: boolean; querySeconds: number }

/** --docs N, --batch N, --engines sqlite,postgres, --optimize, --keep, --query-seconds N */
export function parseSearchArgs(argv: string[]): SearchArgs {
  const out: SearchArgs = { docs: 1_000_000, batch: 1_000, engines: ['sqlite', 'postgres'], optimize: false, keep: false, querySeconds: 30 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const count = (v: string) => {
      const n = Number(v.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a}: not a positive integer: ${v}`);
      return n;
    };
    if (a === '--docs') out.docs = count(value());
    else if (a === '--batch') out.batch = count(value());
    else if (a === '--query-seconds') out.querySeconds = count(value());
    else if (a === '--engines') out.engines = value().split(',').map((e) => e.trim()).filter((e): e is 'sqlite' | 'postgres' => e === 'sqlite' || e === 'postgres');
    else if (a === '--optimize') out.optimize = true;
    else if (a === '--keep') out.keep = true;
    else if (a !== 'search') throw new Error(`unknown argument ${a}`);
  }
  return out;
}

// Run on its own: npx tsx bench/search.ts --docs 100000
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = parseSearchArgs(process.argv.slice(2));
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-search-'));
  let pg: PgScratch | null = null;
  const cleanup = async () => {
    if (pg) await pg.close();
    pg = null;
    if (!args.keep) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    console.error('\nbench: interrupted — cleaning up');
    void cleanup().finally(() => process.exit(130));
  });
  try {
    let pgSkipped: string | null = 'not asked for (--engines)';
    if (args.engines.includes('postgres')) {
      const opened = await openPg();
      pg = 'pg' in opened ? opened.pg : null;
      pgSkipped = 'skipped' in opened ? opened.skipped : null;
    }
    console.log(`Gongkai 公开 — search benchmark  ${new Date().toISOString()}  node ${process.version}  ${os.cpus()[0]?.model.trim()} × ${os.cpus().length}  ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`);
    if (pg) console.log(`  postgres ${redact(pg.adminUrl)} (scratch database ${pg.prefix}_search, dropped at the end)`);
    const figures = await benchSearch({ ...args, pg, pgSkipped, tmpDir });
    heading('Summary');
    table([['measurement', 'figure', 'aim', ''], ...searchSummaryRows(figures)]);
    if (args.keep) console.log(`\n  kept: ${tmpDir}`);
  } catch (error) {
    console.error('\nbench failed:', error);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}
