/**
 * Interpretation rows → API shapes.
 */
import type { Interpretation } from '../../db/database.ts';
import { isSet } from '../../db/portable.ts';
import type { PublishedPublicationRef } from '../publications/index.ts';
import { INTERPRETATION_FORMS, INTERPRETATION_STATES, interpretationUrl, publicationUrl, type InterpretationForm, type InterpretationState } from './interpretations.constants.ts';

export interface PolicyRef {
  id: number;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  /** the policy's public page */
  url: string;
}

export interface InterpretationView {
  id: number;
  unitId: number;
  unitName: string;
  publicationId: number;
  /** the policy explained, while it is published (null when it is not, or no longer, public) */
  publication: PolicyRef | null;
  title: string;
  form: string;
  formLabel: string;
  mediaUrl: string | null;
  interpreterName: string;
  interpreterTitle: string | null;
  /** by the unit's head: a 第一解读人 interpretation */
  byUnitHead: boolean;
  publishedOn: string | null;
  state: string;
  stateLabel: string;
  /** the public page (shown only once published) */
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface InterpretationDetail extends InterpretationView {
  bodyHtml: string;
  bodyText: string;
  /** why it was withdrawn (from the audit record of the withdrawal) */
  withdrawnReason: string | null;
}

export function policyRef(p: PublishedPublicationRef): PolicyRef {
  return { id: p.id, title: p.title, docNumber: p.docNumber, publishedOn: p.publishedOn, url: publicationUrl(p.id) };
}

export function presentInterpretation(i: Interpretation, unitName: string, publication: PublishedPublicationRef | null): InterpretationView {
  return {
    id: i.id, unitId: i.unitId, unitName, publicationId: i.publicationId, publication: publication ? policyRef(publication) : null, title: i.title,
    form: i.form, formLabel: INTERPRETATION_FORMS[i.form as InterpretationForm] ?? i.form, mediaUrl: i.mediaUrl, interpreterName: i.interpreterName,
    interpreterTitle: i.interpreterTitle, byUnitHead: isSet(i.byUnitHead), publishedOn: i.publishedOn, state: i.state,
    stateLabel: INTERPRETATION_STATES[i.state as InterpretationState] ?? i.state, url: interpretationUrl(i.id), createdAt: i.createdAt, updatedAt: i.updatedAt,
  };
}

export function presentDetail(i: Interpretation, unitName: string, publication: PublishedPublicationRef | null, withdrawnReason: string | null): InterpretationDetail {
  return { ...presentInterpretation(i, unitName, publication), bodyHtml: i.bodyHtml, bodyText: i.bodyText, withdrawnReason };
}
