/**
 * The audit trail: every change is recorded inside the same transaction as the change itself, so a
 * change without its record (or a record without its change) cannot be committed.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { now, parseJson } from '../../db/portable.ts';
import { actorLabel, isOfficeLike, type Actor } from '../../platform/actor.ts';
import { AuthenticationError, ForbiddenError } from '../../platform/errors.ts';
import * as repo from './audit.repository.ts';

export interface AuditEvent {
  /** verb_noun, e.g. publish_list, create_user */
  action: string;
  resourceType: string;
  resourceId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit record in the caller's transaction. */
export async function recordAudit(trx: Transaction<Database> | Kysely<Database>, actor: Actor, event: AuditEvent): Promise<void> {
  await repo.insert(trx, {
    at: now(),
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorLabel: actorLabel(actor),
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId === undefined || event.resourceId === null ? null : String(event.resourceId),
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
    ip: actor.kind === 'system' ? null : (actor.ip ?? null),
  });
}

/** Only the office reads the audit log. */
export function canReadAuditLog(actor: Actor): boolean {
  return isOfficeLike(actor);
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** Queries the audit log (office only). */
export async function listAuditLog(db: Kysely<Database>, actor: Actor, filter: repo.AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canReadAuditLog(actor)) throw new ForbiddenError('AUDIT_FORBIDDEN', '只有政务公开办可以查看审计日志');
  const { rows, total } = await repo.findMany(db, filter);
  return {
    total,
    items: rows.map((r) => ({ ...r, before: parseJson(r.before, null), after: parseJson(r.after, null) })),
  };
}
