/**
 * Reader for tables written with `|` separators (Markdown, or text copied from a web page or a
 * PDF converter):
 *
 *   | 序号 | 重点工作 | 牵头单位 | 责任单位 |
 *   |------|----------|----------|----------|
 *   | 1    | 认真贯彻…| 市级有关部门（单位），各县（市、区）政府 |  |
 *
 * Full-width ｜ counts too. A line with two or more separators is a row; its cells keep their grid
 * columns (empty cells are left out). A row whose number cell is empty in a table with a 序号
 * column continues the row above (a cell wrapped over two lines). Other lines are paragraphs.
 */
import { collapseWhitespace } from '../text-normalise.ts';
import { columnRoleOf } from '../table-columns.ts';
import { splitLines } from './tab-table.reader.ts';
import type { NoticeReader, ReadDocument, SourceBlock, SourceRow } from './reader.types.ts';

const SEPARATOR = /[|｜]/;
const SEPARATORS = /[|｜]/g;
/** |---|:--:| lines of Markdown */
const RULE_LINE = /^[\s|｜:：\-—–=+]+$/;

function separatorCount(line: string): number {
  return line.match(SEPARATORS)?.length ?? 0;
}

/** Split a row line into cells, dropping the empty cells an edge separator makes. */
function splitRow(line: string): string[] {
  let t = line.trim();
  if (SEPARATOR.test(t[0] ?? '')) t = t.slice(1);
  if (SEPARATOR.test(t[t.length - 1] ?? '')) t = t.slice(0, -1);
  return t.split(SEPARATOR).map((c) => collapseWhitespace(c));
}

export function readPipeTable(text: string): ReadDocument {
  const blocks: SourceBlock[] = [];
  const lines = splitLines(text);
  let seqColumn = false;
  let prevRow: SourceRow | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = i + 1;
    const n = separatorCount(raw);
    if (n >= 2 || (n === 1 && prevRow !== null)) {
      if (RULE_LINE.test(raw)) continue;
      const parts = splitRow(raw);
      const row: SourceRow = { kind: 'row', cells: [], line, cellLines: [], columns: [] };
      parts.forEach((cell, col) => {
        if (cell === '') return;
        row.cells.push(cell);
        row.cellLines.push(line);
        row.columns!.push(col);
      });
      if (row.cells.length === 0) continue;
      if (columnRoleOf(parts[0] ?? '') === 'seq') seqColumn = true;
      // A wrapped row: no number in a numbered table, and the row above had one.
      if (seqColumn && prevRow !== null && (parts[0] ?? '') === '' && prevRow.columns![0] === 0 && /^\d/.test(prevRow.cells[0] ?? '')) {
        row.cells.forEach((cell, k) => {
          const col = row.columns![k] as number;
          const at = prevRow!.columns!.indexOf(col);
          if (at >= 0) prevRow!.cells[at] = `${prevRow!.cells[at]}\n${cell}`;
          else {
            const pos = prevRow!.columns!.findIndex((c) => c > col);
            const to = pos < 0 ? prevRow!.cells.length : pos;
            prevRow!.cells.splice(to, 0, cell);
            prevRow!.columns!.splice(to, 0, col);
            prevRow!.cellLines.splice(to, 0, line);
          }
        });
        continue;
      }
      blocks.push(row);
      prevRow = row;
    } else if (raw.trim() === '') {
      prevRow = null;
    } else {
      prevRow = null;
      blocks.push({ kind: 'paragraph', text: collapseWhitespace(raw), line });
    }
  }
  return { format: 'pipe-table', blocks, exactRows: true };
}

/** At least two lines with two or more separators each. */
function detect(text: string): boolean {
  let rows = 0;
  for (const line of splitLines(text)) {
    if (separatorCount(line) >= 2 && !RULE_LINE.test(line) && ++rows >= 2) return true;
  }
  return false;
}

export const pipeTableReader: NoticeReader = { format: 'pipe-table', detect, read: readPipeTable };
