/**
 * The words and fixed rules of reports made on the platform: scopes, states, deadlines (《条例》第四十九条),
 * which units a government's report aggregates, and the columns of table 二 that are not plain counts.
 */

/** unit: one unit's own report; government: a people's government's report, aggregating its units. */
export const SCOPES = { unit: '本单位年度报告', government: '本级人民政府年度报告' } as const;
export type Scope = keyof typeof SCOPES;
export const SCOPE_KEYS = Object.keys(SCOPES) as Scope[];

export const STATES = { draft: '草稿', published: '已发布' } as const;
export type ReportState = keyof typeof STATES;

/**
 * Unit kinds whose government-scope report can be made: the office (政务公开办 in 嘉兴市人民政府办公室)
 * stands for the city's people's government; a county (市、区) people's government is its own unit.
 */
export const GOVERNMENT_UNIT_KINDS = ['office', 'countyGovernment'] as const;

/**
 * The city government's report aggregates the office and the city-level units of these kinds that
 * have no parent (the government's working departments and its zones' management committees; not
 * party departments, mass organisations, state-owned enterprises or vertically managed branches).
 * Any government's report also aggregates the units whose parent it is (directory `parentId`).
 */
export const CITY_GOVERNMENT_MEMBER_KINDS = ['department', 'zone'] as const;

/**
 * 《条例》第四十九条: departments send and publish the previous year's report by 31 January, the
 * governments' disclosure authorities publish the government's by 31 March. Month-day of the year after.
 */
export const DEADLINES: Record<Scope, string> = { unit: '01-31', government: '03-31' };

/** Unit kinds that are expected to publish a unit-scope report each year (reminded even before they start one). */
export const REPORTING_UNIT_KINDS = ['office', 'department', 'zone'] as const;

/** Working days before the deadline when the "due soon" reminder goes out. */
export const DUE_SOON_WORKING_DAYS = 10;

/** Table 二 columns that take signed numbers (the 2019 format's 本年增/减). */
export const SIGNED_COLUMNS = ['本年增/减'];
/** Table 二 columns that take amounts with decimals. */
export const AMOUNT_COLUMNS = ['采购总金额', '本年收费金额（单位：万元）'];
/** Table 二 rows filled from the normative register (not entered). */
export const REGISTER_ROWS = ['规范性文件', '行政规范性文件'];

/** The report's title as published: 《嘉兴市生态环境局2020年政府信息公开工作年度报告》 without the book-title marks. */
export function reportTitle(issuer: string, year: number): string {
  return `${issuer}${year}年政府信息公开工作年度报告`;
}

/** The publication deadline of a report of `year` in `scope`. */
export function deadlineOf(scope: Scope, year: number): string {
  return `${year + 1}-${DEADLINES[scope]}`;
}

/** The public page of a published report. */
export function reportUrl(id: number): string {
  return `/portal/annual-reports/${id}`;
}
