/**
 * A revision counter per list for everything the progress views show (reports, reviews, public
 * summaries, final states, periods): caches of the matrix and the public pages compare it instead of
 * scanning the reports. Frozen in time: never import application code.
 */
import type { Kysely } from 'kysely';

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
  await db.schema
    .createTable('progress_revision')
    .addColumn('list_id', 'integer', (c) => c.primaryKey().references('list.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('progress_report_assignment_idx').on('progress_report').columns(['assignment_id', 'period_id', 'version']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('progress_report_assignment_idx').execute();
  await db.schema.dropTable('progress_revision').execute();
}
