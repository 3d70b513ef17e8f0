/**
 * The fixed vocabulary of evaluations (考核评价): the states of an indicator set, how the scored
 * units are chosen, the leaf methods, and the computed metrics with their labels and rules.
 */

/** draft: the office builds the tree (units see nothing); scoring: results are live and a unit sees its own; published: frozen and public */
export const SET_STATES = { draft: '草稿', scoring: '评分中', published: '已发布' } as const;
export type SetState = keyof typeof SET_STATES;

/** lists: every unit with an assignment in the year's published lists (the office excluded); units: an explicit list */
export const SCOPE_KINDS = { lists: '当年清单中承担任务的单位', units: '指定单位' } as const;
export type ScopeKind = keyof typeof SCOPE_KINDS;

export const METHODS = { computed: '系统计算', manual: '人工评分' } as const;
export type Method = keyof typeof METHODS;

export interface MetricInfo {
  label: string;
  /** how the share is computed, shown beside the indicator */
  rule: string;
}

/** The computed metrics: each gives per unit a numerator, a denominator and the records behind them. */
export const METRICS = {
  progressOnTime: {
    label: '进度报告按时报送率',
    rule: '当年已到报送期限的各期进展报送中，首次报送日期不晚于该期报送截止日的比例；到期未报送的计为逾期',
  },
  progressAccepted: {
    label: '进度报告审核通过率',
    rule: '当年经牵头单位或政务公开办审核的进展报告（每一版）中审核通过的比例；被退回的每一版计为未通过',
  },
  requestsWithinLimit: {
    label: '依申请公开按期答复率',
    rule: '当年收到的政府信息公开申请中，在法定期限（含依法延期）内答复的比例；超过期限仍未答复的计为超期',
  },
  publicationsTimely: {
    label: '主动公开及时率',
    rule: '当年形成的政府信息中，自形成之日起 20 个工作日内公开的比例；超过期限仍未公开的计为超期',
  },
  leadInterpretations: {
    label: '主要负责人解读（第一解读人）',
    rule: '当年单位主要负责人发布政策解读的次数，达到目标次数（默认 2 次）得满分，不足的按比例得分；不要求第一解读人的单位类型（垂直管理单位、国有企业等）得满分',
  },
  rectificationsOnTime: {
    label: '整改按期完成率',
    rule: '当年到期的督查整改事项中，按期整改销号的比例',
  },
} as const satisfies Record<string, MetricInfo>;
export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];

/** What the records behind a score are called (exports, explanations). */
export const REF_KIND_LABELS: Record<string, string> = {
  progressReport: '进度报告', assignment: '任务分派', request: '依申请公开', publication: '政府信息', interpretation: '政策解读', finding: '督查问题', evidence: '佐证材料',
};

/** The 第一解读人 target used when an indicator does not set its own. */
export const DEFAULT_INTERPRETATION_TARGET = 2;

/**
 * The explanation of a computed leaf when the unit had no records of that kind: the unit is given
 * full points (it cannot have failed at something it did not have to do; docs/adr/0009-evaluations.md).
 */
export const NO_RECORDS = '无此类事项';

/** A set's title: its name with the year in front unless the name already starts with it. */
export function setTitle(s: { year: number; name: string }): string {
  return s.name.startsWith(String(s.year)) ? s.name : `${s.year}年度${s.name}`;
}

/** The public page of a published set. */
export function evaluationUrl(id: number): string {
  return `/portal/evaluations/${id}`;
}
