/**
 * Interpretations module (政策解读): interpretations linked to the published policy they explain,
 * their workflow and search indexing, the yearly 第一解读人 table, and the public pages. The
 * policy's page lists its interpretations with `listInterpretationsOfPublication`.
 */
import { registerUnitMergeHandler } from '../directory/index.ts';
import { moveInterpretationsToUnit } from './interpretations.service.ts';

export {
  listInterpretations, getInterpretation, listInterpretationsOfPublication, createInterpretation, updateInterpretation, publishInterpretation,
  withdrawInterpretation, deleteInterpretation, leadInterpreterStats, leadInterpretationsOf, cleanMediaUrl,
  type InterpretationInput, type InterpretationFilter, type LeadInterpreterStats, type LeadInterpreterRow,
} from './interpretations.service.ts';
export type { InterpretationView, InterpretationDetail, PolicyRef } from './interpretations.presenter.ts';
export { INTERPRETATION_FORMS, INTERPRETATION_STATES, LEAD_INTERPRETER_TARGET, type InterpretationForm } from './interpretations.constants.ts';
export { interpretationsRoutes } from './interpretations.routes.ts';
export { interpretationsPages } from './interpretations.pages.ts';
export { seedDemoInterpretations } from './interpretations.seed.ts';

// Interpretations follow their unit when the office merges a placeholder unit into the real one.
registerUnitMergeHandler(moveInterpretationsToUnit);
