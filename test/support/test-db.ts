/**
 * A fresh, migrated database for one test file: SQLite in memory, or a PostgreSQL database cloned
 * from the run's template.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from '../../server/db/create-db.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { pgAdminUrl, pgUrlFor, type TestDialect } from './dialects.ts';

export interface TestDb {
  db: Db;
  dialect: TestDialect;
  /** SQLite path or PostgreSQL URL, for spawning the CLI against the same database */
  url: string;
  destroy(): Promise<void>;
}

export async function createTestDb(dialect: TestDialect, options: { sqliteFile?: string } = {}): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const url = options.sqliteFile ?? ':memory:';
    const { db } = createDb(url);
    await migrateToLatest(db);
    return { db, dialect, url, destroy: () => db.destroy() };
  }
  const template = inject('pgTemplate');
  const prefix = inject('pgRunPrefix');
  if (!template || !prefix) throw new Error('PostgreSQL template missing: run with DB_DIALECTS including postgres');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = pgUrlFor(name);
  const { db } = createDb(url, { poolSize: 5 });
  return { db, dialect, url, destroy: () => db.destroy() };
}
