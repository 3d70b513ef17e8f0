/**
 * One error handler for the whole API: coded domain errors keep their code and status; Fastify's
 * own errors (validation, body too large, bad JSON, rate limit) get stable codes and Chinese
 * messages; anything else is a 500 with a generic message, logged with the request's context.
 * Every error body has the shape `{ error: { code, message, details? } }`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fs from 'node:fs';
import { AppError } from './errors.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Chinese description of a schema validation failure, naming the field at fault. */
function validationMessage(err: FastifyError): { message: string; details: unknown } {
  const first = err.validation?.[0];
  const where = err.validationContext ?? 'body';
  const path = first ? (first.instancePath || '').replace(/^\//, '').replace(/\//g, '.') : '';
  const missing = (first?.params as { missingProperty?: string; requiredProperties?: string[] } | undefined);
  const field = path || missing?.missingProperty || missing?.requiredProperties?.[0] || '';
  const placeLabel: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };
  const reason = first?.keyword === 'required' ? '缺少必填字段' : first?.keyword === 'additionalProperties' ? '包含不允许的字段' : '格式不正确';
  const message = `${placeLabel[where] ?? where}${field ? `字段“${field}”` : ''}${reason}${first?.message ? `（${first.message}）` : ''}`;
  return { message, details: err.validation?.map((v) => ({ path: v.instancePath, keyword: v.keyword, message: v.message })) };
}

/**
 * Installs the error and not-found handlers. `spaIndex`: the single-page app's index.html, served for
 * unknown GET paths under `spaPrefix` (client-side routes).
 */
/** True when a parsed query or body holds a NUL character anywhere (PostgreSQL refuses it in text). */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/** The largest number the API accepts anywhere: ids, counts, points and amounts all fit a 32-bit integer column. */
const MAX_INPUT_NUMBER = 2_147_483_647;

/** The path of the first number that is not finite or beyond ±MAX_INPUT_NUMBER, or null. */
function numberOutOfRange(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= MAX_INPUT_NUMBER ? null : path;
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const found = numberOutOfRange(v, path ? `${path}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance, options: { spaIndex?: string | null; spaPrefix?: string } = {}): void {
  const spaHtml = options.spaIndex ? fs.readFileSync(options.spaIndex) : null;
  // API text with a NUL character is refused up front, the same on both engines (public pages clean their own input).
  app.addHook('preValidation', async (request) => {
    if (request.url.startsWith('/api/') && (hasNul(request.query) || hasNul(request.params) || hasNul(request.body))) {
      throw new AppError('INPUT_NUL_CHARACTER', '输入中含有不允许的空字符（\\0），请删除后重试', 400);
    }
  });
  // Numbers after validation and coercion: "1e309" becomes Infinity, and a 64-bit id overflows PostgreSQL's integer.
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    for (const [where, value] of [['请求内容', request.body], ['查询参数', request.query], ['路径参数', request.params]] as const) {
      const field = numberOutOfRange(value, '');
      if (field !== null) throw new AppError('INPUT_NUMBER_OUT_OF_RANGE', `${where}${field ? `字段“${field}”` : ''}的数值超出允许范围（须为有限数，绝对值不超过 ${MAX_INPUT_NUMBER}）`, 400);
    }
  });
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      if (err.statusCode >= 500) request.log.error({ err }, 'application error');
      return reply.status(err.statusCode).send(body(err.code, err.message, err.details));
    }
    if (err.validation) {
      const { message, details } = validationMessage(err);
      return reply.status(400).send(body('VALIDATION_FAILED', message, details));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
        return reply.status(413).send(body('UPLOAD_TOO_LARGE', `上传内容超过大小限制（最大 ${Math.round(request.server.config.maxUploadBytes / 1024 / 1024)} MB）`));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', `不支持的内容类型：${request.headers['content-type'] ?? '未指定'}`));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(body('INVALID_JSON', '请求内容为空'));
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send(body('INVALID_JSON', '请求内容不是有效的 JSON'));
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reply.status(415).send(body('UPLOAD_NOT_MULTIPART', '请以 multipart/form-data 方式上传文件'));
    }
    // PostgreSQL: a number beyond its column's type (SQLSTATE 22003) is the caller's input
    if ((err as { code?: string }).code === '22003') {
      return reply.status(400).send(body('INPUT_NUMBER_OUT_OF_RANGE', '输入的数值超出允许范围'));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED', '请求过于频繁，请稍后再试'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body('BAD_REQUEST', `请求无效：${err.message}`));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL_ERROR', '服务器内部错误，请稍后重试'));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (spaHtml && options.spaPrefix && request.method === 'GET' && path.startsWith(options.spaPrefix) && !path.split('/').pop()!.includes('.')) {
      return reply.type('text/html; charset=utf-8').send(spaHtml);
    }
    reply.status(404).send(body('NOT_FOUND', `未找到：${request.method} ${request.url.split('?')[0]}`));
  });
}

