/**
 * A server error shown where it belongs: on the form field it is about (the server's Chinese
 * message under the field), or — when it is about no field of the form — returned for an alert.
 *
 * The field is found from the error code (`codes`: code → field name, or a function choosing by the
 * message when one code covers several fields) or, for schema failures (VALIDATION_FAILED), from the
 * path the server names in `details`.
 */
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../api/client.ts';

export type ErrorFieldMap = Record<string, string | ((message: string) => string)>;

/** Puts the error on its field and returns null, or returns the message to show elsewhere. */
export function showServerError(form: FormInstance, err: unknown, codes: ErrorFieldMap, fields: readonly string[]): string | null {
  const message = errorMessage(err);
  if (!(err instanceof ApiError)) return message;
  let field: string | undefined;
  const mapped = codes[err.code];
  if (typeof mapped === 'function') field = mapped(err.message);
  else if (mapped) field = mapped;
  else if (err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
    const path = String((err.details[0] as { path?: string } | undefined)?.path ?? '').replace(/^\//, '').split('/')[0];
    if (path) field = path;
  }
  if (!field || !fields.includes(field)) return message;
  form.setFields([{ name: field, errors: [message] }]);
  form.scrollToField(field, { block: 'center' });
  return null;
}

/** For a Form's onValuesChange: a field the user edits loses the server's error shown on it. */
export function clearErrorsOf(form: FormInstance) {
  return (changed: Record<string, unknown>) => {
    const names = Object.keys(changed).filter((name) => form.getFieldError(name).length > 0);
    if (names.length) form.setFields(names.map((name) => ({ name, errors: [] })));
  };
}
