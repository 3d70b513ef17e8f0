/**
 * What a format reader produces: the document as an ordered stream of paragraphs and table rows,
 * each with the 1-based source line it starts on. Readers know the *format* (tab-flattened text,
 * .docx tables, HTML tables, `|` rows, prose 工作要点 …); they know nothing about lists, units or
 * deadlines — that is the interpreter's job (notice-interpreter.ts), which is the same for every
 * format.
 */

/** A line of running text outside any table (title, 文号, body, signature, annex …). */
export interface SourceParagraph {
  kind: 'paragraph';
  text: string;
  line: number;
}

/**
 * One table row as the format shows it; cells are trimmed and never empty. A cell may hold line
 * breaks (paragraphs inside a Word or HTML cell): the interpreter joins them for a text and splits
 * at them for a list of units.
 */
export interface SourceRow {
  kind: 'row';
  cells: string[];
  /** The line of the row's first cell */
  line: number;
  /** The line of each cell (same length as `cells`) */
  cellLines: number[];
  /**
   * Formats with a real table grid (.docx, HTML, `|` rows): the 0-based grid column each cell
   * starts at (empty cells are left out of `cells`, so columns may skip).
   */
  columns?: number[];
  /** The number of grid columns each cell spans (colspan / gridSpan); 1 when absent */
  spans?: number[];
  /** Whether each cell is a copy of a cell merged down from the row above (rowspan / vMerge) */
  filled?: boolean[];
}

export type SourceBlock = SourceParagraph | SourceRow;

/** A document read by one reader, in document order. */
export interface ReadDocument {
  /** The reader that produced it, e.g. "tab-table" */
  format: string;
  blocks: SourceBlock[];
  /**
   * Each row block is exactly one table row (.docx, HTML, `|` rows). Flattened text may glue
   * rows together or split one; the interpreter then finds the rows by their 序号 and headings.
   */
  exactRows?: boolean;
  /** Warnings of the reader itself (e.g. a .doc whose merged cells cannot be seen) */
  warnings?: { line: number | null; message: string }[];
}

/** A reader for one input format. */
export interface NoticeReader {
  /** Stable name, e.g. "tab-table" */
  readonly format: string;
  /** Whether the text looks like this reader's format (cheap; called before `read`). */
  detect(text: string): boolean;
  /** Read the text into blocks. Never throws. */
  read(text: string): ReadDocument;
}

/**
 * A plain-text rendering of blocks read from a binary or markup format (.docx, HTML, PDF, .doc):
 * one line per block, the cells of a row joined by TABs (line breaks inside a cell become spaces).
 * It is stored as the notice's source text, and the blocks' lines are set to its lines so that
 * every task and warning points at a line of it.
 */
export function renderBlocks(doc: ReadDocument): { text: string; doc: ReadDocument } {
  const lines: string[] = [];
  const blocks: SourceBlock[] = doc.blocks.map((b, i) => {
    const line = i + 1;
    if (b.kind === 'paragraph') {
      lines.push(b.text.replace(/\s*\n\s*/g, ' '));
      return { ...b, line };
    }
    lines.push(b.cells.map((c) => c.replace(/\s*\n\s*/g, ' ').replace(/\t/g, ' ')).join('\t'));
    return { ...b, line, cellLines: b.cells.map(() => line) };
  });
  return { text: lines.join('\n') + (lines.length > 0 ? '\n' : ''), doc: { ...doc, blocks } };
}
