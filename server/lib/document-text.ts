/**
 * The plain text of an uploaded document, for search: .docx (mammoth), .doc (word-extractor), .pdf
 * (pdfjs-dist text layer), .xlsx (exceljs, every sheet's cells row by row). Images and unreadable
 * files give an empty string — the file is still stored, only not searchable by its content.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import ExcelJS from 'exceljs';

const MAX_CHARS = 200_000;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const pdf = await getDocument({
    data: new Uint8Array(bytes), cMapUrl: `${path.join(root, 'cmaps')}/`, cMapPacked: true,
    standardFontDataUrl: `${path.join(root, 'standard_fonts')}/`, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
  }).promise;
  const pages: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
    }
  } finally {
    await pdf.destroy();
  }
  return pages.join('\n');
}

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  const lines: string[] = [];
  wb.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        const t = cell.text?.trim();
        if (t) cells.push(t);
      });
      if (cells.length) lines.push(cells.join(' '));
    });
  });
  return lines.join('\n');
}

export async function extractDocumentText(bytes: Uint8Array, mimeType: string): Promise<string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  try {
    if (mimeType === 'application/pdf') text = await pdfText(bytes);
    else if (mimeType.includes('wordprocessingml')) text = (await mammoth.extractRawText({ buffer: buf })).value;
    else if (mimeType === 'application/msword') text = (await new WordExtractor().extract(buf)).getBody();
    else if (mimeType.includes('spreadsheetml')) text = await xlsxText(bytes);
  } catch {
    text = '';
  }
  return text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim().slice(0, MAX_CHARS);
}
