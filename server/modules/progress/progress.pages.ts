/**
 * Public progress pages (server-rendered HTML, no JavaScript): the published lists, a list's
 * progress by section and task, a unit's tasks. Rendered pages go through the response cache (platform/response-cache.ts), revalidated by a cheap
 * fingerprint of the data they show, so they stay fast under load and are never stale.
 */
import type { FastifyInstance } from 'fastify';
import { ResponseCache } from '../../platform/response-cache.ts';
import { Type } from 'typebox';
import { html, type SafeHtml } from '../../platform/html.ts';
import { page, SITE_CSS } from '../../platform/site.ts';
import { today } from '../../platform/clock.ts';
import { publicProgress, publicUnitProgress, publishedLists, type PublicTask } from './public-progress.ts';
import { progressVersion } from './progress.repository.ts';

function taskCard(t: PublicTask, listId: number): SafeHtml {
  return html`<article class="task" id="task-${t.seq}">
<h3>${t.seq}. <span class="badge s-${t.status}">${t.statusLabel}</span></h3>
<p>${t.text}</p>
<p class="meta">牵头单位：${t.leadUnits.join('、') || '—'}${t.eachLeads ? '（分别负责）' : ''} · 完成时限：${t.deadlineText ?? (t.dueDate ? `${t.dueDate.slice(0, 4)}年底前` : '—')}</p>
<p class="progress">责任单位 ${t.units} 个，本期已审核通过 ${t.accepted} 个，已完成 ${t.completed} 个</p>
${t.summaries.map((s) => html`<blockquote><p>${s.text}</p><p class="meta"><a href="/progress/lists/${listId}/units/${s.unitId}">${s.unitName}</a> · ${s.date}</p></blockquote>`)}
</article>`;
}

/** Registers the public pages and the site stylesheet. */
export async function progressPages(app: FastifyInstance): Promise<void> {
  const cache = new ResponseCache();
  const version = async (listId: number) => `${today()}|${await progressVersion(app.db, listId)}`;
  app.get('/assets/site.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS));

  app.get('/progress', { schema: { hide: true } }, async (_request, reply) => {
    const lists = await publishedLists(app.db);
    return reply.type('text/html; charset=utf-8').send(page('重点工作落实情况', html`<h1>重点工作落实情况</h1>
${lists.length ? html`<ul>${lists.map((l) => html`<li><a href="/progress/lists/${l.id}">${l.title}</a>（${l.year}年，${l.taskCount}项任务）</li>`)}</ul>` : html`<p>暂无已发布的清单。</p>`}`));
  });

  const ListParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
  app.get<{ Params: { id: number } }>('/progress/lists/:id', { schema: { hide: true, params: ListParams } }, async (request, reply) => {
    const listId = request.params.id;
    return cache.send(request, reply, { key: `list:${listId}`, version: await version(listId), contentType: 'text/html; charset=utf-8', render: async () => {
      const p = await publicProgress(app.db, listId);
      const sections = p.list.sections;
      const tasksOf = (sectionId: number | null, subsectionId: number | null) => p.tasks.filter((t) => t.sectionId === sectionId && t.subsectionId === subsectionId);
      const body = html`<h1>${p.list.title}</h1>
<p class="meta">${p.list.notice?.docNumber ?? ''} ${p.list.notice?.issuer ?? ''} ${p.list.notice?.issuedOn ?? ''} · 统计截至 ${p.asOf}${p.periodLabel ? ` · 当前报送期：${p.periodLabel}` : ''}</p>
<ul class="summary" aria-label="总体情况"><li><strong>${p.totals.tasks}</strong>项任务</li><li><strong>${p.totals.completed}</strong>项已完成</li><li><strong>${p.totals.overdue}</strong>项有逾期</li><li><strong>${p.units.length}</strong>个单位</li></ul>
${tasksOf(null, null).map((t) => taskCard(t, listId))}
${sections.filter((s) => s.level === 1).map((s) => html`<section aria-labelledby="s-${s.id}"><h2 id="s-${s.id}">${s.numeral}、${s.title}</h2>
${tasksOf(s.id, null).map((t) => taskCard(t, listId))}
${sections.filter((sub) => sub.parentId === s.id).map((sub) => html`<h3>（${sub.numeral}）${sub.title}</h3>${tasksOf(s.id, sub.id).map((t) => taskCard(t, listId))}`)}
</section>`)}
<h2>各单位落实情况</h2>
<ul>${p.units.map((u) => html`<li><a href="/progress/lists/${listId}/units/${u.id}">${u.name}</a></li>`)}</ul>`;
      return page(p.list.title, body);
    } });
  });

  app.get<{ Params: { id: number; unitId: number } }>('/progress/lists/:id/units/:unitId', {
    schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }), unitId: Type.Integer({ minimum: 1 }) }) },
  }, async (request, reply) => {
    const { id: listId, unitId } = request.params;
    return cache.send(request, reply, { key: `unit:${listId}:${unitId}`, version: await version(listId), contentType: 'text/html; charset=utf-8', render: async () => {
      const p = await publicUnitProgress(app.db, listId, unitId);
      return page(`${p.unit.name} · ${p.list.title}`, html`<p><a href="/progress/lists/${listId}">← ${p.list.title}</a></p>
<h1>${p.unit.name}</h1>
<table><caption class="meta">${p.unit.name}在本清单中的任务</caption>
<thead><tr><th scope="col">序号</th><th scope="col">重点工作</th><th scope="col">角色</th><th scope="col">本期状态</th><th scope="col">完成情况</th><th scope="col">公开的进展</th></tr></thead>
<tbody>${p.rows.map((r) => html`<tr><td><a href="/progress/lists/${listId}#task-${r.seq}">${r.seq}</a></td><td>${r.text}</td><td>${r.role}</td><td>${r.statusLabel}</td><td>${r.finalStateLabel}</td><td>${r.summary ?? '—'}</td></tr>`)}</tbody></table>`);
    } });
  });
}
