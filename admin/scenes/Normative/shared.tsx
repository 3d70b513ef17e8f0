/**
 * Pieces shared by the 规范性文件 screens: the validity tag and who may change a registration
 * (the server decides again).
 */
import type { User } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';

type TagStyle = { color: string; background: string; borderColor: string };
const STYLE: Record<string, TagStyle> = {
  valid: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  amended: { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' },
  expired: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
  repealed: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
};

export function ValidityTag({ validity, label }: { validity: string; label?: string }) {
  return <span className="gk-tag" data-validity={validity} style={STYLE[validity] ?? STYLE.expired}>{label ?? t.normative.validities[validity] ?? validity}</span>;
}

export const IN_FORCE = ['valid', 'amended'];

/** The issuing unit's people and the office keep a registration (dates, note, relations). */
export function canEditRegistration(user: User, doc: { unitId: number }): boolean {
  return user.role === 'office' || (user.role !== 'observer' && user.unitId === doc.unitId);
}
