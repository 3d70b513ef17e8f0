/**
 * Uploaded documents (evidence, attachments of publications): accepted by their content, not their
 * name — PDF, Word, Excel, images — and the content must agree with the extension.
 */
import { ValidationError } from './errors.ts';

export interface AttachmentKind {
  mimeType: string;
  label: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((v, i) => b[at + i] === v);
}

/**
 * The kind of an uploaded file from its first bytes and its extension (which must agree), or a
 * ValidationError naming the problem.
 */
export function sniffAttachment(fileName: string, bytes: Uint8Array, errorCode = 'REPORT_ATTACHMENT_TYPE'): AttachmentKind {
  const ext = (fileName.split('.').pop() ?? '').toLowerCase();
  const refuse = () => new ValidationError(errorCode, `附件“${fileName}”的类型不被接受：只接受 PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）和图片（.png/.jpg/.gif/.webp），且文件内容须与扩展名一致`);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    if (ext === 'pdf') return { mimeType: 'application/pdf', label: 'PDF' };
    throw refuse();
  }
  if (startsWith(bytes, ZIP)) {
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4000))).toString('latin1');
    if (ext === 'docx' && (head.includes('word/') || head.includes('[Content_Types].xml'))) return { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word' };
    if (ext === 'xlsx' && (head.includes('xl/') || head.includes('[Content_Types].xml'))) return { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel' };
    throw refuse();
  }
  if (startsWith(bytes, OLE)) {
    if (ext === 'doc') return { mimeType: 'application/msword', label: 'Word' };
    if (ext === 'xls') return { mimeType: 'application/vnd.ms-excel', label: 'Excel' };
    throw refuse();
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) && ext === 'png') return { mimeType: 'image/png', label: '图片' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) && (ext === 'jpg' || ext === 'jpeg')) return { mimeType: 'image/jpeg', label: '图片' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && ext === 'gif') return { mimeType: 'image/gif', label: '图片' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8) && ext === 'webp') return { mimeType: 'image/webp', label: '图片' };
  throw refuse();
}
