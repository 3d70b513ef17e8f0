/**
 * The fixed vocabulary of inspections (督查 / 监督检查) and rectification (整改): kinds, severities,
 * states, and the public rectification status.
 */

/** 检查类型 */
export const INSPECTION_KINDS = { spotCheck: '抽查', websiteCheck: '网站检查', thirdPartyEvaluation: '第三方评估', audit: '审计' } as const;
export type InspectionKind = keyof typeof INSPECTION_KINDS;
export const KIND_KEYS = Object.keys(INSPECTION_KINDS) as InspectionKind[];

export const INSPECTION_STATES = { draft: '草稿', open: '整改中', closed: '已结束' } as const;
export type InspectionState = keyof typeof INSPECTION_STATES;

/** 问题严重程度 */
export const FINDING_SEVERITIES = { general: '一般', major: '较重', serious: '严重' } as const;
export type FindingSeverity = keyof typeof FINDING_SEVERITIES;
export const SEVERITY_KEYS = Object.keys(FINDING_SEVERITIES) as FindingSeverity[];

/**
 * A finding's states: open (issued, waiting for the unit) → submitted (rectification report sent)
 * → returned (the office sent it back; the unit resubmits) or closed (销号). The office may also
 * close an open or returned finding with a note, or withdraw one issued by mistake.
 */
export const FINDING_STATES = { open: '待整改', submitted: '待复核', returned: '已退回', closed: '已销号', withdrawn: '已撤销' } as const;
export type FindingState = keyof typeof FINDING_STATES;

export const REPORT_STATES = { submitted: '待复核', accepted: '通过销号', returned: '退回' } as const;

/** The public rectification status of a finding (item 32: 督查和审计发现问题及整改情况公开). */
export const PUBLIC_STATUSES = { inProgress: '整改中', closed: '已销号', overdue: '逾期' } as const;
export type PublicStatus = keyof typeof PUBLIC_STATUSES;

/** A rectification report carries at most this many uploaded files. */
export const MAX_ATTACHMENTS = 5;
/** … and at most this many links. */
export const MAX_LINKS = 20;

/** Finished findings: nothing more is expected of the unit. */
export function isFinished(state: string): boolean {
  return state === 'closed' || state === 'withdrawn';
}

/**
 * Past its due date while the unit still has to act (open or returned). A finding whose
 * rectification awaits the office's verification is not the unit's delay; whether it was closed on
 * time shows when it is closed (closedOn against dueOn).
 */
export function isOverdue(f: { state: string; dueOn: string }, today: string): boolean {
  return (f.state === 'open' || f.state === 'returned') && f.dueOn < today;
}

export function publicStatusOf(f: { state: string; dueOn: string }, today: string): PublicStatus {
  if (f.state === 'closed') return 'closed';
  return isOverdue(f, today) ? 'overdue' : 'inProgress';
}

/** The public page of a published inspection. */
export function inspectionUrl(id: number): string {
  return `/portal/inspections/${id}`;
}
