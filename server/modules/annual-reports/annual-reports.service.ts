/**
 * 政府信息公开工作年度报告 made on the platform. A unit (or the office for a government) creates the
 * report of a year — its template version fixed then (2019 format for 2019–2020, 2021 format from
 * 2021) — enters table 二's rows (or imports them from a spreadsheet) and sections 五 and 六; tables
 * 三 and 四, table 二's normative documents and section 一 are generated from the data, live while
 * it is a draft. Publishing runs the checks (the domain's rules, with last year's published report
 * for 上年结转) and is refused with the problems while any remains; a published report keeps the
 * data frozen at that moment and never changes. 《条例》第四十九条、第五十条.
 */
import type { Transaction } from 'kysely';
import type { AnnualReportRow, Database } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { now, parseJson } from '../../db/portable.ts';
import { canReadAll, type Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AppError, AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { workingDaysBefore } from '../../lib/working-days.ts';
import { recordAudit } from '../audit/index.ts';
import { listUnits } from '../directory/index.ts';
import { listNormativeDocuments } from '../normative/index.ts';
import { countedRecords, type CountedRecord } from '../requests/index.ts';
import type { ReminderCandidate } from '../reminders/index.ts';
import { templateVersionForYear, type TemplateVersion } from './domain/templates.ts';
import type { Problem } from './domain/report.ts';
import {
  DUE_SOON_WORKING_DAYS, GOVERNMENT_UNIT_KINDS, REPORTING_UNIT_KINDS, SCOPE_KEYS, deadlineOf, reportTitle, type Scope,
} from './annual-reports.constants.ts';
import {
  checkReportData, enteredRows, generateReport, isGovernmentUnit, issuerOf, scopeUnits, validateTable2, type ReportData, type Table2Entries,
} from './annual-reports.data.ts';
import { canReadReport, canWriteForUnit, canWriteReports } from './annual-reports.policy.ts';
import { entriesOf, presentReport, type AnnualReportDetail, type AnnualReportView } from './annual-reports.presenter.ts';
import { reportDocx } from './annual-reports.render.ts';
import { readTable2Workbook, table2Workbook } from './annual-reports.xlsx.ts';
import * as repo from './annual-reports.repository.ts';

type Trx = Transaction<Database>;
type Q = Db | Trx;

// ---- checks ----

function requireUser(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
}

function requireWriter(actor: Actor): void {
  requireUser(actor);
  if (!canWriteReports(actor)) throw new ForbiddenError('ANNUAL_REPORT_FORBIDDEN', '观察员只能查看年度报告，不能编写');
}

function notFound(id: number): NotFoundError {
  return new NotFoundError('ANNUAL_REPORT_NOT_FOUND', `年度报告不存在：${id}`);
}

async function loadVisible(q: Q, actor: Actor, id: number): Promise<AnnualReportRow> {
  requireUser(actor);
  const r = await repo.findById(q, id);
  if (!r || !canReadReport(actor, r)) throw notFound(id);
  return r;
}

/** Loads for a change: unknown or invisible → 404; another unit's → 403; published → 409. */
async function loadDraft(q: Q, actor: Actor, id: number): Promise<AnnualReportRow> {
  const r = await loadVisible(q, actor, id);
  if (!canWriteForUnit(actor, r.unitId)) throw new ForbiddenError('ANNUAL_REPORT_FORBIDDEN', '只能编写本单位的年度报告');
  if (r.state !== 'draft') throw new ConflictError('ANNUAL_REPORT_PUBLISHED', `${r.year}年度报告已发布，不能再修改`);
  return r;
}

function checkYear(year: number): TemplateVersion {
  const version = templateVersionForYear(year);
  const thisYear = Number(today().slice(0, 4));
  if (version === null || year > thisYear) {
    throw new ValidationError('ANNUAL_REPORT_YEAR_INVALID', `报告年度不正确：${year}（可编制2019年度至${thisYear}年度的报告；2019年以前没有全国统一格式）`);
  }
  return version;
}

// ---- views ----

async function views(q: Q, rows: AnnualReportRow[]): Promise<AnnualReportView[]> {
  const units = new Map((await listUnits(q as Db)).map((u) => [u.id, u]));
  return rows.map((r) => {
    const u = units.get(r.unitId);
    return presentReport(r, u?.name ?? String(r.unitId), u ? issuerOf(r.scope as Scope, u) : String(r.unitId));
  });
}

async function detail(q: Q, r: AnnualReportRow): Promise<AnnualReportDetail> {
  const [view] = await views(q, [r]);
  const prev = await repo.findOne(q, { scope: r.scope, unitId: r.unitId, year: r.year - 1 });
  return {
    ...view!, table2: entriesOf(r), section5: r.section5, section6: r.section6,
    previous: prev ? { id: prev.id, year: prev.year, state: prev.state, section5: prev.section5 } : null,
    enteredRows: enteredRows(r.template as TemplateVersion).map((x) => ({ item: x.item, label: x.label, columns: [...x.columns] })),
  };
}

// ---- reading ----

export interface ReportFilter {
  year?: number;
  scope?: string;
  unitId?: number;
}

/** Reports: a unit's people see their unit's, the office and observers all. */
export async function listReports(db: Db, actor: Actor, f: ReportFilter = {}): Promise<{ items: AnnualReportView[] }> {
  requireUser(actor);
  const own = canReadAll(actor) ? undefined : actor.kind === 'user' ? [actor.unitId] : [];
  return { items: await views(db, await repo.findMany(db, { year: f.year, scope: f.scope, unitId: f.unitId, unitIds: own })) };
}

export async function getReport(db: Db, actor: Actor, id: number): Promise<AnnualReportDetail> {
  return detail(db, await loadVisible(db, actor, id));
}

/** The report as generated now (a draft) or as frozen at publication. */
async function dataOf(q: Q, r: AnnualReportRow): Promise<ReportData> {
  if (r.state === 'published' && r.snapshot) return parseJson<ReportData>(r.snapshot, null as unknown as ReportData);
  return generateReport(q as Db, {
    scope: r.scope as Scope, unitId: r.unitId, year: r.year, version: r.template as TemplateVersion, table2: entriesOf(r), section5: r.section5, section6: r.section6,
  });
}

/** Last year's published report of the same scope and unit (for 上年结转), as published. */
async function previousData(q: Q, r: AnnualReportRow): Promise<ReportData | null> {
  const prev = await repo.findOne(q, { scope: r.scope, unitId: r.unitId, year: r.year - 1 });
  return prev?.state === 'published' && prev.snapshot ? parseJson<ReportData | null>(prev.snapshot, null) : null;
}

async function problemsOf(q: Q, r: AnnualReportRow, data: ReportData): Promise<Problem[]> {
  return checkReportData(data, await previousData(q, r));
}

export interface Preview {
  report: AnnualReportView;
  data: ReportData;
  problems: Problem[];
  /** whether last year's published report was there to check 上年结转 against */
  previousChecked: boolean;
}

/** The report with its tables filled (live from the data while a draft) and the checks' problems. */
export async function previewReport(db: Db, actor: Actor, id: number): Promise<Preview> {
  const r = await loadVisible(db, actor, id);
  const data = await dataOf(db, r);
  const prev = await previousData(db, r);
  const [report] = await views(db, [r]);
  return { report: report!, data, problems: checkReportData(data, prev), previousChecked: prev !== null };
}

/** The checks' problems (empty: it may be published). */
export async function checkAnnualReport(db: Db, actor: Actor, id: number): Promise<{ problems: Problem[]; previousChecked: boolean }> {
  const r = await loadVisible(db, actor, id);
  const prev = await previousData(db, r);
  return { problems: checkReportData(await dataOf(db, r), prev), previousChecked: prev !== null };
}

/**
 * The records a cell counts: table 三 (row key, column 0–6) → the requests; table 四 (column 0–14)
 * → the appeals; table 二's normative row (row label, column) → the registered documents. Drafts
 * count live; published reports keep the ids they counted.
 */
export interface CountedDocument {
  id: number;
  regNumber: string;
  title: string;
  publishedOn: string | null;
  validityLabel: string;
}

export async function cellRecords(db: Db, actor: Actor, id: number, q: { table: number; row?: string; column: number }): Promise<{ where: string; items: CountedRecord[]; documents?: CountedDocument[] }> {
  const r = await loadVisible(db, actor, id);
  const data = await dataOf(db, r);
  if (q.table === 3) {
    const row = data.table3.find((x) => x.key === q.row);
    if (!row || q.column < 0 || q.column > 6) throw new ValidationError('ANNUAL_REPORT_CELL_INVALID', `表三没有这一格：行“${q.row ?? ''}”第${q.column + 1}列`);
    return { where: `表三「${row.label}」行第${q.column + 1}列`, items: await countedRecords(db, { requestIds: row.ids[q.column] ?? [] }) };
  }
  if (q.table === 4) {
    if (q.column < 0 || q.column > 14) throw new ValidationError('ANNUAL_REPORT_CELL_INVALID', `表四没有第${q.column + 1}列`);
    return { where: `表四第${q.column + 1}列`, items: await countedRecords(db, { appealIds: data.table4.ids[q.column] ?? [] }) };
  }
  if (q.table === 2) {
    const row = data.table2.flatMap((sub) => sub.rows.map((r) => ({ r, columns: sub.columns }))).find((x) => x.r.label === q.row && x.r.source === 'register');
    if (!row || q.column < 0 || q.column >= row.columns.length) throw new ValidationError('ANNUAL_REPORT_CELL_INVALID', `表二只有行政规范性文件一行由登记统计：行“${q.row ?? ''}”第${q.column + 1}列`);
    const ids = new Set(row.r.ids?.[q.column] ?? []);
    const docs = (await Promise.all(data.unitIds.map(async (unitId) => (await listNormativeDocuments(db, { unitId, page: 1, pageSize: 100_000 })).items))).flat();
    return {
      where: `表二「${row.r.label}」行「${row.columns[q.column]}」列`, items: [],
      documents: docs.filter((x) => ids.has(x.id)).map((x) => ({ id: x.id, regNumber: x.regNumber, title: x.title, publishedOn: x.publishedOn, validityLabel: x.validityLabel })),
    };
  }
  throw new ValidationError('ANNUAL_REPORT_CELL_INVALID', `只有表二的行政规范性文件和表三、表四的数字可以查看所统计的记录：表${q.table}`);
}

/** The report as a .docx (drafts too: for review before publication). */
export async function annualReportDocx(db: Db, actor: Actor, id: number): Promise<{ fileName: string; bytes: Buffer }> {
  const r = await loadVisible(db, actor, id);
  const data = await dataOf(db, r);
  return { fileName: `${data.title}${r.state === 'draft' ? '（草稿）' : ''}.docx`, bytes: await reportDocx(data) };
}

/** The sample workbook of table 二 for a year's template (with a report's entries when given). */
export async function table2Template(db: Db, actor: Actor, q: { year?: number; reportId?: number }): Promise<{ fileName: string; bytes: Buffer }> {
  requireUser(actor);
  if (q.reportId !== undefined) {
    const r = await loadVisible(db, actor, q.reportId);
    const [v] = await views(db, [r]);
    return { fileName: `${v!.title}-表二.xlsx`, bytes: await table2Workbook(r.template as TemplateVersion, entriesOf(r), `${v!.title} 二、主动公开政府信息情况`) };
  }
  const year = q.year ?? Number(today().slice(0, 4)) - 1;
  const version = checkYear(year);
  return { fileName: `${year}年度政府信息公开工作年度报告-表二样表.xlsx`, bytes: await table2Workbook(version) };
}

export interface ExpectedReport {
  scope: Scope;
  unitId: number;
  unitName: string;
  title: string;
  deadline: string;
  /** none (not started), draft or published */
  state: 'none' | 'draft' | 'published';
  reportId: number | null;
  publishedOn: string | null;
  /** published after the deadline, or not published and the deadline has passed */
  late: boolean;
}

/**
 * The office's view of a year: every unit expected to report (unit reports: REPORTING_UNIT_KINDS;
 * government reports: GOVERNMENT_UNIT_KINDS) and any unit with a report, with its state against the
 * deadline. The office and observers only.
 */
export async function expectedReports(db: Db, actor: Actor, year: number): Promise<{ year: number; items: ExpectedReport[] }> {
  requireUser(actor);
  if (!canReadAll(actor)) throw new ForbiddenError('ANNUAL_REPORT_FORBIDDEN', '只有政务公开办和观察员可以查看各单位年度报告的报送情况');
  checkYear(year);
  const units = (await listUnits(db)).filter((u) => !u.placeholder);
  const reports = await repo.findMany(db, { year });
  const day = today();
  const items: ExpectedReport[] = [];
  for (const scope of SCOPE_KEYS) {
    const kinds: readonly string[] = scope === 'unit' ? REPORTING_UNIT_KINDS : GOVERNMENT_UNIT_KINDS;
    const mine = reports.filter((r) => r.scope === scope);
    const deadline = deadlineOf(scope, year);
    for (const u of units.filter((x) => kinds.includes(x.kind) || mine.some((r) => r.unitId === x.id))) {
      const r = mine.find((x) => x.unitId === u.id);
      const state = r ? (r.state as 'draft' | 'published') : 'none';
      const late = state === 'published' ? (r!.publishedOn ?? '') > deadline : day > deadline;
      items.push({ scope, unitId: u.id, unitName: u.name, title: reportTitle(issuerOf(scope, u), year), deadline, state, reportId: r?.id ?? null, publishedOn: r?.publishedOn ?? null, late });
    }
  }
  return { year, items };
}

// ---- writing ----

/** Creates the draft report of a scope, unit and year (a unit: its own; the office: any). */
export async function createReport(db: Db, actor: Actor, input: { scope: string; unitId?: number; year: number }): Promise<AnnualReportDetail> {
  requireWriter(actor);
  if (!(SCOPE_KEYS as string[]).includes(input.scope)) throw new ValidationError('ANNUAL_REPORT_SCOPE_INVALID', `报告范围不正确：${input.scope}（可选：${SCOPE_KEYS.join('、')}）`);
  const scope = input.scope as Scope;
  const unitId = input.unitId ?? (actor.kind === 'user' ? actor.unitId : undefined);
  if (unitId === undefined) throw new ValidationError('ANNUAL_REPORT_UNIT_REQUIRED', '请指定报告单位');
  if (!canWriteForUnit(actor, unitId)) throw new ForbiddenError('ANNUAL_REPORT_FORBIDDEN', '只能编制本单位的年度报告');
  const version = checkYear(input.year);
  await scopeUnits(db, scope, unitId);
  const row = await db.transaction().execute(async (trx) => {
    if (await repo.findOne(trx, { scope, unitId, year: input.year })) {
      throw new ConflictError('ANNUAL_REPORT_EXISTS', `该单位${input.year}年度的${scope === 'government' ? '本级人民政府' : '本单位'}年度报告已经存在`);
    }
    const at = now();
    const created = await repo.insert(trx, {
      scope, unitId, year: input.year, template: version, state: 'draft', table2: '{}', section5: '', section6: '', snapshot: null,
      publishedOn: null, publishedAt: null, createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: at, updatedAt: at,
    });
    await recordAudit(trx, actor, { action: 'create_annual_report', resourceType: 'annual_report', resourceId: created.id, after: created });
    return created;
  });
  return detail(db, row);
}

export interface ReportPatch {
  /** entered table 二 rows: row label → cells (replaces the rows given) */
  table2?: Table2Entries;
  section5?: string;
  section6?: string;
}

function cleanSection(text: string, which: string): string {
  const t = text.replace(/\r\n/g, '\n').trim();
  if (t.length > 20_000) throw new ValidationError('ANNUAL_REPORT_TEXT_TOO_LONG', `${which}不能超过20000字`);
  return t;
}

/** Enters table 二's rows and sections 五 and 六 of a draft. */
export async function updateReport(db: Db, actor: Actor, id: number, patch: ReportPatch): Promise<AnnualReportDetail> {
  requireWriter(actor);
  const row = await db.transaction().execute(async (trx) => {
    const before = await loadDraft(trx, actor, id);
    const next: Partial<AnnualReportRow> = {};
    if (patch.table2 !== undefined) next.table2 = JSON.stringify({ ...entriesOf(before), ...validateTable2(before.template as TemplateVersion, patch.table2) });
    if (patch.section5 !== undefined) next.section5 = cleanSection(patch.section5, '五、存在的主要问题及改进情况');
    if (patch.section6 !== undefined) next.section6 = cleanSection(patch.section6, '六、其他需要报告的事项');
    const after = await repo.update(trx, id, { ...next, updatedAt: now() });
    await recordAudit(trx, actor, { action: 'update_annual_report', resourceType: 'annual_report', resourceId: id, before, after });
    return after;
  });
  return detail(db, row);
}

/** Imports table 二's entered rows from a filled sample workbook (.xlsx). */
export async function importTable2(db: Db, actor: Actor, id: number, file: { fileName: string; bytes: Uint8Array }): Promise<AnnualReportDetail> {
  requireWriter(actor);
  const r = await loadDraft(db, actor, id);
  if (!/\.xlsx$/i.test(file.fileName)) throw new ValidationError('ANNUAL_REPORT_IMPORT_UNREADABLE', `请上传 .xlsx 文件（收到：${file.fileName}）`);
  const entries = await readTable2Workbook(r.template as TemplateVersion, file.bytes);
  return updateReport(db, actor, id, { table2: entries });
}

/**
 * Publishes a draft: generated from the data once more and checked; refused (409
 * ANNUAL_REPORT_CHECKS_FAILED, the problems in details) while any check fails; otherwise frozen.
 */
export async function publishReport(db: Db, actor: Actor, id: number): Promise<AnnualReportDetail> {
  requireWriter(actor);
  const row = await db.transaction().execute(async (trx) => {
    const before = await loadDraft(trx, actor, id);
    const data = await dataOf(trx, before);
    const problems = await problemsOf(trx, before, data);
    if (problems.length) {
      throw new ConflictError('ANNUAL_REPORT_CHECKS_FAILED', `年度报告有${problems.length}处问题，改正后才能发布：${problems.slice(0, 3).map((p) => `${p.where}：${p.message}`).join('；')}${problems.length > 3 ? '……' : ''}`, { problems });
    }
    const at = now();
    const ok = await repo.updateIfState(trx, id, 'draft', { state: 'published', snapshot: JSON.stringify(data), publishedOn: today(), publishedAt: at, updatedAt: at });
    if (!ok) throw new ConflictError('ANNUAL_REPORT_CHANGED', '该报告刚刚已被其他人发布，请刷新');
    await recordAudit(trx, actor, { action: 'publish_annual_report', resourceType: 'annual_report', resourceId: id, before: { state: 'draft' }, after: { state: 'published', publishedOn: today(), title: data.title } });
    return (await repo.findById(trx, id))!;
  });
  return detail(db, row);
}

// ---- public ----

export interface PublishedReportItem {
  id: number;
  title: string;
  issuer: string;
  unitId: number;
  scope: string;
  year: number;
  publishedOn: string | null;
  url: string;
}

/** Published reports for the public 年报 column (newest year first). */
export async function listPublishedReports(db: Db, f: { year?: number; unitId?: number } = {}): Promise<PublishedReportItem[]> {
  const rows = await repo.findPublished(db, f);
  return (await views(db, rows)).map((v) => ({ id: v.id, title: v.title, issuer: v.issuer, unitId: v.unitId, scope: v.scope, year: v.year, publishedOn: v.publishedOn, url: v.url! }));
}

/** A published report as frozen at publication, or null. */
export async function publishedReport(db: Db, id: number): Promise<{ item: PublishedReportItem; data: ReportData } | null> {
  const r = await repo.findById(db, id);
  if (!r || r.state !== 'published' || !r.snapshot) return null;
  const [v] = await views(db, [r]);
  return { item: { id: r.id, title: v!.title, issuer: v!.issuer, unitId: r.unitId, scope: r.scope, year: r.year, publishedOn: r.publishedOn, url: v!.url! }, data: parseJson<ReportData>(r.snapshot, null as unknown as ReportData) };
}

/** Fingerprint of the published reports (the public pages' cache). */
export async function publishedReportsVersion(db: Db): Promise<string> {
  return repo.publishedVersion(db);
}

// ---- deadlines ----

export interface DueReport {
  stage: 'dueSoon' | 'overdue';
  scope: Scope;
  unitId: number;
  year: number;
  deadline: string;
  reportId: number | null;
  title: string;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The reports of last year that are not published while their deadline comes near (within
 * DUE_SOON_WORKING_DAYS working days: dueSoon) or has passed (at most `overdueWindowDays` ago:
 * overdue, for deadlines on or after `oldestOverdue`): departments by 31 January, governments by 31 March (《条例》第四十九条). Units expected to
 * report (REPORTING_UNIT_KINDS; governments: GOVERNMENT_UNIT_KINDS) and any unit with a draft.
 */
export async function dueAnnualReports(db: Db, day: string, opts: { oldestOverdue: string }): Promise<DueReport[]> {
  const year = Number(day.slice(0, 4)) - 1;
  if (templateVersionForYear(year) === null) return [];
  const units = (await listUnits(db)).filter((u) => !u.placeholder);
  const reports = await repo.findMany(db, { year });
  const out: DueReport[] = [];
  for (const scope of SCOPE_KEYS) {
    const deadline = deadlineOf(scope, year);
    let stage: DueReport['stage'] | null = null;
    if (day > deadline) stage = deadline >= opts.oldestOverdue ? 'overdue' : null;
    else {
      let from: string;
      try {
        from = workingDaysBefore(deadline, DUE_SOON_WORKING_DAYS);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        from = addDays(deadline, -14); // no calendar for that year: two weeks
      }
      if (day >= from) stage = 'dueSoon';
    }
    if (!stage) continue;
    const kinds: readonly string[] = scope === 'unit' ? REPORTING_UNIT_KINDS : GOVERNMENT_UNIT_KINDS;
    const mine = reports.filter((r) => r.scope === scope);
    const expected = new Set([...units.filter((u) => kinds.includes(u.kind) && (scope === 'unit' || isGovernmentUnit(u))).map((u) => u.id), ...mine.map((r) => r.unitId)]);
    for (const unitId of expected) {
      const r = mine.find((x) => x.unitId === unitId);
      if (r?.state === 'published') continue;
      const u = units.find((x) => x.id === unitId);
      if (!u) continue;
      out.push({ stage, scope, unitId, year, deadline, reportId: r?.id ?? null, title: reportTitle(issuerOf(scope, u), year) });
    }
  }
  return out;
}

const SCOPE_WORDS: Record<Scope, string> = { unit: '部门', government: '人民政府' };

/**
 * The reminders module's source (registered in index.ts): one reminder per report, stage and year
 * — due soon, then overdue — to the unit that makes it, while it is not published.
 */
export async function annualReportReminders(db: Db, ctx: { day: string; oldestOverdue: string }): Promise<ReminderCandidate[]> {
  return (await dueAnnualReports(db, ctx.day, { oldestOverdue: ctx.oldestOverdue })).map((d) => ({
    dedupeKey: `annualReport:${d.stage}:${d.scope}:${d.unitId}:${d.year}`,
    kind: d.stage === 'overdue' ? 'annualReportOverdue' : 'annualReportDueSoon',
    unitId: d.unitId,
    title: d.stage === 'overdue' ? '政府信息公开工作年度报告已逾期' : '政府信息公开工作年度报告即将到期',
    message: d.stage === 'overdue'
      ? `《${d.title}》应于${d.deadline}前公布（${SCOPE_WORDS[d.scope]}年度报告的法定期限，《条例》第四十九条），目前尚未发布，请尽快完成并发布。`
      : `《${d.title}》应于${d.deadline}前公布（《条例》第四十九条），${d.reportId === null ? '尚未开始编制' : '目前尚未发布'}。`,
    link: d.reportId === null ? '/admin/annual-reports' : `/admin/annual-reports/${d.reportId}`,
  }));
}

/**
 * Unit merge (a placeholder merged into the real unit): its reports follow it; where the unit
 * already has a report of the same scope and year, the placeholder's is dropped (the real unit's
 * stays the report of record).
 */
export async function moveReportsToUnit(trx: Trx, fromUnitId: number, intoUnitId: number): Promise<void> {
  for (const r of await repo.findMany(trx, { unitId: fromUnitId })) {
    if (await repo.findOne(trx, { scope: r.scope, unitId: intoUnitId, year: r.year })) await repo.remove(trx, r.id);
    else await repo.update(trx, r.id, { unitId: intoUnitId, updatedAt: now() });
  }
}
