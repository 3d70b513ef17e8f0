/**
 * A province, measured (`npx tsx bench/province.ts [--scale 1] [--runs 20]`): generates a
 * province-sized installation on PostgreSQL inside the database itself (INSERT … SELECT over
 * generate_series: minutes, not hours) — at scale 1: 1,500 units, 50 published lists of 80 tasks,
 * 600,000 assignments, 2,400,000 progress reports (four quarters each), 1,000,000 publications with
 * their search entries, 300,000 disclosure requests — and times what people open every day:
 *
 *  - the office overview of a list (`listOverview`, the workbench's 总览),
 *  - a unit's task list (`listWorkbenchAssignments` as that unit's staff),
 *  - search (`search()`: a frequent word, with a unit filter, a rare word),
 *  - the annual report of every unit (`generateReport`, as the workbench's preview), and of that the
 *    request statistics alone (`requestStats`).
 *
 * p50 / p99 over --runs calls each (the annual-report figures: the time for all units in turn) and
 * the process's RSS. Then the same on SQLite with the seed-sized demo installation. Prints figures;
 * never fails on them. Aims (docs/benchmarks.md): every page under 200 ms p99 at the province size;
 * all 1,500 annual reports in under a minute.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import '../server/app.ts';
import { createDb, type Db } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { ensureFirstStart } from '../server/db/seeds/first-start.ts';
import { listOverview, listWorkbenchAssignments } from '../server/modules/progress/index.ts';
import { requestStats } from '../server/modules/requests/index.ts';
import { search } from '../server/modules/search/index.ts';
import { templateVersionForYear } from '../server/modules/annual-reports/index.ts';
// internal: the generation the workbench's preview runs, without an annual_report row
import { generateReport } from '../server/modules/annual-reports/annual-reports.data.ts';
import type { Actor } from '../server/platform/actor.ts';
import { heading, int, ms, openPg, removeSqlite, table } from './common.ts';

interface Args { scale: number; runs: number; sqlite: boolean }

function parseArgs(argv: string[]): Args {
  const a: Args = { scale: 1, runs: 20, sqlite: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scale') a.scale = Number(argv[++i]);
    else if (argv[i] === '--runs') a.runs = Number(argv[++i]);
    else if (argv[i] === '--no-sqlite') a.sqlite = false;
  }
  if (!(a.scale > 0 && a.scale <= 1)) throw new Error('--scale: a number in (0, 1]');
  return a;
}

const WORDS = ['政务公开', '营商环境', '双随机', '一公开', '规范性文件', '政策解读', '重大行政决策', '信息公开', '财政预决算', '乡村振兴', '生态环境',
  '安全生产', '教育', '卫生健康', '住房保障', '就业创业', '社会救助', '行政许可', '行政处罚', '公共资源交易', '征地补偿', '养老服务', '垃圾分类', '河长制'];

/** Builds the province inside PostgreSQL. Returns the sizes. */
async function generate(db: Db, scale: number): Promise<Record<string, number>> {
  const units = Math.round(1500 * scale);
  const lists = Math.max(2, Math.round(50 * scale));
  const tasksPerList = 80;
  const perTask = Math.max(2, Math.round(600_000 * scale / (lists * tasksPerList)));
  const publications = Math.round(1_000_000 * scale);
  const requests = Math.round(300_000 * scale);
  const words = sql.raw(`ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`);
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t0 = performance.now();
    await q.execute(db);
    console.log(`    ${label.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await step('units', sql`
    INSERT INTO unit (name, short_name, kind, created_at, updated_at)
    SELECT CASE WHEN i <= ${Math.max(1, Math.round(units / 15))} THEN '第' || i || '县（市、区）人民政府' ELSE '省级部门' || i END, '单位' || i,
           CASE WHEN i <= ${Math.max(1, Math.round(units / 15))} THEN 'countyGovernment' ELSE 'department' END, now(), now()
    FROM generate_series(1, ${units}) i`);
  await step('users (one per unit)', sql`
    INSERT INTO "user" (username, display_name, unit_id, role, password_hash, created_at, updated_at)
    SELECT 'u' || id, '经办人' || id, id, 'unitStaff', 'x', now(), now() FROM unit`);
  await step('notices, lists', sql`
    WITH n AS (INSERT INTO notice (title, year, source_text, created_at) SELECT '第' || i || '号通知', 2020 + i % 5, '', now() FROM generate_series(1, ${lists}) i RETURNING id, year)
    INSERT INTO list (kind, year, title, notice_id, state, published_at, created_at, updated_at, reporting_cycle)
    SELECT 'responsibility', year, year || '年政务公开重点工作责任清单（' || id || '）', id, 'published', now(), now(), now(), 'quarterly' FROM n`);
  await step('tasks', sql`
    INSERT INTO task (list_id, seq, text, lead_units, responsible_units, due_date, created_at, updated_at)
    SELECT l.id, s, '推进' || (${words})[1 + (l.id * 7 + s) % 24] || '工作，按要求公开相关信息。', '[]', '[]', make_date(l.year, 12, 31), now(), now()
    FROM list l, generate_series(1, ${tasksPerList}) s`);
  await step('reporting periods', sql`
    INSERT INTO reporting_period (list_id, seq, label, starts_on, ends_on, due_on)
    SELECT l.id, q, l.year || '年第' || q || '季度', make_date(l.year, q * 3 - 2, 1), (make_date(l.year, q * 3 - 2, 1) + interval '3 months - 1 day')::date,
           (make_date(l.year, q * 3 - 2, 1) + interval '3 months + 9 days')::date
    FROM list l, generate_series(1, 4) q`);
  await step('assignments', sql`
    INSERT INTO assignment (task_id, unit_id, role, created_at)
    SELECT t.id, 1 + ((t.id * 37 + k * 11) % ${units}), CASE WHEN k = 0 THEN 'lead' ELSE 'responsible' END, now()
    FROM task t, generate_series(0, ${perTask - 1}) k
    ON CONFLICT DO NOTHING`);
  await step('progress reports', sql`
    INSERT INTO progress_report (assignment_id, period_id, version, text, completed, state, submitted_by, submitted_at, public)
    SELECT a.id, p.id, 1, '本季度已完成' || (${words})[1 + (a.id + p.seq) % 24] || '相关工作，并在门户网站公开。', CASE WHEN p.seq = 4 THEN 1 ELSE 0 END,
           CASE WHEN (a.id + p.seq) % 10 = 0 THEN 'returned' ELSE 'accepted' END, a.unit_id,
           (p.due_on - ((a.id + p.seq) % 15) + 3)::timestamptz, 0
    FROM assignment a JOIN task t ON t.id = a.task_id JOIN reporting_period p ON p.list_id = t.list_id`);
  await step('publications', sql`
    INSERT INTO publication (unit_id, platform_column, kind, index_number, title, publisher, topic, written_on, made_on, publish_due_on, published_on, body_text, state, created_at, updated_at)
    SELECT u, 'statutory', 'general', lpad(u::text, 6, '0') || '/' || y || '-' || lpad(i::text, 7, '0'),
           '关于' || (${words})[1 + i % 24] || '工作的通知（' || i || '）', '单位' || u, '综合政务', d, d, d + 28, d + (i % 30),
           '为进一步做好' || (${words})[1 + i % 24] || '工作，现将有关事项通知如下。' || (${words})[1 + (i * 7) % 24] || '。', 'published', now(), now()
    FROM (SELECT i, 1 + (i * 13) % ${units} AS u, 2015 + i % 11 AS y, make_date(2015 + i % 11, 1 + i % 12, 1 + i % 28) AS d FROM generate_series(1, ${publications}) i) s`);
  await step('search entries', sql`
    INSERT INTO search_document (kind, ref_id, unit_id, year, title, url, published_on, body_text, node_ids, tsv)
    SELECT 'publication', id, unit_id, extract(year FROM published_on)::int, title, '/portal/publications/' || id, published_on, body_text, '',
           strip(to_tsvector('simple', title || ' ' || body_text || ' kindpublication@filter.gk unit' || unit_id || '@filter.gk year' || extract(year FROM published_on)::int || '@filter.gk'))
    FROM publication`);
  await step('disclosure requests', sql`
    INSERT INTO disclosure_request (reg_number, year, seq, handling_unit_id, state, channel, arrived_on, received_on, applicant_kind, applicant_name, description,
                                    form_wanted, delivery_wanted, due_on, outcome, replied_on, created_at, updated_at)
    SELECT 'YS' || y || '-' || lpad(i::text, 7, '0'), y, i, 1 + (i * 17) % ${units}, CASE WHEN i % 20 = 0 THEN 'handling' ELSE 'replied' END, 'online', d, d,
           CASE WHEN i % 5 = 0 THEN 'commercial' ELSE 'person' END, '申请人' || i, '申请公开' || (${words})[1 + i % 24] || '相关信息', 'electronic', 'email', d + 28,
           CASE WHEN i % 20 = 0 THEN NULL ELSE (ARRAY['disclosed', 'partlyDisclosed', 'notFound', 'notPublic.other'])[1 + i % 4] END,
           CASE WHEN i % 20 = 0 THEN NULL ELSE d + (i % 25) END, now(), now()
    FROM (SELECT i, 2018 + i % 6 AS y, make_date(2018 + i % 6, 1 + i % 12, 1 + i % 28) AS d FROM generate_series(1, ${requests}) i) s`);
  await step('analyze', sql`ANALYZE`);
  const count = async (t: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db)).rows[0]!.n);
  const sizes: Record<string, number> = {};
  for (const t of ['unit', 'list', 'task', 'assignment', 'progress_report', 'publication', 'search_document', 'disclosure_request']) sizes[t] = await count(t);
  return sizes;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  await fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(t.length / 2)]!, p99: t[Math.min(t.length - 1, Math.ceil(t.length * 0.99) - 1)]! };
}

async function measure(db: Db, runs: number, label: string): Promise<string[][]> {
  const office: Actor = { kind: 'user', userId: 1, username: 'bench', unitId: 1, role: 'office', via: 'session', mustChangePassword: false } as Actor;
  const lists = await db.selectFrom('list').select('id').where('state', '=', 'published').orderBy('id').execute();
  const busiest = await db.selectFrom('assignment').select(['unitId', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('unitId').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
  const staff: Actor = { kind: 'user', userId: 1, username: 'bench-unit', unitId: busiest.unitId, role: 'unitStaff', via: 'session', mustChangePassword: false } as Actor;
  const units = await db.selectFrom('unit').select('id').orderBy('id').execute();
  const rows: string[][] = [];
  const row = (what: string, r: { p50: number; p99: number }, aim: number) => rows.push([label, what, ms(r.p50), ms(r.p99), r.p99 < aim ? 'met' : 'NOT met']);
  const listId = lists[Math.floor(lists.length / 2)]!.id;
  row(`office overview of a list (${int((await db.selectFrom('assignment').innerJoin('task', 'task.id', 'assignment.taskId').select('assignment.id').where('task.listId', '=', listId).execute()).length)} assignments)`,
    await time(runs, () => listOverview(db, office, listId)), 200);
  row(`a unit's task list (${int(Number(busiest.n))} assignments, all lists)`, await time(runs, () => listWorkbenchAssignments(db, staff, {})), 200);
  row('search 政务公开', await time(runs, () => search(db, { q: '政务公开' })), 200);
  row('search 营商环境 + unit', await time(runs, () => search(db, { q: '营商环境', unitId: busiest.unitId })), 200);
  row('search 萤火虫 (no match)', await time(runs, () => search(db, { q: '萤火虫' })), 200);
  const t0 = performance.now();
  for (const u of units) {
    // the whole report as the workbench previews it: tables 二 (register), 三, 四, section 一 with the
    // responsibility list's completion
    await generateReport(db, { scope: 'unit', unitId: u.id, year: 2022, version: templateVersionForYear(2022)!, table2: {}, section5: '', section6: '' });
  }
  const all = (performance.now() - t0) / 1000;
  rows.push([label, `annual report 2022 generated for all ${int(units.length)} units`, `${all.toFixed(1)} s total`, `${ms((all * 1000) / units.length)} each`, all < 60 * (units.length / 1500) ? 'met' : 'NOT met']);
  const t1 = performance.now();
  for (const u of units) await requestStats(db, office, { from: '2022-01-01', to: '2022-12-31', unitId: u.id });
  const stats = (performance.now() - t1) / 1000;
  rows.push([label, `of which the request tables (三, 四) alone`, `${stats.toFixed(1)} s total`, `${ms((stats * 1000) / units.length)} each`, '']);
  return rows;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  heading(`A province on PostgreSQL (scale ${args.scale}) and the seed-sized installation on SQLite`);
  const results: string[][] = [];
  const opened = await openPg();
  if ('skipped' in opened) console.log(`  PostgreSQL skipped: ${opened.skipped}`);
  else {
    const name = await opened.pg.create('province');
    const { db } = createDb(opened.pg.urlOf(name), { poolSize: 4 });
    try {
      await migrateToLatest(db);
      console.log('  generating:');
      const t0 = performance.now();
      const sizes = await generate(db, args.scale);
      console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${Object.entries(sizes).map(([k, v]) => `${k} ${int(v)}`).join(', ')}`);
      results.push(...await measure(db, args.runs, 'PostgreSQL, province'));
    } finally {
      await db.destroy();
      await opened.pg.close();
    }
  }
  if (args.sqlite) {
    const file = path.join(os.tmpdir(), `gk-bench-province-${process.pid}.sqlite`);
    const { db } = createDb(file);
    try {
      await migrateToLatest(db);
      await ensureFirstStart(db, { demoData: true });
      results.push(...await measure(db, args.runs, 'SQLite, seed demo'));
    } finally {
      await db.destroy();
      removeSqlite(file);
    }
  }
  table([['engine, data', 'measurement', 'p50', 'p99', 'aim 200 ms / 1 min'], ...results]);
  console.log(`  rss of this process: ${int(process.memoryUsage().rss / 1024 / 1024)} MiB; peak ${int(process.resourceUsage().maxRSS / 1024)} MiB`);
}

await main();
