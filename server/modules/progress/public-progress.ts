/**
 * What the public sees of a published list's progress: per task, its lead units, status and the
 * latest progress summaries the office made public; per unit, its tasks. No personal data, no
 * unpublished report text.
 */
import type { Db } from '../../db/create-db.ts';
import { isSet } from '../../db/portable.ts';
import { anonymous } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { unitNames } from '../directory/index.ts';
import { getListDetail, listLists, type ListDetail } from '../lists/index.ts';
import { evaluateList } from './progress.service.ts';
import { FINAL_STATE, REPORT_STATUS } from './status.ts';

export type PublicTaskStatus = 'completed' | 'inProgress' | 'overdue' | 'notStarted';
export const PUBLIC_TASK_STATUS: Record<PublicTaskStatus, string> = { completed: '已完成', inProgress: '推进中', overdue: '有逾期', notStarted: '未报送' };

export interface PublicTask {
  id: number;
  seq: number;
  text: string;
  sectionId: number | null;
  subsectionId: number | null;
  leadUnits: string[];
  eachLeads: boolean;
  dueDate: string | null;
  deadlineText: string | null;
  status: PublicTaskStatus;
  statusLabel: string;
  units: number;
  accepted: number;
  completed: number;
  summaries: { unitId: number; unitName: string; text: string; date: string }[];
}

export interface PublicProgress {
  list: ListDetail;
  periodLabel: string | null;
  tasks: PublicTask[];
  totals: { tasks: number; completed: number; overdue: number };
  units: { id: number; name: string }[];
  asOf: string;
}

/** The public progress of a published list (a draft is not found). */
export async function publicProgress(db: Db, listId: number): Promise<PublicProgress> {
  const list = await getListDetail(db, anonymous, listId);
  const rows = await evaluateList(db, listId);
  const names = await unitNames(db, [...new Set(rows.map((r) => r.facts.unitId))]);
  const nameOf = (id: number) => names.get(id)?.shortName ?? names.get(id)?.name ?? '';
  const byTask = new Map<number, typeof rows>();
  for (const r of rows) byTask.set(r.facts.taskId, [...(byTask.get(r.facts.taskId) ?? []), r]);
  const tasks: PublicTask[] = list.tasks.map((t) => {
    const rs = byTask.get(t.id) ?? [];
    const doers = rs.filter((r) => r.facts.role === 'responsible');
    const counted = doers.length ? doers : rs;
    const accepted = counted.filter((r) => r.status === 'accepted').length;
    const completed = counted.filter((r) => r.finalState === 'completed').length;
    const overdue = counted.some((r) => r.status === 'overdue');
    const status: PublicTaskStatus = counted.length && completed === counted.length ? 'completed' : overdue ? 'overdue'
      : counted.some((r) => r.reports.length) ? 'inProgress' : 'notStarted';
    const summaries = rs.flatMap((r) => r.reports.filter((p) => isSet(p.public) && p.publicSummary).map((p) => ({ r, p })))
      .sort((a, b) => (b.p.reviewedAt ?? b.p.submittedAt).localeCompare(a.p.reviewedAt ?? a.p.submittedAt))
      .slice(0, 3)
      .map(({ r, p }) => ({ unitId: r.facts.unitId, unitName: nameOf(r.facts.unitId), text: p.publicSummary!, date: (p.reviewedAt ?? p.submittedAt).slice(0, 10) }));
    return {
      id: t.id, seq: t.seq, text: t.text, sectionId: t.sectionId, subsectionId: t.subsectionId, leadUnits: t.leadUnits, eachLeads: t.eachLeads,
      dueDate: t.dueDate, deadlineText: t.deadlineText, status, statusLabel: PUBLIC_TASK_STATUS[status], units: counted.length, accepted, completed, summaries,
    };
  });
  const unitIds = [...new Set(rows.map((r) => r.facts.unitId))];
  return {
    list, periodLabel: rows.find((r) => r.period)?.period?.label ?? null, tasks,
    totals: { tasks: tasks.length, completed: tasks.filter((t) => t.status === 'completed').length, overdue: tasks.filter((t) => t.status === 'overdue').length },
    units: unitIds.map((id) => ({ id, name: nameOf(id) })).sort((a, b) => a.id - b.id),
    asOf: today(),
  };
}

export interface PublicUnitProgress {
  list: ListDetail;
  unit: { id: number; name: string };
  rows: { taskId: number; seq: number; text: string; role: string; statusLabel: string; finalStateLabel: string; summary: string | null }[];
}

/** One unit's tasks in a published list, with what it has made public. */
export async function publicUnitProgress(db: Db, listId: number, unitId: number): Promise<PublicUnitProgress> {
  const list = await getListDetail(db, anonymous, listId);
  const rows = (await evaluateList(db, listId)).filter((r) => r.facts.unitId === unitId);
  if (!rows.length) throw new NotFoundError('UNIT_NOT_FOUND', `该单位在本清单中没有任务：${unitId}`);
  const names = await unitNames(db, [unitId]);
  return {
    list, unit: { id: unitId, name: names.get(unitId)?.shortName ?? names.get(unitId)?.name ?? '' },
    rows: rows.map((r) => {
      const pub = [...r.reports].reverse().find((p) => isSet(p.public) && p.publicSummary);
      return { taskId: r.facts.taskId, seq: r.facts.seq, text: r.facts.taskText, role: r.facts.role === 'lead' ? '牵头' : '责任', statusLabel: REPORT_STATUS[r.status], finalStateLabel: FINAL_STATE[r.finalState], summary: pub?.publicSummary ?? null };
    }),
  };
}

export async function publishedLists(db: Db) {
  return listLists(db, anonymous, { state: 'published' });
}

