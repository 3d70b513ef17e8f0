/**
 * Rows → API shapes. Commenters' names and contacts leave this file only in the view for the
 * consultation's unit and the office (`personal`); the public view of a comment is its text, its day
 * and — once the feedback report is out — its disposition.
 */
import type { Consultation, ConsultationComment, DecisionItem } from '../../db/database.ts';
import { todayInChina } from '../../lib/working-days.ts';
import {
  acceptsComments, DECISION_STAGES, DISPOSITIONS, daysLeft, effectiveState, MODERATION, periodLength, stateLabel,
  type ConsultationState, type DecisionStage, type Disposition, type Moderation,
} from './consultations.states.ts';
import type { CommentCountRow } from './consultations.repository.ts';

export interface DecisionItemRef {
  id: number;
  year: number;
  seq: number;
  title: string;
}

export interface ConsultationRef {
  id: number;
  title: string;
  state: ConsultationState;
  stateLabel: string;
}

export interface DecisionItemView extends DecisionItemRef {
  unitId: number;
  unitName: string;
  basis: string | null;
  plannedBy: string | null;
  stage: DecisionStage;
  stageLabel: string;
  published: boolean;
  consultations: ConsultationRef[];
  /** the stages this actor may move the item to now */
  allowedStages: DecisionStage[];
  createdAt: string;
  updatedAt: string;
}

export interface CommentCounts {
  received: number;
  pending: number;
  approved: number;
  rejected: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  /** approved comments without a disposition yet */
  undisposed: number;
}

export interface ConsultationSummary {
  id: number;
  title: string;
  unitId: number;
  unitName: string;
  decisionItem: DecisionItemRef | null;
  opensOn: string;
  closesOn: string;
  /** calendar days, both ends included */
  periodDays: number;
  state: ConsultationState;
  stateLabel: string;
  acceptingComments: boolean;
  /** days left to comment, today included; null when not taking comments */
  daysLeft: number | null;
  feedbackPublishedAt: string | null;
  /** for the unit, the office and observers; null in the public view */
  counts: CommentCounts | null;
}

export type ConsultationAction = 'edit' | 'publish' | 'delete' | 'moderate' | 'dispose' | 'publishFeedback';

export interface ConsultationDetail extends ConsultationSummary {
  draftHtml: string;
  explanation: string | null;
  /** the published feedback report (HTML), once reported */
  feedbackHtml: string | null;
  createdAt: string;
  updatedAt: string;
  allowedActions: ConsultationAction[];
}

export interface CommentView {
  id: number;
  text: string;
  /** the Beijing date it was received */
  receivedOn: string;
  moderation: Moderation;
  moderationLabel: string;
  moderationNote: string | null;
  disposition: Disposition | null;
  dispositionLabel: string | null;
  dispositionReason: string | null;
  /** personal data: only for the consultation's unit and the office, else null */
  authorName: string | null;
  contact: string | null;
}

export function decisionRef(d: DecisionItem): DecisionItemRef {
  return { id: d.id, year: d.year, seq: d.seq, title: d.title };
}

export function consultationRef(c: Consultation, day: string): ConsultationRef {
  return { id: c.id, title: c.title, state: effectiveState(c, day), stateLabel: stateLabel(c, day) };
}

export function presentDecisionItem(d: DecisionItem, unitName: string, consultations: ConsultationRef[], allowedStages: DecisionStage[]): DecisionItemView {
  return {
    ...decisionRef(d), unitId: d.unitId, unitName, basis: d.basis, plannedBy: d.plannedBy, stage: d.stage as DecisionStage,
    stageLabel: DECISION_STAGES[d.stage as DecisionStage] ?? d.stage, published: d.published === 1, consultations, allowedStages,
    createdAt: d.createdAt, updatedAt: d.updatedAt,
  };
}

export function emptyCounts(): CommentCounts {
  return { received: 0, pending: 0, approved: 0, rejected: 0, adopted: 0, partlyAdopted: 0, notAdopted: 0, undisposed: 0 };
}

/** Counts per consultation from the grouped rows. */
export function countsByConsultation(rows: CommentCountRow[]): Map<number, CommentCounts> {
  const out = new Map<number, CommentCounts>();
  for (const r of rows) {
    const c = out.get(r.consultationId) ?? emptyCounts();
    c.received += r.n;
    if (r.moderation === 'pending' || r.moderation === 'approved' || r.moderation === 'rejected') c[r.moderation] += r.n;
    if (r.moderation === 'approved') {
      if (r.disposition === 'adopted' || r.disposition === 'partlyAdopted' || r.disposition === 'notAdopted') c[r.disposition] += r.n;
      else c.undisposed += r.n;
    }
    out.set(r.consultationId, c);
  }
  return out;
}

export function presentSummary(c: Consultation, day: string, unitName: string, item: DecisionItemRef | null, counts: CommentCounts | null): ConsultationSummary {
  return {
    id: c.id, title: c.title, unitId: c.unitId, unitName, decisionItem: item, opensOn: c.opensOn, closesOn: c.closesOn,
    periodDays: periodLength(c.opensOn, c.closesOn), state: effectiveState(c, day), stateLabel: stateLabel(c, day),
    acceptingComments: acceptsComments(c, day), daysLeft: daysLeft(c, day), feedbackPublishedAt: c.feedbackPublishedAt, counts,
  };
}

export function presentComment(r: ConsultationComment, opts: { personal: boolean; staff: boolean; dispositionPublic: boolean }): CommentView {
  const showDisposition = opts.staff || opts.dispositionPublic;
  const d = showDisposition ? (r.disposition as Disposition | null) : null;
  return {
    id: r.id, text: r.bodyText, receivedOn: todayInChina(new Date(r.createdAt)),
    moderation: r.moderation as Moderation, moderationLabel: MODERATION[r.moderation as Moderation] ?? r.moderation,
    moderationNote: opts.staff ? r.moderationNote : null,
    disposition: d, dispositionLabel: d ? DISPOSITIONS[d] : null, dispositionReason: d ? r.dispositionReason : null,
    authorName: opts.personal ? r.authorName : null, contact: opts.personal ? r.contact : null,
  };
}

/** 张三 → 张*, for the audit record (never the contact). */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 4))}`;
}
