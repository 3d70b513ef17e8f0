/**
 * A report laid out like the published ones, as HTML (the public page, the workbench preview) and
 * as .docx: the title, sections 一–六 under the template's headings, table 二 as one 4-column table
 * (each 条例 item heading spanning the width), table 三 with its 3-row header (the note block
 * spanning 3 × 3, 申请人情况 over the 7 columns, 法人或其他组织 over 5) and row-spanning group labels,
 * table 四 with 行政复议 (5) | 行政诉讼 (10) and the 3-row header. Every value is escaped (HTML) or
 * plain text runs (.docx).
 */
import {
  AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import { html, SafeHtml } from '../../platform/html.ts';
import { SECTION_HEADINGS, TABLE2_CONTENT_LABEL, TABLE3_HEADER, TABLE4_HEADER } from './domain/templates.ts';
import type { ReportData, Table2Data } from './annual-reports.data.ts';

/** Width of table 二's grid: 信息内容 + the widest sub-table's value columns. */
const T2_WIDTH = 4;

const show = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Value-column spans in table 二's grid: the last column takes what is left. */
function spans(columns: number): number[] {
  const out = Array.from({ length: columns }, () => 1);
  out[columns - 1] = T2_WIDTH - 1 - (columns - 1);
  return out;
}

/** Paragraphs of an entered section (blank lines dropped). */
export function paragraphsOf(text: string): string[] {
  return text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
}

function attrs(span: { colspan?: number; rowspan?: number }): SafeHtml {
  return html`${span.colspan && span.colspan > 1 ? html` colspan="${span.colspan}"` : ''}${span.rowspan && span.rowspan > 1 ? html` rowspan="${span.rowspan}"` : ''}`;
}

function table2Html(t2: Table2Data[]): SafeHtml {
  return html`<table class="gk-ar-table gk-ar-t2"><tbody>${t2.map((sub) => {
    const sp = spans(sub.columns.length);
    return html`<tr><th colspan="${T2_WIDTH}" scope="colgroup">${sub.item}</th></tr>
<tr><th scope="col">${TABLE2_CONTENT_LABEL}</th>${sub.columns.map((c, i) => html`<th scope="col"${attrs({ colspan: sp[i] })}>${c}</th>`)}</tr>
${sub.rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.cells.map((v, i) => html`<td${attrs({ colspan: sp[i] })}>${show(v)}</td>`)}</tr>`)}`;
  })}</tbody></table>`;
}

function table3Html(d: ReportData, link?: (row: string, column: number) => string | null): SafeHtml {
  const head = TABLE3_HEADER.map((row) => html`<tr>${row.map((c) => html`<th${attrs(c)}>${c.label}</th>`)}</tr>`);
  const rows: SafeHtml[] = [];
  let pending: SafeHtml[] = [];
  const seen = new Set<string>();
  for (const row of d.table3) {
    // group labels open on the first row under them, spanning its rows
    row.groups.forEach((g) => {
      if (seen.has(g)) return;
      seen.add(g);
      pending.push(html`<th scope="rowgroup" rowspan="${d.table3.filter((r) => r.groups.includes(g)).length}">${g}</th>`);
    });
    const span = 3 - row.groups.length;
    rows.push(html`<tr>${pending}<th scope="row"${attrs({ colspan: span })}>${row.label}</th>${row.cells.map((v, c) => {
      const href = link?.(row.key, c);
      return html`<td>${href && v > 0 ? html`<a href="${href}">${v}</a>` : show(v)}</td>`;
    })}</tr>`);
    pending = [];
  }
  return html`<table class="gk-ar-table gk-ar-t3"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

function table4Html(d: ReportData): SafeHtml {
  return html`<table class="gk-ar-table gk-ar-t4"><thead>${TABLE4_HEADER.map((row) => html`<tr>${row.map((c) => html`<th${attrs(c)}>${c.label}</th>`)}</tr>`)}</thead>
<tbody><tr>${d.table4.cells.map((v) => html`<td>${show(v)}</td>`)}</tr></tbody></table>`;
}

/** The stylesheet of the tables (the public page adds it to its head). */
export const REPORT_CSS = html`<style>
.gk-ar{background:#fff;border:1px solid #d6d6d6;border-radius:6px;padding:.6rem 1rem}
.gk-ar p{text-indent:2em;line-height:1.8}
.gk-ar .wrap{overflow-x:auto;margin:.6rem 0}
.gk-ar-table{border-collapse:collapse;font-size:.9rem;min-width:100%}
.gk-ar-table th,.gk-ar-table td{border:1px solid #444;padding:.25rem .4rem;text-align:center;vertical-align:middle}
.gk-ar-table th{font-weight:400}
.gk-ar-t3 th[scope=row]{text-align:left}
</style>`;

/** The report's body as HTML: title, sections 一–六 with the template's headings, the three tables. */
export function reportHtml(d: ReportData, opts: { link?: (row: string, column: number) => string | null; headingLevel?: 1 | 2 } = {}): SafeHtml {
  const h = (text: string) => html`<h2>${text}</h2>`;
  const ps = (list: string[], empty: string) => (list.length ? list.map((p) => html`<p>${p}</p>`) : html`<p>${empty}</p>`);
  return html`<article class="gk-ar">
${opts.headingLevel === 2 ? html`<h2 class="gk-ar-title">${d.title}</h2>` : html`<h1 class="gk-ar-title">${d.title}</h1>`}
${h(SECTION_HEADINGS[0])}
${ps(d.summary.paragraphs, '')}
${h(SECTION_HEADINGS[1])}
<div class="wrap">${table2Html(d.table2)}</div>
${h(SECTION_HEADINGS[2])}
<div class="wrap">${table3Html(d, opts.link)}</div>
${h(SECTION_HEADINGS[3])}
<div class="wrap">${table4Html(d)}</div>
${h(SECTION_HEADINGS[4])}
${ps(paragraphsOf(d.section5), '（未填写）')}
${h(SECTION_HEADINGS[5])}
${ps(paragraphsOf(d.section6), '无。')}
</article>`;
}

// ---- .docx ----

const FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const HEI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };

const run = (text: string, o: { bold?: boolean; size?: number; font?: typeof FONT } = {}) => new TextRun({ text, bold: o.bold, size: o.size ?? 32, font: o.font ?? FONT });

function cell(text: string, o: { columnSpan?: number; rowSpan?: number; left?: boolean } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ alignment: o.left ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(text, { size: 21 })] })],
    verticalAlign: VerticalAlign.CENTER,
    ...(o.columnSpan && o.columnSpan > 1 ? { columnSpan: o.columnSpan } : {}),
    ...(o.rowSpan && o.rowSpan > 1 ? { rowSpan: o.rowSpan } : {}),
  });
}

const fullWidth = { size: 100, type: WidthType.PERCENTAGE } as const;

function table2Docx(t2: Table2Data[]): Table {
  const rows: TableRow[] = [];
  for (const sub of t2) {
    const sp = spans(sub.columns.length);
    rows.push(new TableRow({ children: [cell(sub.item, { columnSpan: T2_WIDTH })] }));
    rows.push(new TableRow({ children: [cell(TABLE2_CONTENT_LABEL), ...sub.columns.map((c, i) => cell(c, { columnSpan: sp[i] }))] }));
    for (const r of sub.rows) rows.push(new TableRow({ children: [cell(r.label), ...r.cells.map((v, i) => cell(show(v), { columnSpan: sp[i] }))] }));
  }
  return new Table({ rows, width: fullWidth });
}

function table3Docx(d: ReportData): Table {
  const rows: TableRow[] = TABLE3_HEADER.map((r) => new TableRow({ tableHeader: true, children: r.map((c) => cell(c.label, { columnSpan: c.colspan, rowSpan: c.rowspan })) }));
  const seen = new Set<string>();
  for (const row of d.table3) {
    const groups: TableCell[] = [];
    for (const g of row.groups) {
      if (seen.has(g)) continue;
      seen.add(g);
      groups.push(cell(g, { rowSpan: d.table3.filter((r) => r.groups.includes(g)).length }));
    }
    rows.push(new TableRow({ children: [...groups, cell(row.label, { columnSpan: 3 - row.groups.length, left: true }), ...row.cells.map((v) => cell(show(v)))] }));
  }
  return new Table({ rows, width: fullWidth });
}

function table4Docx(d: ReportData): Table {
  return new Table({
    width: fullWidth,
    rows: [
      ...TABLE4_HEADER.map((r) => new TableRow({ tableHeader: true, children: r.map((c) => cell(c.label, { columnSpan: c.colspan, rowSpan: c.rowspan })) })),
      new TableRow({ children: d.table4.cells.map((v) => cell(show(v))) }),
    ],
  });
}

/** The report as a .docx laid out like the published ones (title 二号 小标宋 style, headings 黑体, body 仿宋). */
export async function reportDocx(d: ReportData): Promise<Buffer> {
  const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [run(text, { font: HEI })] });
  const body = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(text)] });
  const texts = (list: string[], empty: string) => (list.length ? list : [empty]).map(body);
  const doc = new Document({
    creator: 'Gongkai',
    title: d.title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [run(d.title, { size: 44, bold: true, font: { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' } })] }),
        heading(SECTION_HEADINGS[0]),
        ...texts(d.summary.paragraphs, ''),
        heading(SECTION_HEADINGS[1]),
        table2Docx(d.table2),
        heading(SECTION_HEADINGS[2]),
        table3Docx(d),
        heading(SECTION_HEADINGS[3]),
        table4Docx(d),
        heading(SECTION_HEADINGS[4]),
        ...texts(paragraphsOf(d.section5), '（未填写）'),
        heading(SECTION_HEADINGS[5]),
        ...texts(paragraphsOf(d.section6), '无。'),
      ],
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
