/**
 * Queries on the append-only audit log.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, AuditLog } from '../../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;

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
