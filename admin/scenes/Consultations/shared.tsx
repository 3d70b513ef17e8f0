/**
 * Tags shared by the 决策与征集 screens: a decision's stage, a consultation's state, a comment's
 * moderation.
 */
import { t } from '../../i18n/index.ts';

type TagStyle = { color: string; background: string; borderColor: string };
const GREY: TagStyle = { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' };
const BLUE: TagStyle = { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' };
const GREEN: TagStyle = { color: '#135200', background: '#f6ffed', borderColor: '#95de64' };
const AMBER: TagStyle = { color: '#613400', background: '#fffbe6', borderColor: '#ffd666' };
const RED: TagStyle = { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' };

const STATE: Record<string, TagStyle> = { draft: GREY, open: GREEN, closed: AMBER, reported: BLUE };
const MODERATION: Record<string, TagStyle> = { pending: AMBER, approved: GREEN, rejected: RED };

export function StageTag({ stage, label }: { stage: string; label?: string }) {
  return <span className="gk-tag" data-stage={stage} style={BLUE}>{label ?? t.consultations.decisions.stages[stage] ?? stage}</span>;
}

export function ConsultationStateTag({ state, label }: { state: string; label?: string }) {
  return <span className="gk-tag" data-state={state} style={STATE[state] ?? GREY}>{label ?? t.consultations.c.states[state] ?? state}</span>;
}

export function ModerationTag({ moderation, label }: { moderation: string; label?: string }) {
  return <span className="gk-tag" data-moderation={moderation} style={MODERATION[moderation] ?? GREY}>{label ?? t.consultations.c.moderations[moderation] ?? moderation}</span>;
}
