/**
 * Public pages of inspection findings and their rectification (item 32: 加大督查和审计发现问题及
 * 整改情况公开力度): the published inspections by year, and one inspection's findings — unit,
 * severity, problem, requirement, due date and rectification status (整改中 / 已销号 / 逾期).
 * Server-rendered in the portal's frame, every value escaped; no people, no internal notes, no
 * rectification reports. Only published inspections are shown, whoever is logged in.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../../platform/html.ts';
import { notFoundPage, portalPage } from '../portal/index.ts';
import { PUBLIC_STATUSES, type PublicStatus } from './inspections.constants.ts';
import * as svc from './inspections.service.ts';

type Query = Record<string, unknown>;

const PAGE_SIZE = 20;
const LIST = '/portal/inspections';

function send(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

function int(q: Query, key: string, min: number, max: number): number | undefined {
  const v = typeof q[key] === 'string' ? (q[key] as string).trim() : '';
  if (!/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

function href(params: Record<string, number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) sp.set(k, String(v));
  const s = sp.toString();
  return s ? `${LIST}?${s}` : LIST;
}

const STATUS_STYLE: Record<PublicStatus, string> = {
  closed: 'color:#1d6b2f;font-weight:600',
  overdue: 'color:#a00000;font-weight:600',
  inProgress: 'color:#8a5300;font-weight:600',
};

function status(s: PublicStatus, closedOn: string | null): SafeHtml {
  return html`<span style="${STATUS_STYLE[s]}">${PUBLIC_STATUSES[s]}</span>${s === 'closed' && closedOn ? html`<br><span class="gk-count">${closedOn}销号</span>` : ''}`;
}

function counts(c: Record<PublicStatus, number>, total: number): SafeHtml {
  return html`共 ${total} 个问题：已销号 ${c.closed}，整改中 ${c.inProgress}，逾期 ${c.overdue}`;
}

async function listPage(app: FastifyInstance, q: Query, reply: FastifyReply) {
  const year = int(q, 'year', 2000, 2100);
  const pageNo = int(q, 'page', 1, 10000) ?? 1;
  const { items, total, years } = await svc.listPublishedInspections(app.db, { year, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const body = html`<h1>督查发现问题及整改情况</h1>
<p class="meta">政务公开日常监督、专项检查、政府网站检查、第三方评估和审计发现的问题，以及各单位的整改情况。</p>
${years.length > 1 ? html`<ul class="gk-tabs" aria-label="按年度"><li><a href="${LIST}"${year === undefined ? html` aria-current="page"` : ''}>全部</a></li>${years.map((y) => html`<li><a href="${href({ year: y })}"${y === year ? html` aria-current="page"` : ''}>${y}年</a></li>`)}</ul>` : ''}
<p role="status">共 ${total} 次检查。</p>
${items.length ? html`<ul class="gk-pubs">${items.map((i) => html`<li><p class="t"><a href="${i.url ?? ''}">${i.title}</a></p>
<p class="gk-count">${i.year}年 · ${i.kindLabel}${i.source ? html` · ${i.source}` : ''}${i.publishedOn ? html` · 公开日期 ${i.publishedOn}` : ''}</p>
<p>${counts(i.statusCounts, i.statusCounts.closed + i.statusCounts.inProgress + i.statusCounts.overdue)}</p></li>`)}</ul>` : html`<p>暂无公开的督查发现问题。</p>`}
${pages > 1 ? html`<nav aria-label="分页" class="gk-pager">${pageNo > 1 ? html`<a rel="prev" href="${href({ year, page: pageNo - 1 })}">上一页</a>` : ''}<span>第 ${pageNo} / ${pages} 页</span>${pageNo < pages ? html`<a rel="next" href="${href({ year, page: pageNo + 1 })}">下一页</a>` : ''}</nav>` : ''}`;
  return send(reply, portalPage('督查发现问题及整改情况', body, { crumbs: [{ label: '督查整改', href: LIST }] }));
}

async function detailPage(app: FastifyInstance, idRaw: string, reply: FastifyReply) {
  const found = /^\d{1,9}$/.test(idRaw) ? await svc.getPublishedInspection(app.db, Number(idRaw)) : null;
  if (!found) return send(reply, notFoundPage('该督查检查'), 404);
  const { inspection: i, findings } = found;
  const c: Record<PublicStatus, number> = { inProgress: 0, closed: 0, overdue: 0 };
  for (const f of findings) c[f.status]++;
  const body = html`<h1>${i.title}</h1>
<dl class="gk-meta">
<dt>检查类型</dt><dd>${i.kindLabel}</dd><dt>年度</dt><dd>${i.year}年</dd>
<dt>检查来源</dt><dd class="wide">${i.source ?? '—'}</dd>
<dt>检查时间</dt><dd>${i.startedOn ?? '—'}${i.endedOn ? html` 至 ${i.endedOn}` : ''}</dd><dt>公开日期</dt><dd>${i.publishedOn ?? '—'}</dd>
</dl>
${i.description ? html`<div class="gk-body"><p>${i.description}</p></div>` : ''}
<h2>发现问题及整改情况</h2>
<p role="status">${counts(c, findings.length)}。</p>
${findings.length ? html`<div style="overflow-x:auto"><table>
<caption class="gk-count" style="text-align:left">${i.title}：发现问题及整改情况</caption>
<thead><tr><th scope="col" style="white-space:nowrap">序号</th><th scope="col">整改单位</th><th scope="col">发现的问题</th><th scope="col">整改要求</th><th scope="col" style="white-space:nowrap">整改期限</th><th scope="col" style="white-space:nowrap">整改情况</th></tr></thead>
<tbody>${findings.map((f, n) => html`<tr><td>${n + 1}</td><td>${f.unitName}</td><td>${f.problem}<br><span class="gk-count">${f.severityLabel}</span></td><td>${f.requirement}</td><td style="white-space:nowrap">${f.dueOn}</td><td>${status(f.status, f.closedOn)}</td></tr>`)}</tbody>
</table></div>` : html`<p>本次检查未发现问题。</p>`}
<p><a href="${LIST}">返回督查发现问题及整改情况</a></p>`;
  return send(reply, portalPage(i.title, body, { crumbs: [{ label: '督查整改', href: LIST }, { label: i.title }] }));
}

/** Registers /portal/inspections and /portal/inspections/:id. */
export async function inspectionsPages(app: FastifyInstance): Promise<void> {
  app.get('/portal/inspections', { schema: { hide: true } }, async (request, reply) => listPage(app, request.query as Query, reply));
  app.get<{ Params: { id: string } }>('/portal/inspections/:id', { schema: { hide: true } }, async (request, reply) => detailPage(app, request.params.id, reply));
}
