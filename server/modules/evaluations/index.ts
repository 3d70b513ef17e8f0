/**
 * Evaluations module (考核评价): yearly indicator sets (指标体系) whose leaves are computed from the
 * platform's records (progress reports, disclosure requests, publications, interpretations,
 * rectifications) or scored by hand; per-unit results with the explanation of every point, the
 * ranking, the .xlsx export, publication (a frozen snapshot) and the public /portal/evaluations pages.
 */
import { registerUnitMergeHandler } from '../directory/index.ts';
import { moveEvaluationsToUnit } from './evaluations.service.ts';

export {
  listSets, getSet, createSet, updateSet, deleteSet, startScoring, publishSet, createIndicator, updateIndicator, deleteIndicator,
  listManualScores, putManualScore, deleteManualScore, getResults, getBreakdown, listMetrics, listPublishedSets, publishedRanking,
  type SetInput, type IndicatorInput, type ManualScoreInput, type ResultsView, type BreakdownView, type RankingRow,
} from './evaluations.service.ts';
export type { SetView, SetDetail, IndicatorView, ManualScoreView } from './evaluations.presenter.ts';
export { METRICS, METRIC_KEYS, SET_STATES, NO_RECORDS, type MetricKey } from './evaluations.constants.ts';
export { computeMetric } from './evaluations.metrics.ts';
export { exportEvaluationXlsx } from './evaluations.export.ts';
export { evaluationsRoutes } from './evaluations.routes.ts';
export { evaluationsPages } from './evaluations.pages.ts';
export { seedDemoEvaluations } from './evaluations.seed.ts';

// Manual scores and explicit scopes follow a unit merged into another.
registerUnitMergeHandler(moveEvaluationsToUnit);
