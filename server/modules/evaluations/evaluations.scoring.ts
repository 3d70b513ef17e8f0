/**
 * The arithmetic of an evaluation, pure: the indicator tree (a group's points are the sum of its
 * children), points of a leaf from a metric's share or a manual score, a unit's total with an
 * explanation of every point, and the ranking (ties share a rank). Points are kept to 0.1; sums are
 * made in tenths (integers) so that 0.1 + 0.2 is 0.3.
 */
import { METRICS, NO_RECORDS, type MetricKey } from './evaluations.constants.ts';

/** A record behind a number: what it is, its id, a label a person recognises, where to open it. */
export interface RecordRef {
  kind: 'progressReport' | 'assignment' | 'request' | 'publication' | 'interpretation' | 'finding' | 'evidence';
  id: number | null;
  label: string;
  url: string | null;
  /** why it lost points (逾期提交, 被退回, …); absent for records that counted in the unit's favour */
  reason?: string;
}

/** One unit's figures for one computed metric. */
export interface MetricUnitResult {
  numerator: number;
  denominator: number;
  /** the records counted (numerator and denominator) */
  counted: RecordRef[];
  /** the records that lost points, each with its reason */
  lost: RecordRef[];
  /** a shortfall that no record stands for (e.g. one interpretation fewer than the target) */
  shortfall?: string;
  /** why the unit has no records of this kind, when it is not just chance (e.g. the duty does not apply to it) */
  note?: string;
}

export interface ExplanationLine {
  text: string;
  refs: RecordRef[];
}

export interface IndicatorRow {
  id: number;
  parentId: number | null;
  name: string;
  description: string | null;
  maxPoints: number;
  sortOrder: number;
  method: string;
  metric: string | null;
  params: Record<string, unknown>;
}

export interface TreeNode extends IndicatorRow {
  depth: number;
  children: TreeNode[];
  isGroup: boolean;
}

export interface IndicatorScore {
  indicatorId: number;
  name: string;
  parentId: number | null;
  depth: number;
  isGroup: boolean;
  maxPoints: number;
  points: number;
  /** how the points were reached, e.g. "按时报送 10/12（83.3%），得 8.3 分" */
  summary: string;
  /** one line per reason points were lost (or the rule applied), with the records */
  lines: ExplanationLine[];
  numerator: number | null;
  denominator: number | null;
}

export interface UnitBreakdown {
  unitId: number;
  unitName: string;
  total: number;
  rank: number;
  /** every indicator in tree order */
  indicators: IndicatorScore[];
}

export const tenths = (x: number): number => Math.round(x * 10);
export const fromTenths = (t: number): number => t / 10;
export const round1 = (x: number): number => fromTenths(tenths(x));

/** Whether a number of points is given to 0.1 at most. */
export function isTenth(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x * 10 - Math.round(x * 10)) < 1e-6;
}

/** Points as shown: 8 → "8", 8.3 → "8.3". */
export function fmt(x: number): string {
  return String(round1(x));
}

/** The tree in order (sortOrder, id); a group's maxPoints is the sum of its children's. */
export function buildTree(rows: IndicatorRow[]): TreeNode[] {
  const byParent = new Map<number | null, IndicatorRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const make = (r: IndicatorRow, depth: number): TreeNode => {
    const kids = (byParent.get(r.id) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id).map((c) => make(c, depth + 1));
    const isGroup = kids.length > 0;
    return { ...r, depth, children: kids, isGroup, maxPoints: isGroup ? fromTenths(kids.reduce((s, k) => s + tenths(k.maxPoints), 0)) : round1(r.maxPoints) };
  };
  return (byParent.get(null) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id).map((r) => make(r, 0));
}

/** Every node, depth first in order. */
export function flatten(tree: TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  tree.forEach(walk);
  return out;
}

export function treeTotal(tree: TreeNode[]): number {
  return fromTenths(tree.reduce((s, n) => s + tenths(n.maxPoints), 0));
}

/** What a metric's records are called, for the explanation lines. */
const NOUNS: Record<MetricKey, { unit: string; noun: string; good: string }> = {
  progressOnTime: { unit: '份', noun: '进度报告', good: '按时报送' },
  progressAccepted: { unit: '份', noun: '进度报告', good: '审核通过' },
  requestsWithinLimit: { unit: '件', noun: '依申请公开', good: '按期答复' },
  publicationsTimely: { unit: '条', noun: '政府信息', good: '及时公开' },
  leadInterpretations: { unit: '次', noun: '主要负责人解读', good: '解读' },
  rectificationsOnTime: { unit: '项', noun: '整改事项', good: '按期整改' },
};

const MAX_LABELS_IN_LINE = 10;

/** The points of a computed leaf: max × share, to 0.1; full points when the unit had no such records. */
export function scoreComputed(node: TreeNode, r: MetricUnitResult | undefined): Omit<IndicatorScore, 'indicatorId' | 'name' | 'parentId' | 'depth' | 'isGroup'> {
  const key = node.metric as MetricKey;
  const words = NOUNS[key] ?? { unit: '项', noun: '事项', good: '达标' };
  const max = node.maxPoints;
  if (!r || r.denominator === 0) {
    const text = r?.note ? `${NO_RECORDS}（${r.note}）` : NO_RECORDS;
    return { maxPoints: max, points: max, summary: `${text}，得满分 ${fmt(max)} 分`, lines: [{ text, refs: [] }], numerator: 0, denominator: 0 };
  }
  const share = r.numerator / r.denominator;
  const points = round1(max * share);
  const pct = round1(share * 100);
  const summary = key === 'leadInterpretations'
    ? `${words.noun} ${r.counted.length} 次（目标 ${r.denominator} 次），得 ${fmt(points)} 分`
    : `${words.good} ${r.numerator}/${r.denominator} ${words.unit}（${pct}%），得 ${fmt(points)} 分`;
  const lines: ExplanationLine[] = [];
  const byReason = new Map<string, RecordRef[]>();
  for (const ref of r.lost) byReason.set(ref.reason ?? '未达标', [...(byReason.get(ref.reason ?? '未达标') ?? []), ref]);
  for (const [reason, refs] of byReason) {
    const shown = refs.slice(0, MAX_LABELS_IN_LINE).map((x) => x.label).join('；');
    const more = refs.length > MAX_LABELS_IN_LINE ? `等（共 ${refs.length} ${words.unit}）` : '';
    lines.push({ text: `${refs.length} ${words.unit}${words.noun}${reason}：${shown}${more}`, refs });
  }
  if (r.shortfall) lines.push({ text: r.shortfall, refs: r.counted });
  return { maxPoints: max, points, summary, lines, numerator: r.numerator, denominator: r.denominator };
}

export interface ManualScoreInput {
  points: number;
  note: string | null;
  evidence: string[];
}

/**
 * The points of a manual leaf. Manual indicators are scored by deduction (扣分制): a unit the
 * office has not scored keeps full points; a score below the maximum carries the office's note.
 */
export function scoreManual(node: TreeNode, s: ManualScoreInput | undefined): Omit<IndicatorScore, 'indicatorId' | 'name' | 'parentId' | 'depth' | 'isGroup'> {
  const max = node.maxPoints;
  if (!s) return { maxPoints: max, points: max, summary: `人工评分：未扣分，得满分 ${fmt(max)} 分`, lines: [], numerator: null, denominator: null };
  const points = round1(Math.min(s.points, max));
  const refs: RecordRef[] = s.evidence.map((url, i) => ({ kind: 'evidence', id: null, label: `佐证材料${i + 1}`, url }));
  const lost = fromTenths(tenths(max) - tenths(points));
  const lines: ExplanationLine[] = lost > 0 ? [{ text: `扣 ${fmt(lost)} 分：${s.note ?? ''}`, refs }] : (s.note || refs.length ? [{ text: s.note ?? '', refs }] : []);
  return { maxPoints: max, points, summary: `人工评分，得 ${fmt(points)} 分`, lines, numerator: null, denominator: null };
}

/**
 * One unit's breakdown: every node in tree order; a group's points are the sum of its children's.
 * `leafScore` scores a leaf.
 */
export function scoreUnit(tree: TreeNode[], leafScore: (leaf: TreeNode) => ReturnType<typeof scoreComputed>): { total: number; indicators: IndicatorScore[] } {
  const out: IndicatorScore[] = [];
  const walk = (n: TreeNode): number => {
    const base = { indicatorId: n.id, name: n.name, parentId: n.parentId, depth: n.depth, isGroup: n.isGroup };
    if (!n.isGroup) {
      const s = leafScore(n);
      out.push({ ...base, ...s });
      return tenths(s.points);
    }
    const at = out.length;
    out.push({ ...base, maxPoints: n.maxPoints, points: 0, summary: '', lines: [], numerator: null, denominator: null });
    const sum = n.children.reduce((s, c) => s + walk(c), 0);
    out[at]!.points = fromTenths(sum);
    out[at]!.summary = `各项合计 ${fmt(fromTenths(sum))} 分（满分 ${fmt(n.maxPoints)} 分）`;
    return sum;
  };
  const total = fromTenths(tree.reduce((s, n) => s + walk(n), 0));
  return { total, indicators: out };
}

/** Ranks by total, highest first; equal totals share a rank and the next rank is skipped (1, 1, 3). Ties are listed by unit id. */
export function rank<T extends { unitId: number; total: number }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => tenths(b.total) - tenths(a.total) || a.unitId - b.unitId);
  let prev: number | null = null;
  let prevRank = 0;
  return sorted.map((r, i) => {
    const t = tenths(r.total);
    const rk = prev === t ? prevRank : i + 1;
    prev = t;
    prevRank = rk;
    return { ...r, rank: rk };
  });
}

/** The metric's label and rule, for the tree view. */
export function metricInfo(key: string | null): { label: string; rule: string } | null {
  return key && Object.hasOwn(METRICS, key) ? METRICS[key as MetricKey] : null;
}
