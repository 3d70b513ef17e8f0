/**
 * The pure rules of reports made on the platform: who may read and write, which units a
 * government's report aggregates, the issuer in the title, the entered table 二 rows, the checks
 * on generated data (table 二's negative counts; 本年增/减 is signed).
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.ts';
import { canReadReport, canWriteForUnit, canWriteReports } from './annual-reports.policy.ts';
import { checkReportData, enteredRows, issuerOf, unitsOfScope, validateTable2, type ReportData } from './annual-reports.data.ts';
import { deadlineOf, reportTitle } from './annual-reports.constants.ts';
import { TEMPLATES } from './domain/templates.ts';

const user = (role: 'office' | 'unitAdmin' | 'unitStaff' | 'observer', unitId = 5): Actor => ({ kind: 'user', userId: 1, username: 'u', unitId, role, via: 'session' });

describe('policy', () => {
  it('a unit reads and writes its own drafts; every signed-in user reads published ones; observers write nothing', () => {
    const draft = { state: 'draft', unitId: 5 };
    expect(canReadReport(user('unitStaff', 5), draft)).toBe(true);
    expect(canReadReport(user('unitStaff', 6), draft)).toBe(false);
    expect(canReadReport(user('unitStaff', 6), { ...draft, state: 'published' })).toBe(true);
    expect(canReadReport(user('observer', 6), draft)).toBe(true);
    expect(canReadReport({ kind: 'anonymous' }, { ...draft, state: 'published' })).toBe(false);
    expect(canWriteReports(user('observer'))).toBe(false);
    expect(canWriteForUnit(user('unitAdmin', 5), 5)).toBe(true);
    expect(canWriteForUnit(user('unitAdmin', 5), 6)).toBe(false);
    expect(canWriteForUnit(user('office', 1), 6)).toBe(true);
  });
});

describe('scope', () => {
  const units = [
    { id: 1, kind: 'office', parentId: null, placeholder: false },
    { id: 2, kind: 'department', parentId: null, placeholder: false },
    { id: 3, kind: 'partyDepartment', parentId: null, placeholder: false },
    { id: 4, kind: 'zone', parentId: null, placeholder: false },
    { id: 5, kind: 'countyGovernment', parentId: null, placeholder: false },
    { id: 6, kind: 'department', parentId: 5, placeholder: false },
    { id: 7, kind: 'department', parentId: null, placeholder: true },
    { id: 8, kind: 'institution', parentId: 1, placeholder: false },
  ];
  it('the city government (the office): itself, its children, the parentless departments and zones', () => {
    expect(unitsOfScope('government', units[0]!, units)).toEqual([1, 2, 4, 8]);
  });
  it('a county government: itself and the units whose parent it is; a unit: itself', () => {
    expect(unitsOfScope('government', units[4]!, units)).toEqual([5, 6]);
    expect(unitsOfScope('unit', units[1]!, units)).toEqual([2]);
  });
  it('the issuer: the office\'s government report is the government\'s', () => {
    expect(issuerOf('government', { name: '嘉兴市人民政府办公室', kind: 'office' })).toBe('嘉兴市人民政府');
    expect(issuerOf('unit', { name: '嘉兴市人民政府办公室', kind: 'office' })).toBe('嘉兴市人民政府办公室');
    expect(issuerOf('government', { name: '南湖区人民政府', kind: 'countyGovernment' })).toBe('南湖区人民政府');
    expect(reportTitle('南湖区人民政府', 2020)).toBe('南湖区人民政府2020年政府信息公开工作年度报告');
  });
  it('deadlines: departments by 31 January, governments by 31 March of the next year (《条例》第四十九条)', () => {
    expect(deadlineOf('unit', 2020)).toBe('2021-01-31');
    expect(deadlineOf('government', 2020)).toBe('2021-03-31');
  });
});

describe('table 二', () => {
  it('the entered rows are every row but the register\'s, with the template\'s columns', () => {
    expect(enteredRows('v2021').map((r) => `${r.label}:${r.columns.join('/')}`)).toEqual([
      '规章:本年制发件数/本年废止件数/现行有效件数', '行政许可:本年处理决定数量', '行政处罚:本年处理决定数量', '行政强制:本年处理决定数量', '行政事业性收费:本年收费金额（单位：万元）',
    ]);
  });
  it('accepts numbers (decimals only in amount columns), keeps negatives for the checks, refuses unknown rows and wrong lengths', () => {
    expect(validateTable2('v2021', { 行政事业性收费: [12.35], 行政许可: [-1] })).toEqual({ 行政事业性收费: [12.35], 行政许可: [-1] });
    expect(() => validateTable2('v2021', { 行政许可: [1.5] })).toThrow(/应为整数/);
    expect(() => validateTable2('v2021', { 政府集中采购: [1, 2] })).toThrow(/表二没有「政府集中采购」行/);
    expect(() => validateTable2('v2019', { 规范性文件: [1, 1, 1] })).toThrow(/自动统计/);
    expect(() => validateTable2('v2019', { 行政许可: [1, 2] })).toThrow(/应有3个数字/);
  });
  it('checks flag a negative count but not a negative 本年增/减', () => {
    const t = TEMPLATES.v2019;
    const zero = [0, 0, 0, 0, 0, 0, 0];
    const data = {
      title: 'x', issuer: '某局', year: 2020, version: 'v2019', scope: 'unit', unitId: 1, unitIds: [1], generatedOn: '2021-01-01',
      summary: { paragraphs: [], facts: {} },
      table2: [{ item: '第二十条第（五）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [{ label: '行政许可', source: 'entered', cells: [3, -2, -1] }] }],
      table3: t.table3.rows.map((r) => ({ key: r.key, label: r.label, role: r.role, groups: [...r.groups], cells: [...zero], ids: zero.map(() => []) })),
      table4: { cells: Array(15).fill(0), ids: Array(15).fill([]) },
      section5: '', section6: '',
    } as unknown as ReportData;
    expect(checkReportData(data, null)).toEqual([{ rule: 'negative', where: '表二「行政许可」行「处理决定数量」列', message: '数字不能为负数：-1' }]);
  });
});
