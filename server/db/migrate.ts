/**
 * Runs the migrations up (to latest) or down one step. Throws when a migration fails, so the
 * process and the `gongkai migrate` command exit non-zero.
 */
import { Migrator, type MigrationResult } from 'kysely';
import type { Db } from './create-db.ts';
import { migrations } from './migrations/index.ts';

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check(error: unknown, results: MigrationResult[] | undefined): MigrationResult[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return results ?? [];
}

/** Brings the schema to the latest migration; returns the names applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  return check(error, results).map((r) => r.migrationName);
}

/** Undoes the latest applied migration; returns its name. */
export async function migrateDown(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateDown();
  return check(error, results).map((r) => r.migrationName);
}
