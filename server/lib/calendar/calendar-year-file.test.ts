import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { calendarYearWarnings, parseCalendarYearFile, validateCalendarYearData } from './calendar-year-file.ts';
import { datesBetween } from './iso-date.ts';
import { WorkingDayCalendar } from './working-day-calendar.ts';

const cal = new WorkingDayCalendar();

/** The built-in 2020 year, written as holiday-cn writes it (holiday-cn leaves out the weekend days of 与周末连休). */
function holidayCn2020(): string {
  const d = cal.yearData(2020);
  return JSON.stringify({
    $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
    year: 2020,
    papers: ['http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm', 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm'],
    days: [
      ...d.offDays.map((date) => ({ name: d.names?.[date] ?? '', date, isOffDay: true })),
      ...d.workDays.map((date) => ({ name: d.names?.[date] ?? '', date, isOffDay: false })),
      // holiday-cn's one harmless extra: 2020-02-03 (a Monday) listed as a working day
      { name: '春节', date: '2020-02-03', isOffDay: false },
    ],
  });
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'NO_ERROR';
}

const ours = {
  year: 2027,
  source: { title: '国务院办公厅关于2027年部分节假日安排的通知', docNumber: null, issuedOn: '2026-11-20', url: 'https://www.gov.cn/x.htm' },
  offDays: ['2027-01-01', ...datesBetween('2027-02-06', '2027-02-13'), '2027-05-01', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-01'],
  workDays: ['2027-02-20'],
};

describe('parseCalendarYearFile', () => {
  it('reads our format (sorted, duplicates dropped)', () => {
    const y = parseCalendarYearFile(JSON.stringify(ours));
    expect(y.year).toBe(2027);
    expect(y.offDays.filter((d) => d === '2027-10-01')).toHaveLength(1);
    expect(y.offDays).toEqual([...y.offDays].sort());
    expect(y.source).toEqual({ title: ours.source.title, docNumber: null, issuedOn: '2026-11-20', url: 'https://www.gov.cn/x.htm' });
  });

  it('reads holiday-cn’s format, with names and the gov.cn paper as source, and gives the same working days as the built-in year', () => {
    const y = parseCalendarYearFile(holidayCn2020());
    expect(y.source.url).toBe('http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm');
    expect(y.source.title).toBe('国务院办公厅关于2020年部分节假日安排的通知');
    expect(y.names?.['2020-01-24']).toBe('春节');
    const loaded = new WorkingDayCalendar({ builtIn: false, extraYears: [y] });
    for (const d of datesBetween('2020-01-01', '2020-12-31')) expect(loaded.isWorkingDay(d), d).toBe(cal.isWorkingDay(d));
    expect(calendarYearWarnings(y)).toContain('2020-02-03（星期一）本来就是工作日，列为调休上班日不影响计算');
  });

  it('accepts a byte-order mark', () => {
    expect(parseCalendarYearFile('\uFEFF' + JSON.stringify(ours)).year).toBe(2027);
  });

  it('accepts the previous December (as the 2019 and 2023 notices do)', () => {
    const y = parseCalendarYearFile(JSON.stringify({ ...ours, offDays: [...ours.offDays, '2026-12-31'], workDays: ['2026-12-26'] }));
    expect(y.offDays[0]).toBe('2026-12-31');
  });

  it.each([
    ['not JSON', '{year: 2027', 'CALENDAR_FILE_INVALID_JSON'],
    ['an array', '[]', 'CALENDAR_FILE_FORMAT'],
    ['another shape', '{"year":2027}', 'CALENDAR_FILE_FORMAT'],
    ['a bad year', JSON.stringify({ ...ours, year: 27 }), 'CALENDAR_YEAR_INVALID'],
    ['no source', JSON.stringify({ ...ours, source: undefined }), 'CALENDAR_SOURCE_MISSING'],
    ['a source without title', JSON.stringify({ ...ours, source: { ...ours.source, title: ' ' } }), 'CALENDAR_SOURCE_MISSING'],
    ['a bad URL', JSON.stringify({ ...ours, source: { ...ours.source, url: 'gov.cn/x' } }), 'CALENDAR_SOURCE_INVALID'],
    ['an invalid date', JSON.stringify({ ...ours, offDays: [...ours.offDays, '2027-02-30'] }), 'CALENDAR_DATE_INVALID'],
    ['a date of another year', JSON.stringify({ ...ours, offDays: [...ours.offDays, '2028-01-01'] }), 'CALENDAR_DATE_OUTSIDE_YEAR'],
    ['a date two years back', JSON.stringify({ ...ours, workDays: ['2025-12-27'] }), 'CALENDAR_DATE_OUTSIDE_YEAR'],
    ['November of the previous year', JSON.stringify({ ...ours, workDays: ['2026-11-28'] }), 'CALENDAR_DATE_OUTSIDE_YEAR'],
    ['a date both off and working', JSON.stringify({ ...ours, workDays: ['2027-02-06'] }), 'CALENDAR_DATE_CONFLICT'],
    ['holiday-cn’s empty file', JSON.stringify({ year: 2027, papers: [], days: [] }), 'CALENDAR_YEAR_INCOMPLETE'],
    ['a year without National Day', JSON.stringify({ ...ours, offDays: ours.offDays.filter((d) => !d.startsWith('2027-10')) }), 'CALENDAR_YEAR_INCOMPLETE'],
    ['too few days off', JSON.stringify({ ...ours, offDays: ['2027-01-01', '2027-10-01'] }), 'CALENDAR_YEAR_INCOMPLETE'],
    ['holiday-cn days without isOffDay', JSON.stringify({ year: 2027, papers: [], days: [{ date: '2027-01-01' }] }), 'CALENDAR_FILE_FORMAT'],
  ])('refuses %s with a coded error', (_what, text, code) => {
    expect(codeOf(() => parseCalendarYearFile(text))).toBe(code);
  });

  it('explains the conflict in Chinese', () => {
    expect(() => validateCalendarYearData({ ...ours, workDays: ['2027-02-06'] })).toThrow('日期 2027-02-06 同时列为放假日和上班日');
  });
});
