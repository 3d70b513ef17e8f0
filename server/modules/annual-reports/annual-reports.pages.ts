/**
 * Public pages of published annual reports: each report's own page under the platform's 年报 column
 * (/portal/annual-reports/:id, and its .docx), laid out like the published reports, and the list the column page
 * shows (annualReportsSection). Only published reports, as frozen at publication; every value escaped.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/create-db.ts';
import { html, SafeHtml } from '../../platform/html.ts';
import { notFoundPage, portalPage } from '../portal/index.ts';
import { REPORT_CSS, reportDocx, reportHtml } from './annual-reports.render.ts';
import * as svc from './annual-reports.service.ts';

const HTML = 'text/html; charset=utf-8';

/** The platform-made reports for the 年报 column page (filtered like the column: unit, year). */
export async function annualReportsSection(db: Db, f: { unitId?: number; year?: number }): Promise<SafeHtml> {
  const items = await svc.listPublishedReports(db, { unitId: f.unitId, year: f.year });
  if (!items.length) return html``;
  return html`<section aria-labelledby="gk-ar-list"><h2 id="gk-ar-list">政府信息公开工作年度报告</h2>
<ul class="gk-pubs">${items.map((i) => html`<li><p class="t"><a href="${i.url}">${i.title}</a></p><p class="meta">${i.issuer} · ${i.year}年度 · 发布日期：${i.publishedOn ?? ''}</p></li>`)}</ul></section>`;
}

/** Registers /portal/annual-reports/:id and its .docx. */
export async function annualReportsPages(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/portal/annual-reports/:id/docx', { schema: { hide: true } }, async (request, reply) => {
    const raw = request.params.id;
    const id = /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2 ** 31 - 1 ? Number(raw) : null;
    const r = id === null ? null : await svc.publishedReport(app.db, id);
    if (!r) return reply.status(404).type(HTML).send(notFoundPage('该年度报告'));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="annual-report-${r.item.id}.docx"; filename*=UTF-8''${encodeURIComponent(`${r.item.title}.docx`)}`)
      .send(await reportDocx(r.data));
  });

  app.get<{ Params: { id: string } }>('/portal/annual-reports/:id', { schema: { hide: true } }, async (request, reply) => {
    const raw = request.params.id;
    const id = /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2 ** 31 - 1 ? Number(raw) : null;
    const r = id === null ? null : await svc.publishedReport(app.db, id);
    if (!r) return reply.status(404).type(HTML).send(notFoundPage('该年度报告'));
    const body = html`${reportHtml(r.data)}
<p class="meta">发布日期：${r.item.publishedOn ?? ''} · <a href="/portal/annual-reports/${r.item.id}/docx">下载 Word 文档</a> · <a href="/portal/annual-reports?year=${r.item.year}">${r.item.year}年度的其他年度报告</a></p>`;
    return reply.type(HTML).send(portalPage(r.item.title, body, {
      current: 'annualReport', head: REPORT_CSS,
      crumbs: [{ label: '政府信息公开年报', href: '/portal/annual-reports' }, { label: r.item.title }],
    }));
  });
}
