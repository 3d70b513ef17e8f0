/**
 * The kinds and states of a tracked list, with their Chinese labels. One engine serves every kind.
 */
export const LIST_KINDS = {
  responsibility: '责任清单',
  workReport: '政府工作报告重点任务',
  livelihood: '民生实事',
  proposal: '建议提案',
} as const;
export type ListKind = keyof typeof LIST_KINDS;

export const LIST_STATES = { draft: '草稿', published: '已发布' } as const;
export type ListState = keyof typeof LIST_STATES;

export const ROLES_IN_TASK = { lead: '牵头单位', responsible: '责任单位' } as const;
export type AssignmentRole = keyof typeof ROLES_IN_TASK;

export const RECURRENCE_LABELS = { monthly: '按月', quarterly: '按季度', halfYearly: '每半年', yearly: '每年' } as const;
