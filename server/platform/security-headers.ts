/**
 * Security headers on every response: a Content-Security-Policy without inline or remote scripts
 * (the workbench and the public pages load scripts only from this site; antd injects <style>
 * elements, so inline styles are allowed), no framing by other sites (frame-ancestors, and
 * X-Frame-Options for old browsers), no MIME sniffing, no full referrer to other sites, and HSTS
 * when the request came over TLS (directly, or through a trusted proxy's X-Forwarded-Proto).
 * The API documentation at /api/docs brings its own policy (swagger-ui's staticCSP).
 */
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year, as the HSTS preload list asks. */
const HSTS = 'max-age=31536000; includeSubDomains';

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/docs') && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
