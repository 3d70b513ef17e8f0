/**
 * The register's pure rules (三统一, validity, cleanup decisions): the registration-number pattern
 * and its sequence scope, the default validity period, the labels. No database, no clock.
 */
import { addDays, isIsoDate } from '../../lib/calendar/iso-date.ts';
import { ValidationError } from '../../platform/errors.ts';

export const VALIDITIES = ['valid', 'expired', 'repealed', 'amended'] as const;
export type Validity = (typeof VALIDITIES)[number];
/** 有效 / 失效 / 废止 / 修改 (docs/glossary.md) */
export const VALIDITY_LABELS: Record<Validity, string> = { valid: '有效', expired: '失效', repealed: '废止', amended: '修改' };
/** In force: valid as issued, or valid as amended. Expired and repealed are final. */
export const IN_FORCE: readonly Validity[] = ['valid', 'amended'];

export function isInForce(validity: string): boolean {
  return (IN_FORCE as readonly string[]).includes(validity);
}

export const RELATION_KINDS = ['amends', 'repeals'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const RELATION_LABELS: Record<RelationKind, string> = { amends: '修改', repeals: '废止' };

/** 清理意见: 继续有效 / 拟修改 / 废止 / 宣布失效 */
export const CLEANUP_DECISIONS = ['keep', 'amend', 'repeal', 'expire'] as const;
export type CleanupDecision = (typeof CLEANUP_DECISIONS)[number];
export const CLEANUP_DECISION_LABELS: Record<CleanupDecision, string> = { keep: '继续有效', amend: '拟修改', repeal: '废止', expire: '宣布失效' };

/** 浙江省行政规范性文件管理办法: 有效期一般不超过5年 — the default; the office may set another. */
export const DEFAULT_VALIDITY_YEARS = 5;
/** The issuing unit is alerted this many calendar days before the validity period ends (default). */
export const DEFAULT_ALERT_DAYS_BEFORE = 90;
/** 统一编号: e.g. JXGF-2020-0007 */
export const DEFAULT_REG_NUMBER_PATTERN = 'JXGF-{year}-{seq:4}';

/**
 * The last day of a validity period of `years` years starting on `effectiveOn`:
 * 2019-03-01 + 5 years − 1 day = 2024-02-29.
 */
export function defaultValidUntil(effectiveOn: string, years: number): string {
  const d = new Date(`${effectiveOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return addDays(d.toISOString().slice(0, 10), -1);
}

// ---- the registration-number pattern ----

const TOKEN = /\{([^{}]*)\}/g;
const MAX_PATTERN = 60;

export interface PatternInfo {
  hasYear: boolean;
  hasUnit: boolean;
  /** zero-padding width of the serial (1 = none) */
  seqWidth: number;
}

const patternError = (why: string) => new ValidationError('NORMATIVE_PATTERN_INVALID', `登记号格式不正确：${why}。可用 {year}（年份）、{seq} 或 {seq:4}（序号，补零到4位）、{unitId}（制定单位编号），例如 JXGF-{year}-{seq:4}`);

/** Checks a registration-number pattern; throws NORMATIVE_PATTERN_INVALID with the reason. */
export function parsePattern(pattern: string): PatternInfo {
  const p = pattern.trim();
  if (!p) throw patternError('不能为空');
  if (p.length > MAX_PATTERN) throw patternError(`不能超过${MAX_PATTERN}个字符`);
  if (/[\u0000-\u001f\u007f]/.test(p)) throw patternError('含有控制字符');
  let seqCount = 0;
  let seqWidth = 1;
  let hasYear = false;
  let hasUnit = false;
  for (const m of p.matchAll(TOKEN)) {
    const name = m[1]!;
    if (name === 'year') hasYear = true;
    else if (name === 'unitId') hasUnit = true;
    else if (/^seq(:\d+)?$/.test(name)) {
      seqCount++;
      seqWidth = name.includes(':') ? Number(name.slice(4)) : 1;
      if (seqWidth < 1 || seqWidth > 8) throw patternError(`序号位数须在1到8之间（${m[0]}）`);
    } else {
      throw patternError(`不认识的占位符 ${m[0]}`);
    }
  }
  if (/[{}]/.test(p.replace(TOKEN, ''))) throw patternError('花括号不成对');
  if (seqCount !== 1) throw patternError(seqCount ? '只能包含一个序号 {seq}' : '必须包含序号 {seq}');
  return { hasYear, hasUnit, seqWidth };
}

/** The registration number for a serial: JXGF-{year}-{seq:4} → JXGF-2020-0007. */
export function formatRegNumber(pattern: string, v: { year: number; seq: number; unitId: number }): string {
  return pattern.trim().replace(TOKEN, (_all, name: string) => {
    if (name === 'year') return String(v.year);
    if (name === 'unitId') return String(v.unitId);
    const width = name.includes(':') ? Number(name.slice(4)) : 1;
    return String(v.seq).padStart(width, '0');
  });
}

/**
 * The counter a registration draws its serial from: one series per year when the pattern shows the
 * year, per unit when it shows the unit, else one series for ever — so every series is gap-free and
 * the numbers it yields are unique.
 */
export function sequenceScope(pattern: string, v: { year: number; unitId: number }): string {
  const info = parsePattern(pattern);
  return `normative-reg${info.hasYear ? `:${v.year}` : ''}${info.hasUnit ? `:unit${v.unitId}` : ''}`;
}

// ---- input checks ----

export function checkDate(value: string, label: string): string {
  if (!isIsoDate(value)) throw new ValidationError('NORMATIVE_DATE_INVALID', `${label}“${value}”不是有效日期（格式：2020-07-02）`);
  return value;
}

/** The day a document is no longer valid when its period ends on `validUntil`. */
export function expiredOn(validUntil: string): string {
  return addDays(validUntil, 1);
}
