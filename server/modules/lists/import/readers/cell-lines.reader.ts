/**
 * Reader for tables flattened to one cell per line, without TABs (copied from a PDF, or a Word
 * table pasted as plain text):
 *
 *   2020年某市政务公开重点工作清单      ← paragraph
 *   序号                                ← the header: three or more column titles, one per line
 *   重点工作
 *   牵头单位
 *   责任单位
 *   1                                   ← from here on, every line is a cell
 *   认真贯彻……
 *   市级有关部门（单位），各县（市、区）政府
 *   2
 *   …
 *   附件：…                             ← the annex or the 版记 ends the table
 *
 * Rows: when blank lines separate them, each run of lines is a row; else, in a table with a 序号
 * column, the cells form one stream that the interpreter cuts at each 序号 and heading; else
 * (no number column) the cells are cut into rows of the header's width.
 */
import { collapseWhitespace, squeezeCjkSpaces } from '../text-normalise.ts';
import { ANNEX_START, DOCUMENT_FOOTER, isGroupTitle } from '../notice-annex.ts';
import { columnRoleOf, headerRoles } from '../table-columns.ts';
import { toSimplified } from '../traditional.ts';
import { splitLines } from './tab-table.reader.ts';
import type { NoticeReader, ReadDocument, SourceBlock, SourceRow } from './reader.types.ts';

/** Where the header starts and how many titles it has, or null. */
function findHeader(lines: readonly string[]): { at: number; width: number } | null {
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    const titles: string[] = [];
    while (j < lines.length && columnRoleOf(toSimplified((lines[j] as string).trim())) !== null) {
      titles.push(toSimplified((lines[j] as string).trim()));
      j++;
    }
    if (titles.length >= 3 && headerRoles(titles) !== null) return { at: i, width: titles.length };
  }
  return null;
}

function endsCells(line: string): boolean {
  const t = squeezeCjkSpaces(toSimplified(line));
  return ANNEX_START.test(t) || DOCUMENT_FOOTER.test(t) || isGroupTitle(t);
}

export function readCellLines(text: string): ReadDocument {
  const lines = splitLines(text);
  const header = findHeader(lines);
  const blocks: SourceBlock[] = [];
  const para = (i: number): void => {
    const t = collapseWhitespace(lines[i] as string);
    if (t !== '') blocks.push({ kind: 'paragraph', text: t, line: i + 1 });
  };
  if (header === null) {
    lines.forEach((_, i) => para(i));
    return { format: 'cell-lines', blocks };
  }
  for (let i = 0; i < header.at; i++) para(i);

  let end = lines.length;
  for (let i = header.at + header.width; i < lines.length; i++) {
    if (endsCells(lines[i] as string)) {
      end = i;
      break;
    }
  }
  const headerCells = lines.slice(header.at, header.at + header.width).map((l) => collapseWhitespace(l));
  blocks.push({ kind: 'row', cells: headerCells, line: header.at + 1, cellLines: headerCells.map((_, k) => header.at + 1 + k) });

  const body = Array.from({ length: end - header.at - header.width }, (_, k) => header.at + header.width + k);
  const blankSeparated = body.some((i) => (lines[i] as string).trim() === '');
  const numbered = columnRoleOf(toSimplified(headerCells[0] as string)) === 'seq';
  let row: SourceRow | null = null;
  const close = (): void => {
    if (row !== null && row.cells.length > 0) blocks.push(row);
    row = null;
  };
  for (const i of body) {
    const t = collapseWhitespace(lines[i] as string);
    if (t === '') {
      if (blankSeparated) close();
      continue;
    }
    row ??= { kind: 'row', cells: [], line: i + 1, cellLines: [] };
    row.cells.push(t);
    row.cellLines.push(i + 1);
    if (!blankSeparated && !numbered && row.cells.length === header.width) close();
  }
  close();
  for (let i = end; i < lines.length; i++) para(i);
  return { format: 'cell-lines', blocks };
}

export const cellLinesReader: NoticeReader = {
  format: 'cell-lines',
  detect: (text) => !text.includes('\t') && findHeader(splitLines(text)) !== null,
  read: readCellLines,
};
