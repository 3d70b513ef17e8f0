/**
 * Statistics of disclosure requests for any date range, in the shape of the annual report's tables
 * 三 and 四: new and carried-over requests, outcomes by applicant kind, requests carried forward,
 * appeals by outcome; plus channels and the due-soon / overdue picture.
 */
import type { Db } from '../../db/create-db.ts';
import { canReadAll, type Actor } from '../../platform/actor.ts';
import { AuthenticationError, ValidationError } from '../../platform/errors.ts';
import { APPLICANT_KINDS, REPLY_OUTCOMES, type ApplicantKind } from './domain/outcomes.ts';
import * as repo from './requests.repository.ts';

type Row = Record<ApplicantKind | 'total', number>;

export interface RequestStats {
  from: string;
  to: string;
  /** 一、本年新收 — received in the range */
  received: Row;
  /** 二、上年结转 — received before the range, not answered before it */
  carriedOver: Row;
  /** 三 — outcomes of requests answered in the range, by outcome code */
  outcomes: Record<string, Row>;
  /** （七）总计 */
  outcomesTotal: Row;
  /** 四、结转下年度继续办理 — received by the end, not answered by it */
  carriedForward: Row;
  byChannel: Record<string, number>;
  /** table 四: reconsideration, litigation without / after reconsideration × maintained, corrected, other, pending, total */
  appeals: { reconsideration: number[]; litigationDirect: number[]; litigationAfterReconsideration: number[] };
}

/** The ids of the requests (or appeals) counted in one row of a table, per applicant kind and in total. */
export type RecordRow = Record<ApplicantKind | 'total', number[]>;
const noIds = (): RecordRow => ({ person: [], commercial: [], research: [], publicInterest: [], legalService: [], otherOrganisation: [], total: [] });

/**
 * The records behind the statistics: for every cell of tables 三 and 四, the ids of the requests
 * (table 三) or appeals (table 四: 5 columns per group) it counts. The counts are their lengths.
 */
export interface RequestRecords {
  from: string;
  to: string;
  received: RecordRow;
  carriedOver: RecordRow;
  outcomes: Record<string, RecordRow>;
  outcomesTotal: RecordRow;
  carriedForward: RecordRow;
  byChannel: Record<string, number>;
  appeals: { reconsideration: number[][]; litigationDirect: number[][]; litigationAfterReconsideration: number[][] };
}

/**
 * Tables 三 and 四 for a date range over the requests handled by a set of units (all units when
 * `unitIds` is absent), with the ids behind every cell. No access check: callers decide who may
 * see what (the annual report's service, requestStats below).
 *
 * - 一、本年新收: received (收到申请之日) in the range;
 * - 二、上年结转: received before the range and not answered before it;
 * - 三: answered in the range, by outcome code; （七）总计 = all answered in the range with an outcome;
 * - 四、结转下年度: received by the end and not answered by it;
 * - table 四: appeals filed by the end whose outcome is decided in the range, or still pending at its end.
 */
export async function requestRecords(db: Db, q: { from: string; to: string; unitIds?: readonly number[] }): Promise<RequestRecords> {
  const units = q.unitIds === undefined ? null : [...new Set(q.unitIds)];
  const all = await repo.findCountedRequests(db, units, q.from, q.to);
  const s: RequestRecords = {
    from: q.from, to: q.to, received: noIds(), carriedOver: noIds(), outcomes: Object.fromEntries(REPLY_OUTCOMES.map((o) => [o.code, noIds()])),
    outcomesTotal: noIds(), carriedForward: noIds(), byChannel: {},
    appeals: { reconsideration: [[], [], [], [], []], litigationDirect: [[], [], [], [], []], litigationAfterReconsideration: [[], [], [], [], []] },
  };
  const add = (row: RecordRow, k: string, id: number) => {
    const kind = (Object.hasOwn(APPLICANT_KINDS, k) ? k : 'otherOrganisation') as ApplicantKind;
    row[kind].push(id);
    row.total.push(id);
  };
  for (const r of all) {
    const rec = r.receivedOn!;
    const answered = r.repliedOn;
    if (rec >= q.from && rec <= q.to) {
      add(s.received, r.applicantKind, r.id);
      s.byChannel[r.channel] = (s.byChannel[r.channel] ?? 0) + 1;
    }
    if (rec < q.from && (!answered || answered >= q.from)) add(s.carriedOver, r.applicantKind, r.id);
    if (answered && answered >= q.from && answered <= q.to && r.outcome && s.outcomes[r.outcome]) {
      add(s.outcomes[r.outcome]!, r.applicantKind, r.id);
      add(s.outcomesTotal, r.applicantKind, r.id);
    }
    if (rec <= q.to && (!answered || answered > q.to)) add(s.carriedForward, r.applicantKind, r.id);
  }
  const col: Record<string, number> = { maintained: 0, corrected: 1, other: 2, pending: 3 };
  for (const a of await repo.findAppealsOfUnits(db, units, q.to)) {
    const decidedInRange = a.decidedOn && a.decidedOn >= q.from && a.decidedOn <= q.to;
    const outcome = a.outcome !== 'pending' && a.decidedOn && a.decidedOn <= q.to ? a.outcome : 'pending';
    if (outcome !== 'pending' && !decidedInRange) continue; // decided before the range: counted in an earlier report
    const target = a.kind === 'reconsideration' ? s.appeals.reconsideration : a.afterReconsideration ? s.appeals.litigationAfterReconsideration : s.appeals.litigationDirect;
    target[col[outcome] ?? 2]!.push(a.id);
    target[4]!.push(a.id);
  }
  return s;
}

const counts = (row: RecordRow): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.length])) as Row;

/** Statistics for the office (all units, or one) or a unit (its own). */
export async function requestStats(db: Db, actor: Actor, q: { from: string; to: string; unitId?: number }): Promise<RequestStats> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!(q.from <= q.to)) throw new ValidationError('STATS_INVALID_RANGE', '统计起始日期不能晚于结束日期');
  const unitId = canReadAll(actor) ? q.unitId : (actor as { unitId: number }).unitId;
  const r = await requestRecords(db, { from: q.from, to: q.to, unitIds: unitId === undefined ? undefined : [unitId] });
  return {
    from: q.from, to: q.to, received: counts(r.received), carriedOver: counts(r.carriedOver),
    outcomes: Object.fromEntries(Object.entries(r.outcomes).map(([k, v]) => [k, counts(v)])), outcomesTotal: counts(r.outcomesTotal),
    carriedForward: counts(r.carriedForward), byChannel: r.byChannel,
    appeals: {
      reconsideration: r.appeals.reconsideration.map((c) => c.length),
      litigationDirect: r.appeals.litigationDirect.map((c) => c.length),
      litigationAfterReconsideration: r.appeals.litigationAfterReconsideration.map((c) => c.length),
    },
  };
}

/** What a table cell's link shows of a counted request or appeal. */
export interface CountedRecord {
  kind: 'request' | 'appeal';
  id: number;
  /** the request (for an appeal: the request appealed against) */
  requestId: number;
  regNumber: string;
  applicantKind: string;
  receivedOn: string | null;
  repliedOn: string | null;
  outcome: string | null;
  state: string;
  appealKind?: string;
  appealOutcome?: string;
  filedOn?: string;
  decidedOn?: string | null;
}

/** Summaries of requests and appeals by id (for the annual report's cell links); no access check. */
export async function countedRecords(db: Db, q: { requestIds?: readonly number[]; appealIds?: readonly number[] }): Promise<CountedRecord[]> {
  const out: CountedRecord[] = [];
  const reqIds = new Set(q.requestIds ?? []);
  const appeals = q.appealIds?.length ? (await repo.findAppealsByIds(db, q.appealIds)).sort((a, b) => a.id - b.id) : [];
  for (const a of appeals) reqIds.add(a.requestId);
  const requests = reqIds.size ? new Map((await repo.findRequestsByIds(db, [...reqIds])).map((r) => [r.id, r])) : new Map();
  const base = (r: { id: number; regNumber: string; applicantKind: string; receivedOn: string | null; repliedOn: string | null; outcome: string | null; state: string }) => ({
    requestId: r.id, regNumber: r.regNumber, applicantKind: r.applicantKind, receivedOn: r.receivedOn, repliedOn: r.repliedOn, outcome: r.outcome, state: r.state,
  });
  for (const id of q.requestIds ?? []) {
    const r = requests.get(id);
    if (r) out.push({ kind: 'request', id, ...base(r) });
  }
  for (const a of appeals) {
    const r = requests.get(a.requestId);
    if (r) out.push({ kind: 'appeal', id: a.id, ...base(r), appealKind: a.kind, appealOutcome: a.outcome, filedOn: a.filedOn, decidedOn: a.decidedOn });
  }
  return out;
}
