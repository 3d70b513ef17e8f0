/**
 * Inspection, finding and rectification-report rows → API shapes.
 */
import type { Inspection, RectificationReport } from '../../db/database.ts';
import { isSet, parseJson } from '../../db/portable.ts';
import {
  FINDING_SEVERITIES, FINDING_STATES, INSPECTION_KINDS, INSPECTION_STATES, inspectionUrl, isOverdue, REPORT_STATES,
} from './inspections.constants.ts';
import type { AttachmentMeta, FindingRow } from './inspections.repository.ts';

const label = (map: Record<string, string>, key: string) => map[key] ?? key;

export interface FindingCounts {
  total: number;
  open: number;
  submitted: number;
  returned: number;
  closed: number;
  withdrawn: number;
  /** open or returned and past the due date */
  overdue: number;
}

export interface InspectionView {
  id: number;
  year: number;
  kind: string;
  kindLabel: string;
  title: string;
  source: string | null;
  description: string | null;
  startedOn: string | null;
  endedOn: string | null;
  state: string;
  stateLabel: string;
  published: boolean;
  publishedOn: string | null;
  /** the public page (while published) */
  url: string | null;
  /** the findings the reader may see (a unit: its own) */
  counts: FindingCounts;
  createdAt: string;
  updatedAt: string;
}

export interface RefView {
  id: number;
  title: string;
  url: string | null;
}

export interface FindingView {
  id: number;
  inspectionId: number;
  inspectionTitle: string;
  inspectionKind: string;
  inspectionKindLabel: string;
  inspectionState: string;
  unitId: number;
  unitName: string;
  taskId: number | null;
  /** the task of a list the finding concerns: 第N项 and its text */
  task: { id: number; listId: number; seq: number; text: string } | null;
  publicationId: number | null;
  /** the publication the finding concerns, while it is published */
  publication: RefView | null;
  severity: string;
  severityLabel: string;
  problem: string;
  requirement: string;
  dueOn: string;
  state: string;
  stateLabel: string;
  overdue: boolean;
  closedOn: string | null;
  /** closed after the due date */
  closedLate: boolean;
  /** the office's note on closing or withdrawing (internal, never public) */
  officeNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AttachmentView {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  url: string;
}

export interface RectificationView {
  id: number;
  findingId: number;
  version: number;
  text: string;
  evidenceLinks: string[];
  evidencePublications: RefView[];
  attachments: AttachmentView[];
  state: string;
  stateLabel: string;
  submittedBy: number | null;
  submittedAt: string;
  verifiedAt: string | null;
  verificationNote: string | null;
}

export interface FindingDetail extends FindingView {
  /** rectification reports, newest first */
  rectifications: RectificationView[];
}

export function countFindings(rows: { state: string; dueOn: string }[], today: string): FindingCounts {
  const c: FindingCounts = { total: rows.length, open: 0, submitted: 0, returned: 0, closed: 0, withdrawn: 0, overdue: 0 };
  for (const r of rows) {
    if (r.state in c) (c as unknown as Record<string, number>)[r.state]! += 1;
    if (isOverdue(r, today)) c.overdue++;
  }
  return c;
}

export function presentInspection(i: Inspection, counts: FindingCounts): InspectionView {
  const published = isSet(i.published);
  return {
    id: i.id, year: i.year, kind: i.kind, kindLabel: label(INSPECTION_KINDS, i.kind), title: i.title, source: i.source, description: i.description,
    startedOn: i.startedOn, endedOn: i.endedOn, state: i.state, stateLabel: label(INSPECTION_STATES, i.state), published, publishedOn: i.publishedOn,
    url: published ? inspectionUrl(i.id) : null, counts, createdAt: i.createdAt, updatedAt: i.updatedAt,
  };
}

export function presentFinding(
  f: FindingRow, ctx: { unitName: string; task: FindingView['task']; publication: RefView | null; today: string },
): FindingView {
  return {
    id: f.id, inspectionId: f.inspectionId, inspectionTitle: f.inspectionTitle, inspectionKind: f.inspectionKind, inspectionKindLabel: label(INSPECTION_KINDS, f.inspectionKind),
    inspectionState: f.inspectionState, unitId: f.unitId, unitName: ctx.unitName, taskId: f.taskId, task: ctx.task, publicationId: f.publicationId,
    publication: ctx.publication, severity: f.severity, severityLabel: label(FINDING_SEVERITIES, f.severity), problem: f.problem, requirement: f.requirement,
    dueOn: f.dueOn, state: f.state, stateLabel: label(FINDING_STATES, f.state), overdue: isOverdue(f, ctx.today), closedOn: f.closedOn,
    closedLate: f.state === 'closed' && !!f.closedOn && f.closedOn > f.dueOn, officeNote: f.officeNote, createdAt: f.createdAt, updatedAt: f.updatedAt,
  };
}

export function presentRectification(r: RectificationReport, attachments: AttachmentMeta[], publications: RefView[]): RectificationView {
  return {
    id: r.id, findingId: r.findingId, version: r.version, text: r.text, evidenceLinks: parseJson<string[]>(r.evidenceLinks, []),
    evidencePublications: publications,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size, url: `/api/v1/rectifications/${r.id}/attachments/${a.id}` })),
    state: r.state, stateLabel: label(REPORT_STATES, r.state), submittedBy: r.submittedBy, submittedAt: r.submittedAt, verifiedAt: r.verifiedAt,
    verificationNote: r.verificationNote,
  };
}
