/**
 * Reading one uploaded file from a multipart request, within the configured size limit.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, ValidationError } from './errors.ts';

/** The uploaded file's name and bytes; throws UPLOAD_MISSING_FILE when none was sent. */
export async function readUpload(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new ValidationError('UPLOAD_NOT_MULTIPART', '请以 multipart/form-data 方式上传文件（字段名 file）');
  const file = await request.file({ limits: { fileSize: request.server.config.maxUploadBytes, files: 1 } });
  if (!file) throw new ValidationError('UPLOAD_MISSING_FILE', '没有收到上传的文件（字段名 file）');
  const bytes = await file.toBuffer();
  return { fileName: file.filename || 'upload', bytes };
}

/**
 * A multipart form with fields and files: every field's values (repeatable), and the files of
 * `fileField` (at most `maxFiles`, each within the configured size; a larger one is refused with
 * its name in the message).
 */
export async function readMultipartForm(
  request: FastifyRequest, options: { fileField: string; maxFiles: number; tooLargeCode: string },
): Promise<{ fields: Record<string, string[]>; files: { fileName: string; bytes: Buffer }[] }> {
  if (!request.isMultipart()) throw new ValidationError('UPLOAD_NOT_MULTIPART', '请以 multipart/form-data 方式提交');
  const maxBytes = request.server.config.maxUploadBytes;
  const fields: Record<string, string[]> = {};
  const files: { fileName: string; bytes: Buffer }[] = [];
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: options.maxFiles + 1, fields: 100 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== options.fileField) {
        await part.toBuffer().catch(() => undefined);
        throw new ValidationError('UPLOAD_UNEXPECTED_FILE', `不接受字段“${part.fieldname}”中的文件`);
      }
      if (files.length >= options.maxFiles) throw new ValidationError('UPLOAD_TOO_MANY_FILES', `附件最多${options.maxFiles}个`);
      try {
        files.push({ fileName: part.filename || 'file', bytes: await part.toBuffer() });
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(options.tooLargeCode, `附件“${part.filename}”超过大小限制（最大 ${Math.round(maxBytes / 1024 / 1024)} MB）`, 413);
        }
        throw e;
      }
    } else {
      (fields[part.fieldname] ??= []).push(String(part.value ?? ''));
    }
  }
  return { fields, files };
}
