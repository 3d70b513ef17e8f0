/**
 * JSON API of the unit directory: units, aliases, groups, merging, CSV import and export.
 * Reading is public (the directory is public information); changes are the office's.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import { ValidationError } from '../../platform/errors.ts';
import * as directory from './directory.service.ts';
import {
  CreateGroupBody, CreateUnitBody, GroupSchema, ImportSummary, MergeUnitBody, UnitSchema, UnitsQuery, UpdateGroupBody, UpdateUnitBody,
} from './directory.schemas.ts';

export const directoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['单位名录'];

  app.get('/units', {
    schema: { tags, summary: '单位列表（公开）', querystring: UnitsQuery, response: { 200: Type.Object({ items: Type.Array(UnitSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await directory.listUnits(app.db, request.query) }));

  app.get('/units/export', {
    schema: { tags, summary: '导出单位名录 CSV', produces: ['text/csv'], response: { 200: Type.String(), ...errorResponses } },
  }, async (_request, reply) => {
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="units.csv"');
    return directory.exportDirectoryCsv(app.db);
  });

  app.post('/units/import', {
    schema: {
      tags, summary: '导入单位名录 CSV（表头 name,shortName,aliases,kind,parent,groups），全部成功或全部不导入',
      consumes: ['text/csv'], body: Type.String({ maxLength: 5_000_000 }), response: { 200: ImportSummary, ...errorResponses },
    },
  }, async (request) => {
    if (!request.body.trim()) throw new ValidationError('UNIT_CSV_INVALID', 'CSV 内容为空');
    return directory.importDirectoryCsv(app.db, request.actor, request.body);
  });

  app.get('/units/:id', {
    schema: { tags, summary: '单位详情', params: IdParams, response: { 200: UnitSchema, ...errorResponses } },
  }, async (request) => directory.getUnitView(app.db, request.params.id));

  app.post('/units', {
    schema: { tags, summary: '新增单位', body: CreateUnitBody, response: { 201: UnitSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await directory.createUnit(app.db, request.actor, request.body)));

  app.patch('/units/:id', {
    schema: { tags, summary: '修改单位（确认占位单位的信息）', params: IdParams, body: UpdateUnitBody, response: { 200: UnitSchema, ...errorResponses } },
  }, async (request) => directory.updateUnit(app.db, request.actor, request.params.id, request.body));

  app.post('/units/:id/merges', {
    schema: { tags, summary: '将该单位（如占位单位）合并到另一单位：名称成为别名，任务分派与账号随之转移', params: IdParams, body: MergeUnitBody, response: { 200: UnitSchema, ...errorResponses } },
  }, async (request) => directory.mergeUnit(app.db, request.actor, request.params.id, request.body.intoUnitId));

  const gtags = ['单位组'];
  app.get('/unit-groups', {
    schema: { tags: gtags, summary: '单位组列表（公开）', response: { 200: Type.Object({ items: Type.Array(GroupSchema) }), ...errorResponses } },
  }, async () => ({ items: await directory.listGroups(app.db) }));

  app.get('/unit-groups/:id', {
    schema: { tags: gtags, summary: '单位组详情与成员', params: IdParams, response: { 200: GroupSchema, ...errorResponses } },
  }, async (request) => directory.getGroupView(app.db, request.params.id));

  app.post('/unit-groups', {
    schema: { tags: gtags, summary: '新增单位组', body: CreateGroupBody, response: { 201: GroupSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await directory.createGroup(app.db, request.actor, request.body)));

  app.patch('/unit-groups/:id', {
    schema: { tags: gtags, summary: '修改单位组（名称、别名、成员）', params: IdParams, body: UpdateGroupBody, response: { 200: GroupSchema, ...errorResponses } },
  }, async (request) => directory.updateGroup(app.db, request.actor, request.params.id, request.body));
};
