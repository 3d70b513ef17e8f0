/**
 * The computed metrics: for a year, per unit, a numerator, a denominator and the records behind
 * them (the records that counted and, with a reason, the ones that lost points). Data is read only
 * through the other modules' index.ts. "Today" is the platform clock: a period, a request or a
 * publication whose deadline has not passed yet is not counted either way.
 */
import type { Db } from '../../db/create-db.ts';
import { today } from '../../platform/clock.ts';
import { leadInterpretationsOf, leadInterpreterStats } from '../interpretations/index.ts';
import { findAssignmentFacts } from '../lists/index.ts';
import { evaluateList } from '../progress/index.ts';
import { findTimelinessFacts, timelinessOf } from '../publications/index.ts';
import { requestDeadlineFacts } from '../requests/index.ts';
import { DEFAULT_INTERPRETATION_TARGET, type MetricKey } from './evaluations.constants.ts';
import { rectificationsByUnit } from './evaluations.rectifications.ts';
import type { MetricUnitResult, RecordRef } from './evaluations.scoring.ts';

export type MetricResult = Map<number, MetricUnitResult>;

function bucket(m: MetricResult, unitId: number): MetricUnitResult {
  let r = m.get(unitId);
  if (!r) m.set(unitId, (r = { numerator: 0, denominator: 0, counted: [], lost: [] }));
  return r;
}

function count(m: MetricResult, unitId: number, ref: RecordRef, good: boolean): void {
  const r = bucket(m, unitId);
  r.denominator++;
  r.counted.push(ref);
  if (good) r.numerator++;
  else r.lost.push(ref);
}

/** The China (UTC+8, no daylight saving) calendar date of an ISO timestamp — without building an Intl formatter per report. */
function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

const short = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n)}…` : s);
const assignmentUrl = (id: number) => `/admin/tasks?assignment=${id}`;
/** 任务12, or 任务12·牵头 for the unit's lead assignment (a unit may both lead and carry out a task). */
const taskLabel = (f: { seq: number; role: string }) => `任务${f.seq}${f.role === 'lead' ? '·牵头' : ''}`;

type Evaluated = Awaited<ReturnType<typeof evaluateList>>;

/** What one scoring run computes once and several metrics read (the year's evaluated assignments). */
export type MetricMemo = Map<string, Promise<Evaluated>>;

/** The published lists of the year and their evaluated assignments (with every report version). */
function yearAssignments(db: Db, year: number, memo?: MetricMemo): Promise<Evaluated> {
  const key = `assignments:${year}`;
  const hit = memo?.get(key);
  if (hit) return hit;
  const p = loadYearAssignments(db, year);
  memo?.set(key, p);
  return p;
}

async function loadYearAssignments(db: Db, year: number): Promise<Evaluated> {
  const facts = await findAssignmentFacts(db, { publishedOnly: true });
  const listIds = [...new Set(facts.filter((f) => f.listYear === year).map((f) => f.listId))];
  const out: Evaluated = [];
  for (const id of listIds) out.push(...(await evaluateList(db, id)));
  return out;
}

/**
 * 进度报告按时报送: every period of each assignment whose due date has passed (or that has a report)
 * counts once; on time when the first version was submitted (China date) by the period's due date.
 * Not required, and so not counted: periods after the one whose accepted report says the work is
 * done, and unreported periods starting after the task's due date.
 */
async function progressOnTime(db: Db, year: number, memo?: MetricMemo): Promise<MetricResult> {
  const day = today();
  const m: MetricResult = new Map();
  for (const e of await yearAssignments(db, year, memo)) {
    const periods = [...e.periods].sort((a, b) => a.seq - b.seq);
    for (const p of periods) {
      const versions = e.reports.filter((r) => r.periodId === p.id).sort((a, b) => a.version - b.version);
      const first = versions[0];
      const label = `${taskLabel(e.facts)}（${p.label}）`;
      if (first) {
        const on = chinaDate(first.submittedAt);
        const ok = on <= p.dueOn;
        count(m, e.facts.unitId, {
          kind: 'progressReport', id: first.id, label: ok ? label : `${label}，截止 ${p.dueOn}，报送于 ${on}`, url: assignmentUrl(e.facts.assignmentId),
          ...(ok ? {} : { reason: '逾期提交' }),
        }, ok);
      } else if (p.dueOn < day && !(e.facts.dueDate && p.startsOn > e.facts.dueDate)) {
        count(m, e.facts.unitId, { kind: 'assignment', id: e.facts.assignmentId, label: `${label}，截止 ${p.dueOn}`, url: assignmentUrl(e.facts.assignmentId), reason: '到期未报送' }, false);
      }
      if (versions.some((r) => r.state === 'accepted' && r.completed === 1)) break;
    }
  }
  return m;
}

/** 进度报告审核通过: every reviewed report version counts; returned versions lose points. */
async function progressAccepted(db: Db, year: number, memo?: MetricMemo): Promise<MetricResult> {
  const m: MetricResult = new Map();
  for (const e of await yearAssignments(db, year, memo)) {
    const periods = new Map(e.periods.map((p) => [p.id, p]));
    for (const r of e.reports) {
      if (r.state !== 'accepted' && r.state !== 'returned') continue;
      const p = periods.get(r.periodId);
      const label = `${taskLabel(e.facts)}（${p?.label ?? '报送期'}，第${r.version}版）`;
      const ok = r.state === 'accepted';
      count(m, e.facts.unitId, { kind: 'progressReport', id: r.id, label, url: assignmentUrl(e.facts.assignmentId), ...(ok ? {} : { reason: '被退回' }) }, ok);
    }
  }
  return m;
}

/**
 * 依申请公开按期答复: requests received in the year; answered by the deadline (the statutory limit as
 * the requests module computed it, extensions and paused time included) or not. An open request
 * counts once its deadline has passed.
 */
async function requestsWithinLimit(db: Db, year: number): Promise<MetricResult> {
  const day = today();
  const m: MetricResult = new Map();
  for (const r of await requestDeadlineFacts(db, { from: `${year}-01-01`, to: `${year}-12-31` })) {
    const url = `/admin/requests/${r.id}`;
    if (r.repliedOn) {
      const ok = !r.dueOn || r.repliedOn <= r.dueOn;
      count(m, r.handlingUnitId, { kind: 'request', id: r.id, label: ok ? r.regNumber : `${r.regNumber}，期限 ${r.dueOn}，答复于 ${r.repliedOn}`, url, ...(ok ? {} : { reason: '超期答复' }) }, ok);
    } else if (r.dueOn && r.dueOn < day) {
      count(m, r.handlingUnitId, { kind: 'request', id: r.id, label: `${r.regNumber}，期限 ${r.dueOn}`, url, reason: '超期未答复' }, false);
    }
  }
  return m;
}

/** 主动公开及时: publications made in the year with the 20-working-day due date; published by it or not. */
async function publicationsTimely(db: Db, year: number): Promise<MetricResult> {
  const day = today();
  const m: MetricResult = new Map();
  for (const p of await findTimelinessFacts(db, { from: `${year}-01-01`, to: `${year}-12-31` })) {
    const t = timelinessOf(p, day);
    const url = `/admin/publications/${p.id}`;
    const title = `《${short(p.title)}》`;
    if (t === 'onTime') count(m, p.unitId, { kind: 'publication', id: p.id, label: title, url }, true);
    else if (t === 'late') count(m, p.unitId, { kind: 'publication', id: p.id, label: `${title}，期限 ${p.publishDueOn}，公开于 ${p.publishedOn}`, url, reason: '超期公开' }, false);
    else if (t === 'overdue') count(m, p.unitId, { kind: 'publication', id: p.id, label: `${title}，期限 ${p.publishDueOn}`, url, reason: '超期未公开' }, false);
  }
  return m;
}

/**
 * 第一解读人: the published interpretations by the unit's head in the year against the target;
 * numerator min(count, target), denominator the target. Only units the interpretations module
 * expects to interpret (leadInterpreterStats: governments, departments, zones, and any unit that did
 * interpret) are measured; the others (vertical branches, enterprises, mass organisations…) have no
 * such duty: denominator 0, full points, with the reason.
 */
async function leadInterpretations(db: Db, year: number, unitIds: number[], target: number): Promise<MetricResult> {
  const m: MetricResult = new Map();
  const [rows, stats] = await Promise.all([leadInterpretationsOf(db, year), leadInterpreterStats(db, year)]);
  const expected = new Set(stats.items.map((i) => i.unitId));
  for (const unitId of unitIds) {
    if (!expected.has(unitId)) {
      m.set(unitId, { numerator: 0, denominator: 0, counted: [], lost: [], note: '该类单位不要求主要负责人年度解读' });
      continue;
    }
    const own = rows.filter((r) => r.unitId === unitId);
    const counted: RecordRef[] = own.map((r) => ({ kind: 'interpretation', id: r.id, label: `《${short(r.title)}》（${r.publishedOn}）`, url: `/admin/interpretations/${r.id}` }));
    const n = Math.min(own.length, target);
    m.set(unitId, {
      numerator: n, denominator: target, counted, lost: [],
      ...(n < target ? { shortfall: `主要负责人解读 ${own.length} 次，少于目标 ${target} 次` } : {}),
    });
  }
  return m;
}

/** 整改按期完成: the inspections module's count of rectifications due in the year and closed on time. */
async function rectificationsOnTime(db: Db, year: number): Promise<MetricResult> {
  const m: MetricResult = new Map();
  for (const [unitId, r] of await rectificationsByUnit(db, year)) {
    const late = new Set(r.lateIds);
    const refs = r.findingIds.map((id): RecordRef => ({ kind: 'finding', id, label: `督查问题 #${id}`, url: '/admin/rectifications', ...(late.has(id) ? { reason: '未按期整改' } : {}) }));
    m.set(unitId, { numerator: r.closedOnTime, denominator: r.due, counted: refs, lost: refs.filter((x) => x.reason) });
  }
  return m;
}

/** Computes one metric for a year (per unit; units without records are absent, except for the 第一解读人 target). */
export async function computeMetric(db: Db, key: MetricKey, year: number, unitIds: number[], params: Record<string, unknown> = {}, memo?: MetricMemo): Promise<MetricResult> {
  switch (key) {
    case 'progressOnTime':
      return progressOnTime(db, year, memo);
    case 'progressAccepted':
      return progressAccepted(db, year, memo);
    case 'requestsWithinLimit':
      return requestsWithinLimit(db, year);
    case 'publicationsTimely':
      return publicationsTimely(db, year);
    case 'leadInterpretations':
      return leadInterpretations(db, year, unitIds, typeof params.target === 'number' ? params.target : DEFAULT_INTERPRETATION_TARGET);
    case 'rectificationsOnTime':
      return rectificationsOnTime(db, year);
  }
}
