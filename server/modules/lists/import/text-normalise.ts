/**
 * Small pure text helpers shared by the importer's reader, interpreter and phrase parsers.
 */

/** Runs of whitespace (including the ideographic space U+3000 and NBSP) to one space; trimmed. */
export function collapseWhitespace(s: string): string {
  if (!/\s/.test(s)) return s;
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * CJK ideographs, CJK punctuation and full-width forms: Chinese text never has a meaningful space
 * next to one of these, so spaces there are layout noise (PDF copy, justified text).
 */
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d';
const SPACE_NEXT_TO_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g');

/** Collapse whitespace and drop spaces that touch a Chinese character or full-width punctuation. */
export function squeezeCjkSpaces(s: string): string {
  if (!/\s/.test(s)) return s;
  return collapseWhitespace(s).replace(SPACE_NEXT_TO_CJK, '');
}

/** Full-width digits ０-９ to ASCII digits. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Half-width parentheses to the full-width （） used in official unit names. */
export function toFullWidthParens(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Opening → closing bracket pairs that enclose names, document titles and quotations. */
export const BRACKET_PAIRS: Readonly<Record<string, string>> = {
  '（': '）',
  '(': ')',
  '〔': '〕',
  '[': ']',
  '［': '］',
  '【': '】',
  '﹝': '﹞',
  '《': '》',
  '〈': '〉',
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
};

/** Brackets that mark a name of something else (a document, an event, a slogan), not the task's own words. */
export const QUOTING_PAIRS: Readonly<Record<string, string>> = {
  '《': '》',
  '〈': '〉',
  '“': '”',
  '「': '」',
  '『': '』',
};

/**
 * For each UTF-16 index of `s`, whether it lies inside a *matched* bracket pair of `pairs`
 * (the brackets themselves included). Unmatched brackets protect nothing, so a stray "（" in a
 * damaged cell cannot swallow the rest of it. Linear time.
 */
export function insideBrackets(
  s: string,
  pairs: Readonly<Record<string, string>> = BRACKET_PAIRS,
): Uint8Array {
  const { closers, any } = bracketTables(pairs);
  const mask = new Uint8Array(s.length);
  if (!any.test(s)) return mask;
  const diff = new Int32Array(s.length + 1);
  const stack: { open: string; at: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (Object.hasOwn(pairs, ch)) {
      stack.push({ open: ch, at: i });
      continue;
    }
    const open = closers.get(ch);
    if (open === undefined) continue;
    // Pop to the nearest matching opener; openers above it were never closed.
    for (let k = stack.length - 1; k >= 0; k--) {
      const entry = stack[k] as { open: string; at: number };
      if (entry.open === open) {
        stack.length = k;
        diff[entry.at]! += 1;
        diff[i + 1]! -= 1;
        break;
      }
    }
  }
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    depth += diff[i] as number;
    mask[i] = depth > 0 ? 1 : 0;
  }
  return mask;
}

const TABLES = new WeakMap<object, { closers: Map<string, string>; any: RegExp }>();

/** Closer → opener map and a "has any bracket" test for a pair table, built once per table. */
function bracketTables(pairs: Readonly<Record<string, string>>): { closers: Map<string, string>; any: RegExp } {
  let t = TABLES.get(pairs);
  if (t === undefined) {
    const closers = new Map<string, string>();
    for (const [open, close] of Object.entries(pairs)) closers.set(close, open);
    const chars = [...Object.keys(pairs), ...Object.values(pairs)].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    t = { closers, any: new RegExp(`[${chars.join('')}]`) };
    TABLES.set(pairs, t);
  }
  return t;
}

/** A short excerpt for a warning message. */
export function snippet(s: string, max = 24): string {
  const t = collapseWhitespace(s);
  const chars = Array.from(t);
  return chars.length <= max ? t : `${chars.slice(0, max).join('')}…`;
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * A number written in Arabic digits or in Chinese numerals up to 99 (三, 十二, 二十一), or a
 * digit-by-digit Chinese year (二〇二〇). Null when it is not such a number.
 */
export function parseSmallNumber(raw: string): number | null {
  const s = toAsciiDigits(raw.trim());
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0 || s.length > 4) return null;
  if (/^[〇零一二三四五六七八九]{4}$/.test(s)) {
    return Number(Array.from(s, (c) => String(CN_DIGITS[c])).join(''));
  }
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[3] ? null : CN_DIGITS[m[1] as string] ?? null; // "二三" is not a number
  const tens = m[1] ? (CN_DIGITS[m[1]] as number) : 1;
  const ones = m[3] ? (CN_DIGITS[m[3]] as number) : 0;
  return tens * 10 + ones;
}

/** The last day of a month (1-12) of a year. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYY-MM-DD if it is a real calendar date in a plausible range, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1949 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
