/**
 * Generating a report from the platform's data: which units a scope covers, table 三 and 四 from the
 * disclosure requests and appeals (with the ids behind every cell), table 二's normative-document
 * row from the register and the entered rows, section 一's summary (publications, normative
 * documents, interpretations, requests, the year's responsibility list), and the domain
 * `AnnualReport` shape so the one set of checks (domain/checks.ts) serves generated and read reports.
 */
import type { Db } from '../../db/create-db.ts';
import type { Unit } from '../../db/database.ts';
import { systemActor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import { getUnit, listUnits, type UnitView } from '../directory/index.ts';
import { listInterpretations } from '../interpretations/index.ts';
import { listLists } from '../lists/index.ts';
import { listNormativeDocuments } from '../normative/index.ts';
import { evaluateList, matrixVersion } from '../progress/index.ts';
import { listPublishedPublications } from '../publications/index.ts';
import { requestRecords, type RecordRow } from '../requests/index.ts';
import { TABLE3_COLUMNS, TEMPLATES, type TemplateVersion } from './domain/templates.ts';
import { checkReport } from './domain/checks.ts';
import type { AnnualReport, Problem } from './domain/report.ts';
import {
  AMOUNT_COLUMNS, CITY_GOVERNMENT_MEMBER_KINDS, GOVERNMENT_UNIT_KINDS, REGISTER_ROWS, SIGNED_COLUMNS, reportTitle, type Scope,
} from './annual-reports.constants.ts';

const SYSTEM = systemActor('annual-reports');
const KINDS = ['person', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrganisation', 'total'] as const;

/** Entered table 二 rows: row label → cells (null: blank). */
export type Table2Entries = Record<string, (number | null)[]>;

export interface Table2RowData {
  label: string;
  cells: (number | null)[];
  /** register: counted from the normative register (ids per cell); entered: typed or imported by the unit */
  source: 'register' | 'entered';
  ids?: number[][];
}
export interface Table2Data {
  item: string;
  columns: string[];
  rows: Table2RowData[];
}
export interface Table3RowData {
  key: string;
  label: string;
  role: string;
  groups: string[];
  /** 7 numbers: 自然人 … 其他, 总计 */
  cells: number[];
  /** the ids of the requests each cell counts */
  ids: number[][];
}
export interface ResponsibilityFacts {
  listId: number;
  listTitle: string;
  /** tasks of the list */
  tasks: number;
  /** tasks with an assignment of the scope's units */
  assigned: number;
  completed: number;
  ongoing: number;
  notCompleted: number;
}
export interface SummaryFacts {
  publications: number;
  normativeIssued: number;
  interpretations: number;
  received: number;
  carriedOver: number;
  answered: number;
  carriedForward: number;
  reconsiderations: number;
  lawsuits: number;
  responsibility: ResponsibilityFacts | null;
}

/** A report generated from the data (live while a draft, frozen at publication). */
export interface ReportData {
  title: string;
  issuer: string;
  year: number;
  version: TemplateVersion;
  scope: Scope;
  unitId: number;
  /** the units whose records it counts */
  unitIds: number[];
  generatedOn: string;
  summary: { paragraphs: string[]; facts: SummaryFacts };
  table2: Table2Data[];
  table3: Table3RowData[];
  /** 15 numbers with the ids of the appeals each counts */
  table4: { cells: number[]; ids: number[][] };
  section5: string;
  section6: string;
}

// ---- scope ----

/** The issuer named in the title: the unit, or for the office's government report the government (嘉兴市人民政府办公室 → 嘉兴市人民政府). */
export function issuerOf(scope: Scope, unit: Pick<Unit, 'name' | 'kind'>): string {
  if (scope === 'government' && unit.kind === 'office' && /人民政府办公室$/.test(unit.name)) return unit.name.replace(/办公室$/, '');
  return unit.name;
}

/** Whether a government-scope report can be made for this unit. */
export function isGovernmentUnit(unit: Pick<Unit, 'kind'>): boolean {
  return (GOVERNMENT_UNIT_KINDS as readonly string[]).includes(unit.kind);
}

/**
 * The units a report counts. A unit's report: the unit. A government's: the unit, the units whose
 * parent it is, and for the city government (the office) the parentless city-level units of
 * CITY_GOVERNMENT_MEMBER_KINDS. Placeholder units are left out.
 */
export function unitsOfScope(scope: Scope, unit: Pick<Unit, 'id' | 'kind'>, all: readonly Pick<UnitView, 'id' | 'kind' | 'parentId' | 'placeholder'>[]): number[] {
  if (scope === 'unit') return [unit.id];
  const members = all.filter((u) => !u.placeholder && u.id !== unit.id && (u.parentId === unit.id
    || (unit.kind === 'office' && u.parentId === null && (CITY_GOVERNMENT_MEMBER_KINDS as readonly string[]).includes(u.kind))));
  return [unit.id, ...members.map((u) => u.id).sort((a, b) => a - b)];
}

export async function scopeUnits(db: Db, scope: Scope, unitId: number): Promise<{ unit: Unit; unitIds: number[]; issuer: string }> {
  const unit = await getUnit(db, unitId);
  if (!unit) throw new ValidationError('ANNUAL_REPORT_UNIT_NOT_FOUND', `单位不存在：${unitId}`);
  if (scope === 'government' && !isGovernmentUnit(unit)) {
    throw new ValidationError('ANNUAL_REPORT_SCOPE_INVALID', `${unit.name}不是人民政府（或代表市政府的政府办公室），不能编制本级人民政府年度报告`);
  }
  return { unit, unitIds: unitsOfScope(scope, unit, scope === 'unit' ? [] : await listUnits(db)), issuer: issuerOf(scope, unit) };
}

// ---- table 二 ----

/** Whether a table 二 column takes signed numbers / decimals. */
export const isSignedColumn = (c: string): boolean => SIGNED_COLUMNS.includes(c);
export const isAmountColumn = (c: string): boolean => AMOUNT_COLUMNS.includes(c);

/** The labels of the rows a unit enters (every row but the register's), with their columns. */
export function enteredRows(version: TemplateVersion): { item: string; label: string; columns: readonly string[] }[] {
  return TEMPLATES[version].table2.flatMap((s) => s.rows.filter((r) => !REGISTER_ROWS.includes(r)).map((label) => ({ item: s.item, label, columns: s.columns })));
}

/**
 * Checks entered rows against the template: known labels, the right number of cells, numbers
 * (integers except in amount columns). Negative numbers are kept (the checks report them).
 */
export function validateTable2(version: TemplateVersion, entries: Table2Entries): Table2Entries {
  const rows = new Map(enteredRows(version).map((r) => [r.label, r]));
  const out: Table2Entries = {};
  for (const [label, cells] of Object.entries(entries)) {
    const row = rows.get(label);
    if (!row) {
      const register = REGISTER_ROWS.includes(label);
      throw new ValidationError('ANNUAL_REPORT_TABLE2_ROW_INVALID', register ? `表二「${label}」行由行政规范性文件登记自动统计，不能填写` : `表二没有「${label}」行（${TEMPLATES[version].document}格式）`, { row: label });
    }
    if (!Array.isArray(cells) || cells.length !== row.columns.length) {
      throw new ValidationError('ANNUAL_REPORT_TABLE2_ROW_INVALID', `表二「${label}」行应有${row.columns.length}个数字（${row.columns.join('、')}）`, { row: label });
    }
    out[label] = cells.map((v, c) => {
      if (v === null) return null;
      const column = row.columns[c]!;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError('ANNUAL_REPORT_TABLE2_CELL_INVALID', `表二「${label}」行「${column}」列应为数字`, { row: label, column });
      if (!isAmountColumn(column) && !Number.isInteger(v)) throw new ValidationError('ANNUAL_REPORT_TABLE2_CELL_INVALID', `表二「${label}」行「${column}」列应为整数：${v}`, { row: label, column });
      return v;
    });
  }
  return out;
}

async function normativeRow(db: Db, version: TemplateVersion, unitIds: number[], year: number): Promise<Table2RowData> {
  const end = `${year}-12-31`;
  const docs = (await Promise.all(unitIds.map(async (unitId) => (await listNormativeDocuments(db, { unitId, page: 1, pageSize: 100_000 })).items))).flat();
  const inYear = (d: string | null) => d !== null && d.slice(0, 4) === String(year);
  const issued = docs.filter((d) => inYear(d.publishedOn)).map((d) => d.id);
  const upToEnd = docs.filter((d) => d.publishedOn !== null && d.publishedOn <= end);
  if (version === 'v2019') {
    // 本年新制作数量 / 本年新公开数量: registered documents published in the year; 对外公开总数量: published by its end
    return { label: '规范性文件', source: 'register', cells: [issued.length, issued.length, upToEnd.length], ids: [issued, issued, upToEnd.map((d) => d.id)] };
  }
  // 本年制发件数; 本年废止件数: repealed in the year; 现行有效件数: published by the year's end and not repealed or expired by then
  const repealed = docs.filter((d) => d.validity === 'repealed' && inYear(d.validityChangedOn)).map((d) => d.id);
  const ended = (d: (typeof docs)[number]) => (d.validity === 'repealed' || d.validity === 'expired') && (d.validityChangedOn === null || d.validityChangedOn <= end);
  const valid = upToEnd.filter((d) => !ended(d)).map((d) => d.id);
  return { label: '行政规范性文件', source: 'register', cells: [issued.length, repealed.length, valid.length], ids: [issued, repealed, valid] };
}

// ---- the report ----

function rowOf(ids: RecordRow | undefined): { cells: number[]; ids: number[][] } {
  const lists = KINDS.map((k) => [...(ids?.[k] ?? [])]);
  return { cells: lists.map((l) => l.length), ids: lists };
}

function merge(rows: (RecordRow | undefined)[]): RecordRow {
  const out = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as unknown as RecordRow;
  for (const r of rows) if (r) for (const k of KINDS) out[k].push(...r[k]);
  return out;
}

/**
 * The list's evaluated assignments, kept per database and list while the list's progress version
 * (the one the office matrix's cache uses: today, the list, its progress revision) is unchanged —
 * every unit's report of a year reads the same list, and evaluating it takes half a second at a
 * province's size (bench/province.ts).
 */
const evaluations = new WeakMap<Db, Map<number, { version: string; rows: Awaited<ReturnType<typeof evaluateList>> }>>();

async function evaluatedList(db: Db, listId: number): Promise<Awaited<ReturnType<typeof evaluateList>>> {
  const version = await matrixVersion(db, SYSTEM, listId);
  let cached = evaluations.get(db);
  if (!cached) evaluations.set(db, (cached = new Map()));
  const hit = cached.get(listId);
  if (hit && hit.version === version) return hit.rows;
  const rows = await evaluateList(db, listId);
  cached.set(listId, { version, rows });
  return rows;
}

async function responsibilityFacts(db: Db, unitIds: number[], year: number): Promise<ResponsibilityFacts | null> {
  const lists = await listLists(db, SYSTEM, { state: 'published', kind: 'responsibility', year });
  const list = lists.sort((a, b) => b.taskCount - a.taskCount)[0];
  if (!list) return null;
  const scope = new Set(unitIds);
  const byTask = new Map<number, string[]>();
  for (const e of await evaluatedList(db, list.id)) {
    if (!scope.has(e.facts.unitId)) continue;
    byTask.set(e.facts.taskId, [...(byTask.get(e.facts.taskId) ?? []), e.finalState]);
  }
  let completed = 0;
  let notCompleted = 0;
  for (const states of byTask.values()) {
    if (states.every((s) => s === 'completed')) completed++;
    else if (states.includes('notCompleted')) notCompleted++;
  }
  return { listId: list.id, listTitle: list.title, tasks: list.taskCount, assigned: byTask.size, completed, notCompleted, ongoing: byTask.size - completed - notCompleted };
}

function summaryParagraphs(scope: Scope, issuer: string, year: number, f: SummaryFacts, t3: Table3RowData[]): string[] {
  const total = (key: string) => t3.find((r) => r.key === key)?.cells[6] ?? 0;
  const sum = (group: string) => t3.filter((r) => r.groups.includes(group)).reduce((s, r) => s + (r.cells[6] ?? 0), 0);
  const out = [
    `${year}年，${issuer}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。`,
    `（一）主动公开。全年主动公开政府信息${f.publications}条，制发行政规范性文件${f.normativeIssued}件，发布政策解读${f.interpretations}篇。`,
    `（二）依申请公开。全年收到政府信息公开申请${f.received}件，上年结转${f.carriedOver}件，本年度办理${f.answered}件，其中予以公开${total('disclosed')}件，部分公开${total('partlyDisclosed')}件，不予公开${sum('（三）不予公开')}件，无法提供${sum('（四）无法提供')}件，不予处理${sum('（五）不予处理')}件；结转下年度继续办理${f.carriedForward}件。`,
    `（三）行政复议和行政诉讼。本年度被申请行政复议${f.reconsiderations}件，被提起行政诉讼${f.lawsuits}件。`,
  ];
  const r = f.responsibility;
  if (r) {
    const who = scope === 'government' ? '本级政府及所属部门' : '本单位';
    out.push(`（四）重点工作落实。《${r.listTitle}》共${r.tasks}项任务，${who}承担${r.assigned}项，已完成${r.completed}项，持续推进${r.ongoing}项，未完成${r.notCompleted}项。`);
  }
  out.push(`本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`);
  return out;
}

/** Generates the report of a scope, unit and year from the data, with the entered rows and sections. */
export async function generateReport(
  db: Db,
  r: { scope: Scope; unitId: number; year: number; version: TemplateVersion; table2: Table2Entries; section5: string; section6: string },
): Promise<ReportData> {
  const { unitIds, issuer } = await scopeUnits(db, r.scope, r.unitId);
  const from = `${r.year}-01-01`;
  const to = `${r.year}-12-31`;
  const template = TEMPLATES[r.version];
  const rec = await requestRecords(db, { from, to, unitIds });

  const table3: Table3RowData[] = template.table3.rows.map((row) => {
    let ids: RecordRow | undefined;
    if (row.role === 'received') ids = rec.received;
    else if (row.role === 'carriedOver') ids = rec.carriedOver;
    else if (row.role === 'carriedForward') ids = rec.carriedForward;
    else if (row.role === 'total') ids = rec.outcomesTotal;
    else if (row.key === 'other') ids = merge(Object.entries(rec.outcomes).filter(([k]) => k.startsWith('other.')).map(([, v]) => v));
    else ids = rec.outcomes[row.key];
    return { key: row.key, label: row.label, role: row.role, groups: [...row.groups], ...rowOf(ids) };
  });
  const appealIds = [...rec.appeals.reconsideration, ...rec.appeals.litigationDirect, ...rec.appeals.litigationAfterReconsideration].map((c) => [...c]);
  const table4 = { cells: appealIds.map((c) => c.length), ids: appealIds };

  const register = await normativeRow(db, r.version, unitIds, r.year);
  const table2: Table2Data[] = template.table2.map((sub) => ({
    item: sub.item,
    columns: [...sub.columns],
    rows: sub.rows.map((label) => (label === register.label ? register : { label, source: 'entered' as const, cells: sub.columns.map((_c, i) => r.table2[label]?.[i] ?? null) })),
  }));

  const [publications, interpretations, responsibility] = await Promise.all([
    Promise.all(unitIds.map(async (unitId) => (await listPublishedPublications(db, { unitId, year: r.year, pageSize: 1 })).total)),
    Promise.all(unitIds.map(async (unitId) => (await listInterpretations(db, SYSTEM, { unitId, year: r.year, state: 'published', limit: 1 })).total)),
    responsibilityFacts(db, unitIds, r.year),
  ]);
  const t3 = (key: string) => table3.find((x) => x.key === key)?.cells[6] ?? 0;
  const facts: SummaryFacts = {
    publications: publications.reduce((s, n) => s + n, 0),
    normativeIssued: register.cells[0] ?? 0,
    interpretations: interpretations.reduce((s, n) => s + n, 0),
    received: t3('received'), carriedOver: t3('carriedOver'), answered: t3('total'), carriedForward: t3('carriedForward'),
    reconsiderations: table4.cells[4] ?? 0, lawsuits: (table4.cells[9] ?? 0) + (table4.cells[14] ?? 0),
    responsibility,
  };
  return {
    title: reportTitle(issuer, r.year), issuer, year: r.year, version: r.version, scope: r.scope, unitId: r.unitId, unitIds, generatedOn: today(),
    summary: { paragraphs: summaryParagraphs(r.scope, issuer, r.year, facts, table3), facts },
    table2, table3, table4, section5: r.section5, section6: r.section6,
  };
}

/** The domain shape the checks read (domain/report.ts): table 三 by label, table 四, section 一 as prose. */
export function toDomainReport(d: ReportData): AnnualReport {
  return {
    issuer: d.issuer, year: d.year, template: d.version,
    table3: Object.fromEntries(d.table3.map((r) => [r.label, [...r.cells]])),
    table4: [...d.table4.cells],
    prose: d.summary.paragraphs.join('\n'),
  };
}

/**
 * The checks before publication: the domain's rules (balance, rowTotal, groupTotal, table4Total,
 * carryOver against last year's published report, negative, blankTotal, textContradiction on the
 * generated summary), and no negative number among table 二's counts (本年增/减 is signed).
 */
export function checkReportData(d: ReportData, previous: ReportData | null): Problem[] {
  const problems = checkReport(toDomainReport(d), previous ? { previous: toDomainReport(previous) } : {});
  for (const sub of d.table2) {
    for (const row of sub.rows) {
      row.cells.forEach((v, c) => {
        const column = sub.columns[c]!;
        if (v !== null && v < 0 && !isSignedColumn(column)) problems.push({ rule: 'negative', where: `表二「${row.label}」行「${column}」列`, message: `数字不能为负数：${v}` });
      });
    }
  }
  return problems;
}

/** The 7 column labels of table 三 (for links and exports). */
export const TABLE3_COLUMN_LABELS = TABLE3_COLUMNS;
