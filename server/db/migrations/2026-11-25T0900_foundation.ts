/**
 * Foundation schema: unit directory, notices, lists, tasks, assignments, accounts, audit log.
 * Frozen in time: this file must never import application code (Kysely migration guidance).
 *
 * Conventions (docs/adr/0002-portable-schema.md): integer ids; timestamps timestamptz on PostgreSQL
 * and ISO-8601 text on SQLite; dates `date`/text YYYY-MM-DD; flags integer 0/1; JSON as text.
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
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('unit')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('placeholder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('unit_alias')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('unit_alias_unit_idx').on('unit_alias').column('unit_id').execute();

  await db.schema
    .createTable('unit_group')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('unit_group_alias')
    .addColumn('id', 'integer', id)
    .addColumn('group_id', 'integer', (c) => c.notNull().references('unit_group.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('unit_group_member')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('unit_group.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('unit_group_member_pk', ['group_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('notice')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text')
    .addColumn('doc_number', 'text')
    .addColumn('issuer', 'text')
    .addColumn('issued_on', date)
    .addColumn('year', 'integer')
    .addColumn('source_file_name', 'text')
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('list')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notice_id', 'integer', (c) => c.references('notice.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('annex_group_id', 'integer', (c) => c.references('unit_group.id'))
    .addColumn('import_warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'integer')
    .addColumn('published_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('list_section')
    .addColumn('id', 'integer', id)
    .addColumn('list_id', 'integer', (c) => c.notNull().references('list.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('list_section.id').onDelete('cascade'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('numeral', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('list_section_list_idx').on('list_section').column('list_id').execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'integer', id)
    .addColumn('list_id', 'integer', (c) => c.notNull().references('list.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.references('list_section.id').onDelete('set null'))
    .addColumn('subsection_id', 'integer', (c) => c.references('list_section.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lead_units', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('responsible_units', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('each_leads', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_date', date)
    .addColumn('deadline_text', 'text')
    .addColumn('recurrence', 'text')
    .addColumn('target', 'text')
    .addColumn('source_line', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('task_list_seq_uq', ['list_id', 'seq'])
    .execute();

  await db.schema
    .createTable('assignment')
    .addColumn('id', 'integer', id)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('assignment_task_unit_role_uq', ['task_id', 'unit_id', 'role'])
    .execute();
  await db.schema.createIndex('assignment_unit_idx').on('assignment').column('unit_id').execute();

  await db.schema
    .createTable('user')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('last_used_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_resource_idx').on('audit_log').columns(['resource_type', 'resource_id']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of [
    'audit_log', 'api_token', 'session', 'user', 'assignment', 'task', 'list_section', 'list', 'notice',
    'unit_group_member', 'unit_group_alias', 'unit_group', 'unit_alias', 'unit',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
