/**
 * Reminders (催办) on each database, through a real local SMTP server and a signed robot webhook:
 * due-soon on the official working-day calendar, overdue, manual; each sent exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { startRobot, startSmtp } from '../support/mail-and-hooks.ts';
import { setClock } from '../../server/platform/clock.ts';
import { postWebhook, smtpTransport } from '../../server/modules/notifications/index.ts';
import { startJobs, type JobRunner } from '../../server/jobs/job-runner.ts';

describe.each(testDialects())('reminders on %s', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let robot: Awaited<ReturnType<typeof startRobot>>;
  let jobs: JobRunner;
  let office: Session;
  let eduAdmin: Session;
  let listId: number;

  beforeAll(async () => {
    smtp = await startSmtp();
    robot = await startRobot('SEC-robot-secret');
    t = await buildTestApp(dialect, { jobIntervalSeconds: 0 });
    jobs = startJobs(t.app, { email: smtpTransport(smtp.url, 'Gongkai <noreply@example.gov.cn>'), webhook: postWebhook });
    await t.seedDirectory();
    listId = await t.importSeed(true);
    office = await t.loginAs('office', '市政府办公室');
    eduAdmin = await t.loginAs('unitAdmin', '市教育局');
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
    await smtp?.close();
    await robot?.close();
  });

  it('lets the unit admin set its channels; other units may not', async () => {
    const res = await t.as(eduAdmin, { method: 'PUT', url: `/api/v1/units/${eduAdmin.unitId}/channels`, payload: { email: 'jyj@example.gov.cn', emailEnabled: true, webhookUrl: robot.url, webhookSecret: 'SEC-robot-secret', webhookEnabled: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'jyj@example.gov.cn', emailEnabled: true, webhookSecretSet: true, emailAvailable: true });
    expect(JSON.stringify(res.json())).not.toContain('SEC-robot-secret');
    const other = await t.loginAs('unitAdmin', '市卫生健康委');
    expect((await t.as(other, { method: 'PUT', url: `/api/v1/units/${eduAdmin.unitId}/channels`, payload: { emailEnabled: false } })).statusCode).toBe(403);
    const bad = await t.as(eduAdmin, { method: 'PUT', url: `/api/v1/units/${eduAdmin.unitId}/channels`, payload: { email: 'not-an-address' } });
    expect(bad.json().error.code).toBe('CHANNEL_INVALID_EMAIL');
  });

  it('reminds 3 working days before the period closes, counting the Dragon Boat holiday and its 调休 Sunday', async () => {
    // Q2 2020 closes 06-30 (Tue). Working days before it: 06-29 (Mon), 06-28 (Sun, 调休), 06-24 (Wed);
    // 06-25..27 are the 端午 holiday. So the due-soon reminder starts on 06-24, not on 06-25.
    setClock('2020-06-23T04:00:00Z');
    expect((await jobs.runOnce()).reminders).toBe(0);
    setClock('2020-06-24T04:00:00Z');
    const first = await jobs.runOnce();
    expect(first.reminders).toBe(69); // one per unit with work due
    expect(first.sent).toBe(2); // the only unit with channels: e-mail and webhook
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['jyj@example.gov.cn']);
    expect(smtp.mails[0]!.subject).toBe('进展报送即将到期');
    expect(smtp.mails[0]!.text).toContain('2020年第二季度的进展报送将于2020-06-30截止');
    expect(robot.hooks).toHaveLength(1);
    expect(robot.hooks[0]!.signatureValid).toBe(true);
    expect(robot.hooks[0]!.body.text.content).toContain('2020年第二季度的进展报送将于2020-06-30截止');
    const notes = (await t.as(eduAdmin, { method: 'GET', url: '/api/v1/notifications' })).json();
    expect(notes.unread).toBe(1);
    expect(notes.items[0].title).toBe('进展报送即将到期');
  });

  it('sends each reminder once, however often the jobs run', async () => {
    const again = await jobs.runOnce();
    expect(again).toEqual({ reminders: 0, sent: 0, failed: 0 });
    setClock('2020-06-29T04:00:00Z');
    expect((await jobs.runOnce()).reminders).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    expect(robot.hooks).toHaveLength(1);
  });

  it('reminds of overdue reports once the period has closed', async () => {
    setClock('2020-07-01T04:00:00Z');
    const r = await jobs.runOnce();
    expect(r.reminders).toBe(69);
    expect(smtp.mails).toHaveLength(2);
    expect(robot.hooks[1]!.body.text.content).toContain('已于2020-06-30截止');
    expect((await jobs.runOnce()).reminders).toBe(0);
  });

  it('retries a failed webhook delivery later and records the error', async () => {
    robot.fail.on = true;
    const res = await t.as(office, { method: 'POST', url: '/api/v1/reminders', payload: { unitId: eduAdmin.unitId, listId, message: '请于本周内报送。' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ created: 1, unitIds: [eduAdmin.unitId] });
    const run = await jobs.runOnce();
    expect(run).toMatchObject({ sent: 1, failed: 1 });
    const deliveries = await t.tdb.db.selectFrom('delivery').selectAll().where('channel', '=', 'webhook').orderBy('id', 'desc').execute();
    expect(deliveries[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(deliveries[0]!.lastError).toContain('500');
    expect(smtp.mails.at(-1)!.subject).toBe('催办');
    expect(smtp.mails.at(-1)!.text).toContain('请于本周内报送。');
    robot.fail.on = false;
  });

  it('lets a lead unit remind only the responsible units of its own tasks', async () => {
    const market = await t.loginAs('unitStaff', '市市场监管局');
    const tasks = (await t.app.inject({ method: 'GET', url: `/api/v1/lists/${listId}/tasks` })).json().items;
    const item8 = tasks.find((x: { seq: number }) => x.seq === 8);
    const ok = await t.as(market, { method: 'POST', url: '/api/v1/reminders', payload: { taskId: item8.id } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().created).toBe(67); // 68 responsible units minus itself
    const item3 = tasks.find((x: { seq: number }) => x.seq === 3);
    const refused = await t.as(market, { method: 'POST', url: '/api/v1/reminders', payload: { taskId: item3.id } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('REMINDER_FORBIDDEN');
    const observer = await t.loginAs('observer', '市政府办公室');
    expect((await t.as(observer, { method: 'POST', url: '/api/v1/reminders', payload: { taskId: item8.id } })).statusCode).toBe(403);
  });

  it('lets the office change the rules', async () => {
    const res = await t.as(office, { method: 'PUT', url: '/api/v1/settings/reminders', payload: { dueSoonWorkingDays: 5 } });
    expect(res.json()).toEqual({ dueSoonWorkingDays: 5, overdueWindowDays: 30, enabled: true });
    expect((await t.as(eduAdmin, { method: 'PUT', url: '/api/v1/settings/reminders', payload: { enabled: false } })).statusCode).toBe(403);
  });
});
