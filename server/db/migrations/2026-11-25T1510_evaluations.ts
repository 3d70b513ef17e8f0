/**
 * 考核评价: yearly indicator sets (指标体系) with their indicator tree, the office's manual scores,
 * and the published results (a frozen snapshot per unit, so a published ranking never changes when
 * the data behind it changes later). Frozen in time: never import application code.
 */
import type { Kysely, ColumnDefinitionBuilder } from 'kysely';

type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

export async function up(db: Db): Promise<void> {
  const pg = isPostgres(db);
  const ts = pg ? 'timestamptz' : 'text';
  const real = pg ? 'double precision' : 'real';
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('indicator_set')
    .addColumn('id', 'integer', id)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // the points the whole tree must add up to (checked when scoring starts and on publication)
    .addColumn('total_points', real, (c) => c.notNull())
    // lists (units with assignments in the year's published lists) | units (the explicit list below)
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    // JSON: number[] — the scored units when scope_kind = units
    .addColumn('scope_unit_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    // draft | scoring | published
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('published_at', ts)
    .addColumn('published_by', 'integer')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_set_year_idx').on('indicator_set').columns(['year', 'state']).execute();

  // A node of the tree. A node with children is a group whose points are the sum of its children;
  // a leaf is computed (metric + params) or manual.
  await db.schema
    .createTable('indicator')
    .addColumn('id', 'integer', id)
    .addColumn('set_id', 'integer', (c) => c.notNull().references('indicator_set.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('indicator.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // the scoring rule as the office writes it (评分标准)
    .addColumn('description', 'text')
    .addColumn('max_points', real, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    // computed | manual (leaves)
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('metric', 'text')
    // JSON object: the metric's parameters (e.g. {"target": 2})
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_set_parent_idx').on('indicator').columns(['set_id', 'parent_id']).execute();

  await db.schema
    .createTable('manual_score')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('points', real, (c) => c.notNull())
    .addColumn('note', 'text')
    // JSON: string[] — links to the evidence
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('scored_by', 'integer')
    .addColumn('scored_at', ts, (c) => c.notNull())
    .addUniqueConstraint('manual_score_indicator_unit_uq', ['indicator_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('manual_score_unit_idx').on('manual_score').column('unit_id').execute();

  // The published results: one frozen row per scored unit (no foreign key to unit: a snapshot).
  await db.schema
    .createTable('evaluation_result')
    .addColumn('set_id', 'integer', (c) => c.notNull().references('indicator_set.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('total', real, (c) => c.notNull())
    // JSON: the unit's breakdown (points per indicator with the explanation lines)
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_result_pk', ['set_id', 'unit_id'])
    .execute();
  // JSON of the indicator tree as published (names, max points) for the public page and exports
  await db.schema
    .createTable('evaluation_snapshot')
    .addColumn('set_id', 'integer', (c) => c.primaryKey().references('indicator_set.id').onDelete('cascade'))
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('computed_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['evaluation_snapshot', 'evaluation_result', 'manual_score', 'indicator', 'indicator_set']) {
    await db.schema.dropTable(t).execute();
  }
}
