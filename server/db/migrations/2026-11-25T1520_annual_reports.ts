/**
 * 政府信息公开工作年度报告 made on the platform: one report per scope (a unit, or a government that
 * aggregates its units), unit and year; the template version fixed when it is created; the rows of
 * table 二 the unit enters (行政许可, 行政处罚 …), sections 五 and 六; the generated data frozen at
 * publication so a published report never changes. Frozen in time: never import application code.
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
    .createTable('annual_report')
    .addColumn('id', 'integer', id)
    // unit (本单位) | government (本级人民政府: the unit and the units it aggregates)
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // v2019 | v2021, fixed at creation from the year
    .addColumn('template', 'text', (c) => c.notNull())
    // draft | published
    .addColumn('state', 'text', (c) => c.notNull())
    // JSON: table 二 rows entered by the unit, row label → cells
    .addColumn('table2', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('section5', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('section6', 'text', (c) => c.notNull().defaultTo(''))
    // JSON: the generated report at publication (tables, summary, record ids)
    .addColumn('snapshot', 'text')
    .addColumn('published_on', date)
    .addColumn('published_at', ts)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('annual_report_scope_unit_year_uq', ['scope', 'unit_id', 'year'])
    .execute();
  await db.schema.createIndex('annual_report_year_idx').on('annual_report').columns(['year', 'state']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('annual_report').execute();
}
