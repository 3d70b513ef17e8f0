/**
 * The official working-day calendar. Every statutory time limit of the disclosure regulation is
 * counted in working days (条例第三十条、第三十二条、第三十三条、第三十四条: "个工作日"), and a working
 * day is (reference holiday-calendar.md, rule 1): Monday–Friday, minus the days off of the State
 * Council's holiday notice, plus the weekend days it makes working days (调休上班).
 *
 * Built-in data: the `chinese-days` package for 2019–2026 (it matches the notices for every date,
 * including the 2019 Labour Day change and the 2020 Spring Festival extension; see the reference,
 * section C2). Further years, or a change to a year, are loaded by the office as CalendarYearData
 * (calendar-year-file.ts) and take precedence over the built-in data for the dates they cover.
 *
 * A date in a year without data is an error (CALENDAR_YEAR_MISSING), never a weekdays-only guess.
 */
import chineseDays from 'chinese-days';
import { AppError, ValidationError } from '../../platform/errors.ts';
import { validateCalendarYearData, type CalendarYearData } from './calendar-year-file.ts';
import { CALENDAR_YEAR_SOURCES, type CalendarNotice } from './calendar-years.ts';
import { addDays, assertIsoDate, datesBetween, dayOfWeek, formatDate, isWeekend, WEEKDAY_NAMES, yearOf } from './iso-date.ts';

export type { CalendarYearData } from './calendar-year-file.ts';

/** What kind of day a date is. */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'adjustedWorkday';

export interface DayDescription {
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  dayOfWeek: number;
  /** 星期一 … */
  weekdayName: string;
  working: boolean;
  /**
   * weekday: an ordinary working day; weekend: an ordinary Saturday or Sunday; holiday: a day off of
   * the notice (weekend days folded into a break included); adjustedWorkday: a weekend day made a
   * working day (调休上班).
   */
  kind: DayKind;
  /** The holiday the day belongs to (春节, 国庆节 …), where the data names it */
  holidayName: string | null;
  /** Chinese, e.g. `2020-01-19（星期日）调休上班日（春节）` */
  label: string;
  /** The year whose notice (or loaded data) the day's status comes from */
  noticeYear: number;
}

interface DayRecord {
  working: boolean;
  /** listed in the notice data (as a holiday or a 调休 working day) */
  listed: boolean;
  name: string | null;
  noticeYear: number;
}

interface YearEntry {
  year: number;
  notices: CalendarNotice[];
  origin: 'builtIn' | 'loaded';
}

export interface WorkingDayCalendarOptions {
  /** Years loaded by the office; they override the built-in data for the dates they cover. */
  extraYears?: readonly CalendarYearData[];
  /** Include the built-in 2019–2026 data (default true; false is for tests). */
  builtIn?: boolean;
}

/** A local-time Date at noon: chinese-days reads dates in the process's local time zone. */
function localNoon(date: string): Date {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
}

/** `Spring Festival,春节,3` → 春节; an English weekday name (no holiday entry) → null. */
function chineseDaysName(name: string): string | null {
  const parts = name.split(',');
  return parts.length >= 2 && parts[1]!.trim() ? parts[1]!.trim() : null;
}

/** Loads one built-in year from chinese-days: every date from `from` to `to`. */
function builtInYear(year: number, from: string, to: string, into: Map<string, DayRecord>): void {
  // includeWeekends = true: weekend days made working days (调休) are working days too.
  // The range is widened by a day on each side and filtered here, so the result does not depend on
  // how the library maps the bounds in the server's time zone.
  const working = new Set(
    chineseDays.getWorkdaysInRange(localNoon(addDays(from, -1)), localNoon(addDays(to, 1)), true).filter((d) => d >= from && d <= to),
  );
  for (const date of datesBetween(from, to)) {
    const name = chineseDaysName(chineseDays.getDayDetail(localNoon(date)).name);
    into.set(date, { working: working.has(date), listed: name !== null, name, noticeYear: year });
  }
}

function loadedYear(data: CalendarYearData, into: Map<string, DayRecord>): void {
  const off = new Set(data.offDays);
  const work = new Set(data.workDays);
  const first = [...data.offDays, ...data.workDays, `${data.year}-01-01`].sort()[0]!;
  for (const date of datesBetween(first, `${data.year}-12-31`)) {
    // A listed 调休 day is a working day; a listed day off is not; otherwise Monday–Friday work.
    const working = work.has(date) || (!off.has(date) && !isWeekend(date));
    const listed = off.has(date) || work.has(date);
    into.set(date, { working, listed, name: data.names?.[date] ?? null, noticeYear: data.year });
  }
}

export class WorkingDayCalendar {
  readonly #days = new Map<string, DayRecord>();
  readonly #years = new Map<number, YearEntry>();
  readonly #extraYears: CalendarYearData[];
  readonly #builtIn: boolean;

  constructor(options: WorkingDayCalendarOptions = {}) {
    this.#builtIn = options.builtIn !== false;
    if (this.#builtIn) {
      for (const s of CALENDAR_YEAR_SOURCES) {
        builtInYear(s.year, s.coversFrom, `${s.year}-12-31`, this.#days);
        this.#years.set(s.year, { year: s.year, notices: s.notices, origin: 'builtIn' });
      }
    }
    // Loaded years in year order, so a year's previous-December dates override the year before.
    this.#extraYears = [...(options.extraYears ?? [])].map((d) => validateCalendarYearData(d)).sort((a, b) => a.year - b.year);
    const seen = new Set<number>();
    for (const data of this.#extraYears) {
      if (seen.has(data.year)) throw new ValidationError('CALENDAR_YEAR_DUPLICATE', `${data.year}年的日历数据重复导入，请只保留一份`);
      seen.add(data.year);
      loadedYear(data, this.#days);
      this.#years.set(data.year, { year: data.year, notices: [data.source], origin: 'loaded' });
    }
  }

  /** A new calendar with one more loaded year (replacing a loaded year of the same number). */
  withYear(data: CalendarYearData): WorkingDayCalendar {
    return new WorkingDayCalendar({ extraYears: [...this.#extraYears.filter((d) => d.year !== data.year), data], builtIn: this.#builtIn });
  }

  /** The years with data, ascending. */
  coveredYears(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  /** The notices behind a year's data (empty when the year is not covered). */
  sourceOf(year: number): { origin: 'builtIn' | 'loaded'; notices: CalendarNotice[] } | null {
    const y = this.#years.get(year);
    return y ? { origin: y.origin, notices: y.notices } : null;
  }

  /** The years loaded by the office (validated). */
  extraYears(): CalendarYearData[] {
    return [...this.#extraYears];
  }

  /** Whether the calendar has data for `date`. */
  covers(date: string): boolean {
    assertIsoDate(date);
    return this.#days.has(date);
  }

  #record(date: string): DayRecord {
    assertIsoDate(date);
    const r = this.#days.get(date);
    if (!r) {
      const year = yearOf(date);
      throw new AppError(
        'CALENDAR_YEAR_MISSING',
        `没有${year}年的法定节假日数据：${date} 无法按工作日计算。请先导入国务院办公厅关于${year}年部分节假日安排的通知（日历文件）`,
        422,
        { year, date },
      );
    }
    return r;
  }

  /** Whether `date` (YYYY-MM-DD) is a working day. */
  isWorkingDay(date: string): boolean {
    return this.#record(date).working;
  }

  /** The `n`-th working day after `from` (`from` itself is not counted); n = 0 gives `from`. */
  addWorkingDays(from: string, n: number): string {
    assertIsoDate(from);
    assertCount(n);
    let d = from;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** The `n`-th working day before `from` (`from` itself is not counted); n = 0 gives `from`. */
  subtractWorkingDays(from: string, n: number): string {
    assertIsoDate(from);
    assertCount(n);
    let d = from;
    for (let left = n; left > 0; ) {
      d = addDays(d, -1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** The working days in (a, b]: after `a`, up to and including `b` (empty when b ≤ a). */
  workingDaysIn(a: string, b: string): string[] {
    assertIsoDate(a);
    assertIsoDate(b);
    return datesBetween(addDays(a, 1), b).filter((d) => this.isWorkingDay(d));
  }

  /** How many working days are in (a, b]; negative (the count in (b, a]) when b < a. */
  workingDaysBetween(a: string, b: string): number {
    return b >= a ? this.workingDaysIn(a, b).length : -this.workingDaysIn(b, a).length;
  }

  /** What kind of day `date` is, in words a person can check. */
  describe(date: string): DayDescription {
    const r = this.#record(date);
    const dow = dayOfWeek(date);
    const weekend = dow === 0 || dow === 6;
    let kind: DayKind;
    if (r.working) kind = weekend ? 'adjustedWorkday' : 'weekday';
    else kind = r.listed || !weekend ? 'holiday' : 'weekend';
    const name = kind === 'holiday' || kind === 'adjustedWorkday' ? r.name : null;
    const what =
      kind === 'weekday' ? '工作日'
      : kind === 'weekend' ? '周末休息日'
      : kind === 'holiday' ? `法定节假日${name ? `（${name}）` : ''}`
      : `调休上班日${name ? `（${name}）` : ''}`;
    return { date, dayOfWeek: dow, weekdayName: WEEKDAY_NAMES[dow]!, working: r.working, kind, holidayName: name, label: `${formatDate(date)}${what}`, noticeYear: r.noticeYear };
  }

  /**
   * One covered year as CalendarYearData: the days off listed by the notice (weekend days of a break
   * included where the data lists them, and every weekday off) and the weekend days made working days.
   */
  yearData(year: number): CalendarYearData {
    const y = this.#years.get(year);
    if (!y) {
      throw new AppError('CALENDAR_YEAR_MISSING', `没有${year}年的法定节假日数据：请先导入国务院办公厅关于${year}年部分节假日安排的通知（日历文件）`, 422, { year });
    }
    const offDays: string[] = [];
    const workDays: string[] = [];
    const names: Record<string, string> = {};
    for (const [date, r] of [...this.#days.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (r.noticeYear !== year) continue;
      const weekend = isWeekend(date);
      if (!r.working && (r.listed || !weekend)) offDays.push(date);
      if (r.working && weekend) workDays.push(date);
      if (r.name && (offDays.at(-1) === date || workDays.at(-1) === date)) names[date] = r.name;
    }
    return { year, source: y.notices[0]!, offDays, workDays, names };
  }

  /**
   * The days between two dates that a person checking a count needs to see: the runs of days off in
   * (from, to] with their names, and the weekend days counted as working days (调休).
   */
  describeSpan(from: string, to: string): { daysOff: string[]; adjustedWorkdays: string[] } {
    const daysOff: string[] = [];
    const adjustedWorkdays: string[] = [];
    let run: DayDescription[] = [];
    const flush = (): void => {
      if (!run.length) return;
      const labels = [...new Set(run.map((d) => (d.kind === 'holiday' ? (d.holidayName ?? '节假日') : '周末')))];
      const first = run[0]!;
      const last = run.at(-1)!;
      daysOff.push(
        run.length === 1
          ? `${formatDate(first.date)}：${labels.join('、')}`
          : `${formatDate(first.date)}至${formatDate(last.date)}：${labels.join('、')}，共${run.length}天`,
      );
      run = [];
    };
    for (const date of datesBetween(addDays(from, 1), to)) {
      const d = this.describe(date);
      if (!d.working) {
        run.push(d);
        continue;
      }
      flush();
      if (d.kind === 'adjustedWorkday') adjustedWorkdays.push(`${formatDate(date)}${d.holidayName ? `（${d.holidayName}调休）` : ''}`);
    }
    flush();
    return { daysOff, adjustedWorkdays };
  }

  /**
   * `addWorkingDays(from, n)` with an explanation a person can check (Chinese lines): the day the
   * count starts from, day 1, the days skipped (weekends, holidays by name), the weekend days that
   * counted (调休), and the n-th working day.
   */
  explainAddWorkingDays(from: string, n: number): { dueDate: string; explanation: string[] } {
    const dueDate = this.addWorkingDays(from, n);
    const lines = [`起算日：${formatDate(from)}，当日不计入，从下一日起计算工作日。`];
    if (n === 0) return { dueDate, explanation: [...lines, '工作日数为 0，期限即起算日。'] };
    lines.push(`第1个工作日：${formatDate(this.addWorkingDays(from, 1))}。`);
    const span = this.describeSpan(from, dueDate);
    lines.push(span.daysOff.length ? `跳过的休息日：${span.daysOff.join('；')}。` : '期间没有需要跳过的休息日。');
    if (span.adjustedWorkdays.length) lines.push(`调休上班的周末，计为工作日：${span.adjustedWorkdays.join('；')}。`);
    lines.push(`第${n}个工作日：${formatDate(dueDate)}。`);
    lines.push(`依据：${this.#sourcesLine(from, dueDate)}`);
    return { dueDate, explanation: lines };
  }

  /** The notices used between two dates, for an explanation's last line. */
  #sourcesLine(from: string, to: string): string {
    const years = new Set<number>();
    for (const d of datesBetween(addDays(from, 1), to)) years.add(this.#record(d).noticeYear);
    return [...years]
      .sort()
      .map((y) => {
        const s = this.#years.get(y)!;
        return s.notices.map((n) => `${n.title}${n.docNumber ? `（${n.docNumber}）` : ''}`).join('、') + (s.origin === 'loaded' ? '（本单位导入）' : '');
      })
      .join('；') + '。';
  }
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new ValidationError('CALENDAR_INVALID_COUNT', `工作日数应为非负整数：${n}`, { n });
}

let defaultCalendar: WorkingDayCalendar | null = null;

/** The calendar with the built-in years only (built once). */
export function builtInCalendar(): WorkingDayCalendar {
  defaultCalendar ??= new WorkingDayCalendar();
  return defaultCalendar;
}
