/**
 * The states of a disclosure request and the moves between them, after 《条例》第四十五条's
 * 登记 → 审核 → 办理 → 答复 → 归档 workflow, with 签发 (approval) before the reply and the side
 * states of 补正 and 征求意见.
 */
export const REQUEST_STATES = {
  awaitingConfirmation: '待确认收到',
  registered: '已登记',
  handling: '办理中',
  awaitingCorrection: '待补正',
  consulting: '征求意见中',
  awaitingApproval: '待签发',
  approved: '已签发',
  replied: '已答复',
  archived: '已归档',
} as const;
export type RequestState = keyof typeof REQUEST_STATES;

export type RequestAction =
  | 'confirmReceipt' | 'assign' | 'requestCorrection' | 'receiveCorrection' | 'closeNoCorrection' | 'startConsultation' | 'endConsultation'
  | 'extend' | 'sendFeeNotice' | 'recordFeePaid' | 'closeFeeNotPaid' | 'draftReply' | 'approveReply' | 'rejectReply' | 'deliverReply' | 'archive';

export const TRANSITIONS: Record<RequestAction, { from: readonly RequestState[]; to: RequestState | null }> = {
  confirmReceipt: { from: ['awaitingConfirmation'], to: 'registered' },
  assign: { from: ['registered', 'handling'], to: 'handling' },
  requestCorrection: { from: ['registered', 'handling'], to: 'awaitingCorrection' },
  receiveCorrection: { from: ['awaitingCorrection'], to: 'handling' },
  closeNoCorrection: { from: ['awaitingCorrection'], to: 'replied' },
  startConsultation: { from: ['handling'], to: 'consulting' },
  endConsultation: { from: ['consulting'], to: 'handling' },
  extend: { from: ['handling', 'consulting'], to: null },
  sendFeeNotice: { from: ['handling'], to: null },
  recordFeePaid: { from: ['handling'], to: null },
  closeFeeNotPaid: { from: ['handling'], to: 'replied' },
  draftReply: { from: ['registered', 'handling'], to: 'awaitingApproval' },
  approveReply: { from: ['awaitingApproval'], to: 'approved' },
  rejectReply: { from: ['awaitingApproval'], to: 'handling' },
  deliverReply: { from: ['approved'], to: 'replied' },
  archive: { from: ['replied'], to: 'archived' },
};

export const ACTION_LABELS: Record<RequestAction, string> = {
  confirmReceipt: '确认收到', assign: '审核分办', requestCorrection: '告知补正', receiveCorrection: '收到补正', closeNoCorrection: '逾期不补正终止',
  startConsultation: '征求意见', endConsultation: '征求意见结束', extend: '延期答复', sendFeeNotice: '发出收费通知', recordFeePaid: '已缴费',
  closeFeeNotPaid: '逾期未缴费终止', draftReply: '拟办答复', approveReply: '签发', rejectReply: '退回重拟', deliverReply: '送达答复', archive: '归档',
};

/** Whether an action is allowed in a state. */
export function canMove(state: string, action: RequestAction): boolean {
  return (TRANSITIONS[action].from as readonly string[]).includes(state);
}

/** States in which the statutory clock is running or paused (the case is open). */
export const OPEN_STATES: readonly RequestState[] = ['registered', 'handling', 'awaitingCorrection', 'consulting', 'awaitingApproval', 'approved'];
