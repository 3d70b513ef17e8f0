/**
 * Reader for notices whose table was flattened to text, one cell per line:
 *
 *   2020年嘉兴市政务公开重点工作责任清单      ← paragraph (no leading TAB)
 *   \t序号                                   ← a cell: the line starts with a TAB
 *   \t重点工作
 *                                            ← a blank line ends the row
 *   \t1
 *   \t认真贯彻……
 *   \t市级有关部门（单位），各县（市、区）政府
 *
 * Lines with only a TAB are empty cells and are dropped. A line that does not start with a TAB but
 * holds TABs (a row pasted from a spreadsheet) is a row by itself, its cells split at the TABs.
 */
import { collapseWhitespace } from '../text-normalise.ts';
import type { NoticeReader, ReadDocument, SourceBlock, SourceRow } from './reader.types.ts';

/** Split text into lines at \r\n, \r or \n. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Read tab-flattened text into paragraphs and rows. */
export function readTabTable(text: string): ReadDocument {
  const blocks: SourceBlock[] = [];
  let row: SourceRow | null = null;
  const closeRow = (): void => {
    if (row !== null && row.cells.length > 0) blocks.push(row);
    row = null;
  };
  const addCells = (target: SourceRow, parts: string[], line: number): void => {
    for (const part of parts) {
      const cell = collapseWhitespace(part);
      if (cell === '') continue;
      if (target.cells.length === 0) target.line = line;
      target.cells.push(cell);
      target.cellLines.push(line);
    }
  };

  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = i + 1;
    if (raw.startsWith('\t')) {
      row ??= { kind: 'row', cells: [], line, cellLines: [] };
      addCells(row, raw.split('\t'), line);
    } else if (raw.trim() === '') {
      closeRow();
    } else if (raw.includes('\t')) {
      closeRow();
      const own: SourceRow = { kind: 'row', cells: [], line, cellLines: [] };
      addCells(own, raw.split('\t'), line);
      if (own.cells.length > 0) blocks.push(own);
    } else {
      closeRow();
      blocks.push({ kind: 'paragraph', text: collapseWhitespace(raw), line });
    }
  }
  closeRow();
  return { format: 'tab-table', blocks };
}

/** The tab-flattened table format (the seed notice's format). */
export const tabTableReader: NoticeReader = {
  format: 'tab-table',
  detect: (text) => text.includes('\t'),
  read: readTabTable,
};
