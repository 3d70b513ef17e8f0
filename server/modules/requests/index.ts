/**
 * Requests module: 依申请公开 — disclosure requests from application to archive, with the statutory
 * clock, reply letters, appeals and statistics.
 */
export {
  submitOnlineApplication, registerRequest, listRequests, getRequest, confirmReceipt, assignRequest, requestCorrection, receiveCorrection,
  closeForNoCorrection, startConsultation, endConsultation, extendDeadline, sendFeeNotice, recordFeePaid, closeForFeeNotPaid, draftReply,
  approveReply, deliverReply, archiveRequest, addAppeal, updateAppeal, trackRequest, submitCorrectionByApplicant, similarity, openRequestsWithDeadline, requestDeadlineFacts,
  type RequestDetail, type RequestListItem,
} from './requests.service.ts';
export { requestStats, requestRecords, countedRecords, type RequestStats, type RequestRecords, type RecordRow, type CountedRecord } from './request-stats.ts';
export { REPLY_OUTCOMES, OUTCOME_BY_CODE, APPLICANT_KINDS, CHANNELS, APPEAL_OUTCOMES } from './domain/outcomes.ts';
export { requestGauges } from './request-metrics.ts';
export { requestsRoutes } from './requests.routes.ts';
export { requestsPages } from './requests.pages.ts';
export { seedDemoRequests } from './requests.seed.ts';
