/**
 * Disclosure requests (依申请公开): the case, its event log (the clock is computed from it), the
 * documents provided, appeals, editable reply-letter templates, the working-day calendar years the
 * office loads. Frozen in time: never import application code.
 */
import type { Kysely, ColumnDefinitionBuilder } from 'kysely';

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
    .createTable('disclosure_request')
    .addColumn('id', 'integer', id)
    .addColumn('reg_number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('handling_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('arrived_on', date, (c) => c.notNull())
    .addColumn('receipt_confirmed_on', date)
    .addColumn('received_on', date)
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text')
    .addColumn('id_number', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('form_wanted', 'text', (c) => c.notNull())
    .addColumn('delivery_wanted', 'text', (c) => c.notNull())
    .addColumn('duplicate_of', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('due_on', date)
    .addColumn('outcome', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('replied_on', date)
    .addColumn('reply_method', 'text')
    .addColumn('archived_at', ts)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('disclosure_request_year_seq_uq', ['year', 'seq'])
    .execute();
  await db.schema.createIndex('disclosure_request_unit_idx').on('disclosure_request').columns(['handling_unit_id', 'state']).execute();
  await db.schema.createIndex('disclosure_request_received_idx').on('disclosure_request').column('received_on').execute();

  await db.schema
    .createTable('request_event')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('disclosure_request.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('on_date', date, (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('actor_user_id', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_event_request_idx').on('request_event').column('request_id').execute();

  await db.schema
    .createTable('request_document')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('disclosure_request.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appeal')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('disclosure_request.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('after_reconsideration', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('filed_on', date, (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('decided_on', date)
    .addColumn('note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reply_template')
    .addColumn('letter', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['calendar_year', 'reply_template', 'appeal', 'request_document', 'request_event', 'disclosure_request']) {
    await db.schema.dropTable(t).execute();
  }
}
