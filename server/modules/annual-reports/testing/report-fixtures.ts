/**
 * Test fixtures, made by the tests themselves from the template definitions: an annual report with
 * known numbers rendered as an HTML page (plain, or Word-pasted with mso styles and blank cells), a
 * .docx (the `docx` package, real merged cells), plain text with labels split across lines, and a
 * PDF with a text layer. Nothing here is used by the application.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { makePdf, type PdfText } from '../../lists/import/testing/notice-fixtures.ts';
import {
  SECTION_HEADINGS,
  TABLE2_CONTENT_LABEL,
  TABLE3_COLUMNS,
  TABLE3_NOTE,
  TABLE4_HEADER,
  TABLE4_OUTCOMES,
  TEMPLATES,
  type AnnualReportTemplate,
  type TemplateVersion,
} from '../domain/templates.ts';

export interface ReportSpec {
  issuer: string;
  year: number;
  /** The shape of the tables (normally the year's template) */
  template: TemplateVersion;
  /** row label → 7 cells (null: blank) */
  table3: Record<string, (number | null)[]>;
  /** 15 cells (null: blank) */
  table4: (number | null)[];
  /** Paragraphs of section 一 (default: a summary stating the tables' totals) */
  prose?: string[];
}

/** A report spec whose cells are all numbers (what sampleReport gives; tests blank cells by hand). */
export interface SampleReport extends Omit<ReportSpec, 'table3' | 'table4'> {
  table3: Record<string, number[]>;
  table4: number[];
}

/** A small deterministic random source (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Consistent numbers for a template: outcome rows chosen (`cells(row, col)`), the 总计 column and
 * （七）总计 summed, 上年结转 and 结转下年度 chosen, 本年新收 = （七）总计 + 四 − 二 in every column.
 */
export function consistentNumbers(
  template: AnnualReportTemplate,
  pick: (what: 'outcome' | 'carriedOver' | 'carriedForward' | 'table4', max: number) => number,
): { table3: Record<string, number[]>; table4: number[] } {
  const rows = template.table3.rows;
  const t3: Record<string, number[]> = {};
  const total = [0, 0, 0, 0, 0, 0];
  for (const r of rows.filter((x) => x.role === 'outcome')) {
    const cells = [0, 1, 2, 3, 4, 5].map(() => pick('outcome', 6));
    cells.forEach((v, c) => (total[c]! += v));
    t3[r.label] = cells;
  }
  const carriedOver = total.map((t) => Math.min(t, pick('carriedOver', 4)));
  const carriedForward = [0, 1, 2, 3, 4, 5].map(() => pick('carriedForward', 4));
  const received = total.map((t, c) => t + carriedForward[c]! - carriedOver[c]!);
  const byRole = { received, carriedOver, total, carriedForward };
  for (const r of rows) if (r.role !== 'outcome') t3[r.label] = byRole[r.role as keyof typeof byRole];
  for (const label of Object.keys(t3)) t3[label] = [...t3[label]!, t3[label]!.reduce((s, v) => s + v, 0)];
  // keep template order
  const ordered: Record<string, number[]> = {};
  for (const r of rows) ordered[r.label] = t3[r.label]!;
  const table4: number[] = [];
  for (let g = 0; g < 3; g++) {
    const four = [0, 1, 2, 3].map(() => pick('table4', 3));
    table4.push(...four, four.reduce((s, v) => s + v, 0));
  }
  return { table3: ordered, table4 };
}

/** A consistent report with numbers from a seed. */
export function sampleReport(opts: { issuer?: string; year?: number; template?: TemplateVersion; seed?: number } = {}): SampleReport {
  const year = opts.year ?? 2021;
  const template = opts.template ?? (year <= 2020 ? 'v2019' : 'v2021');
  const r = rng(opts.seed ?? 7);
  const { table3, table4 } = consistentNumbers(TEMPLATES[template], (_w, max) => Math.floor(r() * (max + 1)));
  return { issuer: opts.issuer ?? '嘉兴市生态环境局', year, template, table3, table4 };
}

const total = (spec: ReportSpec, key: string): number | null => {
  const row = TEMPLATES[spec.template].table3.rows.find((r) => r.key === key);
  return row ? (spec.table3[row.label]?.[6] ?? null) : null;
};

/** Section 一's default prose: the totals as reports state them. */
export function defaultProse(spec: ReportSpec): string[] {
  const sumOf = (group: string): number =>
    TEMPLATES[spec.template].table3.rows.filter((r) => r.groups.includes(group)).reduce((s, r) => s + (spec.table3[r.label]?.[6] ?? 0), 0);
  return [
    `${spec.year}年，${spec.issuer}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`,
    `（二）依申请公开。全年共收到政府信息公开申请${total(spec, 'received')}件，上年结转${total(spec, 'carriedOver')}件。其中予以公开${total(spec, 'disclosed')}件，部分公开${total(spec, 'partlyDisclosed')}件，不予公开${sumOf('（三）不予公开')}件，无法提供${sumOf('（四）无法提供')}件，不予处理${sumOf('（五）不予处理')}件；结转下年度继续办理${total(spec, 'carriedForward')}件。`,
    `（三）本年度被申请行政复议${spec.table4[4]}件，被提起行政诉讼${(spec.table4[9] ?? 0) + (spec.table4[14] ?? 0)}件。`,
    `本报告中所列数据的统计期限自${spec.year}年1月1日起至${spec.year}年12月31日止。`,
  ];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const show = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export interface HtmlOptions {
  /** Word "save as web page" / pasted markup: mso classes and styles, <o:p>, conditional comments, &nbsp; in blank cells */
  word?: boolean;
  /** Leave zero cells that are not totals blank (many reports do) */
  blankZeros?: boolean;
  /** Split long labels over paragraphs inside their cells, and 商业<br>企业 in the header */
  splitLabels?: boolean;
}

function cellHtml(text: string, o: HtmlOptions, attrs = ''): string {
  const a = attrs ? ` ${attrs}` : '';
  if (!o.word) return `<td${a}>${text === '' ? '&nbsp;' : text}</td>`;
  const inner = text === '' ? '&nbsp;' : text;
  return `<td width=57 valign=center${a} style='width:42.5pt;border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt;font-family:仿宋_GB2312;mso-bidi-font-family:宋体'>${inner}<o:p></o:p></span></p></td>`;
}

function splitLabel(label: string, o: HtmlOptions): string {
  if (!o.splitLabels || label.length < 12) return esc(label);
  const mid = Math.ceil(label.length / 2);
  return o.word ? `${esc(label.slice(0, mid))}</span></p><p class=MsoNormal><span>${esc(label.slice(mid))}` : `${esc(label.slice(0, mid))}<br>${esc(label.slice(mid))}`;
}

function valueText(v: number | null | undefined, isTotal: boolean, o: HtmlOptions): string {
  if (o.blankZeros && v === 0 && !isTotal) return '';
  return show(v);
}

/** Table 二 of a template with small numbers. */
function table2Html(t: AnnualReportTemplate, o: HtmlOptions): string {
  return t.table2
    .map((sub) => {
      const width = 1 + Math.max(...t.table2.map((s) => s.columns.length));
      const span = (n: number) => (n === 1 ? '' : `colspan=${n}`);
      const valueSpan = sub.columns.length === 1 ? width - 1 : 1;
      const head = `<tr>${cellHtml(esc(sub.item), o, span(width))}</tr><tr>${cellHtml(TABLE2_CONTENT_LABEL, o)}${sub.columns.map((c) => cellHtml(esc(c), o, span(valueSpan))).join('')}${'<td></td>'.repeat(width - 1 - sub.columns.length * valueSpan)}</tr>`;
      const rows = sub.rows.map((r) => `<tr>${cellHtml(esc(r), o)}${sub.columns.map((_c, k) => cellHtml(k === 1 && sub.columns[1] === '本年增/减' ? '+1' : '3', o, span(valueSpan))).join('')}</tr>`).join('');
      return `<table border=1>${head}${rows}</table>`;
    })
    .join('\n');
}

/** Table 三 as printed: 3-row header with the note, group labels spanning rows. */
export function table3Html(spec: ReportSpec, o: HtmlOptions = {}): string {
  const t = TEMPLATES[spec.template];
  const head = [
    `<tr>${cellHtml(esc(TABLE3_NOTE), o, 'colspan=3 rowspan=3')}${cellHtml('申请人情况', o, 'colspan=7')}</tr>`,
    `<tr>${cellHtml('自然人', o, 'rowspan=2')}${cellHtml('法人或其他组织', o, 'colspan=5')}${cellHtml('总计', o, 'rowspan=2')}</tr>`,
    `<tr>${TABLE3_COLUMNS.slice(1, 6).map((c) => cellHtml(o.splitLabels && c.length === 4 ? (o.word ? `${c.slice(0, 2)}</span></p><p class=MsoNormal><span>${c.slice(2)}` : `${c.slice(0, 2)}<br>${c.slice(2)}`) : c, o)).join('')}</tr>`,
  ];
  const rows: string[] = [];
  let pending = '';
  for (const line of t.table3.lines) {
    if (line.kind === 'group') {
      pending += cellHtml(esc(line.label), o, `rowspan=${line.rows}`);
      continue;
    }
    const cells = spec.table3[line.label] ?? [null, null, null, null, null, null, null];
    const span = 3 - line.depth;
    rows.push(`<tr>${pending}${cellHtml(splitLabel(line.label, o), o, span > 1 ? `colspan=${span}` : '')}${cells.map((v, c) => cellHtml(valueText(v, c === 6 || line.role === 'total', o), o)).join('')}</tr>`);
    pending = '';
  }
  const tableAttrs = o.word ? ` class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'` : ' border=1';
  const misaligned = o.word ? `<![if !supportMisalignedColumns]><tr height=0>${'<td width=57 style=\'border:none\'></td>'.repeat(10)}</tr><![endif]>` : '';
  return `<table${tableAttrs}>\n${[...head, ...rows].join('\n')}\n${misaligned}</table>`;
}

/** Table 四: 3-row header and the data row. */
export function table4Html(spec: ReportSpec, o: HtmlOptions = {}): string {
  const head = TABLE4_HEADER.map((r) => `<tr>${r.map((c) => cellHtml(c.label, o, [c.colspan ? `colspan=${c.colspan}` : '', c.rowspan ? `rowspan=${c.rowspan}` : ''].filter(Boolean).join(' '))).join('')}</tr>`);
  const data = `<tr>${spec.table4.map((v, i) => cellHtml(valueText(v, i % 5 === 4, o), o)).join('')}</tr>`;
  return `<table border=1>\n${head.join('\n')}\n${data}\n</table>`;
}

/** The report as a web page. */
export function reportToHtml(spec: ReportSpec, o: HtmlOptions = {}): string {
  const t = TEMPLATES[spec.template];
  const p = (s: string) => (o.word ? `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>${esc(s)}<span lang=EN-US><o:p></o:p></span></span></p>` : `<p>${esc(s)}</p>`);
  const title = `${spec.issuer}${spec.year}年政府信息公开工作年度报告`;
  const prose = spec.prose ?? defaultProse(spec);
  const head = o.word
    ? `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><title>${esc(title)}</title><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--><style><!-- p.MsoNormal{margin:0cm;font-size:10.5pt} --></style></head><body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>`
    : `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}_${esc(spec.issuer)}</title></head><body><div class="nav">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>`;
  return [
    head,
    o.word ? `<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt'>${esc(title)}<o:p></o:p></span></b></p>` : `<h1>${esc(title)}</h1>`,
    p(SECTION_HEADINGS[0]),
    ...prose.map(p),
    p(SECTION_HEADINGS[1]),
    table2Html(t, o),
    p(SECTION_HEADINGS[2]),
    table3Html(spec, o),
    p(SECTION_HEADINGS[3]),
    table4Html(spec, o),
    p(SECTION_HEADINGS[4]),
    p('政府信息公开工作还存在一些不足，下一步将加强培训。'),
    p(SECTION_HEADINGS[5]),
    p('本年度未收取信息处理费。'),
    o.word ? '</div></body></html>' : '<p>扫一扫在手机打开当前页</p></body></html>',
  ].join('\n');
}

export interface TextOptions {
  /** Break long labels over two lines (the numbers after the second part), and split header labels (商业 / 企业) */
  splitLabels?: boolean;
  /** Values one per line instead of on the label's line */
  valuesOnOwnLines?: boolean;
  /** Use full-width digits */
  fullWidth?: boolean;
  /** Cells separated by TABs (blank cells kept as empty fields) instead of spaces */
  tabs?: boolean;
}

/** The report as plain text, as copied from a page or saved from Word. */
export function reportToText(spec: ReportSpec, o: TextOptions = {}): string {
  const t = TEMPLATES[spec.template];
  const digits = (s: string) => (o.fullWidth ? s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s);
  const sep = o.tabs ? '\t' : ' ';
  const out: string[] = [`${spec.issuer}${spec.year}年政府信息公开工作年度报告`, SECTION_HEADINGS[0], ...(spec.prose ?? defaultProse(spec)).map(digits), SECTION_HEADINGS[1]];
  for (const sub of t.table2) {
    out.push(sub.item, [TABLE2_CONTENT_LABEL, ...sub.columns].join(sep));
    for (const r of sub.rows) out.push([r, ...sub.columns.map(() => '3')].join(sep));
  }
  out.push(SECTION_HEADINGS[2]);
  if (o.splitLabels) out.push('（本列数据的勾稽关系为：第一项加第二项之和，', '等于第三项加第四项之和）', '申请人情况', '自然人', '法人或其他组织', '总计', '商业', '企业', '科研', '机构', '社会公益', '组织', '法律服务', '机构', '其他');
  else out.push(TABLE3_NOTE, '申请人情况', ['自然人', '法人或其他组织', '总计'].join(sep), TABLE3_COLUMNS.slice(1, 6).join(sep));
  for (const line of t.table3.lines) {
    if (line.kind === 'group') {
      out.push(line.label);
      continue;
    }
    const values = (spec.table3[line.label] ?? []).map((v) => digits(show(v)));
    const valueLine = o.tabs ? values.join('\t') : values.filter((v) => v !== '').join(' ');
    const label = line.label;
    const parts = o.splitLabels && label.length >= 12 ? [label.slice(0, Math.ceil(label.length / 2)), label.slice(Math.ceil(label.length / 2))] : [label];
    if (o.valuesOnOwnLines) {
      out.push(...parts, ...values.filter((v) => v !== ''));
    } else {
      out.push(...parts.slice(0, -1), `${parts[parts.length - 1]}${sep}${valueLine}`);
    }
  }
  out.push(SECTION_HEADINGS[3], '行政复议', '行政诉讼');
  const split = (labels: readonly string[]): string[] => (o.splitLabels ? labels.flatMap((l) => (l.length === 4 ? [l.slice(0, 2), l.slice(2)] : [l])) : [labels.join(sep)]);
  out.push(...split(TABLE4_OUTCOMES), ...split(['未经复议直接起诉', '复议后起诉']), ...split([...TABLE4_OUTCOMES, ...TABLE4_OUTCOMES]));
  out.push(o.tabs ? spec.table4.map((v) => digits(show(v))).join('\t') : spec.table4.map((v) => digits(show(v))).filter((v) => v !== '').join(' '));
  out.push(SECTION_HEADINGS[4], '政府信息公开工作还存在一些不足，下一步将加强培训。', SECTION_HEADINGS[5], '本年度未收取信息处理费。');
  return out.join('\n') + '\n';
}

/** The report as a .docx: Word tables with real merged cells (gridSpan, vMerge). */
export async function reportToDocx(spec: ReportSpec): Promise<Buffer> {
  const t = TEMPLATES[spec.template];
  const p = (s: string) => new Paragraph({ children: [new TextRun(s)] });
  const cell = (s: string, opts: { columnSpan?: number; rowSpan?: number } = {}) =>
    new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(s)] })], ...opts });
  void VerticalMergeType;
  const t3rows: TableRow[] = [
    new TableRow({ children: [cell(TABLE3_NOTE, { columnSpan: 3, rowSpan: 3 }), cell('申请人情况', { columnSpan: 7 })] }),
    new TableRow({ children: [cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { columnSpan: 5 }), cell('总计', { rowSpan: 2 })] }),
    new TableRow({ children: TABLE3_COLUMNS.slice(1, 6).map((c) => cell(c)) }),
  ];
  let pending: TableCell[] = [];
  for (const line of t.table3.lines) {
    if (line.kind === 'group') {
      pending.push(cell(line.label, { rowSpan: line.rows }));
      continue;
    }
    const cells = spec.table3[line.label] ?? [];
    const span = 3 - line.depth;
    t3rows.push(new TableRow({ children: [...pending, cell(line.label, span > 1 ? { columnSpan: span } : {}), ...cells.map((v) => cell(show(v)))] }));
    pending = [];
  }
  const t4rows = [
    ...TABLE4_HEADER.map((r) => new TableRow({ children: r.map((c) => cell(c.label, { ...(c.colspan ? { columnSpan: c.colspan } : {}), ...(c.rowspan ? { rowSpan: c.rowspan } : {}) })) })),
    new TableRow({ children: spec.table4.map((v) => cell(show(v))) }),
  ];
  const t2 = t.table2.flatMap((sub) => [
    p(sub.item),
    new Table({ rows: [new TableRow({ children: [TABLE2_CONTENT_LABEL, ...sub.columns].map((c) => cell(c)) }), ...sub.rows.map((r) => new TableRow({ children: [cell(r), ...sub.columns.map(() => cell('3'))] }))] }),
  ]);
  const doc = new Document({
    sections: [
      {
        children: [
          p(`${spec.issuer}${spec.year}年政府信息公开工作年度报告`),
          p(SECTION_HEADINGS[0]),
          ...(spec.prose ?? defaultProse(spec)).map(p),
          p(SECTION_HEADINGS[1]),
          ...t2,
          p(SECTION_HEADINGS[2]),
          new Table({ rows: t3rows }),
          p(SECTION_HEADINGS[3]),
          new Table({ rows: t4rows }),
          p(SECTION_HEADINGS[4]),
          p('政府信息公开工作还存在一些不足，下一步将加强培训。'),
          p(SECTION_HEADINGS[5]),
          p('本年度未收取信息处理费。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * The report as a PDF page layout: labels at the left (long ones wrapped, the numbers on the
 * first line), value columns at fixed x under their header labels, split header labels (商业 / 企业).
 */
export function reportToPdf(spec: ReportSpec, o: { valuesOnLastLine?: boolean } = {}): Buffer {
  const t = TEMPLATES[spec.template];
  const pages: PdfText[][] = [[]];
  let y = 800;
  const put = (x: number, text: string, size = 9): void => {
    pages[pages.length - 1]!.push({ x, y, text, size });
  };
  const next = (dy = 13): void => {
    y -= dy;
    if (y < 80) {
      pages.push([]);
      y = 760;
    }
  };
  const wrap = (s: string, n: number): string[] => {
    const chars = Array.from(s);
    const out: string[] = [];
    for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
    return out;
  };
  put(60, `${spec.issuer}${spec.year}年政府信息公开工作年度报告`, 14);
  next(24);
  for (const para of [SECTION_HEADINGS[0], ...(spec.prose ?? defaultProse(spec)), SECTION_HEADINGS[1], SECTION_HEADINGS[2]]) {
    for (const part of wrap(para, 40)) {
      put(60, part, 10);
      next();
    }
  }
  const xs = [300, 340, 380, 420, 460, 500, 540];
  for (const part of wrap(TABLE3_NOTE, 14)) {
    put(40, part);
    next();
  }
  put(400, '申请人情况');
  next();
  put(xs[0]!, '自然人');
  put(380, '法人或其他组织');
  put(xs[6]!, '总计');
  next();
  TABLE3_COLUMNS.slice(1, 6).forEach((c, k) => put(xs[k + 1]!, c.slice(0, 2)));
  next();
  TABLE3_COLUMNS.slice(1, 6).forEach((c, k) => c.length > 2 && put(xs[k + 1]!, c.slice(2)));
  next();
  for (const line of t.table3.lines) {
    const x = 40 + line.depth * 20;
    const parts = wrap(line.label, 16 - line.depth * 2);
    if (line.kind === 'group') {
      put(x, parts.join(''));
      next();
      continue;
    }
    parts.forEach((part, k) => {
      // the numbers on the first line of a wrapped label (top-aligned) or on its last (as a vertically centred cell may put them)
      if (k === (o.valuesOnLastLine ? parts.length - 1 : 0)) (spec.table3[line.label] ?? []).forEach((v, c) => v !== null && put(xs[c]!, String(v)));
      put(x, part);
      next();
    });
  }
  put(60, SECTION_HEADINGS[3], 10);
  next(16);
  const x4 = Array.from({ length: 15 }, (_v, i) => 40 + i * 36);
  put(x4[2]!, '行政复议', 7);
  put(x4[10]!, '行政诉讼', 7);
  next();
  TABLE4_OUTCOMES.forEach((c, k) => put(x4[k]!, c, 7));
  put(x4[6]!, '未经复议直接起诉', 7);
  put(x4[11]!, '复议后起诉', 7);
  next();
  [...TABLE4_OUTCOMES, ...TABLE4_OUTCOMES].forEach((c, k) => put(x4[k + 5]!, c, 7));
  next();
  spec.table4.forEach((v, i) => v !== null && put(x4[i]!, String(v)));
  next(20);
  for (const para of [SECTION_HEADINGS[4], '政府信息公开工作还存在一些不足，下一步将加强培训。', SECTION_HEADINGS[5], '本年度未收取信息处理费。']) {
    put(60, para, 10);
    next();
  }
  return makePdf(pages);
}
