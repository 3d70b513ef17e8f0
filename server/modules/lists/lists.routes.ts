/**
 * JSON API of tracked lists: import (preview, store), read, correct, publish, revise, export;
 * tasks and assignments.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import { readUpload } from '../../platform/uploads.ts';
import { ResponseCache } from '../../platform/response-cache.ts';
import * as lists from './lists.service.ts';
import * as importer from './list-import.service.ts';
import { exportListXlsx } from './list-export.ts';
import {
  ImportOutcomeSchema, ImportPreviewSchema, ImportQuery, ListDetailSchema, ListSchema, ListsQuery,
  ReimportOutcomeSchema, ReimportPreviewSchema, TaskDetailSchema, TaskSchema, UpdateListBody, UpdateTaskBody, UpdateTaskResponse,
} from './lists.schemas.ts';

const multipart = { consumes: ['multipart/form-data'] };

export const listsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['清单'];
  // A published list is read far more often than it changes (docs/benchmarks.md).
  const detailCache = new ResponseCache();

  app.get('/lists', {
    schema: { tags, summary: '清单列表（匿名：已发布的清单）', querystring: ListsQuery, response: { 200: Type.Object({ items: Type.Array(ListSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await lists.listLists(app.db, request.actor, request.query) }));

  app.get('/lists/:id', {
    schema: { tags, summary: '清单详情：通知、部分、任务及分派数', params: IdParams, response: { 200: ListDetailSchema, ...errorResponses } },
  }, async (request, reply) => {
    const { key, version } = await lists.listDetailVersion(app.db, request.actor, request.params.id);
    return detailCache.send(request, reply, {
      key, version, contentType: 'application/json; charset=utf-8',
      render: async () => reply.serialize(await lists.getListDetail(app.db, request.actor, request.params.id)) as string,
    });
  });

  app.patch('/lists/:id', {
    schema: { tags, summary: '修改清单标题、类型、年度', params: IdParams, body: UpdateListBody, response: { 200: ListSchema, ...errorResponses } },
  }, async (request) => lists.updateList(app.db, request.actor, request.params.id, request.body));

  app.post('/lists/:id/publication', {
    schema: { tags, summary: '发布清单', params: IdParams, response: { 200: ListSchema, ...errorResponses } },
  }, async (request) => lists.publishList(app.db, request.actor, request.params.id));

  app.delete('/lists/:id', {
    schema: { tags, summary: '删除草稿清单', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await lists.deleteList(app.db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/lists/:id/tasks', {
    schema: { tags, summary: '清单的任务', params: IdParams, response: { 200: Type.Object({ items: Type.Array(TaskSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await lists.listTasks(app.db, request.actor, request.params.id) }));

  app.get('/lists/:id/xlsx', {
    schema: { tags, summary: '按通知原格式导出 .xlsx（序号 | 重点工作 | 牵头单位 | 责任单位 | 完成时限）', params: IdParams, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '.xlsx 文件' }), ...errorResponses } },
  }, async (request, reply) => {
    const { fileName, bytes } = await exportListXlsx(app.db, request.actor, request.params.id);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="list-${request.params.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(bytes);
  });

  const itags = ['导入'];
  app.post('/imports/preview', {
    schema: { tags: itags, summary: '预览导入：上传通知文件（字段 file），返回识别结果、警告与分派数，不保存', ...multipart, response: { 200: ImportPreviewSchema, ...errorResponses } },
  }, async (request) => importer.previewImport(app.db, request.actor, await readUpload(request)));

  app.post('/imports', {
    schema: { tags: itags, summary: '导入通知为草稿清单（一个事务：失败则什么都不保存）', ...multipart, querystring: ImportQuery, response: { 201: ImportOutcomeSchema, ...errorResponses } },
  }, async (request, reply) => {
    const upload = await readUpload(request);
    return reply.status(201).send(await importer.importNotice(app.db, request.actor, { ...upload, ...request.query }));
  });

  app.post('/lists/:id/revisions/preview', {
    schema: { tags: itags, summary: '预览修订：上传修订后的通知，返回新增、删除、变更的任务', params: IdParams, ...multipart, response: { 200: ReimportPreviewSchema, ...errorResponses } },
  }, async (request) => importer.previewReimport(app.db, request.actor, request.params.id, await readUpload(request)));

  app.post('/lists/:id/revisions', {
    schema: { tags: itags, summary: '应用修订后的通知（按序号匹配任务，保留未变的分派）', params: IdParams, ...multipart, response: { 200: ReimportOutcomeSchema, ...errorResponses } },
  }, async (request) => importer.applyReimport(app.db, request.actor, request.params.id, await readUpload(request)));

  const ttags = ['任务与分派'];
  app.get('/tasks/:id', {
    schema: { tags: ttags, summary: '任务详情及其分派单位', params: IdParams, response: { 200: TaskDetailSchema, ...errorResponses } },
  }, async (request) => lists.getTask(app.db, request.actor, request.params.id));

  app.patch('/tasks/:id', {
    schema: { tags: ttags, summary: '更正草稿清单中的任务（内容、单位、时限）', params: IdParams, body: UpdateTaskBody, response: { 200: UpdateTaskResponse, ...errorResponses } },
  }, async (request) => lists.updateTask(app.db, request.actor, request.params.id, request.body));

};
