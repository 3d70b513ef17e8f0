/**
 * A published annual report file → lines of cells, the one shape tables.ts reads tables from.
 *
 *   .docx ─ mammoth → HTML ─┐
 *   HTML (UTF-8 or GBK) ────┴─ lists/import parseHtml: every innermost <table> as a grid —
 *                              one line per <tr>, every cell (blank ones too) with its grid
 *                              column and colspan; rowspan copies are not repeated. Running text
 *                              (<p>, <div>, <br> …) one line per paragraph.
 *   .pdf ─ lists/import pdfLines (text layer): one line per baseline, a cell per chunk with x.
 *   text (UTF-8/GBK, lists/import decodeNoticeBytes) ─ one line per line: TAB or `|` separated
 *                              fields kept with their blanks (`field`), else whitespace tokens.
 *
 * The notice importer's readers drop blank cells, which an annual report needs (a blank 总计 is
 * a finding), so HTML grids are built here from the importer's tolerant parse tree.
 */
import mammoth from 'mammoth';
import { decodeNoticeBytes } from '../../lists/import/notice-encoding.ts';
import { sniffFormat } from '../../lists/import/notice-file.ts';
import { decodeEntities, parseHtml } from '../../lists/import/readers/html.reader.ts';
import { pdfLines } from '../../lists/import/readers/pdf.reader.ts';
import { isImportError } from '../../lists/import/import.errors.ts';
import { annualReportError } from './errors.ts';

export type ReportFormat = 'docx' | 'html' | 'pdf' | 'text';

/** One cell of a line. Which position fields are set depends on the format. */
export interface SourceCell {
  text: string;
  /** HTML/.docx: the 0-based grid column and colspan */
  col?: number;
  span?: number;
  /** PDF: left and right edge of the chunk (points) */
  x?: number;
  right?: number;
  /** Text: the field's index and the line's field count, for TAB or `|` separated lines */
  field?: number;
  fields?: number;
}

export interface SourceLine {
  cells: SourceCell[];
  /** HTML/.docx: the data table this row belongs to (index into `tables`); absent for running text */
  table?: number;
}

export interface ReportSource {
  format: ReportFormat;
  lines: SourceLine[];
  /** HTML/.docx: each data table's grid width */
  tables: { width: number }[];
  /** HTML: the page's <title>, a fallback for the report's title */
  pageTitle?: string;
}

/** The text of a line: its cells joined by a space. */
export const lineText = (l: SourceLine): string => l.cells.map((c) => c.text).join(' ').trim();

type HtmlNode = ReturnType<typeof parseHtml>;
type Node = HtmlNode | string;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}
function spanAttr(attrs: string, name: string): number {
  const v = Number.parseInt(attr(attrs, name) ?? '1', 10);
  return Number.isFinite(v) && v >= 1 ? Math.min(v, 60) : 1;
}
function isHidden(el: HtmlNode): boolean {
  if (/(?:^|\s)hidden(?:\s|=|$)/i.test(el.attrs)) return true;
  const style = attr(el.attrs, 'style');
  return style !== null && /display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden/i.test(style);
}
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'blockquote', 'center', 'pre', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'caption', 'br', 'hr', 'body', 'html', 'dd', 'dt', 'dl']);

function hasTable(el: HtmlNode): boolean {
  return el.children.some((c) => typeof c !== 'string' && (c.tag === 'table' || hasTable(c)));
}

/** Text of an element; block boundaries become line breaks. */
function textOf(el: HtmlNode): string {
  let out = '';
  const walk = (e: HtmlNode): void => {
    for (const c of e.children as Node[]) {
      if (typeof c === 'string') {
        out += decodeEntities(c);
        continue;
      }
      if (isHidden(c)) continue;
      const block = BLOCK.has(c.tag);
      if (block) out += '\n';
      walk(c);
      if (block) out += '\n';
    }
  };
  walk(el);
  return out
    .split('\n')
    .map((s) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((s) => s !== '')
    .join('\n');
}

/** HTML → lines: data tables as grids (blank cells kept), running text as paragraphs. */
export function htmlSource(html: string): ReportSource {
  const root = parseHtml(html);
  const lines: SourceLine[] = [];
  const tables: { width: number }[] = [];
  let para = '';
  const flush = (): void => {
    for (const p of para.split('\n')) {
      const t = p.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
      if (t !== '') lines.push({ cells: [{ text: t }] });
    }
    para = '';
  };
  const rowsOf = (table: HtmlNode): HtmlNode[] => {
    const rows: HtmlNode[] = [];
    const walk = (e: HtmlNode): void => {
      for (const c of e.children as Node[]) {
        if (typeof c === 'string' || isHidden(c)) continue;
        if (c.tag === 'tr') rows.push(c);
        else if (c.tag !== 'table') walk(c);
      }
    };
    walk(table);
    return rows;
  };
  const readTable = (table: HtmlNode): void => {
    const id = tables.length;
    const taken = new Set<string>(); // "row:col" covered by a rowspan from above
    let width = 0;
    rowsOf(table).forEach((tr, r) => {
      const cells: SourceCell[] = [];
      let col = 0;
      for (const td of tr.children as Node[]) {
        if (typeof td === 'string' || (td.tag !== 'td' && td.tag !== 'th')) continue;
        while (taken.has(`${r}:${col}`)) col++;
        const span = spanAttr(td.attrs, 'colspan');
        const rows = spanAttr(td.attrs, 'rowspan');
        for (let dr = 1; dr < rows; dr++) for (let dc = 0; dc < span; dc++) taken.add(`${r + dr}:${col + dc}`);
        cells.push({ text: isHidden(td) ? '' : textOf(td), col, span });
        col += span;
      }
      width = Math.max(width, col);
      if (cells.length > 0) lines.push({ cells, table: id });
    });
    tables.push({ width });
  };
  const walk = (el: HtmlNode): void => {
    for (const c of el.children as Node[]) {
      if (typeof c === 'string') {
        para += decodeEntities(c);
        continue;
      }
      if (isHidden(c)) continue;
      if (c.tag === 'table' && !hasTable(c)) {
        flush();
        readTable(c);
        continue;
      }
      const block = BLOCK.has(c.tag);
      if (block) para += '\n';
      walk(c);
      if (block) para += '\n';
    }
  };
  walk(root);
  flush();
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  return { format: 'html', lines, tables, ...(title ? { pageTitle: decodeEntities(title).replace(/\s+/g, ' ').trim() } : {}) };
}

/** Plain text → lines: TAB or `|` separated fields (blanks kept), else whitespace tokens. */
export function textSource(text: string): ReportSource {
  const lines: SourceLine[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n?|\n/)) {
    if (raw.trim() === '') continue;
    let fields: string[] | null = null;
    if (raw.includes('\t')) fields = raw.split('\t');
    else if (/^\s*\|.*\|\s*$/.test(raw)) {
      if (/^\s*\|[\s:|-]+\|\s*$/.test(raw)) continue; // a Markdown separator row
      fields = raw.trim().slice(1, -1).split('|');
    }
    if (fields !== null) {
      const f = fields.map((s) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim());
      // leading empty fields (indentation) carry no cell
      let first = 0;
      while (first < f.length - 1 && f[first] === '') first++;
      const kept = f.slice(first);
      lines.push({ cells: kept.map((t, i) => ({ text: t, field: i, fields: kept.length })) });
    } else {
      const tokens = raw.replace(/[\u00a0\u3000]/g, ' ').trim().split(/\s+/);
      lines.push({ cells: tokens.map((t) => ({ text: t })) });
    }
  }
  return { format: 'text', lines, tables: [] };
}

/** PDF text layer → lines of chunks with their x positions. */
export async function pdfSource(bytes: Uint8Array): Promise<ReportSource> {
  let read: Awaited<ReturnType<typeof pdfLines>>;
  try {
    read = await pdfLines(bytes);
  } catch (err) {
    throw annualReportError('ANNUAL_REPORT_UNREADABLE_FILE', 'PDF 文件无法打开（可能已损坏或加密）。', { cause: err instanceof Error ? err.message : String(err) });
  }
  const chars = read.lines.reduce((n, l) => n + l.chunks.reduce((m, c) => m + c.text.trim().length, 0), 0);
  if (chars < 20) {
    throw annualReportError('ANNUAL_REPORT_NO_TEXT', 'PDF 文件没有文字层（可能是扫描件或图片），无法读取表格。请使用年报的网页、Word（.docx）或文字版。', { pages: read.pages });
  }
  return {
    format: 'pdf',
    tables: [],
    lines: read.lines.map((l) => ({ cells: l.chunks.map((c) => ({ text: c.text.replace(/[\u00a0\u3000]/g, ' ').trim(), x: c.x, right: c.right })).filter((c) => c.text !== '') })),
  };
}

/**
 * Read a report file into lines.
 * @throws ValidationError ANNUAL_REPORT_UNREADABLE_FILE, ANNUAL_REPORT_UNREADABLE_ENCODING, ANNUAL_REPORT_NO_TEXT
 */
export async function readReportSource(bytes: Uint8Array, fileName: string): Promise<ReportSource> {
  const format = sniffFormat(bytes, fileName);
  if (format === 'doc') {
    throw annualReportError('ANNUAL_REPORT_UNREADABLE_FILE', '这是旧版 Word（.doc）文件，表格的空白单元格无法识别。请在 Word 或 WPS 中另存为 .docx 后再检查。', { format });
  }
  if (format === 'docx') {
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
    } catch (err) {
      throw annualReportError('ANNUAL_REPORT_UNREADABLE_FILE', '文件是压缩包，但不是有效的 Word（.docx）文档，无法读取。', { format: 'zip', cause: err instanceof Error ? err.message : String(err) });
    }
    return { ...htmlSource(html), format: 'docx' };
  }
  if (format === 'pdf') return pdfSource(bytes);
  let text: string;
  try {
    text = decodeNoticeBytes(bytes);
  } catch (err) {
    if (isImportError(err)) {
      throw err.code === 'IMPORT_UNREADABLE_ENCODING'
        ? annualReportError('ANNUAL_REPORT_UNREADABLE_ENCODING', '无法识别文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030 编码的中文），无法读取。', err.details)
        : annualReportError('ANNUAL_REPORT_UNREADABLE_FILE', '文件不是网页、Word（.docx）、PDF 或文本文件（可能是图片或其他二进制文件），无法读取。', err.details);
    }
    throw err;
  }
  return format === 'html' ? htmlSource(text) : textSource(text);
}
