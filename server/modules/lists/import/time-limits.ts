/**
 * Time limits written in a task: a deadline (时限), a reporting frequency (recurrence) and a plain
 * quantity to reach (target).
 *
 * Only the task's own words count: dates inside a document name (《…（2020年版）》), a quoted
 * event or slogan (“…”) or a frequency word (每年年底前) are not the task's deadline.
 */
import type { Recurrence } from './import.types.ts';
import { QUOTING_PAIRS, insideBrackets, isoDate, lastDayOfMonth, parseSmallNumber } from './text-normalise.ts';

/** A deadline found in a text. */
export interface Deadline {
  /** YYYY-MM-DD */
  dueDate: string;
  /** The phrase as written, e.g. 2020年9月底前 */
  deadlineText: string;
}

/** Everything {@link readTimeLimits} finds in a task. */
export interface TimeLimits {
  /** The written deadline, else the end of the list's year, else null (year unknown) */
  dueDate: string | null;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  target: string | null;
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
const NUM = `(?:\\d{1,2}|[０-９]{1,2}|${CN_NUM})`;
const BEFORE = '(?:前|之前|以前)';
/** An optional "2020年" whose digits land in the named group `name`. */
const year = (name: string): string => `(?:(?<${name}>(?:19|20)\\d{2})\\s*年\\s*)?`;
const month = (name: string): string => `(?<${name}>${NUM})\\s*月\\s*`;
const day = (name: string): string => `(?<${name}>${NUM})\\s*[日号]`;

/**
 * One regex with named alternatives, scanned left to right. Each alternative is a complete
 * time-limit phrase; {@link phraseDate} turns its groups into a date.
 */
const DEADLINE = new RegExp(
  [
    // 2020年9月30日前 / 9月30日前
    `(?<dateBefore>${year('dbY')}${month('dbM')}${day('dbD')}\\s*${BEFORE})`,
    // 截至2020年9月30日
    `(?<dateUntil>(?:截至|截止(?:到)?)\\s*${year('duY')}${month('duM')}${day('duD')})`,
    // 2020年9月底前 / 9月底 / 9月末 / 9月中旬前
    `(?<monthPart>${year('mpY')}${month('mpM')}(?<mpPart>底|末|上旬|中旬|下旬)\\s*${BEFORE}?)`,
    // 2020年底前 / 年底前 / 明年底 / 年末
    `(?<yearEnd>(?:(?<yeY>(?:19|20)\\d{2})\\s*|(?<yeRel>明|今|本))?年\\s*(?:底|末)\\s*${BEFORE}?)`,
    // 第三季度末前 / 2020年三季度末 / 第3季度底
    `(?<quarterEnd>${year('qeY')}第?\\s*(?<qeQ>[一二三四1-4１-４])\\s*季度\\s*(?:末|底)\\s*${BEFORE}?)`,
  ].join('|'),
  'g',
);

/** Every deadline phrase has one of these: skip the big regex for texts without. */
const MAY_HAVE_DEADLINE = /月|季度|年\s*[底末]/;

/** Words just before a phrase that make it a repeating time, not a deadline: 每年年底前, 每月底. */
const FREQUENCY_BEFORE = /(?:每|按)(?:个)?(?:年度?|半年|季度?|月)?\s*$/;

function num(raw: string | undefined): number | null {
  return raw === undefined ? null : parseSmallNumber(raw);
}

/** The date a matched phrase stands for, or null when it is not a real date. */
function phraseDate(g: Record<string, string | undefined>, fallbackYear: number | null): string | null {
  const yearOf = (raw: string | undefined): number | null => (raw !== undefined ? Number(raw) : fallbackYear);
  if (g.dateBefore !== undefined || g.dateUntil !== undefined) {
    const before = g.dateBefore !== undefined;
    const y = yearOf(before ? g.dbY : g.duY);
    const m = num(before ? g.dbM : g.duM);
    const d = num(before ? g.dbD : g.duD);
    return y === null || m === null || d === null ? null : isoDate(y, m, d);
  }
  if (g.monthPart !== undefined) {
    const y = yearOf(g.mpY);
    const m = num(g.mpM);
    if (y === null || m === null || m < 1 || m > 12) return null;
    const d = g.mpPart === '上旬' ? 10 : g.mpPart === '中旬' ? 20 : lastDayOfMonth(y, m);
    return isoDate(y, m, d);
  }
  if (g.yearEnd !== undefined) {
    let y = yearOf(g.yeY);
    if (y !== null && g.yeRel === '明') y += 1;
    return y === null ? null : isoDate(y, 12, 31);
  }
  if (g.quarterEnd !== undefined) {
    const y = yearOf(g.qeY);
    const q = num(g.qeQ);
    if (y === null || q === null || q < 1 || q > 4) return null;
    return isoDate(y, q * 3, lastDayOfMonth(y, q * 3));
  }
  return null;
}

/**
 * The deadline written in a text, if any. Month-only phrases (6月底前, 年底前) take `year`.
 * When a text names several deadlines (6月底前…，年底前…) the latest is the task's due date.
 *
 * @example findDeadline('2020年9月底前，基层政府全面完成…', 2020)
 *   // → { dueDate: '2020-09-30', deadlineText: '2020年9月底前' }
 */
export function findDeadline(text: string, year: number | null): Deadline | null {
  if (!MAY_HAVE_DEADLINE.test(text)) return null;
  let quoted: Uint8Array | null = null;
  let best: Deadline | null = null;
  DEADLINE.lastIndex = 0;
  for (let m = DEADLINE.exec(text); m !== null; m = DEADLINE.exec(text)) {
    if (m[0].length === 0) {
      DEADLINE.lastIndex++;
      continue;
    }
    quoted ??= insideBrackets(text, QUOTING_PAIRS);
    if (quoted[m.index] === 1) continue;
    if (FREQUENCY_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const dueDate = phraseDate(m.groups ?? {}, year);
    if (dueDate === null) continue;
    if (best === null || dueDate > best.dueDate) best = { dueDate, deadlineText: m[0].trim() };
  }
  return best;
}

/**
 * Time limits that name no date: the work goes on all year (持续推进, 长期坚持, 常态化). In a
 * 完成时限 column (or a time clause of a 工作要点) they are kept as written; the task is due at the
 * end of the list's year like a task with no time limit, and no date is invented.
 */
const ONGOING = /^(?:持续推进|持续开展|持续|长期坚持|长期|常态化推进|常态化开展|常态化|全年|全年推进|按要求|按时)$/;

/** Whether a phrase is an ongoing time limit (持续推进, 长期 …). */
export function isOngoingLimit(text: string): boolean {
  return ONGOING.test(text.replace(/\s+/g, '').replace(/[。．.，,；;]+$/, ''));
}

/** Words that may follow a deadline in a 完成时限 cell: 2020年9月底前完成. */
const DONE_AFTER = /\s*(?:完成|到位|落实到位|取得成效|完成并持续推进)?$/;

/** Whether a whole cell is nothing but a time-limit phrase (a 完成时限 column). */
export function isDeadlineCell(cell: string): boolean {
  const t = cell.trim().replace(/[。．.，,；;]+$/, '');
  if (t === '' || t.length > 20) return false;
  if (isOngoingLimit(t)) return true;
  const core = t.replace(DONE_AFTER, '');
  DEADLINE.lastIndex = 0;
  const m = DEADLINE.exec(core);
  DEADLINE.lastIndex = 0;
  return m !== null && m.index === 0 && m[0].length === core.length;
}

/** Frequencies, most specific first (每半年 before 每年). */
const RECURRENCES: readonly { recurrence: Recurrence; pattern: RegExp }[] = [
  { recurrence: 'halfYearly', pattern: /(?:每|按)(?:个)?半年/g },
  { recurrence: 'quarterly', pattern: /(?:每|按)(?:个|一)?季(?:度)?/g },
  { recurrence: 'monthly', pattern: /(?:每|按)(?:个|一)?月/g },
  // 每年, 每年度, 按年度 — but 年度报告 names a document, not a frequency.
  { recurrence: 'yearly', pattern: /每(?:一)?年(?!度?报告)|按年度(?!报告)/g },
];

/**
 * The reporting frequency written in a text (按季度 → quarterly …), the first one in the text.
 * A frequency is not a deadline: it never sets the due date.
 */
export function findRecurrence(text: string): Recurrence | null {
  if (!/[每按]/.test(text)) return null;
  let quoted: Uint8Array | null = null;
  let best: { recurrence: Recurrence; at: number } | null = null;
  for (const { recurrence, pattern } of RECURRENCES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      quoted ??= insideBrackets(text, QUOTING_PAIRS);
      if (quoted[m.index] === 1) continue;
      if (best === null || m.index < best.at) best = { recurrence, at: m.index };
      break;
    }
  }
  return best?.recurrence ?? null;
}

const QUANTITY = '(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]+)';
const UNIT = '(?:人次|个工作日|个月|个百分点|万元|亿元|次|个|件|条|篇|期|场|项|家|份|人|天|小时|周|年|%|％)';
const TARGET = new RegExp(
  [
    `(?:不少于|不低于|不得少于|不得低于|至少|最少|多于|超过|达到)\\s*${QUANTITY}\\s*${UNIT}`,
    `${QUANTITY}\\s*${UNIT}\\s*(?:及以上|以上)`,
  ].join('|'),
  'g',
);

/**
 * A plain quantity the task must reach, as written: 不少于2次, 至少3篇, 2次以上. The first one in
 * the text; null when the text has none.
 */
export function findTarget(text: string): string | null {
  if (!/少于|低于|至少|最少|多于|超过|达到|以上/.test(text)) return null;
  let quoted: Uint8Array | null = null;
  TARGET.lastIndex = 0;
  for (let m = TARGET.exec(text); m !== null; m = TARGET.exec(text)) {
    quoted ??= insideBrackets(text, QUOTING_PAIRS);
    if (quoted[m.index] === 1) continue;
    return m[0].trim();
  }
  return null;
}

/**
 * Deadline, recurrence and target of a task. `year` is the list's year: month-only deadlines fall
 * in it, and a task with no written deadline is due at its end (`${year}-12-31`).
 * `deadlineCell` is a separate 完成时限 cell, when the table has one; it wins over the text.
 */
export function readTimeLimits(text: string, year: number | null, deadlineCell?: string): TimeLimits {
  const cell = deadlineCell?.trim().replace(/[。．.，,；;]+$/, '');
  const ongoing = cell !== undefined && isOngoingLimit(cell) ? cell.replace(/\s+/g, '') : null;
  const deadline =
    (cell !== undefined && ongoing === null ? findDeadline(cell, year) : null) ?? (ongoing === null ? findDeadline(text, year) : null);
  return {
    dueDate: deadline?.dueDate ?? (year !== null ? `${year}-12-31` : null),
    deadlineText: deadline?.deadlineText ?? ongoing,
    recurrence: findRecurrence(text),
    target: findTarget(text),
  };
}
