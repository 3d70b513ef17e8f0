/**
 * 整改按期完成 from the inspections module: per unit, the rectifications due in the year, those
 * closed (销号) on time, and the findings behind them.
 */
import type { Db } from '../../db/create-db.ts';
import { rectificationTimeliness, type RectificationTimeliness } from '../inspections/index.ts';

/** Per unit: rectifications due in the year and closed on time (inspections' `rectificationTimeliness`). */
export async function rectificationsByUnit(db: Db, year: number): Promise<Map<number, RectificationTimeliness>> {
  return rectificationTimeliness(db, { year });
}
