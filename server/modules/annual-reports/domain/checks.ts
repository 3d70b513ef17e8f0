/**
 * The checks an annual report must pass before it is published, and that 年报体检 runs on a
 * published one. Pure: `checkReport(report, {previous})` → problems, each with a stable rule name,
 * the place in the template's labels and a Chinese message.
 *
 * | rule | what |
 * |---|---|
 * | `balance` | 一 + 二 = （七）总计 + 四, in every column (the only rule printed in the template) |
 * | `rowTotal` | 总计 column = 自然人 + the five 法人或其他组织 columns, in every row |
 * | `groupTotal` | （七）总计 = the sum of the outcome rows ((一), (二), the numbered rows of (三)–(五), (六) or its rows), in every column |
 * | `table4Total` | each 总计 of table 四 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 |
 * | `carryOver` | this year's 二、上年结转 = last year's 四、结转下年度继续办理, in every column (with `previous`) |
 * | `negative` | no negative number in tables 三 and 四 (table 二's 本年增/减 is signed and not checked) |
 * | `blankTotal` | no blank 总计 (the 总计 column, the （七）总计 row, table 四's 总计 columns) |
 * | `templateMismatch` | the tables' shape is the template of the report's year (2019 format for 2019–2020, 2021 format from 2021) |
 * | `textContradiction` | numbers stated in the prose agree with the tables (text-claims.ts) |
 *
 * Blank cells other than totals count as 0. A sum whose total is blank is not compared (the blank
 * total is the problem); rows not found are skipped (the reader reports them).
 */
import { textClaimProblems } from './text-claims.ts';
import { isTable4Total, where, type AnnualReport, type Cell, type Problem } from './report.ts';
import {
  TABLE3_COLUMNS,
  TABLE3_TOTAL_COLUMN,
  TABLE4_COLUMNS,
  TABLE4_OUTCOMES,
  TEMPLATES,
  TEMPLATE_NAMES,
  templateVersionForYear,
  type AnnualReportTemplate,
  type Table3Row,
} from './templates.ts';

export interface CheckOptions {
  /** Last year's report, for `carryOver` */
  previous?: AnnualReport;
}

const n = (v: Cell | undefined): number => v ?? 0;
const fmt = (v: number): string => String(v);

/** The data rows of the report's template that the report has, with their cells. */
function rowsOf(report: AnnualReport, template: AnnualReportTemplate): { row: Table3Row; cells: Cell[] }[] {
  const out: { row: Table3Row; cells: Cell[] }[] = [];
  for (const row of template.table3.rows) {
    const cells = report.table3[row.label];
    if (cells !== undefined && cells.length === TABLE3_COLUMNS.length) out.push({ row, cells });
  }
  return out;
}

export function checkReport(report: AnnualReport, options: CheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const template = report.template === null ? null : TEMPLATES[report.template];

  // templateMismatch
  const expected = report.year === null ? null : templateVersionForYear(report.year);
  if (expected !== null && report.template !== null && report.template !== expected) {
    const otherRow = report.template === 'v2019' ? '（六）其他处理为一行，没有分项' : '（六）其他处理分为3项';
    problems.push({
      rule: 'templateMismatch',
      where: '表三「（六）其他处理」',
      message: `${report.year}年度报告应使用${TEMPLATE_NAMES[expected]}，表三却是${TEMPLATE_NAMES[report.template]}（${otherRow}）`,
    });
  }
  if (expected !== null && report.table2Template !== undefined && report.table2Template !== null && report.table2Template !== expected) {
    problems.push({
      rule: 'templateMismatch',
      where: '表二「主动公开政府信息情况」',
      message:
        report.table2Template === 'mixed'
          ? `表二混用了2019年版和2021年版格式的栏目，${report.year}年度报告应使用${TEMPLATE_NAMES[expected]}`
          : `${report.year}年度报告应使用${TEMPLATE_NAMES[expected]}，表二却是${TEMPLATE_NAMES[report.table2Template]}的栏目`,
    });
  }

  const rows = template === null ? [] : rowsOf(report, template);
  const byKey = new Map(rows.map((r) => [r.row.key, r]));

  // negative
  for (const { row, cells } of rows) {
    cells.forEach((v, c) => {
      if (v !== null && v < 0) problems.push({ rule: 'negative', where: where.table3Cell(row.label, c), message: `数字不能为负数：${v}` });
    });
  }
  report.table4?.forEach((v, i) => {
    if (v !== null && v < 0) problems.push({ rule: 'negative', where: where.table4Column(i), message: `数字不能为负数：${v}` });
  });

  // blankTotal
  for (const { row, cells } of rows) {
    if (row.role === 'total') {
      const blank = cells.map((v, c) => (v === null ? c : -1)).filter((c) => c >= 0);
      if (blank.length > 0) {
        problems.push({
          rule: 'blankTotal',
          where: `${where.table3Row(row.label)}${blank.map((c) => `「${TABLE3_COLUMNS[c]}」`).join('')}列`,
          message: `（七）总计行的${blank.map((c) => TABLE3_COLUMNS[c]).join('、')}为空白，总计应填写数字（没有的填0）`,
        });
      }
    } else if (cells[TABLE3_TOTAL_COLUMN] === null) {
      problems.push({ rule: 'blankTotal', where: where.table3Cell(row.label, TABLE3_TOTAL_COLUMN), message: '总计为空白，应填写数字（没有的填0）' });
    }
  }
  report.table4?.forEach((v, i) => {
    if (v === null && isTable4Total(i)) problems.push({ rule: 'blankTotal', where: where.table4Column(i), message: '总计为空白，应填写数字（没有的填0）' });
  });

  // rowTotal
  for (const { row, cells } of rows) {
    const total = cells[TABLE3_TOTAL_COLUMN];
    if (total === null || total === undefined) continue;
    const parts = cells.slice(0, TABLE3_TOTAL_COLUMN);
    if (row.role === 'total' && parts.some((v) => v === null)) continue; // blank totals reported above
    const sum = parts.reduce<number>((s, v) => s + n(v), 0);
    if (sum !== total) {
      problems.push({
        rule: 'rowTotal',
        where: where.table3Cell(row.label, TABLE3_TOTAL_COLUMN),
        message: `「${row.label}」行的总计为${fmt(total)}，但自然人与法人或其他组织各列之和为${fmt(sum)}（${parts.map((v, c) => `${TABLE3_COLUMNS[c]}${n(v)}`).join('+')}）`,
      });
    }
  }

  // groupTotal
  const totalRow = byKey.get('total');
  const outcomeRows = template?.table3.rows.filter((r) => r.role === 'outcome') ?? [];
  const haveOutcomes = outcomeRows.every((r) => byKey.has(r.key));
  if (totalRow !== undefined && haveOutcomes) {
    for (let c = 0; c < TABLE3_COLUMNS.length; c++) {
      const total = totalRow.cells[c];
      if (total === null || total === undefined) continue;
      if (c === TABLE3_TOTAL_COLUMN && outcomeRows.some((r) => byKey.get(r.key)!.cells[c] === null)) continue;
      const sum = outcomeRows.reduce((s, r) => s + n(byKey.get(r.key)!.cells[c]), 0);
      if (sum !== total) {
        problems.push({
          rule: 'groupTotal',
          where: where.table3Cell(totalRow.row.label, c),
          message: `「${TABLE3_COLUMNS[c]}」列：（七）总计为${fmt(total)}，但（一）至（六）各项办理结果之和为${fmt(sum)}`,
        });
      }
    }
  }

  // balance: 一 + 二 = （七）总计 + 四
  const received = byKey.get('received');
  const carriedOver = byKey.get('carriedOver');
  const carriedForward = byKey.get('carriedForward');
  if (received && carriedOver && totalRow && carriedForward) {
    for (let c = 0; c < TABLE3_COLUMNS.length; c++) {
      const cells = [received.cells[c], carriedOver.cells[c], totalRow.cells[c], carriedForward.cells[c]];
      if (c === TABLE3_TOTAL_COLUMN ? cells.some((v) => v === null) : totalRow.cells[c] === null) continue;
      const [a, b, t, f] = cells.map(n) as [number, number, number, number];
      if (a + b !== t + f) {
        problems.push({
          rule: 'balance',
          where: where.table3Column(c),
          message: `「${TABLE3_COLUMNS[c]}」列：第一项（${a}）加第二项（${b}）之和为${a + b}，第三项（七）总计（${t}）加第四项（${f}）之和为${t + f}，两者应相等`,
        });
      }
    }
  }

  // table4Total
  if (report.table4 !== null && report.table4.length === TABLE4_COLUMNS.length) {
    for (let g = 0; g < 3; g++) {
      const cells = report.table4.slice(g * 5, g * 5 + 5);
      const total = cells[4];
      if (total === null || total === undefined) continue;
      const sum = cells.slice(0, 4).reduce<number>((s, v) => s + n(v), 0);
      if (sum !== total) {
        problems.push({
          rule: 'table4Total',
          where: where.table4Column(g * 5 + 4),
          message: `${TABLE4_COLUMNS[g * 5]!.group}的总计为${total}，但${TABLE4_OUTCOMES.slice(0, 4).join('、')}之和为${sum}`,
        });
      }
    }
  }

  // carryOver
  if (options.previous !== undefined) problems.push(...carryOverProblems(report, options.previous, carriedOver));

  // textContradiction
  if (report.prose) problems.push(...textClaimProblems(report.prose, report));
  return problems;
}

function carryOverProblems(report: AnnualReport, previous: AnnualReport, carriedOver: { row: Table3Row; cells: Cell[] } | undefined): Problem[] {
  const problems: Problem[] = [];
  const label = carriedOver?.row.label ?? '二、上年结转政府信息公开申请数量';
  if (report.year !== null && previous.year !== null && previous.year !== report.year - 1) {
    problems.push({ rule: 'carryOver', where: '上年报告', message: `所给上年报告是${previous.year}年度的，${report.year}年度报告的上年报告应为${report.year - 1}年度` });
    return problems;
  }
  const prevTemplate = previous.template === null ? null : TEMPLATES[previous.template];
  const prevLabel = prevTemplate?.table3.rows.find((r) => r.role === 'carriedForward')?.label ?? '四、结转下年度继续办理';
  const prev = previous.table3[prevLabel];
  if (prev === undefined || carriedOver === undefined) {
    problems.push({ rule: 'carryOver', where: where.table3Row(label), message: prev === undefined ? `上年报告中没有读到「${prevLabel}」行，无法核对上年结转` : `本报告没有「${label}」行，无法核对上年结转` });
    return problems;
  }
  for (let c = 0; c < TABLE3_COLUMNS.length; c++) {
    const now = carriedOver.cells[c];
    const then = prev[c];
    if (c === TABLE3_TOTAL_COLUMN && (now === null || then === null)) continue;
    if (n(now) !== n(then)) {
      problems.push({
        rule: 'carryOver',
        where: where.table3Cell(label, c),
        message: `「${TABLE3_COLUMNS[c]}」列：本年上年结转为${n(now)}，但${previous.year ?? '上'}年度报告的结转下年度继续办理为${n(then)}`,
      });
    }
  }
  return problems;
}
