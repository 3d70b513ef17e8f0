/**
 * Overdue rectification is reminded like reports (催办): the reminder scan asks this source for the
 * findings a unit still has to answer (open or returned, in an open inspection) whose due date is
 * within the due-soon working days, or past (within the overdue window). Each reminder is sent once
 * per finding and due date (a new due date makes a new reminder).
 */
import type { Db } from '../../db/create-db.ts';
import type { ReminderCandidate, ReminderScanContext } from '../reminders/index.ts';
import * as repo from './inspections.repository.ts';

export async function rectificationReminders(db: Db, ctx: ReminderScanContext): Promise<ReminderCandidate[]> {
  const out: ReminderCandidate[] = [];
  for (const f of await repo.findingsAwaitingUnits(db)) {
    const problem = f.problem.length > 40 ? `${f.problem.slice(0, 40)}…` : f.problem;
    if (f.dueOn < ctx.day) {
      if (f.dueOn < ctx.oldestOverdue) continue;
      out.push({
        dedupeKey: `findingOverdue:${f.id}:${f.dueOn}`, kind: 'findingOverdue', unitId: f.unitId, title: '督查整改已逾期', link: '/admin/rectifications',
        message: `“${f.inspectionTitle}”发现的问题（${problem}）整改期限（${f.dueOn}）已过，请尽快整改并报送整改情况。`,
      });
    } else if (ctx.isDueSoon(f.dueOn)) {
      out.push({
        dedupeKey: `findingDueSoon:${f.id}:${f.dueOn}`, kind: 'findingDueSoon', unitId: f.unitId, title: '督查整改即将到期', link: '/admin/rectifications',
        message: `“${f.inspectionTitle}”发现的问题（${problem}）应于${f.dueOn}前整改完毕并报送整改情况。`,
      });
    }
  }
  return out;
}
