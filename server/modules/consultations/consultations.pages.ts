/**
 * Public pages (server-rendered, no JavaScript, readable on a phone): the year's published
 * 重大行政决策事项目录 with each decision's stage; the consultations, open and past; a consultation's
 * page with the draft, its 起草说明, the period and days left, and the comment form (POSTed to the
 * same page: a Chinese error above the form, everything typed kept); after the period the approved
 * comments, and the link to the feedback report once published. Pages always show the public view,
 * whoever is logged in: no drafts, no names or contacts. Every value is escaped.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymous } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { html, SafeHtml } from '../../platform/html.ts';
import { page } from '../../platform/site.ts';
import { today } from '../../platform/clock.ts';
import { chineseDate, demoteHeadings, paragraphs } from './feedback-report.ts';
import { getConsultation, listComments, listConsultations, submitComment } from './consultations.service.ts';
import { listDecisionItems, listDecisionYears } from './decisions.service.ts';
import type { CommentView, ConsultationDetail, ConsultationSummary } from './consultations.presenter.ts';
import { commentRateLimit } from './consultations.routes.ts';
import { COMMENT_MAX_CHARS, DECISION_STAGE_ORDER, DECISION_STAGES, DEFAULT_PERIOD_DAYS, stageStep } from './consultations.states.ts';

type Form = Record<string, string>;

const nav = html`<nav aria-label="公众参与" class="meta"><a href="/portal/decisions">重大行政决策事项目录</a> <span aria-hidden="true">·</span> <a href="/portal/consultations">意见征集</a></nav>`;

function send(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

function notFound(reply: FastifyReply, what: string) {
  return send(reply, page('未找到', html`${nav}<h1>未找到</h1><p>${what}不存在或尚未公开。</p><p><a href="/portal/consultations">查看全部意见征集</a></p>`), 404);
}

function idParam(request: FastifyRequest): number | null {
  const raw = (request.params as { id?: string }).id ?? '';
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

// ---- 重大行政决策事项目录 ----

function stageTrail(stage: string): SafeHtml {
  return html`<ol class="stages" aria-label="决策进程" style="list-style:none;padding:0;margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.3rem .9rem">${DECISION_STAGE_ORDER.map((s) => {
    const step = stageStep(stage, s);
    const label = DECISION_STAGES[s];
    return step < 0 ? html`<li>${label}<span class="meta">（已完成）</span></li>`
      : step === 0 ? html`<li><strong aria-current="step">${label}（当前阶段）</strong></li>`
        : html`<li class="meta">${label}</li>`;
  })}</ol>`;
}

async function decisionsPage(app: FastifyInstance, yearQuery: string | undefined): Promise<{ status: number; body: string }> {
  const years = (await listDecisionYears(app.db, anonymous)).filter((y) => y.publishedItems > 0);
  if (!years.length) {
    return { status: 200, body: page('重大行政决策事项目录', html`${nav}<h1>重大行政决策事项目录</h1><p>暂无已公布的重大行政决策事项目录。</p>`) };
  }
  const wanted = yearQuery && /^\d{4}$/.test(yearQuery) ? Number(yearQuery) : years[0]!.year;
  if (!years.some((y) => y.year === wanted)) {
    return { status: 404, body: page('未找到', html`${nav}<h1>未找到</h1><p>${wanted}年重大行政决策事项目录尚未公布。</p><p><a href="/portal/decisions">查看最新目录</a></p>`) };
  }
  const items = await listDecisionItems(app.db, anonymous, { year: wanted });
  const byStage = DECISION_STAGE_ORDER.map((s) => ({ label: DECISION_STAGES[s], n: items.filter((i) => i.stage === s).length }));
  const title = `${wanted}年重大行政决策事项目录`;
  return {
    status: 200,
    body: page(title, html`${nav}
<h1>${title}</h1>
${years.length > 1 ? html`<p class="meta">其他年度：${years.filter((y) => y.year !== wanted).map((y) => html`<a href="/portal/decisions?year=${y.year}">${y.year}年</a> `)}</p>` : ''}
<ul class="summary" aria-label="各阶段事项数"><li><strong>${items.length}</strong>项决策事项</li>${byStage.map((s) => html`<li><strong>${s.n}</strong>项${s.label}</li>`)}</ul>
${items.map((d) => html`<article class="task" id="d-${d.id}">
<h2 style="border:0;margin:.2rem 0;font-size:1.1rem">${d.seq}. ${d.title}</h2>
<p><span class="badge s-inProgress">当前阶段：${d.stageLabel}</span></p>
${stageTrail(d.stage)}
<p>承办单位：${d.unitName}</p>
${d.basis ? html`<p>决策依据：${d.basis}</p>` : ''}
${d.plannedBy ? html`<p>计划完成时间：${d.plannedBy}</p>` : ''}
${d.consultations.length ? html`<p>意见征集：${d.consultations.map((c) => html`<a href="/portal/consultations/${c.id}">${c.title}</a>（${c.stateLabel}） `)}</p>` : ''}
</article>`)}`),
  };
}

// ---- 意见征集 ----

function summaryLine(c: ConsultationSummary): SafeHtml {
  return html`<li class="task"><a href="/portal/consultations/${c.id}"><strong>${c.title}</strong></a>
<p class="meta">${c.unitName} · 征求意见期限：${c.opensOn} 至 ${c.closesOn} · ${c.stateLabel}${c.daysLeft !== null ? `，剩余${c.daysLeft}天` : ''}${c.state === 'reported' ? html` · <a href="/portal/consultations/${c.id}/feedback">意见采纳情况反馈</a>` : ''}</p></li>`;
}

async function consultationsPage(app: FastifyInstance): Promise<string> {
  const all = await listConsultations(app.db, anonymous, {});
  const current = all.filter((c) => c.state === 'open');
  const past = all.filter((c) => c.state === 'closed' || c.state === 'reported');
  return page('意见征集', html`${nav}
<h1>意见征集</h1>
<p class="meta">重大行政决策、行政规范性文件等草案公开征求社会公众意见。征求意见期间，任何人无需登录即可提出意见；意见经审核后公开（不公开姓名和联系方式），征求意见结束后公布意见采纳情况。</p>
<h2>正在征求意见</h2>
${current.length ? html`<ul style="list-style:none;padding:0">${current.map(summaryLine)}</ul>` : html`<p>目前没有正在征求意见的草案。</p>`}
<h2>已结束</h2>
${past.length ? html`<ul style="list-style:none;padding:0">${past.map(summaryLine)}</ul>` : html`<p>暂无。</p>`}`);
}

function commentForm(c: ConsultationDetail, v: Form, outcome: { error?: string; notice?: string }): SafeHtml {
  return html`${outcome.error ? html`<div role="alert" id="form-error" class="task" style="border-color:#a00000;color:#a00000"><strong>提交未成功：</strong>${outcome.error}</div>` : ''}
${outcome.notice ? html`<div role="status" class="task" style="border-color:#1b5e20;color:#1b5e20">${outcome.notice}</div>` : ''}
<form method="post" action="/portal/consultations/${c.id}#comment">
<p><label for="f-text">意见内容（必填，不超过${COMMENT_MAX_CHARS}字）</label><br>
<textarea id="f-text" name="text" rows="8" maxlength="${COMMENT_MAX_CHARS}" required aria-required="true" aria-describedby="text-hint${outcome.error ? ' form-error' : ''}"${outcome.error ? html` aria-invalid="true"` : ''} style="width:100%;max-width:40rem;font:inherit;padding:.4rem">${v.text ?? ''}</textarea><br>
<small id="text-hint" class="meta">请直接输入文字（不支持网页格式）。意见经审核后，在征求意见结束后公开，不显示您的姓名和联系方式。</small></p>
<p><label for="f-name">姓名（选填）</label><br>
<input id="f-name" name="name" value="${v.name ?? ''}" maxlength="50" autocomplete="name" style="width:100%;max-width:20rem;padding:.4rem"></p>
<p><label for="f-contact">联系方式（选填，电话或电子邮箱）</label><br>
<input id="f-contact" name="contact" value="${v.contact ?? ''}" maxlength="100" autocomplete="email" aria-describedby="contact-hint" style="width:100%;max-width:20rem;padding:.4rem"><br>
<small id="contact-hint" class="meta">仅供起草单位就您的意见与您联系，不会公开，也不会提供给其他单位。</small></p>
<p><button type="submit" style="padding:.5rem 1.5rem;font-size:1rem">提交意见</button></p>
</form>`;
}

function publicComment(x: CommentView, n: number): SafeHtml {
  return html`<li class="task" id="comment-${x.id}"><h3 style="margin:.2rem 0;font-size:1rem">意见${n}<span class="meta">（${x.receivedOn}收到）</span></h3>
<blockquote>${paragraphs(x.text)}</blockquote>
${x.dispositionLabel ? html`<p><strong>处理情况：</strong>${x.dispositionLabel}${x.dispositionReason ? html`。<strong>理由说明：</strong>${x.dispositionReason}` : ''}</p>` : ''}</li>`;
}

async function consultationPage(app: FastifyInstance, id: number, v: Form, outcome: { error?: string; notice?: string } = {}): Promise<string | null> {
  let c: ConsultationDetail;
  try {
    c = await getConsultation(app.db, anonymous, id);
  } catch (e) {
    if (e instanceof AppError && e.statusCode === 404) return null;
    throw e;
  }
  const day = today();
  const comments = c.state === 'closed' || c.state === 'reported' ? (await listComments(app.db, anonymous, id)).items : [];
  const period = html`${chineseDate(c.opensOn)}至${chineseDate(c.closesOn)}（共${c.periodDays}日）`;
  let participation: SafeHtml;
  if (c.acceptingComments) {
    participation = html`<p>欢迎在${chineseDate(c.closesOn)}前提出意见${c.daysLeft === 1 ? '（今天截止）' : ''}。</p>${commentForm(c, v, outcome)}`;
  } else if (c.state === 'open' && day < c.opensOn) {
    participation = html`${outcome.error ? html`<div role="alert" class="task" style="border-color:#a00000;color:#a00000"><strong>提交未成功：</strong>${outcome.error}</div>` : ''}<p>征求意见将于${chineseDate(c.opensOn)}开始，届时可在本页提出意见。</p>`;
  } else {
    participation = html`${outcome.error ? html`<div role="alert" class="task" style="border-color:#a00000;color:#a00000"><strong>提交未成功：</strong>${outcome.error}</div>` : ''}<p>征求意见已于${chineseDate(c.closesOn)}结束，不再接受意见。感谢您的关注。</p>`;
  }
  return page(c.title, html`${nav}
<p><a href="/portal/consultations">← 全部意见征集</a></p>
<h1>${c.title}</h1>
<ul class="summary" aria-label="基本情况">
<li>起草单位<strong style="font-size:1rem">${c.unitName}</strong></li>
<li>征求意见期限<strong style="font-size:1rem">${period}</strong></li>
<li>状态<strong style="font-size:1rem">${c.stateLabel}</strong></li>
${c.daysLeft !== null ? html`<li>剩余天数<strong>${c.daysLeft}天</strong></li>` : ''}
</ul>
${c.decisionItem ? html`<p>本草案属于<a href="/portal/decisions?year=${c.decisionItem.year}#d-${c.decisionItem.id}">${c.decisionItem.year}年重大行政决策事项目录</a>第${c.decisionItem.seq}项：${c.decisionItem.title}</p>` : ''}
${c.state === 'reported' ? html`<p class="task"><strong>意见采纳情况反馈已发布：</strong><a href="/portal/consultations/${c.id}/feedback">查看《${c.title}》意见采纳情况反馈</a></p>` : ''}
${c.explanation ? html`<h2>起草说明</h2>${paragraphs(c.explanation)}` : ''}
<h2>征求意见稿</h2>
<div class="draft">${new SafeHtml(demoteHeadings(c.draftHtml))}</div>
<h2 id="comment">提出意见</h2>
${participation}
${c.state === 'closed' || c.state === 'reported' ? html`<h2>公开的意见</h2>
${comments.length ? html`<ol style="list-style:none;padding:0">${comments.map((x, i) => publicComment(x, i + 1))}</ol>` : html`<p>本次征求意见没有公开的意见。</p>`}` : ''}
<p class="meta">公开征求意见的期限一般不少于${DEFAULT_PERIOD_DAYS}日。意见经起草单位审核后公开，姓名、联系方式等个人信息不公开。</p>`);
}

async function feedbackPage(app: FastifyInstance, id: number): Promise<string | null> {
  let c: ConsultationDetail;
  try {
    c = await getConsultation(app.db, anonymous, id);
  } catch (e) {
    if (e instanceof AppError && e.statusCode === 404) return null;
    throw e;
  }
  if (c.state !== 'reported' || !c.feedbackHtml) return null;
  return page(`${c.title}意见采纳情况反馈`, html`${nav}
<p><a href="/portal/consultations/${c.id}">← 返回《${c.title}》</a></p>
<h1>意见采纳情况反馈</h1>
<p class="meta">${c.unitName} · 发布于 ${(c.feedbackPublishedAt ?? '').slice(0, 10)}</p>
${new SafeHtml(c.feedbackHtml)}`);
}

function formOf(request: FastifyRequest): Form {
  const b = request.body;
  if (!b || typeof b !== 'object') return {};
  const out: Form = {};
  for (const k of ['text', 'name', 'contact']) {
    const x = (b as Record<string, unknown>)[k];
    if (typeof x === 'string') out[k] = x;
  }
  return out;
}

export async function consultationsPages(app: FastifyInstance): Promise<void> {
  const hide = { schema: { hide: true } };

  // The comment form's own limit, checked after the body is read so a refused form keeps its text.
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    const id = idParam(request);
    if (err.statusCode === 429 && request.method === 'POST' && id !== null) {
      const body = await consultationPage(app, id, formOf(request), { error: err.message });
      if (body) return send(reply, body, 429);
    }
    throw err;
  });

  app.get<{ Querystring: { year?: string } }>('/portal/decisions', hide, async (request, reply) => {
    const r = await decisionsPage(app, request.query.year);
    return send(reply, r.body, r.status);
  });

  app.get('/portal/consultations', hide, async (_request, reply) => send(reply, await consultationsPage(app)));

  app.get('/portal/consultations/:id', hide, async (request, reply) => {
    const id = idParam(request);
    const body = id === null ? null : await consultationPage(app, id, {});
    return body ? send(reply, body) : notFound(reply, '该意见征集');
  });

  app.post('/portal/consultations/:id', { ...hide, config: { rateLimit: { ...commentRateLimit, hook: 'preHandler' as const } } }, async (request, reply) => {
    const id = idParam(request);
    if (id === null) return notFound(reply, '该意见征集');
    const v = formOf(request);
    try {
      await submitComment(app.db, id, { text: v.text ?? '', name: v.name, contact: v.contact }, { ip: request.ip });
    } catch (e) {
      if (e instanceof AppError && e.statusCode < 500) {
        const body = await consultationPage(app, id, v, { error: e.message });
        return body ? send(reply, body, e.statusCode) : notFound(reply, '该意见征集');
      }
      throw e;
    }
    const body = await consultationPage(app, id, {}, { notice: '您的意见已提交，感谢参与。意见经审核后将在征求意见结束后公开（不显示姓名和联系方式）。' });
    return send(reply, body!, 201);
  });

  app.get('/portal/consultations/:id/feedback', hide, async (request, reply) => {
    const id = idParam(request);
    const body = id === null ? null : await feedbackPage(app, id);
    return body ? send(reply, body) : notFound(reply, '该意见采纳情况反馈');
  });
}
