/**
 * Calendar dates as `YYYY-MM-DD` strings. Arithmetic is done in UTC so the result never depends on
 * the server's time zone; string order is date order.
 */
import { ValidationError } from '../../platform/errors.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Chinese weekday names, index = JavaScript day of week (0 = Sunday). */
export const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Throws a coded error unless `value` is a real `YYYY-MM-DD` date. `what` names the field, in Chinese. */
export function assertIsoDate(value: unknown, what = '日期'): asserts value is string {
  if (!isIsoDate(value)) {
    throw new ValidationError('CALENDAR_DATE_INVALID', `${what}应为有效日期，格式 YYYY-MM-DD：${String(value)}`, { value });
  }
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The date `days` calendar days after (negative: before) `date`. */
export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return toUtc(date).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** `2020-01-24（星期五）`: the form dates take in explanations. */
export function formatDate(date: string): string {
  return `${date}（${WEEKDAY_NAMES[dayOfWeek(date)]}）`;
}

/** Every date from `from` to `to`, both included (empty when `to` < `from`). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
