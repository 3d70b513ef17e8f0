/**
 * Login hardening: per-username backoff after consecutive failures (the same for unknown usernames,
 * so it reveals no account), cleared by a success; failed logins in the audit log; sessions closed
 * after the idle timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.ts';
import { backoffMinutes } from '../../server/modules/identity/login-backoff.ts';

describe('backoff minutes', () => {
  it('starts at the fifth failure with 1 minute and doubles up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 30].map(backoffMinutes)).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 32, 60, 60]);
  });
});

describe.each(testDialects())('login hardening on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.seedDirectory();
  });
  afterAll(async () => t?.close());

  const attempt = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password } });

  it('refuses a username after five failures with 429 AUTH_LOGIN_BACKOFF, even the right password, and the same for an unknown name', async () => {
    const s = await t.loginAs('unitStaff', '市教育局', 'backoff-user');
    expect(s.cookie).toBeTruthy();
    for (const name of ['backoff-user', 'no-such-user']) {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await attempt(name, 'Wrong-password-1')).statusCode);
      expect(codes, name).toEqual([401, 401, 401, 401, 401]);
      const blocked = await attempt(name, name === 'backoff-user' ? TEST_PASSWORD : 'Wrong-password-1');
      expect(blocked.statusCode, name).toBe(429);
      expect(blocked.json().error).toMatchObject({ code: 'AUTH_LOGIN_BACKOFF', message: expect.stringContaining('连续 5 次登录失败') });
    }
    // the username in another case is the same username
    expect((await attempt('BACKOFF-USER', TEST_PASSWORD)).statusCode).toBe(429);
    // every failure is in the audit log, with the name tried and never the password
    const failed = await t.tdb.db.selectFrom('auditLog').select(['after', 'actorLabel']).where('action', '=', 'login_failed').execute();
    expect(failed).toHaveLength(10);
    expect(failed.map((f) => JSON.parse(f.after!).username)).toEqual([...Array(5).fill('backoff-user'), ...Array(5).fill('no-such-user')]);
    expect(failed.some((f) => f.after!.includes('Wrong-password'))).toBe(false);
  });

  it('lets the right password in when the wait is over, and a success clears the count', async () => {
    await t.tdb.db.updateTable('loginFailure').set({ blockedUntil: new Date(Date.now() - 1000).toISOString() }).where('usernameKey', '=', 'backoff-user').execute();
    // the sixth failure doubles the wait
    const sixth = await attempt('backoff-user', 'Wrong-password-1');
    expect(sixth.json().error.message).toContain('2 分钟后再试');
    await t.tdb.db.updateTable('loginFailure').set({ blockedUntil: new Date(Date.now() - 1000).toISOString() }).where('usernameKey', '=', 'backoff-user').execute();
    expect((await attempt('backoff-user', TEST_PASSWORD)).statusCode).toBe(200);
    expect(await t.tdb.db.selectFrom('loginFailure').selectAll().where('usernameKey', '=', 'backoff-user').executeTakeFirst()).toBeUndefined();
    expect((await attempt('backoff-user', 'Wrong-password-1')).json().error.message).toBe('用户名或密码错误');
  });

  it('closes a session unused for 30 minutes; a used one stays open', async () => {
    const s = await t.loginAs('unitStaff', '市司法局', 'idle-user');
    const me = () => t.as(s, { method: 'GET', url: '/api/v1/sessions/current' });
    expect((await me()).statusCode).toBe(200);
    const setLastSeen = (minutesAgo: number) => t.tdb.db.updateTable('session').set({ lastSeenAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() }).where('userId', '=', s.userId).execute();
    await setLastSeen(29);
    expect((await me()).statusCode).toBe(200);
    // that request counted as activity
    const seen = await t.tdb.db.selectFrom('session').select('lastSeenAt').where('userId', '=', s.userId).executeTakeFirstOrThrow();
    expect(Date.now() - Date.parse(seen.lastSeenAt!)).toBeLessThan(60_000);
    await setLastSeen(31);
    expect((await me()).statusCode).toBe(401);
    expect(await t.tdb.db.selectFrom('session').select('id').where('userId', '=', s.userId).execute()).toEqual([]);
  });
});
