/**
 * Every migration runs up from empty, down, and up again, on each database; the schema then has
 * every table the Database interface names.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDialects } from './support/dialects.ts';
import { createTestDb } from './support/test-db.ts';
import { migrateDown, migrateToLatest } from '../server/db/migrate.ts';
import { migrations } from '../server/db/migrations/index.ts';

const TABLES = [
  'annual_report', 'api_token', 'appeal', 'assignment', 'audit_log', 'calendar_year', 'catalogue_node', 'cleanup_campaign', 'cleanup_item',
  'consultation', 'consultation_comment', 'decision_item', 'delivery', 'disclosure_request', 'evaluation_result', 'evaluation_snapshot', 'gazette_article', 'gazette_issue',
  'indicator', 'indicator_set', 'inspection', 'inspection_finding', 'interpretation', 'list', 'list_section', 'login_failure', 'manual_score', 'normative_document', 'normative_relation', 'notice', 'notification',
  'number_sequence', 'progress_report', 'progress_revision', 'publication', 'publication_attachment', 'publication_catalogue',
  'publication_evidence', 'rectification_attachment', 'rectification_report', 'reminder', 'reply_template', 'report_attachment', 'reporting_period', 'request_document',
  'request_event', 'search_document', 'session', 'setting', 'task', 'unit', 'unit_alias', 'unit_channel',
  'unit_group', 'unit_group_alias', 'unit_group_member', 'user',
];

describe.each(testDialects())('migrations on %s', (dialect) => {
  it('go up, all the way down, and up again', async () => {
    const tdb = await createTestDb(dialect);
    const { db } = tdb;
    const tables = async () => (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_') && !n.startsWith('search_fts')) // FTS5 (SQLite) is checked by the search tests.sort();
    try {
      expect(await tables()).toEqual(TABLES);
      const names = Object.keys(migrations);
      for (let i = names.length - 1; i >= 0; i--) expect(await migrateDown(db)).toEqual([names[i]]);
      expect(await tables()).toEqual([]);
      expect(await migrateToLatest(db)).toEqual(names);
      expect(await tables()).toEqual(TABLES);
      expect(await migrateToLatest(db)).toEqual([]);
      // foreign keys are enforced on both engines
      await expect(sql`INSERT INTO unit_alias (unit_id, alias) VALUES (999999, 'x')`.execute(db)).rejects.toThrow();
    } finally {
      await tdb.destroy();
    }
  });
});
