/**
 * The installation's settings store (table `setting`: a JSON value per key), shared by the modules
 * whose rules the office configures (reminders, disclosure requests). The only code that queries it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** The stored JSON text of a setting, or undefined. */
export async function findSetting(q: Q, key: string): Promise<string | undefined> {
  return (await q.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Stores a setting's JSON text. */
export async function upsertSetting(q: Q, key: string, value: string, at: string): Promise<void> {
  await q.insertInto('setting').values({ key, value, updatedAt: at }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: at })).execute();
}
