/**
 * Calendar module: the official working-day calendar of this installation (built-in years plus the
 * years the office loads).
 */
export { installCalendar, listCalendarYears, importCalendarYear, explainDeadline } from './calendar.service.ts';
export { calendarRoutes } from './calendar.routes.ts';
