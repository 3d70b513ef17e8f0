/**
 * The search index keeps each document's catalogue nodes (ids separated by spaces) beside its text,
 * so the engine's index can be rebuilt from the table alone: after `gongkai migrate-to` moves an
 * installation to PostgreSQL, or after the segmentation dictionary changes (`gongkai search rebuild`).
 * Frozen in time: never import application code.
 */
import type { Kysely } from 'kysely';

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('search_document').addColumn('node_ids', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('search_document').dropColumn('node_ids').execute();
}
