/**
 * Helpers shared by the benchmarks (bench/run.ts, bench/search.ts): figures, printing, temporary
 * SQLite files, and PostgreSQL scratch databases on the local server.
 */
import fs from 'node:fs';
import pg from 'pg';

export const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function intEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${raw}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

export interface Stats { n: number; min: number; median: number; p95: number; max: number }

export function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  return { n, min: s[0]!, median, p95: s[Math.max(0, Math.ceil(0.95 * n) - 1)]!, max: s[n - 1]! };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
export const int = (v: number) => Math.round(v).toLocaleString('en-US');
export const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
export const metMark = (met: boolean) => (met ? 'met' : 'NOT met');

export function heading(title: string): void {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 90 - title.length))}`);
}

export function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) => `  ${r.map((cell, c) => cell + ' '.repeat(widths[c]! - [...cell].length)).join('  │  ')}`;
  console.log(line(rows[0]!));
  console.log(`  ${widths.map((w) => '─'.repeat(w)).join('──┼──')}`);
  for (const r of rows.slice(1)) console.log(line(r));
}

export function removeSqlite(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL scratch databases

export class PgScratch {
  readonly prefix = `gk_bench_${Date.now()}`;
  private readonly created = new Set<string>();
  private constructor(readonly adminUrl: string, private readonly admin: pg.Client) {}

  static async connect(adminUrl: string): Promise<PgScratch> {
    const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    admin.on('error', (error) => console.error(`  PostgreSQL admin connection: ${error.message}`));
    try {
      await admin.connect();
      await admin.query('SELECT 1');
    } catch (error) {
      await admin.end().catch(() => {});
      throw error;
    }
    return new PgScratch(adminUrl, admin);
  }

  urlOf(name: string): string {
    const u = new URL(this.adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  }

  async create(suffix: string, template?: string): Promise<string> {
    const name = `${this.prefix}_${suffix}`;
    await this.admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    this.created.add(name);
    return name;
  }

  /**
   * Drops a scratch database. A pool's end() resolves before its connections have gone, so the
   * drop is retried while the database is still in use (55006) rather than forced: forcing would
   * make the closing connection report an error to a pool that no longer listens, and crash.
   */
  async drop(name: string, options: { force?: boolean } = {}): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.admin.query(`DROP DATABASE IF EXISTS "${name}"${options.force ? ' WITH (FORCE)' : ''}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    this.created.delete(name);
  }

  async close(): Promise<void> {
    for (const name of [...this.created]) {
      await this.drop(name)
        .catch(() => this.drop(name, { force: true })) // a server child killed mid-run may still hold connections
        .catch((e: unknown) => console.error(`  could not drop ${name}: ${String(e)}`));
    }
    await this.admin.end().catch(() => {});
  }
}

export const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Which PostgreSQL server to use, or why none is used. */
export async function openPg(): Promise<{ pg: PgScratch } | { skipped: string }> {
  if (process.env.BENCH_PG === '0') return { skipped: 'BENCH_PG=0' };
  const fromDatabaseUrl = /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined;
  const explicit = process.env.PG_ADMIN_URL || fromDatabaseUrl;
  const requested = process.env.BENCH_PG === '1' || Boolean(explicit);
  const adminUrl = explicit ?? DEFAULT_PG_ADMIN_URL;
  let host: string;
  try {
    host = new URL(adminUrl).hostname;
  } catch {
    return { skipped: 'the PostgreSQL URL is not a valid URL' };
  }
  if (!LOCAL_HOSTS.has(host)) return { skipped: `${host} is not 127.0.0.1: this benchmark only runs against the local machine` };
  try {
    return { pg: await PgScratch.connect(adminUrl) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { skipped: `${requested ? 'requested, but ' : ''}no answer from ${redact(adminUrl)} (${why})` };
  }
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
