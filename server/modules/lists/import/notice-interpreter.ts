/**
 * The interpreter: one for every format. It turns a read document (paragraphs and rows, see
 * readers/reader.types.ts) into the notice's metadata, the list's headings and tasks, and the
 * annex.
 *
 * The document is cut in three: the preamble (before the first header, heading or task row), the
 * table (up to 附件 / a …名单 line / the 版记), and the annex after it. Inside the table each row is
 *
 *   序号 重点工作 牵头单位 责任单位          header (repeated at page breaks: skipped silently)
 *   一、…                                   section heading
 *   （一）…                                 subsection heading
 *   1  text  lead-units  responsible-units   task, two unit cells
 *   2  text  units                           task, one merged unit cell (merged: lead = responsible)
 *
 * Damaged rows never become invented tasks: a row that cannot be read completely is reported as a
 * warning (Chinese, for the office staff) with its source line, and left out.
 */
import type { ImportResult, ImportWarning, ImportedHeading, ImportedTask } from './import.types.ts';
import { noListFound } from './import.errors.ts';
import { ANNEX_START, DOCUMENT_FOOTER, isGroupTitle, readAnnex } from './notice-annex.ts';
import { readNoticeMetadata, type MetadataParagraph } from './notice-metadata.ts';
import type { ReadDocument, SourceBlock } from './readers/reader.types.ts';
import { collapseWhitespace, snippet, squeezeCjkSpaces, toAsciiDigits } from './text-normalise.ts';
import { isDeadlineCell, readTimeLimits } from './time-limits.ts';
import { isPlausibleUnitPhrase, looksLikeUnitList, splitUnitCell, type UnitPhrase } from './unit-phrases.ts';

/** Column titles of a list table; a row starting with one of them is a (repeated) header. */
const HEADER_WORDS = new Set([
  '序号', '编号', '重点工作', '重点任务', '主要任务', '工作任务', '具体任务', '任务内容', '工作内容',
  '工作要求', '牵头单位', '牵头部门', '责任单位', '责任部门', '配合单位', '完成时限', '时限要求',
  '时间节点', '备注',
]);
const SECTION = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(\S.*)$/;
const SUBSECTION = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(\S.*)$/;
const SEQ = /^(\d{1,3})\s*[.．、]?$/;

type Heading = { level: 1 | 2; numeral: string; title: string };

/** The 序号 of a cell that is only a task number (1, 12., ３), else null. */
export function seqOf(cell: string): number | null {
  const m = SEQ.exec(toAsciiDigits(cell.trim()));
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 ? n : null;
}

/** The heading a cell is (一、… or （一）…), else null. */
export function headingOf(cell: string): Heading | null {
  const s = SECTION.exec(cell);
  if (s) return { level: 1, numeral: s[1] as string, title: collapseWhitespace(s[2] as string) };
  const sub = SUBSECTION.exec(cell);
  if (sub) return { level: 2, numeral: sub[1] as string, title: collapseWhitespace(sub[2] as string) };
  return null;
}

function isHeaderCell(cell: string): boolean {
  return HEADER_WORDS.has(cell.replace(/\s+/g, ''));
}

function startsTable(b: SourceBlock): boolean {
  if (b.kind !== 'row') return false;
  const first = b.cells[0] ?? '';
  return isHeaderCell(first) || headingOf(first) !== null || (seqOf(first) !== null && b.cells.length >= 2);
}

/** 附件… or the 版记 (抄送：…): the table is over, whatever row it turns up in. */
function isAnnexOrFooter(cell: string): boolean {
  const t = squeezeCjkSpaces(cell);
  return ANNEX_START.test(t) || DOCUMENT_FOOTER.test(t);
}

function endsTable(row: LogicalRow): boolean {
  const t = squeezeCjkSpaces(row.cells[0] ?? '');
  if (isAnnexOrFooter(t)) return true;
  // A …名单 line opens the annex even when its 附件 line is missing; a heading named …名单 does not.
  return row.cells.length === 1 && headingOf(t) === null && isGroupTitle(t);
}

/** A row of the table as the interpreter sees it: a physical row may hold several. */
interface LogicalRow {
  cells: string[];
  lines: number[];
  line: number;
  /** Whether it came from a paragraph or a table row of the source */
  source: SourceBlock['kind'];
}

/** Back to a source block (for the annex reader). */
function toBlock(row: LogicalRow): SourceBlock {
  return row.source === 'paragraph'
    ? { kind: 'paragraph', text: row.cells.join(' '), line: row.line }
    : { kind: 'row', cells: row.cells, line: row.line, cellLines: row.lines };
}

type RowKind = 'header' | 'heading' | 'task' | 'other';

function kindOf(row: LogicalRow): RowKind {
  const first = row.cells[0] ?? '';
  if (isHeaderCell(first)) return 'header';
  if (seqOf(first) !== null) return 'task';
  if (headingOf(first) !== null) return 'heading';
  return 'other';
}

/**
 * Whether `cell`, following the cells `current` of the row being built, starts a new row: a
 * missing blank line between two rows glues them together, and the next row's 序号 or heading
 * shows the joint.
 */
function startsNewRow(current: readonly string[], cell: string): boolean {
  if (isAnnexOrFooter(cell)) return true;
  const first = current[0] ?? '';
  const index = current.length;
  const firstKind = isHeaderCell(first) ? 'header' : seqOf(first) !== null ? 'task' : headingOf(first) ? 'heading' : 'other';
  const seq = seqOf(cell);
  if (seq !== null) {
    // In a task row, a number right after the 序号 is a repeated 序号 unless it is the next one.
    if (firstKind === 'task') return index >= 2 || seq === (seqOf(first) as number) + 1;
    return true;
  }
  if (headingOf(cell) !== null) return firstKind !== 'task' || index >= 2;
  if (cell.replace(/\s+/g, '') === '序号') return firstKind !== 'header';
  return false;
}

/** Cut blocks into logical rows, splitting rows glued together by a missing blank line. */
function segmentRows(blocks: readonly SourceBlock[]): LogicalRow[] {
  const rows: LogicalRow[] = [];
  for (const b of blocks) {
    const cells = b.kind === 'paragraph' ? [b.text] : b.cells;
    const lines = b.kind === 'paragraph' ? [b.line] : b.cellLines;
    let cur: LogicalRow | null = null;
    cells.forEach((cell, k) => {
      const line = lines[k] ?? b.line;
      if (cur === null || startsNewRow(cur.cells, cell)) {
        cur = { cells: [], lines: [], line, source: b.kind };
        rows.push(cur);
      }
      cur.cells.push(cell);
      cur.lines.push(line);
    });
  }
  return rows;
}

/** A task row with only its number, or only number and text, continued in the next row(s). */
function joinContinuations(rows: readonly LogicalRow[]): LogicalRow[] {
  const joined: LogicalRow[] = [];
  for (const row of rows) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && kindOf(row) === 'other' && kindOf(prev) === 'task' && prev.cells.length < 3) {
      prev.cells.push(...row.cells);
      prev.lines.push(...row.lines);
      continue;
    }
    joined.push({ ...row, cells: [...row.cells], lines: [...row.lines] });
  }
  return joined;
}

/** Tasks, headings and warnings of the table. */
interface TableReading {
  tasks: ImportedTask[];
  headings: ImportedHeading[];
  warnings: ImportWarning[];
  /** Whether any row had a 序号 and a text, even if it could not be imported */
  sawTaskRow: boolean;
}

function readTable(tableRows: readonly LogicalRow[], year: number | null): TableReading {
  const rows = joinContinuations(tableRows);
  const tasks: ImportedTask[] = [];
  const headings: ImportedHeading[] = [];
  const warnings: ImportWarning[] = [];
  const kept = new Map<number, string>(); // seq → content key of the kept task
  const warn = (line: number | null, message: string): void => {
    warnings.push({ line, message });
  };

  // 序号 of each task row, for looking ahead when a number is out of sequence.
  const seqs = rows.map((r) => (kindOf(r) === 'task' ? seqOf(r.cells[0] as string) : null));
  const nextSeqAfter = (k: number): number | null => {
    for (let j = k + 1; j < seqs.length; j++) if (seqs[j] !== null) return seqs[j] as number;
    return null;
  };

  let section: string | null = null;
  let subsection: string | null = null;
  let lastHeading: string | null = null;
  let lastSeq = 0;
  let sawTaskRow = false;

  rows.forEach((row, k) => {
    const kind = kindOf(row);
    if (kind === 'header') return;

    if (kind === 'heading') {
      const h = headingOf(row.cells[0] as string) as Heading;
      const key = `${h.level}|${h.numeral}|${h.title}`;
      if (key === lastHeading) {
        warn(row.line, `标题“${snippet(row.cells[0] as string)}”重复出现，已忽略重复的一行`);
        return;
      }
      lastHeading = key;
      if (h.level === 1) {
        section = h.numeral;
        subsection = null;
        headings.push({ level: 1, numeral: h.numeral, title: h.title, parent: null, line: row.line });
      } else {
        subsection = h.numeral;
        headings.push({ level: 2, numeral: h.numeral, title: h.title, parent: section, line: row.line });
      }
      if (row.cells.length > 1) {
        warn(row.line, `标题“${snippet(row.cells[0] as string)}”所在行还有其他内容（“${snippet(row.cells[1] as string)}”），已忽略这些内容`);
      }
      return;
    }

    if (kind === 'other') {
      warn(row.line, `表格中有一行无法识别为任务、标题或表头，已忽略：“${snippet(row.cells.join(' '))}”`);
      return;
    }

    // A task row.
    const seq = seqOf(row.cells[0] as string) as number;
    const cells = row.cells.slice(1);
    if (cells.length > 0 && seqOf(cells[0] as string) === seq) {
      cells.shift();
      warn(row.line, `第${seq}项的序号在同一行中重复出现，已去除重复的序号`);
    }
    if (cells.length > 0) sawTaskRow = true;
    const key = cells.join('\u0001');

    // Is the number where it should be?
    if (seq <= lastSeq) {
      if (kept.get(seq) === key) {
        warn(row.line, `第${seq}项重复出现，内容与前面的第${seq}项相同，只保留一次`);
      } else {
        warn(row.line, `序号重复或顺序颠倒：第${lastSeq}项之后又出现第${seq}项，且内容与前面不同，已跳过这一行`);
      }
      return;
    }
    if (seq > lastSeq + 1) {
      const next = nextSeqAfter(k);
      if (next !== null && next <= seq) {
        warn(row.line, `第${seq}项的序号与前后不连续（前一项是第${lastSeq}项，后一项是第${next}项），已跳过这一行`);
        return;
      }
      const missing = seq - 1 === lastSeq + 1 ? `第${lastSeq + 1}项` : `第${lastSeq + 1}至${seq - 1}项`;
      warn(row.line, `序号不连续：第${seq}项之前缺少${missing}`);
    }
    lastSeq = seq;

    if (cells.length === 0) {
      warn(row.line, `第${seq}项只有序号，没有工作内容和单位（可能被截断），已跳过`);
      return;
    }
    const text = collapseWhitespace(cells[0] as string);
    let unitCells = cells.slice(1);
    if (unitCells.length > 0 && looksLikeUnitList(text)) {
      warn(row.line, `第${seq}项缺少工作内容（第一栏“${snippet(text)}”是单位名称），已跳过`);
      return;
    }

    if (unitCells.length > 0 && collapseWhitespace(unitCells[0] as string) === text) {
      unitCells = unitCells.slice(1);
      warn(row.line, `第${seq}项的工作内容重复出现，已去除重复的一栏`);
    }
    let deadlineCell: string | undefined;
    if (unitCells.length > 1 && isDeadlineCell(unitCells[unitCells.length - 1] as string)) {
      deadlineCell = unitCells.pop();
    }
    if (unitCells.length > 2) {
      const deduped = unitCells.filter((c, i) => i === 0 || c !== unitCells[i - 1]);
      if (deduped.length < unitCells.length) {
        warn(row.line, `第${seq}项的单位栏重复出现，已去除重复的一栏`);
        unitCells = deduped;
      }
    }
    if (unitCells.length === 2 && unitCells[0] === unitCells[1]) {
      // The same units in both columns: they lead and carry out the task themselves (a merged
      // cell that a converter repeated, or a row written out twice).
      unitCells = unitCells.slice(0, 1);
    }
    if (unitCells.length === 0) {
      warn(row.line, `第${seq}项缺少牵头单位和责任单位（可能被截断），已跳过`);
      return;
    }
    if (unitCells.length > 2) {
      warn(row.line, `第${seq}项有${unitCells.length}个单位栏，无法区分牵头单位和责任单位，已跳过`);
      return;
    }
    const phrases = unitCells.map((c) => splitUnitCell(c));
    const bad = unitCells.findIndex((c, i) => !isPlausibleUnitPhrase(c, phrases[i] as UnitPhrase));
    if (bad >= 0) {
      warn(row.line, `第${seq}项的单位栏“${snippet(unitCells[bad] as string)}”不像单位名称，已跳过这一项`);
      return;
    }

    const lead = phrases[0] as UnitPhrase;
    const merged = unitCells.length === 1;
    const responsible = merged ? lead : (phrases[1] as UnitPhrase);
    const limits = readTimeLimits(text, year, deadlineCell);
    tasks.push({
      seq,
      section,
      subsection,
      text,
      leadUnits: [...lead.names],
      responsibleUnits: [...responsible.names],
      eachLeads: lead.eachLeads,
      merged,
      dueDate: limits.dueDate,
      deadlineText: limits.deadlineText,
      recurrence: limits.recurrence,
      target: limits.target,
      line: row.line,
    });
    kept.set(seq, key);
  });

  return { tasks, headings, warnings, sawTaskRow };
}

/**
 * Interpret a read document. Throws IMPORT_NO_LIST_FOUND when no row has a 序号 and a text;
 * otherwise returns a result, with warnings for whatever could not be read.
 */
export function interpretNotice(doc: ReadDocument): ImportResult {
  const { blocks } = doc;
  const start = blocks.findIndex(startsTable);
  if (start < 0) throw noListFound();
  const rows = segmentRows(blocks.slice(start));
  let end = rows.findIndex((r, i) => i > 0 && endsTable(r));
  if (end < 0) end = rows.length;

  const preamble: MetadataParagraph[] = [];
  for (const b of blocks.slice(0, start)) {
    if (b.kind === 'paragraph') preamble.push({ text: b.text, line: b.line });
    else b.cells.forEach((text, k) => preamble.push({ text, line: b.cellLines[k] ?? b.line }));
  }
  const meta = readNoticeMetadata(preamble);
  const table = readTable(rows.slice(0, end), meta.notice.year);
  if (!table.sawTaskRow) throw noListFound();
  const annex = readAnnex(rows.slice(end).map(toBlock));

  const warnings = [...table.warnings, ...annex.warnings];
  if (annex.group === null && meta.annexReference !== null) {
    warnings.push({
      line: meta.annexReference.line,
      message: `通知正文提到附件“${meta.annexReference.group}名单”，但文末没有找到这份名单`,
    });
  }
  if (table.tasks.length === 0) {
    warnings.push({ line: null, message: '表格中没有一项任务能够完整识别，请检查文件是否完整' });
  }

  return {
    notice: meta.notice,
    listTitle: meta.listTitle,
    annex: annex.names,
    annexGroup: annex.group,
    headings: table.headings,
    tasks: table.tasks,
    warnings,
  };
}
