/**
 * Coded errors of the annual-report reader: the file cannot be read as a report at all. Problems
 * with a report that can be read are not errors but `Problem`s (report.ts).
 */
import { ValidationError } from '../../../platform/errors.ts';

export type AnnualReportErrorCode =
  | 'ANNUAL_REPORT_UNREADABLE_FILE'
  | 'ANNUAL_REPORT_UNREADABLE_ENCODING'
  | 'ANNUAL_REPORT_NO_TEXT'
  | 'ANNUAL_REPORT_NOT_FOUND';

export const ANNUAL_REPORT_ERROR_CODES: readonly AnnualReportErrorCode[] = [
  'ANNUAL_REPORT_UNREADABLE_FILE',
  'ANNUAL_REPORT_UNREADABLE_ENCODING',
  'ANNUAL_REPORT_NO_TEXT',
  'ANNUAL_REPORT_NOT_FOUND',
];

export function isAnnualReportError(err: unknown): err is ValidationError & { code: AnnualReportErrorCode } {
  return err instanceof ValidationError && (ANNUAL_REPORT_ERROR_CODES as readonly string[]).includes(err.code);
}

export function annualReportError(code: AnnualReportErrorCode, message: string, details?: unknown): ValidationError {
  return new ValidationError(code, message, details);
}
