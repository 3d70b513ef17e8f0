/**
 * Dates as the workbench shows them: always in China's time zone (Asia/Shanghai), whatever the
 * browser's own zone. Timestamps from the API are ISO instants; dates (YYYY-MM-DD) are calendar
 * dates and are never shifted.
 */
export const TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** An ISO instant as "2020-09-30 14:05" in Beijing time; '' for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(d).map((p) => [p.type, p.value]));
  const hour = parts.hour === '24' ? '00' : parts.hour;
  return `${parts.year}-${parts.month}-${parts.day} ${hour}:${parts.minute}`;
}

/** A calendar date (YYYY-MM-DD, or an ISO instant: its day in Beijing) as "2020年9月30日". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDay(new Date(value));
  const [y, m, d] = day.split('-');
  if (!y || !m || !d) return value;
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Today's date in China as YYYY-MM-DD. */
export function chinaDay(d: Date = new Date()): string {
  return Number.isNaN(d.getTime()) ? '' : dayFormat.format(d);
}

/** Whole days from today (China) to a calendar date; negative when past. */
export function daysUntil(day: string): number {
  const a = Date.parse(`${chinaDay()}T00:00:00Z`);
  const b = Date.parse(`${day}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
