/**
 * Gongkai benchmark (`npm run bench`): prints figures, never fails on them.
 *
 *  1. Seed import: importNotice() of the seed notice (《2020年嘉兴市政务公开重点工作责任清单》,
 *     published, as the first start does) into a fresh database that already holds the Jiaxing
 *     directory — SQLite in memory, SQLite file (WAL, as installations run), and PostgreSQL when
 *     available. Also the parse alone (readNotice). Aim: under 50 ms.
 *  2. GET /api/v1/lists/:id of the published seed list (anonymous) on the real app listening on
 *     127.0.0.1, under autocannon load, against a bare Fastify app measured the same way in the
 *     same run. Aim: list req/s ≥ 40 % of bare req/s.
 *
 *  3. The workbench (office matrix, public progress page) and the list handler in process.
 *  4. Search (bench/search.ts): a generated corpus of Chinese government publications (1 million
 *     by default) indexed through indexRecords() on SQLite and PostgreSQL — ingest rate, search()
 *     p50/p99 for a fixed set of queries (aims: p99 < 30 ms on SQLite; ingest > 5,000 docs/s) —
 *     and GET /api/v1/search under HTTP load beside bare Fastify; also jieba vs Intl.Segmenter.
 *
 *   npm run bench                        everything
 *   npm run bench -- core                sections 1–3 only
 *   npm run bench -- search --docs 100k  section 4 only, on 100,000 documents
 *
 * Each server runs in a child process (bench/server.ts) so that it does not share an event loop
 * with autocannon. Only 127.0.0.1 is contacted. See docs/benchmarks.md.
 *
 * Environment (all optional):
 *   BENCH_PG=0|1          skip PostgreSQL / insist on it (default: use it when it answers)
 *   PG_ADMIN_URL          PostgreSQL server on which a scratch database gk_bench_<timestamp> is
 *                         created and dropped (default postgres://postgres@127.0.0.1:5432/postgres);
 *                         a postgres:// DATABASE_URL is used the same way when PG_ADMIN_URL is unset
 *                         (only its server is used: the database it names is not touched)
 *   BENCH_RUNS=20         measured import runs (after 3 warm-up runs)
 *   BENCH_DURATION=10     seconds of load per server (after BENCH_WARMUP=2 seconds of warm-up)
 *   BENCH_CONNECTIONS=32  autocannon connections
 *   BENCH_PROFILE=1       CPU-profile the servers and print where their time goes (slower:
 *                         figures taken with it are not comparable)
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import autocannon, { type Result as LoadResult } from 'autocannon';
// The whole server's module graph, as `gongkai serve` loads it: every module registers its hooks
// (e.g. the progress module's list-published handler, which creates the reporting periods).
import '../server/app.ts';
import { createDb, type Db } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { ensureFirstStart, SEED_NOTICE_FILE } from '../server/db/seeds/first-start.ts';
import { listUnits, seedJiaxingDirectory } from '../server/modules/directory/index.ts';
import { createApiToken, createUser } from '../server/modules/identity/index.ts';
import { seedDemoProgress } from '../server/modules/progress/index.ts';
import { getListDetail, importNotice, readNotice } from '../server/modules/lists/index.ts';
// Internal: the queries getListDetail makes, timed one by one in section 3.
import * as repo from '../server/modules/lists/lists.repository.ts';
import { anonymous, systemActor } from '../server/platform/actor.ts';
import type { ServerMessage, ServerRequest } from './server.ts';
import { heading, int, intEnv, metMark, ms, openPg, pct, redact, removeSqlite, stats, table, type PgScratch, type Stats } from './common.ts';
import { benchSearch, parseSearchArgs, searchSummaryRows, type SearchArgs } from './search.ts';
import { runSegmenterBench } from './segmenters.ts';

// ---------------------------------------------------------------------------------------------
// Settings

const WARMUP_RUNS = 3;
const RUNS = intEnv('BENCH_RUNS', 20, 1);
const DURATION = intEnv('BENCH_DURATION', 10, 1);
const WARMUP_SECONDS = intEnv('BENCH_WARMUP', 2, 0);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 32, 1);
const PROFILE = process.env.BENCH_PROFILE === '1';
const IMPORT_AIM_MS = 50;
const RATIO_AIM = 0.4;

/**
 * Which sections run: `npm run bench` runs all; `npm run bench -- core` the seed import, lists and
 * workbench (1–3); `npm run bench -- search [--docs N --batch N --engines sqlite,postgres --optimize
 * --query-seconds N]` the search (4).
 */
function parseArgs(argv: string[]): { sections: Set<'core' | 'search'>; search: SearchArgs } {
  const sections = new Set<'core' | 'search'>();
  const rest: string[] = [];
  for (const a of argv) {
    if (a === 'core' || a === 'search') sections.add(a);
    else rest.push(a);
  }
  if (!sections.size) {
    sections.add('core');
    sections.add('search');
  }
  return { sections, search: parseSearchArgs(rest) };
}
const ARGS = parseArgs(process.argv.slice(2));
/**
 * The whole run is bounded: past this, clean up and stop. Sections 1–3 take about 75 s; the search
 * about 10 minutes at 1 million documents with PostgreSQL on 2 vCPUs (ingest dominates).
 */
const WATCHDOG_MS = (ARGS.sections.has('core') ? 4 * 60_000 : 0) + (ARGS.sections.has('search') ? 10 * 60_000 + ARGS.search.docs * 2 : 0);

const SERVER_FILE = fileURLToPath(new URL('./server.ts', import.meta.url));
const SEED_BYTES = fs.readFileSync(SEED_NOTICE_FILE);
const SEED_FILE_NAME = '2020年嘉兴市政务公开重点工作责任清单.txt';
const actor = systemActor('bench');
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
const profileDir = PROFILE ? path.join(tmpDir, 'profiles') : null;

// ---------------------------------------------------------------------------------------------
// 1. Seed import

interface Fresh { db: Db; dispose(): Promise<void> }

/** A database with the schema and the Jiaxing directory, as before the first start's import. */
async function prepared(url: string): Promise<Db> {
  const { db } = createDb(url, { poolSize: 2 });
  await migrateToLatest(db);
  await seedJiaxingDirectory(db, actor);
  return db;
}

async function importSeed(db: Db): Promise<{ listId: number; tasks: number; assignments: number }> {
  const outcome = await importNotice(db, actor, { fileName: SEED_FILE_NAME, bytes: SEED_BYTES, kind: 'responsibility', publish: true });
  return { listId: outcome.list.id, tasks: outcome.taskCount, assignments: outcome.assignmentCount };
}

/** Times importSeed() into `WARMUP_RUNS + RUNS` fresh databases (their preparation untimed). */
async function timeImports(label: string, fresh: (run: number) => Promise<Fresh>): Promise<Stats> {
  const times: number[] = [];
  let shape = '';
  for (let run = 0; run < WARMUP_RUNS + RUNS; run++) {
    const f = await fresh(run);
    try {
      const t0 = performance.now();
      const r = await importSeed(f.db);
      const elapsed = performance.now() - t0;
      if (run >= WARMUP_RUNS) times.push(elapsed);
      shape = `${r.tasks} tasks, ${int(r.assignments)} assignments`;
    } finally {
      await f.dispose();
    }
  }
  const s = stats(times);
  console.log(`  ${label.padEnd(24)} min ${ms(s.min).padStart(8)}   median ${ms(s.median).padStart(8)}   p95 ${ms(s.p95).padStart(8)}   max ${ms(s.max).padStart(8)}   (${s.n} runs; ${shape})`);
  return s;
}

async function timeParse(): Promise<Stats> {
  const times: number[] = [];
  for (let run = 0; run < WARMUP_RUNS + 50; run++) {
    const t0 = performance.now();
    await readNotice({ fileName: SEED_FILE_NAME, bytes: SEED_BYTES }); // awaited: it may read files asynchronously
    const elapsed = performance.now() - t0;
    if (run >= WARMUP_RUNS) times.push(elapsed);
  }
  const s = stats(times);
  console.log(`  ${'parse only (readNotice)'.padEnd(24)} min ${ms(s.min).padStart(8)}   median ${ms(s.median).padStart(8)}   p95 ${ms(s.p95).padStart(8)}   (${s.n} runs, no database)`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// 2. HTTP load

const children = new Set<ChildProcess>();

interface Served {
  port: number;
  /** CPU time (user + system) the server process has used so far, in µs */
  cpuMicros(): Promise<number>;
  close(): Promise<void>;
}

async function serve(request: ServerRequest, label: string): Promise<Served> {
  // One folder per server: with --import tsx the process also has a module-loader thread, which
  // writes its own (idle) profile; the main thread's file is the one with thread id 0 in its name.
  const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, label)}`] : [];
  const child = fork(SERVER_FILE, [], { execArgv: [...process.execArgv, ...profileArgs], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => { children.delete(child); resolve(); }));
  const next = <T extends ServerMessage['type']>(type: T, what: string, timeoutMs: number) =>
    new Promise<Extract<ServerMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (m: ServerMessage) => {
        if (m.type === 'failed') done(() => reject(new Error(`${label}: server failed to start:\n${m.error}`)));
        else if (m.type === type) done(() => resolve(m as Extract<ServerMessage, { type: T }>));
      };
      const onExit = (code: number | null) => done(() => reject(new Error(`${label}: server exited (${code}) while waiting for ${what}`)));
      const timer = setTimeout(() => done(() => reject(new Error(`${label}: no ${what} after ${timeoutMs / 1000} s`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        settle();
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = next('ready', 'start', 30_000);
  child.send(request);
  const { port } = await ready;
  return {
    port,
    async cpuMicros() {
      const reply = next('cpu', 'CPU figure', 5_000);
      child.send('cpu');
      return (await reply).micros;
    },
    async close() {
      if (child.connected) child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface LoadFigures {
  label: string; rps: number; p50: number; p99: number; mean: number; total: number; errors: number; non2xx: number;
  bytesPerSecond: number; bodyBytes: number;
  /** CPU used during the measured load, as a share of one core: the server process, and this process (autocannon) */
  serverCpu: number; clientCpu: number;
}

/** What a browser sends: every client of the platform accepts compressed responses. */
const CLIENT_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

async function loadTest(served: Served, label: string, url: string, check: (status: number, body: string) => string, extra: Record<string, string> = {}): Promise<LoadFigures> {
  const headers = { ...CLIENT_HEADERS, ...extra };
  const res = await fetch(url, { headers });
  const body = await res.text();
  const note = check(res.status, body);
  const bodyBytes = Buffer.byteLength(body);
  console.log(`  ${label}: ${url} → ${res.status}, ${int(bodyBytes)} bytes${note ? `, ${note}` : ''}`);
  if (WARMUP_SECONDS > 0) await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  const server0 = await served.cpuMicros();
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  const r: LoadResult = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  const wallMicros = (performance.now() - t0) * 1000;
  const client = process.cpuUsage(client0);
  const serverCpu = ((await served.cpuMicros()) - server0) / wallMicros;
  const f: LoadFigures = {
    label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.average, total: r.requests.total,
    errors: r.errors + r.timeouts, non2xx: r.non2xx, bytesPerSecond: r.throughput.average, bodyBytes,
    serverCpu, clientCpu: (client.user + client.system) / wallMicros,
  };
  const problems = f.errors || f.non2xx ? `   !! ${f.errors} errors/timeouts, ${f.non2xx} non-2xx` : '';
  console.log(`    ${int(f.rps).padStart(7)} req/s   latency p50 ${f.p50} ms, p99 ${f.p99} ms, mean ${f.mean.toFixed(2)} ms   ${int(f.total)} requests in ${r.duration} s, ${(f.bytesPerSecond / 1e6).toFixed(1)} MB/s${problems}`);
  console.log(`            CPU: server process ${pct(f.serverCpu)} of a core (${int((f.serverCpu * 1e6) / f.rps)} µs per request), autocannon ${pct(f.clientCpu)}`);
  return f;
}

function checkBare(status: number, body: string): string {
  if (status !== 200 || body !== '{"ok":true}') throw new Error(`bare Fastify answered ${status} ${body}`);
  return '';
}

function checkList(expected: { tasks: number; assignments: number }) {
  return (status: number, body: string): string => {
    if (status !== 200) throw new Error(`GET list answered ${status}: ${body.slice(0, 300)}`);
    const json = JSON.parse(body) as { tasks: unknown[]; assignmentCount: number; state: string };
    if (json.tasks.length !== expected.tasks || json.assignmentCount !== expected.assignments || json.state !== 'published') {
      throw new Error(`GET list: expected ${expected.tasks} tasks and ${expected.assignments} assignments, published; got ${json.tasks.length}, ${json.assignmentCount}, ${json.state}`);
    }
    return `${json.tasks.length} tasks, ${int(json.assignmentCount)} assignments counted`;
  };
}

async function measureServer(
  label: string, request: ServerRequest, paths: { label: string; path: string; check: (status: number, body: string) => string; headers?: Record<string, string> }[],
): Promise<LoadFigures[]> {
  const served = await serve(request, label.replace(/[^a-z0-9]+/gi, '-'));
  try {
    const out: LoadFigures[] = [];
    for (const p of paths) out.push(await loadTest(served, p.label, `http://127.0.0.1:${served.port}${p.path}`, p.check, p.headers));
    return out;
  } finally {
    await served.close();
  }
}

const MATRIX_AIM_MS = 50;

/** A SQLite database as after a first start: the seed list published, a year of reports, an office API token. */
async function workbenchTarget(file: string): Promise<{ databaseUrl: string; listId: number; token: string; shape: string }> {
  const db = await prepared(file);
  const seed = await importSeed(db);
  const units = await listUnits(db);
  const office = units.find((u) => u.kind === 'office')!;
  const { user } = await createUser(db, actor, { username: 'bench_office', displayName: 'bench', unitId: office.id, role: 'office', password: 'Bench-password-2020' });
  const officeActor = { kind: 'user' as const, userId: user.id, username: user.username, unitId: office.id, role: 'office' as const, via: 'token' as const };
  const { token } = await createApiToken(db, officeActor, 'bench');
  const userOfUnit = new Map(units.map((u) => [u.id, user.id]));
  const { reports } = await seedDemoProgress(db, actor, seed.listId, userOfUnit, user.id);
  await db.destroy();
  return { databaseUrl: file, listId: seed.listId, token, shape: `${seed.tasks} tasks × ${units.length} units, ${int(seed.assignments)} assignments, 4 quarters, ${int(reports)} reports` };
}

// ---------------------------------------------------------------------------------------------
// 3. The handler in process: where its time goes

interface Part { label: string; micros: number }

async function medianMicros(f: () => unknown, calls = 200): Promise<number> {
  for (let i = 0; i < 20; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await f();
    times.push((performance.now() - t0) * 1000);
  }
  return stats(times).median;
}

/** getListDetail as the route calls it, then each query it makes, one at a time (it runs them in parallel). */
async function handlerBreakdown(db: Db, listId: number): Promise<Part[]> {
  const list = (await repo.findListById(db, listId))!;
  const detail = await getListDetail(db, anonymous, listId);
  const parts: [string, () => unknown][] = [
    ['getListDetail (the whole handler, anonymous)', () => getListDetail(db, anonymous, listId)],
    ['  findListById', () => repo.findListById(db, listId)],
    ['  findNoticeById (selectAll: includes the notice source text)', () => repo.findNoticeById(db, list.noticeId!)],
    ['  findSections', () => repo.findSections(db, listId)],
    [`  findTasks (${detail.tasks.length} rows, selectAll)`, () => repo.findTasks(db, listId)],
    [`  countAssignmentsByTask (groups ${int(detail.assignmentCount)} assignments)`, () => repo.countAssignmentsByTask(db, listId)],
    [`JSON.stringify of the result (${int(Buffer.byteLength(JSON.stringify(detail)))} bytes; Fastify's serialiser differs)`, () => JSON.stringify(detail)],
  ];
  const out: Part[] = [];
  for (const [label, f] of parts) out.push({ label, micros: await medianMicros(f) });
  return out;
}

// ---------------------------------------------------------------------------------------------
// CPU profiles (BENCH_PROFILE=1): self time by function and by package

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }

function summariseProfile(label: string, file: string): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  const total = profile.samples.length;
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(root, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1];
    const place = pkg ?? (where.startsWith('server/') ? where.split('/').slice(0, 3).join('/') : where.startsWith('node:') ? 'node (built-in JS)' : where || functionName);
    const fn = `${functionName || '(anonymous)'}  ${where ? `${where.replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\n  ${label}: ${total} samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s (start-up and warm-up included)`);
  console.log('  self time by package / place:');
  for (const [k, v] of top(byPlace, 12)) console.log(`    ${pct(v / total).padStart(7)}  ${k}`);
  console.log('  self time by function:');
  for (const [k, v] of top(byFunction, 20)) console.log(`    ${pct(v / total).padStart(7)}  ${k}`);
}

// ---------------------------------------------------------------------------------------------
// Main

/** The commit measured, and whether the working tree differs from it. */
function gitDescription(): string {
  try {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'server', 'common'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `commit ${commit}${dirty ? ' + uncommitted changes in server/ or common/' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

let pgScratch: PgScratch | null = null;

async function cleanup(): Promise<void> {
  for (const child of children) child.kill('SIGKILL');
  if (pgScratch) await pgScratch.close();
  pgScratch = null;
  fs.rmSync(tmpDir, { recursive: true, force: true });
}

/** 4b. GET /api/v1/search on the search benchmark's SQLite file, under load, beside bare Fastify. */
async function searchHttp(databaseUrl: string, docs: number, bareOk: LoadFigures | null): Promise<string[][]> {
  heading(`4b. GET /api/v1/search on the ${int(docs)}-document SQLite index, and the public list page, vs bare Fastify — autocannon, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${DURATION} s`);
  const bare = bareOk ?? (await measureServer('bare Fastify', { kind: 'bare', body: '{}' }, [{ label: 'bare Fastify {ok:true}', path: '/', check: checkBare }]))[0]!;
  const check = (status: number, body: string): string => {
    if (status !== 200) throw new Error(`GET /api/v1/search answered ${status}: ${body.slice(0, 300)}`);
    const json = JSON.parse(body) as { total: number; totalCapped: boolean; items: unknown[] };
    return `${json.totalCapped ? 'more than ' : ''}${int(json.total)} matches, ${json.items.length} items`;
  };
  const q = (params: Record<string, string>) => `/api/v1/search?${new URLSearchParams(params).toString()}`;
  const paths = [
    { label: 'search 营商环境', path: q({ q: '营商环境' }), check },
    { label: 'search 公开 (two characters, most documents)', path: q({ q: '公开' }), check },
    { label: 'search 公开, unit + year', path: q({ q: '公开', unitId: '1', year: '2020' }), check },
  ];
  // the search's own rate limit (600 a minute per address) would answer 429 to the load generator
  const figures = await measureServer('Gongkai search, SQLite', { kind: 'app', databaseUrl, dataDir: tmpDir, config: { searchRequestsPerMinute: 1_000_000_000 } }, paths);
  // The public list page (法定主动公开内容, 20 publications a page) of an installation after its
  // first start with the demo data (the directory, the seed list, default catalogues, publications).
  const demoFile = path.join(tmpDir, 'portal.sqlite');
  const { db: demo } = createDb(demoFile, { poolSize: 2 });
  await migrateToLatest(demo);
  const first = await ensureFirstStart(demo, { demoData: true });
  await demo.destroy();
  const [portal] = await measureServer('Gongkai portal, SQLite', { kind: 'app', databaseUrl: demoFile, dataDir: tmpDir }, [{
    label: 'public list page /portal/statutory', path: '/portal/statutory',
    check: (status, body) => {
      const links = (body.match(/\/portal\/publications\/\d+/g) ?? []).length;
      if (status !== 200 || !links) throw new Error(`GET /portal/statutory answered ${status} with ${links} publications`);
      return `${links} publications listed (${int(first.demo?.publications ?? 0)} in the demo installation)`;
    },
  }]);
  return [
    [bare.label, `${int(bare.rps)} req/s, p99 ${bare.p99} ms`, '(reference)', ''],
    ...figures.map((f) => [`GET /api/v1/${f.label} (${int(docs)} docs)`, `${int(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms = ${pct(f.rps / bare.rps)} of bare`, '', '']),
    [`public list page /portal/statutory (demo data)`, `${int(portal!.rps)} req/s, p50 ${portal!.p50} ms, p99 ${portal!.p99} ms = ${pct(portal!.rps / bare.rps)} of bare`, '', ''],
  ];
}

/** Sections 1–3: seed import, GET of the list beside bare Fastify, the workbench, the handler in process. */
async function coreSections(pgSkipped: string | null): Promise<{ rows: string[][]; bareOk: LoadFigures }> {
  // 1. Seed import ------------------------------------------------------------------------------
  heading(`1. Seed import: importNotice(seed notice, ${int(SEED_BYTES.length)} bytes, publish) into a fresh database with the Jiaxing directory`);
  const imports: { label: string; s: Stats }[] = [];
  imports.push({ label: 'SQLite :memory:', s: await timeImports('SQLite :memory:', async () => {
    const db = await prepared(':memory:');
    return { db, dispose: () => db.destroy() };
  }) });
  imports.push({ label: 'SQLite file (WAL)', s: await timeImports('SQLite file (WAL)', async (run) => {
    const file = path.join(tmpDir, `import-${run}.sqlite`);
    const db = await prepared(file);
    return { db, async dispose() { await db.destroy(); removeSqlite(file); } };
  }) });
  if (pgScratch) {
    const pgs = pgScratch;
    const template = await pgs.create('template');
    const tdb = await prepared(pgs.urlOf(template));
    await tdb.destroy();
    imports.push({ label: 'PostgreSQL', s: await timeImports('PostgreSQL', async (run) => {
      const name = await pgs.create(`import_${run}`, template);
      const { db } = createDb(pgs.urlOf(name), { poolSize: 2 });
      return { db, async dispose() { await db.destroy(); await pgs.drop(name); } };
    }) });
  } else {
    console.log(`  ${'PostgreSQL'.padEnd(24)} skipped: ${pgSkipped}`);
  }
  const parse = await timeParse();

  // 2. GET of the published seed list ---------------------------------------------------------
  heading(`2. GET /api/v1/lists/:id (anonymous) vs bare Fastify — autocannon, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${DURATION} s`);
  // The databases the servers will use: schema, directory, seed list imported and published.
  const sqliteFile = path.join(tmpDir, 'http.sqlite');
  const targets: { label: string; databaseUrl: string; seed: Awaited<ReturnType<typeof importSeed>>; parts: Part[] }[] = [];
  let listBody = '';
  {
    const db = await prepared(sqliteFile);
    const seed = await importSeed(db);
    listBody = JSON.stringify(await getListDetail(db, anonymous, seed.listId));
    targets.push({ label: 'SQLite file (WAL)', databaseUrl: sqliteFile, seed, parts: await handlerBreakdown(db, seed.listId) });
    await db.destroy();
  }
  if (pgScratch) {
    const url = pgScratch.urlOf(await pgScratch.create('http'));
    const db = await prepared(url);
    const seed = await importSeed(db);
    targets.push({ label: 'PostgreSQL', databaseUrl: url, seed, parts: await handlerBreakdown(db, seed.listId) });
    await db.destroy();
  }

  const bare = await measureServer('bare Fastify', { kind: 'bare', body: listBody }, [
    { label: 'bare Fastify {ok:true}', path: '/', check: checkBare },
    { label: 'bare Fastify, fixed list-sized JSON', path: '/body', check: (status) => (status === 200 ? '' : `status ${status}`) },
  ]);
  const [bareOk, bareBody] = bare as [LoadFigures, LoadFigures];
  const lists: { label: string; f: LoadFigures }[] = [];
  for (const t of targets) {
    const [f] = await measureServer(`Gongkai, ${t.label}`, { kind: 'app', databaseUrl: t.databaseUrl, dataDir: tmpDir }, [
      { label: `Gongkai, ${t.label}`, path: `/api/v1/lists/${t.seed.listId}`, check: checkList(t.seed) },
    ]);
    lists.push({ label: t.label, f: f! });
  }
  if (!pgScratch) console.log(`  Gongkai, PostgreSQL: skipped: ${pgSkipped}`);

  // 2b. The workbench: the office matrix and the public progress page, with a year of reports
  heading(`2b. Workbench on SQLite: office matrix (API token) and the public progress page, with a year of demo reports`);
  const wb = await workbenchTarget(path.join(tmpDir, 'workbench.sqlite'));
  console.log(`  data: ${wb.shape}`);
  const [matrix, publicPage] = await measureServer('Gongkai workbench, SQLite', { kind: 'app', databaseUrl: wb.databaseUrl, dataDir: tmpDir }, [
    { label: 'office matrix GET /api/v1/lists/:id/matrix', path: `/api/v1/lists/${wb.listId}/matrix`, headers: { authorization: `Bearer ${wb.token}` }, check: (status) => (status === 200 ? '' : `status ${status}`) },
    { label: 'public progress page /progress/lists/:id', path: `/progress/lists/${wb.listId}`, check: (status, body) => (status === 200 && body.includes('各单位落实情况') ? '' : `status ${status}`) },
  ]) as [LoadFigures, LoadFigures];

  // 3. Where the handler's time goes ------------------------------------------------------------
  heading('3. The GET handler in process (no HTTP): getListDetail and the queries it makes, median of 200 calls');
  for (const t of targets) {
    console.log(`  ${t.label}`);
    for (const p of t.parts) console.log(`    ${p.label.padEnd(64)} ${`${int(p.micros)} µs`.padStart(9)}`);
  }

  if (profileDir) {
    heading('CPU profiles of the servers (self time)');
    for (const label of fs.readdirSync(profileDir).sort()) {
      const main = fs.readdirSync(path.join(profileDir, label)).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
      if (main) summariseProfile(label, path.join(profileDir, label, main));
    }
  }

  const rows: string[][] = [];
  for (const { label, s } of imports) {
    rows.push([`seed import, ${label}`, `median ${ms(s.median)} (min ${ms(s.min)}, p95 ${ms(s.p95)})`, `< ${IMPORT_AIM_MS} ms`, metMark(s.median < IMPORT_AIM_MS)]);
  }
  if (!pgScratch) rows.push(['seed import, PostgreSQL', 'skipped (see above)', `< ${IMPORT_AIM_MS} ms`, '—']);
  rows.push(['parse only (readNotice)', `median ${ms(parse.median)}`, '', '']);
  rows.push([bareOk.label, `${int(bareOk.rps)} req/s, p99 ${bareOk.p99} ms`, '(reference)', '']);
  rows.push([bareBody.label, `${int(bareBody.rps)} req/s, p99 ${bareBody.p99} ms = ${pct(bareBody.rps / bareOk.rps)} of bare`, '(reference)', '']);
  for (const { label, f } of lists) {
    const ratio = f.rps / bareOk.rps;
    rows.push([`GET /api/v1/lists/:id, ${label}`, `${int(f.rps)} req/s, p99 ${f.p99} ms = ${pct(ratio)} of bare`, `≥ ${pct(RATIO_AIM)} of bare`, metMark(ratio >= RATIO_AIM)]);
  }
  if (!pgScratch) rows.push(['GET /api/v1/lists/:id, PostgreSQL', 'skipped (see above)', `≥ ${pct(RATIO_AIM)} of bare`, '—']);
  for (const t of targets) {
    const whole = t.parts[0]!.micros;
    const count = t.parts.find((p) => p.label.startsWith('  countAssignmentsByTask'))!.micros;
    rows.push([`getListDetail in process, ${t.label}`, `${int(whole)} µs, of which counting assignments ${int(count)} µs`, '', '']);
  }
  rows.push([`office matrix (${wb.shape})`, `p50 ${matrix.p50} ms, p99 ${matrix.p99} ms (${int(matrix.rps)} req/s at ${CONNECTIONS} connections)`, `p99 < ${MATRIX_AIM_MS} ms`, metMark(matrix.p99 < MATRIX_AIM_MS)]);
  rows.push(['public progress page', `${int(publicPage.rps)} req/s, p99 ${publicPage.p99} ms = ${pct(publicPage.rps / bareOk.rps)} of bare`, `≥ ${pct(RATIO_AIM)} of bare`, metMark(publicPage.rps / bareOk.rps >= RATIO_AIM)]);
  return { rows, bareOk };
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log('Gongkai 公开 — benchmark');
  console.log(`  date      ${new Date().toISOString()}`);
  console.log(`  code      ${gitDescription()}`);
  console.log(`  node      ${process.version} (${process.platform}/${process.arch})`);
  console.log(`  cpu       ${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}`);
  console.log(`  memory    ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (os.loadavg()[0]! > cpus.length * 0.5) {
    console.log(`  WARNING   the machine is busy (load average ${os.loadavg()[0]!.toFixed(2)} on ${cpus.length} CPUs): figures will be low and noisy`);
  }
  console.log(`  settings  import: ${WARMUP_RUNS} warm-up + ${RUNS} runs; load: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${DURATION} s${PROFILE ? '; CPU PROFILING ON (figures not comparable)' : ''}`);
  console.log(`  sections  ${[...ARGS.sections].join(', ')}${ARGS.sections.has('search') ? ` (search: ${int(ARGS.search.docs)} documents, transactions of ${int(ARGS.search.batch)}, ${ARGS.search.engines.join(' + ')}${ARGS.search.optimize ? ', FTS5 optimize' : ''})` : ''}`);

  const pgOpen = await openPg();
  pgScratch = 'pg' in pgOpen ? pgOpen.pg : null;
  const pgSkipped = 'skipped' in pgOpen ? pgOpen.skipped : null;
  console.log(`  postgres  ${pgScratch ? `${redact(pgScratch.adminUrl)} (scratch databases ${pgScratch.prefix}_*, dropped at the end)` : `SKIPPED: ${pgSkipped}`}`);

  let bareOk: LoadFigures | null = null;
  const rows: string[][] = [['measurement', 'figure', 'aim', '']];
  if (ARGS.sections.has('core')) {
    const core = await coreSections(pgSkipped);
    bareOk = core.bareOk;
    rows.push(...core.rows);
  }

  // 4. Search ----------------------------------------------------------------------------------
  if (ARGS.sections.has('search')) {
    runSegmenterBench(5_000);
    const engines = await benchSearch({ ...ARGS.search, pg: pgScratch, pgSkipped, tmpDir });
    rows.push(...searchSummaryRows(engines));
    const sqlite = engines.find((e) => e.engine.startsWith('SQLite'));
    if (sqlite) rows.push(...await searchHttp(sqlite.databaseUrl, sqlite.docs, bareOk));
  }

  heading('Summary');
  table(rows);
  if (!pgScratch) console.log(`\n  PostgreSQL skipped: ${pgSkipped}`);
  console.log(`\n  load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (this run adds about 1-2)`);
  console.log(`  import aim judged on the median; "req/s" is autocannon's mean of per-second samples; servers run in child processes, autocannon in this one, on ${cpus.length} CPUs.`);
}

const watchdog = setTimeout(() => {
  console.error(`\nbench: still running after ${Math.round(WATCHDOG_MS / 60_000)} minutes — stopping`);
  void cleanup().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

process.once('SIGINT', () => {
  console.error('\nbench: interrupted — cleaning up');
  void cleanup().finally(() => process.exit(130));
});

try {
  await main();
} catch (error) {
  console.error('\nbench failed:', error);
  process.exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
