/**
 * The acts on a disclosure request: for each action the server allows, the path it is POSTed to and
 * the fields of its small form. Dates default to today in Beijing time.
 */
import type { RequestAction } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';

export type FieldKind = 'date' | 'text' | 'textarea' | 'number' | 'select' | 'unit' | 'outcome';

export interface ActionField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: Record<string, string>;
  /** number fields */
  min?: number;
  max?: number;
  /** a date field that starts as today */
  today?: boolean;
  initial?: string | number;
}

export interface ActionSpec {
  path: string;
  fields: ActionField[];
  /** fixed body values */
  fixed?: Record<string, unknown>;
  danger?: boolean;
}

const a = t.requests.act;
const onDate: ActionField = { name: 'onDate', label: a.date, kind: 'date', required: true, today: true };

export const ACTIONS: Record<RequestAction, ActionSpec> = {
  confirmReceipt: { path: 'receipt-confirmations', fields: [{ name: 'confirmedOn', label: a.confirmedOn, kind: 'date', required: true, today: true }] },
  assign: { path: 'assignments', fields: [{ name: 'unitId', label: a.unitId, kind: 'unit', required: true }, { name: 'note', label: a.note, kind: 'text' }] },
  requestCorrection: {
    path: 'corrections',
    fields: [onDate, { name: 'items', label: a.items, kind: 'textarea', required: true }, { name: 'correctionDueOn', label: a.correctionDueOn, kind: 'date', required: true }],
  },
  receiveCorrection: { path: 'corrections/received', fields: [onDate, { name: 'text', label: a.text, kind: 'textarea' }] },
  closeNoCorrection: { path: 'corrections/expired', fields: [onDate], danger: true },
  startConsultation: {
    path: 'consultations',
    fields: [onDate, { name: 'party', label: a.party, kind: 'text', required: true }, { name: 'kind', label: a.kind, kind: 'select', required: true, options: a.kinds, initial: 'thirdParty' }],
  },
  endConsultation: { path: 'consultations/ended', fields: [onDate, { name: 'result', label: a.result, kind: 'textarea' }] },
  extend: {
    path: 'extensions',
    fields: [
      onDate,
      { name: 'workingDays', label: a.workingDays, kind: 'number', required: true, min: 1, max: 20, initial: 20 },
      { name: 'approver', label: a.approver, kind: 'text', required: true },
      { name: 'notifiedOn', label: a.notifiedOn, kind: 'date', required: true, today: true },
    ],
  },
  sendFeeNotice: {
    path: 'fee-notices',
    fields: [
      onDate,
      { name: 'method', label: a.method, kind: 'select', required: true, options: a.methods, initial: 'perCase' },
      { name: 'quantity', label: a.quantity, kind: 'number', required: true, min: 1, max: 100000, initial: 1 },
    ],
  },
  recordFeePaid: { path: 'fee-payments', fields: [onDate] },
  closeFeeNotPaid: { path: 'fee-notices/expired', fields: [onDate], danger: true },
  draftReply: {
    path: 'drafts',
    fields: [{ name: 'outcome', label: a.outcome, kind: 'outcome', required: true }, { name: 'text', label: a.replyDraft, kind: 'textarea', required: true }],
  },
  approveReply: { path: 'approvals', fixed: { approve: true }, fields: [{ name: 'comment', label: a.comment, kind: 'textarea' }] },
  rejectReply: { path: 'approvals', fixed: { approve: false }, fields: [{ name: 'comment', label: a.comment, kind: 'textarea', required: true }], danger: true },
  deliverReply: {
    path: 'replies',
    fields: [
      { name: 'onDate', label: a.deliveredOn, kind: 'date', required: true, today: true },
      { name: 'method', label: a.replyMethod, kind: 'select', required: true, options: t.requests.replyMethods, initial: 'post' },
    ],
  },
  archive: { path: 'archive', fields: [] },
};
