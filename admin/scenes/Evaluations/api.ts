/**
 * The 考核评价 API as the workbench uses it: the types of /api/v1/indicator-sets… and one typed
 * function per endpoint (kept beside the scene, like its strings).
 */
import { api, apiUrl } from '../../api/client.ts';

export type SetState = 'draft' | 'scoring' | 'published';

export interface IndicatorSet {
  id: number;
  year: number;
  name: string;
  description: string | null;
  totalPoints: number;
  treeTotal: number;
  scopeKind: 'lists' | 'units';
  scopeKindLabel: string;
  scopeUnitIds: number[];
  state: SetState;
  stateLabel: string;
  publishedAt: string | null;
  url: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Indicator {
  id: number;
  parentId: number | null;
  depth: number;
  name: string;
  description: string | null;
  maxPoints: number;
  sortOrder: number;
  isGroup: boolean;
  method: 'group' | 'computed' | 'manual';
  methodLabel: string;
  metric: string | null;
  metricLabel: string | null;
  metricRule: string | null;
  params: Record<string, unknown>;
}

export interface IndicatorSetDetail extends IndicatorSet {
  indicators: Indicator[];
  units: { id: number; name: string }[];
}

export interface IndicatorInput {
  parentId?: number | null;
  name: string;
  description?: string | null;
  maxPoints?: number;
  sortOrder?: number;
  method?: 'computed' | 'manual';
  metric?: string | null;
  params?: Record<string, unknown>;
}

export interface SetInput {
  copyFromId?: number;
  year: number;
  name: string;
  description?: string | null;
  totalPoints?: number;
  scopeKind?: 'lists' | 'units';
  scopeUnitIds?: number[];
}

export interface Metric {
  key: string;
  label: string;
  rule: string;
  params: string[];
  noRecords: string;
}

export interface ManualScore {
  indicatorId: number;
  unitId: number;
  unitName: string;
  points: number;
  note: string | null;
  evidence: string[];
  scoredAt: string;
}

export interface RecordRef {
  kind: string;
  id: number | null;
  label: string;
  url: string | null;
  reason?: string;
}

export interface IndicatorScore {
  indicatorId: number;
  name: string;
  parentId: number | null;
  depth: number;
  isGroup: boolean;
  maxPoints: number;
  points: number;
  summary: string;
  lines: { text: string; refs: RecordRef[] }[];
  numerator: number | null;
  denominator: number | null;
}

export interface Results {
  setId: number;
  year: number;
  name: string;
  state: SetState;
  stateLabel: string;
  published: boolean;
  computedAt: string;
  totalPoints: number;
  topIndicators: { id: number; name: string; maxPoints: number }[];
  units: { unitId: number; unitName: string; rank: number | null; total: number; byTopLevel: number[] }[];
}

export interface Breakdown {
  setId: number;
  year: number;
  setName: string;
  published: boolean;
  computedAt: string;
  unitId: number;
  unitName: string;
  total: number;
  rank: number;
  rankShown: boolean;
  unitCount: number;
  indicators: IndicatorScore[];
}

export const evaluations = {
  metrics: () => api.get<{ items: Metric[] }>('/evaluation-metrics'),
  list: (year?: number) => api.get<{ items: IndicatorSet[] }>('/indicator-sets', { year }),
  get: (id: number) => api.get<IndicatorSetDetail>(`/indicator-sets/${id}`),
  create: (input: SetInput) => api.post<IndicatorSetDetail>('/indicator-sets', input),
  update: (id: number, patch: Partial<SetInput>) => api.patch<IndicatorSetDetail>(`/indicator-sets/${id}`, patch),
  remove: (id: number) => api.delete(`/indicator-sets/${id}`),
  startScoring: (id: number) => api.post<IndicatorSetDetail>(`/indicator-sets/${id}/scoring`),
  publish: (id: number) => api.post<IndicatorSetDetail>(`/indicator-sets/${id}/publication`),
  addIndicator: (setId: number, input: IndicatorInput) => api.post<Indicator>(`/indicator-sets/${setId}/indicators`, input),
  updateIndicator: (id: number, patch: Partial<IndicatorInput>) => api.patch<Indicator>(`/indicators/${id}`, patch),
  removeIndicator: (id: number) => api.delete(`/indicators/${id}`),
  scores: (setId: number, query?: { indicatorId?: number; unitId?: number }) => api.get<{ items: ManualScore[] }>(`/indicator-sets/${setId}/manual-scores`, query),
  putScore: (indicatorId: number, unitId: number, input: { points: number; note?: string | null; evidence?: string[] }) =>
    api.put<ManualScore>(`/indicators/${indicatorId}/manual-scores/${unitId}`, input),
  removeScore: (indicatorId: number, unitId: number) => api.delete(`/indicators/${indicatorId}/manual-scores/${unitId}`),
  results: (id: number) => api.get<Results>(`/indicator-sets/${id}/results`),
  breakdown: (id: number, unitId: number) => api.get<Breakdown>(`/indicator-sets/${id}/results/${unitId}`),
  exportUrl: (id: number) => apiUrl(`/indicator-sets/${id}/export.xlsx`),
};
