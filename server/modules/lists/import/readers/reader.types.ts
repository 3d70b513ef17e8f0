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

/** One table row as the format shows it; cells are trimmed and never empty. */
export interface SourceRow {
  kind: 'row';
  cells: string[];
  /** The line of the row's first cell */
  line: number;
  /** The line of each cell (same length as `cells`) */
  cellLines: number[];
}

export type SourceBlock = SourceParagraph | SourceRow;

/** A document read by one reader, in document order. */
export interface ReadDocument {
  /** The reader that produced it, e.g. "tab-table" */
  format: string;
  blocks: SourceBlock[];
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
