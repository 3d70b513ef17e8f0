/**
 * Queries on users, sessions and API tokens.
 */
import type { Kysely, Transaction, Insertable, Updateable } from 'kysely';
import type { Database, User, UserTable, Session, ApiToken, LoginFailureTable } from '../../db/database.ts';

type LoginFailure = LoginFailureTable;

type Q = Kysely<Database> | Transaction<Database>;

export async function findUserById(q: Q, id: number): Promise<User | undefined> {
  return q.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(q: Q, username: string): Promise<User | undefined> {
  return q.selectFrom('user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUsers(q: Q, filter: { unitId?: number }): Promise<User[]> {
  let query = q.selectFrom('user').selectAll();
  if (filter.unitId !== undefined) query = query.where('unitId', '=', filter.unitId);
  return query.orderBy('id').execute();
}

export async function countUsers(q: Q): Promise<number> {
  const r = await q.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertUser(q: Q, row: Insertable<UserTable>): Promise<User> {
  return q.insertInto('user').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(q: Q, id: number, patch: Updateable<UserTable>): Promise<User> {
  return q.updateTable('user').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertSession(q: Q, row: Session): Promise<void> {
  await q.insertInto('session').values(row).execute();
}

/** A live session and its user, or undefined when missing or expired. */
export async function findLiveSession(q: Q, id: string, nowIso: string): Promise<(Session & { user: User }) | undefined> {
  const s = await q.selectFrom('session').selectAll().where('id', '=', id).where('expiresAt', '>', nowIso).executeTakeFirst();
  if (!s) return undefined;
  const user = await findUserById(q, s.userId);
  return user ? { ...s, user } : undefined;
}

export async function touchSession(q: Q, id: string, at: string): Promise<void> {
  await q.updateTable('session').set({ lastSeenAt: at }).where('id', '=', id).execute();
}

export async function findLoginFailure(q: Q, usernameKey: string): Promise<LoginFailure | undefined> {
  return q.selectFrom('loginFailure').selectAll().where('usernameKey', '=', usernameKey).executeTakeFirst();
}

export async function saveLoginFailure(q: Q, row: LoginFailure): Promise<void> {
  await q.insertInto('loginFailure').values(row)
    .onConflict((oc) => oc.column('usernameKey').doUpdateSet({ failures: row.failures, lastFailedAt: row.lastFailedAt, blockedUntil: row.blockedUntil }))
    .execute();
}

export async function clearLoginFailures(q: Q, usernameKey: string): Promise<void> {
  await q.deleteFrom('loginFailure').where('usernameKey', '=', usernameKey).execute();
}

export async function deleteSession(q: Q, id: string): Promise<void> {
  await q.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(q: Q, userId: number, exceptId?: string): Promise<void> {
  let query = q.deleteFrom('session').where('userId', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export async function deleteExpiredSessions(q: Q, nowIso: string): Promise<void> {
  await q.deleteFrom('session').where('expiresAt', '<=', nowIso).execute();
}

export async function insertApiToken(q: Q, row: Omit<ApiToken, 'id' | 'lastUsedAt'>): Promise<ApiToken> {
  return q.insertInto('apiToken').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findApiTokenByHash(q: Q, tokenHash: string): Promise<(ApiToken & { user: User }) | undefined> {
  const t = await q.selectFrom('apiToken').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  if (!t) return undefined;
  const user = await findUserById(q, t.userId);
  return user ? { ...t, user } : undefined;
}

export async function findApiTokens(q: Q, userId: number): Promise<ApiToken[]> {
  return q.selectFrom('apiToken').selectAll().where('userId', '=', userId).orderBy('id').execute();
}

export async function findApiTokenById(q: Q, id: number): Promise<ApiToken | undefined> {
  return q.selectFrom('apiToken').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteApiToken(q: Q, id: number): Promise<void> {
  await q.deleteFrom('apiToken').where('id', '=', id).execute();
}

export async function touchApiToken(q: Q, id: number, at: string): Promise<void> {
  await q.updateTable('apiToken').set({ lastUsedAt: at }).where('id', '=', id).execute();
}

/** Moves every account of one unit to another (unit merge). */
export async function moveUsersToUnit(q: Q, fromUnitId: number, intoUnitId: number): Promise<void> {
  await q.updateTable('user').set({ unitId: intoUnitId }).where('unitId', '=', fromUnitId).execute();
}
