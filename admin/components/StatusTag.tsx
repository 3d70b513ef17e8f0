/**
 * An assignment's status in a period (未报送 / 已报送 / 已退回 / 已通过 / 逾期) as a coloured tag,
 * and the shared traffic-light colours (accessible contrast: dark text on a light tint).
 */
import type { FinalState, ReportState, ReportStatus } from '../api/types.ts';
import { t } from '../i18n/index.ts';

export const STATUS_ORDER: ReportStatus[] = ['accepted', 'submitted', 'returned', 'overdue', 'notSubmitted'];

/** Solid colours for charts and the matrix. */
export const STATUS_FILL: Record<ReportStatus, string> = {
  accepted: '#389e0d',
  submitted: '#faad14',
  returned: '#f5222d',
  overdue: '#a8071a',
  notSubmitted: '#d9d9d9',
};

const TAG_STYLE: Record<ReportStatus, { color: string; background: string; borderColor: string }> = {
  accepted: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  submitted: { color: '#613400', background: '#fffbe6', borderColor: '#ffd666' },
  returned: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  overdue: { color: '#ffffff', background: '#a8071a', borderColor: '#a8071a' },
  notSubmitted: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

const STATE_AS_STATUS: Record<ReportState, ReportStatus> = { submitted: 'submitted', returned: 'returned', accepted: 'accepted' };

export function StatusTag({ status, label }: { status: ReportStatus | undefined | null; label?: string }) {
  if (!status) return <span className="gk-muted">—</span>;
  const s = TAG_STYLE[status] ?? TAG_STYLE.notSubmitted;
  return (
    <span className="gk-tag" data-status={status} style={s}>
      {label ?? t.statuses[status] ?? status}
    </span>
  );
}

/** A report version's own state (待审核 / 已退回 / 已通过). */
export function ReportStateTag({ state }: { state: ReportState }) {
  return <StatusTag status={STATE_AS_STATUS[state]} label={t.reportStates[state]} />;
}

const FINAL_STYLE: Record<FinalState, ReportStatus> = { completed: 'accepted', ongoing: 'notSubmitted', notCompleted: 'returned' };

export function FinalStateTag({ state, label }: { state: FinalState | undefined; label?: string }) {
  if (!state) return <span className="gk-muted">—</span>;
  return <StatusTag status={FINAL_STYLE[state]} label={label ?? t.finalStates[state]} />;
}

export function RoleTag({ role }: { role: string }) {
  const lead = role === 'lead';
  return (
    <span className={lead ? 'gk-role gk-role-lead' : 'gk-role'}>{lead ? t.assignmentRoles.lead : t.assignmentRoles.responsible}</span>
  );
}
