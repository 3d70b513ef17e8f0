/**
 * buildApp(config): opens the database, runs migrations, registers the platform plugins, then every
 * module's routes under /api/v1. Never listens: main.ts does, and tests use `app.inject()`.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from './config/config.ts';
import { createDb, type Db, type DialectName } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import './platform/types.ts';
import { registerErrorHandler } from './platform/error-handler.ts';
import { registerAuth } from './platform/auth.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { ErrorBody } from './platform/schemas.ts';
import { identityRoutes } from './modules/identity/index.ts';
import { directoryRoutes } from './modules/directory/index.ts';
import { listsRoutes } from './modules/lists/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { progressPages, progressRoutes } from './modules/progress/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { remindersRoutes } from './modules/reminders/index.ts';
import { requestsPages, requestsRoutes } from './modules/requests/index.ts';
import { calendarRoutes, installCalendar } from './modules/calendar/index.ts';
import { gazettePages, gazetteRoutes } from './modules/gazette/index.ts';
import { interpretationsPages, interpretationsRoutes } from './modules/interpretations/index.ts';
import { inspectionsPages, inspectionsRoutes } from './modules/inspections/index.ts';
import { searchRoutes } from './modules/search/index.ts';
import { consultationsPages, consultationsRoutes } from './modules/consultations/index.ts';
import { publicationsRoutes } from './modules/publications/index.ts';
import { normativePages, normativeRoutes } from './modules/normative/index.ts';
import { annualReportsPages, annualReportsRoutes } from './modules/annual-reports/index.ts';
import { portalPages } from './modules/portal/index.ts';
import { evaluationsPages, evaluationsRoutes } from './modules/evaluations/index.ts';
import { homePage } from './platform/home-page.ts';
import { metricsPlugin } from './modules/metrics/index.ts';

export interface BuildOptions {
  /** Use this database instead of opening config.databaseUrl (tests share one per file) */
  db?: { db: Db; dialect: DialectName };
  /** Write the JSON log lines here instead of stdout (tests) */
  logStream?: { write(line: string): void };
}

export async function buildApp(config: Readonly<Config>, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines without personal data: the path without its query string, no client address, no headers
    logger: config.logLevel === 'silent' ? false : {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy ? config.trustProxy.split(',').map((a) => a.trim()).filter(Boolean) : false,
    ajv: { customOptions: { removeAdditional: true, coerceTypes: true, useDefaults: true, allErrors: false, strictNumbers: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const { db, dialect } = options.db ?? createDb(config.databaseUrl);
  await migrateToLatest(db);
  await installCalendar(db);
  app.decorate('db', db);
  app.decorate('dialect', dialect);
  app.decorate('config', config);
  if (!options.db) app.addHook('onClose', async () => db.destroy());

  const adminDist = fileURLToPath(new URL('../admin/dist/', import.meta.url));
  const adminIndex = fs.existsSync(`${adminDist}index.html`) ? `${adminDist}index.html` : null;
  registerErrorHandler(app, { spaIndex: adminIndex, spaPrefix: '/admin/' });
  registerSecurityHeaders(app);
  await metricsPlugin(app); // root hooks: every route after this is measured
  app.addSchema(ErrorBody);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 20 } });
  await app.register(rateLimit, { global: false });
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  // HTML forms of the public pages (no JavaScript needed)
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Gongkai 公开 API', version: '1', description: '政务公开工作平台 REST API。错误格式：{error: {code, message}}。会话 Cookie 的写请求须带 X-CSRF-Token；脚本用 Authorization: Bearer <API 令牌>。' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app);

  app.get('/api/health', {
    schema: { tags: ['系统'], summary: '健康检查与所用数据库', response: { 200: Type.Object({ status: Type.String(), database: Type.String(), time: Type.String() }), 503: ErrorBody } },
  }, async (_request, reply) => {
    try {
      await db.selectFrom('unit').select('id').limit(1).execute();
    } catch {
      return reply.status(503).send({ error: { code: 'DATABASE_UNAVAILABLE', message: '数据库不可用' } });
    }
    return { status: 'ok', database: dialect, time: new Date().toISOString() };
  });

  await app.register(async (api) => {
    await api.register(identityRoutes);
    await api.register(directoryRoutes);
    await api.register(listsRoutes);
    await api.register(auditRoutes);
    await api.register(progressRoutes);
    await api.register(notificationsRoutes);
    await api.register(remindersRoutes);
    await api.register(requestsRoutes);
    await api.register(calendarRoutes);
    await api.register(gazetteRoutes);
    await api.register(interpretationsRoutes);
    await api.register(inspectionsRoutes);
    await api.register(searchRoutes);
    await api.register(consultationsRoutes);
    await api.register(publicationsRoutes);
    await api.register(normativeRoutes);
    await api.register(evaluationsRoutes);
    await api.register(annualReportsRoutes);
  }, { prefix: '/api/v1' });

  // The admin web workbench (React SPA built by Vite into admin/dist): static files, index.html fallback.
  if (adminIndex) {
    await app.register(fastifyStatic, { root: adminDist, prefix: '/admin/', decorateReply: false, index: ['index.html'] });
    app.get('/admin', { schema: { hide: true } }, (_request, reply) => reply.redirect('/admin/'));
  }

  await app.register(progressPages);
  await app.register(requestsPages);
  await app.register(normativePages);
  await app.register(gazettePages);
  await app.register(interpretationsPages);
  await app.register(inspectionsPages);
  await app.register(consultationsPages);
  await app.register(evaluationsPages);
  await app.register(annualReportsPages);

  await app.register(portalPages);

  app.get('/', { schema: { hide: true } }, async (request, reply) => reply.type('text/html; charset=utf-8').send(await homePage(app.db, request.actor)));

  return app;
}
