/**
 * Reader for PDF: the text layer only (pdfjs-dist, legacy build for Node). A scanned PDF has no
 * text layer and cannot be read: the caller asks for the .docx.
 *
 * Text items are grouped into lines by their baseline, and each line into chunks where a gap wider
 * than half a character separates them (table columns). Page numbers at the top and bottom of
 * a page are dropped.
 *
 * A table is recognised by its header line (序号 重点工作 牵头单位 责任单位 …: three or more column
 * titles). The left edge of each column is learned from the lines that start a row (a 序号 in the
 * first column); each chunk of the following lines goes to the column it starts in, so a cell
 * wrapped over several lines is put back together. This works for tables whose cells are aligned
 * to the top (Word's default); a table whose 序号 is centred vertically in tall rows cannot be
 * rebuilt reliably from the text layer.
 *
 * Outside a table, lines are joined into paragraphs: a line that reaches the right margin goes on
 * in the next one unless that one is indented or numbered.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { collapseWhitespace } from '../text-normalise.ts';
import { columnRoleOf, headerRoles } from '../table-columns.ts';
import { ANNEX_START, DOCUMENT_FOOTER, isGroupTitle } from '../notice-annex.ts';
import type { ReadDocument, SourceBlock, SourceRow } from './reader.types.ts';

interface Chunk {
  x: number;
  right: number;
  text: string;
}
interface Line {
  y: number;
  size: number;
  chunks: Chunk[];
  page: number;
}

const pdfjsRoot = (): string => path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** The text lines of every page, top to bottom. */
export async function pdfLines(bytes: Uint8Array): Promise<{ lines: Line[]; pages: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = pdfjsRoot();
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(root, 'standard_fonts')}/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  const lines: Line[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [, , , top] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: { x: number; y: number; w: number; size: number; text: string }[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a, b, , , e, f] = it.transform as number[];
        const size = Math.hypot(a ?? 0, b ?? 0) || it.height || 10;
        items.push({ x: e ?? 0, y: f ?? 0, w: it.width, size, text: it.str });
      }
      items.sort((p, q) => q.y - p.y || p.x - q.x);
      const pageLines: Line[] = [];
      for (const it of items) {
        const line = pageLines.find((l) => Math.abs(l.y - it.y) <= Math.max(2, it.size * 0.45));
        const chunk = { x: it.x, right: it.x + it.w, text: it.text };
        if (line === undefined) pageLines.push({ y: it.y, size: it.size, chunks: [chunk], page: n });
        else line.chunks.push(chunk);
      }
      for (const l of pageLines) {
        l.chunks.sort((p, q) => p.x - q.x);
        // Join items closer than half a character: one chunk of text (table cells are further apart).
        const joined: Chunk[] = [];
        for (const c of l.chunks) {
          const prev = joined[joined.length - 1];
          if (prev !== undefined && c.x - prev.right < l.size * 0.5) {
            prev.text += c.x - prev.right > l.size * 0.25 && /[\x21-\x7e]$/.test(prev.text) ? ` ${c.text}` : c.text;
            prev.right = Math.max(prev.right, c.right);
          } else joined.push({ ...c });
        }
        l.chunks = joined;
      }
      pageLines.sort((p, q) => q.y - p.y);
      // Page numbers and running heads: short lines in the top or bottom band of the page.
      const band = top * 0.07;
      for (const l of pageLines) {
        const text = l.chunks.map((c) => c.text).join('').trim();
        if ((l.y < band || l.y > top - band) && /^[-—–－\s第页共/／]*\d{1,4}[-—–－\s第页共/／\d]*$/.test(text)) continue;
        lines.push(l);
      }
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return { lines, pages: pdf.numPages };
}

const textOf = (l: Line): string => collapseWhitespace(l.chunks.map((c) => c.text).join(' '));
const SEQ_CHUNK = /^\d{1,3}\s*[.．、]?$/;
const HEADING = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])/;

/** Blocks of the lines: tables rebuilt by their columns, the rest joined into paragraphs. */
export function pdfBlocks(lines: readonly Line[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const left = Math.min(...lines.map((l) => l.chunks[0]?.x ?? Infinity));
  const right = Math.max(...lines.map((l) => l.chunks[l.chunks.length - 1]?.right ?? -Infinity));
  let para: string | null = null;
  const flush = (): void => {
    if (para !== null && para.trim() !== '') blocks.push({ kind: 'paragraph', text: collapseWhitespace(para), line: 0 });
    para = null;
  };

  let i = 0;
  while (i < lines.length) {
    const l = lines[i] as Line;
    const titles = l.chunks.map((c) => collapseWhitespace(c.text));
    if (titles.length >= 3 && headerRoles(titles) !== null) {
      flush();
      i = readTable(lines, i, blocks);
      continue;
    }
    const text = textOf(l);
    const indented = (l.chunks[0]?.x ?? left) > left + l.size * 1.2;
    const full = (l.chunks[l.chunks.length - 1]?.right ?? 0) >= right - l.size * 2.2;
    if (para === null || indented || HEADING.test(text) || /^\d{1,3}\s*[.．、]/.test(text) || ANNEX_START.test(text)) {
      flush();
      para = text;
    } else {
      para += text;
    }
    if (!full) flush();
    i++;
  }
  flush();
  return blocks;
}

/** Read a table from its header line; returns the index of the first line after it. */
function readTable(lines: readonly Line[], at: number, blocks: SourceBlock[]): number {
  const header = lines[at] as Line;
  const headerCells = header.chunks.map((c) => collapseWhitespace(c.text));
  blocks.push({ kind: 'row', cells: headerCells, line: 0, cellLines: headerCells.map(() => 0) });
  const width = headerCells.length;
  const numbered = columnRoleOf(headerCells[0] as string) === 'seq';

  // Column left edges: from the header, then refined by the lines that start a row.
  const edges = header.chunks.map((c, k) => (k === 0 ? -Infinity : (header.chunks[k - 1]!.right + c.x) / 2));
  let end = at + 1;
  while (end < lines.length && !isTableEnd(textOf(lines[end] as Line))) end++;
  const starts = lines.slice(at + 1, end).filter((l) => SEQ_CHUNK.test(l.chunks[0]?.text.trim() ?? '') && l.chunks.length === width);
  for (let k = 1; k < width; k++) {
    const xs = starts.map((l) => l.chunks[k]!.x);
    if (xs.length > 0) edges[k] = Math.min(...xs) - 2;
  }
  const columnOf = (x: number): number => {
    let col = 0;
    for (let k = 1; k < width; k++) if (x >= (edges[k] as number)) col = k;
    return col;
  };

  let row: string[] | null = null;
  const flush = (): void => {
    if (row === null) return;
    const cells: string[] = [];
    const columns: number[] = [];
    row.forEach((c, k) => {
      const t = c.trim();
      if (t === '') return;
      cells.push(t);
      columns.push(k);
    });
    if (cells.length > 0) blocks.push({ kind: 'row', cells, line: 0, cellLines: cells.map(() => 0), columns } satisfies SourceRow);
    row = null;
  };
  for (let i = at + 1; i < end; i++) {
    const l = lines[i] as Line;
    const cells = l.chunks.map((c) => collapseWhitespace(c.text));
    if (cells.length === width && cells.every((c, k) => c === headerCells[k])) continue; // header again
    const first = l.chunks[0] as Chunk;
    const firstCol = columnOf(first.x);
    const startsRow = numbered ? firstCol === 0 && SEQ_CHUNK.test(first.text.trim()) : firstCol === 0;
    // A heading row (一、… / （一）…): one chunk, in the first columns, not inside a numbered row's text.
    if (l.chunks.length === 1 && HEADING.test(first.text.trim()) && firstCol <= 1 && first.text.length <= 60) {
      flush();
      blocks.push({ kind: 'row', cells: [collapseWhitespace(first.text)], line: 0, cellLines: [0] });
      continue;
    }
    if (startsRow || row === null) {
      flush();
      row = Array.from({ length: width }, () => '');
    }
    for (const c of l.chunks) {
      const k = columnOf(c.x);
      // A cell's lines are wraps of one text: joined without a break (a space between Latin words).
      const prev = row[k] as string;
      row[k] = prev === '' ? c.text : `${prev}${/[\x21-\x7e]$/.test(prev) && /^[\x21-\x7e]/.test(c.text) ? ' ' : ''}${c.text}`;
    }
  }
  flush();
  return end;
}

function isTableEnd(text: string): boolean {
  return ANNEX_START.test(text) || DOCUMENT_FOOTER.test(text) || isGroupTitle(text);
}

/** Read a PDF's text layer into blocks; `chars` counts the text found (0: a scan without text). */
export async function readPdf(bytes: Uint8Array): Promise<{ doc: ReadDocument; chars: number; pages: number }> {
  const { lines, pages } = await pdfLines(bytes);
  const chars = lines.reduce((n, l) => n + l.chunks.reduce((m, c) => m + c.text.length, 0), 0);
  return { doc: { format: 'pdf', blocks: lines.length > 0 ? pdfBlocks(lines) : [], exactRows: true }, chars, pages };
}
