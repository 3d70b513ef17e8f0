/**
 * Reading one uploaded file from a multipart request, within the configured size limit.
 */
import type { FastifyRequest } from 'fastify';
import { ValidationError } from './errors.ts';

/** The uploaded file's name and bytes; throws UPLOAD_MISSING_FILE when none was sent. */
export async function readUpload(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new ValidationError('UPLOAD_NOT_MULTIPART', '请以 multipart/form-data 方式上传文件（字段名 file）');
  const file = await request.file({ limits: { fileSize: request.server.config.maxUploadBytes, files: 1 } });
  if (!file) throw new ValidationError('UPLOAD_MISSING_FILE', '没有收到上传的文件（字段名 file）');
  const bytes = await file.toBuffer();
  return { fileName: file.filename || 'upload', bytes };
}
