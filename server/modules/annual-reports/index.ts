/**
 * Annual-reports module: the 政府信息公开工作年度报告 templates (2019 and 2021 formats), the checks a
 * report must pass, and 年报体检 — reading a published report and checking it (domain/, pure); and
 * reports made on the platform (table annual_report): generated from the requests, appeals, the
 * normative register and the responsibility list, checked, published to the 年报 column, .docx.
 * Others import this module only through this file.
 */
import { registerUnitMergeHandler } from '../directory/index.ts';
import { registerReminderSource } from '../reminders/index.ts';
import { annualReportReminders, moveReportsToUnit } from './annual-reports.service.ts';

export {
  TEMPLATES, TEMPLATE_VERSIONS, TEMPLATE_NAMES, SECTION_HEADINGS, TABLE2_CONTENT_LABEL, TABLE3_NOTE, TABLE3_COLUMNS, TABLE3_HEADER, TABLE4_COLUMNS,
  TABLE4_GROUPS, TABLE4_OUTCOMES, TABLE4_HEADER, templateForYear, templateVersionForYear, table3Row, rowsInGroup,
  type AnnualReportTemplate, type TemplateVersion, type Table2SubTable, type Table3Row, type Table3Line, type Table4Column, type HeaderCell,
} from './domain/templates.ts';
export { RULES, toContract, type AnnualReport, type Cell, type Problem, type RuleName, type ReportContract } from './domain/report.ts';
export { checkReport, type CheckOptions } from './domain/checks.ts';
export { readAnnualReport, readAnnualReportText, titleFacts, type ReadResult } from './domain/reader.ts';
export { isAnnualReportError, ANNUAL_REPORT_ERROR_CODES, type AnnualReportErrorCode } from './domain/errors.ts';
export { examineReport, type Examination } from './domain/examine.ts';
export { annualReportsRoutes } from './annual-reports.routes.ts';
export { annualReportsPages, annualReportsSection } from './annual-reports.pages.ts';
export { listPublishedReports, publishedReportsVersion, dueAnnualReports, type DueReport, type PublishedReportItem } from './annual-reports.service.ts';
export { SCOPES, DEADLINES, reportTitle, deadlineOf, type Scope } from './annual-reports.constants.ts';
export { seedDemoAnnualReports } from './annual-reports.seed.ts';

// 年报 deadlines (departments by 31 January, governments by 31 March) in the automatic reminder scan.
registerReminderSource(annualReportReminders);
// Reports follow their unit when the office merges a placeholder unit into the real one.
registerUnitMergeHandler(moveReportsToUnit);
