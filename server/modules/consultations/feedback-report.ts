/**
 * 意见采纳情况反馈: the feedback report a unit publishes after a consultation. Generated from the
 * comments, never typed by hand: how many comments were received and published, how many were adopted,
 * partly adopted or not adopted, and each published comment with its disposition and the reason —
 * without the commenters' names or contacts. An introduction written by the unit (sanitised rich
 * text) may head it. Every value is escaped; comments are plain text.
 */
import { html, SafeHtml } from '../../platform/html.ts';
import { DISPOSITIONS, type Disposition } from './consultations.states.ts';

export interface FeedbackCounts {
  received: number;
  approved: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
}

export interface FeedbackInput {
  title: string;
  unitName: string;
  opensOn: string;
  closesOn: string;
  /** the day the report is published (Beijing date) */
  publishedOn: string;
  /** sanitised HTML (sanitizeRichText), or empty */
  introductionHtml: string;
  counts: FeedbackCounts;
  /** the approved comments, in the order received */
  comments: { text: string; disposition: Disposition; reason: string | null }[];
}

/** 2020-07-30 → 2020年7月30日 */
export function chineseDate(d: string): string {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}

/** Plain text as escaped paragraphs (line breaks kept). */
export function paragraphs(text: string): SafeHtml {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  return html`${lines.map((l) => html`<p>${l}</p>`)}`;
}

/** Sanitised rich text placed under a page's h2: its own headings (h2–h4) move one level down. */
export function demoteHeadings(sanitised: string): string {
  return sanitised.replace(/<(\/?)h([2-4])(?=[\s>])/gi, (_m, slash: string, n: string) => `<${slash}h${Number(n) + 1}`);
}

export function renderFeedbackReport(r: FeedbackInput): string {
  const c = r.counts;
  const intro = r.introductionHtml.trim() ? html`<div class="intro">${new SafeHtml(demoteHeadings(r.introductionHtml))}</div>` : '';
  return html`<section class="feedback-report">
<h2>《${r.title}》意见采纳情况反馈</h2>
${intro}
<p>${r.unitName}于${chineseDate(r.opensOn)}至${chineseDate(r.closesOn)}就《${r.title}》公开征求社会公众意见。征求意见期间共收到意见${c.received}条，经审核公开${c.approved}条；其中采纳${c.adopted}条，部分采纳${c.partlyAdopted}条，不采纳${c.notAdopted}条。${c.approved ? '具体情况如下：' : ''}</p>
<table><caption>意见采纳情况统计</caption>
<thead><tr><th scope="col">收到意见</th><th scope="col">公开意见</th><th scope="col">采纳</th><th scope="col">部分采纳</th><th scope="col">不采纳</th></tr></thead>
<tbody><tr><td>${c.received}</td><td>${c.approved}</td><td>${c.adopted}</td><td>${c.partlyAdopted}</td><td>${c.notAdopted}</td></tr></tbody></table>
${r.comments.length ? html`<ol class="feedback-comments">${r.comments.map((x) => html`<li>
<blockquote>${paragraphs(x.text)}</blockquote>
<p><strong>处理情况：</strong>${DISPOSITIONS[x.disposition]}${x.reason ? html`。<strong>理由说明：</strong>${x.reason}` : ''}</p>
</li>`)}</ol>` : ''}
<p class="meta">${r.unitName} ${chineseDate(r.publishedOn)}</p>
</section>`.html;
}
