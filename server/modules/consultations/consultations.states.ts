/**
 * The fixed vocabularies of the decision catalogue and of consultations, and the pure rules on them:
 * the order of a decision's stages, a consultation's effective state on a given day (closing is
 * derived from the date, never stored: a consultation is `closed` from the day after `closesOn`
 * until its feedback report makes it `reported`), and the comment period's day arithmetic.
 */

/** 重大行政决策的阶段, in the order a decision goes through them. */
export const DECISION_STAGES = {
  consultation: '征求意见',
  deliberation: '审议',
  publication: '公布',
  implementation: '执行',
  evaluation: '评估',
} as const;
export type DecisionStage = keyof typeof DECISION_STAGES;
export const DECISION_STAGE_ORDER = Object.keys(DECISION_STAGES) as DecisionStage[];

export function isDecisionStage(s: string): s is DecisionStage {
  return Object.hasOwn(DECISION_STAGES, s);
}

/** Positive when `to` is later than `from`, negative when earlier, 0 when the same stage. */
export function stageStep(from: string, to: DecisionStage): number {
  return DECISION_STAGE_ORDER.indexOf(to) - DECISION_STAGE_ORDER.indexOf(from as DecisionStage);
}

/** A consultation's states. `closed` is never stored: it is `open` after `closesOn` (see effectiveState). */
export const CONSULTATION_STATES = {
  draft: '草稿',
  open: '征求意见中',
  closed: '征求意见已结束',
  reported: '已发布意见采纳情况反馈',
} as const;
export type ConsultationState = keyof typeof CONSULTATION_STATES;

/** 审核: only approved comments are ever shown to the public. */
export const MODERATION = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;
export type Moderation = keyof typeof MODERATION;

/** 意见采纳情况 */
export const DISPOSITIONS = { adopted: '采纳', partlyAdopted: '部分采纳', notAdopted: '不采纳' } as const;
export type Disposition = keyof typeof DISPOSITIONS;

/** A reason is required when a comment is not (fully) adopted. */
export function dispositionNeedsReason(d: Disposition): boolean {
  return d !== 'adopted';
}

/**
 * The default comment period in calendar days, first and last day included (公开征求意见的期限一般
 * 不少于30日, the usual rule for normative documents and major decisions). Units cannot set a shorter
 * one; the office can (e.g. an urgent matter, with the reason in the explanation).
 */
export const DEFAULT_PERIOD_DAYS = 30;
/** The longest period anyone may set. */
export const MAX_PERIOD_DAYS = 366;

/** How long the same client's identical comment counts as a duplicate (double submission). */
export const DUPLICATE_WINDOW_MINUTES = 10;
/** Public comment submissions per client IP and minute (API and page, each). */
export const COMMENTS_PER_MINUTE = 5;
export const COMMENT_MAX_CHARS = 5000;

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (0 when the same day, negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The number of days in a period, both ends included. */
export function periodLength(opensOn: string, closesOn: string): number {
  return daysBetween(opensOn, closesOn) + 1;
}

/** The last day of a default period opening on `opensOn`. */
export function defaultClosesOn(opensOn: string, days = DEFAULT_PERIOD_DAYS): string {
  return addDays(opensOn, days - 1);
}

export interface PeriodFacts {
  state: string;
  opensOn: string;
  closesOn: string;
}

/** The state as of `day`: an open consultation whose last day has passed is closed. */
export function effectiveState(c: PeriodFacts, day: string): ConsultationState {
  if (c.state === 'open' && day > c.closesOn) return 'closed';
  return (Object.hasOwn(CONSULTATION_STATES, c.state) ? c.state : 'draft') as ConsultationState;
}

/** Comments are taken on the days of the period, both ends included, once published. */
export function acceptsComments(c: PeriodFacts, day: string): boolean {
  return c.state === 'open' && c.opensOn <= day && day <= c.closesOn;
}

/** Days left to comment, today included (1 on the last day); null when not taking comments. */
export function daysLeft(c: PeriodFacts, day: string): number | null {
  return acceptsComments(c, day) ? daysBetween(day, c.closesOn) + 1 : null;
}

/** The label shown for a consultation on `day`: a published one not yet started says so. */
export function stateLabel(c: PeriodFacts, day: string): string {
  const s = effectiveState(c, day);
  if (s === 'open' && day < c.opensOn) return '即将开始征求意见';
  return CONSULTATION_STATES[s];
}

/** Drops NUL characters (PostgreSQL refuses them in text; they are never meaningful in typed text). */
export function withoutNul(s: string): string {
  return s.includes('\u0000') ? s.replace(/\u0000/g, '') : s;
}

/** Trimmed text without NULs, or null when nothing is left. */
export function cleanText(s: string | null | undefined): string | null {
  const t = withoutNul(s ?? '').trim();
  return t ? t : null;
}
