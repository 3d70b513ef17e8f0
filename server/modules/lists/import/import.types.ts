/**
 * The importer's result: what a notice says, before any unit is resolved against the directory.
 * This is the public contract of `gongkai import FILE --dry-run --json` and of the upload preview.
 * Unit names are kept exactly as written in the notice (split at the top level only).
 */

/** A reporting frequency written in a task ("按季度", "每月"): the task is reported every period. */
export type Recurrence = 'monthly' | 'quarterly' | 'halfYearly' | 'yearly';

export interface ImportedNotice {
  /** Full title, e.g. 嘉兴市人民政府办公室关于印发2020年嘉兴市政务公开重点工作责任清单的通知 */
  title: string | null;
  /** 文号, normalised to 〔〕 brackets, e.g. 嘉政办发〔2020〕36号 */
  docNumber: string | null;
  /** The issuing body as signed, e.g. 嘉兴市人民政府办公室 */
  issuer: string | null;
  /** Date of issue, YYYY-MM-DD */
  issuedOn: string | null;
  /** The year the list is for (from the list's title, else the issue date) */
  year: number | null;
}

export interface ImportedTask {
  /** 序号 as written: 1, 2, … */
  seq: number;
  /** Heading numeral of the section, e.g. "一", or null when the list has no sections */
  section: string | null;
  /** Heading numeral of the subsection, e.g. "三" for （三）, or null */
  subsection: string | null;
  text: string;
  /** 牵头单位 as written, split at the top level, without 分别负责 */
  leadUnits: string[];
  /** 责任单位 as written, split at the top level */
  responsibleUnits: string[];
  /** 分别负责: each lead unit leads its own part */
  eachLeads: boolean;
  /** One unit cell spans both columns: the units lead and carry out the task themselves */
  merged: boolean;
  /** YYYY-MM-DD; the deadline written in the task, else the end of the notice's year */
  dueDate: string | null;
  /** The time-limit phrase as written (e.g. 2020年9月底前), or null when none is written */
  deadlineText: string | null;
  recurrence: Recurrence | null;
  /** A plain quantity the task must reach, as written (e.g. 不少于2次), or null */
  target: string | null;
  /** 1-based line in the source where the task row starts */
  line: number;
  /**
   * The text the task came from, as written, for the office's review: a table row's cells joined
   * with " | ", or the piece of a prose paragraph with its units in brackets.
   */
  source: string;
}

export interface ImportedHeading {
  level: 1 | 2;
  /** 一, 二 … */
  numeral: string;
  title: string;
  /** For a subsection: the numeral of its section */
  parent: string | null;
  line: number;
}

export interface ImportWarning {
  /** 1-based source line, or null when the warning concerns the whole document */
  line: number | null;
  message: string;
}

export interface ImportResult {
  notice: ImportedNotice;
  /** The list's own title (e.g. 2020年嘉兴市政务公开重点工作责任清单), or null */
  listTitle: string | null;
  /** Unit names of the annex (附件：…名单), as written */
  annex: string[];
  /** Name of the unit group the annex defines (e.g. 市级有关部门（单位）), or null */
  annexGroup: string | null;
  headings: ImportedHeading[];
  tasks: ImportedTask[];
  warnings: ImportWarning[];
}
