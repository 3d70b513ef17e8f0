/**
 * The statutory clock of one stored request: its event log mapped to the deadline engine
 * (domain/deadlines.ts, which cites the articles), on the active working-day calendar.
 */
import type { DisclosureRequest, RequestEvent } from '../../db/database.ts';
import { parseJson } from '../../db/portable.ts';
import { today } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { computeDeadline, type DeadlineResult, type RequestClockEvent } from './domain/deadlines.ts';
import type { RequestSettings } from './request-settings.ts';
import { OPEN_STATES } from './requests.states.ts';

export interface ClockView {
  dueOn: string | null;
  baseDueOn: string | null;
  day1: string | null;
  extensionDays: number;
  excludedWorkingDays: string[];
  correctionRequestDeadline: string | null;
  feePaymentDueOn: string | null;
  thirdPartyDueDates: DeadlineResult['thirdPartyDueDates'];
  provisional: boolean;
  overdue: boolean | null;
  violations: DeadlineResult['violations'];
  explanation: string[];
  /** set when the clock cannot be computed (e.g. a year without calendar data) */
  error: { code: string; message: string } | null;
}

/** The engine's events from the stored event log. */
export function clockEvents(events: RequestEvent[]): RequestClockEvent[] {
  const out: RequestClockEvent[] = [];
  let openConsultation: string | null = null;
  for (const e of events) {
    const d = parseJson<Record<string, unknown>>(e.data, {});
    switch (e.type) {
      case 'correctionRequested':
        out.push({ type: 'correctionRequested', date: e.onDate, applicantDeadline: String(d.correctionDueOn) });
        break;
      case 'correctionReceived':
        out.push({ type: 'correctionReceived', date: e.onDate });
        break;
      case 'correctionExpired':
        out.push({ type: 'correctionDeadlineMissed', date: e.onDate });
        break;
      case 'consultationStarted':
        openConsultation = String(e.id);
        out.push({ type: 'consultationStarted', id: openConsultation, party: d.kind === 'otherAgency' ? 'otherAgency' : 'thirdParty', date: e.onDate, partyName: (d.party as string) ?? null, letterReceivedOn: (d.letterReceivedOn as string) ?? null });
        break;
      case 'consultationEnded':
        if (openConsultation) out.push({ type: 'consultationEnded', id: openConsultation, date: e.onDate });
        openConsultation = null;
        break;
      case 'extended':
        out.push({ type: 'extension', date: e.onDate, workingDays: Number(d.workingDays), approver: String(d.approver ?? ''), applicantNotifiedOn: String(d.notifiedOn ?? e.onDate) });
        break;
      case 'feeNoticed':
        out.push({ type: 'feeNoticeSent', date: e.onDate, amountYuan: typeof d.amount === 'number' ? d.amount : null, receivedOn: (d.receivedOn as string) ?? null });
        break;
      case 'feePaid':
        out.push({ type: 'feePaid', date: e.onDate });
        break;
      case 'feeExpired':
        out.push({ type: 'feeNotPaid', date: e.onDate });
        break;
      case 'replied':
        out.push({ type: 'replied', date: e.onDate });
        break;
    }
  }
  return out;
}

const EMPTY: Omit<ClockView, 'explanation' | 'error'> = {
  dueOn: null, baseDueOn: null, day1: null, extensionDays: 0, excludedWorkingDays: [], correctionRequestDeadline: null, feePaymentDueOn: null,
  thirdPartyDueDates: [], provisional: false, overdue: null, violations: [],
};

/** The clock of a request from its events; coded errors of the engine are thrown. */
export function computeClock(r: DisclosureRequest, events: RequestEvent[], settings: RequestSettings): ClockView {
  if (!r.receivedOn) {
    return { ...EMPTY, error: null, explanation: ['尚未确认收到申请之日，答复期限尚未起算（《条例》第三十一条：以双方确认之日为收到申请之日）。'] };
  }
  const open = (OPEN_STATES as readonly string[]).includes(r.state);
  const res = computeDeadline({
    receivedOn: r.receivedOn, events: clockEvents(events), rules: { firstDay: settings.firstDay, excludeFeeWaiting: settings.excludeFeeWaiting },
    asOf: open ? today() : null,
  });
  return {
    dueOn: res.dueDate, baseDueOn: res.baseDueDate, day1: res.day1, extensionDays: res.extensionDays, excludedWorkingDays: res.excludedWorkingDays,
    correctionRequestDeadline: res.correctionRequestDeadline, feePaymentDueOn: res.fee?.paymentDueDate ?? null, thirdPartyDueDates: res.thirdPartyDueDates,
    provisional: res.provisional, overdue: res.overdue, violations: res.violations, explanation: res.explanation, error: null,
  };
}

/** Like computeClock, but a calendar or data problem is shown on the clock instead of failing the page. */
export function clockOf(r: DisclosureRequest, events: RequestEvent[], settings: RequestSettings): ClockView {
  try {
    return computeClock(r, events, settings);
  } catch (e) {
    if (e instanceof AppError) return { ...EMPTY, explanation: [e.message], error: { code: e.code, message: e.message } };
    throw e;
  }
}
