/**
 * Public evaluation pages (server-rendered, no JavaScript; every value escaped): the published
 * evaluations by year, and one evaluation's ranking with each unit's total and points per
 * first-level indicator. Only the frozen published result is shown — no notes, no internal records.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { html } from '../../platform/html.ts';
import { notFoundPage, portalPage } from '../portal/index.ts';
import { evaluationUrl, setTitle } from './evaluations.constants.ts';
import * as svc from './evaluations.service.ts';

function send(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

const crumbs = [{ label: '考核评价', href: '/portal/evaluations' }];

async function listPage(app: FastifyInstance, reply: FastifyReply) {
  const sets = await svc.listPublishedSets(app.db);
  const years = [...new Set(sets.map((s) => s.year))];
  const body = html`<h1>政务公开考核评价结果</h1>
<p class="meta">政务公开办按年度指标体系对各单位政务公开工作进行考核评价，结果经发布后在此公开。</p>
${years.length ? years.map((y) => html`<section aria-labelledby="y-${y}"><h2 id="y-${y}">${y}年度</h2>
<ul class="gk-pubs">${sets.filter((s) => s.year === y).map((s) => html`<li><p class="t"><a href="${evaluationUrl(s.id)}">${setTitle(s)}</a></p>
<p class="meta">满分 ${s.totalPoints} 分${s.publishedAt ? html` · 发布于 ${s.publishedAt.slice(0, 10)}` : ''}</p></li>`)}</ul></section>`) : html`<p>暂无已发布的考核评价结果。</p>`}`;
  return send(reply, portalPage('考核评价', body, { crumbs }));
}

async function detailPage(app: FastifyInstance, idRaw: string, reply: FastifyReply) {
  const result = /^\d{1,9}$/.test(idRaw) ? await svc.publishedRanking(app.db, Number(idRaw)) : undefined;
  if (!result) return send(reply, notFoundPage('该考核评价结果'), 404);
  const { set, topIndicators, units } = result;
  const title = setTitle(set);
  const body = html`<h1>${title}</h1>
<p class="meta">满分 ${set.totalPoints} 分，共 ${units.length} 个单位${set.publishedAt ? html`，发布于 ${set.publishedAt.slice(0, 10)}` : ''}。得分相同的单位并列同一名次。</p>
<div style="overflow-x:auto"><table><caption class="meta" style="text-align:left">${title}排名</caption>
<thead><tr><th scope="col">排名</th><th scope="col">单位</th><th scope="col">总分</th>${topIndicators.map((t) => html`<th scope="col">${t.name}（${t.maxPoints}分）</th>`)}</tr></thead>
<tbody>${units.map((u) => html`<tr><td>${u.rank ?? ''}</td><th scope="row" style="font-weight:400;background:none">${u.unitName}</th><td><strong>${u.total}</strong></td>${u.byTopLevel.map((p) => html`<td>${p}</td>`)}</tr>`)}</tbody>
</table></div>
<p><a href="/portal/evaluations">返回考核评价</a></p>`;
  return send(reply, portalPage(title, body, { crumbs: [...crumbs, { label: title }] }));
}

/** Registers /portal/evaluations and /portal/evaluations/:id. */
export async function evaluationsPages(app: FastifyInstance): Promise<void> {
  app.get('/portal/evaluations', { schema: { hide: true } }, async (_request, reply) => listPage(app, reply));
  app.get<{ Params: { id: string } }>('/portal/evaluations/:id', { schema: { hide: true } }, async (request, reply) => detailPage(app, request.params.id, reply));
}
