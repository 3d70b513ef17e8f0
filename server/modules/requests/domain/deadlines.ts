/**
 * The statutory clock of a disclosure request (依申请公开), from the receipt date and the request's
 * events: the reply due date, and an explanation a person can check (Chinese), under
 * 《中华人民共和国政府信息公开条例》(国务院令第711号, in force 2019-05-15; "条例" below).
 *
 * Pure: no I/O. Working days come from the official calendar (server/lib/calendar); a date in a
 * year without calendar data throws CALENDAR_YEAR_MISSING rather than guessing.
 *
 * Rules, with their source (shared/reference/disclosure-regulation.md, part A):
 * - 条例第三十三条第二款: reply within 20 working days of receipt; an extension needs the consent of
 *   the head of the 政府信息公开工作机构 and notice to the applicant, and is at most 20 working days.
 * - Day 1 [unconfirmed]: the regulation does not say whether the receipt day counts. Default: the
 *   first working day after the receipt date is day 1 (《民法典》第二百零一条: 开始的当日不计入);
 *   configurable (`firstDay: 'receiptDay'`).
 * - 条例第三十条: a correction (补正) must be asked within 7 working days of receipt, once, listing
 *   everything, with a reasonable correction period; the reply period is counted from the receipt of
 *   the corrected application (the clock starts again); no correction in time without good reason =
 *   the application is given up (其他处理 / 逾期不补正).
 * - 条例第三十二条 / 第三十四条: a third party / another agency has 15 working days from receiving the
 *   consultation letter; 条例第三十三条第三款: the time spent consulting third parties and other
 *   agencies does not count toward the reply period.
 * - Fees (国办函〔2020〕109号, as restated by the Sichuan notice, FEE-SC): pay within 20 working days
 *   from the day after receiving the fee notice, or the application is given up (其他处理 / 逾期未缴费).
 *   Whether the waiting time is excluded from the reply period is unconfirmed: rule flag
 *   `excludeFeeWaiting`, default false (not excluded).
 */
import { activeCalendar } from '../../../lib/working-days.ts';
import { addDays, assertIsoDate, formatDate } from '../../../lib/calendar/iso-date.ts';
import type { WorkingDayCalendar } from '../../../lib/calendar/working-day-calendar.ts';
import { ConflictError, ValidationError } from '../../../platform/errors.ts';

/** 条例第三十三条第二款: 20 working days to reply. */
export const REPLY_WORKING_DAYS = 20;
/** 条例第三十三条第二款: an extension is at most 20 working days. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** 条例第三十条: ask for a correction within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** 条例第三十二条、第三十四条: 15 working days for a third party or another agency. */
export const CONSULTATION_WORKING_DAYS = 15;
/** FEE-SC (applying 国办函〔2020〕109号): 20 working days to pay, from the day after receiving the notice. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** Annual-report rows (国办公开办函〔2021〕30号, table 三 （六）其他处理) for the two closures. */
export const CLOSURE_OUTCOMES = {
  noCorrection: { code: 'other.noCorrection', label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  feeNotPaid: { code: 'other.feeNotPaid', label: '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
} as const;

export type FirstDayRule = 'nextWorkingDay' | 'receiptDay';

export interface DeadlineRules {
  /**
   * Which day is day 1 of a period "counted from" a date [unconfirmed in the regulation]:
   * 'nextWorkingDay' (default) — the first working day after it; 'receiptDay' — the date itself when
   * it is a working day (else the next working day). Used for the reply period, the 7-day correction
   * notice and the 15-day consultation period alike.
   */
  firstDay: FirstDayRule;
  /**
   * Whether the working days from sending the fee notice to payment are left out of the reply period
   * [unconfirmed: the national 办法's later articles were not read]. Default false: they count.
   */
  excludeFeeWaiting: boolean;
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = { firstDay: 'nextWorkingDay', excludeFeeWaiting: false };

export type ConsultationParty = 'thirdParty' | 'otherAgency';

/** The events of a request that move its clock. Dates are YYYY-MM-DD. */
export type RequestClockEvent =
  /** 条例第三十条: the applicant is told (once, listing everything) to correct the application, with a correction period. */
  | { type: 'correctionRequested'; date: string; applicantDeadline: string }
  /** 条例第三十条: the corrected application is received — the reply period starts again from this date. */
  | { type: 'correctionReceived'; date: string }
  /** 条例第三十条: the correction period passed without a correction — closed as 其他处理 / 逾期不补正. */
  | { type: 'correctionDeadlineMissed'; date: string }
  /**
   * 条例第三十二条 (third party) / 第三十四条 (other agency): the consultation letter is sent on `date`;
   * `letterReceivedOn` is when the party received it (its 15 working days run from then).
   */
  | { type: 'consultationStarted'; id: string; party: ConsultationParty; date: string; letterReceivedOn?: string | null; partyName?: string | null }
  /** The party's opinion arrived (or the consultation was otherwise ended) on `date`. */
  | { type: 'consultationEnded'; id: string; date: string }
  /** 条例第三十三条第二款: extension decided on `date`, approved by `approver`, applicant told on `applicantNotifiedOn`. */
  | { type: 'extension'; date: string; workingDays: number; approver: string; applicantNotifiedOn: string }
  /** Fee notice (信息处理费) sent on `date`; `receivedOn`: when the applicant received it. */
  | { type: 'feeNoticeSent'; date: string; receivedOn?: string | null; amountYuan?: number | null }
  | { type: 'feePaid'; date: string }
  /** The payment period passed without payment — closed as 其他处理 / 逾期未缴费. */
  | { type: 'feeNotPaid'; date: string }
  /**
   * The reply was delivered: in person or through another agency, the day the applicant signed; by
   * post (a postal enterprise), the day it was handed to the post (国办公开办函〔2016〕235号).
   */
  | { type: 'replied'; date: string };

export interface DeadlineInput {
  /** 收到申请之日, fixed per channel by 条例第三十一条 (the caller decides it). */
  receivedOn: string;
  events?: readonly RequestClockEvent[];
  rules?: Partial<DeadlineRules>;
  /**
   * Today, for a request that is still open: a consultation (or, with `excludeFeeWaiting`, a fee
   * wait) still under way is counted up to this date, and `overdue` is judged against it.
   */
  asOf?: string | null;
}

export type ClockState = 'running' | 'paused' | 'awaitingCorrection' | 'closedNoCorrection' | 'closedFeeNotPaid' | 'replied';

export interface ConsultationDue {
  id: string;
  party: ConsultationParty;
  partyName: string | null;
  sentOn: string;
  letterReceivedOn: string | null;
  /** The party's own deadline: 15 working days from receiving the letter (or from sending it, when the receipt is not recorded). */
  dueDate: string;
  basis: 'letterReceived' | 'letterSent';
  endedOn: string | null;
  /** Whether this consultation belongs to the current clock (false: before a correction restarted it). */
  current: boolean;
  /** Working days of the reply period it left out (条例第三十三条第三款). */
  excludedWorkingDays: string[];
}

export interface ClockViolation {
  code: 'CORRECTION_REQUEST_LATE' | 'EXTENSION_NOTICE_LATE' | 'CONSULTATION_AFTER_DUE' | 'FEE_NOTICE_AFTER_DUE' | 'REPLY_LATE';
  /** e.g. 条例第三十条 */
  article: string;
  date: string;
  message: string;
}

export interface DeadlineResult {
  receivedOn: string;
  rules: DeadlineRules;
  /** The date the current reply period is counted from: the receipt, or the receipt of the corrected application. */
  clockStartedOn: string;
  restartedByCorrection: boolean;
  /** Day 1 of the current reply period; null while waiting for a correction or after closing for no correction. */
  day1: string | null;
  /** Working day 20 from day 1, without extension or excluded days. */
  baseDueDate: string | null;
  /** The reply due date: 20 working days + extension, skipping the excluded working days. */
  dueDate: string | null;
  /** True while a consultation (or an excluded fee wait) is under way: the due date will move later. */
  provisional: boolean;
  extensionDays: number;
  extension: { decidedOn: string; workingDays: number; approver: string; applicantNotifiedOn: string; applied: boolean } | null;
  /** Working days of the reply period left out (consultations; fee wait when the rule says so), ascending. */
  excludedWorkingDays: string[];
  /** Last day to ask for a correction: working day 7 from the (original) receipt (条例第三十条). */
  correctionRequestDeadline: string;
  correction: { requestedOn: string; applicantDeadline: string; receivedOn: string | null; missedOn: string | null } | null;
  thirdPartyDueDates: ConsultationDue[];
  fee: { noticeSentOn: string; noticeReceivedOn: string | null; paymentDueDate: string | null; paidOn: string | null; notPaidOn: string | null; amountYuan: number | null } | null;
  state: ClockState;
  /** The annual-report row of a closure (其他处理 1 or 2), else null. */
  outcome: { code: string; label: string } | null;
  repliedOn: string | null;
  /** Replied after the due date, or (with asOf) still open after it; null when it cannot be judged. */
  overdue: boolean | null;
  violations: ClockViolation[];
  explanation: string[];
}

// ---- counting ----

/** The n-th counted working day of a period counted from `start` under the day-1 rule. */
function nthDay(cal: WorkingDayCalendar, start: string, n: number, rule: FirstDayRule, excluded: ReadonlySet<string> = new Set()): string {
  let count = 0;
  for (let d = rule === 'receiptDay' ? start : addDays(start, 1); ; d = addDays(d, 1)) {
    if (cal.isWorkingDay(d) && !excluded.has(d) && ++count === n) return d;
  }
}

const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);
const partyLabel = (p: ConsultationParty): string => (p === 'thirdParty' ? '第三方' : '其他机关');
const partyArticle = (p: ConsultationParty): string => (p === 'thirdParty' ? '条例第三十二条' : '条例第三十四条');

interface Consultation {
  id: string;
  party: ConsultationParty;
  partyName: string | null;
  sentOn: string;
  letterReceivedOn: string | null;
  endedOn: string | null;
  epoch: number;
}

function closedError(state: ClockState, type: string): never {
  const what = state === 'replied' ? '已答复' : state === 'closedNoCorrection' ? '已按逾期不补正办结' : '已按逾期未缴费办结';
  throw new ConflictError('REQUEST_CLOCK_CLOSED', `本申请${what}，不能再记录“${EVENT_LABELS[type] ?? type}”`);
}

const EVENT_LABELS: Record<string, string> = {
  correctionRequested: '告知补正',
  correctionReceived: '收到补正',
  correctionDeadlineMissed: '逾期不补正',
  consultationStarted: '征求意见',
  consultationEnded: '征求意见结束',
  extension: '延期答复',
  feeNoticeSent: '发出收费通知',
  feePaid: '缴费',
  feeNotPaid: '逾期未缴费',
  replied: '答复',
};

/**
 * Computes the clock of one request. Throws a coded error for events the regulation does not allow
 * (a second correction request, a second extension or one over 20 working days, …); reports, without
 * throwing, what was done late (`violations`), since those are facts the record must show.
 */
export function computeDeadline(input: DeadlineInput, calendar: WorkingDayCalendar = activeCalendar()): DeadlineResult {
  const cal = calendar;
  const rules: DeadlineRules = { ...DEFAULT_DEADLINE_RULES, ...(input.rules ?? {}) };
  if (rules.firstDay !== 'nextWorkingDay' && rules.firstDay !== 'receiptDay') {
    throw new ValidationError('REQUEST_RULE_INVALID', `起算规则无效：${String(rules.firstDay)}`);
  }
  const receivedOn = input.receivedOn;
  assertIsoDate(receivedOn, '收到申请之日');
  const asOf = input.asOf ?? null;
  if (asOf !== null) assertIsoDate(asOf, '当前日期');

  // Events in date order (stable: same-day events keep the order given).
  const events = [...(input.events ?? [])]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map(({ e }) => e);

  let state: ClockState = 'running';
  let epoch = 0;
  let clockStartedOn = receivedOn;
  let correction: DeadlineResult['correction'] = null;
  const consultations = new Map<string, Consultation>();
  let extension: { decidedOn: string; workingDays: number; approver: string; applicantNotifiedOn: string } | null = null;
  let fee: (NonNullable<DeadlineResult['fee']> & { epoch: number }) | null = null;
  let repliedOn: string | null = null;

  const openConsultations = (): Consultation[] => [...consultations.values()].filter((c) => c.endedOn === null);

  for (const e of events) {
    assertIsoDate(e.date, `“${EVENT_LABELS[e.type] ?? e.type}”的日期`);
    if (e.date < receivedOn) {
      throw new ValidationError('REQUEST_EVENT_BEFORE_RECEIPT', `“${EVENT_LABELS[e.type] ?? e.type}”的日期（${e.date}）早于收到申请之日（${receivedOn}）`);
    }
    if (state === 'replied' || state === 'closedNoCorrection' || state === 'closedFeeNotPaid') closedError(state, e.type);

    switch (e.type) {
      case 'correctionRequested': {
        // 条例第三十条: 一次性告知 — one correction request, covering everything.
        if (correction) {
          throw new ConflictError('REQUEST_CORRECTION_ONCE', `补正应一次性告知（条例第三十条）：本申请已于${correction.requestedOn}告知补正，不能再次要求补正`);
        }
        if (openConsultations().length) throw new ConflictError('REQUEST_EVENT_NOT_ALLOWED', '征求意见期间不能告知补正：补正应在收到申请之日起7个工作日内一次性告知（条例第三十条）');
        if (extension) throw new ConflictError('REQUEST_EVENT_NOT_ALLOWED', '已延期答复的申请不能再告知补正（条例第三十条：补正应在收到申请之日起7个工作日内告知）');
        if (fee) throw new ConflictError('REQUEST_EVENT_NOT_ALLOWED', '已发出收费通知的申请不能再告知补正');
        assertIsoDate(e.applicantDeadline, '补正期限');
        if (e.applicantDeadline < e.date) throw new ValidationError('REQUEST_CORRECTION_DEADLINE_INVALID', `补正期限（${e.applicantDeadline}）早于告知补正之日（${e.date}）`);
        correction = { requestedOn: e.date, applicantDeadline: e.applicantDeadline, receivedOn: null, missedOn: null };
        state = 'awaitingCorrection';
        break;
      }
      case 'correctionReceived': {
        if (state !== 'awaitingCorrection' || !correction) throw new ConflictError('REQUEST_NO_CORRECTION_PENDING', '本申请没有待补正的告知，不能记录收到补正');
        correction.receivedOn = e.date;
        // 条例第三十条: 答复期限自行政机关收到补正的申请之日起计算 — the clock starts again.
        epoch++;
        clockStartedOn = e.date;
        state = 'running';
        break;
      }
      case 'correctionDeadlineMissed': {
        if (state !== 'awaitingCorrection' || !correction) throw new ConflictError('REQUEST_NO_CORRECTION_PENDING', '本申请没有待补正的告知，不能按逾期不补正处理');
        if (e.date <= correction.applicantDeadline) {
          throw new ValidationError('REQUEST_CORRECTION_NOT_EXPIRED', `补正期限（${correction.applicantDeadline}）尚未届满，不能按逾期不补正处理（条例第三十条）`);
        }
        correction.missedOn = e.date;
        state = 'closedNoCorrection';
        break;
      }
      case 'consultationStarted': {
        if (state === 'awaitingCorrection') throw new ConflictError('REQUEST_EVENT_NOT_ALLOWED', '等待补正期间不能开始征求意见');
        if (e.party !== 'thirdParty' && e.party !== 'otherAgency') throw new ValidationError('REQUEST_CONSULTATION_INVALID', `征求意见对象类型无效：${String(e.party)}`);
        if (!e.id) throw new ValidationError('REQUEST_CONSULTATION_INVALID', '征求意见缺少编号');
        if (consultations.has(e.id)) throw new ValidationError('REQUEST_CONSULTATION_DUPLICATE', `征求意见编号重复：${e.id}`);
        const letterReceivedOn = e.letterReceivedOn ?? null;
        if (letterReceivedOn !== null) {
          assertIsoDate(letterReceivedOn, '对方收到征求意见书的日期');
          if (letterReceivedOn < e.date) throw new ValidationError('REQUEST_CONSULTATION_INVALID', `对方收到征求意见书的日期（${letterReceivedOn}）早于发出日期（${e.date}）`);
        }
        consultations.set(e.id, { id: e.id, party: e.party, partyName: e.partyName?.trim() || null, sentOn: e.date, letterReceivedOn, endedOn: null, epoch });
        break;
      }
      case 'consultationEnded': {
        const c = consultations.get(e.id);
        if (!c || c.endedOn !== null) throw new ConflictError('REQUEST_CONSULTATION_NOT_OPEN', `没有进行中的征求意见：${e.id}`);
        c.endedOn = e.date;
        break;
      }
      case 'extension': {
        if (state === 'awaitingCorrection') throw new ConflictError('REQUEST_EVENT_NOT_ALLOWED', '等待补正期间不能延期答复');
        // 条例第三十三条第二款: 延长的期限最长不得超过20个工作日 — one extension of at most 20.
        if (extension) {
          throw new ConflictError('REQUEST_EXTENSION_ONCE', `本申请已于${extension.decidedOn}延期${extension.workingDays}个工作日，不能再次延期（条例第三十三条第二款：延长的期限最长不得超过20个工作日）`);
        }
        if (!Number.isInteger(e.workingDays) || e.workingDays < 1) {
          throw new ValidationError('REQUEST_EXTENSION_INVALID', `延长的工作日数应为1至20的整数：${e.workingDays}`);
        }
        if (e.workingDays > MAX_EXTENSION_WORKING_DAYS) {
          throw new ValidationError('REQUEST_EXTENSION_TOO_LONG', `延长的期限最长不得超过20个工作日（条例第三十三条第二款），不能延长${e.workingDays}个工作日`);
        }
        if (typeof e.approver !== 'string' || !e.approver.trim()) {
          throw new ValidationError('REQUEST_EXTENSION_APPROVER_REQUIRED', '延期须经政府信息公开工作机构负责人同意（条例第三十三条第二款）：请填写同意延期的负责人');
        }
        if (!e.applicantNotifiedOn) throw new ValidationError('REQUEST_EXTENSION_NOTICE_REQUIRED', '延期须告知申请人（条例第三十三条第二款）：请填写告知申请人的日期');
        assertIsoDate(e.applicantNotifiedOn, '告知申请人延期的日期');
        if (e.applicantNotifiedOn < e.date) throw new ValidationError('REQUEST_EXTENSION_NOTICE_INVALID', `告知申请人的日期（${e.applicantNotifiedOn}）早于延期决定之日（${e.date}）`);
        extension = { decidedOn: e.date, workingDays: e.workingDays, approver: e.approver.trim(), applicantNotifiedOn: e.applicantNotifiedOn };
        break;
      }
      case 'feeNoticeSent': {
        if (state === 'awaitingCorrection') throw new ConflictError('REQUEST_EVENT_NOT_ALLOWED', '等待补正期间不能发出收费通知');
        if (fee) throw new ConflictError('REQUEST_FEE_ONCE', `本申请已于${fee.noticeSentOn}发出收费通知`);
        const rec = e.receivedOn ?? null;
        if (rec !== null) {
          assertIsoDate(rec, '申请人收到收费通知的日期');
          if (rec < e.date) throw new ValidationError('REQUEST_FEE_INVALID', `申请人收到收费通知的日期（${rec}）早于发出日期（${e.date}）`);
        }
        // FEE-SC: 自收到收费通知的次日起20个工作日内缴纳 — always from the day after receipt.
        const paymentDueDate = rec === null ? null : cal.addWorkingDays(rec, FEE_PAYMENT_WORKING_DAYS);
        fee = { noticeSentOn: e.date, noticeReceivedOn: rec, paymentDueDate, paidOn: null, notPaidOn: null, amountYuan: e.amountYuan ?? null, epoch };
        break;
      }
      case 'feePaid': {
        if (!fee) throw new ConflictError('REQUEST_NO_FEE_NOTICE', '本申请没有发出收费通知');
        if (fee.paidOn) throw new ConflictError('REQUEST_FEE_PAID', `申请人已于${fee.paidOn}缴费`);
        fee.paidOn = e.date;
        break;
      }
      case 'feeNotPaid': {
        if (!fee) throw new ConflictError('REQUEST_NO_FEE_NOTICE', '本申请没有发出收费通知');
        if (fee.paidOn) throw new ConflictError('REQUEST_FEE_PAID', `申请人已于${fee.paidOn}缴费`);
        if (!fee.paymentDueDate) {
          throw new ValidationError('REQUEST_FEE_RECEIPT_UNKNOWN', '未记录申请人收到收费通知的日期，无法确定缴费期限，不能按逾期未缴费处理');
        }
        if (e.date <= fee.paymentDueDate) {
          throw new ValidationError('REQUEST_FEE_NOT_EXPIRED', `缴费期限（${fee.paymentDueDate}）尚未届满，不能按逾期未缴费处理`);
        }
        fee.notPaidOn = e.date;
        state = 'closedFeeNotPaid';
        break;
      }
      case 'replied': {
        if (state === 'awaitingCorrection') throw new ConflictError('REQUEST_EVENT_NOT_ALLOWED', '等待补正期间不能记录答复：请先记录收到补正或逾期不补正');
        repliedOn = e.date;
        state = 'replied';
        break;
      }
      default: {
        const t: never = e;
        throw new ValidationError('REQUEST_EVENT_INVALID', `未知的事件类型：${String((t as { type?: unknown }).type)}`);
      }
    }
  }

  const violations: ClockViolation[] = [];
  const closedOn = repliedOn ?? fee?.notPaidOn ?? null;

  // 条例第三十条: the correction notice is due within 7 working days of the (original) receipt.
  const correctionRequestDeadline = nthDay(cal, receivedOn, CORRECTION_NOTICE_WORKING_DAYS, rules.firstDay);
  if (correction && correction.requestedOn > correctionRequestDeadline) {
    violations.push({
      code: 'CORRECTION_REQUEST_LATE',
      article: '条例第三十条',
      date: correction.requestedOn,
      message: `告知补正之日（${correction.requestedOn}）晚于收到申请后第7个工作日（${correctionRequestDeadline}），不符合条例第三十条“自收到申请之日起7个工作日内一次性告知”的规定`,
    });
  }

  // Consultations: the party's own 15 working days (条例第三十二条、第三十四条), and the working days
  // they take out of the reply period (条例第三十三条第三款): those after the letter was sent, up to
  // the day the opinion arrived — but no later than the party's own deadline (time beyond it is not
  // "needed" for the consultation; counting it would risk a late reply) [inference, conservative].
  const excluded = new Set<string>();
  const consultationDays = new Map<string, string[]>();
  const consultationCapped = new Set<string>();
  const thirdPartyDueDates: ConsultationDue[] = [];
  for (const c of consultations.values()) {
    const basisDate = c.letterReceivedOn ?? c.sentOn;
    const dueDate = nthDay(cal, basisDate, CONSULTATION_WORKING_DAYS, rules.firstDay);
    const current = c.epoch === epoch;
    const days: string[] = [];
    if (current) {
      const endRaw = c.endedOn ?? closedOn ?? maxDate(asOf ?? c.sentOn, c.sentOn);
      const end = minDate(endRaw, dueDate);
      if (endRaw > dueDate) consultationCapped.add(c.id);
      for (const d of cal.workingDaysIn(c.sentOn, end)) {
        days.push(d);
        excluded.add(d);
      }
    }
    consultationDays.set(c.id, days);
    thirdPartyDueDates.push({
      id: c.id, party: c.party, partyName: c.partyName, sentOn: c.sentOn, letterReceivedOn: c.letterReceivedOn,
      dueDate, basis: c.letterReceivedOn ? 'letterReceived' : 'letterSent', endedOn: c.endedOn, current, excludedWorkingDays: [],
    });
  }

  // Fee wait, only when the office's rule leaves it out [unconfirmed]; capped at the payment deadline.
  const feeDays: string[] = [];
  if (rules.excludeFeeWaiting && fee && fee.epoch === epoch) {
    const endRaw = fee.paidOn ?? fee.notPaidOn ?? closedOn ?? maxDate(asOf ?? fee.noticeSentOn, fee.noticeSentOn);
    const end = fee.paymentDueDate ? minDate(endRaw, fee.paymentDueDate) : endRaw;
    for (const d of cal.workingDaysIn(fee.noticeSentOn, end)) {
      feeDays.push(d);
      excluded.add(d);
    }
  }

  const waitingForCorrection = state === 'awaitingCorrection' || state === 'closedNoCorrection';
  let day1: string | null = null;
  let baseDueDate: string | null = null;
  let dueDate: string | null = null;
  let extensionApplied = false;
  let excludedWorkingDays: string[] = [];
  if (!waitingForCorrection) {
    day1 = nthDay(cal, clockStartedOn, 1, rules.firstDay);
    baseDueDate = nthDay(cal, clockStartedOn, REPLY_WORKING_DAYS, rules.firstDay);
    const dueWithoutExtension = nthDay(cal, clockStartedOn, REPLY_WORKING_DAYS, rules.firstDay, excluded);
    dueDate = dueWithoutExtension;
    if (extension) {
      // 条例第三十三条第二款: the extension must be decided and told to the applicant within the reply
      // period; one told after the period ran out cannot revive it (conservative: not applied).
      if (extension.applicantNotifiedOn <= dueWithoutExtension) {
        extensionApplied = true;
        dueDate = nthDay(cal, clockStartedOn, REPLY_WORKING_DAYS + extension.workingDays, rules.firstDay, excluded);
      } else {
        violations.push({
          code: 'EXTENSION_NOTICE_LATE',
          article: '条例第三十三条第二款',
          date: extension.applicantNotifiedOn,
          message: `告知申请人延期之日（${extension.applicantNotifiedOn}）已超过答复期限（${dueWithoutExtension}），延期未生效，本计算不计入延期`,
        });
      }
    }
    const due = dueDate;
    excludedWorkingDays = [...excluded].filter((d) => d >= day1! && d <= due).sort();
    for (const t of thirdPartyDueDates) {
      t.excludedWorkingDays = (consultationDays.get(t.id) ?? []).filter((d) => d <= due);
      if (t.current && t.sentOn > due) {
        violations.push({
          code: 'CONSULTATION_AFTER_DUE',
          article: '条例第三十三条',
          date: t.sentOn,
          message: `征求${partyLabel(t.party)}意见之日（${t.sentOn}）答复期限（${due}）已届满，征求意见的时间不能再扣除`,
        });
      }
    }
    if (fee && fee.epoch === epoch && fee.noticeSentOn > due) {
      violations.push({
        code: 'FEE_NOTICE_AFTER_DUE',
        article: '国办函〔2020〕109号',
        date: fee.noticeSentOn,
        message: `收费通知应在答复期限内发出，发出之日（${fee.noticeSentOn}）已超过答复期限（${due}）`,
      });
    }
    if (repliedOn && repliedOn > due) {
      violations.push({
        code: 'REPLY_LATE',
        article: '条例第三十三条',
        date: repliedOn,
        message: `答复之日（${repliedOn}）超过答复期限（${due}）${cal.workingDaysBetween(due, repliedOn)}个工作日`,
      });
    }
  }

  const feeWaitOpen = rules.excludeFeeWaiting && !!fee && fee.epoch === epoch && !fee.paidOn && !fee.notPaidOn;
  const consultationOpen = openConsultations().some((c) => c.epoch === epoch);
  if (state === 'running' && (consultationOpen || feeWaitOpen)) state = 'paused';
  const provisional = state === 'paused' && dueDate !== null;

  let overdue: boolean | null = null;
  if (repliedOn && dueDate) overdue = repliedOn > dueDate;
  else if ((state === 'running' || state === 'paused') && asOf && dueDate) overdue = asOf > dueDate;

  const outcome = state === 'closedNoCorrection' ? { ...CLOSURE_OUTCOMES.noCorrection } : state === 'closedFeeNotPaid' ? { ...CLOSURE_OUTCOMES.feeNotPaid } : null;

  const result: DeadlineResult = {
    receivedOn,
    rules,
    clockStartedOn,
    restartedByCorrection: epoch > 0,
    day1,
    baseDueDate,
    dueDate,
    provisional,
    extensionDays: extensionApplied ? extension!.workingDays : 0,
    extension: extension ? { ...extension, applied: extensionApplied } : null,
    excludedWorkingDays,
    correctionRequestDeadline,
    correction,
    thirdPartyDueDates,
    fee: fee ? { noticeSentOn: fee.noticeSentOn, noticeReceivedOn: fee.noticeReceivedOn, paymentDueDate: fee.paymentDueDate, paidOn: fee.paidOn, notPaidOn: fee.notPaidOn, amountYuan: fee.amountYuan } : null,
    state,
    outcome,
    repliedOn,
    overdue,
    violations,
    explanation: [],
  };
  result.explanation = explain(cal, result, { consultationCapped, feeDays, asOf });
  return result;
}

// ---- explanation ----

function explain(
  cal: WorkingDayCalendar,
  r: DeadlineResult,
  x: { consultationCapped: ReadonlySet<string>; feeDays: string[]; asOf: string | null },
): string[] {
  const L: string[] = [];
  const f = formatDate;
  const list = (days: string[]): string => days.map(f).join('、');

  L.push(`收到申请之日：${f(r.receivedOn)}（依条例第三十一条按提交方式确定）。`);
  L.push(
    r.rules.firstDay === 'nextWorkingDay'
      ? '计算方法：收到申请之日不计入，以其后第一个工作日为第1个工作日（条例未明确规定，参照《民法典》第二百零一条“开始的当日不计入”；可在设置中改为当日起算）。各期限均按国务院办公厅节假日安排计算工作日：跳过周末和法定节假日，调休上班的周末计为工作日。'
      : '计算方法：收到申请之日是工作日的，当日即为第1个工作日；不是工作日的，以其后第一个工作日为第1个工作日（本单位设置）。各期限均按国务院办公厅节假日安排计算工作日：跳过周末和法定节假日，调休上班的周末计为工作日。',
  );
  L.push(`补正告知期限：申请内容不明确的，应在收到申请之日起7个工作日内一次性告知申请人补正，即不晚于${f(r.correctionRequestDeadline)}（条例第三十条）。`);

  const c = r.correction;
  if (c) {
    L.push(`${f(c.requestedOn)}一次性告知申请人补正，补正期限至${f(c.applicantDeadline)}（条例第三十条）。`);
    if (c.receivedOn) {
      L.push(
        `${f(c.receivedOn)}收到补正后的申请：答复期限自该日起重新计算（条例第三十条“答复期限自行政机关收到补正的申请之日起计算”），此前经过的工作日不再计入。` +
          (c.receivedOn > c.applicantDeadline ? '（补正晚于补正期限收到；申请人有正当理由的，可继续办理。）' : ''),
      );
    } else if (c.missedOn) {
      L.push(`补正期限届满未收到补正，${f(c.missedOn)}按申请人无正当理由逾期不补正、视为放弃申请处理，行政机关不再处理该申请（条例第三十条）；年度报告计入“${CLOSURE_OUTCOMES.noCorrection.label}”。`);
    } else {
      L.push(`正在等待申请人补正（补正期限至${f(c.applicantDeadline)}）。答复期限将自收到补正后的申请之日起重新计算；逾期不补正的，视为放弃申请（条例第三十条）。`);
    }
  }

  if (r.day1 && r.baseDueDate && r.dueDate) {
    L.push(`${r.restartedByCorrection ? '重新计算后的' : ''}第1个工作日：${f(r.day1)}。`);
    L.push(`法定答复期限为20个工作日（条例第三十三条第二款），第20个工作日为${f(r.baseDueDate)}（未计延期和不计入期限的时间）。`);
  }

  for (const t of r.thirdPartyDueDates) {
    const who = `${partyLabel(t.party)}${t.partyName ? `（${t.partyName}）` : ''}`;
    let line = `${f(t.sentOn)}书面征求${who}意见（${partyArticle(t.party)}）`;
    line += t.letterReceivedOn ? `，对方${f(t.letterReceivedOn)}收到征求意见书` : '，未记录对方收到征求意见书的日期，暂按发出之日计算';
    line += `；对方应在收到后15个工作日内提出意见，即不晚于${f(t.dueDate)}`;
    line += t.party === 'thirdParty' ? '，逾期未提出意见的由行政机关依照条例决定是否公开。' : '，逾期未提出意见的视为同意公开。';
    L.push(line);
    if (!t.current) {
      L.push(`该次征求意见在收到补正之前，答复期限重新计算后不再扣除。`);
      continue;
    }
    if (t.endedOn) L.push(`${f(t.endedOn)}征求意见结束。`);
    else L.push(`征求意见尚未结束${x.asOf ? `（计算至${f(x.asOf)}）` : ''}。`);
    if (x.consultationCapped.has(t.id)) L.push(`对方超过其15个工作日期限的时间不再扣除（从严计算，避免逾期答复）。`);
    L.push(
      t.excludedWorkingDays.length
        ? `征求意见所需时间不计入答复期限（条例第三十三条第三款）：扣除${t.excludedWorkingDays.length}个工作日（${list(t.excludedWorkingDays)}）。`
        : '征求意见没有占用答复期限内的工作日。',
    );
  }

  const e = r.extension;
  if (e) {
    L.push(`${f(e.decidedOn)}经政府信息公开工作机构负责人${e.approver}同意延长答复期限${e.workingDays}个工作日，${f(e.applicantNotifiedOn)}告知申请人（条例第三十三条第二款：延长的期限最长不得超过20个工作日）。`);
    if (!e.applied) L.push('该延期告知晚于原答复期限，延期未生效，答复期限不顺延。');
  }

  const fee = r.fee;
  if (fee) {
    L.push(`${f(fee.noticeSentOn)}发出信息处理费收费通知${fee.amountYuan !== null ? `（${fee.amountYuan.toLocaleString('zh-CN')}元）` : ''}（国办函〔2020〕109号）。`);
    L.push(
      fee.noticeReceivedOn && fee.paymentDueDate
        ? `申请人${f(fee.noticeReceivedOn)}收到收费通知，应自收到通知次日起20个工作日内缴费，即不晚于${f(fee.paymentDueDate)}；逾期未缴费的，视为放弃申请。`
        : '未记录申请人收到收费通知的日期，缴费期限（自收到通知次日起20个工作日）暂无法确定。',
    );
    if (fee.paidOn) L.push(`${f(fee.paidOn)}申请人缴费。`);
    if (fee.notPaidOn) L.push(`${f(fee.notPaidOn)}申请人逾期未缴费，视为放弃申请，行政机关不再处理；年度报告计入“${CLOSURE_OUTCOMES.feeNotPaid.label}”。`);
    L.push(
      r.rules.excludeFeeWaiting
        ? `按本单位设置，收费通知发出后至缴费的时间不计入答复期限（尚未经《政府信息公开信息处理费管理办法》原文确认）：扣除${x.feeDays.filter((d) => !r.dueDate || d <= r.dueDate).length}个工作日。`
        : '收费通知至缴费期间是否不计入答复期限尚未确认（《政府信息公开信息处理费管理办法》后续条文未核实），本计算按计入处理：答复期限不因收费而顺延。',
    );
  }

  if (r.day1 && r.dueDate) {
    const span = cal.describeSpan(r.rules.firstDay === 'receiptDay' ? addDays(r.clockStartedOn, -1) : r.clockStartedOn, r.dueDate);
    L.push(span.daysOff.length ? `期间跳过的休息日：${span.daysOff.join('；')}。` : '期间没有需要跳过的休息日。');
    if (span.adjustedWorkdays.length) L.push(`调休上班的周末，计为工作日：${span.adjustedWorkdays.join('；')}。`);
    if (r.excludedWorkingDays.length) L.push(`共有${r.excludedWorkingDays.length}个工作日不计入答复期限：${list(r.excludedWorkingDays)}。`);
    const parts = [`第${REPLY_WORKING_DAYS + r.extensionDays}个计入的工作日`];
    if (r.extensionDays) parts.push(`含延期${r.extensionDays}个工作日`);
    if (r.excludedWorkingDays.length) parts.push(`另扣除${r.excludedWorkingDays.length}个不计入的工作日`);
    L.push(`答复期限：${f(r.dueDate)}（${parts.join('，')}）。`);
    if (r.provisional) L.push('征求意见（或缴费等待）尚未结束，以上答复期限为暂定，结束后相应顺延。');
  }

  for (const v of r.violations) L.push(`注意：${v.message}（${v.article}）。`);

  if (r.repliedOn && r.dueDate) {
    L.push(r.overdue ? `${f(r.repliedOn)}答复，已超过答复期限。` : `${f(r.repliedOn)}答复，在答复期限内。`);
  } else if (r.overdue && x.asOf) {
    L.push(`截至${f(x.asOf)}，已超过答复期限${cal.workingDaysBetween(r.dueDate!, x.asOf)}个工作日。`);
  }
  L.push(`当前状态：${STATE_LABELS[r.state]}。`);
  return L;
}

export const STATE_LABELS: Record<ClockState, string> = {
  running: '计时中',
  paused: '暂停计时（征求意见等不计入期限的时间）',
  awaitingCorrection: '等待补正',
  closedNoCorrection: '逾期不补正，不再处理',
  closedFeeNotPaid: '逾期未缴费，不再处理',
  replied: '已答复',
};
