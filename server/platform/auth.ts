/**
 * Authentication on every request: an API token (`Authorization: Bearer gk_…`) or the session
 * cookie sets `request.actor`; otherwise the actor is anonymous. State-changing requests that rely
 * on the session cookie must carry the session's CSRF token in `X-CSRF-Token` (synchroniser token;
 * the cookie is also HttpOnly and SameSite=Lax). Authorization itself happens in the services.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveApiToken, resolveSession } from '../modules/identity/index.ts';
import { anonymous } from './actor.ts';
import { AppError, AuthenticationError, ForbiddenError } from './errors.ts';

export const SESSION_COOKIE = 'gk_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets the session cookie on a reply. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: reply.server.config.secureCookies,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.actor = { ...anonymous, ip: request.ip };
    request.sessionToken = null;
    const authz = request.headers.authorization;
    // /metrics checks its own token (GONGKAI_METRICS_TOKEN), not a user's API token
    if (authz && request.url !== '/metrics') {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const actor = m ? await resolveApiToken(app.db, m[1]!) : undefined;
      if (!actor) throw new AuthenticationError('AUTH_INVALID_TOKEN', 'API 令牌无效或已撤销');
      request.actor = { ...actor, ip: request.ip };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await resolveSession(app.db, cookie, { idleMinutes: app.config.sessionIdleMinutes });
    if (!session) return; // expired or logged out: treated as anonymous
    request.actor = { ...session.actor, ip: request.ip };
    request.sessionToken = cookie;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== session.csrfToken) throw new AppError('AUTH_CSRF_FAILED', '安全校验失败（CSRF），请刷新页面后重试', 403);
    }
    // The gate guards the API; pages and the workbench's own files still load so the change screen can show.
    if (session.actor.mustChangePassword && request.url.startsWith('/api/') && !request.routeOptions.config?.allowWithPendingPasswordChange) {
      throw new ForbiddenError('AUTH_PASSWORD_CHANGE_REQUIRED', '首次登录请先修改一次性密码');
    }
  });
}
