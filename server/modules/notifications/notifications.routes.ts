/**
 * JSON API of in-app notifications and units' reminder channels.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import * as service from './notifications.service.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

const NotificationSchema = Type.Object({
  id: Type.Integer(), title: Type.String(), body: Type.String(), link: NullableString, createdAt: Type.String(), readAt: NullableString,
});

const ChannelsSchema = Type.Object({
  unitId: Type.Integer(), email: NullableString, emailEnabled: Type.Boolean(), webhookUrl: NullableString,
  webhookSecretSet: Type.Boolean(), webhookEnabled: Type.Boolean(), emailAvailable: Type.Boolean(),
});

const ChannelsBody = Type.Object({
  email: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  emailEnabled: Type.Optional(Type.Boolean()),
  webhookUrl: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  webhookSecret: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  webhookEnabled: Type.Optional(Type.Boolean()),
});

export const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['通知与提醒渠道'];
  app.get('/notifications', {
    schema: { tags, summary: '本单位的站内通知（含未读数）', response: { 200: Type.Object({ items: Type.Array(NotificationSchema), unread: Type.Integer() }), ...errorResponses } },
  }, async (request) => service.listNotifications(app.db, request.actor));

  app.post('/notifications/:id/read', {
    schema: { tags, summary: '标记通知已读', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.markNotificationRead(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/units/:id/channels', {
    schema: { tags, summary: '单位的提醒渠道（邮件、机器人 Webhook）', params: IdParams, response: { 200: ChannelsSchema, ...errorResponses } },
  }, async (request) => service.getChannels(app.db, request.actor, request.params.id));

  app.put('/units/:id/channels', {
    schema: { tags, summary: '设置单位的提醒渠道（政务公开办或本单位管理员）', params: IdParams, body: ChannelsBody, response: { 200: ChannelsSchema, ...errorResponses } },
  }, async (request) => service.setChannels(app.db, request.actor, request.params.id, request.body));
};
