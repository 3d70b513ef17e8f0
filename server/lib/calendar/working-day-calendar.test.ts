import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { CALENDAR_YEAR_SOURCES } from './calendar-years.ts';
import type { CalendarYearData } from './calendar-year-file.ts';
import { addDays, datesBetween, isWeekend } from './iso-date.ts';
import { WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * The table of shared/reference/holiday-calendar.md, section C, transcribed: for each year the OFF
 * ranges (weekend days of a break included; "与周末连休" = the day itself) and the weekend days made
 * working days. Dates without a year belong to the row's year.
 */
const REFERENCE: Record<number, { off: string[]; work: string[] }> = {
  2019: {
    off: ['2018-12-30..2019-01-01', '02-04..02-10', '04-05', '05-01..05-04', '06-07', '09-13', '10-01..10-07'],
    work: ['2018-12-29', '02-02', '02-03', '04-28', '05-05', '09-29', '10-12'],
  },
  2020: {
    off: ['01-01', '01-24..02-02', '04-04..04-06', '05-01..05-05', '06-25..06-27', '10-01..10-08'],
    work: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'],
  },
  2021: {
    off: ['01-01..01-03', '02-11..02-17', '04-03..04-05', '05-01..05-05', '06-12..06-14', '09-19..09-21', '10-01..10-07'],
    work: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
  },
  2022: {
    off: ['01-01..01-03', '01-31..02-06', '04-03..04-05', '04-30..05-04', '06-03..06-05', '09-10..09-12', '10-01..10-07'],
    work: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  },
  2023: {
    off: ['2022-12-31..2023-01-02', '01-21..01-27', '04-05', '04-29..05-03', '06-22..06-24', '09-29..10-06'],
    work: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  },
  2024: {
    off: ['01-01', '02-10..02-17', '04-04..04-06', '05-01..05-05', '06-10', '09-15..09-17', '10-01..10-07'],
    work: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    off: ['01-01', '01-28..02-04', '04-04..04-06', '05-01..05-05', '05-31..06-02', '10-01..10-08'],
    work: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    off: ['01-01..01-03', '02-15..02-23', '04-04..04-06', '05-01..05-05', '06-19..06-21', '09-25..09-27', '10-01..10-07'],
    work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

const full = (year: number, d: string): string => (d.length === 5 ? `${year}-${d}` : d);
function expand(year: number, ranges: string[]): string[] {
  return ranges.flatMap((r) => {
    const [a, b] = r.split('..');
    return b === undefined ? [full(year, a!)] : datesBetween(full(year, a!), full(year, b));
  });
}

const cal = new WorkingDayCalendar();

describe('built-in calendar against the reference table (every OFF range and WORK day, 2019–2026)', () => {
  it('covers exactly 2019–2026', () => {
    expect(cal.coveredYears()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  for (const [y, row] of Object.entries(REFERENCE)) {
    const year = Number(y);
    const off = expand(year, row.off);
    const work = row.work.map((d) => full(year, d));

    it(`${year}: every OFF day is a day off`, () => {
      const wrong = off.filter((d) => cal.isWorkingDay(d));
      expect(wrong).toEqual([]);
      for (const d of off) expect(['holiday', 'weekend']).toContain(cal.describe(d).kind);
    });

    it(`${year}: every WORK day is a weekend day made a working day (调休)`, () => {
      for (const d of work) {
        expect(isWeekend(d), d).toBe(true);
        expect(cal.isWorkingDay(d), d).toBe(true);
        expect(cal.describe(d).kind, d).toBe('adjustedWorkday');
      }
    });

    it(`${year}: no other weekday is off and no other weekend day is worked`, () => {
      const source = CALENDAR_YEAR_SOURCES.find((s) => s.year === year)!;
      const offSet = new Set(off);
      const workSet = new Set(work);
      const days = datesBetween(source.coversFrom, `${year}-12-31`);
      const extraOff = days.filter((d) => !isWeekend(d) && !cal.isWorkingDay(d) && !offSet.has(d));
      const extraWork = days.filter((d) => isWeekend(d) && cal.isWorkingDay(d) && !workSet.has(d));
      expect(extraOff).toEqual([]);
      expect(extraWork).toEqual([]);
    });
  }

  it('each year names its source notice, with gov.cn URLs', () => {
    for (const year of cal.coveredYears()) {
      const s = cal.sourceOf(year)!;
      expect(s.origin).toBe('builtIn');
      expect(s.notices[0]!.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
      for (const n of s.notices) expect(n.url).toMatch(/^https?:\/\/www\.gov\.cn\//);
    }
    expect(cal.sourceOf(2020)!.notices.map((n) => n.docNumber)).toEqual(['国办发明电〔2019〕16号', '国办发明电〔2020〕1号']);
    expect(cal.sourceOf(2019)!.notices[1]!.docNumber).toBe('国办发明电〔2019〕3号');
    expect(cal.sourceOf(2026)!.notices[0]!.docNumber).toBeNull();
  });
});

describe('the named cases', () => {
  it('2020 Spring Festival extension: 01-31 (Fri) off, 02-01 (Sat) NOT a working day, 02-03 (Mon) back to work', () => {
    expect(cal.isWorkingDay('2020-01-31')).toBe(false);
    expect(cal.describe('2020-01-31')).toMatchObject({ kind: 'holiday', holidayName: '春节' });
    expect(cal.isWorkingDay('2020-02-01')).toBe(false);
    expect(cal.describe('2020-02-01').kind).toBe('holiday');
    expect(cal.isWorkingDay('2020-02-02')).toBe(false);
    expect(cal.isWorkingDay('2020-02-03')).toBe(true);
    expect(cal.describe('2020-02-03').kind).toBe('weekday');
    // 01-19 (Sun) stayed a 调休 working day
    expect(cal.describe('2020-01-19')).toMatchObject({ working: true, kind: 'adjustedWorkday', holidayName: '春节' });
    // Working day 1 after 2020-01-23 is 2020-02-03: ten days off in between.
    expect(cal.addWorkingDays('2020-01-23', 1)).toBe('2020-02-03');
    expect(cal.workingDaysBetween('2020-01-23', '2020-02-03')).toBe(1);
  });

  it('National Day 2020: 10-01..10-08 off, 09-27 (Sun) and 10-10 (Sat) working', () => {
    for (const d of datesBetween('2020-10-01', '2020-10-08')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.describe('2020-10-01').holidayName).toBe('国庆节');
    expect(cal.describe('2020-09-27').kind).toBe('adjustedWorkday');
    expect(cal.describe('2020-10-10').kind).toBe('adjustedWorkday');
    expect(cal.isWorkingDay('2020-10-11')).toBe(false);
    expect(cal.addWorkingDays('2020-09-28', 5)).toBe('2020-10-12');
  });

  it('2023 New Year began on 2022-12-31', () => {
    expect(cal.isWorkingDay('2022-12-30')).toBe(true);
    expect(cal.describe('2022-12-31')).toMatchObject({ working: false, kind: 'holiday', holidayName: '元旦', noticeYear: 2023 });
    expect(cal.isWorkingDay('2023-01-02')).toBe(false);
    expect(cal.addWorkingDays('2022-12-30', 1)).toBe('2023-01-03');
  });

  it('2019 New Year reached back to 2018-12-29 (Sat, working) and 12-30/31 (off)', () => {
    expect(cal.describe('2018-12-29')).toMatchObject({ working: true, kind: 'adjustedWorkday', noticeYear: 2019 });
    expect(cal.isWorkingDay('2018-12-31')).toBe(false);
    expect(() => cal.isWorkingDay('2018-12-28')).toThrow(/没有2018年的法定节假日数据/);
  });

  it('2026: Spring Festival 02-15..02-23 (9 days), 02-14 and 02-28 (Sat) working, 01-04 (Sun) working', () => {
    for (const d of datesBetween('2026-02-15', '2026-02-23')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-01-04')).toBe(true);
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
  });

  it('2024: 除夕 02-09 was a working day, not a statutory day off', () => {
    expect(cal.isWorkingDay('2024-02-09')).toBe(true);
  });

  it('2019 Labour Day as changed by 国办发明电〔2019〕3号: 05-01..05-04 off, 04-28 and 05-05 (Sun) working', () => {
    for (const d of datesBetween('2019-05-01', '2019-05-04')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2019-04-28')).toBe(true);
    expect(cal.isWorkingDay('2019-05-05')).toBe(true);
  });
});

describe('counting', () => {
  it('addWorkingDays: the Nth working day after `from`, `from` not counted', () => {
    expect(cal.addWorkingDays('2021-03-01', 1)).toBe('2021-03-02');
    expect(cal.addWorkingDays('2021-03-05', 1)).toBe('2021-03-08'); // Friday → Monday
    expect(cal.addWorkingDays('2021-03-06', 1)).toBe('2021-03-08'); // from a Saturday
    expect(cal.addWorkingDays('2021-03-01', 0)).toBe('2021-03-01');
    expect(() => cal.addWorkingDays('2021-03-01', -1)).toThrow(AppError);
    expect(() => cal.addWorkingDays('2021-03-01', 1.5)).toThrow(/非负整数/);
  });

  it('workingDaysBetween counts (a, b]', () => {
    expect(cal.workingDaysBetween('2021-03-01', '2021-03-01')).toBe(0);
    expect(cal.workingDaysBetween('2021-03-01', '2021-03-08')).toBe(5);
    expect(cal.workingDaysBetween('2021-03-08', '2021-03-01')).toBe(-5);
    expect(cal.workingDaysBetween('2020-09-30', '2020-10-10')).toBe(2); // 10-09, 10-10 (调休 Sat)
  });

  it('subtractWorkingDays is the inverse', () => {
    expect(cal.subtractWorkingDays('2020-10-12', 5)).toBe('2020-09-28');
    expect(cal.subtractWorkingDays('2020-02-03', 1)).toBe('2020-01-23');
  });

  it('addWorkingDays and workingDaysBetween agree over every start date of 2019–2026', () => {
    for (let d = '2019-01-01'; d <= '2026-11-01'; d = addDays(d, 7)) {
      const due = cal.addWorkingDays(d, 20);
      expect(cal.workingDaysBetween(d, due)).toBe(20);
      expect(cal.isWorkingDay(due)).toBe(true);
    }
  });

  it('a count running into a year without data is an error, not a weekdays-only guess', () => {
    try {
      cal.addWorkingDays('2026-12-20', 20);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('CALENDAR_YEAR_MISSING');
      expect((e as AppError).statusCode).toBe(422);
      expect((e as AppError).message).toMatch(/^没有2027年的法定节假日数据/);
    }
    expect(() => cal.isWorkingDay('2018-06-01')).toThrow(/没有2018年/);
    expect(() => cal.describe('2027-01-04')).toThrow(/没有2027年/);
    expect(cal.covers('2027-01-04')).toBe(false);
  });

  it('rejects a malformed date', () => {
    expect(() => cal.isWorkingDay('2021-02-30')).toThrow(/有效日期/);
    expect(() => cal.isWorkingDay('2021/03/01')).toThrow(/YYYY-MM-DD/);
  });
});

describe('describe and explain', () => {
  it('describes weekdays, weekends, holidays by name and 调休 days', () => {
    expect(cal.describe('2021-03-03')).toMatchObject({ kind: 'weekday', working: true, weekdayName: '星期三', holidayName: null });
    expect(cal.describe('2021-03-06')).toMatchObject({ kind: 'weekend', working: false, label: '2021-03-06（星期六）周末休息日' });
    expect(cal.describe('2021-02-12')).toMatchObject({ kind: 'holiday', holidayName: '春节', label: '2021-02-12（星期五）法定节假日（春节）' });
    expect(cal.describe('2021-02-07')).toMatchObject({ kind: 'adjustedWorkday', label: '2021-02-07（星期日）调休上班日（春节）' });
  });

  it('explains a count: day 1, days skipped by name, 调休 days counted, the due date', () => {
    const { dueDate, explanation } = cal.explainAddWorkingDays('2020-09-28', 5);
    expect(dueDate).toBe('2020-10-12');
    expect(explanation).toContain('第1个工作日：2020-09-29（星期二）。');
    expect(explanation.join('\n')).toContain('2020-10-01（星期四）至2020-10-08（星期四）：国庆节，共8天');
    expect(explanation.join('\n')).toContain('2020-10-11（星期日）：周末');
    expect(explanation.join('\n')).toContain('调休上班的周末，计为工作日：2020-10-10（星期六）（国庆节调休）');
    expect(explanation).toContain('第5个工作日：2020-10-12（星期一）。');
    expect(explanation.at(-1)).toContain('国办发明电〔2019〕16号');
  });

  it('yearData returns a year in the CalendarYearData shape', () => {
    const y = cal.yearData(2020);
    expect(y.workDays).toEqual(['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10']);
    expect(y.offDays).toContain('2020-02-01');
    expect(y.offDays).not.toContain('2020-02-03');
  });
});

describe('years loaded by the office', () => {
  // An invented 2027 year (NOT the real notice, which did not exist when this was written).
  const y2027: CalendarYearData = {
    year: 2027,
    source: { title: '国务院办公厅关于2027年部分节假日安排的通知', docNumber: '国办发明电〔2026〕99号', issuedOn: '2026-11-20', url: 'https://www.gov.cn/zhengce/zhengceku/test.htm' },
    offDays: [
      '2027-01-01', '2027-01-02', '2027-01-03',
      ...datesBetween('2027-02-06', '2027-02-13'),
      '2027-04-05',
      ...datesBetween('2027-05-01', '2027-05-05'),
      '2027-06-09', '2027-09-15',
      ...datesBetween('2027-10-01', '2027-10-07'),
    ],
    workDays: ['2027-02-20', '2027-10-09'],
    names: { '2027-02-08': '春节', '2027-02-20': '春节' },
  };

  it('adds the year: its days off, its 调休 days, its source', () => {
    const c = new WorkingDayCalendar({ extraYears: [y2027] });
    expect(c.coveredYears()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(c.isWorkingDay('2027-02-08')).toBe(false);
    expect(c.describe('2027-02-08')).toMatchObject({ kind: 'holiday', holidayName: '春节', noticeYear: 2027 });
    expect(c.describe('2027-02-20')).toMatchObject({ kind: 'adjustedWorkday', holidayName: '春节' });
    expect(c.isWorkingDay('2027-02-15')).toBe(true);
    expect(c.sourceOf(2027)).toEqual({ origin: 'loaded', notices: [y2027.source] });
    // a count across the year end now works
    expect(c.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    expect(c.explainAddWorkingDays('2026-12-30', 2).explanation.at(-1)).toContain('（本单位导入）');
  });

  it('withYear gives a new calendar and leaves the old one unchanged', () => {
    const c = cal.withYear(y2027);
    expect(c.isWorkingDay('2027-01-04')).toBe(true);
    expect(cal.covers('2027-01-04')).toBe(false);
    expect(c.withYear({ ...y2027, workDays: ['2027-02-20'] }).isWorkingDay('2027-10-09')).toBe(false);
  });

  it('a loaded year takes precedence over built-in data for the dates it covers (e.g. a mid-year change)', () => {
    const base = cal.yearData(2020);
    const changed: CalendarYearData = { ...base, offDays: [...base.offDays, '2020-12-31'] };
    const c = new WorkingDayCalendar({ extraYears: [changed] });
    expect(c.isWorkingDay('2020-12-31')).toBe(false);
    expect(c.isWorkingDay('2020-02-01')).toBe(false);
    expect(c.sourceOf(2020)!.origin).toBe('loaded');
  });

  it('a loaded year may reach into the previous December', () => {
    const c = new WorkingDayCalendar({ extraYears: [{ ...y2027, offDays: [...y2027.offDays, '2026-12-31'] }] });
    expect(c.describe('2026-12-31')).toMatchObject({ working: false, noticeYear: 2027 });
    expect(cal.isWorkingDay('2026-12-31')).toBe(true);
  });

  it('refuses the same year twice', () => {
    expect(() => new WorkingDayCalendar({ extraYears: [y2027, y2027] })).toThrow(/重复/);
  });

  it('only the loaded years, without built-in data', () => {
    const c = new WorkingDayCalendar({ builtIn: false, extraYears: [y2027] });
    expect(c.coveredYears()).toEqual([2027]);
    expect(() => c.isWorkingDay('2026-06-01')).toThrow(/没有2026年/);
  });
});

describe('time zone', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it.each(['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC'])('gives the same calendar when the server runs in %s', (zone) => {
    process.env.TZ = zone;
    const c = new WorkingDayCalendar();
    for (const year of c.coveredYears()) {
      expect(c.yearData(year)).toEqual(cal.yearData(year));
    }
  });
});
