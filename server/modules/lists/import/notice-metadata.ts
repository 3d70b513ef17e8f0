/**
 * The notice's own data, read from the paragraphs before the list's table: 文号, title, issuer,
 * date of issue, the list's title and year.
 *
 * A typical preamble (the seed):
 *
 *   嘉政办发〔2020〕36号
 *   嘉兴市人民政府办公室关于印发2020年          ← the title may be split over lines
 *   嘉兴市政务公开重点工作责任清单的通知
 *   各县（市、区）人民政府，市级有关部门（单位）：
 *   为全面深入推进政务公开……
 *   附件：市级有关部门（单位）名单
 *   嘉兴市人民政府办公室                        ← signature (issuer)
 *   2020年7月2日                                ← date of issue
 *   （此件公开发布）
 *   2020年嘉兴市政务公开重点工作责任清单        ← the list's title, just above the table
 */
import { readDocNumber } from '../../../lib/doc-numbers.ts';
import type { ImportedNotice } from './import.types.ts';
import { isoDate, parseSmallNumber, squeezeCjkSpaces, toAsciiDigits } from './text-normalise.ts';

/** A non-empty line of text with its 1-based source line. */
export interface MetadataParagraph {
  text: string;
  line: number;
}

/** What {@link readNoticeMetadata} finds. */
export interface NoticeMetadata {
  notice: ImportedNotice;
  listTitle: string | null;
  /** The group named by an annex the body refers to (附件：市级有关部门（单位）名单), if any */
  annexReference: { group: string; line: number } | null;
}

/** Sentence punctuation: a line with any of these is body text, not a title or a signature. */
const SENTENCE_PUNCTUATION = /[。，,：:；;！!？?]/;
/** How a document title ends. */
const TITLE_END = /(?:通知|通报|意见|决定|方案|批复|函|公告|要点|清单)$/;
/** Words in the title of a list of tasks. */
const LIST_WORDS = /清单|方案|要点|任务|分工|计划|安排|台账|责任表|分解表/;
const ARABIC_DATE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
/** 2020-07-02, 2020.7.2, 2020/07/02 */
const NUMERIC_DATE = /^((?:19|20)\d{2})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
/** The labelled fields of a government site's document page (政府信息公开 metadata table). */
const FIELD_LABEL = /^(标\s*题|名\s*称|文件名称|发文字号|文\s*号|发文机关|发布机构|发文单位|成文日期|发文日期|印发日期|发布日期)\s*[:：]\s*(.*)$/;
const CHINESE_DATE = /^([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/;

/**
 * Normalise a 文号 to 〔〕 around the year: 嘉政办发[2020]36号 → 嘉政办发〔2020〕36号.
 * Null when the text does not start with a 文号.
 */
export function normaliseDocNumber(text: string): string | null {
  return readDocNumber(squeezeCjkSpaces(toAsciiDigits(text)))?.text ?? null;
}

/** A whole-line date of issue (2020年7月2日, 二〇二〇年七月二日) as YYYY-MM-DD, else null. */
export function parseIssueDate(text: string): string | null {
  const t = squeezeCjkSpaces(toAsciiDigits(text));
  const n = NUMERIC_DATE.exec(t);
  if (n) return isoDate(Number(n[1]), Number(n[3]), Number(n[4]));
  const m = ARABIC_DATE.exec(t) ?? CHINESE_DATE.exec(t);
  if (!m) return null;
  const y = parseSmallNumber(m[1] as string);
  const mo = parseSmallNumber(m[2] as string);
  const d = parseSmallNumber(m[3] as string);
  return y === null || mo === null || d === null ? null : isoDate(y, mo, d);
}

/** The year a title starts with or mentions first (2020年嘉兴市… → 2020), else null. */
export function yearOfTitle(title: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(toAsciiDigits(title));
  return m ? Number(m[1]) : null;
}

function isTitleLine(text: string): boolean {
  return text.length <= 80 && !SENTENCE_PUNCTUATION.test(text) && parseIssueDate(text) === null;
}

/** Find the notice title: from the first line with 关于, joined with the next lines up to 通知. */
function findTitle(paras: readonly MetadataParagraph[]): { title: string; index: number } | null {
  for (let i = 0; i < paras.length; i++) {
    const first = (paras[i] as MetadataParagraph).text;
    if (!first.includes('关于') || !isTitleLine(first) || normaliseDocNumber(first) !== null) continue;
    let title = first;
    for (let j = i + 1; !TITLE_END.test(title) && j < paras.length && j <= i + 3; j++) {
      const next = (paras[j] as MetadataParagraph).text;
      if (!isTitleLine(next) || next.startsWith('附件')) break;
      title += next;
    }
    if (TITLE_END.test(title)) return { title, index: i };
  }
  return null;
}

/** An issuer as signed: a short line that is not a sentence, a date, a note or an annex line. */
function isSignatureLine(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 40 &&
    !SENTENCE_PUNCTUATION.test(text) &&
    !/^[（(【\[]/.test(text) &&
    !text.startsWith('附件') &&
    !text.includes('关于') &&
    !/\d/.test(text) &&
    normaliseDocNumber(text) === null
  );
}

/** The list's title: the line just above the table when it reads like one, else from 关于印发…的通知. */
function findListTitle(paras: readonly MetadataParagraph[], title: string | null): string | null {
  const last = paras[paras.length - 1]?.text;
  if (
    last !== undefined &&
    isTitleLine(last) &&
    LIST_WORDS.test(last) &&
    !last.includes('关于') &&
    !/^[（(【\[]/.test(last)
  ) {
    return last;
  }
  const m = title !== null ? /关于印发(.+?)的通知$/.exec(title) : null;
  return m ? (m[1] as string).replace(/^《(.*)》$/, '$1') : null;
}

/** The fields a government site's document page labels (标题：…, 发文字号：…, 成文日期：…). */
interface LabelledFields {
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
}

/**
 * Read labelled fields, with the value on the same line (成文日期：2020年07月02日) or on the next
 * one (a two-cell row of the page's metadata table). 成文日期 wins over 发布日期.
 */
function readLabelledFields(paras: readonly MetadataParagraph[]): LabelledFields {
  const f: LabelledFields = { title: null, docNumber: null, issuer: null, issuedOn: null };
  let published: string | null = null;
  for (let i = 0; i < paras.length; i++) {
    const m = FIELD_LABEL.exec((paras[i] as MetadataParagraph).text);
    if (!m) continue;
    const label = (m[1] as string).replace(/\s+/g, '');
    let value = (m[2] as string).trim();
    if (value === '' && paras[i + 1] !== undefined && !FIELD_LABEL.test((paras[i + 1] as MetadataParagraph).text)) {
      value = (paras[i + 1] as MetadataParagraph).text;
    }
    if (value === '') continue;
    if (/标题|名称/.test(label)) f.title ??= value.length <= 120 ? value : null;
    else if (/字号|文号/.test(label)) f.docNumber ??= normaliseDocNumber(value);
    else if (/机关|机构|单位/.test(label)) f.issuer ??= value.length <= 40 ? value : null;
    else if (label === '发布日期') published ??= parseIssueDate(value);
    else f.issuedOn ??= parseIssueDate(value);
  }
  f.issuedOn ??= published;
  return f;
}

/**
 * A document that is the list itself, without a covering notice (2020年某市政务公开工作要点): its
 * title is the first title line that names a list.
 */
function findListDocumentTitle(paras: readonly MetadataParagraph[]): string | null {
  for (const p of paras.slice(0, 12)) {
    if (isTitleLine(p.text) && LIST_WORDS.test(p.text) && TITLE_END.test(p.text) && !/^[（(【\[]/.test(p.text) && normaliseDocNumber(p.text) === null) {
      return p.text;
    }
  }
  return null;
}

/**
 * Read the notice's metadata from its preamble paragraphs (the non-empty lines before the table,
 * in order). Lines are matched whole, so a 文号 or a date quoted in the body is never taken.
 */
export function readNoticeMetadata(preamble: readonly MetadataParagraph[]): NoticeMetadata {
  const paras = preamble
    .map((p) => ({ text: squeezeCjkSpaces(p.text), line: p.line }))
    .filter((p) => p.text !== '');

  const fields = readLabelledFields(paras);
  const found = findTitle(paras);
  const title = found?.title ?? fields.title ?? findListDocumentTitle(paras);

  // 文号: a line of its own (before the title when there is one), else a line that starts with one.
  let docNumber: string | null = fields.docNumber;
  for (const p of docNumber === null ? paras : []) {
    const n = normaliseDocNumber(p.text);
    if (n !== null && p.text.length <= 40) {
      docNumber = n;
      break;
    }
  }

  // Date of issue: the first whole-line date after the title; the issuer signs just above it.
  let issuedOn: string | null = null;
  let signedBy: string | null = null;
  for (let i = found?.index ?? 0; i < paras.length; i++) {
    const date = parseIssueDate((paras[i] as MetadataParagraph).text);
    if (date === null) continue;
    issuedOn = date;
    const above = paras[i - 1]?.text;
    if (i - 1 > (found?.index ?? -1) && above !== undefined && isSignatureLine(above)) signedBy = above;
    break;
  }
  issuedOn ??= fields.issuedOn;
  const titleIssuer = title !== null ? (/^(.{2,40}?)关于/.exec(title)?.[1] ?? null) : null;
  const issuer = signedBy ?? fields.issuer ?? titleIssuer;

  const listTitle = findListTitle(paras, title);
  const year =
    (listTitle !== null ? yearOfTitle(listTitle) : null) ??
    (issuedOn !== null ? Number(issuedOn.slice(0, 4)) : null) ??
    (docNumber !== null ? Number((/〔(\d{4})〕/.exec(docNumber) as RegExpExecArray)[1]) : null);

  let annexReference: NoticeMetadata['annexReference'] = null;
  for (const p of paras) {
    const m = /^附\s*件\s*\d*\s*[:：]\s*(.{2,40}?)\s*名单$/.exec(p.text);
    if (m) {
      annexReference = { group: m[1] as string, line: p.line };
      break;
    }
  }

  return { notice: { title, docNumber, issuer, issuedOn, year }, listTitle, annexReference };
}
