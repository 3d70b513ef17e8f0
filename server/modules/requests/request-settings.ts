/**
 * The office's settings for disclosure requests: the registration-number pattern, the duplicate
 * window, and how the statutory clock counts day 1.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { now, parseJson } from '../../db/portable.ts';
import { isOfficeLike, type Actor } from '../../platform/actor.ts';
import { AuthenticationError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findSetting, upsertSetting } from '../../platform/settings.ts';

export interface RequestSettings {
  /** e.g. 嘉政办〔{year}〕依申请第{seq}号 — {year} and {seq} are filled in */
  regNumberPattern: string;
  /** flag a request as a possible duplicate of one by the same applicant this many days before */
  duplicateWindowDays: number;
  /** day 1 of the reply period: the first working day after receipt (default) or the receipt day */
  firstDay: 'nextWorkingDay' | 'receiptDay';
  /** whether the days between a fee notice and payment are left out of the reply period (unconfirmed rule) */
  excludeFeeWaiting: boolean;
  /** the reconsideration body and the court named in reply letters */
  reconsiderationBody: string;
  court: string;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  regNumberPattern: '依申请〔{year}〕第{seq}号',
  duplicateWindowDays: 90,
  firstDay: 'nextWorkingDay',
  excludeFeeWaiting: false,
  reconsiderationBody: '本级人民政府或者上一级主管部门',
  court: '有管辖权的人民法院',
};

const KEY = 'requests';

export async function getRequestSettings(q: Kysely<Database> | Transaction<Database>): Promise<RequestSettings> {
  return { ...DEFAULT_REQUEST_SETTINGS, ...parseJson<Partial<RequestSettings>>(await findSetting(q, KEY), {}) };
}

export async function readRequestSettings(db: Db, actor: Actor): Promise<RequestSettings> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  return getRequestSettings(db);
}

/** The office changes the settings. */
export async function setRequestSettings(db: Db, actor: Actor, patch: Partial<RequestSettings>): Promise<RequestSettings> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!isOfficeLike(actor)) throw new ForbiddenError('SETTINGS_FORBIDDEN', '只有政务公开办可以修改依申请公开设置');
  const before = await getRequestSettings(db);
  const after = { ...before, ...patch };
  if (!after.regNumberPattern.includes('{seq}')) throw new ValidationError('SETTINGS_INVALID', '登记号格式须包含 {seq}（序号）');
  if (after.duplicateWindowDays < 0 || after.duplicateWindowDays > 3650) throw new ValidationError('SETTINGS_INVALID', '重复申请提示的天数须在0到3650之间');
  await db.transaction().execute(async (trx) => {
    await upsertSetting(trx, KEY, JSON.stringify(after), now());
    await recordAudit(trx, actor, { action: 'set_request_settings', resourceType: 'setting', resourceId: KEY, before, after });
  });
  return after;
}
