/**
 * Register rows → the API's shapes (registration, relations, cleanup items and progress).
 */
import type { CleanupCampaign, DocumentRow, ItemRow, RelationRow, UnitProgressRow } from './normative.repository.ts';
import { CLEANUP_DECISION_LABELS, VALIDITY_LABELS, type CleanupDecision, type Validity } from './normative.rules.ts';

export const publicUrl = (publicationId: number) => `/portal/publications/${publicationId}`;

export interface NormativeDocumentView {
  /** the publication's id (a registration is the publication's) */
  id: number;
  regNumber: string;
  unitId: number;
  unitName: string;
  title: string;
  docNumber: string | null;
  /** 制定机关 */
  publisher: string;
  indexNumber: string | null;
  publishedOn: string | null;
  /** published | withdrawn (the register keeps withdrawn ones) */
  publicationState: string;
  effectiveOn: string | null;
  validUntil: string | null;
  validity: Validity;
  validityLabel: string;
  validityChangedOn: string | null;
  validityNote: string | null;
  expiryAlertedAt: string | null;
  registeredAt: string;
  url: string;
}

export interface RelationRef {
  id: number;
  regNumber: string;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  publicationState: string;
  url: string;
}

export interface Relations {
  /** documents this one amends / repeals */
  amends: RelationRef[];
  repeals: RelationRef[];
  /** documents that amend / repeal this one */
  amendedBy: RelationRef[];
  repealedBy: RelationRef[];
}

export interface NormativeDocumentDetail extends NormativeDocumentView, Relations {}

export function presentDocument(r: DocumentRow): NormativeDocumentView {
  const validity = r.validity as Validity;
  return {
    id: r.publicationId, regNumber: r.regNumber, unitId: r.unitId, unitName: r.unitName, title: r.title, docNumber: r.docNumber, publisher: r.publisher,
    indexNumber: r.indexNumber, publishedOn: r.publishedOn, publicationState: r.publicationState, effectiveOn: r.effectiveOn, validUntil: r.validUntil,
    validity, validityLabel: VALIDITY_LABELS[validity] ?? r.validity, validityChangedOn: r.validityChangedOn, validityNote: r.validityNote,
    expiryAlertedAt: r.expiryAlertedAt, registeredAt: r.registeredAt, url: publicUrl(r.publicationId),
  };
}

function ref(r: RelationRow): RelationRef {
  return {
    id: r.otherId, regNumber: r.regNumber, title: r.title, docNumber: r.docNumber, publishedOn: r.publishedOn, effectiveOn: r.effectiveOn,
    publicationState: r.publicationState, url: publicUrl(r.otherId),
  };
}

/** The relations of document `id`, keeping only those `visible` says the reader may see. */
export function presentRelations(id: number, rows: { outgoing: RelationRow[]; incoming: RelationRow[] }, visible: (r: RelationRow) => boolean): Relations {
  const out = rows.outgoing.filter((r) => r.fromId === id && visible(r));
  const inc = rows.incoming.filter((r) => r.toId === id && visible(r));
  return {
    amends: out.filter((r) => r.kind === 'amends').map(ref), repeals: out.filter((r) => r.kind === 'repeals').map(ref),
    amendedBy: inc.filter((r) => r.kind === 'amends').map(ref), repealedBy: inc.filter((r) => r.kind === 'repeals').map(ref),
  };
}

export interface CleanupItemView {
  campaignId: number;
  documentId: number;
  unitId: number;
  unitName: string;
  regNumber: string;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  validity: string;
  validityLabel: string;
  validUntil: string | null;
  decision: CleanupDecision | null;
  decisionLabel: string | null;
  note: string | null;
  confirmedBy: number | null;
  confirmedByName: string | null;
  confirmedAt: string | null;
}

export function presentItem(r: ItemRow): CleanupItemView {
  const decision = r.decision as CleanupDecision | null;
  return {
    campaignId: r.campaignId, documentId: r.documentId, unitId: r.unitId, unitName: r.unitName, regNumber: r.regNumber, title: r.title, docNumber: r.docNumber,
    publishedOn: r.publishedOn, validity: r.validity, validityLabel: VALIDITY_LABELS[r.validity as Validity] ?? r.validity, validUntil: r.validUntil,
    decision, decisionLabel: decision ? CLEANUP_DECISION_LABELS[decision] ?? decision : null, note: r.note, confirmedBy: r.confirmedBy,
    confirmedByName: r.confirmedByName, confirmedAt: r.confirmedAt,
  };
}

export interface UnitProgress {
  unitId: number;
  unitName: string;
  total: number;
  confirmed: number;
  decisions: Record<CleanupDecision, number>;
}

export interface CampaignView {
  id: number;
  title: string;
  year: number;
  state: 'open' | 'closed';
  dueOn: string | null;
  openedAt: string;
  closedAt: string | null;
  validListPublishedAt: string | null;
  /** over the units the reader sees (all for the office and observers, its own for a unit) */
  total: number;
  confirmed: number;
  units: UnitProgress[];
}

export function presentCampaign(c: CleanupCampaign, progress: UnitProgressRow[]): CampaignView {
  const units = progress.filter((p) => p.campaignId === c.id).map((p) => ({
    unitId: p.unitId, unitName: p.unitName, total: p.total, confirmed: p.confirmed, decisions: { keep: p.keep, amend: p.amend, repeal: p.repeal, expire: p.expire },
  }));
  return {
    id: c.id, title: c.title, year: c.year, state: c.state as 'open' | 'closed', dueOn: c.dueOn, openedAt: c.openedAt, closedAt: c.closedAt,
    validListPublishedAt: c.validListPublishedAt, total: units.reduce((s, u) => s + u.total, 0), confirmed: units.reduce((s, u) => s + u.confirmed, 0), units,
  };
}
