/**
 * checkReport: each rule caught by a broken variant of a consistent report; random consistent
 * numbers give no problem, and one perturbed cell gives a problem naming its place (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from './checks.ts';
import type { AnnualReport, Cell } from './report.ts';
import { toContract } from './report.ts';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TEMPLATES, type TemplateVersion } from './templates.ts';
import { consistentNumbers, defaultProse, rng, type ReportSpec } from '../testing/report-fixtures.ts';

function report(year = 2021, seed = 3, template: TemplateVersion = year <= 2020 ? 'v2019' : 'v2021'): AnnualReport & { table3: Record<string, Cell[]>; table4: Cell[] } {
  const r = rng(seed);
  const { table3, table4 } = consistentNumbers(TEMPLATES[template], (_w, max) => Math.floor(r() * (max + 1)));
  return { issuer: '嘉兴市生态环境局', year, template, table3, table4 };
}
const clone = <T>(x: T): T => structuredClone(x);
const rules = (ps: { rule: string }[]) => ps.map((p) => p.rule);

const RECEIVED = '一、本年新收政府信息公开申请数量';
const CARRIED_OVER = '二、上年结转政府信息公开申请数量';
const TOTAL = '（七）总计';
const FORWARD = '四、结转下年度继续办理';

describe('checkReport: a consistent report', () => {
  it('has no problems, in both versions, with or without prose', () => {
    for (const [year, seed] of [[2020, 1], [2021, 2], [2024, 9]] as const) {
      const rep = report(year, seed);
      expect(checkReport(rep)).toEqual([]);
      const spec: ReportSpec = { issuer: '嘉兴市生态环境局', year, template: rep.template!, table3: rep.table3, table4: rep.table4 };
      expect(checkReport({ ...rep, prose: defaultProse(spec).join('\n') })).toEqual([]);
    }
  });
});

describe('checkReport: each rule', () => {
  it('balance: 一 + 二 ≠ （七）总计 + 四 in a column (rows summed consistently)', () => {
    const rep = report();
    // move one request from 四 to nowhere: the row totals still add up, the balance does not
    rep.table3[FORWARD]![1] = (rep.table3[FORWARD]![1] as number) + 1;
    rep.table3[FORWARD]![6] = (rep.table3[FORWARD]![6] as number) + 1;
    const ps = checkReport(rep);
    expect(rules(ps)).toEqual(['balance', 'balance']);
    expect(ps.map((p) => p.where)).toEqual(['表三「商业企业」列', '表三「总计」列']);
    expect(ps[0]!.message).toMatch(/^「商业企业」列：第一项（\d+）加第二项（\d+）之和为\d+，第三项（七）总计（\d+）加第四项（\d+）之和为\d+，两者应相等$/);
  });

  it('rowTotal: the 总计 column is not the sum of the six', () => {
    const rep = report();
    rep.table3['（一）予以公开']![6] = (rep.table3['（一）予以公开']![6] as number) + 2;
    const ps = checkReport(rep).filter((p) => p.rule === 'rowTotal');
    expect(ps).toEqual([{ rule: 'rowTotal', where: '表三「（一）予以公开」行「总计」列', message: expect.stringMatching(/^「（一）予以公开」行的总计为\d+，但自然人与法人或其他组织各列之和为\d+（自然人\d+\+商业企业\d+/) }]);
  });

  it('groupTotal: （七）总计 is not the sum of the outcome rows', () => {
    const rep = report();
    rep.table3['3.其他']![0] = (rep.table3['3.其他']![0] as number) + 1;
    rep.table3['3.其他']![6] = (rep.table3['3.其他']![6] as number) + 1;
    const ps = checkReport(rep);
    expect(ps.filter((p) => p.rule === 'groupTotal').map((p) => p.where)).toEqual(['表三「（七）总计」行「自然人」列', '表三「（七）总计」行「总计」列']);
  });

  it('table4Total: a group total that is not the sum of its four', () => {
    const rep = report();
    rep.table4[9] = (rep.table4[9] as number) + 1;
    expect(checkReport(rep)).toEqual([{ rule: 'table4Total', where: '表四「未经复议直接起诉」「总计」列', message: expect.stringContaining('未经复议直接起诉的总计为') }]);
  });

  it('carryOver: this year\'s 二 against last year\'s 四, column by column, and the year of the previous report', () => {
    const prev = report(2020, 5);
    const rep = report(2021, 6);
    prev.table3[FORWARD] = [...rep.table3[CARRIED_OVER]!]; // only this year's report and the carry-over are checked
    expect(checkReport(rep, { previous: prev })).toEqual([]);
    const broken = clone(prev);
    broken.table3[FORWARD]![2] = (broken.table3[FORWARD]![2] as number) + 1;
    broken.table3[FORWARD]![6] = (broken.table3[FORWARD]![6] as number) + 1;
    const ps = checkReport(rep, { previous: broken }).filter((p) => p.rule === 'carryOver');
    expect(ps.map((p) => p.where)).toEqual(['表三「二、上年结转政府信息公开申请数量」行「科研机构」列', '表三「二、上年结转政府信息公开申请数量」行「总计」列']);
    expect(ps[0]!.message).toMatch(/^「科研机构」列：本年上年结转为\d+，但2020年度报告的结转下年度继续办理为\d+$/);
    const wrongYear = checkReport(rep, { previous: { ...prev, year: 2019 } });
    expect(wrongYear).toEqual([{ rule: 'carryOver', where: '上年报告', message: '所给上年报告是2019年度的，2021年度报告的上年报告应为2020年度' }]);
  });

  it('negative: any negative number in tables 三 and 四', () => {
    const rep = report();
    rep.table3['2.重复申请']![3] = -1;
    rep.table4[0] = -2;
    const ps = checkReport(rep).filter((p) => p.rule === 'negative');
    expect(ps).toEqual([
      { rule: 'negative', where: '表三「2.重复申请」行「社会公益组织」列', message: '数字不能为负数：-1' },
      { rule: 'negative', where: '表四「行政复议」「结果维持」列', message: '数字不能为负数：-2' },
    ]);
  });

  it('blankTotal: a blank 总计 cell, a blank （七）总计 row, a blank 总计 of table 四 — never taken for 0', () => {
    const rep = report();
    rep.table3['（一）予以公开']![6] = null;
    rep.table3[TOTAL] = rep.table3[TOTAL]!.map((v, c) => (c === 0 || c === 6 ? null : v));
    rep.table4[14] = null;
    const ps = checkReport(rep);
    expect(ps.filter((p) => p.rule === 'blankTotal')).toEqual([
      { rule: 'blankTotal', where: '表三「（一）予以公开」行「总计」列', message: '总计为空白，应填写数字（没有的填0）' },
      { rule: 'blankTotal', where: '表三「（七）总计」行「自然人」「总计」列', message: '（七）总计行的自然人、总计为空白，总计应填写数字（没有的填0）' },
      { rule: 'blankTotal', where: '表四「复议后起诉」「总计」列', message: '总计为空白，应填写数字（没有的填0）' },
    ]);
    // the sums that involve a blank total are not compared (the blank is the problem)
    expect(rules(ps).filter((r) => r !== 'blankTotal')).toEqual([]);
  });

  it('blank cells that are not totals count as 0', () => {
    const rep = report();
    for (const cells of Object.values(rep.table3)) cells.forEach((v, c) => c < 6 && v === 0 && (cells[c] = null));
    rep.table4 = rep.table4.map((v, i) => (i % 5 !== 4 && v === 0 ? null : v));
    expect(checkReport(rep)).toEqual([]);
    expect(toContract(rep, []).table3[RECEIVED]!.every((v) => typeof v === 'number')).toBe(true);
  });

  it('templateMismatch: a 2019-shaped table 三 in a 2021 report, a 2021-shaped one in a 2020 report, table 二 too', () => {
    const old = report(2021, 4, 'v2019');
    expect(checkReport(old)).toEqual([
      { rule: 'templateMismatch', where: '表三「（六）其他处理」', message: '2021年度报告应使用2021年版格式（国办公开办函〔2021〕30号），表三却是2019年版（试行）格式（国办公开办函〔2019〕60号）（（六）其他处理为一行，没有分项）' },
    ]);
    const early = report(2020, 4, 'v2021');
    expect(rules(checkReport(early))).toEqual(['templateMismatch']);
    expect(rules(checkReport({ ...report(2020), table2Template: 'v2021' }))).toEqual(['templateMismatch']);
    expect(checkReport({ ...report(2021), table2Template: 'mixed' })[0]!.where).toBe('表二「主动公开政府信息情况」');
    expect(checkReport({ ...report(2021), table2Template: 'v2021' })).toEqual([]);
  });

  it('textContradiction: stated totals against the tables, with the handful of phrasings', () => {
    const rep = report(2021, 8);
    const received = rep.table3[RECEIVED]![6] as number;
    const carried = rep.table3[CARRIED_OVER]![6] as number;
    const reconsidered = rep.table4[4] as number;
    const ok = [
      `全年共收到政府信息公开申请${received}件。`,
      `本年度新收政府信息公开申请共计${received}件，上年结转${carried}件。`,
      `共受理公民、法人或其他组织提出的政府信息公开申请${received + carried}件（含上年结转）。`,
      `其中，通过网上收到申请1件。`, // a breakdown, not the total
      `本机关被申请行政复议${reconsidered}件。`,
      `未经复议直接提起行政诉讼99件。`, // a part of 行政诉讼, not compared
      `较上年增加3件。`,
    ].join('\n');
    expect(checkReport({ ...rep, prose: ok })).toEqual([]);
    const wrong = `全年共收到政府信息公开申请${received + 5}件，予以公开${(rep.table3['（一）予以公开']![6] as number) + 1}件。\n本年度被申请行政复议${reconsidered + 1}起，行政诉讼${'十五'}件。`;
    const ps = checkReport({ ...rep, prose: wrong });
    expect(ps.map((p) => [p.rule, p.where])).toEqual([
      ['textContradiction', `正文“收到政府信息公开申请${received + 5}件”`],
      ['textContradiction', `正文“予以公开${(rep.table3['（一）予以公开']![6] as number) + 1}件”`],
      ['textContradiction', `正文“行政复议${reconsidered + 1}起”`],
      ['textContradiction', '正文“行政诉讼十五件”'],
    ]);
    expect(ps[0]!.message).toBe(`正文称本年新收申请${received + 5}件，但表三「${RECEIVED}」行「总计」列为${received}`);
  });

  it('textContradiction: "none" phrasings state 0', () => {
    const rep = report(2021, 8);
    rep.table3[RECEIVED] = rep.table3[RECEIVED]!.map(() => 0);
    const none = '本年度未收到政府信息公开申请。未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。';
    const ps = checkReport({ ...rep, prose: none }).filter((p) => p.rule === 'textContradiction');
    const table4Claims = (rep.table4[4] !== 0 ? 1 : 0) + ((rep.table4[9] as number) + (rep.table4[14] as number) !== 0 ? 1 : 0);
    expect(ps).toHaveLength(table4Claims);
    const zero = { ...rep, table4: rep.table4.map(() => 0) };
    expect(checkReport({ ...zero, prose: none }).filter((p) => p.rule === 'textContradiction')).toEqual([]);
  });
});

describe('checkReport: properties', () => {
  const numbers = (template: TemplateVersion) =>
    fc.array(fc.nat({ max: 9 }), { minLength: 400, maxLength: 400 }).map((xs) => {
      let i = 0;
      return consistentNumbers(TEMPLATES[template], (_w, max) => (xs[i++ % xs.length] as number) % (max + 1));
    });

  const consistent = fc.constantFrom<TemplateVersion>('v2019', 'v2021').chain((v) => numbers(v).map((n) => ({ v, year: v === 'v2019' ? 2020 : 2022, ...n })));

  it('random consistent numbers → no problems', () => {
    fc.assert(
      fc.property(consistent, ({ v, year, table3, table4 }) => {
        expect(checkReport({ issuer: 'x', year, template: v, table3, table4 })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('one perturbed cell of table 三 → a problem naming its row and one naming its column', () => {
    fc.assert(
      fc.property(consistent, fc.nat(), fc.nat({ max: 6 }), fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0), ({ v, year, table3, table4 }, rowPick, col, delta) => {
        const rows = TEMPLATES[v].table3.rows;
        const row = rows[rowPick % rows.length]!;
        table3[row.label]![col]! += delta;
        const wheres = checkReport({ issuer: 'x', year, template: v, table3, table4 }).map((p) => p.where);
        expect(wheres.some((w) => w.includes(`「${row.label}」`))).toBe(true);
        expect(wheres.some((w) => w.includes(`「${TABLE3_COLUMNS[col]}」`))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('one perturbed cell of table 四 → a problem naming its group', () => {
    fc.assert(
      fc.property(fc.nat({ max: 14 }), fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0), fc.nat({ max: 1000 }), (idx, delta, seed) => {
        const rep = report(2022, seed);
        rep.table4[idx] = (rep.table4[idx] as number) + delta;
        const ps = checkReport(rep);
        return ps.some((p) => p.where.includes(`「${TABLE4_COLUMNS[idx]!.group}」`));
      }),
      { numRuns: 200 },
    );
  });
});
