/**
 * Figures for monitoring (/metrics): open disclosure requests and those past their reply date.
 */
import type { Db } from '../../db/create-db.ts';
import { OPEN_STATES } from './requests.states.ts';

export async function requestGauges(db: Db, today: string): Promise<{ open: number; overdue: number }> {
  const r = await db.selectFrom('disclosureRequest')
    .select((eb) => [
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(eb.case().when('dueOn', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .where('state', 'in', [...OPEN_STATES])
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), overdue: Number(r.overdue ?? 0) };
}
