/**
 * Test fixtures, made by the tests themselves: one list rendered as a .docx (the `docx` package,
 * with real merged cells), as HTML, as TAB-flattened text, as `|` rows, and as a PDF with a text
 * layer (written by hand). Used by the importer's tests and the API tests; nothing here is used by
 * the application.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** One task of a fixture list. `responsible` null: one merged cell spans 牵头单位 and 责任单位. */
export interface FixtureTask {
  text: string;
  lead: string;
  responsible: string | null;
  /** A 完成时限 cell, when the list has that column */
  deadline?: string;
}

export interface FixtureList {
  docNumber: string;
  title: string;
  issuer: string;
  /** 2021年3月1日 */
  date: string;
  listTitle: string;
  /** Section headings (一、…) before the task at that index */
  sections?: { before: number; title: string }[];
  tasks: FixtureTask[];
  /** Adds a 完成时限 column */
  deadlineColumn?: boolean;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function header(list: FixtureList): string[] {
  return ['序号', '重点工作', '牵头单位', '责任单位', ...(list.deadlineColumn ? ['完成时限'] : [])];
}

/** Rows in order: headings and tasks (cells of a task: seq, text, lead, responsible | null, deadline). */
function rowsOf(list: FixtureList): ({ heading: string } | { cells: (string | null)[] })[] {
  const rows: ({ heading: string } | { cells: (string | null)[] })[] = [];
  list.tasks.forEach((t, i) => {
    const s = list.sections?.findIndex((x) => x.before === i) ?? -1;
    if (s >= 0) rows.push({ heading: `${NUMERALS[s]}、${list.sections![s]!.title}` });
    rows.push({ cells: [String(i + 1), t.text, t.lead, t.responsible, ...(list.deadlineColumn ? [t.deadline ?? ''] : [])] });
  });
  return rows;
}

function preamble(list: FixtureList): string[] {
  return [list.docNumber, list.title, '各区人民政府，市级有关部门：', '现将清单印发给你们，请认真贯彻落实。', list.issuer, list.date, list.listTitle];
}

/** The list as a .docx: a Word table; a merged unit cell has gridSpan 2. */
export async function listToDocx(list: FixtureList): Promise<Buffer> {
  const p = (t: string) => new Paragraph({ children: [new TextRun(t)] });
  const cell = (t: string, span = 1) => new TableCell({ children: [p(t)], columnSpan: span });
  const width = header(list).length;
  const rows = [new TableRow({ children: header(list).map((h) => cell(h)), tableHeader: true })];
  for (const r of rowsOf(list)) {
    if ('heading' in r) rows.push(new TableRow({ children: [cell(r.heading, width)] }));
    else {
      const [seq, text, lead, responsible, ...rest] = r.cells;
      const units = responsible === null ? [cell(lead as string, 2)] : [cell(lead as string), cell(responsible as string)];
      rows.push(new TableRow({ children: [cell(seq as string), cell(text as string), ...units, ...rest.map((c) => cell(c ?? ''))] }));
    }
  }
  const doc = new Document({ sections: [{ children: [...preamble(list).map(p), new Table({ rows })] }] });
  return Packer.toBuffer(doc);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The list as an HTML page: colspan for merged cells, &nbsp; in empty cells, the header repeated. */
export function listToHtml(list: FixtureList): string {
  const width = header(list).length;
  const head = `<tr>${header(list).map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const body = rowsOf(list)
    .map((r, i) => {
      const repeat = i > 0 && i % 7 === 0 ? head : ''; // a header repeated as at a page break
      if ('heading' in r) return `${repeat}<tr><td colspan="${width}"><b>${esc(r.heading)}</b></td></tr>`;
      const [seq, text, lead, responsible, ...rest] = r.cells;
      const units = responsible === null ? `<td colspan="2">${esc(lead as string)}</td>` : `<td>${esc(lead as string)}</td><td>${esc(responsible as string)}</td>`;
      return `${repeat}<tr><td>${seq}</td><td><p class="MsoNormal"><span>${esc(text as string)}</span></p></td>${units}${rest.map((c) => `<td>${c ? esc(c) : '&nbsp;'}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const pre = preamble(list).map((t) => `<p>${esc(t)}</p>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(list.title)}</title><style>td{border:1px solid}</style></head><body>\n${pre}\n<table>\n${head}\n${body}\n</table>\n<p>扫一扫在手机打开当前页</p></body></html>`;
}

/** The list as TAB-flattened text (the seed's layout): a merged unit cell is one cell. */
export function listToText(list: FixtureList): string {
  const cells = (xs: (string | null | undefined)[]) => xs.filter((c): c is string => c !== null && c !== undefined && c !== '').map((c) => `\t${c}`).join('\n');
  const rows = [cells(header(list)), ...rowsOf(list).map((r) => ('heading' in r ? cells([r.heading]) : cells(r.cells)))];
  return `${preamble(list).join('\n')}\n${rows.join('\n\n')}\n`;
}

/** The list as `|` rows. */
export function listToPipes(list: FixtureList): string {
  const line = (xs: (string | null)[]) => `| ${xs.map((c) => c ?? '').join(' | ')} |`;
  const width = header(list).length;
  const rows = [line(header(list)), `|${'---|'.repeat(width)}`, ...rowsOf(list).map((r) => ('heading' in r ? line([r.heading, ...Array(width - 1).fill('')]) : line(r.cells)))];
  return `${preamble(list).join('\n')}\n${rows.join('\n')}\n`;
}

/** A piece of text placed on a PDF page (points from the bottom left). */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

/**
 * A minimal PDF with a text layer: one Type0 font (Identity-H, not embedded) whose CIDs are the
 * characters' UTF-16 codes, and a ToUnicode CMap that maps them back. Enough for pdfjs to extract
 * the text with its positions. BMP characters only.
 */
export function makePdf(pages: PdfText[][]): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const highBytes = new Set<number>();
  for (const page of pages) for (const t of page) for (const ch of t.text) highBytes.add(ch.charCodeAt(0) >> 8);
  const ranges = [...highBytes].sort((a, b) => a - b).map((h) => {
    const hex = h.toString(16).padStart(2, '0').toUpperCase();
    return `<${hex}00> <${hex}FF> <${hex}00>`;
  });
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${ranges.length} beginbfrange\n${ranges.join('\n')}\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  const pagesObj = add('PAGES');
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add('<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const ops = page
      .map((t) => {
        const hex = Array.from(t.text, (ch) => ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join('');
        return `BT /F1 ${t.size ?? 10} Tf 1 0 0 1 ${t.x} ${t.y} Tm <${hex}> Tj ET`;
      })
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * The list laid out as a PDF page would show it: the preamble as lines, then the table with its
 * columns at fixed x positions, long texts wrapped over several lines (cells aligned to the top),
 * and a page number at the bottom.
 */
export function listToPdf(list: FixtureList): Buffer {
  const pages: PdfText[][] = [[]];
  let y = 800;
  const page = (): PdfText[] => pages[pages.length - 1] as PdfText[];
  const newPageIfNeeded = (need: number): void => {
    if (y - need < 60) {
      page().push({ x: 290, y: 30, text: `- ${pages.length} -` });
      pages.push([]);
      y = 800;
    }
  };
  for (const t of preamble(list)) {
    newPageIfNeeded(16);
    page().push({ x: 60, y, text: t });
    y -= 16;
  }
  const cols = [40, 80, 336, 450, 550];
  const widths = [3, 24, 10, 9, 5]; // characters per line in each column
  const wrap = (s: string, n: number): string[] => {
    const chars = Array.from(s);
    const out: string[] = [];
    for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
    return out.length ? out : [''];
  };
  const headerCells = header(list);
  newPageIfNeeded(16);
  headerCells.forEach((h, k) => page().push({ x: cols[k] as number, y, text: h }));
  y -= 16;
  for (const r of rowsOf(list)) {
    if ('heading' in r) {
      newPageIfNeeded(16);
      page().push({ x: 40, y, text: r.heading });
      y -= 16;
      continue;
    }
    const [seq, text, lead, responsible, ...rest] = r.cells;
    const cells: (string[] | null)[] = [[seq as string], wrap(text as string, widths[1] as number), wrap(lead as string, responsible === null ? 19 : (widths[2] as number)), responsible === null ? null : wrap(responsible as string, widths[3] as number), ...rest.map((c) => (c ? wrap(c, 5) : ['']))];
    const height = Math.max(...cells.map((c) => c?.length ?? 0));
    newPageIfNeeded(height * 12 + 4);
    cells.forEach((c, k) => c?.forEach((part, j) => part && page().push({ x: cols[k] as number, y: y - j * 12, text: part })));
    y -= height * 12 + 4;
  }
  page().push({ x: 290, y: 30, text: `- ${pages.length} -` });
  return makePdf(pages);
}
