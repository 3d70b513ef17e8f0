/**
 * The HTTP client of the workbench: same-origin fetch with the session cookie; every state-changing
 * request carries the session's CSRF token (X-CSRF-Token). Errors arrive as
 * `{error: {code, message}}` and are thrown as ApiError, whose message (Chinese) is shown to the user.
 */
import { t } from '../i18n/index.ts';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
type AuthListener = (code: 'AUTH_REQUIRED' | 'AUTH_PASSWORD_CHANGE_REQUIRED') => void;
let authListener: AuthListener | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401) or a password change is due. */
export function onAuthProblem(listener: AuthListener | null): void {
  authListener = listener;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let code = 'HTTP_' + res.status;
  let message = t.errors.http(res.status);
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
    details = body.error?.details;
  } catch {
    // not JSON: keep the generic message
  }
  return new ApiError(res.status, code, message, details);
}

function notifyAuth(err: ApiError, path: string): void {
  if (!authListener || path.startsWith('/sessions')) return;
  if (err.status === 401) authListener('AUTH_REQUIRED');
  else if (err.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') authListener('AUTH_PASSWORD_CHANGE_REQUIRED');
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** raw body (FormData, string) sent as is */
  raw?: BodyInit;
  contentType?: string;
  /** expected response: json (default), text, or none */
  expect?: 'json' | 'text' | 'none';
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    if (options.contentType) headers['content-type'] = options.contentType;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(API_BASE + withQuery(path, options.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', t.errors.network);
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    notifyAuth(err, path);
    throw err;
  }
  if (options.expect === 'none' || res.status === 204) return undefined as T;
  if (options.expect === 'text') return (await res.text()) as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body: body ?? {}, query }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T = void>(path: string) => request<T>('DELETE', path, { expect: 'none' }),
};

/**
 * Multipart upload with progress (XMLHttpRequest: fetch cannot report upload progress).
 * `onProgress` receives 0–100.
 */
export function upload<T>(path: string, form: FormData, options: { query?: Query; onProgress?: (percent: number) => void; signal?: AbortSignal } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API_BASE + withQuery(path, options.query));
    xhr.withCredentials = false; // same origin: the cookie goes anyway
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && options.onProgress) options.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(100);
        resolve(parsed as T);
        return;
      }
      const e = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      const err = new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, e?.message ?? t.errors.http(xhr.status), e?.details);
      notifyAuth(err, path);
      reject(err);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', t.errors.network));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', t.errors.aborted));
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/** The message to show for any error thrown by the client (or anything else). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return t.errors.unknown;
}

/** Absolute URL of an API path, for links and downloads (same origin: the cookie goes along). */
export function apiUrl(path: string, query?: Query): string {
  return API_BASE + withQuery(path, query);
}
