/**
 * Publication rows → the API's shape, with the Art. 26 timeliness worked out.
 */
import type { Publication } from '../../db/database.ts';

/** onTime / late: published within / after the 20 working days; due / overdue: not yet published */
export type Timeliness = 'onTime' | 'late' | 'due' | 'overdue' | null;

export function timelinessOf(p: { publishDueOn: string | null; publishedOn: string | null; state: string }, today: string): Timeliness {
  if (!p.publishDueOn) return null;
  if (p.publishedOn) return p.publishedOn <= p.publishDueOn ? 'onTime' : 'late';
  if (p.state === 'withdrawn') return null;
  return today <= p.publishDueOn ? 'due' : 'overdue';
}

export interface PublicationView {
  id: number;
  unitId: number;
  unitName: string;
  platformColumn: string;
  kind: string;
  indexNumber: string | null;
  title: string;
  publisher: string;
  docNumber: string | null;
  topic: string | null;
  writtenOn: string | null;
  madeOn: string | null;
  publishDueOn: string | null;
  publishedOn: string | null;
  timeliness: Timeliness;
  state: string;
  bodyHtml: string;
  reviewerId: number | null;
  reviewerName: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  nodes: { id: number; name: string }[];
  attachments: { id: number; fileName: string; mimeType: string; size: number; url: string }[];
  evidenceAssignmentIds: number[];
}

export function presentPublication(
  p: Publication,
  extra: {
    unitName: string; today: string; reviewerName: string | null; evidence: number[];
    attachments: { id: number; fileName: string; mimeType: string; size: number }[];
    nodes: { nodeId: number; name: string }[];
  },
): PublicationView {
  return {
    id: p.id, unitId: p.unitId, unitName: extra.unitName, platformColumn: p.platformColumn, kind: p.kind, indexNumber: p.indexNumber, title: p.title,
    publisher: p.publisher, docNumber: p.docNumber, topic: p.topic, writtenOn: p.writtenOn, madeOn: p.madeOn, publishDueOn: p.publishDueOn,
    publishedOn: p.publishedOn, timeliness: timelinessOf(p, extra.today), state: p.state, bodyHtml: p.bodyHtml, reviewerId: p.reviewerId,
    reviewerName: extra.reviewerName, reviewNote: p.reviewNote, reviewedAt: p.reviewedAt, withdrawnReason: p.withdrawnReason, withdrawnAt: p.withdrawnAt,
    createdBy: p.createdBy, createdAt: p.createdAt, updatedAt: p.updatedAt,
    nodes: extra.nodes.map((n) => ({ id: n.nodeId, name: n.name })),
    attachments: extra.attachments.map((a) => ({ id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size, url: `/api/v1/publications/${p.id}/attachments/${a.id}` })),
    evidenceAssignmentIds: extra.evidence,
  };
}
