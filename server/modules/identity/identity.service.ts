/**
 * Accounts and authentication: users of a unit with a role, password login with a server-side
 * session (cookie + CSRF token), and API tokens for scripts.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/create-db.ts';
import type { User } from '../../db/database.ts';
import { flag, isSet, now } from '../../db/portable.ts';
import { ROLES, type Actor, type Role, type UserActor } from '../../platform/actor.ts';
import { AppError, AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { getUnit } from '../directory/index.ts';
import * as repo from './identity.repository.ts';
import { canGrantRole, canListUsers, canManageUsersOf } from './identity.policy.ts';
import { hashPassword, oneTimePassword, passwordProblem, verifyPassword } from './passwords.ts';
import { backoffMinutes, failuresSoFar, usernameKey } from './login-backoff.ts';

/** SHA-256 in hex: sessions and API tokens are stored only as hashes. */
function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A user as shown by the API: no hash. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  role: Role;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
}

export function presentUser(u: User): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    unitId: u.unitId,
    role: u.role as Role,
    mustChangePassword: isSet(u.mustChangePassword),
    disabled: isSet(u.disabled),
    createdAt: u.createdAt,
  };
}

function toActor(u: User, via: UserActor['via']): UserActor & { mustChangePassword: boolean } {
  return { kind: 'user', userId: u.id, username: u.username, unitId: u.unitId, role: u.role as Role, via, mustChangePassword: isSet(u.mustChangePassword) };
}

function requireUser(actor: Actor): asserts actor is UserActor {
  if (actor.kind !== 'user') throw new AuthenticationError();
}

function assertRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new ValidationError('USER_INVALID_ROLE', `未知角色：${role}`);
}

// A dummy hash verified when the username is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | undefined;

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

/** Password login: opens a session. The same error for an unknown user and a wrong password. */
export async function login(db: Db, input: { username: string; password: string; sessionHours: number; ip?: string }): Promise<LoginResult> {
  const key = usernameKey(input.username);
  const nowMs = Date.now();
  const failure = await repo.findLoginFailure(db, key);
  if (failure?.blockedUntil && Date.parse(failure.blockedUntil) > nowMs) {
    const minutes = Math.ceil((Date.parse(failure.blockedUntil) - nowMs) / 60_000);
    throw new AppError('AUTH_LOGIN_BACKOFF', `该用户名已连续 ${failure.failures} 次登录失败，请 ${minutes} 分钟后再试`, 429);
  }
  const user = await repo.findUserByUsername(db, input.username.trim());
  dummyHash ??= hashPassword('dummy-password-0');
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummyHash, input.password), false);
  if (!user || !ok) {
    const failures = failuresSoFar(failure, nowMs) + 1;
    const minutes = backoffMinutes(failures);
    await db.transaction().execute(async (trx) => {
      await repo.saveLoginFailure(trx, { usernameKey: key, failures, lastFailedAt: new Date(nowMs).toISOString(), blockedUntil: minutes ? new Date(nowMs + minutes * 60_000).toISOString() : null });
      await recordAudit(trx, { kind: 'anonymous', ip: input.ip }, { action: 'login_failed', resourceType: 'user', resourceId: user?.id ?? null, after: { username: key, failures } });
    });
    throw new AuthenticationError('AUTH_INVALID_CREDENTIALS', minutes ? `用户名或密码错误；已连续失败 ${failures} 次，请 ${minutes} 分钟后再试` : '用户名或密码错误');
  }
  if (isSet(user.disabled)) throw new AuthenticationError('AUTH_USER_DISABLED', '该账号已停用，请联系管理员');
  const sessionToken = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const createdAt = now();
  const expiresAt = new Date(Date.now() + input.sessionHours * 3600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.deleteExpiredSessions(trx, createdAt);
    if (failure) await repo.clearLoginFailures(trx, key);
    await repo.insertSession(trx, { id: sha256(sessionToken), userId: user.id, csrfToken, expiresAt, createdAt, lastSeenAt: createdAt });
    await recordAudit(trx, { ...toActor(user, 'session'), ip: input.ip }, { action: 'login', resourceType: 'user', resourceId: user.id });
  });
  return { sessionToken, csrfToken, expiresAt, user: presentUser(user) };
}

/** Closes a session. */
export async function logout(db: Db, actor: Actor, sessionToken: string): Promise<void> {
  requireUser(actor);
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sha256(sessionToken));
    await recordAudit(trx, actor, { action: 'logout', resourceType: 'user', resourceId: actor.userId });
  });
}

export type AuthenticatedActor = UserActor & { mustChangePassword: boolean };

/**
 * The actor of a session cookie, with the session's CSRF token; undefined when not live: past its
 * lifetime, or unused for `idleMinutes` (then it is closed). Activity is recorded at most once a minute.
 */
export async function resolveSession(db: Db, sessionToken: string, options: { idleMinutes?: number } = {}): Promise<{ actor: AuthenticatedActor; csrfToken: string } | undefined> {
  const id = sha256(sessionToken);
  const at = now();
  const s = await repo.findLiveSession(db, id, at);
  if (!s || isSet(s.user.disabled)) return undefined;
  const idleMs = Date.parse(at) - Date.parse(s.lastSeenAt ?? s.createdAt);
  if (options.idleMinutes && idleMs > options.idleMinutes * 60_000) {
    await repo.deleteSession(db, id);
    return undefined;
  }
  if (idleMs > 60_000) await repo.touchSession(db, id, at);
  return { actor: toActor(s.user, 'session'), csrfToken: s.csrfToken };
}

/** The actor of an API token (`Authorization: Bearer gk_…`); undefined when unknown. */
export async function resolveApiToken(db: Db, token: string): Promise<AuthenticatedActor | undefined> {
  const t = await repo.findApiTokenByHash(db, sha256(token));
  if (!t || isSet(t.user.disabled)) return undefined;
  await repo.touchApiToken(db, t.id, now());
  return toActor(t.user, 'token');
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitId: number;
  role: string;
  /** When absent a one-time password is generated and returned once. */
  password?: string;
}

/** Creates an account; returns the user and, when generated, its one-time password. */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<{ user: UserView; oneTimePassword: string | null }> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  assertRole(input.role);
  if (!canManageUsersOf(actor, input.unitId)) throw new ForbiddenError('USER_FORBIDDEN', '只能管理本单位的账号');
  if (!canGrantRole(actor, input.role)) throw new ForbiddenError('USER_ROLE_FORBIDDEN', '无权授予该角色');
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.@-]{3,64}$/.test(username)) throw new ValidationError('USER_INVALID_USERNAME', '用户名须为3至64位字母、数字或 _ . @ -');
  if (!input.displayName.trim()) throw new ValidationError('USER_INVALID_DISPLAY_NAME', '姓名不能为空');
  const unit = await getUnit(db, input.unitId);
  if (!unit) throw new ValidationError('USER_UNIT_NOT_FOUND', `单位不存在：${input.unitId}`);
  const generated = input.password === undefined ? oneTimePassword(username) : null;
  const password = input.password ?? generated!;
  const problem = passwordProblem(password, username);
  if (problem) throw new ValidationError('USER_WEAK_PASSWORD', problem);
  const passwordHash = await hashPassword(password);
  const user = await db.transaction().execute(async (trx) => {
    if (await repo.findUserByUsername(trx, username)) throw new ConflictError('USER_USERNAME_TAKEN', `用户名已存在：${username}`);
    const at = now();
    const row = await repo.insertUser(trx, {
      username, displayName: input.displayName.trim(), unitId: input.unitId, role: input.role,
      passwordHash, mustChangePassword: flag(generated !== null), disabled: 0, createdAt: at, updatedAt: at,
    });
    await recordAudit(trx, actor, { action: 'create_user', resourceType: 'user', resourceId: row.id, after: presentUser(row) });
    return row;
  });
  return { user: presentUser(user), oneTimePassword: generated };
}

/** Lists accounts: all for the office, the own unit's for a unit admin. */
export async function listUsers(db: Db, actor: Actor, filter: { unitId?: number }): Promise<UserView[]> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canListUsers(actor)) throw new ForbiddenError('USER_FORBIDDEN', '无权查看账号列表');
  const unitId = actor.kind === 'user' && actor.role === 'unitAdmin' ? actor.unitId : filter.unitId;
  return (await repo.findUsers(db, { unitId })).map(presentUser);
}

/** Changes role, name, or disabled state of an account. */
export async function updateUser(
  db: Db, actor: Actor, id: number, patch: { displayName?: string; role?: string; disabled?: boolean },
): Promise<UserView> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canListUsers(actor)) throw new ForbiddenError('USER_FORBIDDEN', '无权管理账号');
  return db.transaction().execute(async (trx) => {
    const user = await repo.findUserById(trx, id);
    if (!user || !canManageUsersOf(actor, user.unitId)) throw new NotFoundError('USER_NOT_FOUND', `账号不存在：${id}`);
    if (patch.role !== undefined) {
      assertRole(patch.role);
      if (!canGrantRole(actor, patch.role) || !canGrantRole(actor, user.role as Role)) throw new ForbiddenError('USER_ROLE_FORBIDDEN', '无权授予该角色');
    }
    if (actor.kind === 'user' && actor.userId === id && (patch.disabled || (patch.role && patch.role !== user.role))) {
      throw new ValidationError('USER_SELF_CHANGE', '不能停用自己的账号或更改自己的角色');
    }
    const updated = await repo.updateUser(trx, id, {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.disabled !== undefined ? { disabled: flag(patch.disabled) } : {}),
      updatedAt: now(),
    });
    if (patch.disabled) await repo.deleteSessionsOfUser(trx, id);
    await recordAudit(trx, actor, { action: 'update_user', resourceType: 'user', resourceId: id, before: presentUser(user), after: presentUser(updated) });
    return presentUser(updated);
  });
}

/** A user changes its own password; other sessions of the user are closed. */
export async function changeOwnPassword(
  db: Db, actor: Actor, input: { currentPassword: string; newPassword: string; keepSessionToken?: string },
): Promise<void> {
  requireUser(actor);
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AuthenticationError();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new ValidationError('USER_WRONG_PASSWORD', '当前密码不正确');
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw new ValidationError('USER_WEAK_PASSWORD', problem);
  if (input.newPassword === input.currentPassword) throw new ValidationError('USER_SAME_PASSWORD', '新密码不能与当前密码相同');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { passwordHash, mustChangePassword: 0, updatedAt: now() });
    await repo.deleteSessionsOfUser(trx, user.id, input.keepSessionToken ? sha256(input.keepSessionToken) : undefined);
    await recordAudit(trx, actor, { action: 'change_password', resourceType: 'user', resourceId: user.id });
  });
}

/** Sets a new one-time password for a user (office or the user's unit admin); returns it once. */
export async function resetPassword(db: Db, actor: Actor, id: number): Promise<string> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canListUsers(actor)) throw new ForbiddenError('USER_FORBIDDEN', '无权管理账号');
  const target = await repo.findUserById(db, id);
  const password = oneTimePassword(target?.username ?? '');
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await repo.findUserById(trx, id);
    if (!user || !canManageUsersOf(actor, user.unitId)) throw new NotFoundError('USER_NOT_FOUND', `账号不存在：${id}`);
    if (!canGrantRole(actor, user.role as Role)) throw new ForbiddenError('USER_ROLE_FORBIDDEN', '无权重置该账号的密码');
    await repo.updateUser(trx, id, { passwordHash, mustChangePassword: 1, updatedAt: now() });
    await repo.deleteSessionsOfUser(trx, id);
    await recordAudit(trx, actor, { action: 'reset_password', resourceType: 'user', resourceId: id });
  });
  return password;
}

export interface ApiTokenView {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Creates an API token for the acting user; the token itself is returned once and stored hashed. */
export async function createApiToken(db: Db, actor: Actor, name: string): Promise<{ token: string; apiToken: ApiTokenView }> {
  requireUser(actor);
  if (!name.trim()) throw new ValidationError('API_TOKEN_INVALID_NAME', '令牌名称不能为空');
  const token = `gk_${randomBytes(32).toString('base64url')}`;
  const row = await db.transaction().execute(async (trx) => {
    const t = await repo.insertApiToken(trx, { userId: actor.userId, name: name.trim(), tokenHash: sha256(token), createdAt: now() });
    await recordAudit(trx, actor, { action: 'create_api_token', resourceType: 'apiToken', resourceId: t.id, after: { name: t.name } });
    return t;
  });
  return { token, apiToken: { id: row.id, name: row.name, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt } };
}

/** The acting user's API tokens (never the secrets). */
export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenView[]> {
  requireUser(actor);
  return (await repo.findApiTokens(db, actor.userId)).map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt }));
}

/** Revokes one of the acting user's API tokens. */
export async function revokeApiToken(db: Db, actor: Actor, id: number): Promise<void> {
  requireUser(actor);
  await db.transaction().execute(async (trx) => {
    const t = await repo.findApiTokenById(trx, id);
    if (!t || t.userId !== actor.userId) throw new NotFoundError('API_TOKEN_NOT_FOUND', `令牌不存在：${id}`);
    await repo.deleteApiToken(trx, id);
    await recordAudit(trx, actor, { action: 'revoke_api_token', resourceType: 'apiToken', resourceId: id, before: { name: t.name } });
  });
}

/** The number of accounts (first start: zero means the office admin must be created). */
export async function countUsers(db: Db): Promise<number> {
  return repo.countUsers(db);
}

export async function getUserView(db: Db, id: number): Promise<UserView | undefined> {
  const u = await repo.findUserById(db, id);
  return u ? presentUser(u) : undefined;
}
