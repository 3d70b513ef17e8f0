/**
 * Login hardening: consecutive failed logins per username (known or not, so the backoff does not
 * tell which accounts exist) with the time until which that username is refused; and each
 * session's last activity, for the idle timeout. Frozen in time: never import application code.
 */
import type { Kysely } from 'kysely';

type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

export async function up(db: Db): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';
  await db.schema
    .createTable('login_failure')
    .addColumn('username_key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', ts, (c) => c.notNull())
    .addColumn('blocked_until', ts)
    .execute();
  await db.schema.alterTable('session').addColumn('last_seen_at', ts).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('session').dropColumn('last_seen_at').execute();
  await db.schema.dropTable('login_failure').execute();
}
