/**
 * Queries on the append-only audit log.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, AuditLog } from '../../db/database.ts';
import { isPostgres } from '../../db/portable.ts';
import type { ChainRow } from './audit.chain.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** An arbitrary constant naming the audit chain's advisory lock on PostgreSQL. */
const CHAIN_LOCK = 7_410_362;

export interface AuditInsert {
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  resourceType?: string;
  resourceId?: string;
  actorUserId?: number;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * Holds the chain until the transaction ends, so concurrent writers on PostgreSQL append one after
 * another instead of forking the chain (SQLite serialises write transactions by itself).
 */
export async function lockChain(trx: Transaction<Database>): Promise<void> {
  if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
}

/** The newest record's hash (null when there is none, or it predates the chain). */
export async function lastHash(q: Q): Promise<string | null> {
  const r = await q.selectFrom('auditLog').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r?.hash ?? null;
}

/** Records after `afterId` in id order, for walking the chain in batches. */
export async function chainBatch(q: Q, afterId: number, limit: number): Promise<ChainRow[]> {
  return q.selectFrom('auditLog')
    .select(['id', 'at', 'actorUserId', 'actorLabel', 'action', 'resourceType', 'resourceId', 'before', 'after', 'ip', 'prevHash', 'hash'])
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Appends one record. */
export async function insert(q: Q, row: AuditInsert): Promise<void> {
  await q.insertInto('auditLog').values(row).execute();
}

/** Records matching the filter, newest first, and the total count. */
export async function findMany(q: Q, f: AuditFilter): Promise<{ rows: AuditLog[]; total: number }> {
  let query = q.selectFrom('auditLog');
  if (f.resourceType) query = query.where('resourceType', '=', f.resourceType);
  if (f.resourceId) query = query.where('resourceId', '=', f.resourceId);
  if (f.actorUserId !== undefined) query = query.where('actorUserId', '=', f.actorUserId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.from) query = query.where('at', '>=', f.from);
  if (f.to) query = query.where('at', '<', f.to);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
