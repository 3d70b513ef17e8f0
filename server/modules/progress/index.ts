/**
 * Progress module: reporting periods, progress reports with evidence, reviews, statuses, the
 * office's matrix and overview.
 */
import { registerListPublishedHandler } from '../lists/index.ts';
import { ensureListPeriods } from './progress.service.ts';

export {
  listPeriods, setReportingCycle, listWorkbenchAssignments, getAssignmentDetail, submitReport, reviewReport, reviewQueue,
  publishReport, getAttachment, setFinalState, listMatrix, matrixVersion, listOverview, evaluateList, ensureListPeriods, MAX_ATTACHMENTS,
  type WorkbenchAssignment, type ReportView,
} from './progress.service.ts';
export { REPORT_STATUS, FINAL_STATE, type ReportStatus, type FinalState } from './status.ts';
export { REPORTING_CYCLES, generatePeriods, currentPeriod } from './periods.ts';
export { progressRoutes } from './progress.routes.ts';
export { progressPages } from './progress.pages.ts';
export { seedDemoProgress } from './progress.seed.ts';
export { publicProgress } from './public-progress.ts';

// A published list gets its reporting periods in the same transaction.
registerListPublishedHandler(ensureListPeriods);
