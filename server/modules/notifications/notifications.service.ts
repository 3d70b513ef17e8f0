/**
 * In-app notifications for a unit, and their delivery to the unit's own channels (e-mail, robot
 * webhook) through an outbox: each delivery is claimed by exactly one worker process, so a
 * notification goes out once even with several server processes on one database.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, UnitChannel } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { flag, isSet, now } from '../../db/portable.ts';
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';
import { AuthenticationError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { getUnit } from '../directory/index.ts';
import * as repo from './notifications.repository.ts';
import type { Transports } from './transports.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface NotifyInput {
  title: string;
  body: string;
  link?: string | null;
  reminderId?: number | null;
  /** also send to the unit's enabled e-mail and webhook channels */
  external?: boolean;
}

/** Which external channels are available on this installation (e-mail needs SMTP). */
export interface ChannelAvailability {
  email: boolean;
}

let availability: ChannelAvailability = { email: false };

/** Set once at start from the configuration. */
export function setChannelAvailability(a: ChannelAvailability): void {
  availability = a;
}

/** Adds an in-app notification for a unit (and queues its external deliveries) in the caller's transaction. */
export async function notifyUnit(q: Q, unitId: number, input: NotifyInput): Promise<number> {
  const at = now();
  const n = await repo.insertNotification(q, { unitId, reminderId: input.reminderId ?? null, title: input.title, body: input.body, link: input.link ?? null, createdAt: at });
  if (input.external) {
    const ch = await repo.findChannel(q, unitId);
    if (ch && isSet(ch.emailEnabled) && ch.email && availability.email) await repo.insertDelivery(q, { notificationId: n.id, channel: 'email', target: ch.email, createdAt: at });
    if (ch && isSet(ch.webhookEnabled) && ch.webhookUrl) await repo.insertDelivery(q, { notificationId: n.id, channel: 'webhook', target: ch.webhookUrl, createdAt: at });
  }
  return n.id;
}

export interface NotificationView {
  id: number;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The acting user's unit's notifications, newest first, with the unread count. */
export async function listNotifications(db: Db, actor: Actor): Promise<{ items: NotificationView[]; unread: number }> {
  if (actor.kind !== 'user') throw new AuthenticationError();
  const [rows, unread] = await Promise.all([repo.findNotifications(db, actor.unitId, 100), repo.countUnread(db, actor.unitId)]);
  return { unread, items: rows.map((r) => ({ id: r.id, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt, readAt: r.readAt })) };
}

/** Marks one of the unit's notifications read. */
export async function markNotificationRead(db: Db, actor: Actor, id: number): Promise<void> {
  if (actor.kind !== 'user') throw new AuthenticationError();
  const n = await repo.findNotificationById(db, id);
  if (!n || n.unitId !== actor.unitId) throw new NotFoundError('NOTIFICATION_NOT_FOUND', `通知不存在：${id}`);
  await repo.markRead(db, id, actor.unitId, now());
}

export interface ChannelsView {
  unitId: number;
  email: string | null;
  emailEnabled: boolean;
  webhookUrl: string | null;
  /** never returned: only whether one is set */
  webhookSecretSet: boolean;
  webhookEnabled: boolean;
  emailAvailable: boolean;
}

function canManageChannels(actor: Actor, unitId: number): boolean {
  return isOfficeLike(actor) || (actor.kind === 'user' && actor.role === 'unitAdmin' && actor.unitId === unitId);
}

function present(unitId: number, ch: UnitChannel | undefined): ChannelsView {
  return {
    unitId, email: ch?.email ?? null, emailEnabled: isSet(ch?.emailEnabled), webhookUrl: ch?.webhookUrl ?? null,
    webhookSecretSet: !!ch?.webhookSecret, webhookEnabled: isSet(ch?.webhookEnabled), emailAvailable: availability.email,
  };
}

/** A unit's reminder channels (office, observers, the unit's own users). */
export async function getChannels(db: Db, actor: Actor, unitId: number): Promise<ChannelsView> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!(canReadAll(actor) || (actor.kind === 'user' && actor.unitId === unitId))) throw new ForbiddenError('CHANNEL_FORBIDDEN', '只能查看本单位的提醒渠道');
  if (!(await getUnit(db, unitId))) throw new NotFoundError('UNIT_NOT_FOUND', `单位不存在：${unitId}`);
  return present(unitId, await repo.findChannel(db, unitId));
}

/** Sets a unit's reminder channels (office, or the unit's admin). */
export async function setChannels(
  db: Db, actor: Actor, unitId: number,
  input: { email?: string | null; emailEnabled?: boolean; webhookUrl?: string | null; webhookSecret?: string | null; webhookEnabled?: boolean },
): Promise<ChannelsView> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canManageChannels(actor, unitId)) throw new ForbiddenError('CHANNEL_FORBIDDEN', '只能由政务公开办或本单位管理员设置提醒渠道');
  if (!(await getUnit(db, unitId))) throw new NotFoundError('UNIT_NOT_FOUND', `单位不存在：${unitId}`);
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw new ValidationError('CHANNEL_INVALID_EMAIL', `电子邮箱格式不正确：${input.email}`);
  if (input.webhookUrl) {
    let u: URL | null = null;
    try { u = new URL(input.webhookUrl); } catch { /* reported below */ }
    if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) throw new ValidationError('CHANNEL_INVALID_WEBHOOK', `机器人 Webhook 地址不正确：${input.webhookUrl}`);
  }
  return db.transaction().execute(async (trx) => {
    const before = await repo.findChannel(trx, unitId);
    const row: UnitChannel = {
      unitId,
      email: input.email !== undefined ? input.email || null : (before?.email ?? null),
      emailEnabled: input.emailEnabled !== undefined ? flag(input.emailEnabled) : (before?.emailEnabled ?? 0),
      webhookUrl: input.webhookUrl !== undefined ? input.webhookUrl || null : (before?.webhookUrl ?? null),
      webhookSecret: input.webhookSecret !== undefined ? input.webhookSecret || null : (before?.webhookSecret ?? null),
      webhookEnabled: input.webhookEnabled !== undefined ? flag(input.webhookEnabled) : (before?.webhookEnabled ?? 0),
      updatedAt: now(),
    };
    if (isSet(row.emailEnabled) && !row.email) throw new ValidationError('CHANNEL_INVALID_EMAIL', '启用邮件提醒需要填写电子邮箱');
    if (isSet(row.webhookEnabled) && !row.webhookUrl) throw new ValidationError('CHANNEL_INVALID_WEBHOOK', '启用机器人提醒需要填写 Webhook 地址');
    await repo.upsertChannel(trx, row);
    const redact = (c: UnitChannel | undefined) => c && { ...c, webhookSecret: c.webhookSecret ? '***' : null };
    await recordAudit(trx, actor, { action: 'set_unit_channels', resourceType: 'unit', resourceId: unitId, before: redact(before) ?? null, after: redact(row) });
    return present(unitId, row);
  });
}

/** After this many failed attempts a delivery is given up (status failed). */
export const MAX_ATTEMPTS = 5;

/**
 * Sends pending deliveries: claims each (one winner across processes), sends it, records the
 * outcome; a failure is retried with back-off. Returns how many were sent now.
 */
export async function deliverPending(db: Db, transports: Transports, worker: string, options: { batch?: number; lockSeconds?: number } = {}): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const ids = await repo.findClaimable(db, now(), options.batch ?? 50);
  for (const id of ids) {
    const at = new Date();
    if (!(await repo.claim(db, id, worker, at.toISOString(), new Date(at.getTime() + (options.lockSeconds ?? 120) * 1000).toISOString()))) continue;
    const d = await repo.findDelivery(db, id);
    if (!d) continue;
    try {
      const msg = { title: d.title, body: d.body, link: d.link };
      if (d.channel === 'email') {
        if (!transports.email) throw new Error('SMTP 未配置');
        await transports.email(d.target, msg);
      } else if (d.channel === 'webhook') {
        const ch = await repo.findChannel(db, (await repo.findNotificationById(db, d.notificationId))!.unitId);
        await transports.webhook(d.target, ch?.webhookSecret ?? null, msg);
      }
      await repo.finishDelivery(db, id, worker, { status: 'sent', sentAt: now(), attempts: d.attempts + 1, lastError: null });
      sent++;
    } catch (e) {
      const attempts = d.attempts + 1;
      const retryAt = new Date(Date.now() + Math.min(3600, 30 * 2 ** attempts) * 1000).toISOString();
      await repo.finishDelivery(db, id, worker, {
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts, lastError: e instanceof Error ? e.message.slice(0, 500) : String(e), lockedUntil: retryAt,
      });
      failed++;
    }
  }
  return { sent, failed };
}
