/**
 * Annual report rows → API shapes.
 */
import type { AnnualReportRow } from '../../db/database.ts';
import { parseJson } from '../../db/portable.ts';
import { TEMPLATE_NAMES, type TemplateVersion } from './domain/templates.ts';
import { SCOPES, STATES, deadlineOf, reportTitle, reportUrl, type ReportState, type Scope } from './annual-reports.constants.ts';
import type { Table2Entries } from './annual-reports.data.ts';

export interface AnnualReportView {
  id: number;
  scope: string;
  scopeLabel: string;
  unitId: number;
  unitName: string;
  issuer: string;
  year: number;
  template: string;
  templateName: string;
  state: string;
  stateLabel: string;
  title: string;
  /** the publication deadline (《条例》第四十九条) */
  deadline: string;
  publishedOn: string | null;
  publishedAt: string | null;
  /** the public page (published reports) */
  url: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AnnualReportDetail extends AnnualReportView {
  table2: Table2Entries;
  section5: string;
  section6: string;
  /** last year's report of the same scope and unit, with its section 五 (shown beside this year's) */
  previous: { id: number; year: number; state: string; section5: string } | null;
  /** the rows of table 二 the unit enters, with their columns */
  enteredRows: { item: string; label: string; columns: string[] }[];
}

export function presentReport(r: AnnualReportRow, unitName: string, issuer: string): AnnualReportView {
  return {
    id: r.id, scope: r.scope, scopeLabel: SCOPES[r.scope as Scope] ?? r.scope, unitId: r.unitId, unitName, issuer, year: r.year,
    template: r.template, templateName: TEMPLATE_NAMES[r.template as TemplateVersion] ?? r.template,
    state: r.state, stateLabel: STATES[r.state as ReportState] ?? r.state, title: reportTitle(issuer, r.year), deadline: deadlineOf(r.scope as Scope, r.year),
    publishedOn: r.publishedOn, publishedAt: r.publishedAt, url: r.state === 'published' ? reportUrl(r.id) : null, createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

export function entriesOf(r: AnnualReportRow): Table2Entries {
  return parseJson<Table2Entries>(r.table2, {});
}
