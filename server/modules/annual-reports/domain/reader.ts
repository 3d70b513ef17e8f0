/**
 * Reading a published 政府信息公开工作年度报告 (年报体检): a file as governments publish it — a web
 * page (Word-pasted HTML included), .docx, a PDF's text layer, plain text in UTF-8 or GBK — into
 * an {@link AnnualReport}: issuer and year from the title, the template shape of its tables, table
 * 三 keyed by the template's row labels (7 cells each), table 四 (15 cells), and the prose; plus
 * the problems met while reading (missingTable, missingRow, unreadableRow, notNumber, unknownYear).
 *
 * No network, no language model: formats → lines (source.ts) → tables (tables.ts) and title.
 */
import type { AnnualReport, Problem } from './report.ts';
import { annualReportError } from './errors.ts';
import { htmlSource, lineText, readReportSource, textSource, type ReportFormat, type ReportSource } from './source.ts';
import { normaliseLabel, readTable3, readTable4, table2Shape, table2Start } from './tables.ts';
import { templateVersionForYear } from './templates.ts';

export interface ReadResult {
  report: AnnualReport;
  /** Problems met while reading; checkReport adds the checks' */
  problems: Problem[];
  format: ReportFormat;
}

const CN_DIGITS: Readonly<Record<string, string>> = { 〇: '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Title text normalised: no spaces, ASCII digits, a year written 二〇二〇 as 2020. */
function normaliseTitle(s: string): string {
  return normaliseLabel(s).replace(/[〇零Ｏ一二三四五六七八九]{4}(?=年)/g, (y) => [...y].map((c) => CN_DIGITS[c] ?? c).join(''));
}

const TITLE = /((?:19|20)\d{2})年度?(?:的)?(.*?)政府信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const TITLE_YEAR_LAST = /^(.*?)政府信息公开工作((?:19|20)\d{2})年度?报告/;

function cleanIssuer(s: string): string | null {
  let t = s
    .replace(/^.*(?:[>＞»›]|当前位置[:：]|标题[:：]|名称[:：])/, '')
    .replace(/^(?:关于)/, '')
    .replace(/(?:关于|的|度)$/, '')
    .replace(/^[：:、，,\-—_|]+|[：:、，,\-—_|]+$/g, '');
  t = t.replace(/关于$/, '');
  return t === '' || t.length > 40 ? null : t;
}

/**
 * Issuer and year from the report's title, e.g. 嘉兴市生态环境局2020年政府信息公开工作年度报告 →
 * 嘉兴市生态环境局, 2020; also 2020年嘉兴市…政府信息公开工作年度报告, …关于2020年…,
 * …政府信息公开工作2020年度报告, years in full-width digits or 二〇二〇.
 */
export function titleFacts(candidates: readonly string[]): { issuer: string | null; year: number | null; title: string | null } {
  for (const raw of candidates) {
    const t = normaliseTitle(raw);
    if (t.length > 120) continue;
    const m = TITLE.exec(t);
    if (m) {
      const before = t.slice(0, m.index);
      const issuer = cleanIssuer(before) ?? cleanIssuer(m[2] ?? '');
      return { issuer, year: Number(m[1]), title: raw.trim() };
    }
    const l = TITLE_YEAR_LAST.exec(t);
    if (l) return { issuer: cleanIssuer(l[1] ?? ''), year: Number(l[2]), title: raw.trim() };
  }
  return { issuer: null, year: null, title: null };
}

/** The year from the usual statement of the period: 统计期限自2020年1月1日起至2020年12月31日止. */
function yearFromPeriod(text: string): number | null {
  const m = /((?:19|20)\d{2})年1月1日(?:起)?(?:至|到|—|-|－)(?:(?:19|20)\d{2}年)?12月31日/.exec(normaliseTitle(text));
  return m ? Number(m[1]) : null;
}

/** Read lines into a report (exported for tests and for text already in hand). */
export function readReportFromSource(src: ReportSource): ReadResult {
  const texts = src.lines.map(lineText);
  const candidates = [...texts.slice(0, 30), ...(src.pageTitle ? [src.pageTitle] : [])];
  const facts = titleFacts(candidates);
  const year = facts.year ?? yearFromPeriod(texts.slice(0, 60).join('\n'));
  const expected = year === null ? null : templateVersionForYear(year);

  const t3 = readTable3(src, expected);
  const t4 = readTable4(src, t3?.end ?? 0);
  const t2start = table2Start(src);
  const t2shape = table2Shape(src, t3?.start ?? -1);
  if (t3 === null && t4 === null && facts.year === null) {
    throw annualReportError('ANNUAL_REPORT_NOT_FOUND', '文件中没有找到政府信息公开工作年度报告：没有“…年政府信息公开工作年度报告”标题，也没有“收到和处理政府信息公开申请情况”表格和“行政复议、行政诉讼情况”表格。');
  }

  const problems: Problem[] = [];
  if (year === null) problems.push({ rule: 'unknownYear', where: '标题', message: '没有从标题中读出报告年度（如“2021年政府信息公开工作年度报告”），无法核对应使用的格式' });
  if (t3 === null) problems.push({ rule: 'missingTable', where: '表三「收到和处理政府信息公开申请情况」', message: '没有找到表三“收到和处理政府信息公开申请情况”' });
  if (t4 === null) problems.push({ rule: 'missingTable', where: '表四「政府信息公开行政复议、行政诉讼情况」', message: '没有找到表四“政府信息公开行政复议、行政诉讼情况”' });
  problems.push(...(t3?.problems ?? []), ...(t4?.problems ?? []));

  // prose: running text outside the tables
  const inTables = (i: number): boolean =>
    (t2start >= 0 && i >= t2start && i < (t3?.start ?? t4?.start ?? t2start)) || (t3 !== null && i >= t3.start && i < t3.end) || (t4 !== null && i >= t4.start && i < t4.end);
  const prose = src.lines
    .map((l, i) => (l.table !== undefined || inTables(i) ? null : texts[i]))
    .filter((t): t is string => t !== null && t !== '')
    .join(src.format === 'pdf' ? '' : '\n'); // a PDF's lines are wraps of its paragraphs

  const template = t3?.shape ?? (t2shape === 'mixed' ? null : t2shape);
  const report: AnnualReport = {
    issuer: facts.issuer,
    year,
    template,
    ...(t2shape !== null ? { table2Template: t2shape } : {}),
    table3: t3?.rows ?? {},
    table4: t4?.cells ?? null,
    prose,
  };
  return { report, problems, format: src.format };
}

/**
 * Read a report file.
 * @throws ValidationError ANNUAL_REPORT_UNREADABLE_FILE, ANNUAL_REPORT_UNREADABLE_ENCODING,
 *   ANNUAL_REPORT_NO_TEXT (a PDF without text layer), ANNUAL_REPORT_NOT_FOUND (no report in it)
 */
export async function readAnnualReport(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  return readReportFromSource(await readReportSource(bytes, fileName));
}

/** Read a report given as HTML or plain text (pasted). */
export function readAnnualReportText(text: string): ReadResult {
  return readReportFromSource(/^\s*</.test(text) ? htmlSource(text) : textSource(text));
}
