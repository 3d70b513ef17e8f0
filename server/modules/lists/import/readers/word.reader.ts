/**
 * Readers for Word files.
 *
 * .docx: mammoth turns the document into HTML — tables with colspan for gridSpan and rowspan for
 * vMerge, automatic numbering as <ol> — and the HTML reader reads that. Headers and footers (page
 * numbers) are not part of mammoth's HTML; footnotes are dropped by the HTML reader.
 *
 * .doc (Word 97–2003): word-extractor gives the body text only. In it a cell ends with a TAB, a
 * row with one more TAB, and a paragraph (inside a cell or not) with a line break; merged cells and
 * empty cells cannot be told apart. {@link docTextToDocument} reads that text as well as it can
 * (rows cut at TAB TAB, re-cut by the interpreter at each 序号); the caller warns that the result
 * needs checking, and asks for the .docx when no list comes out.
 */
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { collapseWhitespace } from '../text-normalise.ts';
import { readHtml } from './html.reader.ts';
import type { ReadDocument, SourceBlock, SourceRow } from './reader.types.ts';

/** Read a .docx. Throws when the bytes are not a Word document (the caller turns it into a coded error). */
export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return { ...readHtml(value), format: 'docx' };
}

/** The body text of a .doc (word-extractor), Chinese quotes kept as written. */
export async function docBodyText(bytes: Uint8Array): Promise<string> {
  const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return doc.getBody({ filterUnicode: false });
}

/**
 * Read the body text of a .doc: paragraphs end with a line break; a table cell ends with a TAB
 * and a row with a second TAB. The text before the first cell of a table, up to its last line
 * break, is paragraphs.
 */
export function docTextToDocument(body: string): ReadDocument {
  const blocks: SourceBlock[] = [];
  const text = body.replace(/\r\n?/g, '\n');
  const paragraphs = (s: string): void => {
    for (const p of s.split('\n')) {
      const t = collapseWhitespace(p);
      if (t !== '') blocks.push({ kind: 'paragraph', text: t, line: 0 });
    }
  };
  const tokens = text.split('\t');
  let row: SourceRow | null = null;
  const closeRow = (): void => {
    if (row !== null && row.cells.length > 0) blocks.push(row);
    row = null;
  };
  for (let k = 0; k < tokens.length; k++) {
    let token = tokens[k] as string;
    const isLast = k === tokens.length - 1;
    if (isLast) {
      // After the last cell: paragraphs.
      closeRow();
      paragraphs(token);
      break;
    }
    if (row === null) {
      // The first cell of a row: text before it, up to the last line break, is paragraphs.
      const cut = token.lastIndexOf('\n');
      if (cut >= 0) {
        paragraphs(token.slice(0, cut));
        token = token.slice(cut + 1);
      }
      row = { kind: 'row', cells: [], line: 0, cellLines: [] };
    }
    if (token === '') {
      closeRow(); // the row mark (or an empty cell: the interpreter re-cuts rows at each 序号)
      continue;
    }
    const cell = token
      .split('\n')
      .map((p) => collapseWhitespace(p))
      .filter((p) => p !== '')
      .join('\n');
    if (cell !== '') {
      row.cells.push(cell);
      row.cellLines.push(0);
    }
  }
  closeRow();
  return { format: 'doc', blocks };
}
