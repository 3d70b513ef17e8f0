/**
 * Public pages for applicants (server-rendered, work without JavaScript): the online application
 * form 《政府信息公开申请表》 and the progress tracking page, where a requested correction can be
 * submitted. Values are escaped; errors are shown in Chinese above the form, nothing typed is lost.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../../platform/html.ts';
import { page } from '../../platform/site.ts';
import { AppError } from '../../platform/errors.ts';
import { APPLICANT_KINDS } from './domain/outcomes.ts';
import { DELIVERY_WANTED, FORMS_WANTED, submitCorrectionByApplicant, submitOnlineApplication, trackRequest, type TrackingView } from './requests.service.ts';

type Form = Record<string, string>;

function field(label: string, name: string, v: Form, opts: { required?: boolean; type?: string; hint?: string } = {}): SafeHtml {
  return html`<p><label for="f-${name}">${label}${opts.required ? html`<span aria-hidden="true"> *</span>` : ''}</label><br>
<input id="f-${name}" name="${name}" type="${opts.type ?? 'text'}" value="${v[name] ?? ''}"${opts.required ? html` required aria-required="true"` : ''} style="width:100%;max-width:32rem;padding:.4rem">
${opts.hint ? html`<br><small class="meta">${opts.hint}</small>` : ''}</p>`;
}

function select(label: string, name: string, options: Record<string, string>, v: Form): SafeHtml {
  return html`<p><label for="f-${name}">${label}</label><br><select id="f-${name}" name="${name}" style="padding:.4rem">
${Object.entries(options).map(([k, l]) => html`<option value="${k}"${v[name] === k ? html` selected` : ''}>${l}</option>`)}</select></p>`;
}

function applyForm(v: Form, error?: string): string {
  return page('政府信息公开申请', html`<h1>政府信息公开申请</h1>
<p class="meta">依据《中华人民共和国政府信息公开条例》第二十九条，请如实填写申请人信息、所需信息的描述和获取方式。带 * 的为必填项。我们会与您确认收到申请的日期，答复期限自该日起计算。</p>
${error ? html`<div role="alert" class="task" style="border-color:#a00000;color:#a00000"><strong>提交未成功：</strong>${error}</div>` : ''}
<form method="post" action="/apply">
<fieldset><legend>申请人信息</legend>
${select('申请人类型', 'applicantKind', APPLICANT_KINDS, v)}
${field('姓名或名称', 'applicantName', v, { required: true })}
${select('证件类型（自然人）', 'idType', { idCard: '居民身份证', passport: '护照', other: '其他' }, v)}
${field('证件号码（自然人）', 'idNumber', v, { hint: '18位居民身份证号码将校验其校验位' })}
${field('统一社会信用代码（法人或其他组织）', 'creditCode', v)}
${field('法定代表人或负责人（法人或其他组织）', 'legalRepresentative', v)}
${field('联系人', 'contactPerson', v)}
${field('联系电话', 'phone', v, { type: 'tel', hint: '电话与电子邮箱至少填一项，查询进度时使用' })}
${field('电子邮箱', 'email', v, { type: 'email' })}
${field('通信地址', 'address', v)}
</fieldset>
<fieldset><legend>所需信息</legend>
<p><label for="f-description">所需政府信息的名称、文号或者便于查询的其他特征性描述 *</label><br>
<textarea id="f-description" name="description" rows="6" required aria-required="true" style="width:100%;max-width:32rem">${v.description ?? ''}</textarea></p>
${select('获取信息的形式', 'formWanted', FORMS_WANTED, v)}
${select('获取信息的方式', 'deliveryWanted', DELIVERY_WANTED, v)}
</fieldset>
<p><button type="submit" style="padding:.5rem 1.5rem;font-size:1rem">提交申请</button></p>
</form>
<p><a href="/track">查询已提交申请的办理进度</a></p>`);
}

function trackForm(v: Form, error?: string): string {
  return page('申请进度查询', html`<h1>政府信息公开申请进度查询</h1>
${error ? html`<div role="alert" class="task" style="border-color:#a00000;color:#a00000">${error}</div>` : ''}
<form method="post" action="/track">
${field('登记号', 'regNumber', v, { required: true })}
${field('申请时填写的电话或电子邮箱', 'contact', v, { required: true })}
<p><button type="submit" style="padding:.5rem 1.5rem">查询</button></p></form>`);
}

function trackResult(t: TrackingView, v: Form, notice?: string): string {
  return page(`申请进度 ${t.regNumber}`, html`<h1>申请进度</h1>
${notice ? html`<div role="status" class="task">${notice}</div>` : ''}
<table><caption class="meta">登记号 ${t.regNumber}</caption><tbody>
<tr><th scope="row">当前状态</th><td>${t.stateLabel}</td></tr>
<tr><th scope="row">提交日期</th><td>${t.arrivedOn}</td></tr>
<tr><th scope="row">收到申请之日</th><td>${t.receivedOn ?? '待确认'}</td></tr>
<tr><th scope="row">答复期限</th><td>${t.dueOn ?? (t.awaitingCorrection ? '收到补正之日起重新计算' : '—')}</td></tr>
<tr><th scope="row">答复日期</th><td>${t.repliedOn ?? '—'}</td></tr>
</tbody></table>
<h2>办理经过</h2><ol>${t.steps.map((s) => html`<li>${s.onDate} ${s.label}</li>`)}</ol>
${t.awaitingCorrection ? html`<h2>请补正申请</h2>
<p>需要补正的事项：</p><blockquote>${t.awaitingCorrection.items}</blockquote><p>补正期限：${t.awaitingCorrection.correctionDueOn}</p>
<form method="post" action="/track/correction">
<input type="hidden" name="regNumber" value="${v.regNumber ?? ''}"><input type="hidden" name="contact" value="${v.contact ?? ''}">
<p><label for="f-text">补正内容</label><br><textarea id="f-text" name="text" rows="5" required style="width:100%;max-width:32rem"></textarea></p>
<p><button type="submit" style="padding:.5rem 1.5rem">提交补正</button></p></form>` : ''}
<p><a href="/track">查询其他申请</a></p>`);
}

function send(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

export async function requestsPages(app: FastifyInstance): Promise<void> {
  const limited = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { hide: true } };
  app.get('/apply', { schema: { hide: true } }, async (_req, reply) => send(reply, applyForm({ applicantKind: 'person', formWanted: 'electronic', deliveryWanted: 'email' })));
  app.post('/apply', limited, async (request, reply) => {
    const v = (request.body ?? {}) as Form;
    try {
      const r = await submitOnlineApplication(app.db, {
        applicantKind: v.applicantKind ?? '', applicantName: v.applicantName ?? '', idType: v.idType, idNumber: v.idNumber, creditCode: v.creditCode,
        legalRepresentative: v.legalRepresentative, contactPerson: v.contactPerson, phone: v.phone, email: v.email, address: v.address,
        description: v.description ?? '', formWanted: v.formWanted ?? '', deliveryWanted: v.deliveryWanted ?? '',
      }, { ip: request.ip });
      return send(reply, page('申请已提交', html`<h1>申请已提交</h1>
<p>您的申请登记号为：<strong>${r.regNumber}</strong>（提交日期 ${r.arrivedOn}）。请记下登记号，凭登记号和您填写的电话或电子邮箱<a href="/track">查询办理进度</a>。</p>
<p class="meta">我们将与您确认收到申请的日期，答复期限自收到申请之日起计算（《中华人民共和国政府信息公开条例》第三十一条、第三十三条）。</p>`), 201);
    } catch (e) {
      if (e instanceof AppError && e.statusCode < 500) return send(reply, applyForm(v, e.message), e.statusCode);
      throw e;
    }
  });
  app.get('/track', { schema: { hide: true } }, async (_req, reply) => send(reply, trackForm({})));
  app.post('/track', limited, async (request, reply) => {
    const v = (request.body ?? {}) as Form;
    try {
      return send(reply, trackResult(await trackRequest(app.db, v.regNumber ?? '', v.contact ?? ''), v));
    } catch (e) {
      if (e instanceof AppError && e.statusCode < 500) return send(reply, trackForm(v, e.message), e.statusCode);
      throw e;
    }
  });
  app.post('/track/correction', limited, async (request, reply) => {
    const v = (request.body ?? {}) as Form;
    try {
      const t = await submitCorrectionByApplicant(app.db, { regNumber: v.regNumber ?? '', contact: v.contact ?? '', text: v.text ?? '' }, { ip: request.ip });
      return send(reply, trackResult(t, v, '补正已提交，答复期限自收到补正之日起重新计算。'));
    } catch (e) {
      if (e instanceof AppError && e.statusCode < 500) return send(reply, trackForm(v, e.message), e.statusCode);
      throw e;
    }
  });
}
