/**
 * Workbench schema: reporting periods, progress reports with attachments and reviews, reminders,
 * in-app notifications and their delivery outbox (e-mail, webhook), unit channels, settings.
 * Frozen in time: never import application code.
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

  await db.schema.alterTable('list').addColumn('reporting_cycle', 'text', (c) => c.notNull().defaultTo('quarterly')).execute();
  await db.schema.alterTable('task').addColumn('reporting_cycle', 'text').execute();
  await db.schema.alterTable('assignment').addColumn('final_state', 'text').execute();

  await db.schema
    .createTable('reporting_period')
    .addColumn('id', 'integer', id)
    .addColumn('list_id', 'integer', (c) => c.notNull().references('list.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.references('task.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('starts_on', date, (c) => c.notNull())
    .addColumn('ends_on', date, (c) => c.notNull())
    .addColumn('due_on', date, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reporting_period_list_idx').on('reporting_period').columns(['list_id', 'task_id']).execute();

  await db.schema
    .createTable('progress_report')
    .addColumn('id', 'integer', id)
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('reporting_period.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence_links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public_summary', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', ts, (c) => c.notNull())
    .addColumn('reviewed_by', 'integer')
    .addColumn('reviewed_at', ts)
    .addColumn('review_comment', 'text')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('progress_report_version_uq', ['assignment_id', 'period_id', 'version'])
    .execute();
  await db.schema.createIndex('progress_report_period_idx').on('progress_report').columns(['period_id', 'assignment_id']).execute();
  await db.schema.createIndex('progress_report_state_idx').on('progress_report').column('state').execute();

  await db.schema
    .createTable('report_attachment')
    .addColumn('id', 'integer', id)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('progress_report.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_attachment_report_idx').on('report_attachment').column('report_id').execute();

  await db.schema
    .createTable('reminder')
    .addColumn('id', 'integer', id)
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('list_id', 'integer', (c) => c.references('list.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.references('task.id').onDelete('cascade'))
    .addColumn('period_id', 'integer', (c) => c.references('reporting_period.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('reminder_id', 'integer', (c) => c.references('reminder.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await db.schema.createIndex('notification_unit_idx').on('notification').columns(['unit_id', 'created_at']).execute();

  await db.schema
    .createTable('delivery')
    .addColumn('id', 'integer', id)
    .addColumn('notification_id', 'integer', (c) => c.notNull().references('notification.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('locked_until', ts)
    .addColumn('locked_by', 'text')
    .addColumn('sent_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('delivery_notification_channel_uq', ['notification_id', 'channel'])
    .execute();
  await db.schema.createIndex('delivery_status_idx').on('delivery').columns(['status', 'locked_until']).execute();

  await db.schema
    .createTable('unit_channel')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('unit.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('email_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('webhook_url', 'text')
    .addColumn('webhook_secret', 'text')
    .addColumn('webhook_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['setting', 'unit_channel', 'delivery', 'notification', 'reminder', 'report_attachment', 'progress_report', 'reporting_period']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('assignment').dropColumn('final_state').execute();
  await db.schema.alterTable('task').dropColumn('reporting_cycle').execute();
  await db.schema.alterTable('list').dropColumn('reporting_cycle').execute();
}
