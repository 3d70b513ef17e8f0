/**
 * Which database engines the suite runs against: SQLite always; PostgreSQL too when DB_DIALECTS
 * names it (`.ci/run` sets DB_DIALECTS=sqlite,postgres). PG_ADMIN_URL points at a server where
 * the run may create databases (default: the local server's `postgres` database).
 */
export type TestDialect = 'sqlite' | 'postgres';

export function testDialects(): TestDialect[] {
  const raw = (process.env.DB_DIALECTS ?? 'sqlite').split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of raw) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`DB_DIALECTS: unknown dialect ${d}`);
  return raw as TestDialect[];
}

export function pgAdminUrl(): string {
  return process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The URL of a database on the admin server. */
export function pgUrlFor(database: string): string {
  const u = new URL(pgAdminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}
