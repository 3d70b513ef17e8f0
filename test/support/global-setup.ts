/**
 * Once per test run: when PostgreSQL is in DB_DIALECTS, create a template database for this run
 * with every migration applied; each test file then clones it into a fresh database of its own.
 * At the end every database of the run is dropped. A PostgreSQL that does not answer fails the run.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../server/db/create-db.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { pgAdminUrl, pgUrlFor, testDialects } from './dialects.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | null;
    pgRunPrefix: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (!testDialects().includes('postgres')) {
    project.provide('pgTemplate', null);
    project.provide('pgRunPrefix', null);
    return;
  }
  const prefix = `gk_test_${Date.now().toString(36)}_${process.pid}`;
  const template = `${prefix}_tmpl`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL suite requested (DB_DIALECTS) but ${pgAdminUrl()} does not answer: ${(e as Error).message}`);
  }
  await admin.query(`CREATE DATABASE "${template}"`);
  const { db } = createDb(pgUrlFor(template), { poolSize: 1 });
  await migrateToLatest(db);
  await db.destroy();
  project.provide('pgTemplate', template);
  project.provide('pgRunPrefix', prefix);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.end();
  };
}
