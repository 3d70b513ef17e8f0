/**
 * Rows → API shapes (camelCase, no internal fields).
 */
import type { List, ListSection, Notice, Task } from '../../db/database.ts';
import { isSet, parseJson } from '../../db/portable.ts';
import type { ImportWarning } from './import/import.types.ts';
import { LIST_KINDS, LIST_STATES, type ListKind, type ListState } from './list-kinds.ts';
import type { ComparableTask } from './list-diff.ts';

export interface ListView {
  id: number;
  kind: string;
  kindLabel: string;
  year: number;
  title: string;
  state: string;
  stateLabel: string;
  noticeId: number | null;
  annexGroupId: number | null;
  taskCount: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function presentList(l: List, taskCount: number): ListView {
  return {
    id: l.id, kind: l.kind, kindLabel: LIST_KINDS[l.kind as ListKind] ?? l.kind, year: l.year, title: l.title,
    state: l.state, stateLabel: LIST_STATES[l.state as ListState] ?? l.state, noticeId: l.noticeId,
    annexGroupId: l.annexGroupId, taskCount, publishedAt: l.publishedAt, createdAt: l.createdAt, updatedAt: l.updatedAt,
  };
}

export interface NoticeView {
  id: number;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  year: number | null;
  sourceFileName: string | null;
}

export function presentNotice(n: Notice): NoticeView {
  return { id: n.id, title: n.title, docNumber: n.docNumber, issuer: n.issuer, issuedOn: n.issuedOn, year: n.year, sourceFileName: n.sourceFileName };
}

export interface SectionView {
  id: number;
  parentId: number | null;
  level: number;
  numeral: string;
  title: string;
}

export function presentSection(s: ListSection): SectionView {
  return { id: s.id, parentId: s.parentId, level: s.level, numeral: s.numeral, title: s.title };
}

export interface TaskView extends ComparableTask {
  id: number;
  listId: number;
  sectionId: number | null;
  subsectionId: number | null;
  sourceLine: number | null;
  /** The text the task was read from, as written in the notice (null for tasks stored before it was kept) */
  source: string | null;
  leadCount: number;
  responsibleCount: number;
}

/** A stored task in the comparable shape (as a notice states it). */
export function comparableTask(t: Task, numerals: Map<number, string>): ComparableTask {
  return {
    seq: t.seq,
    section: t.sectionId ? (numerals.get(t.sectionId) ?? null) : null,
    subsection: t.subsectionId ? (numerals.get(t.subsectionId) ?? null) : null,
    text: t.text,
    leadUnits: parseJson<string[]>(t.leadUnits, []),
    responsibleUnits: parseJson<string[]>(t.responsibleUnits, []),
    eachLeads: isSet(t.eachLeads),
    merged: isSet(t.merged),
    dueDate: t.dueDate,
    deadlineText: t.deadlineText,
    recurrence: t.recurrence,
    target: t.target,
  };
}

export function presentTask(t: Task, numerals: Map<number, string>, counts: { lead: number; responsible: number }): TaskView {
  return {
    id: t.id, listId: t.listId, sectionId: t.sectionId, subsectionId: t.subsectionId, sourceLine: t.sourceLine, source: t.sourceText,
    ...comparableTask(t, numerals), leadCount: counts.lead, responsibleCount: counts.responsible,
  };
}

export function warningsOf(l: List): ImportWarning[] {
  return parseJson<ImportWarning[]>(l.importWarnings, []);
}
