/**
 * Queries on in-app notifications, their delivery outbox, and units' notification channels.
 */
import type { Kysely, Transaction, Insertable } from 'kysely';
import type { Database, Delivery, Notification, NotificationTable, UnitChannel } from '../../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;

export async function insertNotification(q: Q, row: Insertable<NotificationTable>): Promise<Notification> {
  return q.insertInto('notification').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findNotifications(q: Q, unitId: number, limit: number): Promise<Notification[]> {
  return q.selectFrom('notification').selectAll().where('unitId', '=', unitId).orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(q: Q, unitId: number): Promise<number> {
  const r = await q.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('unitId', '=', unitId).where('readAt', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markRead(q: Q, id: number, unitId: number, at: string): Promise<boolean> {
  const r = await q.updateTable('notification').set({ readAt: at }).where('id', '=', id).where('unitId', '=', unitId).where('readAt', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findNotificationById(q: Q, id: number): Promise<Notification | undefined> {
  return q.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findChannel(q: Q, unitId: number): Promise<UnitChannel | undefined> {
  return q.selectFrom('unitChannel').selectAll().where('unitId', '=', unitId).executeTakeFirst();
}

export async function upsertChannel(q: Q, row: UnitChannel): Promise<void> {
  await q.insertInto('unitChannel').values(row)
    .onConflict((oc) => oc.column('unitId').doUpdateSet({
      email: row.email, emailEnabled: row.emailEnabled, webhookUrl: row.webhookUrl, webhookSecret: row.webhookSecret,
      webhookEnabled: row.webhookEnabled, updatedAt: row.updatedAt,
    }))
    .execute();
}

export async function insertDelivery(q: Q, row: { notificationId: number; channel: string; target: string; createdAt: string }): Promise<void> {
  await q.insertInto('delivery').values({ ...row, status: 'pending' }).onConflict((oc) => oc.columns(['notificationId', 'channel']).doNothing()).execute();
}

/** Ids of deliveries that are pending and not locked by a live claim. */
export async function findClaimable(q: Q, nowIso: string, limit: number): Promise<number[]> {
  const rows = await q.selectFrom('delivery').select('id').where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', nowIso)]))
    .orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/**
 * Claims one delivery for a worker: a conditional update that only one process can win, on SQLite
 * and PostgreSQL alike (the row is locked by the UPDATE for the duration of the statement).
 */
export async function claim(q: Q, id: number, worker: string, nowIso: string, untilIso: string): Promise<boolean> {
  const r = await q.updateTable('delivery').set({ lockedBy: worker, lockedUntil: untilIso }).where('id', '=', id).where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', nowIso)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findDelivery(q: Q, id: number): Promise<(Delivery & { title: string; body: string; link: string | null }) | undefined> {
  return q.selectFrom('delivery').innerJoin('notification', 'notification.id', 'delivery.notificationId')
    .selectAll('delivery').select(['notification.title', 'notification.body', 'notification.link'])
    .where('delivery.id', '=', id).executeTakeFirst();
}

export async function finishDelivery(q: Q, id: number, worker: string, patch: Partial<Pick<Delivery, 'status' | 'sentAt' | 'lastError' | 'lockedUntil' | 'attempts'>>): Promise<void> {
  await q.updateTable('delivery').set(patch).where('id', '=', id).where('lockedBy', '=', worker).execute();
}

/** Deliveries per status (pending, sent, failed): the outbox's queue, for monitoring. */
export async function deliveryCounts(q: Q): Promise<Record<string, number>> {
  const rows = await q.selectFrom('delivery').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
