/**
 * JSON API of the audit log (office only).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/schemas.ts';
import { listAuditLog } from './audit.service.ts';

const AuditEntrySchema = Type.Object({
  id: Type.Integer(), at: Type.String(), actorUserId: Type.Union([Type.Integer(), Type.Null()]), actorLabel: Type.String(),
  action: Type.String(), resourceType: Type.String(), resourceId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(), after: Type.Unknown(), ip: Type.Union([Type.String(), Type.Null()]),
});

const AuditQuery = Type.Object({
  resourceType: Type.Optional(Type.String({ maxLength: 50 })),
  resourceId: Type.Optional(Type.String({ maxLength: 50 })),
  actorUserId: Type.Optional(Type.Integer({ minimum: 1 })),
  action: Type.Optional(Type.String({ maxLength: 50 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/audit-log', {
    schema: { tags: ['审计日志'], summary: '审计日志：谁在何时做了什么（前后值）', querystring: AuditQuery, response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema), total: Type.Integer() }), ...errorResponses } },
  }, async (request) => listAuditLog(app.db, request.actor, { ...request.query, limit: request.query.limit ?? 100, offset: request.query.offset ?? 0 }));
};
