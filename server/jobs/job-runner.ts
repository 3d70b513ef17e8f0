/**
 * Background jobs inside the server process: ReminderScanJob (creates due-soon and overdue
 * reminders), the normative register's scan (expiry, alerts before it) and DeliverNotificationsJob (sends e-mail and webhook deliveries). Every
 * `jobIntervalSeconds`; one run at a time per process; several processes on one database are safe
 * because reminders are unique by key and each delivery is claimed by one worker
 * (docs/adr/0005-jobs-in-process-outbox.md).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { deliverPending, postWebhook, setChannelAvailability, smtpTransport, type Transports } from '../modules/notifications/index.ts';
import { scanReminders } from '../modules/reminders/index.ts';
import { scanNormativeDocuments } from '../modules/normative/index.ts';
import { installCalendar } from '../modules/calendar/index.ts';

export interface JobRunner {
  /** Runs every job once now (also used by tests) */
  runOnce(): Promise<{ reminders: number; sent: number; failed: number }>;
  stop(): void;
}

/** Builds the transports from the configuration. */
export function transportsFrom(config: FastifyInstance['config']): Transports {
  return { email: config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : undefined, webhook: postWebhook };
}

/** Starts the jobs on an app (when the interval is above 0) and stops them when the app closes. */
export function startJobs(app: FastifyInstance, transports: Transports = transportsFrom(app.config)): JobRunner {
  setChannelAvailability({ email: !!transports.email });
  const worker = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let running: Promise<{ reminders: number; sent: number; failed: number }> | null = null;
  const runOnce = () => {
    running ??= (async () => {
      try {
        await installCalendar(app.db); // picks up a year another process loaded
        const { created } = await scanReminders(app.db, app.log);
        const normative = await scanNormativeDocuments(app.db); // 行政规范性文件: expiry and alerts before it
        const { sent, failed } = await deliverPending(app.db, transports, worker);
        if (created || sent || failed || normative.expired || normative.alerted) {
          app.log.info({ module: 'jobs', reminders: created, normativeExpired: normative.expired, normativeAlerts: normative.alerted, sent, failed }, 'jobs ran');
        }
        return { reminders: created, sent, failed };
      } finally {
        running = null;
      }
    })();
    return running;
  };
  let timer: NodeJS.Timeout | null = null;
  if (app.config.jobIntervalSeconds > 0) {
    timer = setInterval(() => void runOnce().catch((err) => app.log.error({ err, module: 'jobs' }, 'job run failed')), app.config.jobIntervalSeconds * 1000);
    timer.unref();
  }
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  app.addHook('onClose', async () => {
    stop();
    await running?.catch(() => undefined);
  });
  return { runOnce, stop };
}
