/**
 * The annex that defines a unit group (附件 / 市级有关部门（单位）名单 / the names), read from the
 * blocks after the list's table. The 版记 (抄送：…, 印发 …) and anything after it is never read.
 */
import type { ImportWarning } from './import.types.ts';
import type { SourceBlock } from './readers/reader.types.ts';
import { splitTopLevel, normaliseUnitName } from './unit-phrases.ts';
import { squeezeCjkSpaces } from './text-normalise.ts';

/** The annex's group and member names. */
export interface AnnexReading {
  /** e.g. 市级有关部门（单位）; null when no annex list was found */
  group: string | null;
  names: string[];
  warnings: ImportWarning[];
}

/** 附件, 附件1, 附件：…, 附件一 — a line that opens an annex. */
export const ANNEX_START = /^附\s*件\s*[0-9一二三四五六七八九十]*\s*(?:[:：]|$)/;
/** The 版记 lines that close a notice: nothing after them is content. */
export const DOCUMENT_FOOTER = /^(?:抄\s*送|抄\s*报|主\s*送|印\s*发|分\s*送)\s*[:：]|^[^，。,]{2,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
/** The title line of a list of names: [附件：]市级有关部门（单位）名单 */
const GROUP_TITLE = /^(?:附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*)?(.{2,40}?)\s*名\s*单$/;

/** Whether a line is the title of a name list (…名单). */
export function isGroupTitle(text: string): boolean {
  return text.length <= 50 && !/[。；;]/.test(text) && GROUP_TITLE.test(text);
}

interface Item {
  text: string;
  line: number;
  kind: SourceBlock['kind'];
  block: number;
}

function flatten(blocks: readonly SourceBlock[]): Item[] {
  const items: Item[] = [];
  blocks.forEach((b, block) => {
    if (b.kind === 'paragraph') items.push({ text: b.text, line: b.line, kind: b.kind, block });
    else b.cells.forEach((text, k) => items.push({ text, line: b.cellLines[k] ?? b.line, kind: b.kind, block }));
  });
  return items;
}

/**
 * Read the annex from the blocks after the table. The names are the first run of lines of one kind
 * (paragraphs, or the cells of one table) after the …名单 line, up to the 版记 (抄送：…).
 */
export function readAnnex(blocks: readonly SourceBlock[]): AnnexReading {
  const warnings: ImportWarning[] = [];
  const items = flatten(blocks);
  const footer = items.findIndex((it) => DOCUMENT_FOOTER.test(squeezeCjkSpaces(it.text)));
  const usable = footer >= 0 ? items.slice(0, footer) : items;

  const titleAt = usable.findIndex((it) => isGroupTitle(squeezeCjkSpaces(it.text)));
  if (titleAt < 0) return { group: null, names: [], warnings };
  const titleItem = usable[titleAt] as Item;
  const group = normaliseUnitName((GROUP_TITLE.exec(squeezeCjkSpaces(titleItem.text)) as RegExpExecArray)[1] as string);

  const names: string[] = [];
  const seen = new Set<string>();
  let first = usable[titleAt + 1];
  // Names in another kind of block than their title (a table of names under a title line) are
  // taken only when the 版记 was found, so that a damaged file cannot make 抄送 lines into names.
  if (first !== undefined && first.kind !== titleItem.kind && footer < 0) first = undefined;
  for (let i = titleAt + 1; first !== undefined && i < usable.length; i++) {
    const it = usable[i] as Item;
    const text = squeezeCjkSpaces(it.text);
    if (it.kind !== first.kind) break;
    if (first.kind === 'row' && it.block !== first.block) break;
    if (ANNEX_START.test(text) || isGroupTitle(text)) break;
    if (/^[（(].*[)）]$/.test(text)) continue; // a note such as （共61家）
    for (const raw of splitTopLevel(text)) {
      const name = raw.replace(/^(?:\d{1,3}|[（(]\d{1,3}[)）])[.．、]?\s*/, '');
      if (name === '') continue;
      if (seen.has(name)) {
        warnings.push({ line: it.line, message: `附件名单中“${name}”重复出现，只保留一次` });
        continue;
      }
      seen.add(name);
      names.push(name);
    }
  }
  if (names.length === 0) {
    warnings.push({ line: titleItem.line, message: `附件“${group}名单”下没有找到单位名称` });
  }
  return { group, names, warnings };
}
