/**
 * Public gazette pages (server-rendered, no JavaScript, readable on a phone; every value escaped):
 * the gazette database — exact query by 文号 / title / issue, classified browsing by year, issuing
 * body, topic and 栏目 with counts, the years' issues — an issue's table of contents, and a
 * document with its metadata block. Only published issues are shown, whoever is logged in.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { anonymous } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { html, type SafeHtml } from '../../platform/html.ts';
import { page } from '../../platform/site.ts';
import { listInterpretationsOfPublication } from '../interpretations/index.ts';
import { findPublishedPublication } from '../publications/index.ts';
import { GAZETTE_CATEGORIES, issueLabel, issueUrl } from './gazette.categories.ts';
import type { ArticleSummary, IssueView } from './gazette.presenter.ts';
import * as svc from './gazette.service.ts';

type Query = Record<string, unknown>;

const PAGE_SIZE = 20;
const FILTER_KEYS = ['year', 'issuingBody', 'topic', 'category'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const FILTER_LABELS: Record<FilterKey, string> = { year: '年份', issuingBody: '发文机关', topic: '主题分类', category: '栏目' };

function send(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

function notFound(reply: FastifyReply, what: string) {
  return send(reply, page('未找到', html`<h1>未找到</h1><p>${what}不存在或尚未发布。</p><p><a href="/portal/gazette">返回政府公报</a></p>`), 404);
}

/** A query parameter as trimmed text (repeated parameters and other shapes are ignored). */
function param(q: Query, key: string): string | undefined {
  const v = q[key];
  return typeof v === 'string' ? v.replace(/\u0000/g, '').trim() : undefined;
}

function text(q: Query, key: string, max = 100): string | undefined {
  const v = param(q, key);
  return v ? v.slice(0, max) : undefined;
}

function int(q: Query, key: string, min: number, max: number): number | undefined {
  const v = param(q, key);
  if (!v || !/^\d{1,5}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

function href(params: Record<string, string | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `/portal/gazette?${s}` : '/portal/gazette';
}

const inline = 'list-style:none;padding:0;margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem';
const input = 'width:100%;max-width:24rem;padding:.4rem';

function pager(total: number, pageNo: number, link: (p: number) => string): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return html``;
  return html`<nav aria-label="分页" style="margin:1rem 0">
${pageNo > 1 ? html`<a rel="prev" href="${link(pageNo - 1)}">上一页</a> ` : ''}<span>第 ${pageNo} / ${pages} 页</span>${pageNo < pages ? html` <a rel="next" href="${link(pageNo + 1)}">下一页</a>` : ''}
</nav>`;
}

function articleItem(a: ArticleSummary): SafeHtml {
  return html`<li class="task"><p><a href="${a.url}">${a.title}</a></p>
<p class="meta">${a.docNumber ? html`${a.docNumber} · ` : ''}${a.issuingBody} · <a href="${issueUrl(a)}">${a.issueLabel}</a>${a.publishedOn ? html` · ${a.publishedOn}` : ''}${a.topic ? html` · ${a.topic}` : ''}</p></li>`;
}

function queryForm(v: { docNumber?: string; title?: string; year?: number; number?: string }): SafeHtml {
  return html`<section aria-labelledby="exact-h"><h2 id="exact-h">精确查询</h2>
<form method="get" action="/portal/gazette" role="search" aria-label="公报精确查询">
<p><label for="g-doc">文号</label><br><input id="g-doc" name="docNumber" value="${v.docNumber ?? ''}" placeholder="如 嘉政发〔2020〕3号" style="${input}"></p>
<p><label for="g-title">标题</label><br><input id="g-title" name="title" value="${v.title ?? ''}" style="${input}"></p>
<p><label for="g-year">年份</label> <input id="g-year" name="year" inputmode="numeric" value="${v.year ?? ''}" size="5" style="padding:.4rem">
<label for="g-number">期号</label> <input id="g-number" name="number" inputmode="numeric" value="${v.number ?? ''}" size="4" style="padding:.4rem"></p>
<p><button type="submit" style="padding:.5rem 1.5rem">查询</button></p>
<p class="meta">文号可用任意括号书写，如 嘉政发[2020]3号；填写年份和期号直接打开该期目录。</p>
</form></section>`;
}

async function homePage(app: FastifyInstance, q: Query, reply: FastifyReply) {
  const docNumber = text(q, 'docNumber');
  const title = text(q, 'title');
  const year = int(q, 'year', 1949, 2100);
  const numberRaw = text(q, 'number', 5);
  const number = int(q, 'number', 1, 999);
  const filters: Partial<Record<FilterKey, string | number>> = { year, issuingBody: text(q, 'issuingBody', 200), topic: text(q, 'topic', 50), category: text(q, 'category', 20) };
  const pageNo = int(q, 'page', 1, 10000) ?? 1;

  let error: string | null = null;
  if (numberRaw !== undefined) {
    if (year !== undefined && number !== undefined && !docNumber && !title) return reply.redirect(issueUrl({ year, number }), 303);
    if (year === undefined) error = '按期号查询时请同时填写年份';
    else if (number === undefined) error = `期号不正确：${numberRaw}`;
  }

  const classFilter = { year, issuingBody: filters.issuingBody as string | undefined, topic: filters.topic as string | undefined, category: filters.category as string | undefined };
  const [issues, classes] = await Promise.all([svc.listIssues(app.db, anonymous), svc.classifiedCounts(app.db, classFilter)]);

  const searching = !!(docNumber || title || FILTER_KEYS.some((k) => filters[k] !== undefined));
  let results: { items: ArticleSummary[]; total: number } | null = null;
  if (searching && !error) {
    try {
      results = await svc.queryArticles(app.db, { ...classFilter, docNumber, title, number, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE });
    } catch (e) {
      if (!(e instanceof AppError && e.statusCode < 500)) throw e;
      error = e.message;
    }
  }

  const current = { ...filters, docNumber, title };
  const toggle = (key: FilterKey, value: string | number) => href({ ...current, [key]: filters[key] === value ? undefined : value });
  const facet = (key: FilterKey, items: { value: string | number; label: string; count: number }[]) => (items.length
    ? html`<ul style="${inline}">${items.map((i) => {
      const on = filters[key] === i.value;
      return html`<li><a href="${toggle(key, i.value)}"${on ? html` aria-current="true" style="font-weight:700"` : ''}>${i.label}</a>（${i.count}）${on ? html` <span class="meta">已选</span>` : ''}</li>`;
    })}</ul>`
    : html`<p class="meta">暂无</p>`);

  const chosen = FILTER_KEYS.filter((k) => filters[k] !== undefined);
  const byYear = new Map<number, IssueView[]>();
  for (const i of issues) byYear.set(i.year, [...(byYear.get(i.year) ?? []), i]);

  const body = html`<h1>政府公报</h1>
<p class="meta">公报数据库收录已发布的各期政府公报文件：可按文号、标题精确查询，也可按年份、发文机关、主题分类和栏目分类浏览。</p>
${error ? html`<div role="alert" class="task" style="border-color:#a00000;color:#a00000"><strong>查询未成功：</strong>${error}</div>` : ''}
${queryForm({ docNumber, title, year, number: numberRaw })}
<section aria-labelledby="class-h"><h2 id="class-h">分类浏览</h2>
${chosen.length ? html`<p>当前条件：${chosen.map((k) => html`${FILTER_LABELS[k]} <strong>${k === 'year' ? `${filters[k]}年` : filters[k]}</strong>（<a href="${toggle(k, filters[k]!)}">取消</a>） `)}· <a href="/portal/gazette">清除全部</a></p>` : ''}
<p class="meta">符合条件的文件共 ${classes.total} 件。</p>
<h3>按年份</h3>${facet('year', classes.years.map((y) => ({ value: y.year, label: `${y.year}年`, count: y.count })))}
<h3>按发文机关</h3>${facet('issuingBody', classes.issuingBodies.map((b) => ({ value: b.name, label: b.name, count: b.count })))}
<h3>按主题分类</h3>${facet('topic', classes.topics.map((t) => ({ value: t.name, label: t.name, count: t.count })))}
<h3>按栏目</h3>${facet('category', classes.categories.map((c) => ({ value: c.name, label: c.name, count: c.count })))}
</section>
${results ? html`<section aria-labelledby="res-h"><h2 id="res-h">查询结果</h2>
<p role="status">共找到 ${results.total} 件${docNumber ? html`（文号 ${docNumber}）` : ''}${title ? html`（标题含“${title}”）` : ''}。</p>
${results.items.length ? html`<ol style="list-style:none;padding:0">${results.items.map(articleItem)}</ol>` : html`<p>没有符合条件的文件。</p>`}
${pager(results.total, pageNo, (p) => href({ ...current, page: p }))}
</section>` : ''}
<section aria-labelledby="years-h"><h2 id="years-h">历年公报</h2>
${issues.length ? [...byYear.entries()].map(([y, list]) => html`<h3>${y}年</h3><ul style="${inline}">${list.map((i) => html`<li><a href="${i.url}">第${i.number}期</a><span class="meta">${i.totalNumber ? `（总第${i.totalNumber}期）` : ''}${i.publishedOn ? ` ${i.publishedOn}` : ''}</span></li>`)}</ul>`) : html`<p>暂无已发布的公报。</p>`}
</section>`;
  return send(reply, page('政府公报', body), error ? 400 : 200);
}

async function issuePage(app: FastifyInstance, yearRaw: string, numberRaw: string, reply: FastifyReply) {
  const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
  const number = /^\d{1,3}$/.test(numberRaw) ? Number(numberRaw) : NaN;
  if (!Number.isInteger(year) || !Number.isInteger(number)) return notFound(reply, '该期公报');
  const issue = await svc.findIssueByNumber(app.db, anonymous, year, number);
  if (!issue) return notFound(reply, `${year}年第${number}期公报`);
  const all = await svc.listIssues(app.db, anonymous);
  const at = all.findIndex((i) => i.id === issue.id);
  const newer = at > 0 ? all[at - 1] : undefined;
  const older = at >= 0 ? all[at + 1] : undefined;
  const known = new Set<string>(GAZETTE_CATEGORIES);
  const groups = [...GAZETTE_CATEGORIES, ...new Set(issue.articles.map((a) => a.category).filter((c) => !known.has(c)))]
    .map((c) => ({ category: c, articles: issue.articles.filter((a) => a.category === c) })).filter((g) => g.articles.length);
  const label = issueLabel(issue);
  const body = html`<nav aria-label="位置" class="meta"><a href="/portal/gazette">政府公报</a> › <a href="${`/portal/gazette?year=${issue.year}`}">${issue.year}年</a></nav>
<h1>政府公报 ${issue.year}年第${issue.number}期</h1>
<p class="meta">${issue.totalNumber ? html`总第${issue.totalNumber}期 · ` : ''}发布日期 ${issue.publishedOn ?? '—'} · 共 ${issue.articles.length} 件</p>
<h2>目录</h2>
${groups.map((g, n) => html`<section aria-labelledby="cat-${n}"><h3 id="cat-${n}">${g.category}</h3>
<ol style="list-style:none;padding:0">${g.articles.map((a) => html`<li class="task"><p><span class="meta">${a.seq}.</span> <a href="${a.url}">${a.title}</a></p><p class="meta">${a.docNumber ? html`${a.docNumber} · ` : ''}${a.issuingBody}</p></li>`)}</ol></section>`)}
<nav aria-label="其他期次" style="margin:1rem 0">${newer ? html`<a href="${newer.url}">下一期：${newer.label}</a>` : ''}${newer && older ? html` <span aria-hidden="true">|</span> ` : ''}${older ? html`<a href="${older.url}">上一期：${older.label}</a>` : ''}</nav>`;
  return send(reply, page(`政府公报 ${label}`, body));
}

async function articlePage(app: FastifyInstance, idRaw: string, reply: FastifyReply) {
  if (!/^\d{1,9}$/.test(idRaw)) return notFound(reply, '该文件');
  let a;
  try {
    a = await svc.getArticle(app.db, anonymous, Number(idRaw));
  } catch (e) {
    if (e instanceof AppError && e.statusCode === 404) return notFound(reply, '该文件');
    throw e;
  }
  // the linked publication and its interpretations, while it is public
  const linked = a.publicationId ? await findPublishedPublication(app.db, a.publicationId) : null;
  const interpretations = linked ? await listInterpretationsOfPublication(app.db, linked.id) : [];
  const paragraphs = a.bodyText.split('\n').map((l) => l.trim()).filter(Boolean);
  const body = html`<nav aria-label="位置" class="meta"><a href="/portal/gazette">政府公报</a> › <a href="${issueUrl(a)}">${a.issueLabel}</a></nav>
<h1>${a.title}</h1>
<table><caption class="meta" style="text-align:left">文件信息</caption><tbody>
<tr><th scope="row" style="width:7em">标题</th><td>${a.title}</td></tr>
<tr><th scope="row">文号</th><td>${a.docNumber ?? '—'}</td></tr>
<tr><th scope="row">发文机关</th><td>${a.issuingBody}</td></tr>
<tr><th scope="row">公报期号</th><td><a href="${issueUrl(a)}">${a.issueLabel}</a></td></tr>
<tr><th scope="row">发布日期</th><td>${a.publishedOn ?? '—'}</td></tr>
<tr><th scope="row">主题分类</th><td>${a.topic ?? svc.UNCLASSIFIED_TOPIC}</td></tr>
<tr><th scope="row">栏目</th><td>${a.category}</td></tr>
</tbody></table>
<h2>正文</h2>
<div>${paragraphs.length ? paragraphs.map((p) => html`<p>${p}</p>`) : html`<p class="meta">（本文件无正文文本）</p>`}</div>
${linked ? html`<h2>相关链接</h2><ul><li><a href="/portal/publications/${linked.id}">在政府信息公开平台查看本文件</a></li>
${interpretations.map((i) => html`<li>政策解读：<a href="${i.url}">${i.title}</a>（${i.formLabel}${i.publishedOn ? `，${i.publishedOn}` : ''}）</li>`)}</ul>` : ''}`;
  return send(reply, page(a.title, body));
}

/** Registers /portal/gazette, /portal/gazette/:year/:number and /portal/gazette/articles/:id. */
export async function gazettePages(app: FastifyInstance): Promise<void> {
  app.get('/portal/gazette', { schema: { hide: true } }, async (request, reply) => homePage(app, request.query as Query, reply));
  app.get<{ Params: { id: string } }>('/portal/gazette/articles/:id', { schema: { hide: true } }, async (request, reply) => articlePage(app, request.params.id, reply));
  app.get<{ Params: { year: string; number: string } }>('/portal/gazette/:year/:number', { schema: { hide: true } }, async (request, reply) =>
    issuePage(app, request.params.year, request.params.number, reply));
}
