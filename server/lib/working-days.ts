/**
 * Working days on the official calendar (国务院办公厅 holiday notices): Monday–Friday, minus the
 * days off, plus the weekend days made working days (调休). The calendar itself is
 * calendar/working-day-calendar.ts (built-in 2019–2026 from the `chinese-days` package, which matches
 * the State Council notices; plus the years the office loads). This module answers through the
 * active calendar, which the server replaces with `setActiveCalendar` once it has read the office's
 * loaded years. A date in a year without calendar data is an error, never a silent weekdays-only count.
 */
import { BUILT_IN_CALENDAR_YEARS } from './calendar/calendar-years.ts';
import { builtInCalendar, type WorkingDayCalendar } from './calendar/working-day-calendar.ts';

/** Years whose official holiday notice is built in (the office may load more: `activeCalendar().coveredYears()`). */
export const CALENDAR_YEARS: readonly number[] = BUILT_IN_CALENDAR_YEARS;

let active: WorkingDayCalendar | null = null;

/** The calendar every working-day count uses: the built-in years plus those the office loaded. */
export function activeCalendar(): WorkingDayCalendar {
  return active ?? builtInCalendar();
}

/** Installs the calendar (e.g. with the office's loaded years); `null` goes back to the built-in one. */
export function setActiveCalendar(calendar: WorkingDayCalendar | null): void {
  active = calendar;
}

/** Whether a date (YYYY-MM-DD) is a working day. */
export function isWorkingDay(date: string): boolean {
  return activeCalendar().isWorkingDay(date);
}

/** The date `n` working days before `date` (n ≥ 1); `date` itself is not counted. */
export function workingDaysBefore(date: string, n: number): string {
  return activeCalendar().subtractWorkingDays(date, n);
}

/** The `n`-th working day after `date`; `date` itself is not counted. */
export function workingDaysAfter(date: string, n: number): string {
  return activeCalendar().addWorkingDays(date, n);
}

/** Today's date in China (Asia/Shanghai), whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
