/**
 * Numbers a report states in its prose, compared with its tables (rule `textContradiction`).
 *
 * Only a handful of phrasings are read, the ones reports use for whole-year totals, and each only
 * when the number follows the phrase directly (fillers such as 共/共计/合计/为/达 allowed), so that
 * breakdowns (其中自然人…, 通过网上…), comparisons (较上年增加3件) and rates are not taken for totals.
 * Numbers may be ASCII, full-width or Chinese numerals (十五件).
 *
 * | phrase (examples) | compared with | accepted |
 * |---|---|---|
 * | 全年共收到政府信息公开申请15件 · 新收…申请15件 · 受理/接收/接到…申请15件 | 一、本年新收 总计 | 一, or 一 + 二 (some reports count the carried-over ones in) |
 * | 未收到/没有收到政府信息公开申请 | 一、本年新收 总计 | 0 |
 * | 上年结转2件 · 上年度结转的申请2件 | 二、上年结转 总计 | 二 |
 * | 结转下年度继续办理1件 · 1件结转至下一年度 | 四、结转下年度继续办理 总计 | 四 |
 * | 予以公开8件 · 部分公开2件 · 不予公开1件 · 无法提供3件 · 不予处理1件 | （一）, （二), the sum of （三）, （四）, （五） rows, 总计 column | that sum |
 * | 被申请行政复议2件 · 行政复议2起 | 表四 行政复议 总计 | it |
 * | 行政诉讼1件 (not after 直接/复议后) | 表四 未经复议直接起诉 总计 + 复议后起诉 总计 | it |
 * | 未发生/没有发生…行政复议 · 无行政复议 | 表四 行政复议 总计 | 0 |
 * | 未发生/没有发生…行政诉讼 | 表四 行政诉讼 总计 | 0 |
 *
 * A claim whose table cells are missing or blank is not compared.
 */
import { TABLE3_TOTAL_COLUMN, TEMPLATES } from './templates.ts';
import type { AnnualReport, Problem } from './report.ts';
import { where } from './report.ts';

const NUM = '([0-9]+|[零〇一二两三四五六七八九十百千]+)';
const FILL = '(?:共计|合计|总计|累计|共|为|达到|达|是|有)*';
const UNIT = '(?:件|宗|份|个|起|次)';

/** A number written in ASCII digits or Chinese numerals (up to 9999). */
export function parseNumber(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  if (/^[零〇一二两三四五六七八九]{2,}$/.test(s)) return Number([...s].map((c) => digits[c]).join(''));
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch in digits) cur = digits[ch]!;
    else if (ch in units) {
      total += (cur === 0 ? 1 : cur) * units[ch]!;
      cur = 0;
    } else return null;
  }
  return total + cur;
}

/** What a claim is compared with. */
interface Target {
  /** The table's value(s) the stated number may equal; null when the cells are missing or blank */
  accepted: (r: AnnualReport) => number[] | null;
  /** The place in the table, for the message */
  place: (r: AnnualReport) => string;
  /** What the prose states, in words */
  what: string;
}

interface ClaimPattern {
  re: RegExp;
  /** The stated number; absent: the phrase states 0 */
  group?: number;
  /** Skip the match when this tests true on the text before it in its clause, or on the match */
  unless?: RegExp;
  target: Target;
}

function rowLabel(r: AnnualReport, key: string): string | null {
  if (r.template === null) return null;
  return TEMPLATES[r.template].table3.rows.find((x) => x.key === key)?.label ?? null;
}

/** The 总计 cell of the rows with these keys (summed); null when any is missing or blank. */
function totalOf(r: AnnualReport, keys: readonly string[]): number | null {
  let sum = 0;
  for (const key of keys) {
    const label = rowLabel(r, key);
    const v = label === null ? undefined : r.table3[label]?.[TABLE3_TOTAL_COLUMN];
    if (v === undefined || v === null) return null;
    sum += v;
  }
  return sum;
}

function keysInGroup(r: AnnualReport, group: string): string[] {
  if (r.template === null) return [];
  return TEMPLATES[r.template].table3.rows.filter((x) => x.groups.includes(group) || x.label === group).map((x) => x.key);
}

function rowTarget(what: string, keys: (r: AnnualReport) => string[], alsoAccept?: (r: AnnualReport) => number | null): Target {
  return {
    what,
    accepted: (r) => {
      const k = keys(r);
      const v = k.length === 0 ? null : totalOf(r, k);
      if (v === null) return null;
      const other = alsoAccept?.(r) ?? null;
      return other === null ? [v] : [v, other];
    },
    place: (r) => {
      const labels = keys(r).map((k) => rowLabel(r, k)).filter((l): l is string => l !== null);
      return labels.length === 1 ? where.table3Cell(labels[0]!, TABLE3_TOTAL_COLUMN) : `表三${labels.map((l) => `「${l}」`).join('')}行「总计」列之和`;
    },
  };
}

function table4Target(what: string, columns: readonly number[], label: string): Target {
  return {
    what,
    accepted: (r) => {
      if (r.table4 === null) return null;
      let sum = 0;
      for (const c of columns) {
        const v = r.table4[c];
        if (v === null || v === undefined) return null;
        sum += v;
      }
      return [sum];
    },
    place: () => label,
  };
}

const received = rowTarget('本年新收申请', () => ['received'], (r) => totalOf(r, ['received', 'carriedOver']));
const receivedOnly = rowTarget('本年新收申请', () => ['received']);
const reconsideration = table4Target('行政复议', [4], '表四「行政复议」「总计」列');
const litigation = table4Target('行政诉讼', [9, 14], '表四「未经复议直接起诉」「总计」列与「复议后起诉」「总计」列之和');

/** Breakdowns by applicant kind or channel, which are not the year's total. */
const PARTIAL = /其中|自然人|企业|科研|公益|法律服务|通过|网上|网络|在线|信函|邮寄|邮件|传真|当面|结转/;

const PATTERNS: readonly ClaimPattern[] = [
  {
    re: new RegExp(`(?:收到|新收|受理|接收|接到)([^，,。；;：:！？\\d]{0,30}?)申请(?:数量|总数|件数|总量)?${FILL}${NUM}${UNIT}`, 'g'),
    group: 2,
    unless: PARTIAL,
    target: received,
  },
  { re: /(?:未|没有)(?:收到|受理|接到|新收)[^，,。；;\d]{0,20}?申请/g, target: receivedOnly },
  { re: new RegExp(`上年度?结转(?:的|下来的)?(?:政府信息公开)?(?:申请)?${FILL}${NUM}${UNIT}`, 'g'), group: 1, target: rowTarget('上年结转申请', () => ['carriedOver']) },
  {
    re: new RegExp(`结转(?:至|到)?下一?年度(?:继续)?(?:办理)?(?:的)?(?:申请)?${FILL}${NUM}${UNIT}`, 'g'),
    group: 1,
    target: rowTarget('结转下年度继续办理的申请', () => ['carriedForward']),
  },
  { re: new RegExp(`${NUM}${UNIT}(?:申请)?(?:将)?结转(?:至|到)?下一?年度`, 'g'), group: 1, target: rowTarget('结转下年度继续办理的申请', () => ['carriedForward']) },
  { re: new RegExp(`(?<!不)予以公开(?:的)?(?:申请)?${FILL}${NUM}${UNIT}`, 'g'), group: 1, target: rowTarget('予以公开', () => ['disclosed']) },
  { re: new RegExp(`部分公开(?:的)?(?:申请)?${FILL}${NUM}${UNIT}`, 'g'), group: 1, target: rowTarget('部分公开', () => ['partlyDisclosed']) },
  { re: new RegExp(`不予公开(?:的)?(?:申请)?${FILL}${NUM}${UNIT}`, 'g'), group: 1, target: rowTarget('不予公开', (r) => keysInGroup(r, '（三）不予公开')) },
  { re: new RegExp(`无法提供(?:的)?(?:申请)?${FILL}${NUM}${UNIT}`, 'g'), group: 1, target: rowTarget('无法提供', (r) => keysInGroup(r, '（四）无法提供')) },
  { re: new RegExp(`不予处理(?:的)?(?:申请)?${FILL}${NUM}${UNIT}`, 'g'), group: 1, target: rowTarget('不予处理', (r) => keysInGroup(r, '（五）不予处理')) },
  {
    re: new RegExp(`行政复议(?:案件|申请)?${FILL}${NUM}${UNIT}`, 'g'),
    group: 1,
    unless: /(?:未经|直接|复议后)[^，,。；;]{0,6}$/,
    target: reconsideration,
  },
  {
    re: new RegExp(`行政诉讼(?:案件)?${FILL}${NUM}${UNIT}`, 'g'),
    group: 1,
    unless: /(?:直接|复议后|未经)[^，,。；;]{0,8}$/,
    target: litigation,
  },
  { re: /(?:未|没有)(?:发生|收到|出现|涉及|接到|产生)[^，,。；;\d]{0,20}?行政复议|(?:无|没有)(?:因政府信息公开(?:工作)?(?:而)?被申请)?行政复议(?![^，,。；;]{0,4}\d)/g, target: reconsideration },
  { re: /(?:未|没有)(?:发生|收到|出现|涉及|接到|产生)[^，,。；;\d]{0,30}?行政诉讼|(?:无|没有)(?:因政府信息公开(?:工作)?(?:而)?被提起)?行政诉讼(?![^，,。；;]{0,4}\d)/g, target: litigation },
];

/** Prose normalised for matching: full-width digits and brackets, no spaces next to Chinese. */
export function normaliseProse(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\u00a0|\u3000/g, ' ')
    .replace(/(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])/g, '')
    .replace(/(?<=\d)\s+(?=\d)/g, '');
}

/** The start of the clause around index i (after the last ，。；). */
function clauseBefore(text: string, i: number): string {
  const start = Math.max(text.lastIndexOf('，', i - 1), text.lastIndexOf('。', i - 1), text.lastIndexOf('；', i - 1), text.lastIndexOf(',', i - 1), text.lastIndexOf(';', i - 1), text.lastIndexOf('\n', i - 1));
  return text.slice(start + 1, i);
}

/** `textContradiction` problems: numbers stated in the prose that the tables contradict. */
export function textClaimProblems(prose: string, report: AnnualReport): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const paragraph of prose.split(/\n+/)) {
    const text = normaliseProse(paragraph);
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
        if (p.unless && (p.unless.test(clauseBefore(text, m.index)) || (p.group !== undefined && p.unless === PARTIAL && PARTIAL.test(m[1] ?? '')))) continue;
        const stated = p.group === undefined ? 0 : parseNumber(m[p.group] ?? '');
        if (stated === null) continue;
        const accepted = p.target.accepted(report);
        if (accepted === null || accepted.includes(stated)) continue;
        const quote = m[0];
        const key = `${p.target.what}|${quote}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({
          rule: 'textContradiction',
          where: `正文“${quote}”`,
          message: `正文称${p.target.what}${stated}件，但${p.target.place(report)}为${accepted[0]}`,
        });
      }
    }
  }
  return problems;
}
