/**
 * Public interpretation pages (server-rendered, no JavaScript, readable on a phone; values escaped,
 * bodies are sanitised HTML): the list with paging and filters by unit, form and year, the yearly
 * 第一解读人 table, and one interpretation with the policy it explains. Only published
 * interpretations are shown, whoever is logged in.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { anonymous } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { html, SafeHtml } from '../../platform/html.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import { page } from '../../platform/site.ts';
import { FORM_KEYS, INTERPRETATION_FORMS, LEAD_INTERPRETER_TARGET, publicationUrl, type InterpretationForm } from './interpretations.constants.ts';
import type { InterpretationView } from './interpretations.presenter.ts';
import * as svc from './interpretations.service.ts';

type Query = Record<string, unknown>;

const PAGE_SIZE = 20;

function send(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

function notFound(reply: FastifyReply) {
  return send(reply, page('未找到', html`<h1>未找到</h1><p>该政策解读不存在或尚未发布。</p><p><a href="/portal/interpretations">返回政策解读</a></p>`), 404);
}

function int(q: Query, key: string, min: number, max: number): number | undefined {
  const v = typeof q[key] === 'string' ? (q[key] as string).trim() : '';
  if (!/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

function href(params: Record<string, string | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `/portal/interpretations?${s}` : '/portal/interpretations';
}

function interpreter(i: InterpretationView): string {
  return i.interpreterTitle ? `${i.interpreterName}（${i.interpreterTitle}）` : i.interpreterName;
}

function item(i: InterpretationView): SafeHtml {
  return html`<li class="task"><p><a href="${i.url}">${i.title}</a></p>
<p class="meta"><span class="badge s-notStarted">${i.formLabel}</span> ${i.unitName} · 解读人：${interpreter(i)}${i.byUnitHead ? html` · <strong>第一解读人</strong>` : ''}${i.publishedOn ? html` · ${i.publishedOn}` : ''}</p>
${i.publication ? html`<p class="meta">解读：<a href="${i.publication.url}">${i.publication.title}</a>${i.publication.docNumber ? html`（${i.publication.docNumber}）` : ''}</p>` : ''}</li>`;
}

function select(label: string, name: string, options: { value: string | number; label: string }[], current: string | number | undefined): SafeHtml {
  return html`<p style="display:inline-block;margin:.3rem 1rem .3rem 0"><label for="i-${name}">${label}</label><br>
<select id="i-${name}" name="${name}" style="padding:.4rem;max-width:100%"><option value="">全部</option>
${options.map((o) => html`<option value="${o.value}"${String(o.value) === String(current ?? '') ? html` selected` : ''}>${o.label}</option>`)}</select></p>`;
}

async function listPage(app: FastifyInstance, q: Query, reply: FastifyReply) {
  const unitId = int(q, 'unitId', 1, 1e9);
  const formRaw = typeof q.form === 'string' ? q.form : '';
  const form = (FORM_KEYS as string[]).includes(formRaw) ? (formRaw as InterpretationForm) : undefined;
  const year = int(q, 'year', 1949, 2100);
  const pageNo = int(q, 'page', 1, 10000) ?? 1;
  const options = await svc.publicFilterOptions(app.db);
  const statsYear = year ?? options.years[0] ?? Number(today().slice(0, 4));
  const [list, stats] = await Promise.all([
    svc.listInterpretations(app.db, anonymous, { unitId, form, year, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
    svc.leadInterpreterStats(app.db, statsYear),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const current = { unitId, form, year };
  const body = html`<h1>政策解读</h1>
<p class="meta">对已发布政策文件的解读，形式有文字、图解、问答和音视频。各单位主要负责人是本单位政策的第一解读人，每年至少解读 ${LEAD_INTERPRETER_TARGET} 次。</p>
<form method="get" action="/portal/interpretations" aria-label="筛选政策解读">
${select('解读单位', 'unitId', options.units.map((u) => ({ value: u.id, label: u.name })), unitId)}
${select('解读形式', 'form', FORM_KEYS.map((f) => ({ value: f, label: INTERPRETATION_FORMS[f] })), form)}
${select('年份', 'year', options.years.map((y) => ({ value: y, label: `${y}年` })), year)}
<p><button type="submit" style="padding:.5rem 1.5rem">筛选</button>${unitId || form || year ? html` <a href="/portal/interpretations">清除条件</a>` : ''}</p>
</form>
<p role="status">共 ${list.total} 篇政策解读。</p>
${list.items.length ? html`<ol style="list-style:none;padding:0">${list.items.map(item)}</ol>` : html`<p>没有符合条件的政策解读。</p>`}
${pages > 1 ? html`<nav aria-label="分页" style="margin:1rem 0">${pageNo > 1 ? html`<a rel="prev" href="${href({ ...current, page: pageNo - 1 })}">上一页</a> ` : ''}<span>第 ${pageNo} / ${pages} 页</span>${pageNo < pages ? html` <a rel="next" href="${href({ ...current, page: pageNo + 1 })}">下一页</a>` : ''}</nav>` : ''}
<section aria-labelledby="lead-h"><h2 id="lead-h">第一解读人解读情况（${stats.year}年）</h2>
<p class="meta">单位主要负责人每年至少解读 ${stats.target} 次。${stats.year}年已达标 ${stats.metUnits} 个单位，共列出 ${stats.items.length} 个单位。</p>
<table><caption class="meta" style="text-align:left">${stats.year}年各单位主要负责人解读次数</caption>
<thead><tr><th scope="col">单位</th><th scope="col">解读次数</th><th scope="col">是否达标</th></tr></thead>
<tbody>${stats.items.map((r) => html`<tr><th scope="row" style="font-weight:400;background:none">${r.unitName}</th><td>${r.count}</td><td>${r.met ? '已达标' : `未达标（还差 ${stats.target - r.count} 次）`}</td></tr>`)}</tbody></table>
</section>`;
  return send(reply, page('政策解读', body));
}

async function detailPage(app: FastifyInstance, idRaw: string, reply: FastifyReply) {
  if (!/^\d{1,9}$/.test(idRaw)) return notFound(reply);
  let i;
  try {
    i = await svc.getInterpretation(app.db, anonymous, Number(idRaw));
  } catch (e) {
    if (e instanceof AppError && e.statusCode === 404) return notFound(reply);
    throw e;
  }
  // stored sanitised; sanitised again on the way out so an old or hand-edited row cannot run script
  const bodyHtml = new SafeHtml(sanitizeRichText(i.bodyHtml).html);
  const body = html`<nav aria-label="位置" class="meta"><a href="/portal/interpretations">政策解读</a></nav>
<h1>${i.title}</h1>
<table><caption class="meta" style="text-align:left">解读信息</caption><tbody>
<tr><th scope="row" style="width:7em">解读形式</th><td>${i.formLabel}</td></tr>
<tr><th scope="row">解读单位</th><td>${i.unitName}</td></tr>
<tr><th scope="row">解读人</th><td>${interpreter(i)}</td></tr>
<tr><th scope="row">第一解读人</th><td>${i.byUnitHead ? '是（单位主要负责人解读）' : '否'}</td></tr>
<tr><th scope="row">发布日期</th><td>${i.publishedOn ?? '—'}</td></tr>
<tr><th scope="row">解读的政策</th><td>${i.publication
    ? html`<a href="${i.publication.url}">${i.publication.title}</a>${i.publication.docNumber ? html`（${i.publication.docNumber}）` : ''}`
    : html`该政策文件目前未公开`}</td></tr>
</tbody></table>
<h2>解读内容</h2>
${i.mediaUrl ? html`<p><a href="${i.mediaUrl}" rel="noopener noreferrer">${i.form === 'media' ? '观看或收听音视频解读' : '查看相关媒体'}</a>（外部链接）</p>` : ''}
<div>${i.bodyHtml ? bodyHtml : i.form === 'media' ? '' : html`<p class="meta">（无正文）</p>`}</div>
${i.publication ? html`<p><a href="${publicationUrl(i.publicationId)}">查看政策原文</a></p>` : ''}`;
  return send(reply, page(i.title, body));
}

/** Registers /portal/interpretations and /portal/interpretations/:id. */
export async function interpretationsPages(app: FastifyInstance): Promise<void> {
  app.get('/portal/interpretations', { schema: { hide: true } }, async (request, reply) => listPage(app, request.query as Query, reply));
  app.get<{ Params: { id: string } }>('/portal/interpretations/:id', { schema: { hide: true } }, async (request, reply) => detailPage(app, request.params.id, reply));
}
