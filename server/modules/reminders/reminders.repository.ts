/**
 * Queries on reminders (催办).
 */
import type { Kysely, Transaction, Insertable } from 'kysely';
import type { Database, Reminder, ReminderTable } from '../../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Inserts a reminder unless one with the same dedupe key exists (whichever process tried first);
 * returns the new row, or undefined when it already existed.
 */
export async function insertReminderOnce(q: Q, row: Insertable<ReminderTable>): Promise<Reminder | undefined> {
  return q.insertInto('reminder').values(row).onConflict((oc) => oc.column('dedupeKey').doNothing()).returningAll().executeTakeFirst();
}

export async function findReminders(q: Q, f: { unitId?: number; listId?: number; limit: number }): Promise<Reminder[]> {
  let query = q.selectFrom('reminder').selectAll();
  if (f.unitId !== undefined) query = query.where('unitId', '=', f.unitId);
  if (f.listId !== undefined) query = query.where('listId', '=', f.listId);
  return query.orderBy('id', 'desc').limit(f.limit).execute();
}

export async function findPublishedListIds(q: Q): Promise<number[]> {
  return (await q.selectFrom('list').select('id').where('state', '=', 'published').execute()).map((r) => r.id);
}
