/**
 * Access to the annual-report routes, records of unit B: B's draft is read by B, the office and
 * observers (404 for unit A); B's published report by every signed-in user; B's people and the
 * office write B's drafts; observers write nothing; anonymous callers get 401 (the public page is
 * /portal/annual-reports/:id, not the API).
 */
import ExcelJS from 'exceljs';
import { multipart } from '../../support/test-app.ts';
import { readers, users, type AccessContext, type ModuleAccess, type Who } from './access-kit.ts';

const draftRead = { anonymous: 401, observer: 200, unitStaff: 404, unitAdmin: 404, office: 200 } satisfies Record<Who, number>;
const draftWrite = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: 403, unitStaff: 404, unitAdmin: 404, office: ok });
const publishedWrite = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: ok });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** B's 2020 report as a fresh draft (the one before, whatever its state, is removed). */
async function draft(ctx: AccessContext): Promise<Record<string, number>> {
  await ctx.t.tdb.db.deleteFrom('annualReport').where('unitId', '=', ctx.unitB).where('year', '=', 2020).execute();
  const res = await ctx.t.as(ctx.office, { method: 'POST', url: '/api/v1/annual-reports', payload: { scope: 'unit', unitId: ctx.unitB, year: 2020 } });
  return { x: res.json().id as number };
}

let sheet: Buffer = Buffer.alloc(0);

export const annualReportsAccess: ModuleAccess = {
  name: 'annual-reports',
  async setup(ctx) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表二');
    ws.addRow(['第二十条第（五）项']);
    ws.addRow(['信息内容', '上一年项目数量', '本年增/减', '处理决定数量']);
    ws.addRow(['行政许可', 12, 1, 340]);
    sheet = Buffer.from(await wb.xlsx.writeBuffer());
    const pub = (await ctx.t.as(ctx.office, { method: 'POST', url: '/api/v1/annual-reports', payload: { scope: 'unit', unitId: ctx.unitB, year: 2019 } })).json().id as number;
    await ctx.t.as(ctx.office, { method: 'POST', url: `/api/v1/annual-reports/${pub}/publication` });
    const other = await ctx.t.unitId('市民政局');
    return { pubB: pub, unitB: ctx.unitB, other };
  },
  cases: [
    { route: 'GET /api/v1/annual-reports', req: () => ({ method: 'GET', url: '/api/v1/annual-reports' }), expect: users(200) },
    {
      route: 'POST /api/v1/annual-reports',
      req: (i) => ({ method: 'POST', url: '/api/v1/annual-reports', payload: { scope: 'unit', unitId: i.other, year: 2020 } }),
      expect: publishedWrite(201),
    },
    { route: 'GET /api/v1/annual-reports/expected', req: () => ({ method: 'GET', url: '/api/v1/annual-reports/expected?year=2020' }), expect: readers(200) },
    { route: 'GET /api/v1/annual-reports/table2-template', req: () => ({ method: 'GET', url: '/api/v1/annual-reports/table2-template?year=2020' }), expect: users(200) },
    { route: 'GET /api/v1/annual-reports/{id}', req: (i) => ({ method: 'GET', url: `/api/v1/annual-reports/${i.pubB}` }), expect: users(200) },
    { route: 'GET /api/v1/annual-reports/{id}', fresh: draft, req: (i) => ({ method: 'GET', url: `/api/v1/annual-reports/${i.x}` }), expect: draftRead },
    { route: 'PUT /api/v1/annual-reports/{id}', fresh: draft, req: (i) => ({ method: 'PUT', url: `/api/v1/annual-reports/${i.x}`, payload: { section6: '本年度未收取信息处理费。' } }), expect: draftWrite(200) },
    { route: 'PUT /api/v1/annual-reports/{id}', req: (i) => ({ method: 'PUT', url: `/api/v1/annual-reports/${i.pubB}`, payload: { section6: '改' } }), expect: publishedWrite(409) },
    { route: 'GET /api/v1/annual-reports/{id}/preview', fresh: draft, req: (i) => ({ method: 'GET', url: `/api/v1/annual-reports/${i.x}/preview` }), expect: draftRead },
    { route: 'GET /api/v1/annual-reports/{id}/preview', req: (i) => ({ method: 'GET', url: `/api/v1/annual-reports/${i.pubB}/preview` }), expect: users(200) },
    { route: 'GET /api/v1/annual-reports/{id}/checks', fresh: draft, req: (i) => ({ method: 'GET', url: `/api/v1/annual-reports/${i.x}/checks` }), expect: draftRead },
    { route: 'GET /api/v1/annual-reports/{id}/records', fresh: draft, req: (i) => ({ method: 'GET', url: `/api/v1/annual-reports/${i.x}/records?table=3&row=received&column=6` }), expect: draftRead },
    { route: 'GET /api/v1/annual-reports/{id}/records', req: (i) => ({ method: 'GET', url: `/api/v1/annual-reports/${i.pubB}/records?table=4&column=4` }), expect: users(200) },
    {
      route: 'POST /api/v1/annual-reports/{id}/table2-import', fresh: draft,
      req: (i) => ({ method: 'POST', url: `/api/v1/annual-reports/${i.x}/table2-import`, ...multipart('表二.xlsx', sheet, XLSX) }), expect: draftWrite(200),
    },
    { route: 'POST /api/v1/annual-reports/{id}/publication', fresh: draft, req: (i) => ({ method: 'POST', url: `/api/v1/annual-reports/${i.x}/publication` }), expect: draftWrite(200) },
    { route: 'POST /api/v1/annual-reports/{id}/publication', req: (i) => ({ method: 'POST', url: `/api/v1/annual-reports/${i.pubB}/publication` }), expect: publishedWrite(409) },
    { route: 'GET /api/v1/annual-reports/{id}/docx', fresh: draft, req: (i) => ({ method: 'GET', url: `/api/v1/annual-reports/${i.x}/docx` }), expect: draftRead },
    { route: 'GET /api/v1/annual-reports/{id}/docx', req: (i) => ({ method: 'GET', url: `/api/v1/annual-reports/${i.pubB}/docx` }), expect: users(200) },
  ],
};
