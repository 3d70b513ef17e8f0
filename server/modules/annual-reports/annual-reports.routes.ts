/**
 * JSON API of annual reports: list and create, read, the generated preview (tables filled from the
 * data, with the ids behind every number), enter table 二's rows and sections 五 / 六 (or import the
 * rows from the sample .xlsx), the checks, publish (refused with the problems), the .docx, and the
 * records a number counts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import { readUpload } from '../../platform/uploads.ts';
import * as svc from './annual-reports.service.ts';
import { CellQuery, ChecksSchema, CreateBody, ExpectedQuery, ExpectedSchema, ListQuery, PreviewSchema, RecordsSchema, ReportDetailSchema, ReportSchema, TemplateQuery, UpdateBody } from './annual-reports.schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const binary = (description: string) => Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });
const attachment = (fallback: string, fileName: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const annualReportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['年度报告'];

  app.get('/annual-reports', {
    schema: { tags, summary: '政府信息公开工作年度报告列表（单位：本单位的；政务公开办、观察员：全部）', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(ReportSchema) }), ...errorResponses } },
  }, async (request) => svc.listReports(app.db, request.actor, request.query));

  app.post('/annual-reports', {
    schema: { tags, summary: '新建年度报告（草稿）：格式按报告年度确定（2019—2020年度用2019年版，2021年度起用2021年版）', body: CreateBody, response: { 201: ReportDetailSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await svc.createReport(app.db, request.actor, request.body)));

  app.get('/annual-reports/table2-template', {
    schema: { tags, summary: '下载表二样表（.xlsx）：按年度的格式；给出 reportId 时带上该报告已填的数字', querystring: TemplateQuery, produces: [XLSX], response: { 200: binary('.xlsx 文件'), ...errorResponses } },
  }, async (request, reply) => {
    const { fileName, bytes } = await svc.table2Template(app.db, request.actor, request.query);
    return reply.header('content-type', XLSX).header('content-disposition', attachment('table2.xlsx', fileName)).send(bytes);
  });

  app.get('/annual-reports/expected', {
    schema: { tags, summary: '报送情况：某年度应当公布年度报告的各单位（部门、政府）及其报告状态、是否逾期（政务公开办、观察员）', querystring: ExpectedQuery, response: { 200: ExpectedSchema, ...errorResponses } },
  }, async (request) => svc.expectedReports(app.db, request.actor, request.query.year));

  app.get('/annual-reports/:id', {
    schema: { tags, summary: '年度报告（填写的表二各行、第五和第六部分，上年报告的第五部分）', params: IdParams, response: { 200: ReportDetailSchema, ...errorResponses } },
  }, async (request) => svc.getReport(app.db, request.actor, request.params.id));

  app.put('/annual-reports/:id', {
    schema: { tags, summary: '填写草稿：表二的行（行政许可、行政处罚等）、第五和第六部分', params: IdParams, body: UpdateBody, response: { 200: ReportDetailSchema, ...errorResponses } },
  }, async (request) => svc.updateReport(app.db, request.actor, request.params.id, request.body));

  app.get('/annual-reports/:id/preview', {
    schema: { tags, summary: '生成的报告：草稿按当前数据实时生成，已发布的为发布时的数据；每个数字带所统计记录的编号', params: IdParams, response: { 200: PreviewSchema, ...errorResponses } },
  }, async (request) => svc.previewReport(app.db, request.actor, request.params.id));

  app.get('/annual-reports/:id/checks', {
    schema: { tags, summary: '发布前检查：勾稽关系、总计、上年结转、负数（没有问题才能发布）', params: IdParams, response: { 200: ChecksSchema, ...errorResponses } },
  }, async (request) => svc.checkAnnualReport(app.db, request.actor, request.params.id));

  app.get('/annual-reports/:id/records', {
    schema: { tags, summary: '表三、表四某个数字所统计的申请或复议、诉讼记录', params: IdParams, querystring: CellQuery, response: { 200: RecordsSchema, ...errorResponses } },
  }, async (request) => svc.cellRecords(app.db, request.actor, request.params.id, request.query));

  app.post('/annual-reports/:id/table2-import', {
    schema: { tags, summary: '从样表（.xlsx，字段 file）导入表二填写的行', consumes: ['multipart/form-data'], params: IdParams, response: { 200: ReportDetailSchema, ...errorResponses } },
  }, async (request) => svc.importTable2(app.db, request.actor, request.params.id, await readUpload(request)));

  app.post('/annual-reports/:id/publication', {
    schema: { tags, summary: '发布：检查有问题时拒绝（409，details.problems 列出问题）；发布后数据固定，在政府信息公开平台“年报”栏目公开', params: IdParams, response: { 200: ReportDetailSchema, ...errorResponses } },
  }, async (request) => svc.publishReport(app.db, request.actor, request.params.id));

  app.get('/annual-reports/:id/docx', {
    schema: { tags, summary: '下载 Word 文档（.docx，版式同公开发布的年度报告）', params: IdParams, produces: [DOCX], response: { 200: binary('.docx 文件'), ...errorResponses } },
  }, async (request, reply) => {
    const { fileName, bytes } = await svc.annualReportDocx(app.db, request.actor, request.params.id);
    return reply.header('content-type', DOCX).header('content-disposition', attachment(`annual-report-${request.params.id}.docx`, fileName)).send(bytes);
  });
};
