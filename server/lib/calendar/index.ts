/** The official working-day calendar: see working-day-calendar.ts. */
export { WorkingDayCalendar, builtInCalendar, type DayDescription, type DayKind, type WorkingDayCalendarOptions } from './working-day-calendar.ts';
export { parseCalendarYearFile, validateCalendarYearData, calendarYearWarnings, type CalendarYearData } from './calendar-year-file.ts';
export { CALENDAR_YEAR_SOURCES, BUILT_IN_CALENDAR_YEARS, type CalendarNotice, type CalendarYearSource } from './calendar-years.ts';
export { addDays, assertIsoDate, dayOfWeek, formatDate, isIsoDate, isWeekend, WEEKDAY_NAMES } from './iso-date.ts';
