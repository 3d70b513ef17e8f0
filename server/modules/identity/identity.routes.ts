/**
 * JSON API of accounts: login/logout, the current session, users, passwords, API tokens.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth.ts';
import { AuthenticationError } from '../../platform/errors.ts';
import * as identity from './identity.service.ts';
import {
  ApiTokenSchema, ChangePasswordBody, CreateApiTokenBody, CreateApiTokenResponse, CreateUserBody, CreateUserResponse,
  LoginBody, SessionResponse, UpdateUserBody, UserSchema, UsersQuery,
} from './identity.schemas.ts';

export const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['账号与登录'];

  app.post('/sessions', {
    schema: { tags, summary: '登录（用户名+密码），设置会话 Cookie', body: LoginBody, response: { 200: SessionResponse, ...errorResponses } },
    config: { rateLimit: { max: app.config.loginAttemptsPerMinute, timeWindow: '1 minute' }, allowWithPendingPasswordChange: true },
  }, async (request, reply) => {
    const r = await identity.login(app.db, { ...request.body, sessionHours: app.config.sessionHours, ip: request.ip });
    setSessionCookie(reply, r.sessionToken, r.expiresAt);
    return { user: r.user, csrfToken: r.csrfToken, expiresAt: r.expiresAt };
  });

  app.get('/sessions/current', {
    schema: { tags, summary: '当前会话的用户与 CSRF 令牌', response: { 200: SessionResponse, ...errorResponses } },
    config: { allowWithPendingPasswordChange: true },
  }, async (request) => {
    if (!request.sessionToken) throw new AuthenticationError();
    const s = await identity.resolveSession(app.db, request.sessionToken);
    const user = s && (await identity.getUserView(app.db, s.actor.userId));
    if (!s || !user) throw new AuthenticationError();
    return { user, csrfToken: s.csrfToken };
  });

  app.delete('/sessions/current', {
    schema: { tags, summary: '退出登录', response: { 204: Type.Null(), ...errorResponses } },
    config: { allowWithPendingPasswordChange: true },
  }, async (request, reply) => {
    if (!request.sessionToken) throw new AuthenticationError();
    await identity.logout(app.db, request.actor, request.sessionToken);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.put('/users/me/password', {
    schema: { tags, summary: '修改自己的密码（首次登录须修改一次性密码）', body: ChangePasswordBody, response: { 204: Type.Null(), ...errorResponses } },
    config: { allowWithPendingPasswordChange: true, rateLimit: { max: app.config.loginAttemptsPerMinute, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    await identity.changeOwnPassword(app.db, request.actor, { ...request.body, keepSessionToken: request.sessionToken ?? undefined });
    return reply.status(204).send(null);
  });

  app.get('/users', {
    schema: { tags, summary: '账号列表（政务公开办：全部；单位管理员：本单位）', querystring: UsersQuery, response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await identity.listUsers(app.db, request.actor, request.query) }));

  app.post('/users', {
    schema: { tags, summary: '新建账号；不给密码时生成一次性密码（只返回一次）', body: CreateUserBody, response: { 201: CreateUserResponse, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await identity.createUser(app.db, request.actor, request.body)));

  app.patch('/users/:id', {
    schema: { tags, summary: '修改账号（姓名、角色、停用）', params: IdParams, body: UpdateUserBody, response: { 200: UserSchema, ...errorResponses } },
  }, async (request) => identity.updateUser(app.db, request.actor, request.params.id, request.body));

  app.post('/users/:id/password-resets', {
    schema: { tags, summary: '重置密码为一次性密码（只返回一次）', params: IdParams, response: { 201: Type.Object({ oneTimePassword: Type.String() }), ...errorResponses } },
  }, async (request, reply) => reply.status(201).send({ oneTimePassword: await identity.resetPassword(app.db, request.actor, request.params.id) }));

  app.get('/api-tokens', {
    schema: { tags, summary: '我的 API 令牌', response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await identity.listApiTokens(app.db, request.actor) }));

  app.post('/api-tokens', {
    schema: { tags, summary: '新建 API 令牌（令牌只返回一次）', body: CreateApiTokenBody, response: { 201: CreateApiTokenResponse, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await identity.createApiToken(app.db, request.actor, request.body.name)));

  app.delete('/api-tokens/:id', {
    schema: { tags, summary: '撤销 API 令牌', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await identity.revokeApiToken(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });
};
