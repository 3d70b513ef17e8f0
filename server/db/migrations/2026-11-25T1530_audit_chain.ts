/**
 * The audit log becomes a hash chain: each record stores the hash of the record before it and its
 * own hash over its content and that link (modules/audit/audit.chain.ts). Records written before
 * this migration keep null hashes; `gongkai audit verify` accepts them only as the chain's prefix.
 */
import type { Kysely } from 'kysely';

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('hash').execute();
  await db.schema.alterTable('audit_log').dropColumn('prev_hash').execute();
}
