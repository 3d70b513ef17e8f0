/**
 * Coded domain errors. Services throw these; one error handler (platform/error-handler.ts) maps them
 * to `{ error: { code, message } }` with their HTTP status. Messages are Chinese, for the people who
 * read them in the UI; codes are stable SCREAMING_SNAKE identifiers for scripts.
 */
export class AppError extends Error {
  constructor(
    /** Stable code, prefixed with the module, e.g. LIST_NOT_FOUND */
    readonly code: string,
    /** Chinese message shown to the user */
    message: string,
    /** HTTP status the error maps to (4xx for the caller's mistakes) */
    readonly statusCode: number = 400,
    /** Optional structured detail (e.g. the field at fault) */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** 400: the input cannot be used as it is. */
export class ValidationError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, 400, details);
  }
}

/** 401: no valid session or token. */
export class AuthenticationError extends AppError {
  constructor(code = 'AUTH_REQUIRED', message = '请先登录') {
    super(code, message, 401);
  }
}

/** 403: authenticated, but this actor may not do this. */
export class ForbiddenError extends AppError {
  constructor(code = 'FORBIDDEN', message = '无权执行此操作') {
    super(code, message, 403);
  }
}

/** 404: the record does not exist, or the actor may not know it exists. */
export class NotFoundError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, 404);
  }
}

/** 409: the record's state does not allow this change. */
export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, 409, details);
  }
}
