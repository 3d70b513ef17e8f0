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
const zero = (): Row => ({ person: 0, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrganisation: 0, total: 0 });

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

/** Statistics for the office (all units, or one) or a unit (its own). */
export async function requestStats(db: Db, actor: Actor, q: { from: string; to: string; unitId?: number }): Promise<RequestStats> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!(q.from <= q.to)) throw new ValidationError('STATS_INVALID_RANGE', '统计起始日期不能晚于结束日期');
  const unitId = canReadAll(actor) ? q.unitId : (actor as { unitId: number }).unitId;
  const all = (await repo.findRequests(db, { handlingUnitId: unitId })).filter((r) => r.receivedOn);
  const s: RequestStats = {
    from: q.from, to: q.to, received: zero(), carriedOver: zero(), outcomes: Object.fromEntries(REPLY_OUTCOMES.map((o) => [o.code, zero()])),
    outcomesTotal: zero(), carriedForward: zero(), byChannel: {}, appeals: { reconsideration: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReconsideration: [0, 0, 0, 0, 0] },
  };
  const add = (row: Row, k: string) => {
    const kind = (Object.hasOwn(APPLICANT_KINDS, k) ? k : 'otherOrganisation') as ApplicantKind;
    row[kind]++;
    row.total++;
  };
  for (const r of all) {
    const rec = r.receivedOn!;
    const answered = r.repliedOn;
    if (rec >= q.from && rec <= q.to) {
      add(s.received, r.applicantKind);
      s.byChannel[r.channel] = (s.byChannel[r.channel] ?? 0) + 1;
    }
    if (rec < q.from && (!answered || answered >= q.from)) add(s.carriedOver, r.applicantKind);
    if (answered && answered >= q.from && answered <= q.to && r.outcome && s.outcomes[r.outcome]) {
      add(s.outcomes[r.outcome]!, r.applicantKind);
      add(s.outcomesTotal, r.applicantKind);
    }
    if (rec <= q.to && (!answered || answered > q.to)) add(s.carriedForward, r.applicantKind);
  }
  const ids = new Set(all.map((r) => r.id));
  const col: Record<string, number> = { maintained: 0, corrected: 1, other: 2, pending: 3 };
  for (const a of await repo.findAppeals(db)) {
    if (!ids.has(a.requestId) || a.filedOn > q.to) continue;
    const decidedInRange = a.decidedOn && a.decidedOn >= q.from && a.decidedOn <= q.to;
    const outcome = a.outcome !== 'pending' && a.decidedOn && a.decidedOn <= q.to ? a.outcome : 'pending';
    if (outcome !== 'pending' && !decidedInRange) continue; // decided before the range: counted in an earlier report
    const target = a.kind === 'reconsideration' ? s.appeals.reconsideration : a.afterReconsideration ? s.appeals.litigationAfterReconsideration : s.appeals.litigationDirect;
    target[col[outcome]!]!++;
    target[4]!++;
  }
  return s;
}
