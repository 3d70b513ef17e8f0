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
  if (/[。！？!?]/.test(cell)) return false; // a sentence (checked again below, after 分别负责 is cut)
  const phrase = splitUnitCell(cell);
  if (!isPlausibleUnitPhrase(cell, phrase)) return false;
  const bare = phrase.names.map((n) => n.replace(/（[^（）]*）$/, ''));
  if (!bare.every((n) => UNIT_NAME_END.test(n))) return false;
  return phrase.eachLeads || bare.length >= 2 || /^[市县区省各]|政府|部门|单位/.test(bare[0] as string);
}

/** How a unit takes part in a task, by the word written after (or the label before) its name. */
type Rank = 1 | 2 | 3;

/** One clause of a unit group: names and how they take part. */
interface UnitClause {
  names: string[];
  rank: Rank;
  each: boolean;
}

/** What a unit group (a parenthesis of a 工作要点, or a unit cell with verbs) says. */
export interface UnitGroup {
  /** 牵头 (or, when nobody 牵头, the units that 负责) */
  lead: string[];
  /** 配合, 参与, 落实 … (equal to `lead` when merged) */
  responsible: string[];
  /** The lead units each lead their own part (…分别负责, …分别牵头) */
  eachLeads: boolean;
  /** Only one kind of unit is named: they lead and carry out the task themselves */
  merged: boolean;
  /** Units a document-wide rule in the group adds to this and every later task */
  sharedUnits: string[];
  /** A time limit written in the group (…，2020年9月底前完成), as written */
  deadline: string | null;
}

/** Labels: 牵头单位：…；责任单位：… */
const LABEL = /^(牵头单位|牵头部门|主责单位|主责部门|牵头|责任单位|责任部门|落实单位|实施单位|承办单位|主办单位|责任|配合单位|配合部门|协办单位|协助单位|参与单位|配合)\s*[:：]\s*/;
const LABEL_RANK: Readonly<Record<string, Rank>> = {
  牵头单位: 1, 牵头部门: 1, 主责单位: 1, 主责部门: 1, 牵头: 1,
  责任单位: 2, 责任部门: 2, 落实单位: 2, 实施单位: 2, 承办单位: 2, 主办单位: 2, 责任: 2,
  配合单位: 3, 配合部门: 3, 协办单位: 3, 协助单位: 3, 参与单位: 3, 配合: 3,
};

/**
 * A verb that says how the names before it take part, followed by the end of the clause. Longer
 * forms first. Modifiers (分别, 按职责分工 …) belong to the verb, not to a name.
 */
const VERB = new RegExp(
  '(?<mod>(?:分别|按职责分工|按照职责分工|按职责|依职责|根据职责|按职能|各自|共同|具体|分工)*)' +
    '(?<verb>牵头负责|牵头抓总|总牵头|牵头落实|牵头|统筹推进|统筹|主抓|负责落实|负责实施|负责推进|负责|抓好落实|贯彻落实|组织实施|落实|实施|承担|配合落实|协同配合|配合|协助|参与|协同)' +
    '(?:(?:此项|该项|相关|具体|有关)?工作)?' +
    '(?=$|[，,、；;。.])',
  'g',
);
const VERB_RANK: Readonly<Record<string, Rank>> = {
  牵头负责: 1, 牵头抓总: 1, 总牵头: 1, 牵头落实: 1, 牵头: 1, 统筹推进: 1, 统筹: 1, 主抓: 1,
  负责落实: 2, 负责实施: 2, 负责推进: 2, 负责: 2, 抓好落实: 2, 贯彻落实: 2, 组织实施: 2, 落实: 2, 实施: 2, 承担: 2,
  配合落实: 3, 协同配合: 3, 配合: 3, 协助: 3, 参与: 3, 协同: 3,
};
/** Whether a text has a verb or a label of a unit group anywhere (cheap pre-check). */
const HAS_VERB = /牵头|统筹|主抓|负责|落实|实施|承担|配合|协助|参与|协同|单位\s*[:：]|部门\s*[:：]/;

/**
 * A document-wide rule: 以下各项工作均需各县（市、区）政府落实，不再列出. The units it names share
 * every task from here on and are not listed again.
 */
const NOT_LISTED_AGAIN = /[，,]?\s*(?:以下|下同|后同)?(?:均|都)?(?:不再|不另)(?:一一|重复|单独|逐项)?(?:列出|列明|注明|标注|列举|标明|列)[。.]?$/;
const RULE_UNITS = [
  // 以下各项工作均需各县（市、区）政府落实
  /^(?:以下|下列|上述|本(?:要点|方案|清单|计划|通知)(?:所列|中)?的?)?(?:各项|所有|全部|各)?(?:工作|任务|事项)?(?:均|都|皆)(?:需要|需|须|要|由|应)?(?<units>.+?)(?:分别|按职责|结合实际|认真|具体|负责|抓好|组织|贯彻)*(?:落实|实施|推进|执行|负责|承担|完成|参与|配合)$/,
  // 各县（市、区）政府负责落实以下各项工作
  /^(?<units>.+?)(?:均|都)?(?:需要|需|须|要|应)?(?:负责|抓好|认真|贯彻)*(?:落实|实施|承担|推进|完成)(?:以下|下列|上述|本(?:要点|方案|清单))(?:所列)?的?(?:各项|所有|全部)?(?:工作|任务|事项)$/,
];

/** Split at top-level separators (never inside matched brackets), keeping the pieces' text. */
function splitAt(text: string, separators: RegExp): string[] {
  const inside = insideBrackets(text, BRACKET_PAIRS);
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (inside[i] === 0 && separators.test(text[i] as string)) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** A rule glued to a clause by a comma (…配合，以下各项工作均需…，不再列出) → two sentences. */
function splitOffRule(sentence: string): string[] {
  if (!NOT_LISTED_AGAIN.test(sentence)) return [sentence];
  const m = /[，,]\s*(?=(?:以下|下列|上述|本(?:要点|方案|清单|计划))(?:所列)?的?(?:各项|所有|全部|各)?(?:工作|任务|事项)?(?:均|都|皆))/.exec(sentence);
  return m === null ? [sentence] : [sentence.slice(0, m.index), sentence.slice(m.index + m[0].length)];
}

/** The units of a document-wide rule sentence, or null when the sentence is no such rule. */
export function readSharedUnitsRule(sentence: string): string[] | null {
  const s = squeezeCjkSpaces(sentence).replace(/[。.；;]+$/, '');
  const tail = NOT_LISTED_AGAIN.exec(s);
  const head = /(?:以下|下列|本(?:要点|方案|清单|计划)(?:所列)?)的?(?:各项|所有|全部)/.test(s);
  if (tail === null && !head) return null;
  const body = tail === null ? s : s.slice(0, tail.index);
  for (const re of RULE_UNITS) {
    const m = re.exec(body);
    const raw = m?.groups?.units;
    if (raw === undefined) continue;
    const names = splitTopLevel(raw.replace(/^(?:由|需|须|要)/, ''));
    if (names.length > 0 && names.every((n) => isUnitLikeName(n))) return names;
  }
  return null;
}

/** Bracket-balanced, short, not a sentence, not a number: can be a unit name. */
function isPlausibleName(n: string): boolean {
  return n.length > 0 && n.length <= MAX_UNIT_NAME_LENGTH && !/^\d+$/.test(n) && !/[。！？!?：:]/.test(n) && bracketsBalanced(n);
}

/** How the name of a unit or a group of units ends, for prose, where any parenthesis may be a remark. */
const UNIT_LIKE_END = /(?:局|办|委|部|府|室|中心|区|院|会|行|队|团|社|所|站|处|署|厅|单位|部门|公司|馆|台|县|镇|乡|街道|关|联|组|科|股|校|集团|机构|地|级|市|省|州|盟|旗|村|办事处|企业|银行|法院|平台|小组)$/;

/**
 * Whether a name reads as a unit or a group of units (市政府办公室, 各县（市、区）政府, 各科室,
 * 附件所列单位): it ends like one, once aliases in brackets are set aside.
 */
export function isUnitLikeName(name: string): boolean {
  if (!isPlausibleName(name)) return false;
  let bare = name;
  for (let prev = ''; prev !== bare; ) {
    prev = bare;
    bare = bare.replace(/[（(〔［\[][^（()）〔〕［］\[\]]*[)）〕］\]]$/, '');
  }
  if (bare === '') return false;
  if (/(?:做好|加强|推进|开展|完善|建立|健全|提高|提升|实现|确保|进一步|深化|及时|公开|发布|工作$)/.test(bare) && !/单位$|部门$/.test(bare)) return false;
  return UNIT_LIKE_END.test(bare);
}

/** A clause that is only a time limit (2020年9月底前完成, 持续推进, 长期坚持). */
const TIME_CLAUSE = /^(?:于|在)?\s*(?:(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|上旬|中旬|下旬)|(?:(?:19|20)\d{2}\s*)?年\s*[底末]|(?:(?:19|20)\d{2}\s*年\s*)?第?\s*[一二三四1-4]\s*季度\s*[末底])\s*(?:前|之前|以前)?\s*(?:完成|到位|落实到位|取得成效)?$|^(?:持续推进|长期坚持|长期|持续开展|持续|常态化推进|常态化|全年)$/;

/**
 * Names of a clause: top-level split, each normalised; a piece that is a time limit goes to
 * `out.deadline`. Null when any other piece is not a plausible name.
 */
function clauseNames(text: string, strict: boolean, out: { deadline: string | null }): string[] | null {
  const pieces = splitAt(text.replace(/^(?:由|请|需|要|并|和|及|以及)/, ''), /[，,；;]/);
  const names: string[] = [];
  for (const piece of pieces) {
    if (TIME_CLAUSE.test(piece)) {
      out.deadline = piece;
      continue;
    }
    for (const n of splitTopLevel(piece)) if (!names.includes(n)) names.push(n);
  }
  if (names.length === 0) return null;
  return names.every((n) => (strict ? isUnitLikeName(n) : isPlausibleName(n))) ? names : null;
}

/**
 * Read the clauses of one sentence of a unit group. Null when the sentence is not made of unit
 * clauses (a remark, a sentence of task text).
 */
function readClauses(sentence: string, strict: boolean, out: { clauses: UnitClause[]; deadline: string | null }): boolean {
  let s = sentence.trim().replace(/[。.]+$/, '');
  if (s === '') return true;
  let labelRank: Rank | null = null;
  const label = LABEL.exec(s);
  if (label) {
    labelRank = LABEL_RANK[label[1] as string] as Rank;
    s = s.slice(label[0].length);
  }
  if (TIME_CLAUSE.test(s)) {
    out.deadline = s;
    return true;
  }
  const inside = insideBrackets(s, BRACKET_PAIRS);
  let from = 0;
  let found = false;
  VERB.lastIndex = 0;
  for (let m = VERB.exec(s); m !== null; m = VERB.exec(s)) {
    if (inside[m.index] === 1) continue;
    const before = s.slice(from, m.index);
    from = m.index + m[0].length;
    // skip the separator after the verb
    while (from < s.length && /[，,、；;]/.test(s[from] as string)) from++;
    VERB.lastIndex = from;
    const rank = VERB_RANK[m.groups?.verb as string] as Rank;
    const each = (m.groups?.mod ?? '').includes('分别');
    // 市政府办公室会同市司法局负责: the first leads, the others take the verb's part.
    const parts = before.split('会同');
    if (parts.length === 2 && parts[0] !== '' && parts[1] !== '') {
      const a = clauseNames(parts[0] as string, strict, out);
      const b = clauseNames(parts[1] as string, strict, out);
      if (a === null || b === null) return false;
      out.clauses.push({ names: a, rank: 1, each: false }, { names: b, rank: rank === 1 ? 2 : rank, each });
    } else {
      const names = clauseNames(before, strict, out);
      if (names === null) {
        // 牵头单位：市政府办公室；配合 — a verb with no name of its own is part of the label's clause
        if (before.trim() === '' && labelRank !== null) continue;
        return false;
      }
      out.clauses.push({ names, rank, each });
    }
    found = true;
  }
  const rest = s.slice(from).trim();
  if (rest !== '') {
    if (TIME_CLAUSE.test(rest.replace(/^[，,、；;]+/, ''))) {
      out.deadline = rest.replace(/^[，,、；;]+/, '');
    } else {
      const names = clauseNames(rest, strict, out);
      if (names === null) return false;
      // Names after the last verb, without one of their own, take the label's part, else 负责.
      out.clauses.push({ names, rank: labelRank ?? (found ? 3 : 2), each: false });
      found = true;
    }
  }
  return found || labelRank !== null;
}

/**
 * Read a unit group: the words in a 工作要点's parentheses, or a unit cell with verbs and labels.
 *
 *   市政府办公室牵头，市级有关部门配合             → lead [市政府办公室], responsible [市级有关部门]
 *   牵头单位：市委宣传部；责任单位：市网信办      → lead [市委宣传部], responsible [市网信办]
 *   各县（市、区）政府负责落实                      → merged [各县（市、区）政府]
 *   市经信局、市财政局分别负责                      → merged, eachLeads
 *   …。以下各项工作均需各县（市、区）政府落实，不再列出 → sharedUnits [各县（市、区）政府]
 *
 * Ranks: 牵头/统筹 lead; 负责/落实/实施 carry out; 配合/参与/协助 take part. The highest rank
 * written leads; the others are responsible. One rank only: merged (they lead and carry it out).
 *
 * `strict` (prose): every name must read as a unit, and at least one verb or label must be
 * written, so that an ordinary remark in brackets is never taken for units. Null when the text
 * is not a unit group.
 */
export function readUnitGroup(text: string, strict = false): UnitGroup | null {
  const squeezed = squeezeCjkSpaces(text);
  if (!HAS_VERB.test(squeezed) && !strict) return null;
  const sentences = splitAt(squeezed, /[。；;]/).flatMap(splitOffRule);
  const out: { clauses: UnitClause[]; deadline: string | null } = { clauses: [], deadline: null };
  const shared: string[] = [];
  let sawVerbOrLabel = false;
  for (const sentence of sentences) {
    const rule = readSharedUnitsRule(sentence);
    if (rule !== null) {
      for (const n of rule) if (!shared.includes(n)) shared.push(n);
      continue;
    }
    if (HAS_VERB.test(sentence) || LABEL.test(sentence)) sawVerbOrLabel = true;
    if (!readClauses(sentence, strict, out)) return null;
  }
  if (out.clauses.length === 0) {
    if (shared.length === 0) return null;
    return { lead: [], responsible: [], eachLeads: false, merged: true, sharedUnits: shared, deadline: out.deadline };
  }
  if (!sawVerbOrLabel) return null;
  const top = Math.min(...out.clauses.map((c) => c.rank));
  const lead: string[] = [];
  const responsible: string[] = [];
  let eachLeads = false;
  for (const c of out.clauses) {
    const target = c.rank === top ? lead : responsible;
    if (c.rank === top && c.each) eachLeads = true;
    for (const n of c.names) if (!target.includes(n)) target.push(n);
  }
  const merged = responsible.length === 0;
  return { lead, responsible: merged ? [...lead] : responsible, eachLeads, merged, sharedUnits: shared, deadline: out.deadline };
}

/** Whether a unit cell needs {@link readUnitGroup} (it has verbs or labels besides 分别负责). */
export function hasUnitVerbs(cell: string): boolean {
  if (!HAS_VERB.test(cell)) return false;
  const t = squeezeCjkSpaces(cell).replace(EACH_LEADS, '');
  return HAS_VERB.test(t);
}
