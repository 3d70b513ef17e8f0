/**
 * Builds the Kysely instance for the configured engine. The dialect is chosen here and only here:
 * SQLite (better-sqlite3, the embedded default) or PostgreSQL (`pg`, for scale).
 */
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';
import { dialectOf } from '../config/config.ts';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

/** pg type OIDs whose default JS conversion we replace so both engines return the same shapes. */
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_DATE) return (v: string) => v; // keep YYYY-MM-DD, no time zone shift
    if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP) return (v: string) => new Date(v).toISOString();
    if (oid === PG_INT8) return (v: string) => Number(v); // count(*) and sums: numbers, as on SQLite
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** Opens the database named by `databaseUrl` (a postgres:// URL, a SQLite file path, or `:memory:`). */
export function createDb(databaseUrl: string, options: { poolSize?: number } = {}): { db: Db; dialect: DialectName } {
  const plugins = [new CamelCasePlugin()];
  if (dialectOf(databaseUrl) === 'postgres') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10, types: pgTypes });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins }), dialect: 'postgres' };
  }
  if (databaseUrl !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(databaseUrl)), { recursive: true });
  const sqlite = new SQLite(databaseUrl);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins }), dialect: 'sqlite' };
}
