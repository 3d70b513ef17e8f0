/**
 * Consultations module: 重大行政决策事项目录 (the yearly decision catalogue with each decision's
 * stage) and 意见征集 / 公众参与 (drafts open for public comments, moderation, dispositions and the
 * feedback report), with their public pages.
 */
export {
  listDecisionItems, listDecisionYears, getDecisionItem, createDecisionItem, updateDecisionItem, deleteDecisionItem, publishDecisionCatalogue,
  moveDecisionStage, type DecisionYear,
} from './decisions.service.ts';
export {
  listConsultations, getConsultation, createConsultation, updateConsultation, deleteConsultation, publishConsultation, submitComment, listComments,
  moderateComment, disposeComment, getFeedback, publishFeedback,
} from './consultations.service.ts';
export type { ConsultationDetail, ConsultationSummary, CommentView, DecisionItemView } from './consultations.presenter.ts';
export { DECISION_STAGES, CONSULTATION_STATES, DISPOSITIONS, DEFAULT_PERIOD_DAYS } from './consultations.states.ts';
export { consultationsRoutes } from './consultations.routes.ts';
export { consultationsPages } from './consultations.pages.ts';
export { seedDemoConsultations } from './consultations.seed.ts';
