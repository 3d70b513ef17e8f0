/**
 * Reply letters (告知书) as .docx from editable templates, one per outcome family: the legal basis
 * and the applicant's remedies (行政复议 within 60 days, 《行政复议法》第二十条; 行政诉讼 within six
 * months, 《行政诉讼法》第四十六条) filled in, the provided documents listed as attachments.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Db } from '../../db/create-db.ts';
import { now } from '../../db/portable.ts';
import { isOfficeLike, type Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { OUTCOME_BY_CODE, type ReplyOutcome } from './domain/outcomes.ts';
import { getRequestSettings } from './request-settings.ts';
import * as repo from './requests.repository.ts';
import { loadForLetter } from './requests.service.ts';

export type LetterFamily = ReplyOutcome['letter'];

const COMMON_TAIL = `依据：{法律依据}。
如对本答复不服，可以在收到本告知书之日起六十日内向{复议机关}申请行政复议，或者在六个月内向{人民法院}提起行政诉讼。
{附件}`;

/** The default templates; the office may edit each. Placeholders in 「{…}」 are filled from the case. */
export const DEFAULT_TEMPLATES: Record<LetterFamily, { title: string; body: string }> = {
  disclose: { title: '政府信息公开申请答复书（予以公开）', body: `{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（登记号：{登记号}），申请获取“{申请内容}”。经审查，您申请获取的政府信息属于公开范围，现答复如下：\n{答复内容}\n${COMMON_TAIL}` },
  partial: { title: '政府信息公开申请答复书（部分公开）', body: `{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（登记号：{登记号}），申请获取“{申请内容}”。经审查，您申请获取的政府信息中部分内容可以公开，现答复如下：\n{答复内容}\n${COMMON_TAIL}` },
  withhold: { title: '政府信息不予公开告知书', body: `{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（登记号：{登记号}），申请获取“{申请内容}”。经审查，您申请获取的政府信息{答复类型}，不予公开，理由如下：\n{答复内容}\n${COMMON_TAIL}` },
  unable: { title: '政府信息无法提供告知书', body: `{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（登记号：{登记号}），申请获取“{申请内容}”。经审查，{答复类型}，现告知如下：\n{答复内容}\n${COMMON_TAIL}` },
  noAction: { title: '政府信息公开申请不予处理告知书', body: `{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（登记号：{登记号}），申请获取“{申请内容}”。经审查，您的申请属于{答复类型}情形，本机关不予处理，现告知如下：\n{答复内容}\n${COMMON_TAIL}` },
  other: { title: '政府信息公开申请处理告知书', body: `{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（登记号：{登记号}），申请获取“{申请内容}”。现告知如下：\n{答复内容}\n${COMMON_TAIL}` },
};

export const LETTER_FAMILIES = Object.keys(DEFAULT_TEMPLATES) as LetterFamily[];

export async function getTemplate(db: Db, family: LetterFamily): Promise<{ letter: LetterFamily; title: string; body: string; isDefault: boolean }> {
  const row = await repo.findTemplate(db, family);
  return row ? { letter: family, title: row.title, body: row.body, isDefault: false } : { letter: family, ...DEFAULT_TEMPLATES[family], isDefault: true };
}

/** A template, for any signed-in user. */
export async function readTemplate(db: Db, actor: Actor, family: LetterFamily) {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  return getTemplate(db, family);
}

/** The office edits a template; the placeholders it must keep are checked. */
export async function setTemplate(db: Db, actor: Actor, family: string, input: { title: string; body: string }) {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!isOfficeLike(actor)) throw new ForbiddenError('TEMPLATE_FORBIDDEN', '只有政务公开办可以修改告知书模板');
  if (!(LETTER_FAMILIES as string[]).includes(family)) throw new ValidationError('TEMPLATE_UNKNOWN', `没有这类告知书：${family}`);
  for (const p of ['{答复内容}', '{复议机关}', '{人民法院}']) if (!input.body.includes(p)) throw new ValidationError('TEMPLATE_MISSING_PLACEHOLDER', `模板须保留 ${p}（答复内容和救济途径不能缺少）`);
  const before = await getTemplate(db, family as LetterFamily);
  await db.transaction().execute(async (trx) => {
    await repo.upsertTemplate(trx, { letter: family, title: input.title.trim(), body: input.body, updatedAt: now() });
    await recordAudit(trx, actor, { action: 'set_reply_template', resourceType: 'replyTemplate', resourceId: family, before, after: input });
  });
  return getTemplate(db, family as LetterFamily);
}

function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** Fills a template with a case's values. */
export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{([^{}]+)\}/g, (m, k: string) => values[k] ?? m);
}

/** The reply letter of a request with a drafted (or delivered) reply, as .docx. */
export async function buildReplyLetter(db: Db, actor: Actor, id: number): Promise<{ fileName: string; bytes: Buffer }> {
  const { request: r, unit, documents } = await loadForLetter(db, actor, id);
  if (!r.outcome) throw new ConflictError('REQUEST_NO_REPLY', '尚未拟办答复，不能生成告知书');
  const outcome = OUTCOME_BY_CODE.get(r.outcome)!;
  const tpl = await getTemplate(db, outcome.letter);
  const settings = await getRequestSettings(db);
  const provided = documents.filter((d) => d.kind === 'provided');
  const text = fillTemplate(tpl.body, {
    申请人: r.applicantName, 收到日期: r.receivedOn ? chineseDate(r.receivedOn) : chineseDate(r.arrivedOn), 登记号: r.regNumber, 申请内容: r.description,
    答复内容: r.replyText ?? '', 答复类型: outcome.label.replace(/^\d+\./, ''), 法律依据: outcome.basis,
    复议机关: settings.reconsiderationBody, 人民法院: settings.court,
    附件: provided.length ? `附件：${provided.map((d, i) => `${i + 1}.${d.fileName}`).join('；')}` : '',
  });
  const font = { font: 'FangSong', size: 32 };
  const doc = new Document({
    creator: 'Gongkai', title: tpl.title,
    sections: [{
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: tpl.title, bold: true, font: 'SimSun', size: 40 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: r.regNumber, ...font })] }),
        ...text.split('\n').filter((l, i, all) => l.trim() || i < all.length - 1).map((line, i) =>
          new Paragraph({ indent: i === 0 ? undefined : { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text: line, ...font })] })),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600 }, children: [new TextRun({ text: unit?.name ?? '', ...font })] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: chineseDate(r.repliedOn ?? today()), ...font })] }),
      ],
    }],
  });
  return { fileName: `${tpl.title}-${r.regNumber}.docx`, bytes: Buffer.from(await Packer.toBuffer(doc)) };
}
