/**
 * Coded errors of the notice importer. Every error the importer throws is a `ValidationError`
 * (HTTP 400) whose code starts with `IMPORT_`; anything else escaping the importer is a bug.
 */
import { ValidationError } from '../../../platform/errors.ts';

/** The codes the importer throws; stable identifiers for scripts and the CLI. */
export type ImportErrorCode =
  | 'IMPORT_UNREADABLE_ENCODING'
  | 'IMPORT_UNREADABLE_FILE'
  | 'IMPORT_NO_LIST_FOUND';

/** All importer codes, for tests and for callers that need to recognise an importer error. */
export const IMPORT_ERROR_CODES: readonly ImportErrorCode[] = [
  'IMPORT_UNREADABLE_ENCODING',
  'IMPORT_UNREADABLE_FILE',
  'IMPORT_NO_LIST_FOUND',
];

/** True when `err` is one of the importer's coded errors. */
export function isImportError(err: unknown): err is ValidationError & { code: ImportErrorCode } {
  return (
    err instanceof ValidationError && (IMPORT_ERROR_CODES as readonly string[]).includes(err.code)
  );
}

/** The bytes are text, but not valid UTF-8 (e.g. a GBK file). */
export function unreadableEncoding(details?: unknown): ValidationError {
  return new ValidationError(
    'IMPORT_UNREADABLE_ENCODING',
    '文件不是有效的 UTF-8 编码文本（可能是 GBK 等其他编码），无法读取。请将文件另存为 UTF-8 编码后重新导入。',
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

/** The text contains no row that can be read as a numbered task of a list. */
export function noListFound(): ValidationError {
  return new ValidationError(
    'IMPORT_NO_LIST_FOUND',
    '未在文件中找到任务清单：没有识别到带序号的重点工作行。请确认文件包含“序号、重点工作、牵头单位、责任单位”表格。',
  );
}
