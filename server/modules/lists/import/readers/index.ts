/**
 * The registry of format readers. A new format (.docx tables, HTML tables, `|` rows, one cell per
 * line, prose 工作要点, GBK text …) adds a reader here; the interpreter does not change.
 */
import type { NoticeReader } from './reader.types.ts';
import { tabTableReader } from './tab-table.reader.ts';

export type { NoticeReader, ReadDocument, SourceBlock, SourceParagraph, SourceRow } from './reader.types.ts';

/** Readers in order of preference; the first whose `detect` accepts the text reads it. */
export const NOTICE_READERS: readonly NoticeReader[] = [tabTableReader];

/** The reader for a text; the tab-table reader when none claims it (it reads any text). */
export function pickReader(text: string): NoticeReader {
  return NOTICE_READERS.find((r) => r.detect(text)) ?? tabTableReader;
}
