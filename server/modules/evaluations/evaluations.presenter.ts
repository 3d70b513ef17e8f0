/**
 * Evaluation rows → API shapes.
 */
import type { Indicator, IndicatorSet, ManualScore } from '../../db/database.ts';
import { parseJson } from '../../db/portable.ts';
import { evaluationUrl, METHODS, SCOPE_KINDS, SET_STATES, type Method, type ScopeKind, type SetState } from './evaluations.constants.ts';
import { metricInfo, type TreeNode } from './evaluations.scoring.ts';

export interface SetView {
  id: number;
  year: number;
  name: string;
  description: string | null;
  /** the points the tree must add up to */
  totalPoints: number;
  /** what the tree adds up to now */
  treeTotal: number;
  scopeKind: string;
  scopeKindLabel: string;
  /** the explicit scope (scopeKind units) */
  scopeUnitIds: number[];
  state: string;
  stateLabel: string;
  publishedAt: string | null;
  /** the public page, once published */
  url: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorView {
  id: number;
  parentId: number | null;
  depth: number;
  name: string;
  description: string | null;
  /** a group's is the sum of its children's */
  maxPoints: number;
  sortOrder: number;
  isGroup: boolean;
  method: string;
  methodLabel: string;
  metric: string | null;
  metricLabel: string | null;
  metricRule: string | null;
  params: Record<string, unknown>;
}

export interface SetDetail extends SetView {
  indicators: IndicatorView[];
  /** the units scored (resolved from the scope) */
  units: { id: number; name: string }[];
}

export interface ManualScoreView {
  indicatorId: number;
  unitId: number;
  unitName: string;
  points: number;
  note: string | null;
  evidence: string[];
  scoredAt: string;
}

export function presentSet(s: IndicatorSet, treeTotal: number): SetView {
  return {
    id: s.id, year: s.year, name: s.name, description: s.description, totalPoints: s.totalPoints, treeTotal, scopeKind: s.scopeKind,
    scopeKindLabel: SCOPE_KINDS[s.scopeKind as ScopeKind] ?? s.scopeKind, scopeUnitIds: parseJson<number[]>(s.scopeUnitIds, []),
    state: s.state, stateLabel: SET_STATES[s.state as SetState] ?? s.state, publishedAt: s.publishedAt,
    url: s.state === 'published' ? evaluationUrl(s.id) : null, createdAt: s.createdAt, updatedAt: s.updatedAt,
  };
}

export function presentIndicator(n: TreeNode): IndicatorView {
  const info = n.isGroup ? null : n.method === 'computed' ? metricInfo(n.metric) : null;
  return {
    id: n.id, parentId: n.parentId, depth: n.depth, name: n.name, description: n.description, maxPoints: n.maxPoints, sortOrder: n.sortOrder,
    isGroup: n.isGroup, method: n.isGroup ? 'group' : n.method, methodLabel: n.isGroup ? '分组' : (METHODS[n.method as Method] ?? n.method),
    metric: n.isGroup ? null : n.metric, metricLabel: info?.label ?? null, metricRule: info?.rule ?? null, params: n.isGroup ? {} : n.params,
  };
}

export function indicatorRow(i: Indicator) {
  return {
    id: i.id, parentId: i.parentId, name: i.name, description: i.description, maxPoints: i.maxPoints, sortOrder: i.sortOrder, method: i.method,
    metric: i.metric, params: parseJson<Record<string, unknown>>(i.params, {}),
  };
}

export function presentScore(s: ManualScore, unitName: string): ManualScoreView {
  return { indicatorId: s.indicatorId, unitId: s.unitId, unitName, points: s.points, note: s.note, evidence: parseJson<string[]>(s.evidence, []), scoredAt: s.scoredAt };
}
