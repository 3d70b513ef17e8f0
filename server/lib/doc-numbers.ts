/**
 * 文号 (document numbers): issuer code, the year in brackets, the serial, 号 — 嘉政办发〔2020〕36号.
 * Written with any bracket people type ([2020], （2020）, ［2020］, 【2020】) and stored normalised
 * to 〔〕, which is also the key of the exact lookup.
 */
const DOC_NUMBER = /^([\u4e00-\u9fffA-Za-z]{1,15}?)\s*[〔\[［(（【﹝]\s*((?:19|20)\d{2})\s*[〕\]］)）】﹞]\s*(\d{1,5})\s*号/;

export interface DocNumber {
  issuerCode: string;
  year: number;
  serial: number;
  /** normalised: 嘉政办发〔2020〕36号 */
  text: string;
}

function fullWidthDigitsToAscii(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A 文号 at the start of the text, or null. */
export function readDocNumber(text: string): DocNumber | null {
  const m = DOC_NUMBER.exec(fullWidthDigitsToAscii(text).trim());
  if (!m) return null;
  const serial = Number(m[3]);
  return { issuerCode: m[1]!, year: Number(m[2]), serial, text: `${m[1]}〔${m[2]}〕${serial}号` };
}

/** The whole text as one 文号, or null when anything else is there. */
export function parseDocNumber(text: string): DocNumber | null {
  const t = fullWidthDigitsToAscii(text).trim().replace(/\s+/g, '');
  const d = readDocNumber(t);
  if (!d) return null;
  const m = DOC_NUMBER.exec(t)!;
  return m[0].length === t.length ? d : null;
}
