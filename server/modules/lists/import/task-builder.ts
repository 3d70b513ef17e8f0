/**
 * What the table and the prose interpreters share once they have found a task's pieces: reading
 * its unit cells, document-wide shared units, time limits, the same task listed twice, and the
 * annex group a unit cell refers to.
 */
import type { ImportWarning, ImportedTask } from './import.types.ts';
import { snippet, squeezeCjkSpaces } from './text-normalise.ts';
import { readTimeLimits } from './time-limits.ts';
import { hasUnitVerbs, isPlausibleUnitPhrase, readUnitGroup, splitUnitCell, type UnitGroup } from './unit-phrases.ts';

/** The units of a task, read from one or two unit cells or a prose group. */
export type UnitReading = UnitGroup;

/**
 * One unit cell: plain names (市级有关部门（单位），各县（市、区）政府 — they lead and carry out the
 * task: merged), names with 分别负责, or a phrase with verbs and labels (市政府办公室牵头，市级有关部门
 * 配合; 牵头单位：…；责任单位：…). Null when the cell does not read as units.
 */
export function readUnitCell(cell: string): UnitReading | null {
  const text = cell.includes('\n') ? cell.replace(/\s*\n\s*/g, '、') : cell;
  if (hasUnitVerbs(text)) {
    const group = readUnitGroup(text, false);
    if (group !== null && group.lead.length > 0) return group;
  }
  const phrase = splitUnitCell(text);
  if (!isPlausibleUnitPhrase(text, phrase)) return null;
  return { lead: phrase.names, responsible: [...phrase.names], eachLeads: phrase.eachLeads, merged: true, sharedUnits: [], deadline: null };
}

/** All names of a reading, lead first. */
function allNames(r: UnitReading): string[] {
  const names = [...r.lead];
  for (const n of r.responsible) if (!names.includes(n)) names.push(n);
  return names;
}

/**
 * A lead cell and a responsible cell (牵头单位 | 责任单位): every name of the first leads, every
 * name of the second is responsible; the same names in both mean merged.
 */
export function combineUnitCells(lead: UnitReading, responsible: UnitReading): UnitReading {
  const l = allNames(lead);
  const r = allNames(responsible);
  return {
    lead: l,
    responsible: r,
    eachLeads: lead.eachLeads,
    // The same units in both columns: they lead and carry out the task themselves.
    merged: l.join('\u0001') === r.join('\u0001'),
    sharedUnits: [...lead.sharedUnits, ...responsible.sharedUnits],
    deadline: lead.deadline ?? responsible.deadline,
  };
}

/**
 * Join the paragraphs of a text cell: no space between Chinese characters, else one space; spaces
 * next to Chinese characters (&nbsp;, justified PDF text) are dropped.
 */
export function joinCellText(text: string): string {
  if (!text.includes('\n')) return squeezeCjkSpaces(text);
  return squeezeCjkSpaces(
    text.replace(/\s*\n\s*/g, (m, at: number) => {
      const before = text[at - 1] ?? '';
      const after = text[at + m.length] ?? '';
      return /[\x21-\x7e]/.test(before) && /[\x21-\x7e]/.test(after) ? ' ' : '';
    }),
  );
}

/** A reference to the annex's list inside a unit cell: 附件所列单位, 附件1中的单位, 附件名单所列部门. */
const ANNEX_REFERENCE = /^附\s*件\s*[0-9一二三四五六七八九十]*\s*(?:名单)?\s*(?:中|内)?\s*(?:所列|列出|列明|所附|所示)?的?\s*(?:各|有关)?\s*(?:成员)?(?:单位|部门|单位和部门|部门和单位|部门（单位）)(?:名单)?$/;

/** The pieces of one task, as an interpreter found them. */
export interface TaskDraft {
  /** The written 序号, or null to number it after the tasks kept so far */
  seq: number | null;
  section: string | null;
  subsection: string | null;
  text: string;
  units: UnitReading;
  /** A 完成时限 cell or a time clause of the units, when there is one */
  deadline?: string | null;
  line: number;
  source: string;
}

/** Collects tasks in document order: shared units, duplicates, time limits, annex references. */
export class TaskCollector {
  readonly tasks: ImportedTask[] = [];
  readonly warnings: ImportWarning[] = [];
  /** Units a document-wide rule has added to every task from its own on */
  private shared: string[] = [];
  private readonly keys = new Map<string, number>();

  constructor(private readonly year: number | null) {}

  /** The next 序号 when tasks are numbered in order. */
  get nextSeq(): number {
    return (this.tasks[this.tasks.length - 1]?.seq ?? 0) + 1;
  }

  /** Add units that every task from here on shares (a rule written in the document). */
  share(units: readonly string[], line: number): void {
    const added = units.filter((u) => !this.shared.includes(u));
    if (added.length === 0) return;
    this.shared.push(...added);
    this.warnings.push({ line, message: `文中规定“${added.join('、')}”承担此后各项工作（不再逐项列出），已将其作为责任单位加入此后的每一项任务` });
  }

  /**
   * Add a task. Returns false (with a warning) when the same task — the same text and units — was
   * already kept: a list printed twice, or a row repeated at a page break.
   */
  add(d: TaskDraft): boolean {
    if (d.units.sharedUnits.length > 0) this.share(d.units.sharedUnits, d.line);
    const lead = [...d.units.lead];
    let responsible = [...d.units.responsible];
    let merged = d.units.merged;
    const extra = this.shared.filter((u) => !responsible.includes(u) && !(merged && lead.includes(u)));
    if (extra.length > 0) {
      responsible = [...responsible, ...extra];
      merged = false;
    }
    if (lead.length === 0) {
      // Only shared units: they lead and carry out the task.
      lead.push(...responsible);
      merged = true;
    }
    const key = JSON.stringify([d.text, lead, responsible]);
    const seq = d.seq ?? this.nextSeq;
    const before = this.keys.get(key);
    if (before !== undefined && d.seq === null) {
      this.warnings.push({ line: d.line, message: `这一项与第${before}项内容和单位完全相同（重复列出），只保留一次：“${snippet(d.text)}”` });
      return false;
    }
    const limits = readTimeLimits(d.text, this.year, d.deadline ?? d.units.deadline ?? undefined);
    this.tasks.push({
      seq,
      section: d.section,
      subsection: d.subsection,
      text: d.text,
      leadUnits: lead,
      responsibleUnits: merged ? [...lead] : responsible,
      eachLeads: d.units.eachLeads,
      merged,
      dueDate: limits.dueDate,
      deadlineText: limits.deadlineText,
      recurrence: limits.recurrence,
      target: limits.target,
      line: d.line,
      source: d.source,
    });
    if (!this.keys.has(key)) this.keys.set(key, seq);
    return true;
  }

  /**
   * Add words to the last task (what a prose paragraph says after its last unit group), and read
   * its time limits again.
   */
  extendLast(text: string, source: string, deadline: string | null): void {
    const t = this.tasks[this.tasks.length - 1];
    if (t === undefined) return;
    t.text = text;
    t.source = source;
    const limits = readTimeLimits(text, this.year, deadline ?? undefined);
    Object.assign(t, { dueDate: limits.dueDate, deadlineText: limits.deadlineText, recurrence: limits.recurrence, target: limits.target });
  }

  /**
   * Replace references to the annex (附件所列单位) by the annex's group name, once the annex is
   * read; warn when there is no annex to refer to.
   */
  resolveAnnexReferences(annexGroup: string | null): void {
    const refers = (n: string): boolean => n.startsWith('附');
    if (!this.tasks.some((t) => t.leadUnits.some(refers) || t.responsibleUnits.some(refers))) return;
    const warned = new Set<string>();
    for (const t of this.tasks) {
      const swap = (names: string[]): string[] =>
        names.map((n) => {
          if (!n.startsWith('附') || !ANNEX_REFERENCE.test(n)) return n;
          if (annexGroup !== null) return annexGroup;
          if (!warned.has(n)) {
            warned.add(n);
            this.warnings.push({ line: t.line, message: `单位栏中的“${n}”指向附件，但文末没有找到附件名单，请核对` });
          }
          return n;
        });
      t.leadUnits = dedupe(swap(t.leadUnits));
      t.responsibleUnits = dedupe(swap(t.responsibleUnits));
    }
  }
}

function dedupe(names: string[]): string[] {
  return names.filter((n, i) => names.indexOf(n) === i);
}
