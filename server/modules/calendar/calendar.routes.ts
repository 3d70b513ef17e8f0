/**
 * JSON API of the working-day calendar: covered years with their source notices, loading a new
 * year's arrangement, and a deadline a person can check.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/schemas.ts';
import { ValidationError } from '../../platform/errors.ts';
import { explainDeadline, importCalendarYear, listCalendarYears } from './calendar.service.ts';

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['工作日历'];
  app.get('/calendar/years', {
    schema: { tags, summary: '工作日历覆盖的年份及其依据（国务院办公厅节假日安排通知）', response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errorResponses } },
  }, async () => ({ items: await listCalendarYears(app.db) }));

  app.post('/calendar/years', {
    schema: {
      tags, summary: '导入某年的节假日安排（JSON：{year, source, offDays, workDays}，或 holiday-cn 格式），政务公开办',
      consumes: ['application/json', 'text/plain'], body: Type.Unknown(), response: { 201: Type.Object({ year: Type.Integer(), warnings: Type.Array(Type.String()) }), ...errorResponses },
    },
  }, async (request, reply) => {
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? null);
    return reply.status(201).send(await importCalendarYear(app.db, request.actor, text));
  });

  app.get('/calendar/deadline', {
    schema: {
      tags, summary: '计算期限：起算日之后第 N 个工作日，并说明跳过的节假日和调休工作日',
      querystring: Type.Object({ from: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), workingDays: Type.Integer({ minimum: 1, maximum: 1000 }) }),
      response: { 200: Type.Object({ from: Type.String(), workingDays: Type.Integer(), dueDate: Type.String(), explanation: Type.Array(Type.String()) }), ...errorResponses },
    },
  }, async (request) => {
    if (Number.isNaN(Date.parse(request.query.from))) throw new ValidationError('CALENDAR_DATE_INVALID', `日期无效：${request.query.from}`);
    return explainDeadline(request.query.from, request.query.workingDays);
  });
};
