/**
 * Coded errors of the notice importer. Every error the importer throws is a `ValidationError`
 * (HTTP 400) whose code starts with `IMPORT_`; anything else escaping the importer is a bug.
 */
import { ValidationError } from '../../../platform/errors.ts';

/** The codes the importer throws; stable identifiers for scripts and the CLI. */
export type ImportErrorCode =
  | 'IMPORT_UNREADABLE_ENCODING'
  | 'IMPORT_UNREADABLE_FILE'
  | 'IMPORT_NEEDS_DOCX'
  | 'IMPORT_NO_LIST_FOUND';

/** All importer codes, for tests and for callers that need to recognise an importer error. */
export const IMPORT_ERROR_CODES: readonly ImportErrorCode[] = [
  'IMPORT_UNREADABLE_ENCODING',
  'IMPORT_UNREADABLE_FILE',
  'IMPORT_NEEDS_DOCX',
  'IMPORT_NO_LIST_FOUND',
];

/** True when `err` is one of the importer's coded errors. */
export function isImportError(err: unknown): err is ValidationError & { code: ImportErrorCode } {
  return (
    err instanceof ValidationError && (IMPORT_ERROR_CODES as readonly string[]).includes(err.code)
  );
}

/** The bytes are text, but neither valid UTF-8 nor Chinese text in GBK/GB18030. */
export function unreadableEncoding(details?: unknown): ValidationError {
  return new ValidationError(
    'IMPORT_UNREADABLE_ENCODING',
    '无法识别文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030 编码的中文文本），无法读取。请将文件另存为 UTF-8 编码或 .docx 格式后重新导入。',
    details,
  );
}

/** The bytes are not a plain-text file at all (binary, Word, PDF, image …). */
export function unreadableFile(message?: string, details?: unknown): ValidationError {
  return new ValidationError(
    'IMPORT_UNREADABLE_FILE',
    message ?? '文件不是纯文本文件（含有二进制内容），无法读取。请导入 .txt 格式的通知文本。',
    details,
  );
}

/**
 * A .doc or .pdf file whose text could not be read into a list (a scanned PDF without a text
 * layer, a table whose layout the text does not keep): ask for the .docx.
 */
export function needsDocx(format: 'doc' | 'pdf', reason: string, details?: unknown): ValidationError {
  const what = format === 'pdf' ? 'PDF 文件' : '旧版 Word（.doc）文件';
  return new ValidationError(
    'IMPORT_NEEDS_DOCX',
    `无法从${what}中可靠地读取任务清单：${reason}。请使用通知的 Word（.docx）版本导入（可在 Word 或 WPS 中“另存为 .docx”）。`,
    { format, ...(typeof details === 'object' && details !== null ? details : {}) },
  );
}

/** The text contains no row that can be read as a numbered task of a list. */
export function noListFound(): ValidationError {
  return new ValidationError(
    'IMPORT_NO_LIST_FOUND',
    '未在文件中找到任务清单：没有识别到带序号的重点工作行，也没有识别到注明责任单位的工作要点段落。请确认文件包含“序号、重点工作、牵头单位、责任单位”表格，或每项工作后用括号注明单位（如“（市政府办公室牵头，市级有关部门配合）”）。',
  );
}
