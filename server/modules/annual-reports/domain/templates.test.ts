/**
 * The template definitions against the labels copied from the project's reference
 * (../shared/reference/annual-report-template.md → test/fixtures/annual-report-template-labels.txt,
 * copied character for character, so that this test needs nothing outside the repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLY_OUTCOMES, APPLICANT_KINDS, APPEAL_OUTCOMES } from '../../requests/domain/outcomes.ts';
import {
  SECTION_HEADINGS,
  TABLE2_CONTENT_LABEL,
  TABLE3_COLUMNS,
  TABLE3_HEADER,
  TABLE3_NOTE,
  TABLE4_COLUMNS,
  TABLE4_HEADER,
  TABLE4_OUTCOMES,
  TEMPLATES,
  templateForYear,
  templateVersionForYear,
  rowsInGroup,
  type AnnualReportTemplate,
} from './templates.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../../../test/fixtures/annual-report-template-labels.txt');

/** The fixture's sections: name → lines (comments and blank lines dropped, indentation kept). */
function sections(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let cur: string[] | null = null;
  for (const line of fs.readFileSync(FIXTURE, 'utf8').split('\n')) {
    const m = /^\[(.+)\]$/.exec(line);
    if (m) out.set(m[1]!, (cur = []));
    else if (cur !== null && line.trim() !== '' && !line.startsWith('#')) cur.push(line);
  }
  return out;
}
const S = sections();
const section = (name: string): string[] => {
  const s = S.get(name);
  if (!s) throw new Error(`fixture section ${name} missing`);
  return s;
};
const backticked = (line: string): string[] => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

function table2From(lines: string[]): { item: string; columns: string[]; rows: string[] }[] {
  const subs: { item: string; columns: string[]; rows: string[] }[] = [];
  for (const line of lines) {
    if (!line.startsWith(' ')) subs.push({ item: line.trim(), columns: [], rows: [] });
    else if (line.includes('|')) subs[subs.length - 1]!.columns = line.split('|').map((s) => s.trim());
    else subs[subs.length - 1]!.rows.push(line.trim());
  }
  return subs;
}

/** The row tree of table 三: each line with its depth; group = followed by a deeper line. */
function table3From(lines: string[]): { label: string; depth: number; group: boolean }[] {
  const items = lines.map((l) => ({ label: l.trim(), depth: (l.length - l.trimStart().length) / 4 }));
  return items.map((it, i) => ({ ...it, group: (items[i + 1]?.depth ?? -1) > it.depth }));
}

function printed(t: AnnualReportTemplate): { label: string; depth: number; group: boolean }[] {
  return t.table3.lines.map((l) => ({ label: l.label, depth: l.depth, group: l.kind === 'group' }));
}

describe('the templates, label by label against the reference', () => {
  it('six section headings', () => {
    expect([...SECTION_HEADINGS]).toEqual(section('sections'));
    for (const t of Object.values(TEMPLATES)) expect([...t.sections]).toEqual(section('sections'));
  });

  it('table 二: items, column labels (信息内容 first) and row labels of both versions', () => {
    for (const v of ['v2019', 'v2021'] as const) {
      const expected = table2From(section(`table2 ${v}`));
      expect(TEMPLATES[v].table2.map((s) => ({ item: s.item, columns: [TABLE2_CONTENT_LABEL, ...s.columns], rows: [...s.rows] }))).toEqual(expected);
    }
    expect(TEMPLATES.v2019.table2.map((s) => s.item)).toContain('第二十条第（九）项');
    expect(TEMPLATES.v2021.table2.map((s) => s.item)).not.toContain('第二十条第（九）项');
  });

  it('table 三 header: the note, the 3 header rows with their spans, the 7 columns in order', () => {
    const [note, row1, row2, row3, order] = section('table3 header');
    expect(backticked(note!)).toEqual([TABLE3_NOTE]);
    expect(TABLE3_NOTE).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(TABLE3_HEADER[0]).toEqual([{ label: TABLE3_NOTE, colspan: 3, rowspan: 3 }, { label: backticked(row1!)[0], colspan: 7 }]);
    expect(row1).toContain('spanning all 7 value columns');
    const r2 = backticked(row2!);
    expect(TABLE3_HEADER[1]).toEqual([{ label: r2[0], rowspan: 2 }, { label: r2[1], colspan: 5 }, { label: r2[2], rowspan: 2 }]);
    expect(row2).toMatch(/`自然人` \(rowspan 2\) \| `法人或其他组织` \(colspan 5\) \| `总计` \(rowspan 2\)/);
    expect(TABLE3_HEADER[2]!.map((c) => c.label)).toEqual(backticked(row3!));
    const columns = order!.slice(order!.indexOf('in this order:') + 'in this order:'.length).replace(/\.\s*$/, '').split(',').map((s) => s.trim());
    expect([...TABLE3_COLUMNS]).toEqual(columns);
    for (const t of Object.values(TEMPLATES)) expect([...t.table3.columns]).toEqual(columns);
  });

  it('table 三 rows of the 2021 version: every label, group labels (not data rows) and nesting', () => {
    const expected = table3From(section('table3 rows v2021'));
    expect(printed(TEMPLATES.v2021)).toEqual(expected);
    expect(TEMPLATES.v2021.table3.rows.map((r) => r.label)).toEqual(expected.filter((l) => !l.group).map((l) => l.label));
    expect(TEMPLATES.v2021.table3.groups).toEqual(expected.filter((l) => l.group).map((l) => l.label));
    expect(TEMPLATES.v2021.table3.rows).toHaveLength(25);
  });

  it('table 三 rows of the 2019 version: the same, but （六）其他处理 is one data row', () => {
    const [single, identical] = section('table3 v2019 difference');
    expect(backticked(single!)).toEqual(['（六）其他处理']);
    expect(single).toContain('single data row');
    expect(identical).toContain('Every other row and column label is identical');
    const v2021 = table3From(section('table3 rows v2021'));
    const other = v2021.findIndex((l) => l.label === '（六）其他处理');
    const expected = v2021.filter((l, i) => !(i > other && l.depth > v2021[other]!.depth && i < v2021.findIndex((x) => x.label === '（七）总计')));
    expected[other] = { ...expected[other]!, group: false };
    expect(printed(TEMPLATES.v2019)).toEqual(expected);
    expect(TEMPLATES.v2019.table3.rows).toHaveLength(23);
  });

  it('table 四: groups, sub-groups and the 15 columns in order', () => {
    const [top, second, third, , order] = section('table4');
    const cells = (line: string) => line.split('|').map((s) => s.replace(/\(.*\)/, '').trim()).filter((s) => s !== '');
    expect(TABLE4_HEADER[0]!.map((c) => [c.label, c.colspan])).toEqual([['行政复议', 5], ['行政诉讼', 10]]);
    expect(cells(top!)).toEqual(['行政复议', '行政诉讼']);
    expect(top).toContain('行政复议 (colspan 5)');
    expect(top).toContain('行政诉讼 (colspan 10)');
    expect(TABLE4_HEADER[1]!.map((c) => c.label)).toEqual(cells(second!));
    expect(second).toContain('未经复议直接起诉 (colspan 5)');
    expect(TABLE4_HEADER[1]!.filter((c) => c.rowspan === 2).map((c) => c.label)).toEqual([...TABLE4_OUTCOMES]);
    expect(TABLE4_HEADER[2]!.map((c) => c.label)).toEqual(cells(third!));
    const outcomes = order!.slice(order!.indexOf('Column order:') + 13, order!.indexOf(', repeated')).split(',').map((s) => s.trim());
    const groups = order!.slice(order!.indexOf('repeated for') + 12).replace(/\.\s*$/, '').split(/,| and /).map((s) => s.trim()).filter(Boolean);
    expect([...TABLE4_OUTCOMES]).toEqual(outcomes);
    expect(TABLE4_COLUMNS.map((c) => `${c.group}:${c.label}`)).toEqual(groups.flatMap((g) => outcomes.map((o) => `${g}:${o}`)));
  });

  it('exact characters: full-width brackets, curly quotes, the enumeration comma', () => {
    const labels = TEMPLATES.v2021.table3.lines.map((l) => l.label).join('');
    expect(labels).not.toMatch(/[()",]/);
    expect(labels).toContain('3.危及“三安全一稳定”');
    expect(labels).toContain('逾期不补正、行政机关');
  });
});

describe('templateForYear', () => {
  it('2019 format for 2019–2020, 2021 format from 2021, none before 2019', () => {
    expect(templateForYear(2019)?.version).toBe('v2019');
    expect(templateForYear(2020)?.version).toBe('v2019');
    expect(templateForYear(2021)?.version).toBe('v2021');
    expect(templateForYear(2025)?.version).toBe('v2021');
    expect(templateForYear(2018)).toBeNull();
    expect(templateVersionForYear(2020.5)).toBeNull();
    expect(TEMPLATES.v2019.document).toBe('国办公开办函〔2019〕60号');
    expect(TEMPLATES.v2021.document).toBe('国办公开办函〔2021〕30号');
  });
});

describe('stable row keys', () => {
  it('rows with the same label have the same key in both versions', () => {
    const keys2019 = new Map(TEMPLATES.v2019.table3.rows.map((r) => [r.label, r.key]));
    for (const r of TEMPLATES.v2021.table3.rows) if (keys2019.has(r.label)) expect(r.key).toBe(keys2019.get(r.label));
    for (const t of Object.values(TEMPLATES)) expect(new Set(t.table3.rows.map((r) => r.key)).size).toBe(t.table3.rows.length);
  });

  it('the 2021 outcome rows are the requests module\'s outcome codes, labels and groups', () => {
    const outcomes = TEMPLATES.v2021.table3.rows.filter((r) => r.role === 'outcome');
    expect(outcomes.map((r) => ({ code: r.key, label: r.label, group: r.groups[1] ?? r.label }))).toEqual(REPLY_OUTCOMES.map((o) => ({ code: o.code, label: o.label, group: o.group })));
    expect(Object.values(APPLICANT_KINDS)).toEqual(TABLE3_COLUMNS.slice(0, 6));
    expect(Object.values(APPEAL_OUTCOMES)).toEqual(TABLE4_OUTCOMES.slice(0, 4));
    expect(rowsInGroup(TEMPLATES.v2021, '（三）不予公开')).toHaveLength(8);
  });
});
