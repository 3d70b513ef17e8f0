/**
 * 督查 / 监督检查 → 整改 → 复核 → 销号: inspections (spot checks, website checks, third-party
 * evaluations, audits), their findings (one unit each, optionally a task or a publication, with a
 * severity, the requirement and the due date), and the units' rectification reports with their
 * evidence (links, the unit's own publications, uploaded files). Frozen in time: never import
 * application code.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

export async function up(db: Db): Promise<void> {
  const pg = isPostgres(db);
  const ts = pg ? 'timestamptz' : 'text';
  const date = pg ? 'date' : 'text';
  const blob = pg ? 'bytea' : 'blob';
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('inspection')
    .addColumn('id', 'integer', id)
    .addColumn('year', 'integer', (c) => c.notNull())
    // spotCheck | websiteCheck | thirdPartyEvaluation | audit
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('description', 'text')
    .addColumn('started_on', date)
    .addColumn('ended_on', date)
    // draft | open | closed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_on', date)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_year_idx').on('inspection').columns(['year', 'state']).execute();

  await db.schema
    .createTable('inspection_finding')
    .addColumn('id', 'integer', id)
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspection.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('task_id', 'integer', (c) => c.references('task.id').onDelete('set null'))
    .addColumn('publication_id', 'integer', (c) => c.references('publication.id').onDelete('set null'))
    // general | major | serious
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('due_on', date, (c) => c.notNull())
    // open | submitted | returned | closed | withdrawn
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('closed_on', date)
    .addColumn('office_note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_finding_inspection_idx').on('inspection_finding').column('inspection_id').execute();
  await db.schema.createIndex('inspection_finding_unit_idx').on('inspection_finding').columns(['unit_id', 'state']).execute();
  await db.schema.createIndex('inspection_finding_due_idx').on('inspection_finding').columns(['due_on', 'state']).execute();

  await db.schema
    .createTable('rectification_report')
    .addColumn('id', 'integer', id)
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('inspection_finding.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence_links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('evidence_publication_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    // submitted | accepted | returned
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer')
    .addColumn('submitted_at', ts, (c) => c.notNull())
    .addColumn('verified_by', 'integer')
    .addColumn('verified_at', ts)
    .addColumn('verification_note', 'text')
    .addUniqueConstraint('rectification_report_version_uq', ['finding_id', 'version'])
    .execute();

  await db.schema
    .createTable('rectification_attachment')
    .addColumn('id', 'integer', id)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('rectification_report.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rectification_attachment_report_idx').on('rectification_attachment').column('report_id').execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['rectification_attachment', 'rectification_report', 'inspection_finding', 'inspection']) {
    await db.schema.dropTable(t).execute();
  }
}
