/**
 * The installation's working-day calendar: the built-in State Council notices (2019–2026) plus the
 * years the office loads from a file when a new notice is published (usually each November).
 * Every process installs it at start and refreshes it when the stored years change.
 */
import type { Db } from '../../db/create-db.ts';
import { now, parseJson } from '../../db/portable.ts';
import { isOfficeLike, type Actor } from '../../platform/actor.ts';
import { AuthenticationError, ForbiddenError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import {
  BUILT_IN_CALENDAR_YEARS, CALENDAR_YEAR_SOURCES, WorkingDayCalendar, calendarYearWarnings, parseCalendarYearFile, validateCalendarYearData,
  type CalendarYearData,
} from '../../lib/calendar/index.ts';
import { activeCalendar, setActiveCalendar } from '../../lib/working-days.ts';

let installedVersion = '';

async function storedYears(db: Db): Promise<{ years: CalendarYearData[]; version: string }> {
  const rows = await db.selectFrom('calendarYear').selectAll().orderBy('year').execute();
  return { years: rows.map((r) => validateCalendarYearData(parseJson(r.data, {}))), version: rows.map((r) => `${r.year}@${r.updatedAt}`).join(',') };
}

/** Installs the calendar with the stored years (at start, and when another process changed them). */
export async function installCalendar(db: Db): Promise<void> {
  const { years, version } = await storedYears(db);
  if (version === installedVersion && version !== '') return;
  setActiveCalendar(years.length ? new WorkingDayCalendar({ extraYears: years }) : null);
  installedVersion = version;
}

export interface CalendarYearView {
  year: number;
  origin: 'builtIn' | 'loaded';
  source: { title: string; docNumber: string | null; issuedOn: string | null; url: string | null }[];
}

/** The years the calendar covers, with their source notices. */
export async function listCalendarYears(db: Db): Promise<CalendarYearView[]> {
  const { years } = await storedYears(db);
  const loaded = new Map(years.map((y) => [y.year, y]));
  const all = [...new Set([...BUILT_IN_CALENDAR_YEARS, ...loaded.keys()])].sort((a, b) => a - b);
  return all.map((year) => {
    const l = loaded.get(year);
    if (l) return { year, origin: 'loaded' as const, source: [l.source] };
    const src = CALENDAR_YEAR_SOURCES.find((s) => s.year === year);
    return { year, origin: 'builtIn' as const, source: (src?.notices ?? []).map((n) => ({ title: n.title, docNumber: n.docNumber, issuedOn: n.issuedOn, url: n.url })) };
  });
}

/** The office loads a year's official holiday arrangement from a file (our JSON or holiday-cn's). */
export async function importCalendarYear(db: Db, actor: Actor, text: string): Promise<{ year: number; warnings: string[] }> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!isOfficeLike(actor)) throw new ForbiddenError('CALENDAR_FORBIDDEN', '只有政务公开办可以导入节假日安排');
  const data = parseCalendarYearFile(text);
  const warnings = calendarYearWarnings(data);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendarYear').selectAll().where('year', '=', data.year).executeTakeFirst();
    const at = now();
    await trx.insertInto('calendarYear').values({ year: data.year, data: JSON.stringify(data), updatedAt: at })
      .onConflict((oc) => oc.column('year').doUpdateSet({ data: JSON.stringify(data), updatedAt: at })).execute();
    await recordAudit(trx, actor, { action: 'import_calendar_year', resourceType: 'calendarYear', resourceId: data.year, before: before ? parseJson(before.data, null) : null, after: data });
  });
  await installCalendar(db);
  return { year: data.year, warnings };
}

/** The Nth working day after a date, with the explanation (for staff checking a deadline). */
export function explainDeadline(from: string, workingDays: number): { from: string; workingDays: number; dueDate: string; explanation: string[] } {
  const r = activeCalendar().explainAddWorkingDays(from, workingDays);
  return { from, workingDays, dueDate: r.dueDate, explanation: r.explanation };
}
