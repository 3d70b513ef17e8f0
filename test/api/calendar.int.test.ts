/**
 * The working-day calendar over HTTP: built-in years with their notices, a deadline explained, a
 * year without data refused, and the office loading next year's arrangement from a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { setActiveCalendar } from '../../server/lib/working-days.ts';

// A made-up arrangement for 2027 (the real notice is not out yet): the test's own data.
const YEAR_2027 = {
  year: 2027,
  source: { title: '测试用2027年节假日安排', docNumber: null, issuedOn: '2026-11-01', url: null },
  offDays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13',
    '2027-04-05', '2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05', '2027-06-09', '2027-09-15',
    '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
  workDays: ['2027-02-14', '2027-09-26', '2027-10-09'],
};

describe.each(testDialects())('calendar on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
  });
  afterAll(async () => {
    setActiveCalendar(null);
    await t?.close();
  });

  it('lists the built-in years with their source notices', async () => {
    const years = (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/years' })).json().items;
    expect(years.map((y: { year: number }) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const y2020 = years.find((y: { year: number }) => y.year === 2020);
    expect(y2020.source.map((s: { docNumber: string }) => s.docNumber)).toEqual(['国办发明电〔2019〕16号', '国办发明电〔2020〕1号']);
  });

  it('explains a deadline across the 2020 Spring Festival extension', async () => {
    const r = (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/deadline?from=2020-01-23&workingDays=1' })).json();
    expect(r.dueDate).toBe('2020-02-03');
    expect(r.explanation.join('')).toContain('国办发明电〔2020〕1号');
  });

  it('refuses a date in a year without calendar data, never counting weekdays only', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/deadline?from=2026-12-20&workingDays=20' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('CALENDAR_YEAR_MISSING');
    expect(r.json().error.message).toContain('2027');
  });

  it('lets the office load the next year from a file; then deadlines run into it', async () => {
    const staff = await t.loginAs('unitStaff', '市教育局');
    expect((await t.as(staff, { method: 'POST', url: '/api/v1/calendar/years', payload: YEAR_2027 })).statusCode).toBe(403);
    const bad = await t.as(office, { method: 'POST', url: '/api/v1/calendar/years', payload: { ...YEAR_2027, offDays: ['2027-13-01'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toMatch(/^CALENDAR_/);
    const ok = await t.as(office, { method: 'POST', url: '/api/v1/calendar/years', payload: YEAR_2027 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().year).toBe(2027);
    const r = (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/deadline?from=2026-12-20&workingDays=20' })).json();
    // 2026-12-21..31: 9 working days; 2027-01-01 off; 01-04.. → the 20th working day
    expect(r.dueDate).toBe('2027-01-18');
    const years = (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/years' })).json().items;
    expect(years.at(-1)).toMatchObject({ year: 2027, origin: 'loaded' });
  });
});
