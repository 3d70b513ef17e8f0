/**
 * The fixed vocabulary of policy interpretations (政策解读): forms, states, and the yearly target
 * of interpretations by a unit's head (第一解读人).
 */

/** 解读形式 */
export const INTERPRETATION_FORMS = { text: '文字', graphic: '图解', qa: '问答', media: '音视频' } as const;
export type InterpretationForm = keyof typeof INTERPRETATION_FORMS;
export const FORM_KEYS = Object.keys(INTERPRETATION_FORMS) as InterpretationForm[];

export const INTERPRETATION_STATES = { draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const;
export type InterpretationState = keyof typeof INTERPRETATION_STATES;

/** A unit's head (第一解读人) interprets policy at least this many times a year. */
export const LEAD_INTERPRETER_TARGET = 2;

/** The kinds of unit whose heads are expected to interpret (shown in the yearly table even at 0). */
export const LEAD_INTERPRETER_UNIT_KINDS = ['office', 'department', 'countyGovernment', 'zone'] as const;

/** The public page of an interpretation (also its search-index url). */
export function interpretationUrl(id: number): string {
  return `/portal/interpretations/${id}`;
}

/** The public page of the policy an interpretation explains. */
export function publicationUrl(id: number): string {
  return `/portal/publications/${id}`;
}
