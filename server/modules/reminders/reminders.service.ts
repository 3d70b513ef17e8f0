/**
 * Reminders (催办): automatic ones a configurable number of working days before a period's reports
 * are due and when they are overdue, and manual ones from the office or a lead unit. Each reminder
 * exists once (a unique dedupe key), so several server processes never remind twice; it becomes an
 * in-app notification and, per the unit's channels, e-mail and robot-webhook deliveries.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/create-db.ts';
import { now, parseJson } from '../../db/portable.ts';
import { isOfficeLike, type Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AppError, AuthenticationError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { workingDaysBefore } from '../../lib/working-days.ts';
import { recordAudit } from '../audit/index.ts';
import { findAssignmentFacts, findLeadUnits, findListById, type AssignmentFacts } from '../lists/index.ts';
import { notifyUnit } from '../notifications/index.ts';
import { evaluateList } from '../progress/index.ts';
import { openRequestsWithDeadline } from '../requests/index.ts';
import * as repo from './reminders.repository.ts';
import { findSetting, upsertSetting } from '../../platform/settings.ts';

export interface ReminderSettings {
  /** remind this many working days before a period's reports are due */
  dueSoonWorkingDays: number;
  /** remind of overdue reports for periods due at most this many days ago */
  overdueWindowDays: number;
  /** automatic reminders on or off */
  enabled: boolean;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { dueSoonWorkingDays: 3, overdueWindowDays: 30, enabled: true };
const SETTINGS_KEY = 'reminders';

export async function getReminderSettings(db: Db): Promise<ReminderSettings> {
  return { ...DEFAULT_REMINDER_SETTINGS, ...parseJson<Partial<ReminderSettings>>(await findSetting(db, SETTINGS_KEY), {}) };
}

/** The reminder rules, for any signed-in user. */
export async function readReminderSettings(db: Db, actor: Actor): Promise<ReminderSettings> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  return getReminderSettings(db);
}

/** The office sets the automatic reminder rules. */
export async function setReminderSettings(db: Db, actor: Actor, patch: Partial<ReminderSettings>): Promise<ReminderSettings> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!isOfficeLike(actor)) throw new ForbiddenError('SETTINGS_FORBIDDEN', '只有政务公开办可以设置催办规则');
  const before = await getReminderSettings(db);
  const after = { ...before, ...patch };
  if (after.dueSoonWorkingDays < 0 || after.dueSoonWorkingDays > 30) throw new ValidationError('SETTINGS_INVALID', '提前提醒的工作日数须在0到30之间');
  await db.transaction().execute(async (trx) => {
    await upsertSetting(trx, SETTINGS_KEY, JSON.stringify(after), now());
    await recordAudit(trx, actor, { action: 'set_reminder_settings', resourceType: 'setting', resourceId: SETTINGS_KEY, before, after });
  });
  return after;
}

function taskList(rows: { seq: number }[]): string {
  const seqs = [...new Set(rows.map((r) => r.seq))].sort((a, b) => a - b);
  return seqs.length > 12 ? `第${seqs.slice(0, 12).join('、')}等${seqs.length}项任务` : `第${seqs.join('、')}项任务`;
}

/**
 * One scan: creates the due-soon and overdue reminders that do not exist yet for every published
 * list's current periods. Safe to run in several processes at once. Returns how many were created.
 */
export async function scanReminders(db: Db, log?: { warn: (o: object, m: string) => void }): Promise<{ created: number }> {
  const settings = await getReminderSettings(db);
  if (!settings.enabled) return { created: 0 };
  const day = today();
  const windowStart = new Date(`${day}T00:00:00Z`);
  windowStart.setUTCDate(windowStart.getUTCDate() - settings.overdueWindowDays);
  const oldest = windowStart.toISOString().slice(0, 10);
  let created = 0;
  for (const listId of await repo.findPublishedListIds(db)) {
    const groups = new Map<string, { kind: 'dueSoon' | 'overdue'; unitId: number; periodId: number; label: string; dueOn: string; rows: AssignmentFacts[] }>();
    // The current periods (due soon), and every period that closed within the overdue window.
    const current = await evaluateList(db, listId);
    const closed = [...new Map(current.flatMap((r) => r.periods).filter((p) => p.dueOn < day && p.dueOn >= oldest).map((p) => [p.id, p])).values()];
    const evaluations = [current, ...(await Promise.all(closed.map(async (p) => (await evaluateList(db, listId, p.id)).filter((r) => r.period?.id === p.id))))];
    for (const r of evaluations.flat()) {
      if (!r.period) continue;
      let kind: 'dueSoon' | 'overdue' | null = null;
      if (r.status === 'overdue' && r.period.dueOn >= oldest) kind = 'overdue';
      if (r.status === 'notSubmitted' && r.period.dueOn >= day) {
        try {
          if (settings.dueSoonWorkingDays > 0 && workingDaysBefore(r.period.dueOn, settings.dueSoonWorkingDays) <= day) kind = 'dueSoon';
        } catch (e) {
          if (e instanceof AppError) log?.warn({ err: e.message, period: r.period.label }, 'no calendar for due-soon reminders');
          else throw e;
        }
      }
      if (!kind) continue;
      const key = `${kind}:${r.facts.unitId}:${r.period.id}`;
      const g = groups.get(key) ?? { kind, unitId: r.facts.unitId, periodId: r.period.id, label: r.period.label, dueOn: r.period.dueOn, rows: [] };
      if (!g.rows.some((x) => x.assignmentId === r.facts.assignmentId)) g.rows.push(r.facts);
      groups.set(key, g);
    }
    for (const [key, g] of groups) {
      const message = g.kind === 'overdue'
        ? `${g.label}的进展报送已于${g.dueOn}截止，${taskList(g.rows)}尚未报送，请尽快报送。`
        : `${g.label}的进展报送将于${g.dueOn}截止，${taskList(g.rows)}尚未报送。`;
      const inserted = await db.transaction().execute(async (trx) => {
        const r = await repo.insertReminderOnce(trx, { dedupeKey: key, kind: g.kind, unitId: g.unitId, listId, taskId: null, periodId: g.periodId, message, createdBy: null, createdAt: now() });
        if (r) await notifyUnit(trx, g.unitId, { title: g.kind === 'overdue' ? '进展报送已逾期' : '进展报送即将到期', body: message, link: '/admin/tasks', reminderId: r.id, external: true });
        return r;
      });
      if (inserted) created++;
    }
  }
  created += await scanRequestReminders(db, settings, day);
  created += await scanRegisteredSources(db, settings, day, oldest);
  return { created };
}

/** A due-soon or overdue reminder another module asks the scan to send; sent once per dedupe key. */
export interface ReminderCandidate {
  /** unique per reminder, e.g. `findingOverdue:12:2020-09-30` (a new due date makes a new reminder) */
  dedupeKey: string;
  kind: string;
  unitId: number;
  /** the notification's title and body */
  title: string;
  message: string;
  /** where the unit answers, e.g. /admin/rectifications */
  link: string;
}

/** What a reminder source is told about the scan. */
export interface ReminderScanContext {
  /** today (China) */
  day: string;
  /** overdue reminders are sent for due dates on or after this day (the overdue window) */
  oldestOverdue: string;
  /** whether a due date on or after today is within the due-soon working days (false when the calendar does not cover it) */
  isDueSoon(dueOn: string): boolean;
}

/** A module's automatic reminders: the candidates of one scan (those already sent are skipped by their dedupe key). */
export type ReminderSource = (db: Db, ctx: ReminderScanContext) => Promise<ReminderCandidate[]>;
const reminderSources: ReminderSource[] = [];

/** Modules with due dates of their own (e.g. inspections' rectification) register here, in their index.ts. */
export function registerReminderSource(source: ReminderSource): void {
  reminderSources.push(source);
}

async function scanRegisteredSources(db: Db, settings: ReminderSettings, day: string, oldestOverdue: string): Promise<number> {
  const isDueSoon = (dueOn: string): boolean => {
    if (dueOn < day || settings.dueSoonWorkingDays <= 0) return false;
    try {
      return workingDaysBefore(dueOn, settings.dueSoonWorkingDays) <= day;
    } catch (e) {
      if (e instanceof AppError) return false;
      throw e;
    }
  };
  let created = 0;
  for (const source of reminderSources) {
    for (const c of await source(db, { day, oldestOverdue, isDueSoon })) {
      const inserted = await db.transaction().execute(async (trx) => {
        const rem = await repo.insertReminderOnce(trx, { dedupeKey: c.dedupeKey, kind: c.kind, unitId: c.unitId, listId: null, taskId: null, periodId: null, message: c.message, createdBy: null, createdAt: now() });
        if (rem) await notifyUnit(trx, c.unitId, { title: c.title, body: c.message, link: c.link, reminderId: rem.id, external: true });
        return rem;
      });
      if (inserted) created++;
    }
  }
  return created;
}

/**
 * Disclosure requests whose reply is due within the due-soon working days, or overdue: the handling
 * unit is reminded once per deadline (an extension makes a new deadline, and a new reminder).
 */
async function scanRequestReminders(db: Db, settings: ReminderSettings, day: string): Promise<number> {
  let created = 0;
  for (const r of await openRequestsWithDeadline(db)) {
    let kind: 'requestDueSoon' | 'requestOverdue' | null = null;
    if (r.dueOn < day) kind = 'requestOverdue';
    else {
      try {
        if (settings.dueSoonWorkingDays > 0 && workingDaysBefore(r.dueOn, settings.dueSoonWorkingDays) <= day) kind = 'requestDueSoon';
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
      }
    }
    if (!kind) continue;
    const message = kind === 'requestOverdue'
      ? `政府信息公开申请 ${r.regNumber} 的答复期限（${r.dueOn}）已过，请立即办理并答复。`
      : `政府信息公开申请 ${r.regNumber} 应于${r.dueOn}前答复。`;
    const inserted = await db.transaction().execute(async (trx) => {
      const rem = await repo.insertReminderOnce(trx, { dedupeKey: `${kind}:${r.id}:${r.dueOn}`, kind, unitId: r.handlingUnitId, listId: null, taskId: null, periodId: null, message, createdBy: null, createdAt: now() });
      if (rem) await notifyUnit(trx, r.handlingUnitId, { title: kind === 'requestOverdue' ? '依申请公开答复已逾期' : '依申请公开答复即将到期', body: message, link: `/admin/requests/${r.id}`, reminderId: rem.id, external: true });
      return rem;
    });
    if (inserted) created++;
  }
  return created;
}

/**
 * Manual 催办: the office reminds any unit; a lead unit reminds the responsible units of the tasks
 * it leads. Targets: a unit, a task, a list, or a combination. One reminder per unit.
 */
export async function createManualReminders(
  db: Db, actor: Actor, input: { unitId?: number; taskId?: number; listId?: number; message?: string | null },
): Promise<{ created: number; unitIds: number[] }> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (actor.kind === 'user' && actor.role === 'observer') throw new ForbiddenError('REMINDER_FORBIDDEN', '观察员不能催办');
  if (input.unitId === undefined && input.taskId === undefined && input.listId === undefined) throw new ValidationError('REMINDER_NO_TARGET', '请指定催办的单位、任务或清单');
  let facts = await findAssignmentFacts(db, { unitId: input.unitId, taskId: input.taskId, listId: input.listId, publishedOnly: true });
  if (!isOfficeLike(actor)) {
    if (actor.kind !== 'user') throw new ForbiddenError('REMINDER_FORBIDDEN', '无权催办');
    const leads = await findLeadUnits(db, [...new Set(facts.map((f) => f.taskId))]);
    facts = facts.filter((f) => f.role === 'responsible' && f.unitId !== actor.unitId && (leads.get(f.taskId) ?? []).includes(actor.unitId));
    if (!facts.length) throw new ForbiddenError('REMINDER_FORBIDDEN', '牵头单位只能催办本单位牵头任务的责任单位');
  }
  if (!facts.length) throw new NotFoundError('REMINDER_NO_ASSIGNMENTS', '没有符合条件的任务分派');
  const listId = input.listId ?? facts[0]!.listId;
  if (input.listId !== undefined && !(await findListById(db, input.listId))) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${input.listId}`);
  const byUnit = new Map<number, AssignmentFacts[]>();
  for (const f of facts) byUnit.set(f.unitId, [...(byUnit.get(f.unitId) ?? []), f]);
  const extra = input.message?.trim();
  await db.transaction().execute(async (trx) => {
    for (const [unitId, rows] of byUnit) {
      const message = `请抓紧落实并报送${taskList(rows)}的进展。${extra ? `\n${extra}` : ''}`;
      const r = await repo.insertReminderOnce(trx, {
        dedupeKey: `manual:${randomUUID()}`, kind: 'manual', unitId, listId, taskId: input.taskId ?? null, periodId: null, message,
        createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: now(),
      });
      await notifyUnit(trx, unitId, { title: '催办', body: message, link: '/admin/tasks', reminderId: r!.id, external: true });
    }
    await recordAudit(trx, actor, { action: 'create_reminder', resourceType: 'reminder', after: { ...input, unitIds: [...byUnit.keys()] } });
  });
  return { created: byUnit.size, unitIds: [...byUnit.keys()] };
}

export interface ReminderView {
  id: number;
  kind: string;
  unitId: number;
  listId: number | null;
  periodId: number | null;
  message: string;
  createdAt: string;
}

/** Reminders sent: all for the office and observers, the unit's own for a unit. */
export async function listReminders(db: Db, actor: Actor, f: { unitId?: number; listId?: number }): Promise<ReminderView[]> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  const all = isOfficeLike(actor) || (actor.kind === 'user' && actor.role === 'observer');
  const unitId = all ? f.unitId : actor.kind === 'user' ? actor.unitId : undefined;
  if (!all && f.unitId !== undefined && f.unitId !== unitId) throw new ForbiddenError('REMINDER_FORBIDDEN', '只能查看本单位收到的催办');
  return (await repo.findReminders(db, { unitId, listId: f.listId, limit: 500 })).map((r) => ({
    id: r.id, kind: r.kind, unitId: r.unitId, listId: r.listId, periodId: r.periodId, message: r.message, createdAt: r.createdAt,
  }));
}
