import { describe, expect, it } from 'vitest';
import { datesBetween } from '../../../lib/calendar/iso-date.ts';
import { WorkingDayCalendar, type CalendarYearData } from '../../../lib/calendar/working-day-calendar.ts';
import { AppError } from '../../../platform/errors.ts';
import { computeDeadline, type DeadlineInput, type RequestClockEvent } from './deadlines.ts';

const cal = new WorkingDayCalendar();
const run = (input: DeadlineInput) => computeDeadline(input, cal);
const text = (r: { explanation: string[] }): string => r.explanation.join('\n');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'NO_ERROR';
}

// Dates worked out by hand on the calendar; March 2021 has no holiday before 清明 (04-03..05).
// Received 2021-03-01 (Mon): day 1 = 03-02, working day 7 = 03-10, working day 20 = 03-29.
const MARCH = '2021-03-01';

describe('the reply period (条例第三十三条第二款: 20 working days)', () => {
  it('day 1 is the first working day after receipt by default', () => {
    const r = run({ receivedOn: MARCH });
    expect(r).toMatchObject({ day1: '2021-03-02', baseDueDate: '2021-03-29', dueDate: '2021-03-29', state: 'running', extensionDays: 0, excludedWorkingDays: [], correctionRequestDeadline: '2021-03-10', violations: [] });
    expect(r.explanation).toContain('第1个工作日：2021-03-02（星期二）。');
    expect(text(r)).toContain('参照《民法典》第二百零一条');
    expect(text(r)).toContain('答复期限：2021-03-29（星期一）（第20个计入的工作日）。');
  });

  it('receiptDay rule: the receipt day is day 1 when it is a working day, else the next working day', () => {
    expect(run({ receivedOn: MARCH, rules: { firstDay: 'receiptDay' } })).toMatchObject({ day1: '2021-03-01', dueDate: '2021-03-26', correctionRequestDeadline: '2021-03-09' });
    expect(run({ receivedOn: '2021-03-06', rules: { firstDay: 'receiptDay' } })).toMatchObject({ day1: '2021-03-08' });
    expect(text(run({ receivedOn: MARCH, rules: { firstDay: 'receiptDay' } }))).toContain('当日即为第1个工作日');
  });

  it('2020 Spring Festival extension: the ten days 01-24..02-02 are skipped, 02-01 (Sat) is not worked', () => {
    const r = run({ receivedOn: '2020-01-20' });
    // 01-21, 22, 23 = days 1–3; 02-03 = day 4; …; 02-25 = day 20
    expect(r).toMatchObject({ day1: '2020-01-21', dueDate: '2020-02-25' });
    expect(text(r)).toContain('2020-01-24（星期五）至2020-02-02（星期日）：春节，共10天');
    expect(run({ receivedOn: '2020-01-23' }).day1).toBe('2020-02-03');
  });

  it('2020: received on Saturday 01-18, the 调休 Sunday 01-19 is day 1', () => {
    const r = run({ receivedOn: '2020-01-18' });
    expect(r).toMatchObject({ day1: '2020-01-19', dueDate: '2020-02-21' });
    expect(text(r)).toContain('调休上班的周末，计为工作日：2020-01-19（星期日）（春节调休）');
  });

  it('National Day 2020: 09-27 (Sun) and 10-10 (Sat) count, 10-01..10-08 are skipped', () => {
    const r = run({ receivedOn: '2020-09-25' });
    expect(r).toMatchObject({ day1: '2020-09-27', dueDate: '2020-10-29', correctionRequestDeadline: '2020-10-12' });
    expect(text(r)).toContain('2020-10-01（星期四）至2020-10-08（星期四）：国庆节，共8天');
    expect(text(r)).toContain('2020-09-27（星期日）（国庆节调休）；2020-10-10（星期六）（国庆节调休）');
  });

  it('2023 New Year, which began on 2022-12-31: received 2022-12-30, day 1 is 2023-01-03', () => {
    const r = run({ receivedOn: '2022-12-30' });
    // …, 01-21..27 春节 off, 01-28 and 01-29 (weekend 调休) count: day 20 = 02-02
    expect(r).toMatchObject({ day1: '2023-01-03', dueDate: '2023-02-02' });
    expect(text(r)).toContain('2022-12-31（星期六）至2023-01-02（星期一）：元旦，共3天');
    expect(text(r)).toContain('2023-01-28（星期六）（春节调休）；2023-01-29（星期日）（春节调休）');
  });

  it('2026: Spring Festival 02-15..02-23, 02-14 and 02-28 (Sat) counted', () => {
    const r = run({ receivedOn: '2026-02-13' });
    expect(r).toMatchObject({ day1: '2026-02-14', dueDate: '2026-03-19' });
    expect(text(r)).toContain('2026-02-15（星期日）至2026-02-23（星期一）：春节，共9天');
  });

  it('a period running into a year without calendar data is an error, not a guess', () => {
    expect(codeOf(() => run({ receivedOn: '2026-12-15' }))).toBe('CALENDAR_YEAR_MISSING');
    const y2027: CalendarYearData = {
      year: 2027,
      source: { title: '（测试用）2027年节假日安排', docNumber: null, issuedOn: null, url: null },
      offDays: ['2027-01-01', '2027-01-02', '2027-01-03', ...datesBetween('2027-02-06', '2027-02-13'), '2027-10-01', '2027-10-02'],
      workDays: [],
    };
    const r = computeDeadline({ receivedOn: '2026-12-15' }, cal.withYear(y2027));
    // 2026-12-16..31: 12 working days; 2027-01-01..03 off; 01-04..08, 11, 12, 13: 8 more
    expect(r.dueDate).toBe('2027-01-13');
  });

  it('judges overdue against asOf', () => {
    expect(run({ receivedOn: MARCH, asOf: '2021-03-29' }).overdue).toBe(false);
    const r = run({ receivedOn: MARCH, asOf: '2021-03-31' });
    expect(r.overdue).toBe(true);
    expect(text(r)).toContain('已超过答复期限2个工作日');
  });
});

describe('补正 (条例第三十条)', () => {
  const asked = (date: string, deadline = '2021-03-19'): RequestClockEvent => ({ type: 'correctionRequested', date, applicantDeadline: deadline });

  it('waiting for the correction: no reply due date, the applicant’s deadline tracked', () => {
    const r = run({ receivedOn: MARCH, events: [asked('2021-03-05')] });
    expect(r).toMatchObject({ state: 'awaitingCorrection', dueDate: null, day1: null, correction: { requestedOn: '2021-03-05', applicantDeadline: '2021-03-19', receivedOn: null } });
    expect(text(r)).toContain('正在等待申请人补正');
  });

  it('the clock starts again from the receipt of the corrected application', () => {
    const r = run({ receivedOn: MARCH, events: [asked('2021-03-05'), { type: 'correctionReceived', date: '2021-03-15' }] });
    // day 1 = 03-16; 清明 04-03..05 skipped; day 20 = 04-13
    expect(r).toMatchObject({ state: 'running', restartedByCorrection: true, clockStartedOn: '2021-03-15', day1: '2021-03-16', dueDate: '2021-04-13', violations: [] });
    expect(text(r)).toContain('答复期限自该日起重新计算');
    expect(text(r)).toContain('重新计算后的第1个工作日：2021-03-16（星期二）。');
  });

  it('asked on working day 7 is in time; on day 8 it is reported as a violation (the restart still applies)', () => {
    expect(run({ receivedOn: MARCH, events: [asked('2021-03-10')] }).violations).toEqual([]);
    const r = run({ receivedOn: MARCH, events: [asked('2021-03-11'), { type: 'correctionReceived', date: '2021-03-15' }] });
    expect(r.violations).toMatchObject([{ code: 'CORRECTION_REQUEST_LATE', article: '条例第三十条' }]);
    expect(r.dueDate).toBe('2021-04-13');
    expect(text(r)).toContain('注意：告知补正之日（2021-03-11）晚于收到申请后第7个工作日（2021-03-10）');
  });

  it('2020 National Day: the 7 working days run over the holiday (09-27 and 10-10 count)', () => {
    expect(run({ receivedOn: '2020-09-25' }).correctionRequestDeadline).toBe('2020-10-12');
  });

  it('only once (一次性告知)', () => {
    const events = [asked('2021-03-05'), { type: 'correctionReceived', date: '2021-03-15' } as const, asked('2021-03-17', '2021-03-30')];
    expect(codeOf(() => run({ receivedOn: MARCH, events }))).toBe('REQUEST_CORRECTION_ONCE');
  });

  it('no correction in time: closed as 其他处理 / 逾期不补正, but only after the deadline', () => {
    expect(codeOf(() => run({ receivedOn: MARCH, events: [asked('2021-03-05'), { type: 'correctionDeadlineMissed', date: '2021-03-19' }] }))).toBe('REQUEST_CORRECTION_NOT_EXPIRED');
    const r = run({ receivedOn: MARCH, events: [asked('2021-03-05'), { type: 'correctionDeadlineMissed', date: '2021-03-22' }] });
    expect(r).toMatchObject({ state: 'closedNoCorrection', dueDate: null, outcome: { code: 'other.noCorrection' } });
    expect(text(r)).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [asked('2021-03-05'), { type: 'correctionDeadlineMissed', date: '2021-03-22' }, { type: 'replied', date: '2021-03-23' }] }))).toBe('REQUEST_CLOCK_CLOSED');
  });

  it('a late correction is still accepted, with a note', () => {
    const r = run({ receivedOn: MARCH, events: [asked('2021-03-05'), { type: 'correctionReceived', date: '2021-03-22' }] });
    expect(r.state).toBe('running');
    expect(text(r)).toContain('补正晚于补正期限收到');
  });

  it('refuses a correction deadline before the request, and a correction received without a request', () => {
    expect(codeOf(() => run({ receivedOn: MARCH, events: [asked('2021-03-05', '2021-03-04')] }))).toBe('REQUEST_CORRECTION_DEADLINE_INVALID');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [{ type: 'correctionReceived', date: '2021-03-15' }] }))).toBe('REQUEST_NO_CORRECTION_PENDING');
  });
});

describe('征求意见 (条例第三十二条、第三十四条; 第三十三条第三款)', () => {
  const start = (id: string, date: string, extra: Partial<Extract<RequestClockEvent, { type: 'consultationStarted' }>> = {}): RequestClockEvent => ({ type: 'consultationStarted', id, party: 'thirdParty', date, ...extra });
  const end = (id: string, date: string): RequestClockEvent => ({ type: 'consultationEnded', id, date });

  it('tracks the third party’s 15 working days and leaves the days spent out of the reply period', () => {
    const r = run({ receivedOn: MARCH, events: [start('tp', '2021-03-08', { letterReceivedOn: '2021-03-09', partyName: '某某公司' }), end('tp', '2021-03-12')] });
    expect(r.thirdPartyDueDates).toMatchObject([{ id: 'tp', dueDate: '2021-03-30', basis: 'letterReceived', excludedWorkingDays: ['2021-03-09', '2021-03-10', '2021-03-11', '2021-03-12'] }]);
    expect(r).toMatchObject({ baseDueDate: '2021-03-29', dueDate: '2021-04-02', excludedWorkingDays: ['2021-03-09', '2021-03-10', '2021-03-11', '2021-03-12'], state: 'running' });
    expect(text(r)).toContain('征求意见所需时间不计入答复期限（条例第三十三条第三款）：扣除4个工作日');
    expect(text(r)).toContain('对方应在收到后15个工作日内提出意见，即不晚于2021-03-30（星期二）');
  });

  it('without the letter’s receipt date, counts the party’s 15 days from sending (and says so)', () => {
    const r = run({ receivedOn: MARCH, events: [start('tp', '2021-03-08')] });
    expect(r.thirdPartyDueDates[0]).toMatchObject({ basis: 'letterSent', dueDate: '2021-03-29' });
    expect(text(r)).toContain('暂按发出之日计算');
  });

  it('an open consultation pauses the clock; the due date is provisional up to asOf', () => {
    const r = run({ receivedOn: MARCH, asOf: '2021-03-10', events: [start('tp', '2021-03-08', { letterReceivedOn: '2021-03-09' })] });
    expect(r).toMatchObject({ state: 'paused', provisional: true, excludedWorkingDays: ['2021-03-09', '2021-03-10'], dueDate: '2021-03-31' });
    expect(text(r)).toContain('以上答复期限为暂定');
  });

  it('time beyond the party’s own deadline is not left out (conservative)', () => {
    const r = run({ receivedOn: MARCH, asOf: '2021-04-20', events: [start('tp', '2021-03-08', { letterReceivedOn: '2021-03-09' })] });
    expect(r.excludedWorkingDays).toHaveLength(16); // 03-09 .. 03-30
    expect(r.excludedWorkingDays.at(-1)).toBe('2021-03-30');
    expect(text(r)).toContain('超过其15个工作日期限的时间不再扣除');
  });

  it('overlapping consultations (a third party and another agency) leave out the union, not the sum', () => {
    const r = run({ receivedOn: MARCH, events: [start('a', '2021-03-08'), start('b', '2021-03-10', { party: 'otherAgency' }), end('a', '2021-03-12'), end('b', '2021-03-16')] });
    expect(r.excludedWorkingDays).toEqual(['2021-03-09', '2021-03-10', '2021-03-11', '2021-03-12', '2021-03-15', '2021-03-16']);
    expect(r.dueDate).toBe(cal.addWorkingDays('2021-03-29', 6));
    expect(text(r)).toContain('逾期未提出意见的视为同意公开');
  });

  it('a consultation started after the period ran out does not revive it', () => {
    const r = run({ receivedOn: MARCH, events: [start('tp', '2021-03-31'), end('tp', '2021-04-09')] });
    expect(r.dueDate).toBe('2021-03-29');
    expect(r.violations.map((v) => v.code)).toEqual(['CONSULTATION_AFTER_DUE']);
  });

  it('refuses an unknown or closed consultation and a duplicate id', () => {
    expect(codeOf(() => run({ receivedOn: MARCH, events: [end('x', '2021-03-12')] }))).toBe('REQUEST_CONSULTATION_NOT_OPEN');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [start('a', '2021-03-08'), start('a', '2021-03-09')] }))).toBe('REQUEST_CONSULTATION_DUPLICATE');
  });
});

describe('延期 (条例第三十三条第二款)', () => {
  const ext = (workingDays: number, extra: Partial<Extract<RequestClockEvent, { type: 'extension' }>> = {}): RequestClockEvent => ({ type: 'extension', date: '2021-03-25', workingDays, approver: '王某某', applicantNotifiedOn: '2021-03-26', ...extra });

  it('adds up to 20 working days, with the approver and the date the applicant was told', () => {
    const r = run({ receivedOn: MARCH, events: [ext(20)] });
    // after 03-29: 清明 04-03..05 skipped, 04-25 (Sun) is a 调休 working day: working day 40 = 04-26
    expect(r).toMatchObject({ baseDueDate: '2021-03-29', dueDate: '2021-04-26', extensionDays: 20, extension: { approver: '王某某', applicantNotifiedOn: '2021-03-26', applied: true } });
    expect(text(r)).toContain('经政府信息公开工作机构负责人王某某同意延长答复期限20个工作日，2021-03-26（星期五）告知申请人');
    expect(text(r)).toContain('2021-04-25（星期日）（劳动节调休）');
  });

  it('refuses more than 20 working days, a second extension, no approver, no notice date', () => {
    expect(codeOf(() => run({ receivedOn: MARCH, events: [ext(21)] }))).toBe('REQUEST_EXTENSION_TOO_LONG');
    expect(() => run({ receivedOn: MARCH, events: [ext(21)] })).toThrow('延长的期限最长不得超过20个工作日（条例第三十三条第二款）');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [ext(10), ext(10, { date: '2021-03-26' })] }))).toBe('REQUEST_EXTENSION_ONCE');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [ext(0)] }))).toBe('REQUEST_EXTENSION_INVALID');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [ext(10, { approver: ' ' })] }))).toBe('REQUEST_EXTENSION_APPROVER_REQUIRED');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [ext(10, { applicantNotifiedOn: '' })] }))).toBe('REQUEST_EXTENSION_NOTICE_REQUIRED');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [ext(10, { applicantNotifiedOn: '2021-03-24' })] }))).toBe('REQUEST_EXTENSION_NOTICE_INVALID');
  });

  it('an extension told to the applicant after the period ran out is reported and not applied', () => {
    const r = run({ receivedOn: MARCH, events: [ext(20, { date: '2021-03-29', applicantNotifiedOn: '2021-03-30' })] });
    expect(r).toMatchObject({ dueDate: '2021-03-29', extensionDays: 0, extension: { applied: false } });
    expect(r.violations.map((v) => v.code)).toEqual(['EXTENSION_NOTICE_LATE']);
  });

  it('works with a consultation: both the excluded days and the extension move the date', () => {
    const r = run({ receivedOn: MARCH, events: [{ type: 'consultationStarted', id: 'tp', party: 'thirdParty', date: '2021-03-08' }, { type: 'consultationEnded', id: 'tp', date: '2021-03-12' }, ext(5)] });
    expect(r.dueDate).toBe(cal.addWorkingDays('2021-03-29', 4 + 5));
    expect(text(r)).toContain('第25个计入的工作日，含延期5个工作日，另扣除4个不计入的工作日');
  });
});

describe('收费 (国办函〔2020〕109号)', () => {
  const notice: RequestClockEvent = { type: 'feeNoticeSent', date: '2021-03-10', receivedOn: '2021-03-11', amountYuan: 3000 };

  it('payment due 20 working days from the day after the notice was received; the wait counts by default (unconfirmed)', () => {
    const r = run({ receivedOn: MARCH, events: [notice] });
    // 03-12 = day 1 … 清明 skipped … 04-09 = day 20
    expect(r.fee).toMatchObject({ paymentDueDate: '2021-04-09', paidOn: null });
    expect(r).toMatchObject({ dueDate: '2021-03-29', state: 'running' });
    expect(text(r)).toContain('本计算按计入处理：答复期限不因收费而顺延');
  });

  it('with the rule flag, the days from the notice to payment are left out', () => {
    const r = run({ receivedOn: MARCH, rules: { excludeFeeWaiting: true }, events: [notice, { type: 'feePaid', date: '2021-03-15' }] });
    expect(r.excludedWorkingDays).toEqual(['2021-03-11', '2021-03-12', '2021-03-15']);
    expect(r.dueDate).toBe('2021-04-01');
    const open = run({ receivedOn: MARCH, rules: { excludeFeeWaiting: true }, asOf: '2021-03-12', events: [notice] });
    expect(open).toMatchObject({ state: 'paused', provisional: true });
  });

  it('not paid in time: closed as 其他处理 / 逾期未缴费, only after the payment deadline', () => {
    expect(codeOf(() => run({ receivedOn: MARCH, events: [notice, { type: 'feeNotPaid', date: '2021-04-09' }] }))).toBe('REQUEST_FEE_NOT_EXPIRED');
    const r = run({ receivedOn: MARCH, events: [notice, { type: 'feeNotPaid', date: '2021-04-12' }] });
    expect(r).toMatchObject({ state: 'closedFeeNotPaid', outcome: { code: 'other.feeNotPaid' } });
    expect(codeOf(() => run({ receivedOn: MARCH, events: [{ ...notice, receivedOn: null }, { type: 'feeNotPaid', date: '2021-05-12' }] }))).toBe('REQUEST_FEE_RECEIPT_UNKNOWN');
  });

  it('one notice only; paying needs a notice', () => {
    expect(codeOf(() => run({ receivedOn: MARCH, events: [notice, { ...notice, date: '2021-03-12' }] }))).toBe('REQUEST_FEE_ONCE');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [{ type: 'feePaid', date: '2021-03-12' }] }))).toBe('REQUEST_NO_FEE_NOTICE');
  });

  it('a fee notice after the reply period is reported', () => {
    const r = run({ receivedOn: MARCH, events: [{ type: 'feeNoticeSent', date: '2021-03-30' }] });
    expect(r.violations.map((v) => v.code)).toEqual(['FEE_NOTICE_AFTER_DUE']);
  });
});

describe('reply and bad input', () => {
  it('a reply in time, and a late one', () => {
    expect(run({ receivedOn: MARCH, events: [{ type: 'replied', date: '2021-03-29' }] })).toMatchObject({ state: 'replied', overdue: false, violations: [] });
    const late = run({ receivedOn: MARCH, events: [{ type: 'replied', date: '2021-03-31' }] });
    expect(late).toMatchObject({ overdue: true, violations: [{ code: 'REPLY_LATE' }] });
    expect(text(late)).toContain('超过答复期限（2021-03-29）2个工作日');
  });

  it('orders events by date, whatever order they are given in', () => {
    const a = run({ receivedOn: MARCH, events: [{ type: 'correctionReceived', date: '2021-03-15' }, { type: 'correctionRequested', date: '2021-03-05', applicantDeadline: '2021-03-19' }] });
    expect(a.dueDate).toBe('2021-04-13');
  });

  it('refuses events before the receipt, after the reply, and bad dates', () => {
    expect(codeOf(() => run({ receivedOn: MARCH, events: [{ type: 'replied', date: '2021-02-26' }] }))).toBe('REQUEST_EVENT_BEFORE_RECEIPT');
    expect(codeOf(() => run({ receivedOn: MARCH, events: [{ type: 'replied', date: '2021-03-10' }, { type: 'consultationStarted', id: 'a', party: 'thirdParty', date: '2021-03-11' }] }))).toBe('REQUEST_CLOCK_CLOSED');
    expect(codeOf(() => run({ receivedOn: '2021-02-30' }))).toBe('CALENDAR_DATE_INVALID');
    expect(codeOf(() => run({ receivedOn: MARCH, rules: { firstDay: 'sameDay' as never } }))).toBe('REQUEST_RULE_INVALID');
  });

  it('uses the active calendar when none is given', () => {
    expect(computeDeadline({ receivedOn: MARCH }).dueDate).toBe('2021-03-29');
  });
});
