/**
 * The registry of text readers. Each reads one way a table is written as plain text; the
 * interpreter is the same for all. Binary and markup formats (.docx, HTML, PDF, .doc) have their
 * own readers, chosen by notice-file.ts from the file's content.
 */
import type { NoticeReader } from './reader.types.ts';
import { cellLinesReader } from './cell-lines.reader.ts';
import { pipeTableReader } from './pipe-table.reader.ts';
import { tabTableReader } from './tab-table.reader.ts';

export type { NoticeReader, ReadDocument, SourceBlock, SourceParagraph, SourceRow } from './reader.types.ts';

/**
 * Readers in order of preference; the first whose `detect` accepts the text reads it. The
 * tab-table reader reads anything else (text without TABs is paragraphs: prose 工作要点).
 */
export const NOTICE_READERS: readonly NoticeReader[] = [pipeTableReader, tabTableReader, cellLinesReader];

/** The reader for a text; the tab-table reader when none claims it (it reads any text). */
export function pickReader(text: string): NoticeReader {
  return NOTICE_READERS.find((r) => r.detect(text)) ?? tabTableReader;
}
