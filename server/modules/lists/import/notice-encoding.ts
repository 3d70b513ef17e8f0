/**
 * Bytes of an uploaded text notice → text. Accepts UTF-8 with or without BOM, UTF-16 with a BOM
 * (Windows Notepad's "Unicode"), and GBK/GB18030 (what Chinese Windows saves as "ANSI", and what
 * many government web pages are served in); refuses binary files and other encodings with coded
 * errors.
 *
 * Detection: valid UTF-8 first (a GBK file of Chinese text is almost never valid UTF-8); else
 * GB18030 when it decodes to mostly CJK text with few replacement characters; else
 * IMPORT_UNREADABLE_ENCODING.
 */
import iconv from 'iconv-lite';
import { unreadableEncoding, unreadableFile } from './import.errors.ts';

/** Magic numbers of binary files people upload by mistake, with a message that says what to do. */
const SIGNATURES: readonly { bytes: number[]; format: string; message: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    format: 'zip',
    message: '这是 Word（.docx）文档或压缩包，暂不能直接导入。请在 Word 中将通知另存为“纯文本（.txt）”后再导入。',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    format: 'ole',
    message: '这是旧版 Word（.doc）或 WPS 文档，暂不能直接导入。请将通知另存为“纯文本（.txt）”后再导入。',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], format: 'pdf', message: '这是 PDF 文件，暂不能直接导入。请复制通知全文，保存为 .txt 文件后再导入。' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], format: 'png', message: '这是图片文件，不能导入。请导入通知的文本（.txt）文件。' },
  { bytes: [0xff, 0xd8, 0xff], format: 'jpeg', message: '这是图片文件，不能导入。请导入通知的文本（.txt）文件。' },
];

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** Control characters other than TAB, LF, VT, FF, CR and ESC: text files have (almost) none. */
function isBinaryControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b;
}

/**
 * Decode the bytes of a notice file.
 *
 * @throws ValidationError IMPORT_UNREADABLE_FILE for a binary file (a NUL byte, many control
 *   characters, or a known binary signature such as .docx/.pdf).
 * @throws ValidationError IMPORT_UNREADABLE_ENCODING for text that is not valid UTF-8.
 */
export function decodeNoticeBytes(buf: Uint8Array): string {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    let text: string;
    try {
      text = new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf);
    } catch {
      throw unreadableEncoding({ encoding: 'utf-16' });
    }
    if (text.includes('\u0000')) throw unreadableFile();
    return text;
  }
  for (const sig of SIGNATURES) {
    if (startsWith(buf, sig.bytes)) throw unreadableFile(sig.message, { format: sig.format });
  }
  let controls = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] as number;
    if (b === 0) throw unreadableFile(undefined, { offset: i });
    if (isBinaryControl(b)) controls++;
  }
  if (controls > 8 && controls * 100 > buf.length) throw unreadableFile(undefined, { controls });
  try {
    // fatal: invalid sequences throw instead of becoming U+FFFD; the BOM, if any, is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // UTF-8 with a damaged tail or a few bad bytes is a damaged UTF-8 file, not GBK.
    if (isDamagedUtf8(buf)) throw unreadableEncoding({ encoding: 'utf-8' });
    const gb = decodeGb18030(buf);
    if (gb !== null) return gb;
    throw unreadableEncoding({ tried: ['utf-8', 'gb18030'] });
  }
}

/** Valid UTF-8 but for a sequence cut at the very end, or fewer than 1 in 20 bad characters. */
function isDamagedUtf8(buf: Uint8Array): boolean {
  for (let cut = 1; cut <= 3 && cut < buf.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, buf.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  const text = new TextDecoder('utf-8').decode(buf);
  let nonAscii = 0;
  let replaced = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (ch === '\uFFFD') replaced++;
  }
  return replaced * 20 < nonAscii;
}

/** CJK ideographs, CJK punctuation, full-width forms, and the Chinese quotes and dashes. */
const CJK_CHAR = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/;

/**
 * Decode bytes as GB18030 (a superset of GBK and GB2312) when the result reads as Chinese text:
 * at least 4 in 5 of its non-ASCII characters are CJK, and at most 1 in 200 (and at least one
 * such character was decoded) is a replacement character. Null otherwise.
 */
export function decodeGb18030(buf: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030');
  let nonAscii = 0;
  let cjk = 0;
  let replaced = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (ch === '\uFFFD') replaced++;
    else if (CJK_CHAR.test(ch)) cjk++;
  }
  if (cjk < 2) return null;
  if (cjk * 5 < nonAscii * 4) return null;
  if (replaced * 200 > nonAscii) return null;
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
