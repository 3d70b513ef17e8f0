/**
 * Working days on the official calendar (国务院办公厅 holiday notices): Monday–Friday, minus the
 * days off, plus the weekend days made working days (调休). Data from the `chinese-days` package,
 * which matches the State Council notices for 2019–2026 (shared/reference/holiday-calendar.md).
 * A date in a year without calendar data is an error, never a silent weekdays-only count.
 */
import chineseDays from 'chinese-days';
import { AppError } from '../platform/errors.ts';

/** Years whose official holiday notice is in the data. */
export const CALENDAR_YEARS: readonly number[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

function assertCovered(date: string): void {
  const year = Number(date.slice(0, 4));
  // The 2019 notice reaches back to 2018-12-29..31 (元旦 and its 调休).
  if (!CALENDAR_YEARS.includes(year) && !(year === CALENDAR_YEARS[0]! - 1 && date >= `${year}-12-29`)) {
    throw new AppError('CALENDAR_YEAR_MISSING', `没有${year}年的法定节假日数据：请先导入国务院办公厅当年的节假日安排`, 422);
  }
}

/** YYYY-MM-DD of a UTC date. */
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Whether a date (YYYY-MM-DD) is a working day. */
export function isWorkingDay(date: string): boolean {
  assertCovered(date);
  return chineseDays.isWorkday(date);
}

/** The date `n` working days before `date` (n ≥ 1); `date` itself is not counted. */
export function workingDaysBefore(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = shift(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Today's date in China (Asia/Shanghai), whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
