/**
 * An annual report's numbers as checked: who, which year, which template shape its tables have,
 * table 三 (7 cells per data row, keyed by the row label as printed in the template) and table 四
 * (15 cells), and the prose. Also the problems the checks and the reader report, and where-labels.
 *
 * A cell is a number, or null when the report left it blank. Blank cells other than totals are
 * read as 0 (reports leave zero cells empty); a blank 总计 is a problem (`blankTotal`), never 0.
 */
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE3_TOTAL_COLUMN, TABLE4_TOTAL_COLUMNS, type TemplateVersion } from './templates.ts';

export type Cell = number | null;

export interface AnnualReport {
  /** The issuing agency, e.g. 嘉兴市生态环境局 */
  issuer: string | null;
  /** The report year (the year reported on, not the year of publication) */
  year: number | null;
  /** The shape of the report's tables: v2019 or v2021 (from table 三, else table 二); null when no table was found */
  template: TemplateVersion | null;
  /** Table 二's shape when it differs from table 三's or is a mix of both (set by the reader) */
  table2Template?: TemplateVersion | 'mixed' | null;
  /** Table 三: row label (as printed in `template`) → 7 cells (自然人 … 其他, 总计); rows not found are absent */
  table3: Record<string, Cell[]>;
  /** Table 四: 15 cells (行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持 … 总计); null when not found */
  table4: Cell[] | null;
  /** The running text outside the tables (for `textContradiction`) */
  prose?: string;
}

/**
 * Stable rule names. Checks: balance, rowTotal, groupTotal, table4Total, carryOver, negative,
 * blankTotal, templateMismatch, textContradiction. Reading: missingTable, missingRow,
 * unreadableRow, notNumber, unknownYear.
 */
export const RULES = {
  balance: '第一项加第二项之和等于第三项（七）总计加第四项之和（每一列）',
  rowTotal: '“总计”列等于自然人与五类法人或其他组织之和（每一行）',
  groupTotal: '（七）总计等于各项办理结果之和（每一列）',
  table4Total: '表四各组“总计”等于结果维持、结果纠正、其他结果、尚未审结之和',
  carryOver: '本年“上年结转”等于上年报告的“结转下年度继续办理”',
  negative: '数字不能为负数',
  blankTotal: '“总计”不能空白',
  templateMismatch: '表格格式与报告年度应使用的格式一致（2019—2020年度用2019年版，2021年度起用2021年版）',
  textContradiction: '正文所述数字与表格一致',
  missingTable: '报告应有表三、表四',
  missingRow: '表三应有格式规定的每一行',
  unreadableRow: '表格的一行应能读出各列数字',
  notNumber: '单元格应为数字',
  unknownYear: '应能从标题读出报告年度',
} as const;
export type RuleName = keyof typeof RULES;

export interface Problem {
  rule: RuleName;
  /** The place, in the template's Chinese labels, e.g. 表三「（七）总计」行「商业企业」列 */
  where: string;
  /** What is wrong, in Chinese */
  message: string;
}

/** Where-labels: table 三 cells, rows and columns; table 四 columns. */
export const where = {
  table3Cell: (row: string, column: number): string => `表三「${row}」行「${TABLE3_COLUMNS[column]}」列`,
  table3Row: (row: string): string => `表三「${row}」行`,
  table3Column: (column: number): string => `表三「${TABLE3_COLUMNS[column]}」列`,
  table4Column: (index: number): string => {
    const c = TABLE4_COLUMNS[index]!;
    return `表四「${c.group}」「${c.label}」列`;
  },
  table4Group: (g: number): string => `表四「${TABLE4_COLUMNS[g * 5]!.group}」`,
};

export const isTable3Total = (rowRole: string, column: number): boolean => rowRole === 'total' || column === TABLE3_TOTAL_COLUMN;
export const isTable4Total = (index: number): boolean => (TABLE4_TOTAL_COLUMNS as readonly number[]).includes(index);

/**
 * The report as the `annual-report check --json` contract prints it:
 * `{issuer, year, template, table3: {rowLabel: [7 numbers]}, table4: [15 numbers], problems}`.
 * Blank cells that are not totals print as 0 (what they mean); a blank 总计 prints as null (it is
 * reported as `blankTotal`, not taken for 0). A row or table that was not found is left out / null.
 */
export interface ReportContract {
  issuer: string | null;
  year: number | null;
  template: TemplateVersion | null;
  table3: Record<string, (number | null)[]>;
  table4: (number | null)[] | null;
  problems: Problem[];
}

export function toContract(report: AnnualReport, problems: readonly Problem[], totalRowLabel = '（七）总计'): ReportContract {
  const table3: Record<string, (number | null)[]> = {};
  for (const [label, cells] of Object.entries(report.table3)) {
    table3[label] = cells.map((v, c) => (v === null && !(label === totalRowLabel || c === TABLE3_TOTAL_COLUMN) ? 0 : v));
  }
  return {
    issuer: report.issuer,
    year: report.year,
    template: report.template,
    table3,
    table4: report.table4 === null ? null : report.table4.map((v, i) => (v === null && !isTable4Total(i) ? 0 : v)),
    problems: problems.map((p) => ({ rule: p.rule, where: p.where, message: p.message })),
  };
}
