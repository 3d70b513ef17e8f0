/**
 * The status of an assignment in a period, and its final state, derived from its reports. Pure.
 */
export const REPORT_STATUS = {
  notSubmitted: '未报送',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已通过',
  overdue: '逾期',
} as const;
export type ReportStatus = keyof typeof REPORT_STATUS;

export const FINAL_STATE = { completed: '已完成', ongoing: '持续推进', notCompleted: '未完成' } as const;
export type FinalState = keyof typeof FINAL_STATE;

/** A report's own state. */
export type ReportState = 'submitted' | 'returned' | 'accepted';

/**
 * Status of one assignment in one period from its latest report version: accepted, submitted
 * (awaiting review) and returned as the report says; without a report, overdue once the period's
 * due date has passed (in China's calendar day), not submitted before.
 */
export function periodStatus(latest: { state: string } | undefined, period: { dueOn: string }, today: string): ReportStatus {
  if (latest) return latest.state as ReportState;
  return today > period.dueOn ? 'overdue' : 'notSubmitted';
}

/**
 * Final state of an assignment: the office's decision when recorded; otherwise completed when an
 * accepted report says the work is done, not completed once the task's due date has passed,
 * ongoing before.
 */
export function finalStateOf(
  recorded: string | null,
  acceptedCompleted: boolean,
  task: { dueDate: string | null; deadlineText: string | null },
  today: string,
): FinalState {
  if (recorded === 'completed' || recorded === 'ongoing' || recorded === 'notCompleted') return recorded;
  if (acceptedCompleted) return 'completed';
  if (task.deadlineText && /持续|长期|常态/.test(task.deadlineText)) return 'ongoing';
  return task.dueDate && today > task.dueDate ? 'notCompleted' : 'ongoing';
}

