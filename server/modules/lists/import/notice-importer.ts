/**
 * The notice importer: bytes or text of an openness notice → {@link ImportResult} (the notice's
 * metadata, the list's headings and tasks with their units and time limits, the annex's unit
 * group), before any unit is resolved against the directory.
 *
 *   bytes ──readNoticeFile (sniffs .docx, .doc, PDF, HTML, text)──▶ paragraphs + rows
 *         ──interpretNotice (one for all formats)──▶ ImportResult
 *
 * `parseNotice(text)` reads plain text (TAB rows, `|` rows, one cell per line, prose);
 * `readNoticeFile(bytes, fileName)` reads any supported file.
 *
 * Errors are `ValidationError`s with IMPORT_ codes (import.errors.ts); nothing else is thrown.
 */
import type { ImportResult } from './import.types.ts';
import { decodeNoticeBytes } from './notice-encoding.ts';
import { interpretNotice } from './notice-interpreter.ts';
import { pickReader } from './readers/index.ts';

export { decodeNoticeBytes } from './notice-encoding.ts';
export { readNoticeFile, sniffFormat, type NoticeFormat } from './notice-file.ts';

/**
 * Parse the text of a notice.
 *
 * @throws ValidationError IMPORT_NO_LIST_FOUND when the text has no recognisable task row.
 * @example
 *   const result = parseNotice(readFileSync('notice.txt', 'utf8'));
 *   result.tasks[13]; // { seq: 14, dueDate: '2020-09-30', deadlineText: '2020年9月底前', … }
 */
export function parseNotice(text: string): ImportResult {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return interpretNotice(pickReader(clean).read(clean));
}

/**
 * Decode and parse a plain-text file (UTF-8, UTF-16, GBK). For .docx, HTML, .doc and PDF use
 * {@link readNoticeFile}.
 *
 * @throws ValidationError IMPORT_UNREADABLE_FILE, IMPORT_UNREADABLE_ENCODING, IMPORT_NO_LIST_FOUND
 */
export function parseNoticeFile(bytes: Uint8Array): ImportResult {
  return parseNotice(decodeNoticeBytes(bytes));
}
