/**
 * Public pages of the normative register (server-rendered, no JavaScript, every value escaped,
 * readable on a phone): /portal/normative — the register with filters (效力状态, 制定单位, 年份,
 * 关键词; 现行有效 by default), each document with its registration number, dates, validity and
 * the documents that amend or repeal it; /portal/normative/valid-list — the latest published
 * 现行有效行政规范性文件目录 (or an earlier one: ?campaign=<id>).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../../platform/html.ts';
import { page } from '../../platform/site.ts';
import { getValidList, publishedValidLists, type ValidList } from './cleanup.service.ts';
import type { NormativeDocumentView, RelationRef, Relations } from './normative.presenter.ts';
import { VALIDITY_LABELS, type Validity } from './normative.rules.ts';
import { publicRegister, type DocumentQuery } from './normative.service.ts';

type Query = Record<string, unknown>;

const PAGE_SIZE = 20;
const input = 'padding:.4rem;max-width:100%';

/** The validity filter's choices; inForce (有效, including amended) is the default. */
const VALIDITY_CHOICES = {
  inForce: '现行有效（含已修改）',
  valid: '有效（未经修改）',
  amended: '修改',
  expired: '失效',
  repealed: '废止',
  all: '全部',
} as const;
type ValidityChoice = keyof typeof VALIDITY_CHOICES;

const BADGE: Record<Validity, string> = { valid: 's-completed', amended: 's-inProgress', repealed: 's-overdue', expired: 's-notStarted' };

function send(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

function param(q: Query, key: string): string | undefined {
  const v = q[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function int(q: Query, key: string, min: number, max: number): number | undefined {
  const v = param(q, key);
  if (!v || !/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

function href(path: string, params: Record<string, string | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

function refLinks(refs: RelationRef[]): SafeHtml {
  return html`${refs.map((r, i) => html`${i ? '、' : ''}<a href="${r.url}">《${r.title}》</a>${r.docNumber ? `（${r.docNumber}）` : ''}`)}`;
}

function statusLine(d: NormativeDocumentView & Relations): SafeHtml {
  const parts: SafeHtml[] = [];
  if (d.amendedBy.length) parts.push(html`经 ${refLinks(d.amendedBy)} 修改`);
  if (d.repealedBy.length) parts.push(html`由 ${refLinks(d.repealedBy)} 废止`);
  if (d.validity === 'expired' && !d.repealedBy.length) parts.push(html`${d.validityNote ?? (d.validUntil ? `有效期于${d.validUntil}届满` : '已失效')}`);
  if (d.validity === 'repealed' && !d.repealedBy.length && d.validityNote) parts.push(html`${d.validityNote}`);
  if (d.amends.length) parts.push(html`本文件修改了 ${refLinks(d.amends)}`);
  if (d.repeals.length) parts.push(html`本文件废止了 ${refLinks(d.repeals)}`);
  return html`<p><span class="badge ${BADGE[d.validity]}">效力状态：${VALIDITY_LABELS[d.validity]}</span>${d.validityChangedOn && d.validity !== 'valid' ? html` <span class="meta">（${d.validityChangedOn}起）</span>` : ''}</p>
${parts.length ? html`<p class="meta">${parts.map((p, i) => html`${i ? '；' : ''}${p}`)}</p>` : ''}`;
}

function documentCard(d: NormativeDocumentView & Relations): SafeHtml {
  return html`<li class="task">
<p><a href="${d.url}"><strong>${d.title}</strong></a></p>
<dl class="meta" style="margin:.3rem 0;display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem">
<dt>登记号</dt><dd style="margin:0">${d.regNumber}</dd>
<dt>文号</dt><dd style="margin:0">${d.docNumber ?? '—'}</dd>
<dt>制定机关</dt><dd style="margin:0">${d.publisher}</dd>
<dt>发布日期</dt><dd style="margin:0">${d.publishedOn ?? '—'}</dd>
<dt>有效期至</dt><dd style="margin:0">${d.validUntil ?? '—'}</dd>
</dl>
${statusLine(d)}
</li>`;
}

function pager(total: number, pageNo: number, link: (p: number) => string): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return html``;
  return html`<nav aria-label="分页" style="margin:1rem 0">
${pageNo > 1 ? html`<a rel="prev" href="${link(pageNo - 1)}">上一页</a> ` : ''}<span>第 ${pageNo} / ${pages} 页</span>${pageNo < pages ? html` <a rel="next" href="${link(pageNo + 1)}">下一页</a>` : ''}
</nav>`;
}

function option(value: string | number, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

async function registerPage(app: FastifyInstance, q: Query, reply: FastifyReply) {
  const rawValidity = param(q, 'validity');
  const validity: ValidityChoice = rawValidity && Object.hasOwn(VALIDITY_CHOICES, rawValidity) ? (rawValidity as ValidityChoice) : 'inForce';
  const unitId = int(q, 'unitId', 1, 1e9);
  const year = int(q, 'year', 1949, 2100);
  const text = param(q, 'q')?.slice(0, 100);
  const pageNo = int(q, 'page', 1, 1000) ?? 1;
  const query: DocumentQuery = {
    unitId, year, q: text, page: pageNo, pageSize: PAGE_SIZE,
    ...(validity === 'inForce' ? { inForce: true } : validity === 'all' ? {} : { validity: validity as Validity }),
  };
  const r = await publicRegister(app.db, query);
  const current = { validity: validity === 'inForce' ? undefined : validity, unitId, year, q: text };
  const body = html`<h1>行政规范性文件</h1>
<p class="meta">行政规范性文件实行统一登记、统一编号、统一发布。本栏目列出已登记发布的文件及其效力状态：有效、修改（经修改后继续有效）、失效、废止。<a href="/portal/normative/valid-list">查看现行有效行政规范性文件目录</a>。</p>
<form method="get" action="/portal/normative" role="search" aria-label="筛选行政规范性文件">
<p style="display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:flex-end">
<span><label for="n-validity">效力状态</label><br><select id="n-validity" name="validity" style="${input}">
${Object.entries(VALIDITY_CHOICES).map(([k, l]) => option(k, l, k === validity))}</select></span>
<span><label for="n-unit">制定单位</label><br><select id="n-unit" name="unitId" style="${input}">
${option('', '全部单位', unitId === undefined)}${r.facets.units.map((u) => option(u.id, `${u.name}（${u.count}）`, u.id === unitId))}</select></span>
<span><label for="n-year">发布年份</label><br><select id="n-year" name="year" style="${input}">
${option('', '全部年份', year === undefined)}${r.facets.years.map((y) => option(y, `${y}年`, y === year))}</select></span>
<span><label for="n-q">标题、文号或登记号</label><br><input id="n-q" name="q" value="${text ?? ''}" maxlength="100" style="${input};width:16rem"></span>
<span><button type="submit" style="padding:.45rem 1.2rem">筛选</button></span>
</p></form>
<p role="status">共 ${r.total} 件${validity !== 'all' ? html`（${VALIDITY_CHOICES[validity]}）` : ''}。</p>
${r.items.length ? html`<ol style="list-style:none;padding:0">${r.items.map(documentCard)}</ol>` : html`<p>没有符合条件的文件。</p>`}
${pager(r.total, pageNo, (p) => href('/portal/normative', { ...current, page: p }))}`;
  return send(reply, page('行政规范性文件', body));
}

function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

async function validListPage(app: FastifyInstance, q: Query, reply: FastifyReply) {
  const campaignId = int(q, 'campaign', 1, 1e9);
  const [list, lists] = await Promise.all([getValidList(app.db, campaignId), publishedValidLists(app.db)]);
  if (!list) {
    const body = html`<h1>现行有效行政规范性文件目录</h1>
<p>${campaignId ? '该清理工作尚未发布现行有效目录。' : '尚未发布现行有效行政规范性文件目录。'}</p>
<p><a href="/portal/normative">查看行政规范性文件登记情况</a></p>`;
    return send(reply, page('现行有效行政规范性文件目录', body), campaignId ? 404 : 200);
  }
  const groups = new Map<string, ValidList['items']>();
  for (const d of list.items) groups.set(d.publisher, [...(groups.get(d.publisher) ?? []), d]);
  let n = 0;
  const others = lists.filter((l) => l.id !== list.campaign.id);
  const body = html`<nav aria-label="位置" class="meta"><a href="/portal/normative">行政规范性文件</a></nav>
<h1>现行有效行政规范性文件目录</h1>
<p class="meta">截至${chineseDate(list.campaign.asOf)}，根据${list.campaign.title}结果公布，共 ${list.items.length} 件。其后的文件登记、修改、废止情况请查看<a href="/portal/normative">行政规范性文件登记簿</a>。</p>
${[...groups.entries()].map(([publisher, docs]) => html`<section><h2>${publisher}（${docs.length}件）</h2>
<ol style="padding-left:2.2rem">${docs.map((d) => html`<li style="margin:.5rem 0" value="${++n}"><a href="${d.url}">${d.title}</a>${d.amended ? html` <span class="meta">（经修改）</span>` : ''}<br>
<span class="meta">${d.docNumber ? html`${d.docNumber} · ` : ''}登记号 ${d.regNumber} · 发布日期 ${d.publishedOn ?? '—'} · 有效期至 ${d.validUntil ?? '—'}</span></li>`)}</ol></section>`)}
${others.length ? html`<h2>往期目录</h2><ul>${others.map((l) => html`<li><a href="${`/portal/normative/valid-list?campaign=${l.id}`}">${l.title}</a>（截至${chineseDate(l.asOf)}）</li>`)}</ul>` : ''}`;
  return send(reply, page('现行有效行政规范性文件目录', body));
}

export async function normativePages(app: FastifyInstance): Promise<void> {
  app.get('/portal/normative', { schema: { hide: true } }, async (request, reply) => registerPage(app, request.query as Query, reply));
  app.get('/portal/normative/valid-list', { schema: { hide: true } }, async (request, reply) => validListPage(app, request.query as Query, reply));
}
