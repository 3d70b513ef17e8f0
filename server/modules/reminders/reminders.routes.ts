/**
 * JSON API of reminders (催办) and their settings.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/schemas.ts';
import * as reminders from './reminders.service.ts';

const SettingsSchema = Type.Object({ dueSoonWorkingDays: Type.Integer(), overdueWindowDays: Type.Integer(), enabled: Type.Boolean() });
const ReminderSchema = Type.Object({
  id: Type.Integer(), kind: Type.String(), unitId: Type.Integer(), listId: Type.Union([Type.Integer(), Type.Null()]),
  periodId: Type.Union([Type.Integer(), Type.Null()]), message: Type.String(), createdAt: Type.String(),
});

export const remindersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['催办'];
  app.post('/reminders', {
    schema: {
      tags, summary: '催办：政务公开办催办任一单位；牵头单位催办其牵头任务的责任单位',
      body: Type.Object({
        unitId: Type.Optional(Type.Integer({ minimum: 1 })), taskId: Type.Optional(Type.Integer({ minimum: 1 })),
        listId: Type.Optional(Type.Integer({ minimum: 1 })), message: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
      }),
      response: { 201: Type.Object({ created: Type.Integer(), unitIds: Type.Array(Type.Integer()) }), ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await reminders.createManualReminders(app.db, request.actor, request.body)));

  app.get('/reminders', {
    schema: { tags, summary: '催办记录', querystring: Type.Object({ unitId: Type.Optional(Type.Integer({ minimum: 1 })), listId: Type.Optional(Type.Integer({ minimum: 1 })) }), response: { 200: Type.Object({ items: Type.Array(ReminderSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await reminders.listReminders(app.db, request.actor, request.query) }));

  app.get('/settings/reminders', {
    schema: { tags, summary: '自动催办规则', response: { 200: SettingsSchema, ...errorResponses } },
  }, async (request) => reminders.readReminderSettings(app.db, request.actor));

  app.put('/settings/reminders', {
    schema: { tags, summary: '设置自动催办规则（提前提醒的工作日数等）', body: Type.Partial(SettingsSchema), response: { 200: SettingsSchema, ...errorResponses } },
  }, async (request) => reminders.setReminderSettings(app.db, request.actor, request.body));
};
