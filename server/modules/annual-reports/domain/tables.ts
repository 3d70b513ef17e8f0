/**
 * Tables 二 (shape only), 三 and 四 of a published report, from the lines of any format (source.ts).
 *
 * Table 三 is read as a stream, so that labels split over lines or cells (商业 企业, a wrapped
 * （二）部分公开（…）, a group label spanning rows) do not matter: the text of the table's lines is
 * joined without whitespace, and each value cell is placed at the text offset where it was met.
 * The rows are found in the template's order by the words their labels begin with (after the
 * numbering); a row owns the values between its label and the next row's. Values are put in their
 * column by position when the format tells it — the grid column under the header's 总计 (HTML,
 * .docx), the x of the header's column labels (PDF), TAB or `|` fields (text) — and otherwise in
 * order, when a row has exactly 7 (plain text; an all-blank row has none).
 *
 * The shape (v2019 / v2021) is told by （六）'s sub-rows: 逾期不补正 / 缴纳费用 / 不再处理 present →
 * v2021; a （六）其他处理 row without them → v2019.
 */
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_OUTCOMES, TEMPLATES, type TemplateVersion } from './templates.ts';
import { where, type Cell, type Problem } from './report.ts';
import { lineText, type ReportSource, type SourceCell, type SourceLine } from './source.ts';

/** Text normalised for matching labels: no whitespace, full-width brackets and digits → （） and ASCII digits. */
export function normaliseLabel(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/');
}

/** The words each table 三 row's label begins with (after its numbering), alternatives after. */
const ROW_KEYS: Readonly<Record<string, readonly string[]>> = {
  received: ['本年新收'],
  carriedOver: ['上年结转'],
  disclosed: ['予以公开'],
  partlyDisclosed: ['部分公开'],
  'withheld.stateSecret': ['属于国家秘密', '国家秘密'],
  'withheld.prohibitedByLaw': ['其他法律行政法规', '禁止公开'],
  'withheld.securityStability': ['危及', '三安全一稳定'],
  'withheld.thirdPartyRights': ['保护第三方', '第三方合法权益'],
  'withheld.internalAffairs': ['属于三类内部', '内部事务'],
  'withheld.processInformation': ['属于四类过程', '过程性信息'],
  'withheld.enforcementFiles': ['属于行政执法', '执法案卷'],
  'withheld.administrativeQuery': ['属于行政查询', '行政查询'],
  'unable.notHeld': ['本机关不掌握', '不掌握'],
  'unable.needsCreation': ['没有现成', '另行制作'],
  'unable.unclearAfterCorrection': ['补正后申请', '仍不明确'],
  'noAction.petition': ['信访举报', '投诉类'],
  'noAction.repeated': ['重复申请'],
  'noAction.publication': ['要求提供公开出版物', '公开出版物'],
  'noAction.excessive': ['无正当理由大量', '大量反复'],
  'noAction.confirmation': ['要求行政机关确认', '重新出具'],
  other: ['其他处理'],
  'other.noCorrection': ['申请人无正当理由', '逾期不补正'],
  'other.feeNotPaid': ['申请人逾期未按', '缴纳费用'],
  'other.other': ['其他'],
  total: ['总计'],
  carriedForward: ['结转下年度', '结转下一年度', '结转'],
};

const V2021_MARKERS = ['逾期不补正', '缴纳费用', '不再处理'];
const TABLE2_MARKERS: Readonly<Record<TemplateVersion, readonly string[]>> = {
  v2019: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '政府集中采购', '采购总金额', '采购项目数量'],
  v2021: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};

/** A cell of a value column: a number, blank, or something else (kept for the message). */
export type ParsedValue = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'bad'; raw: string };

const BLANK_MARK = /^(?:[—–\-－―─/／\\、.．…]+|无|空)$/;
const NUMBER = /^([-−－+＋]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(?:件|个|宗|起)?$/;

export function parseValue(raw: string): ParsedValue {
  if (/\d[\s\u00a0\u3000]+\d/.test(raw)) return { kind: 'bad', raw: raw.trim() };
  const t = normaliseLabel(raw);
  if (t === '' || BLANK_MARK.test(t)) return { kind: 'blank' };
  const m = NUMBER.exec(t);
  if (m) {
    const v = Number((m[2] as string).replace(/[,，]/g, ''));
    return { kind: 'number', value: m[1] !== '' && m[1] !== '+' && m[1] !== '＋' ? -v : v };
  }
  return { kind: 'bad', raw: raw.trim() };
}

/** Whether a token can be a value cell (a number or a blank mark), not label text. */
export const isValueToken = (t: string): boolean => {
  const n = normaliseLabel(t);
  return n !== '' && (NUMBER.test(n) || /^[—–\-－―─/／]+$/.test(n));
};

interface ValuePiece {
  offset: number;
  line: number;
  raw: string;
  /** 0-based value column, when the format tells it */
  col?: number;
}

interface Stream {
  text: string;
  values: ValuePiece[];
  /** The offset at which each line's text starts: [offset, line], in order */
  lineStarts: [number, number][];
}

/** The line the text at `offset` came from. */
function lineAt(stream: Stream, offset: number): number {
  let line = stream.lineStarts[0]?.[1] ?? 0;
  for (const [o, l] of stream.lineStarts) {
    if (o > offset) break;
    line = l;
  }
  return line;
}

/** How value cells are told from label text, and put in columns, for one table of `width` columns. */
interface Layout {
  width: number;
  /** HTML/.docx: per data table, grid column → value column (from the header's labels) */
  htmlColumns?: Map<number, Map<number, number>>;
  /** PDF: the x centres of the value columns */
  centres?: number[];
}

function lastColumns(tableWidth: number, width: number): Map<number, number> {
  return new Map(Array.from({ length: width }, (_v, k) => [tableWidth - width + k, k] as [number, number]));
}

/**
 * HTML/.docx: for each data table with header rows among lines [from, to), grid column → value
 * column, from the cells whose text is one of `labels` (in order, `labels[k]` for value column
 * k; a label printed several times, as in table 四, takes the next column each time). Tables
 * whose header does not name every column map the columns ending at the last label found.
 */
function headerColumns(src: ReportSource, from: number, to: number, labels: readonly string[], width: number): Map<number, Map<number, number>> {
  const byTable = new Map<number, { col: number; label: string }[]>();
  for (let i = from; i < to; i++) {
    const l = src.lines[i] as SourceLine;
    if (l.table === undefined) continue;
    for (const c of l.cells) {
      const t = normaliseLabel(c.text);
      if (c.col !== undefined && labels.includes(t)) (byTable.get(l.table) ?? byTable.set(l.table, []).get(l.table)!).push({ col: c.col, label: t });
    }
  }
  const out = new Map<number, Map<number, number>>();
  for (const [table, found] of byTable) {
    const cols = [...new Set(found.map((f) => f.col))].sort((a, b) => a - b);
    if (cols.length === width) {
      // every column named: check the order against the labels (repeated labels: table 四)
      const labelAt = new Map(found.map((f) => [f.col, f.label]));
      if (cols.every((c, k) => labelAt.get(c) === labels[k % labels.length])) {
        out.set(table, new Map(cols.map((c, k) => [c, k])));
        continue;
      }
    }
    const total = found.filter((f) => f.label === labels[labels.length - 1]).map((f) => f.col);
    if (total.length > 0) out.set(table, lastColumns(Math.max(...total) + 1, width));
  }
  return out;
}

function centre(c: SourceCell): number {
  return ((c.x ?? 0) + (c.right ?? c.x ?? 0)) / 2;
}

function nearest(centres: readonly number[], x: number): number {
  let best = 0;
  for (let k = 1; k < centres.length; k++) if (Math.abs(centres[k]! - x) < Math.abs(centres[best]! - x)) best = k;
  return best;
}

/** The stream of lines [from, to): label text joined, value cells at their offsets. */
function buildStream(src: ReportSource, from: number, to: number, layout: Layout): Stream {
  let text = '';
  const values: ValuePiece[] = [];
  const lineStarts: [number, number][] = [];
  let current = -1;
  const addText = (t: string): void => {
    const n = normaliseLabel(t);
    if (n === '') return;
    if (current !== lineStarts[lineStarts.length - 1]?.[1]) lineStarts.push([text.length, current]);
    text += n;
  };
  const addValue = (line: number, raw: string, col?: number): void => {
    values.push({ offset: text.length, line, raw, ...(col !== undefined ? { col } : {}) });
  };
  for (let i = from; i < to; i++) {
    const line = src.lines[i] as SourceLine;
    current = i;
    if (line.table !== undefined) {
      // without a header in this table: the last `width` grid columns
      const columns = layout.htmlColumns?.get(line.table) ?? lastColumns(src.tables[line.table]?.width ?? layout.width, layout.width);
      const first = Math.min(...columns.keys());
      for (const c of line.cells) {
        const col = c.col ?? 0;
        const k = columns.get(col);
        if (k !== undefined) addValue(i, c.text, k);
        else if (col < first) addText(c.text);
        // a column the template does not have (e.g. a 小计 some software adds) is left out
      }
      continue;
    }
    if (src.format === 'html' || src.format === 'docx') {
      // running text between table rows: labels at most, never values
      for (const c of line.cells) addText(c.text);
      continue;
    }
    if (layout.centres !== undefined && line.cells.some((c) => c.x !== undefined)) {
      const cs = layout.centres;
      const boundary = cs[0]! - (cs.length > 1 ? (cs[1]! - cs[0]!) / 2 : 20);
      for (const c of line.cells) {
        const tokens = c.text.split(/\s+/).filter((t) => t !== '');
        if (centre(c) >= boundary && tokens.length > 0 && tokens.every(isValueToken)) {
          const w = ((c.right ?? c.x ?? 0) - (c.x ?? 0)) / tokens.length;
          tokens.forEach((t, k) => addValue(i, t, nearest(cs, (c.x ?? 0) + w * (k + 0.5))));
        } else addText(c.text);
      }
      continue;
    }
    if (line.cells[0]?.fields !== undefined) {
      // TAB or | fields: the fields after the last label field are the values
      const f = line.cells.map((c) => c.text);
      let k = f.length - 1;
      while (k >= 0 && (f[k] === '' || isValueToken(f[k] as string))) k--;
      for (let j = 0; j <= k; j++) addText(f[j] as string);
      const vals = f.slice(k + 1);
      while (vals.length > layout.width && vals[vals.length - 1] === '') vals.pop();
      if (vals.length === layout.width) vals.forEach((v, col) => addValue(i, v, col));
      else for (const v of vals) if (v !== '') addValue(i, v);
      continue;
    }
    // whitespace tokens: numbers are values, in order; a number first on a line before label text is numbering
    const tokens = line.cells.flatMap((c) => c.text.split(/\s+/)).filter((t) => t !== '');
    tokens.forEach((t, k) => {
      const next = tokens[k + 1];
      if (isValueToken(t) && !(k === 0 && next !== undefined && !isValueToken(next))) addValue(i, t);
      else {
        const glued = /^(.*[^\d.．、,，\s])(\d+)$/.exec(normaliseLabel(t));
        if (glued && /[\u4e00-\u9fff）”]$/.test(glued[1] as string)) {
          addText(glued[1] as string);
          addValue(i, glued[2] as string);
        } else addText(t);
      }
    });
  }
  return { text, values, lineStarts };
}

const normLine = (l: SourceLine | undefined): string => (l === undefined ? '' : normaliseLabel(lineText(l)));

/** Lines [from, to) of the header of a table: the value columns' x centres from their labels (PDF). */
function pdfCentres(src: ReportSource, from: number, to: number, labels: readonly string[], count: number): number[] | undefined {
  const chunks: { t: string; x: number }[] = [];
  for (let i = from; i < to; i++) for (const c of src.lines[i]?.cells ?? []) if (c.x !== undefined) chunks.push({ t: normaliseLabel(c.text), x: centre(c) });
  if (chunks.length === 0) return undefined;
  const xs: number[] = [];
  for (const ch of chunks) {
    if (!labels.some((l) => l === ch.t || (ch.t.length >= 2 && l.startsWith(ch.t)))) continue;
    if (xs.some((x) => Math.abs(x - ch.x) < 8)) continue; // the second line of a split label
    xs.push(ch.x);
  }
  xs.sort((a, b) => a - b);
  return xs.length === count ? xs : undefined;
}

export interface Table3Read {
  shape: TemplateVersion;
  rows: Record<string, Cell[]>;
  problems: Problem[];
  /** Lines [start, end) of the table */
  start: number;
  end: number;
}

const T3_END = /行政复议|行政诉讼|结果维持|存在的主要问题|^[五六]、/;

/** Table 三, or null when the report has none. `expected`: the template of the report's year. */
export function readTable3(src: ReportSource, expected: TemplateVersion | null): Table3Read | null {
  const lines = src.lines;
  let start = lines.findIndex((l) => /申请人情况|勾稽关系/.test(normLine(l)));
  if (start < 0) start = lines.findIndex((l) => normLine(l).includes('本年新收政府信息公开申请数量'));
  if (start < 0) return null;
  const firstKey = lines.findIndex((l, i) => i >= start && normLine(l).includes('新收'));
  const header = firstKey < 0 ? start + 1 : firstKey;
  let end = (firstKey < 0 ? start : firstKey) + 1;
  while (end < lines.length && end < start + 500 && !T3_END.test(normLine(lines[end]))) end++;

  const layout: Layout = { width: 7 };
  if (src.format === 'html' || src.format === 'docx') {
    layout.htmlColumns = headerColumns(src, start, header, TABLE3_COLUMNS, 7);
  } else if (src.format === 'pdf') {
    layout.centres = pdfCentres(src, start, header, TABLE3_COLUMNS, 7);
  }
  const stream = buildStream(src, start, end, layout);
  const text = stream.text;
  const shape: TemplateVersion = V2021_MARKERS.some((m) => text.includes(m)) ? 'v2021' : text.includes('其他处理') ? 'v2019' : (expected ?? 'v2021');
  // In the 2021 format （六）其他处理 is a group label: masked so that 3.其他 is not found in it.
  const masked = shape === 'v2021' ? text.replace(/其他处理/g, '\u0000\u0000\u0000\u0000') : text;

  const template = TEMPLATES[shape];
  const found: { label: string; at: number }[] = [];
  const problems: Problem[] = [];
  let pos = 0;
  for (const row of template.table3.rows) {
    let best = -1;
    let len = 0;
    for (const key of ROW_KEYS[row.key] ?? [row.label]) {
      const at = masked.indexOf(key, pos);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
        len = key.length;
      }
    }
    if (best < 0) {
      problems.push({ rule: 'missingRow', where: where.table3Row(row.label), message: `表三中没有找到「${row.label}」行` });
      continue;
    }
    found.push({ label: row.label, at: best });
    pos = best + len;
  }

  const rows: Record<string, Cell[]> = {};
  found.forEach((f, k) => {
    const next = found[k + 1]?.at ?? Infinity;
    const last = k === found.length - 1;
    let vals = stream.values.filter((v) => v.offset >= f.at && v.offset < next);
    // Values on the label's own line win over others in its stretch (a subtotal row some software
    // adds under a group label, e.g. （三）不予公开, is not a row of the template).
    const keyLine = lineAt(stream, f.at);
    const filled = new Set(vals.filter((v) => v.raw.trim() !== '').map((v) => v.line));
    if (filled.size > 1 && filled.has(keyLine)) vals = vals.filter((v) => v.line === keyLine);
    const cells = placeValues(vals, 7, last);
    if (cells === null) {
      const n = vals.filter((v) => v.raw.trim() !== '').length;
      problems.push({ rule: 'unreadableRow', where: where.table3Row(f.label), message: `「${f.label}」行读到${n}个数字，无法确定各列（应为7列：${TABLE3_COLUMNS.join('、')}）` });
      return;
    }
    rows[f.label] = cells.map((raw, c) => toCell(raw, () => where.table3Cell(f.label, c), problems));
  });
  return { shape, rows, problems, start, end };
}

/** Values of one row → `width` raw cells (undefined: blank), or null when they cannot be placed. */
function placeValues(vals: readonly ValuePiece[], width: number, mayTrim: boolean): (string | undefined)[] | null {
  const positioned = vals.filter((v) => v.col !== undefined);
  const cells: (string | undefined)[] = Array.from({ length: width }, () => undefined);
  if (positioned.length > 0) {
    const lineOf: (number | undefined)[] = Array.from({ length: width }, () => undefined);
    for (const v of positioned) {
      const col = v.col as number;
      if (v.raw.trim() === '') continue;
      if (cells[col] !== undefined && lineOf[col] !== v.line) return null; // two rows' values in one
      if (cells[col] !== undefined) cells[col] += ` ${v.raw}`;
      else cells[col] = v.raw;
      lineOf[col] = v.line;
    }
    return cells;
  }
  const seq = vals.filter((v) => v.raw.trim() !== '');
  if (seq.length === 0) return cells;
  if (seq.length === width || (mayTrim && seq.length > width)) return seq.slice(0, width).map((v) => v.raw);
  return null;
}

function toCell(raw: string | undefined, at: () => string, problems: Problem[]): Cell {
  if (raw === undefined) return null;
  const p = parseValue(raw);
  if (p.kind === 'number') return p.value;
  if (p.kind === 'bad') problems.push({ rule: 'notNumber', where: at(), message: `单元格内容“${p.raw}”不是数字` });
  return null;
}

export interface Table4Read {
  cells: Cell[] | null;
  problems: Problem[];
  start: number;
  end: number;
}

const T4_END = /存在的主要问题|改进情况|其他需要报告|^[五六七八九]、|^（[五六]）/;

/** Table 四, or null when the report has none. Searched from line `from` (after table 三). */
export function readTable4(src: ReportSource, from: number): Table4Read | null {
  const lines = src.lines;
  // the header: a line with 行政复议 followed (within a few lines) by the outcome labels
  let start = -1;
  for (let i = Math.max(0, from); i < lines.length && start < 0; i++) {
    if (!normLine(lines[i]).includes('行政复议')) continue;
    const ahead = lines.slice(i, i + 12).map(normLine).join('');
    if (ahead.includes('复议后起诉') || (ahead.includes('结果维持') && ahead.includes('尚未审结'))) start = i;
  }
  if (start < 0) return null;
  // the header ends after the last line of labels (split ones too) before the data row
  let headerEnd = start + 1;
  let seenLabels = false;
  for (let i = start; i < Math.min(lines.length, start + 16); i++) {
    const line = lines[i] as SourceLine;
    const t = normLine(line);
    const hasValue = line.cells.some((c) => isValueToken(c.text));
    if (hasValue && seenLabels) break;
    if (!hasValue && /结果|维持|纠正|审结|尚未|总计|其他|起诉|行政复议|行政诉讼/.test(t)) {
      headerEnd = i + 1;
      if (/结果|维持|纠正|审结/.test(t)) seenLabels = true;
      continue;
    }
    if (seenLabels) break;
  }
  let end = headerEnd;
  while (end < lines.length && end < headerEnd + 40 && !T4_END.test(normLine(lines[end]))) {
    if ((src.format === 'html' || src.format === 'docx') && lines[end]!.table === undefined && end > headerEnd) break;
    end++;
  }

  const layout: Layout = { width: 15 };
  if (src.format === 'html' || src.format === 'docx') {
    layout.htmlColumns = headerColumns(src, start, headerEnd, TABLE4_OUTCOMES, 15);
  } else if (src.format === 'pdf') {
    layout.centres = pdfCentresRepeated(src, start, headerEnd);
  }
  const stream = buildStream(src, headerEnd, end, layout);
  const problems: Problem[] = [];
  const vals = firstDataLine(stream.values);
  const cells = placeValues(vals, 15, true);
  if (cells === null) {
    const n = vals.filter((v) => v.raw.trim() !== '').length;
    problems.push({ rule: 'unreadableRow', where: '表四', message: `表四读到${n}个数字，无法确定各列（应为15列：${TABLE4_COLUMNS.map((c) => `${c.group}${c.label}`).join('、')}）` });
    return { cells: null, problems, start, end };
  }
  return { cells: cells.map((raw, i) => toCell(raw, () => where.table4Column(i), problems)), problems, start, end };
}

/** The values of the data row: with positions, those of the first line holding any; else all in order. */
function firstDataLine(values: readonly ValuePiece[]): ValuePiece[] {
  if (!values.some((v) => v.col !== undefined)) return [...values];
  const line = values.find((v) => v.col !== undefined)!.line;
  return values.filter((v) => v.line === line && v.col !== undefined);
}

/** PDF: table 四's 15 column centres from its header labels (each label appears 3 times). */
function pdfCentresRepeated(src: ReportSource, from: number, to: number): number[] | undefined {
  const xs: number[] = [];
  for (let i = from; i < to; i++) {
    for (const c of src.lines[i]?.cells ?? []) {
      if (c.x === undefined) continue;
      const t = normaliseLabel(c.text);
      if (!TABLE4_OUTCOMES.some((l) => l === t || (t.length >= 2 && l.startsWith(t)))) continue;
      const x = centre(c);
      if (xs.some((y) => Math.abs(y - x) < 8)) continue;
      xs.push(x);
    }
  }
  xs.sort((a, b) => a - b);
  return xs.length === 15 ? xs : undefined;
}

/** Table 二's shape by its column and row labels: a version, 'mixed', or null when not found. */
export function table2Shape(src: ReportSource, to: number): TemplateVersion | 'mixed' | null {
  const text = src.lines.slice(0, to < 0 ? src.lines.length : to).map(normLine).join('');
  const has = (v: TemplateVersion): boolean => TABLE2_MARKERS[v].some((m) => text.includes(m));
  const a = has('v2019');
  const b = has('v2021');
  return a && b ? 'mixed' : a ? 'v2019' : b ? 'v2021' : null;
}

/** The line where table 二 starts (its first item heading), or -1. */
export function table2Start(src: ReportSource): number {
  return src.lines.findIndex((l) => normLine(l).includes('第二十条第（一）项') || normLine(l).includes('第二十条第一项'));
}
