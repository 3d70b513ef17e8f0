/**
 * A calendar year the office loads itself, when the State Council announces the next year's holidays
 * (or changes a year, as it did with the 2020 Spring Festival extension): the data shape, its
 * validation, and the parser of an uploaded file.
 *
 * Two file formats are accepted:
 * - ours: `{ year, source: { title, docNumber, issuedOn, url }, offDays: [...], workDays: [...], names? }`
 * - holiday-cn's `{year}.json` (https://github.com/NateScarlet/holiday-cn):
 *   `{ year, papers: [url...], days: [{ name, date, isOffDay }] }`
 */
import { ValidationError } from '../../platform/errors.ts';
import type { CalendarNotice } from './calendar-years.ts';
import { assertIsoDate, formatDate, isWeekend, yearOf } from './iso-date.ts';

/** One year of official calendar data. */
export interface CalendarYearData {
  year: number;
  source: CalendarNotice;
  /** Days off (放假), including the weekend days folded into a break. */
  offDays: string[];
  /** Weekend days made working days (调休上班). */
  workDays: string[];
  /** Optional holiday name per date (e.g. 春节), used in explanations. */
  names?: Record<string, string>;
}

/** The fewest days off a complete year can list: the statutory holidays alone were 11 days before 2025, 13 since. */
const MIN_OFF_DAYS = 11;

function fail(code: string, message: string, details?: unknown): never {
  throw new ValidationError(code, message, details);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optionalString(v: unknown, what: string): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') fail('CALENDAR_FILE_FORMAT', `日历文件中的${what}应为文字`);
  return v.trim() || null;
}

/**
 * Checks a year's data and returns it normalised (sorted, without duplicates). Throws a coded
 * ValidationError with a Chinese message when the data cannot be used.
 */
export function validateCalendarYearData(input: unknown): CalendarYearData {
  if (!isObject(input)) fail('CALENDAR_FILE_FORMAT', '日历数据应为对象：{year, source, offDays, workDays}');
  const year = input.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    fail('CALENDAR_YEAR_INVALID', `日历数据的年份无效：${String(year)}`);
  }
  const src = input.source;
  if (!isObject(src)) fail('CALENDAR_SOURCE_MISSING', `${year}年日历数据缺少来源通知（source：标题、文号、日期、网址）`);
  const srcTitle = optionalString(src.title, '通知标题');
  if (!srcTitle) fail('CALENDAR_SOURCE_MISSING', `${year}年日历数据缺少来源通知的标题`);
  const issuedOn = optionalString(src.issuedOn, '通知日期');
  if (issuedOn !== null) assertIsoDate(issuedOn, '通知日期');
  const url = optionalString(src.url, '通知网址');
  if (url !== null && !/^https?:\/\//.test(url)) fail('CALENDAR_SOURCE_INVALID', `通知网址应以 http:// 或 https:// 开头：${url}`);
  const source: CalendarNotice = { title: srcTitle, docNumber: optionalString(src.docNumber, '文号'), issuedOn, url };

  const list = (v: unknown, what: string): string[] => {
    if (!Array.isArray(v)) fail('CALENDAR_FILE_FORMAT', `日历数据的${what}应为日期列表`);
    const out = new Set<string>();
    for (const d of v) {
      assertIsoDate(d, `${what}中的日期`);
      // Store by date, not by notice year; a notice may reach into the previous December
      // (the 2019 notice: 2018-12-29..31; the 2023 notice: 2022-12-31). Reference, rule 2.
      const inYear = yearOf(d) === year;
      const previousDecember = yearOf(d) === year - 1 && d.slice(5, 7) === '12';
      if (!inYear && !previousDecember) {
        fail('CALENDAR_DATE_OUTSIDE_YEAR', `${what}中的日期 ${d} 不属于${year}年（只允许${year}年内和${year - 1}年12月的日期）`, { date: d });
      }
      out.add(d);
    }
    return [...out].sort();
  };
  const offDays = list(input.offDays, '放假日（offDays）');
  const workDays = list(input.workDays, '调休上班日（workDays）');
  const off = new Set(offDays);
  const both = workDays.filter((d) => off.has(d));
  if (both.length) fail('CALENDAR_DATE_CONFLICT', `日期 ${both.join('、')} 同时列为放假日和上班日`, { dates: both });

  // An empty or truncated file (holiday-cn publishes an empty `days` list before the notice is out)
  // must not silently turn the year into a weekdays-only count.
  const missing: string[] = [];
  if (!off.has(`${year}-01-01`)) missing.push('元旦（1月1日）');
  if (!off.has(`${year}-10-01`)) missing.push('国庆节（10月1日）');
  const offInYear = offDays.filter((d) => yearOf(d) === year).length;
  if (missing.length || offInYear < MIN_OFF_DAYS) {
    fail(
      'CALENDAR_YEAR_INCOMPLETE',
      `${year}年的节假日数据不完整：${missing.length ? `缺少${missing.join('、')}；` : ''}本年放假日 ${offInYear} 天（法定节假日至少 ${MIN_OFF_DAYS} 天）。请核对国务院办公厅的节假日安排通知`,
      { year, offInYear, missing },
    );
  }

  let names: Record<string, string> | undefined;
  if (input.names !== undefined) {
    if (!isObject(input.names)) fail('CALENDAR_FILE_FORMAT', '日历数据的 names 应为 {日期: 节日名称}');
    names = {};
    for (const [d, n] of Object.entries(input.names)) {
      assertIsoDate(d, '节日名称的日期');
      if (typeof n !== 'string') fail('CALENDAR_FILE_FORMAT', `日期 ${d} 的节日名称应为文字`);
      if (n.trim()) names[d] = n.trim();
    }
  }
  return { year, source, offDays, workDays, ...(names ? { names } : {}) };
}

/** Points worth a look that do not make the data unusable (Chinese, for the upload screen). */
export function calendarYearWarnings(data: CalendarYearData): string[] {
  const w: string[] = [];
  for (const d of data.workDays) {
    if (!isWeekend(d)) w.push(`${formatDate(d)}本来就是工作日，列为调休上班日不影响计算`);
  }
  if (!data.source.docNumber) w.push('来源通知没有文号，请核对后补充');
  if (!data.source.url) w.push('来源通知没有网址，请补充中国政府网（gov.cn）上的原文地址');
  return w;
}

/** Converts holiday-cn's `{year, papers, days}` to our shape (not yet validated). */
function fromHolidayCn(o: Record<string, unknown>): unknown {
  if (!Array.isArray(o.days)) fail('CALENDAR_FILE_FORMAT', 'holiday-cn 格式的 days 应为列表');
  const papers = Array.isArray(o.papers) ? o.papers.filter((p): p is string => typeof p === 'string') : [];
  const offDays: unknown[] = [];
  const workDays: unknown[] = [];
  const names: Record<string, string> = {};
  for (const day of o.days) {
    if (!isObject(day) || typeof day.isOffDay !== 'boolean') fail('CALENDAR_FILE_FORMAT', 'holiday-cn 格式的每一天应为 {name, date, isOffDay}');
    (day.isOffDay ? offDays : workDays).push(day.date);
    if (typeof day.date === 'string' && typeof day.name === 'string') names[day.date] = day.name;
  }
  return {
    year: o.year,
    source: {
      title: typeof o.year === 'number' ? `国务院办公厅关于${o.year}年部分节假日安排的通知` : '',
      docNumber: null,
      issuedOn: null,
      url: papers[0] ?? null,
    },
    offDays,
    workDays,
    names,
  };
}

/**
 * Parses the office's calendar file (JSON text, either format) into validated year data.
 * Throws a coded ValidationError (CALENDAR_FILE_INVALID_JSON, CALENDAR_FILE_FORMAT, …) otherwise.
 */
export function parseCalendarYearFile(text: string): CalendarYearData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail('CALENDAR_FILE_INVALID_JSON', `日历文件不是有效的 JSON：${(e as Error).message}`);
  }
  if (!isObject(parsed)) fail('CALENDAR_FILE_FORMAT', '日历文件格式无法识别：应为 {year, source, offDays, workDays} 或 holiday-cn 的 {year, papers, days}');
  if ('days' in parsed && !('offDays' in parsed)) return validateCalendarYearData(fromHolidayCn(parsed));
  if ('offDays' in parsed || 'workDays' in parsed) return validateCalendarYearData(parsed);
  fail('CALENDAR_FILE_FORMAT', '日历文件格式无法识别：应为 {year, source, offDays, workDays} 或 holiday-cn 的 {year, papers, days}');
}
