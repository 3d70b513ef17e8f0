/**
 * Inspections module (督查 / 监督检查 → 整改 → 复核 → 销号): inspections and their findings, the
 * units' rectification reports with evidence, the office's verification, reminders of overdue
 * rectification, and the public pages of published findings (item 32). Evaluation reads
 * `rectificationTimeliness`.
 */
import { registerUnitMergeHandler } from '../directory/index.ts';
import { registerReminderSource } from '../reminders/index.ts';
import { rectificationReminders } from './inspections.reminders.ts';
import { moveFindingsToUnit } from './inspections.service.ts';

export {
  rectificationTimeliness, listInspections, getInspection, listFindings, getFinding, createInspection, openInspection, addFinding, submitRectification,
  closeFinding, returnFinding, publishInspection, type RectificationTimeliness, type InspectionInput, type FindingInput,
} from './inspections.service.ts';
export type { InspectionView, FindingView, FindingDetail, RectificationView } from './inspections.presenter.ts';
export { INSPECTION_KINDS, FINDING_SEVERITIES, FINDING_STATES, PUBLIC_STATUSES } from './inspections.constants.ts';
export { inspectionsRoutes } from './inspections.routes.ts';
export { inspectionsPages } from './inspections.pages.ts';
export { seedDemoInspections } from './inspections.seed.ts';

// Findings follow their unit when the office merges a placeholder unit into the real one.
registerUnitMergeHandler(moveFindingsToUnit);
// Rectification due soon or overdue is reminded by the reminder scan, once.
registerReminderSource(rectificationReminders);
