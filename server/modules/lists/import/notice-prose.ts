/**
 * Prose lists: a 工作要点 or 分工方案 whose numbered paragraphs end with their units in brackets.
 *
 *   一、加强政策解读                                         ← section heading (no units)
 *   （一）强化解读回应。严格落实政策性文件与解读材料同步组织、同步审签、同步部署制度（市政府办公室
 *   牵头，市级有关部门配合。以下各项工作均需各县（市、区）政府落实，不再列出）。加强政务舆情
 *   监测（市委宣传部、市网信办分别负责）。
 *
 * Choices (documented in README.md):
 * - Each unit group closes a task: the words from the end of the previous group (or the start of
 *   the paragraph, without its number) up to the group. A paragraph with two groups gives two
 *   tasks, so that each unit is assigned only the work written for it. Words after the last group
 *   belong to the last task.
 * - Tasks are numbered 1..n in document order (prose numbering restarts in every section).
 * - A document-wide rule (…以下各项工作均需各县（市、区）政府落实，不再列出) adds its units, as
 *   responsible units, to the task it is written in and to every later task. A later numbered
 *   paragraph without units of its own is then a task of those units alone.
 * - A bracket is a unit group only when it has a verb or a label (牵头, 负责, 配合, 落实, 参与,
 *   牵头单位：…) and every name in it reads as a unit, so remarks such as （2020年版） stay text.
 * - 一、… without units is a section heading; a short （一）… without units is a subsection.
 */
import type { ImportWarning, ImportedHeading } from './import.types.ts';
import { ANNEX_START, DOCUMENT_FOOTER, isGroupTitle } from './notice-annex.ts';
import type { NoticeMetadata } from './notice-metadata.ts';
import type { SourceBlock } from './readers/reader.types.ts';
import { TaskCollector } from './task-builder.ts';
import { collapseWhitespace, snippet, squeezeCjkSpaces } from './text-normalise.ts';
import { readSharedUnitsRule, readUnitGroup, type UnitGroup } from './unit-phrases.ts';

type CleanBlock = SourceBlock & { raw: string[] };

const SECTION = /^\s*([一二三四五六七八九十]{1,3})\s*[、.．]\s*/;
const SUBSECTION = /^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/;
/** The number an item starts with: 1. 1、 （1） ① 一是 — or a section/subsection numeral. */
const ITEM_NUMBER = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[)）]|\d{1,3}\s*[.．、](?=(?:19|20)\d{2}\s*年|[^\d])|[①-⑳]|[一二三四五六七八九十]{1,3}是)\s*/;
/** A list's own title line (2020年某市政务公开工作要点). */
const LIST_TITLE = /(?:要点|方案|清单|任务|分工|计划|安排|台账|分解表)$/;

/** A paragraph as the prose reader sees it: cleaned text, and the text as written (same length). */
interface Para {
  text: string;
  raw: string;
  line: number;
  index: number;
}

/** A unit group found in a paragraph: where its brackets are, and what it says. */
interface Group {
  start: number;
  end: number;
  group: UnitGroup;
}

/** Top-level bracket spans （…） or (…) of a text: [start, end) including the brackets. */
function bracketSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if ((ch === '）' || ch === ')') && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start: open, end: i + 1 });
    }
  }
  return spans;
}

/** The unit groups of a paragraph, in order. */
function groupsOf(text: string): Group[] {
  const groups: Group[] = [];
  if (!/[（(]/.test(text)) return groups;
  for (const span of bracketSpans(text)) {
    const inner = text.slice(span.start + 1, span.end - 1);
    if (inner.length < 2 || inner.length > 300) continue;
    const group = readUnitGroup(inner, true);
    if (group !== null) groups.push({ ...span, group });
  }
  return groups;
}

/** A heading paragraph: its level, numeral and title (up to the first full stop or colon). */
function headingOf(text: string): { level: 1 | 2; numeral: string; title: string } | null {
  const s = SECTION.exec(text);
  const sub = s === null ? SUBSECTION.exec(text) : null;
  const m = s ?? sub;
  if (m === null) return null;
  const rest = text.slice(m[0].length);
  const title = collapseWhitespace(rest.split(/[。：:]/)[0] ?? '').replace(/[，,；;]+$/, '');
  if (title === '' || title.length > 60) return null;
  // A subsection heading is a title only; a long （一）… paragraph is an item.
  if (sub !== null && rest.replace(/[。：:\s]+$/, '').length > 40) return null;
  return { level: s !== null ? 1 : 2, numeral: m[1] as string, title };
}

function isEnd(text: string): boolean {
  const t = squeezeCjkSpaces(text);
  return ANNEX_START.test(t) || DOCUMENT_FOOTER.test(t) || isGroupTitle(t);
}

/** Task text of a piece of a paragraph: groups cut out, number and edge punctuation removed. */
function cleanText(text: string, first: boolean): string {
  let t = first ? text.replace(ITEM_NUMBER, '') : text;
  t = squeezeCjkSpaces(t).replace(/^[，,；;。、\s]+/, '').replace(/[，,；;、\s]+$/, '');
  if (t !== '' && !/[。！？!?；;]$/.test(t)) t += '。';
  return t.replace(/。。$/, '。');
}

export interface ProseReading {
  meta: NoticeMetadata;
  collector: TaskCollector;
  headings: ImportedHeading[];
  /** Index of the first block after the list (annex, 版记) */
  end: number;
}

/**
 * Read a prose list from the document's blocks (rows are read as paragraphs of their cells).
 * `readMeta` reads the metadata from the blocks before the list. Null when no paragraph has a unit
 * group.
 */
export function readProse(blocks: readonly CleanBlock[], readMeta: (preamble: CleanBlock[]) => NoticeMetadata): ProseReading | null {
  const paras: Para[] = blocks.map((b, index) =>
    b.kind === 'paragraph'
      ? { text: b.text, raw: b.raw[0] ?? b.text, line: b.line, index }
      : { text: b.cells.join(' '), raw: b.raw.join(' '), line: b.line, index },
  );
  const groups = paras.map((p) => groupsOf(p.text));
  const first = groups.findIndex((g) => g.length > 0);
  if (first < 0) return null;

  // Where the list starts: just after its title line, else at the headings right above the first task.
  let start = first;
  for (let i = first - 1; i >= 0 && i >= first - 3; i--) {
    if (headingOf((paras[i] as Para).text) !== null) start = i;
    else break;
  }
  for (let i = start - 1; i >= 0 && i >= start - 4; i--) {
    const t = squeezeCjkSpaces((paras[i] as Para).text);
    if (t.length <= 60 && !/[。，,；;：:]/.test(t) && LIST_TITLE.test(t) && !t.includes('关于')) {
      start = i + 1;
      break;
    }
  }
  let end = paras.length;
  for (let i = first + 1; i < paras.length; i++) {
    if (isEnd((paras[i] as Para).text)) {
      end = i;
      break;
    }
  }

  const meta = readMeta(blocks.slice(0, start) as CleanBlock[]);
  const collector = new TaskCollector(meta.notice.year);
  const headings: ImportedHeading[] = [];
  const warn = (line: number | null, message: string): void => {
    collector.warnings.push({ line, message } satisfies ImportWarning);
  };
  let section: string | null = null;
  let subsection: string | null = null;
  let sharedActive = false;

  for (let i = start; i < end; i++) {
    const p = paras[i] as Para;
    const found = groups[i] as Group[];
    if (found.length === 0) {
      const h = headingOf(p.text);
      if (h !== null) {
        if (h.level === 1) {
          section = h.numeral;
          subsection = null;
          headings.push({ level: 1, numeral: h.numeral, title: h.title, parent: null, line: p.line });
        } else {
          subsection = h.numeral;
          headings.push({ level: 2, numeral: h.numeral, title: h.title, parent: section, line: p.line });
        }
        continue;
      }
      // A rule written as a sentence of its own: 本要点所列各项工作，各县（市、区）政府均需落实，不再一一列出。
      const rule = p.text
        .split(/[。；;]/)
        .map((sentence) => readSharedUnitsRule(sentence))
        .find((r) => r !== null);
      if (rule != null) {
        collector.share(rule, p.line);
        sharedActive = true;
        continue;
      }
      if (i < first || !ITEM_NUMBER.test(p.text)) continue; // introduction, closing words
      const text = cleanText(p.text, true);
      if (sharedActive && text.length >= 4) {
        collector.add({ seq: null, section, subsection, text, units: { lead: [], responsible: [], eachLeads: false, merged: true, sharedUnits: [], deadline: null }, line: p.line, source: p.raw.trim() });
      } else {
        warn(p.line, `这一条没有写明责任单位，未作为任务导入：“${snippet(p.text)}”`);
      }
      continue;
    }

    // Cut the paragraph at its unit groups: each group closes a task.
    let from = 0;
    let pending = ''; // text of a rule-only group's piece, carried to the next task
    let pendingSourceFrom = 0;
    let last: { sourceTo: number; deadline: string | null } | null = null;
    let firstPiece = true;
    for (const g of found) {
      const piece = p.text.slice(from, g.start);
      // the punctuation right after the group ends the sentence it closes
      let to = g.end;
      while (to < p.text.length && /[。；;，,]/.test(p.text[to] as string)) to++;
      const tail = p.text.slice(g.end, to).replace(/[，,]/g, '');
      if (g.group.lead.length === 0) {
        // A group that is only a rule: its units are shared; the words before it go on.
        if (g.group.sharedUnits.length > 0) {
          collector.share(g.group.sharedUnits, p.line);
          sharedActive = true;
        }
        if (pending === '') pendingSourceFrom = from;
        pending += piece + tail;
        from = to;
        continue;
      }
      const sourceFrom = pending !== '' ? pendingSourceFrom : from;
      const text = cleanText(pending + piece + tail, firstPiece);
      pending = '';
      if (g.group.sharedUnits.length > 0) sharedActive = true;
      if (text.replace(/[。！？!?；;]/g, '') === '') {
        warn(p.line, `括号中的单位“${snippet(p.text.slice(g.start, g.end))}”前面没有工作内容，已忽略`);
        from = to;
        continue;
      }
      collector.add({
        seq: null, section, subsection, text, units: g.group, line: p.line,
        source: p.raw.slice(firstPiece ? 0 : sourceFrom, to).trim(),
      });
      last = { sourceTo: to, deadline: g.group.deadline };
      firstPiece = false;
      from = to;
    }
    // Words after the last group belong to the last task of the paragraph.
    const rest = collapseWhitespace(pending + p.text.slice(from));
    if (rest.replace(/[。！？!?；;，,\s]/g, '') !== '' && last !== null) {
      const task = collector.tasks[collector.tasks.length - 1];
      if (task !== undefined && task.line === p.line) {
        collector.extendLast(cleanText(`${task.text}${rest}`, false), `${task.source}${p.raw.slice(last.sourceTo)}`.trim(), last.deadline);
      }
    }
  }
  return { meta, collector, headings, end };
}
