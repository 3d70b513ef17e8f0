/**
 * Properties of the statutory clock that must hold for every date, not only the hand-counted ones:
 * checked on thousands of generated requests across the official calendar years (fixed seeds, so a
 * failure is reproducible; the counts are printed by the runner as test names).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../lib/calendar/iso-date.ts';
import { WorkingDayCalendar } from '../../../lib/calendar/working-day-calendar.ts';
import { AppError } from '../../../platform/errors.ts';
import { computeDeadline, MAX_EXTENSION_WORKING_DAYS, REPLY_WORKING_DAYS, type RequestClockEvent } from './deadlines.ts';

const cal = new WorkingDayCalendar();
const RUNS = 2000;

// receipts from 2019-01-01 to 2026-09-30: every reply period and extension then ends inside the
// calendar's built-in years
const FIRST = Date.UTC(2019, 0, 1);
const LAST = Date.UTC(2026, 8, 30);
const day = fc.integer({ min: 0, max: (LAST - FIRST) / 86_400_000 }).map((n) => new Date(FIRST + n * 86_400_000).toISOString().slice(0, 10));
const rule = fc.constantFrom('nextWorkingDay' as const, 'receiptDay' as const);

/** Working days in (from, to]. */
function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

describe(`the statutory clock, ${RUNS} generated requests per property`, () => {
  it('a later receipt never gives an earlier due date', () => {
    fc.assert(fc.property(day, day, rule, (a, b, firstDay) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      const d1 = computeDeadline({ receivedOn: early, rules: { firstDay } }, cal).dueDate!;
      const d2 = computeDeadline({ receivedOn: late, rules: { firstDay } }, cal).dueDate!;
      expect(d1 <= d2).toBe(true);
    }), { numRuns: RUNS, seed: 20191 });
  });

  it('the due date is a working day, and exactly 20 working days are counted from day 1', () => {
    fc.assert(fc.property(day, rule, (receivedOn, firstDay) => {
      const r = computeDeadline({ receivedOn, rules: { firstDay } }, cal);
      expect(cal.isWorkingDay(r.dueDate!)).toBe(true);
      expect(cal.isWorkingDay(r.day1!)).toBe(true);
      expect(r.day1! >= receivedOn).toBe(true);
      if (firstDay === 'nextWorkingDay') expect(r.day1! > receivedOn).toBe(true);
      // day 1 counts: the working days from the day before day 1 up to the due date are 20
      expect(workingDaysBetween(addDays(r.day1!, -1), r.dueDate!)).toBe(REPLY_WORKING_DAYS);
    }), { numRuns: RUNS, seed: 20192 });
  });

  it('an extension adds exactly its working days, never more than 20; a longer one is refused with a code', () => {
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 19 }), (receivedOn, workingDays, before) => {
      const base = computeDeadline({ receivedOn }, cal);
      // decided and told some working days before the period runs out
      let decided = base.dueDate!;
      for (let i = 0; i < before; i++) {
        decided = addDays(decided, -1);
        while (!cal.isWorkingDay(decided)) decided = addDays(decided, -1);
      }
      if (decided <= receivedOn) decided = base.day1!;
      const events: RequestClockEvent[] = [{ type: 'extension', date: decided, workingDays, approver: '王某某', applicantNotifiedOn: decided }];
      if (workingDays > MAX_EXTENSION_WORKING_DAYS) {
        let code = 'NO_ERROR';
        try {
          computeDeadline({ receivedOn, events }, cal);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          code = e.code;
        }
        expect(code).not.toBe('NO_ERROR');
        return;
      }
      const r = computeDeadline({ receivedOn, events }, cal);
      expect(r.extensionDays).toBe(workingDays);
      expect(workingDaysBetween(base.dueDate!, r.dueDate!)).toBe(workingDays);
      expect(workingDaysBetween(base.dueDate!, r.dueDate!)).toBeLessThanOrEqual(MAX_EXTENSION_WORKING_DAYS);
    }), { numRuns: RUNS, seed: 20193 });
  });

  it('a consultation never brings the due date forward, and moves it by the working days it took', () => {
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 30 }), (receivedOn, startAfter, length) => {
      const base = computeDeadline({ receivedOn }, cal);
      let start = base.day1!;
      for (let i = 0; i < startAfter; i++) start = addDays(start, 1);
      if (start > base.dueDate!) start = base.dueDate!;
      const end = addDays(start, length);
      const r = computeDeadline({ receivedOn, events: [
        { type: 'consultationStarted', id: 'c1', party: 'thirdParty', date: start, letterReceivedOn: start },
        { type: 'consultationEnded', id: 'c1', date: end },
      ] }, cal);
      expect(r.dueDate! >= base.dueDate!).toBe(true);
      expect(workingDaysBetween(base.dueDate!, r.dueDate!)).toBe(r.excludedWorkingDays.length);
      for (const d of r.excludedWorkingDays) expect(d >= start && d <= end && cal.isWorkingDay(d)).toBe(true);
    }), { numRuns: RUNS, seed: 20194 });
  });
});
