import { afterEach, describe, expect, it } from 'vitest';
import { WorkingDayCalendar, type CalendarYearData } from './calendar/working-day-calendar.ts';
import { activeCalendar, CALENDAR_YEARS, isWorkingDay, setActiveCalendar, todayInChina, workingDaysAfter, workingDaysBefore } from './working-days.ts';

const y2027: CalendarYearData = {
  year: 2027,
  source: { title: '（测试用）2027年节假日安排', docNumber: null, issuedOn: null, url: null },
  offDays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-10-01'],
  workDays: [],
};

describe('working-days (the module other code uses)', () => {
  afterEach(() => setActiveCalendar(null));

  it('keeps its exports: CALENDAR_YEARS, isWorkingDay, workingDaysBefore, todayInChina', () => {
    expect(CALENDAR_YEARS).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(isWorkingDay('2020-02-01')).toBe(false);
    expect(isWorkingDay('2020-02-03')).toBe(true);
    expect(workingDaysBefore('2020-10-12', 5)).toBe('2020-09-28');
    expect(workingDaysAfter('2020-09-28', 5)).toBe('2020-10-12');
    expect(todayInChina(new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25');
  });

  it('a year without data is CALENDAR_YEAR_MISSING until the office’s calendar is installed', () => {
    expect(() => isWorkingDay('2027-01-04')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', statusCode: 422 }));
    setActiveCalendar(new WorkingDayCalendar({ extraYears: [y2027] }));
    expect(isWorkingDay('2027-01-04')).toBe(true);
    expect(activeCalendar().coveredYears()).toContain(2027);
    expect(workingDaysBefore('2027-01-04', 1)).toBe('2026-12-31');
    setActiveCalendar(null);
    expect(activeCalendar().covers('2027-01-04')).toBe(false);
  });
});
