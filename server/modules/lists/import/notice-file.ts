/**
 * A notice file of any supported format → the same {@link ImportResult}, through one interpreter.
 *
 *   PK zip ─────────▶ .docx  (mammoth → HTML reader: merged cells kept)
 *   D0 CF 11 E0 ────▶ .doc   (word-extractor text → rows; warns; asks for .docx when no list)
 *   %PDF ───────────▶ .pdf   (pdfjs text layer → lines → rows by column; asks for .docx when no list)
 *   <html / <table ─▶ HTML   (UTF-8 or GBK)
 *   other bytes ────▶ text   (UTF-8, UTF-16, GBK/GB18030) → TAB rows, `|` rows, one cell per line, prose
 *
 * The format is chosen from the content first, then from the file's extension. Errors are coded
 * IMPORT_* ValidationErrors only.
 */
import path from 'node:path';
import type { ImportResult } from './import.types.ts';
import { isImportError, needsDocx, unreadableFile } from './import.errors.ts';
import { decodeNoticeBytes } from './notice-encoding.ts';
import { interpretNotice } from './notice-interpreter.ts';
import { pickReader } from './readers/index.ts';
import { looksLikeHtml, readHtml } from './readers/html.reader.ts';
import { readPdf } from './readers/pdf.reader.ts';
import { renderBlocks, type ReadDocument } from './readers/reader.types.ts';
import { docBodyText, docTextToDocument, readDocx } from './readers/word.reader.ts';

export type NoticeFormat = 'docx' | 'doc' | 'pdf' | 'html' | 'text';

const startsWith = (buf: Uint8Array, bytes: readonly number[]): boolean =>
  buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/** The format of a file: by its first bytes, then by its extension. */
export function sniffFormat(bytes: Uint8Array, fileName: string): NoticeFormat {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'doc';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  if (/^\s*%PDF-/.test(head.slice(0, 1024))) return 'pdf';
  if (looksLikeHtml(head.replace(/^\xef\xbb\xbf/, ''))) return 'html';
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  return 'text';
}

/** Interpret a document read from a binary or markup format; its text is a rendering of it. */
function interpretRendered(doc: ReadDocument): { text: string; result: ImportResult } {
  const rendered = renderBlocks(doc);
  return { text: rendered.text, result: interpretNotice(rendered.doc) };
}

/**
 * Read a notice file of any supported format.
 *
 * @returns `text`: the plain text stored as the notice's source (for .docx, HTML, PDF and .doc a
 *   rendering with one line per paragraph or table row, cells separated by TABs; tasks' and
 *   warnings' lines refer to it); `result`: what the notice says.
 * @throws ValidationError IMPORT_UNREADABLE_FILE, IMPORT_UNREADABLE_ENCODING, IMPORT_NEEDS_DOCX,
 *   IMPORT_NO_LIST_FOUND
 */
export async function readNoticeFile(bytes: Uint8Array, fileName: string): Promise<{ text: string; result: ImportResult }> {
  const format = sniffFormat(bytes, fileName);
  switch (format) {
    case 'docx': {
      let doc: ReadDocument;
      try {
        doc = await readDocx(bytes);
      } catch (err) {
        throw unreadableFile('文件是压缩包，但不是有效的 Word（.docx）文档（可能是 Excel 表格或其他压缩文件），无法读取。请导入通知的 Word（.docx）、网页（.html）或文本（.txt）文件。', {
          format: 'zip', cause: err instanceof Error ? err.message : String(err),
        });
      }
      return interpretRendered(doc);
    }
    case 'doc': {
      let body: string;
      try {
        body = await docBodyText(bytes);
      } catch (err) {
        throw needsDocx('doc', '文件无法打开（可能已损坏，或是 WPS 等其他格式）', { cause: err instanceof Error ? err.message : String(err) });
      }
      const doc = docTextToDocument(body);
      doc.warnings = [{ line: null, message: '本文件是旧版 Word（.doc）格式：只能读取文字，表格的合并单元格和空白单元格无法识别，请逐项核对；如有 .docx 版本，建议改用 .docx 导入' }];
      try {
        return interpretRendered(doc);
      } catch (err) {
        if (isImportError(err) && err.code === 'IMPORT_NO_LIST_FOUND') throw needsDocx('doc', '从文件的文字中没有识别到任务清单');
        throw err;
      }
    }
    case 'pdf': {
      let read: Awaited<ReturnType<typeof readPdf>>;
      try {
        read = await readPdf(bytes);
      } catch (err) {
        throw needsDocx('pdf', '文件无法打开（可能已损坏或加密）', { cause: err instanceof Error ? err.message : String(err) });
      }
      if (read.chars < 20) throw needsDocx('pdf', '文件没有文字层（可能是扫描件或图片）', { pages: read.pages });
      try {
        return interpretRendered(read.doc);
      } catch (err) {
        if (isImportError(err) && err.code === 'IMPORT_NO_LIST_FOUND') throw needsDocx('pdf', '从文件的文字层中没有识别到任务清单（PDF 的表格排版可能无法还原）');
        throw err;
      }
    }
    case 'html':
      return interpretRendered(readHtml(decodeNoticeBytes(bytes)));
    case 'text': {
      const text = decodeNoticeBytes(bytes);
      const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
      return { text, result: interpretNotice(pickReader(clean).read(clean)) };
    }
  }
}
