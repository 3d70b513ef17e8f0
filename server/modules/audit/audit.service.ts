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
import { chainHash, ChainVerifier, GENESIS, type ChainedContent, type ChainProblem } from './audit.chain.ts';

export interface AuditEvent {
  /** verb_noun, e.g. publish_list, create_user */
  action: string;
  resourceType: string;
  resourceId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit record in the caller's transaction, chained to the record before it
 * (audit.chain.ts). Called outside a transaction, it opens one of its own for the link.
 */
export async function recordAudit(trx: Transaction<Database> | Kysely<Database>, actor: Actor, event: AuditEvent): Promise<void> {
  if (!trx.isTransaction) {
    await trx.transaction().execute((t) => recordAudit(t, actor, event));
    return;
  }
  const content: ChainedContent = {
    at: now(),
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorLabel: actorLabel(actor),
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId === undefined || event.resourceId === null ? null : String(event.resourceId),
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
    ip: actor.kind === 'system' ? null : (actor.ip ?? null),
  };
  await repo.lockChain(trx as Transaction<Database>);
  const prevHash = (await repo.lastHash(trx)) ?? GENESIS;
  await repo.insert(trx, { ...content, prevHash, hash: chainHash(prevHash, content) });
}

export interface ChainReport {
  /** records read */
  checked: number;
  /** records older than the chain (no hash), all before the first chained one */
  legacy: number;
  /** the newest chained record: keep it elsewhere to check later that nothing was cut off the end */
  head: { id: number; hash: string } | null;
  problems: ChainProblem[];
  /** the anchor given, and whether the chain still holds that record with that hash */
  anchor?: { id: number; hash: string; found: boolean };
}

/** Walks the whole audit chain (the operator's `gongkai audit verify`). */
export async function verifyAuditChain(db: Kysely<Database>, options: { anchor?: { id: number; hash: string }; batch?: number } = {}): Promise<ChainReport> {
  const v = new ChainVerifier();
  let anchorFound = false;
  let after = 0;
  for (;;) {
    const rows = await repo.chainBatch(db, after, options.batch ?? 5000);
    if (!rows.length) break;
    for (const r of rows) {
      v.add(r);
      if (options.anchor && r.id === options.anchor.id && r.hash === options.anchor.hash) anchorFound = true;
    }
    after = rows[rows.length - 1]!.id;
  }
  const report: ChainReport = { checked: v.checked, legacy: v.legacy, head: v.head, problems: v.problems };
  if (options.anchor) {
    report.anchor = { ...options.anchor, found: anchorFound };
    if (!anchorFound) {
      report.problems.push({ id: options.anchor.id, kind: 'linkBroken', message: `锚点（第 ${options.anchor.id} 条记录，哈希 ${options.anchor.hash.slice(0, 12)}…）不在链上：记录被删除或整条链被重写` });
    }
  }
  return report;
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
