/**
 * The interpreter: one for every format. It turns a read document (paragraphs and rows, see
 * readers/reader.types.ts) into the notice's metadata, the list's headings and tasks, and the
 * annex.
 *
 * Before anything else every block is cleaned: traditional characters are read as simplified (when
 * the document is written in them), and page markers (- 3 -, 第3页) and invisible characters are
 * dropped. What the tasks' `source` shows is the text as written.
 *
 * A list is a table, or prose (a 工作要点 whose paragraphs end with their units in brackets, see
 * notice-prose.ts). For a table, the document is cut in three: the preamble (before the first
 * header, heading or task row), the table (up to 附件 / a …名单 line / the 版记), and the annex
 * after it. Inside the table each row is
 *
 *   序号 重点工作 牵头单位 责任单位          header (repeated at page breaks: skipped silently)
 *   一、…                                   section heading
 *   （一）…                                 subsection heading
 *   1  text  lead-units  responsible-units   task, two unit cells
 *   2  text  units                           task, one merged unit cell (merged: lead = responsible)
 *
 * Other column sets (工作任务 | 具体要求 | 责任单位 | 时限要求, with or without 序号) are read by the
 * header's column roles (table-columns.ts); without a number column the tasks are numbered 1..n.
 *
 * Damaged rows never become invented tasks: a row that cannot be read completely is reported as a
 * warning (Chinese, for the office staff) with its source line, and left out.
 */
import type { ImportResult, ImportWarning, ImportedHeading, ImportedTask } from './import.types.ts';
import { noListFound } from './import.errors.ts';
import { ANNEX_START, DOCUMENT_FOOTER, isGroupTitle, readAnnex } from './notice-annex.ts';
import { readNoticeMetadata, type MetadataParagraph } from './notice-metadata.ts';
import { readProse } from './notice-prose.ts';
import type { ReadDocument, SourceBlock, SourceRow } from './readers/reader.types.ts';
import { headerRoles, isStandardHeader, type ColumnRole } from './table-columns.ts';
import { TaskCollector, combineUnitCells, joinCellText, readUnitCell, type UnitReading } from './task-builder.ts';
import { collapseWhitespace, snippet, squeezeCjkSpaces, toAsciiDigits } from './text-normalise.ts';
import { isDeadlineCell } from './time-limits.ts';
import { isTraditional, toSimplified } from './traditional.ts';
import { looksLikeUnitList } from './unit-phrases.ts';

/** Column titles of a list table; a row starting with one of them is a (repeated) header. */
const HEADER_WORDS = new Set([
  '序号', '编号', '重点工作', '重点任务', '主要任务', '工作任务', '具体任务', '任务内容', '工作内容',
  '工作要求', '牵头单位', '牵头部门', '责任单位', '责任部门', '配合单位', '完成时限', '时限要求',
  '时间节点', '备注',
]);
const SECTION = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(\S.*)$/s;
const SUBSECTION = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(\S.*)$/s;
const SEQ = /^(\d{1,3})\s*[.．、]?$/;
/** Page markers of printed and PDF copies: - 3 -, —3—, 第3页, 第 3 页 共 9 页, 3/9 页. */
const PAGE_MARKER = /^(?:[-—–－─_~·•]+\s*\d{1,4}\s*[-—–－─_~·•]+|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4}\s*页?|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;
/** Invisible characters that copies from web pages and PDFs carry. */
const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;
const HAS_INVISIBLE = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/;
/** A note row under a table: 注：…, 备注：… */
const NOTE_ROW = /^(?:注|备注|说明)\s*[:：]/;

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
  if (s) return { level: 1, numeral: s[1] as string, title: joinCellText(s[2] as string) };
  const sub = SUBSECTION.exec(cell);
  if (sub) return { level: 2, numeral: sub[1] as string, title: joinCellText(sub[2] as string) };
  return null;
}

function isHeaderCell(cell: string): boolean {
  return HEADER_WORDS.has(cell.replace(/\s+/g, ''));
}

/** Whether a row is a header: its first cell is a column title, or every cell is one. */
function isHeaderRow(cells: readonly string[]): boolean {
  return isHeaderCell(cells[0] ?? '') || headerRoles(cells) !== null;
}

/** Whether a cell is noise: a page marker. */
export function isPageMarker(cell: string): boolean {
  return PAGE_MARKER.test(cell.trim());
}

/**
 * A block with its text as written (`raw`, for `source`) and cleaned (`cells`: simplified,
 * without invisible characters); page markers and cells left empty are dropped.
 */
type CleanBlock = SourceBlock & { raw: string[] };

function cleanBlocks(doc: ReadDocument): CleanBlock[] {
  const all = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.cells.join('\n'))).join('\n');
  const simplify = isTraditional(all);
  const clean = (s: string): string => {
    const t = HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, '') : s;
    return simplify ? toSimplified(t) : t;
  };
  const out: CleanBlock[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      const text = clean(b.text).trim();
      if (text === '' || (text.length <= 24 && isPageMarker(text))) continue;
      out.push({ ...b, text, raw: [b.text] });
      continue;
    }
    const keep: number[] = [];
    const cells: string[] = [];
    b.cells.forEach((c, k) => {
      const t = clean(c).trim();
      if (t === '' || (t.length <= 24 && isPageMarker(t))) return;
      keep.push(k);
      cells.push(t);
    });
    if (cells.length === 0) continue;
    const pick = <T>(xs: T[] | undefined): T[] | undefined => (xs === undefined ? undefined : keep.map((k) => xs[k] as T));
    out.push({
      kind: 'row',
      cells,
      raw: keep.map((k) => b.cells[k] as string),
      line: b.cellLines[keep[0] as number] ?? b.line,
      cellLines: keep.map((k) => b.cellLines[k] ?? b.line),
      columns: pick(b.columns),
      spans: pick(b.spans),
      filled: pick(b.filled),
    });
  }
  return out;
}

function startsTable(b: SourceBlock): boolean {
  if (b.kind !== 'row') return false;
  const first = b.cells[0] ?? '';
  return isHeaderRow(b.cells) || headingOf(first) !== null || (seqOf(first) !== null && b.cells.length >= 2);
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
  raw: string[];
  lines: number[];
  line: number;
  /** Whether it came from a paragraph or a table row of the source */
  source: SourceBlock['kind'];
  /** Grid columns, spans and copied-down cells, for rows of a real table grid */
  columns?: number[];
  spans?: number[];
  filled?: boolean[];
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
  if (isHeaderRow(row.cells)) return 'header';
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

/**
 * Cut blocks into logical rows. Rows of flattened text may be glued together by a missing blank
 * line: they are split at the next row's 序号 or heading. Rows of a real grid are kept whole.
 */
function segmentRows(blocks: readonly CleanBlock[], exact: boolean): LogicalRow[] {
  const rows: LogicalRow[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      rows.push({ cells: [b.text], raw: b.raw, lines: [b.line], line: b.line, source: 'paragraph' });
      continue;
    }
    if (exact) {
      rows.push({ cells: [...b.cells], raw: [...b.raw], lines: [...b.cellLines], line: b.line, source: 'row', columns: b.columns, spans: b.spans, filled: b.filled });
      continue;
    }
    let cur: LogicalRow | null = null;
    b.cells.forEach((cell, k) => {
      const line = b.cellLines[k] ?? b.line;
      if (cur === null || startsNewRow(cur.cells, cell)) {
        cur = { cells: [], raw: [], lines: [], line, source: 'row' };
        rows.push(cur);
      }
      cur.cells.push(cell);
      cur.raw.push(b.raw[k] ?? cell);
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
    if (prev !== undefined && row.columns === undefined && kindOf(row) === 'other' && kindOf(prev) === 'task' && prev.cells.length < 3) {
      prev.cells.push(...row.cells);
      prev.raw.push(...row.raw);
      prev.lines.push(...row.lines);
      continue;
    }
    joined.push({ ...row, cells: [...row.cells], raw: [...row.raw], lines: [...row.lines] });
  }
  return joined;
}

/** The column roles of the current header, and whether rows are read by them. */
interface ColumnMap {
  roles: ColumnRole[];
  /** No 序号 column (or its numbers are lost): tasks are numbered in order */
  running: boolean;
}

/** The parts of a task row found by the header's column roles. */
interface RowFields {
  seq: number | null;
  texts: string[];
  lead: string[];
  responsible: string[];
  /** Cells that name both roles: a cell spanning 牵头单位 and 责任单位, or a 责任单位 column alone */
  units: string[];
  deadline: string | undefined;
}

/** Read a row by the grid columns of its cells. */
function fieldsByGrid(row: LogicalRow, roles: readonly ColumnRole[]): RowFields {
  const f: RowFields = { seq: null, texts: [], lead: [], responsible: [], units: [], deadline: undefined };
  row.cells.forEach((cell, k) => {
    const col = row.columns?.[k] ?? k;
    const span = row.spans?.[k] ?? 1;
    const covered = roles.slice(col, col + span);
    if (covered.length === 0) return; // a cell past the header's columns
    if (covered.includes('lead') && (covered.includes('responsible') || covered.includes('units'))) f.units.push(cell);
    else if (covered[0] === 'seq' && covered.length === 1) f.seq = seqOf(cell);
    else if (covered.includes('text')) f.texts.push(cell);
    else if (covered.includes('lead')) f.lead.push(cell);
    else if (covered.includes('responsible')) f.responsible.push(cell);
    else if (covered.includes('units')) f.units.push(cell);
    else if (covered.includes('deadline')) f.deadline ??= cell;
  });
  return f;
}

/**
 * Read a row of flattened text by the header's roles, its cells in order but empty ones missing:
 * the number first, a time limit and a note at the end when they read as such, unit cells last.
 */
function fieldsByOrder(cells: readonly string[], roles: readonly ColumnRole[]): RowFields {
  const f: RowFields = { seq: null, texts: [], lead: [], responsible: [], units: [], deadline: undefined };
  const rest = [...cells];
  if (roles[0] === 'seq' && rest.length > 0 && seqOf(rest[0] as string) !== null) f.seq = seqOf(rest.shift() as string);
  if (rest.length === roles.length - (roles[0] === 'seq' ? 1 : 0)) {
    // Every cell is there: one to one.
    const own = roles[0] === 'seq' ? roles.slice(1) : roles;
    own.forEach((role, k) => {
      const cell = rest[k] as string;
      if (role === 'text') f.texts.push(cell);
      else if (role === 'lead') f.lead.push(cell);
      else if (role === 'responsible') f.responsible.push(cell);
      else if (role === 'units') f.units.push(cell);
      else if (role === 'deadline') f.deadline = cell;
    });
    return f;
  }
  const noteLast = roles[roles.length - 1] === 'note';
  if (roles.includes('deadline') && rest.length > 1 && isDeadlineCell(rest[rest.length - 1] as string)) f.deadline = rest.pop();
  else if (noteLast && roles.includes('deadline') && rest.length > 2 && isDeadlineCell(rest[rest.length - 2] as string)) {
    rest.pop();
    f.deadline = rest.pop();
  }
  const textCount = roles.filter((r) => r === 'text').length;
  const unitRoles = roles.filter((r) => r === 'lead' || r === 'responsible' || r === 'units');
  const texts = rest.splice(0, Math.max(1, Math.min(textCount, rest.length - 1)));
  f.texts.push(...texts);
  if (rest.length >= 2 && unitRoles.includes('lead') && unitRoles.includes('responsible')) {
    f.lead.push(rest[0] as string);
    f.responsible.push(...rest.slice(1));
  } else {
    f.units.push(...rest);
  }
  return f;
}

/**
 * The role of each grid column of a header row. A cell spanning columns gives its role to each;
 * a second header row (牵头单位 | 配合单位 under a 责任单位 that spans both) refines the first.
 */
function gridRoles(row: LogicalRow, cellRoles: readonly ColumnRole[], above: readonly ColumnRole[] | undefined): ColumnRole[] {
  if (row.columns === undefined) return [...cellRoles];
  const roles: ColumnRole[] = above !== undefined ? [...above] : [];
  cellRoles.forEach((role, k) => {
    const col = row.columns?.[k] ?? k;
    const span = row.spans?.[k] ?? 1;
    for (let c = col; c < col + span; c++) roles[c] = role;
  });
  for (let c = 0; c < roles.length; c++) roles[c] ??= 'note';
  if (roles.includes('lead')) for (let c = 0; c < roles.length; c++) if (roles[c] === 'units') roles[c] = 'responsible';
  return roles;
}

/** Tasks, headings and warnings of the table. */
interface TableReading {
  collector: TaskCollector;
  headings: ImportedHeading[];
  /** Whether any row had a 序号 and a text, even if it could not be imported */
  sawTaskRow: boolean;
}

function readTable(tableRows: readonly LogicalRow[], year: number | null, exact: boolean): TableReading {
  const rows = exact ? tableRows : joinContinuations(tableRows);
  const collector = new TaskCollector(year);
  const headings: ImportedHeading[] = [];
  const warnings = collector.warnings;
  const kept = new Map<number, string>(); // seq → content key of the kept task
  const warn = (line: number | null, message: string): void => {
    warnings.push({ line, message });
  };

  let map: ColumnMap | null = null;
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
  let warnedRunning = false;
  let previousWasHeader = false;

  const addHeading = (row: LogicalRow, h: Heading): void => {
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
  };

  /** Units of a row from its unit cells, or a warning and null. */
  const unitsOf = (seq: number, f: Pick<RowFields, 'lead' | 'responsible' | 'units'>, line: number): UnitReading | null => {
    const read = (cells: string[]): { reading: UnitReading | null; bad: string | null } => {
      if (cells.length === 0) return { reading: null, bad: null };
      const cell = cells.join('、');
      const reading = readUnitCell(cell);
      return { reading, bad: reading === null ? cell : null };
    };
    const units = read(f.units);
    const lead = read(f.lead);
    const responsible = read(f.responsible);
    const bad = units.bad ?? lead.bad ?? responsible.bad;
    if (bad !== null) {
      warn(line, `第${seq}项的单位栏“${snippet(bad)}”不像单位名称，已跳过这一项`);
      return null;
    }
    let reading: UnitReading | null = null;
    if (units.reading !== null) reading = units.reading;
    else if (lead.reading !== null && responsible.reading !== null) reading = combineUnitCells(lead.reading, responsible.reading);
    else reading = lead.reading ?? responsible.reading;
    if (units.reading !== null && (lead.reading !== null || responsible.reading !== null)) {
      warn(line, `第${seq}项的单位栏与表头不一致，已按合并的单位栏读取`);
    }
    if (reading === null) warn(line, `第${seq}项缺少牵头单位和责任单位（可能被截断），已跳过`);
    return reading;
  };

  /** A task row read by the header's column roles (other column sets, real grids). */
  const readMappedRow = (row: LogicalRow, k: number, m: ColumnMap): void => {
    const f = row.columns !== undefined ? fieldsByGrid(row, m.roles) : fieldsByOrder(row.cells, m.roles);
    const seqFilled = row.columns !== undefined && row.filled?.[row.columns.indexOf(0)] === true && m.roles[0] === 'seq';
    let seq: number;
    if (m.running || f.seq === null || seqFilled) {
      if (!m.running && !warnedRunning) {
        warnedRunning = true;
        warn(row.line, seqFilled ? '序号单元格跨行合并，此后的任务已按顺序重新编号' : '表格的序号栏为空（可能是 Word 自动编号），此后的任务已按顺序编号');
      }
      m.running = true;
      seq = Math.max(lastSeq, collector.nextSeq - 1) + 1;
    } else {
      seq = f.seq;
      if (seq <= lastSeq) {
        const key = row.cells.slice(1).join('\u0001');
        if (kept.get(seq) === key) warn(row.line, `第${seq}项重复出现，内容与前面的第${seq}项相同，只保留一次`);
        else warn(row.line, `序号重复或顺序颠倒：第${lastSeq}项之后又出现第${seq}项，且内容与前面不同，已跳过这一行`);
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
    }
    const texts = f.texts.map(joinCellText).filter((t) => t !== '');
    if (texts.length === 0) {
      if (f.lead.length + f.responsible.length + f.units.length > 0 || f.seq !== null) {
        warn(row.line, `第${seq}项缺少工作内容，已跳过`);
      }
      if (!m.running) lastSeq = seq;
      return;
    }
    sawTaskRow = true;
    if (!m.running) lastSeq = seq;
    const text = texts.reduce((a, b) => (/[。：:；;，,！!？?]$/.test(a) ? `${a}${b}` : `${a}：${b}`));
    const units = unitsOf(seq, f, row.line);
    if (units === null) return;
    const added = collector.add({ seq: m.running ? null : seq, section, subsection, text, units, deadline: f.deadline, line: row.line, source: row.raw.join(' | ') });
    if (added && !m.running) kept.set(seq, row.cells.slice(1).join('\u0001'));
    if (added && m.running) lastSeq = seq;
  };

  rows.forEach((row, k) => {
    const kind = kindOf(row);
    if (kind === 'header') {
      const cellRoles = headerRoles(row.cells) ?? (previousWasHeader && row.columns !== undefined ? headerRoles(row.cells, true) : null);
      const roles = cellRoles === null ? null : gridRoles(row, cellRoles, previousWasHeader ? map?.roles : undefined);
      previousWasHeader = true;
      if (roles !== null && (exact || !isStandardHeader(roles))) {
        const running = !roles.includes('seq');
        // A header repeated at a page break keeps the numbering mode of the table.
        if (map === null || map.roles.join() !== roles.join()) map = { roles, running };
      } else if (roles !== null) {
        map = null;
      }
      return;
    }
    previousWasHeader = false;

    if (row.source === 'paragraph' && exact) {
      // In a real grid, running text between tables is never a row: headings count, the rest not.
      const h = headingOf(row.cells[0] as string);
      if (h !== null && row.cells[0]!.length <= 60) addHeading(row, h);
      return;
    }

    if (kind === 'heading' && (row.cells.length === 1 || map === null || !map.running)) {
      const h = headingOf(row.cells[0] as string) as Heading;
      addHeading(row, h);
      if (row.cells.length > 1) {
        warn(row.line, `标题“${snippet(row.cells[0] as string)}”所在行还有其他内容（“${snippet(row.cells[1] as string)}”），已忽略这些内容`);
      }
      return;
    }

    // A row that starts with its 序号 under a header without a 序号 column (a header damaged, or
    // read apart at a page break) is read by position, like the seed's rows.
    const mapFits = map !== null && !(kind === 'task' && !map.roles.includes('seq') && row.cells.length > 1 && seqOf(row.cells[1] as string) === null);
    if (map !== null && mapFits && (exact || !isStandardHeader(map.roles))) {
      if (row.cells.length === 1 && (NOTE_ROW.test(row.cells[0] as string) || kind !== 'task')) {
        if (!NOTE_ROW.test(row.cells[0] as string)) warn(row.line, `表格中有一行无法识别为任务、标题或表头，已忽略：“${snippet(row.cells.join(' '))}”`);
        return;
      }
      if (map.running || kind === 'task' || row.columns !== undefined) {
        readMappedRow(row, k, map);
        return;
      }
    }

    if (kind !== 'task') {
      if (!NOTE_ROW.test(row.cells[0] as string)) warn(row.line, `表格中有一行无法识别为任务、标题或表头，已忽略：“${snippet(row.cells.join(' '))}”`);
      return;
    }

    // A task row of the seed's layout, read by position.
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
    const text = joinCellText(cells[0] as string);
    let unitCells = cells.slice(1);
    if (unitCells.length > 0 && looksLikeUnitList(text)) {
      warn(row.line, `第${seq}项缺少工作内容（第一栏“${snippet(text)}”是单位名称），已跳过`);
      return;
    }

    if (unitCells.length > 0 && joinCellText(unitCells[0] as string) === text) {
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
    const units = unitsOf(seq, unitCells.length === 1 ? { lead: [], responsible: [], units: unitCells } : { lead: [unitCells[0] as string], responsible: [unitCells[1] as string], units: [] }, row.line);
    if (units === null) return;
    if (collector.add({ seq, section, subsection, text, units, deadline: deadlineCell, line: row.line, source: row.raw.join(' | ') })) {
      kept.set(seq, key);
    }
  });

  return { collector, headings, sawTaskRow };
}

/** The preamble's paragraphs, for the metadata reader. */
function preambleOf(blocks: readonly CleanBlock[]): MetadataParagraph[] {
  const preamble: MetadataParagraph[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') preamble.push({ text: b.text, line: b.line });
    else b.cells.forEach((text, k) => preamble.push({ text: joinCellText(text), line: b.cellLines[k] ?? b.line }));
  }
  return preamble;
}

/** Finish a reading: annex, annex references, the warnings that concern the whole document. */
function finish(
  meta: ReturnType<typeof readNoticeMetadata>,
  collector: TaskCollector,
  headings: ImportedHeading[],
  annexBlocks: SourceBlock[],
  docWarnings: ImportWarning[],
): ImportResult {
  const annex = readAnnex(annexBlocks);
  collector.resolveAnnexReferences(annex.group);
  const warnings = [...docWarnings, ...collector.warnings, ...annex.warnings];
  if (annex.group === null && meta.annexReference !== null) {
    warnings.push({
      line: meta.annexReference.line,
      message: `通知正文提到附件“${meta.annexReference.group}名单”，但文末没有找到这份名单`,
    });
  }
  if (collector.tasks.length === 0) {
    warnings.push({ line: null, message: '表格中没有一项任务能够完整识别，请检查文件是否完整' });
  }
  return {
    notice: meta.notice,
    listTitle: meta.listTitle,
    annex: annex.names,
    annexGroup: annex.group,
    headings,
    tasks: collector.tasks as ImportedTask[],
    warnings,
  };
}

/**
 * Interpret a read document. Throws IMPORT_NO_LIST_FOUND when it has neither a table row with a
 * 序号 and a text nor a paragraph with its units in brackets; otherwise returns a result, with
 * warnings for whatever could not be read.
 */
export function interpretNotice(doc: ReadDocument): ImportResult {
  const blocks = cleanBlocks(doc);
  const exact = doc.exactRows === true;
  const docWarnings = doc.warnings ?? [];
  const start = blocks.findIndex(startsTable);

  let table: { result: ImportResult; sawTaskRow: boolean } | null = null;
  if (start >= 0) {
    const rows = segmentRows(blocks.slice(start), exact);
    let end = rows.findIndex((r, i) => i > 0 && endsTable(r));
    if (end < 0) end = rows.length;
    const meta = readNoticeMetadata(preambleOf(blocks.slice(0, start)));
    const reading = readTable(rows.slice(0, end), meta.notice.year, exact);
    table = {
      sawTaskRow: reading.sawTaskRow,
      result: finish(meta, reading.collector, reading.headings, rows.slice(end).map(toBlock), docWarnings),
    };
    if (reading.collector.tasks.length > 0) return table.result;
  }

  // No table with a task: a prose 工作要点, whose paragraphs end with their units in brackets.
  const prose = readProse(blocks, (preamble) => readNoticeMetadata(preambleOf(preamble)));
  if (prose !== null && prose.collector.tasks.length > 0) {
    return finish(prose.meta, prose.collector, prose.headings, blocks.slice(prose.end), docWarnings);
  }
  if (table !== null && table.sawTaskRow) return table.result;
  throw noListFound();
}

export { collapseWhitespace };
