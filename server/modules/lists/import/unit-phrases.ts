/**
 * Unit cells (牵头单位 / 责任单位) → unit names, as written.
 *
 * A cell lists units separated by 、，,；; at the top level. Separators inside brackets belong to
 * a name: 各县（市、区）政府 and 市政务数据办（市跑改办） are one name each. A trailing 分别负责 says
 * that each lead unit leads its own part (eachLeads); it is not part of any name.
 */
import { BRACKET_PAIRS, insideBrackets, squeezeCjkSpaces, toFullWidthParens } from './text-normalise.ts';

/** The names of one unit cell, and whether the cell ends in 分别负责. */
export interface UnitPhrase {
  names: string[];
  /** The cell ended with 分别负责: each unit is responsible for its own part */
  eachLeads: boolean;
}

const SEPARATORS = new Set(['、', '，', ',', '；', ';']);
/** 分别负责 (also 分别牵头负责, optionally in brackets) at the end of a cell. */
const EACH_LEADS = /[（(]?\s*分别\s*(?:牵头)?\s*负责\s*[)）]?[\s。．.，,；;、]*$/;
const EDGE_PUNCTUATION = /^[\s、，,；;：:。．.!！?？]+|[\s、，,；;：:。．.!！?？]+$/g;

/**
 * Normalise one unit name: whitespace collapsed (and removed next to Chinese characters),
 * parentheses made full-width （）, punctuation stripped from both ends.
 */
export function normaliseUnitName(name: string): string {
  return toFullWidthParens(squeezeCjkSpaces(name)).replace(EDGE_PUNCTUATION, '');
}

/**
 * Split a unit cell at its top-level separators.
 *
 * @example splitUnitCell('市级有关部门（单位），各县（市、区）政府')
 *   // → { names: ['市级有关部门（单位）', '各县（市、区）政府'], eachLeads: false }
 * @example splitUnitCell('市经信局、市财政局分别负责')
 *   // → { names: ['市经信局', '市财政局'], eachLeads: true }
 */
export function splitUnitCell(cell: string): UnitPhrase {
  let text = squeezeCjkSpaces(cell);
  let eachLeads = false;
  const each = EACH_LEADS.exec(text);
  if (each) {
    eachLeads = true;
    text = text.slice(0, each.index);
  }
  return { names: splitTopLevel(text), eachLeads };
}

/**
 * Split a list of names at top-level 、，,；; (never inside matched brackets), normalise each name,
 * and drop empty and repeated names (the first occurrence is kept).
 */
export function splitTopLevel(text: string): string[] {
  const inside = insideBrackets(text, BRACKET_PAIRS);
  const names: string[] = [];
  const seen = new Set<string>();
  let from = 0;
  const push = (to: number): void => {
    const name = normaliseUnitName(text.slice(from, to));
    if (name !== '' && !seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  };
  for (let i = 0; i < text.length; i++) {
    if (inside[i] === 0 && SEPARATORS.has(text[i] as string)) {
      push(i);
      from = i + 1;
    }
  }
  push(text.length);
  return names;
}

/** The longest unit name we accept in a unit cell; longer "names" are sentences. */
export const MAX_UNIT_NAME_LENGTH = 30;

/**
 * Whether a cell can be a unit cell rather than a piece of task text: it has at least one name,
 * no sentence punctuation (。！？) and no name longer than {@link MAX_UNIT_NAME_LENGTH}, and no
 * name that is only digits.
 */
export function isPlausibleUnitCell(cell: string): boolean {
  return isPlausibleUnitPhrase(cell, splitUnitCell(cell));
}

/** {@link isPlausibleUnitCell} for a cell already split by {@link splitUnitCell}. */
export function isPlausibleUnitPhrase(cell: string, phrase: UnitPhrase): boolean {
  if (/[。！？!?]/.test(squeezeCjkSpaces(cell).replace(EACH_LEADS, ''))) return false;
  if (phrase.names.length === 0) return false;
  return phrase.names.every(
    (n) => n.length <= MAX_UNIT_NAME_LENGTH && !/^\d+$/.test(n) && bracketsBalanced(n),
  );
}

/** A name cut in the middle of its brackets (市级有关部门（单) is a truncated name. */
function bracketsBalanced(name: string): boolean {
  let depth = 0;
  for (const ch of name) {
    if (ch === '（') depth++;
    else if (ch === '）' && --depth < 0) return false;
  }
  return depth === 0;
}

/** How the name of an organisation ends (after any bracketed alias): 局, 办, 委, 政府, 部门 … */
const UNIT_NAME_END = /(?:局|办|委|部|府|室|中心|区|院|会|行|队|团|社|所|站|处|署|厅|单位|部门|公司|馆|台|县|镇|乡|街道|关|联|组)$/;

/**
 * Whether a cell is certainly a list of units (市委编办、市司法局; 海盐县政府), not a task text.
 * Used to notice a task row whose text is missing, so that its lead units are not taken for the
 * text. A single short phrase counts only when it reads as a government unit (starts with 市, 县,
 * 区, 省 or 各, or names a 政府/部门/单位), so short task texts such as 深化一网通办 stay texts.
 */
export function looksLikeUnitList(cell: string): boolean {
  const phrase = splitUnitCell(cell);
  if (!isPlausibleUnitPhrase(cell, phrase)) return false;
  const bare = phrase.names.map((n) => n.replace(/（[^（）]*）$/, ''));
  if (!bare.every((n) => UNIT_NAME_END.test(n))) return false;
  return phrase.eachLeads || bare.length >= 2 || /^[市县区省各]|政府|部门|单位/.test(bare[0] as string);
}
