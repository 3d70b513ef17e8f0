/**
 * 主动公开: the disclosure platform — catalogue trees, publications (with attachments, catalogue
 * filing and evidence links to assignments), normative documents (registration, validity, amend /
 * repeal relations, cleanup campaigns), the gazette, policy interpretations, the decision catalogue,
 * consultations with comments, number sequences, and the search index (FTS5 on SQLite, tsvector on
 * PostgreSQL). Frozen in time: never import application code.
 */
import { sql, type Kysely, type ColumnDefinitionBuilder } from 'kysely';

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

  // Counters for 索引号, registration numbers, gazette numbers: one row per scope (e.g. "index:12:2020").
  await db.schema
    .createTable('number_sequence')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  // 主动公开目录: unit_id null = the government's own tree; kind basic (基本目录) | standard (基层政务公开标准目录)
  await db.schema
    .createTable('catalogue_node')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('catalogue_node.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('pilot_area', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalogue_node_parent_idx').on('catalogue_node').columns(['unit_id', 'parent_id']).execute();

  await db.schema
    .createTable('publication')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    // guide (指南) | rules (制度) | statutory (法定主动公开内容) | annualReport (年报)
    .addColumn('platform_column', 'text', (c) => c.notNull())
    // general | normative (行政规范性文件, registered in normative_document) | policy (other policy documents)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('index_number', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('topic', 'text')
    .addColumn('written_on', date)
    .addColumn('made_on', date)
    .addColumn('publish_due_on', date)
    .addColumn('published_on', date)
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    // draft | inReview | published | withdrawn
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'integer', (c) => c.references('user.id'))
    .addColumn('review_note', 'text')
    .addColumn('reviewed_at', ts)
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_at', ts)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publication_unit_idx').on('publication').columns(['unit_id', 'state']).execute();
  await db.schema.createIndex('publication_state_idx').on('publication').columns(['state', 'published_on']).execute();
  await db.schema.createIndex('publication_doc_number_idx').on('publication').column('doc_number').execute();

  await db.schema
    .createTable('publication_attachment')
    .addColumn('id', 'integer', id)
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publication.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('extracted_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publication_attachment_pub_idx').on('publication_attachment').column('publication_id').execute();

  await db.schema
    .createTable('publication_catalogue')
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publication.id').onDelete('cascade'))
    .addColumn('node_id', 'integer', (c) => c.notNull().references('catalogue_node.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('publication_catalogue_pk', ['publication_id', 'node_id'])
    .execute();
  await db.schema.createIndex('publication_catalogue_node_idx').on('publication_catalogue').column('node_id').execute();

  // A publication tagged as evidence for a task assignment
  await db.schema
    .createTable('publication_evidence')
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publication.id').onDelete('cascade'))
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_evidence_pk', ['publication_id', 'assignment_id'])
    .execute();
  await db.schema.createIndex('publication_evidence_assignment_idx').on('publication_evidence').column('assignment_id').execute();

  // 行政规范性文件: the registration of a publication of kind normative (三统一)
  await db.schema
    .createTable('normative_document')
    .addColumn('publication_id', 'integer', (c) => c.primaryKey().references('publication.id').onDelete('cascade'))
    .addColumn('reg_number', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    // valid | expired | repealed | amended
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('effective_on', date)
    .addColumn('valid_until', date)
    .addColumn('validity_changed_on', date)
    .addColumn('validity_note', 'text')
    .addColumn('expiry_alerted_at', ts)
    .addColumn('registered_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('normative_document_unit_idx').on('normative_document').columns(['unit_id', 'validity']).execute();

  // from_id amends / repeals to_id
  await db.schema
    .createTable('normative_relation')
    .addColumn('from_id', 'integer', (c) => c.notNull().references('normative_document.publication_id').onDelete('cascade'))
    .addColumn('to_id', 'integer', (c) => c.notNull().references('normative_document.publication_id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('normative_relation_pk', ['from_id', 'to_id'])
    .execute();

  await db.schema
    .createTable('cleanup_campaign')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // open | closed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_on', date)
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('closed_at', ts)
    .addColumn('valid_list_published_at', ts)
    .addColumn('created_by', 'integer')
    .execute();

  await db.schema
    .createTable('cleanup_item')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('cleanup_campaign.id').onDelete('cascade'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('normative_document.publication_id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    // null until confirmed; keep | amend | repeal | expire
    .addColumn('decision', 'text')
    .addColumn('note', 'text')
    .addColumn('confirmed_by', 'integer')
    .addColumn('confirmed_at', ts)
    .addPrimaryKeyConstraint('cleanup_item_pk', ['campaign_id', 'document_id'])
    .execute();
  await db.schema.createIndex('cleanup_item_unit_idx').on('cleanup_item').columns(['campaign_id', 'unit_id']).execute();

  await db.schema
    .createTable('gazette_issue')
    .addColumn('id', 'integer', id)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('total_number', 'integer')
    .addColumn('published_on', date)
    // draft | published
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('gazette_issue_year_number_uq', ['year', 'number'])
    .execute();

  await db.schema
    .createTable('gazette_article')
    .addColumn('id', 'integer', id)
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('gazette_issue.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('publication_id', 'integer', (c) => c.references('publication.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    // 栏目 / 主题: e.g. 市政府文件, 市政府办公室文件, 部门文件, 人事任免
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gazette_article_issue_idx').on('gazette_article').columns(['issue_id', 'seq']).execute();
  await db.schema.createIndex('gazette_article_doc_number_idx').on('gazette_article').column('doc_number').execute();

  await db.schema
    .createTable('interpretation')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publication.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // text (文字) | graphic (图解) | qa (问答) | media (音视频)
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('media_url', 'text')
    .addColumn('interpreter_name', 'text', (c) => c.notNull())
    .addColumn('interpreter_title', 'text')
    .addColumn('by_unit_head', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_on', date)
    // draft | published | withdrawn
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interpretation_publication_idx').on('interpretation').column('publication_id').execute();
  await db.schema.createIndex('interpretation_unit_idx').on('interpretation').columns(['unit_id', 'published_on']).execute();

  // 重大行政决策事项目录
  await db.schema
    .createTable('decision_item')
    .addColumn('id', 'integer', id)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('planned_by', 'text')
    // consultation (征求意见) | deliberation (审议) | publication (公布) | implementation (执行) | evaluation (评估)
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('decision_item_year_seq_uq', ['year', 'seq'])
    .execute();

  await db.schema
    .createTable('consultation')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('decision_item_id', 'integer', (c) => c.references('decision_item.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('draft_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('draft_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('explanation', 'text')
    .addColumn('opens_on', date, (c) => c.notNull())
    .addColumn('closes_on', date, (c) => c.notNull())
    // draft | open | closed | reported
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('feedback_html', 'text')
    .addColumn('feedback_published_at', ts)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consultation_comment')
    .addColumn('id', 'integer', id)
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('author_name', 'text')
    .addColumn('contact', 'text')
    .addColumn('body_text', 'text', (c) => c.notNull())
    // pending | approved | rejected
    .addColumn('moderation', 'text', (c) => c.notNull())
    .addColumn('moderation_note', 'text')
    // adopted (采纳) | partlyAdopted (部分采纳) | notAdopted (不采纳)
    .addColumn('disposition', 'text')
    .addColumn('disposition_reason', 'text')
    .addColumn('disposed_by', 'integer')
    .addColumn('disposed_at', ts)
    .addColumn('client_hash', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_comment_idx').on('consultation_comment').columns(['consultation_id', 'moderation']).execute();

  // The search index: one row per searchable record, whatever module owns it.
  await db.schema
    .createTable('search_document')
    .addColumn('id', 'integer', id)
    // publication | normative | gazette | interpretation
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer')
    .addColumn('year', 'integer')
    .addColumn('validity', 'text')
    .addColumn('doc_number', 'text')
    // normalised 文号 for exact lookup (brackets and spaces unified)
    .addColumn('doc_number_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('published_on', date)
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('search_document_ref_uq', ['kind', 'ref_id'])
    .execute();
  await db.schema.createIndex('search_document_doc_number_idx').on('search_document').column('doc_number_key').execute();

  // The engine's index over the pre-segmented title and text (tokens separated by spaces) and the
  // filter tags (kind, unit, year, validity, catalogue nodes with their ancestors): which documents
  // hold which words, nothing more — relevance is computed from the stored text
  // (docs/adr/0008-chinese-search.md).
  if (pg) {
    // lexemes without positions (strip): small rows; tags as `unit12@filter.gk`
    await sql`alter table search_document add column tsv tsvector not null default ''::tsvector`.execute(db);
    await sql`create index search_document_tsv_idx on search_document using gin (tsv)`.execute(db);
  } else {
    // contentless FTS5, rowid = search_document.id, rowids only (detail=none); '.' stays inside a
    // token (pm2.5, 5.2), '@' marks the tags (@unit12), which no segmented text contains
    await sql`create virtual table search_fts using fts5(tokens, content='', contentless_delete=1, detail=none, tokenize="unicode61 remove_diacritics 0 tokenchars '.@'")`.execute(db);
  }
}

export async function down(db: Db): Promise<void> {
  const pg = isPostgres(db);
  if (!pg) await sql`drop table if exists search_fts`.execute(db);
  for (const t of [
    'search_document', 'consultation_comment', 'consultation', 'decision_item', 'interpretation', 'gazette_article', 'gazette_issue',
    'cleanup_item', 'cleanup_campaign', 'normative_relation', 'normative_document', 'publication_evidence', 'publication_catalogue',
    'publication_attachment', 'publication', 'catalogue_node', 'number_sequence',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
