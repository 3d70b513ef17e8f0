/**
 * The office's settings of the normative register: the registration-number pattern (统一编号), the
 * default validity period in years, and how many days before its end the issuing unit is alerted.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { now, parseJson } from '../../db/portable.ts';
import type { Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { findSetting, upsertSetting } from '../../platform/settings.ts';
import { recordAudit } from '../audit/index.ts';
import { canSetValidity } from './normative.policy.ts';
import { DEFAULT_ALERT_DAYS_BEFORE, DEFAULT_REG_NUMBER_PATTERN, DEFAULT_VALIDITY_YEARS, formatRegNumber, parsePattern } from './normative.rules.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface NormativeSettings {
  /** tokens {year}, {seq} / {seq:N}, {unitId}; e.g. JXGF-{year}-{seq:4} → JXGF-2020-0007 */
  regNumberPattern: string;
  /** the default validity period (有效期) from the effective date, in years */
  validityYears: number;
  /** alert the issuing unit this many calendar days before the period ends (0: no alerts) */
  alertDaysBefore: number;
}

export const DEFAULT_NORMATIVE_SETTINGS: NormativeSettings = {
  regNumberPattern: DEFAULT_REG_NUMBER_PATTERN,
  validityYears: DEFAULT_VALIDITY_YEARS,
  alertDaysBefore: DEFAULT_ALERT_DAYS_BEFORE,
};

const KEY = 'normative';

export async function getNormativeSettings(q: Q): Promise<NormativeSettings> {
  return { ...DEFAULT_NORMATIVE_SETTINGS, ...parseJson<Partial<NormativeSettings>>(await findSetting(q, KEY), {}) };
}

export interface NormativeSettingsView extends NormativeSettings {
  /** what the pattern makes of serial 7 of this year for unit 1 */
  example: string;
}

function present(s: NormativeSettings): NormativeSettingsView {
  return { ...s, example: formatRegNumber(s.regNumberPattern, { year: Number(today().slice(0, 4)), seq: 7, unitId: 1 }) };
}

export async function readNormativeSettings(q: Q, actor: Actor): Promise<NormativeSettingsView> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  return present(await getNormativeSettings(q));
}

/** The office changes the settings; a pattern is checked before it is stored. */
export async function setNormativeSettings(db: Kysely<Database>, actor: Actor, patch: Partial<NormativeSettings>): Promise<NormativeSettingsView> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canSetValidity(actor)) throw new ForbiddenError('SETTINGS_FORBIDDEN', '只有政务公开办可以修改行政规范性文件登记设置');
  const before = await getNormativeSettings(db);
  const after: NormativeSettings = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  after.regNumberPattern = after.regNumberPattern.trim();
  parsePattern(after.regNumberPattern);
  if (!Number.isInteger(after.validityYears) || after.validityYears < 1 || after.validityYears > 10) throw new ValidationError('SETTINGS_INVALID', '默认有效期须为1到10年');
  if (!Number.isInteger(after.alertDaysBefore) || after.alertDaysBefore < 0 || after.alertDaysBefore > 365) throw new ValidationError('SETTINGS_INVALID', '到期提醒的提前天数须在0到365之间（0为不提醒）');
  await db.transaction().execute(async (trx) => {
    await upsertSetting(trx, KEY, JSON.stringify(after), now());
    await recordAudit(trx, actor, { action: 'set_normative_settings', resourceType: 'setting', resourceId: KEY, before, after });
  });
  return present(after);
}
