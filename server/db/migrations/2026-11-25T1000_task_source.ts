/**
 * Task source: the text each task was read from, as written in the notice (a table row's cells
 * joined with " | ", or a prose paragraph), for the office's review of an import.
 * Frozen in time: this file must never import application code (Kysely migration guidance).
 */
import type { Kysely } from 'kysely';

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('task').addColumn('source_text', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('task').dropColumn('source_text').execute();
}
