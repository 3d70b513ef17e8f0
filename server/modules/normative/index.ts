/**
 * Normative module (行政规范性文件): the register with 三统一 (统一登记、统一编号、统一发布), validity
 * and its changes (修改 / 废止 by later documents, 失效 when the period ends, alerts before), cleanup
 * campaigns (谁制定、谁清理) with the published valid list, and the public register pages.
 *
 * Importing this module registers the publication hook that registers a normative publication when
 * it is published (withdrawal deletes nothing, so it needs no hook), and the unit-merge handler.
 */
import { registerUnitMergeHandler } from '../directory/index.ts';
import { registerPublicationHook } from '../publications/index.ts';
import { moveRegistrationsToUnit, registerPublished } from './normative.service.ts';

export {
  getRegistration, listNormativeDocuments, getNormativeDocument, scanNormativeDocuments,
  type Registration, type DocumentQuery,
} from './normative.service.ts';
export { getValidList, type ValidList } from './cleanup.service.ts';
export { VALIDITIES, VALIDITY_LABELS, CLEANUP_DECISIONS, CLEANUP_DECISION_LABELS, type Validity, type CleanupDecision } from './normative.rules.ts';
export type { NormativeDocumentView, RelationRef, Relations } from './normative.presenter.ts';
export { normativeRoutes } from './normative.routes.ts';
export { normativePages } from './normative.pages.ts';
export { seedDemoNormative } from './normative.seed.ts';

registerPublicationHook({ onPublished: registerPublished });
registerUnitMergeHandler(moveRegistrationsToUnit);
