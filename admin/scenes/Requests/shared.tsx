/**
 * Pieces shared by the 依申请公开 screens: the urgency tag (red overdue, amber ≤ 5 days, green) and
 * the due date with the days left.
 */
import type { RequestUrgency } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { t } from '../../i18n/index.ts';

const URGENCY_STYLE: Record<RequestUrgency, { color: string; background: string; borderColor: string }> = {
  red: { color: '#ffffff', background: '#a8071a', borderColor: '#a8071a' },
  amber: { color: '#613400', background: '#fffbe6', borderColor: '#ffd666' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  none: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

export function UrgencyTag({ urgency, closed = false }: { urgency: RequestUrgency; closed?: boolean }) {
  if (urgency === 'none' && closed) return <span className="gk-muted">{t.requests.closed}</span>;
  return (
    <span className="gk-tag" style={URGENCY_STYLE[urgency] ?? URGENCY_STYLE.none}>
      {t.requests.urgency[urgency] ?? urgency}
    </span>
  );
}

export function DueCell({ dueOn, daysLeft, urgency }: { dueOn: string | null; daysLeft: number | null; urgency: RequestUrgency }) {
  if (!dueOn) return <span className="gk-muted">—</span>;
  const colour = urgency === 'red' ? '#a8071a' : urgency === 'amber' ? '#874d00' : undefined;
  return (
    <span>
      {formatDate(dueOn)}
      {daysLeft !== null && <div style={{ color: colour, fontSize: 12 }}>{t.requests.daysLeft(daysLeft)}</div>}
    </span>
  );
}

/** A violation of the clock engine as text. */
export function violationText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'message' in v && typeof (v as { message: unknown }).message === 'string') return (v as { message: string }).message;
  return JSON.stringify(v);
}
