/**
 * Edge cases of the importer: damaged rows become warnings (never invented tasks), unreadable
 * files and texts without a list become coded errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/errors.ts';
import type { ImportResult } from './import.types.ts';
import { decodeNoticeBytes, parseNotice } from './notice-importer.ts';

const SEED_URL = new URL('../../../db/seeds/jiaxing-2020-openness-notice.txt', import.meta.url);
const seed = readFileSync(SEED_URL, 'utf8');
const seedLines = seed.split('\n');
const seedResult = parseNotice(seed);

/** The error code a call throws (a ValidationError), or null when it returns. */
function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof ValidationError) return err.code;
    throw err;
  }
}

/** The 1-based line of the first line equal to `text`. */
const lineOf = (text: string): number => seedLines.indexOf(text) + 1;
/** The seed's lines 1..n joined (the first n lines). */
const firstLines = (n: number): string => seedLines.slice(0, n).join('\n');
const taskSeqs = (r: ImportResult): number[] => r.tasks.map((t) => t.seq);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A small notice around a table body written with `|` for TAB cells and `/` between rows. */
function notice(rows: string[][], tail = ''): string {
  const body = rows.map((cells) => cells.map((c) => `\t${c}`).join('\n')).join('\n\n');
  return `某政办发〔2021〕3号\n某市人民政府办公室关于印发2021年某市政务公开重点工作清单的通知\n各区政府：\n某市人民政府办公室\n2021年3月1日\n2021年某市政务公开重点工作清单\n${body}\n${tail}`;
}

const HEADER = ['序号', '重点工作', '牵头单位', '责任单位'];

describe('truncated input', () => {
  it('a final row cut after its number → warning, no task', () => {
    const r = parseNotice(firstLines(lineOf('\t70')));
    expect(taskSeqs(r)).toEqual(range(1, 69));
    expect(r.warnings).toEqual([
      { line: 392, message: expect.stringContaining('第70项只有序号') },
      { line: 14, message: '通知正文提到附件“市级有关部门（单位）名单”，但文末没有找到这份名单' },
    ]);
  });

  it('a final row cut after its text → warning, no task', () => {
    const r = parseNotice(firstLines(lineOf('\t70') + 1));
    expect(taskSeqs(r)).toEqual(range(1, 69));
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatchObject({ line: 392, message: expect.stringContaining('第70项缺少牵头单位和责任单位') });
  });

  it('a final row cut inside a bracket of its unit cell → warning, no task', () => {
    const cut = seed.indexOf('\t市级有关部门（单位），各县（市、区）政府', seed.indexOf('\t70\n')) + '\t市级有关部门（单'.length;
    const r = parseNotice(seed.slice(0, cut));
    expect(taskSeqs(r)).toEqual(range(1, 69));
    expect(r.warnings.map((w) => w.message).join()).toContain('第70项的单位栏');
  });

  it('a cut in the middle of the list keeps the complete rows before it', () => {
    const r = parseNotice(firstLines(lineOf('\t15') + 1)); // 15's text, without its unit cell
    expect(taskSeqs(r)).toEqual(range(1, 14));
    expect(r.annex).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('第15项缺少牵头单位和责任单位'),
      expect.stringContaining('通知正文提到附件“市级有关部门（单位）名单”，但文末没有找到'),
    ]);
  });
});

describe('damaged rows', () => {
  it('a task row written twice with the same content is kept once, with a warning', () => {
    const lines = [...seedLines];
    const at = lineOf('\t5') - 1; // 5, text, unit, blank
    lines.splice(at + 4, 0, ...seedLines.slice(at, at + 4));
    const r = parseNotice(lines.join('\n'));
    expect(taskSeqs(r)).toEqual(range(1, 70));
    expect(r.tasks).toEqual(seedResult.tasks.map((t) => (t.seq > 5 ? { ...t, line: t.line + 4 } : t)));
    expect(r.warnings).toEqual([{ line: at + 5, message: expect.stringContaining('第5项重复出现，内容与前面的第5项相同') }]);
  });

  it('a repeated number with other content is skipped with a warning', () => {
    const r = parseNotice(
      notice([HEADER, ['1', '做好甲工作。', '市政府办公室'], ['1', '做好乙工作。', '市司法局'], ['2', '做好丙工作。', '市司法局']]),
    );
    expect(r.tasks.map((t) => [t.seq, t.text])).toEqual([[1, '做好甲工作。'], [2, '做好丙工作。']]);
    expect(r.warnings).toEqual([{ line: expect.any(Number), message: expect.stringContaining('序号重复或顺序颠倒') }]);
  });

  it('a number out of sequence is skipped; a gap keeps the task and warns about the missing ones', () => {
    const r = parseNotice(
      notice([
        ['1', '做好甲工作。', '市政府办公室'],
        ['30', '做好乙工作。', '市司法局'],
        ['2', '做好丙工作。', '市司法局'],
        ['5', '做好丁工作。', '市司法局'],
        ['6', '做好戊工作。', '市司法局'],
      ]),
    );
    expect(taskSeqs(r)).toEqual([1, 2, 5, 6]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('第30项的序号与前后不连续'),
      '序号不连续：第5项之前缺少第3至4项',
    ]);
  });

  it('a stray row inside the table is a warning, not a task', () => {
    const lines = [...seedLines];
    lines.splice(lineOf('\t20') - 1, 1); // delete the number of task 20: its text and units are left
    const r = parseNotice(lines.join('\n'));
    expect(taskSeqs(r)).toEqual(range(1, 70).filter((n) => n !== 20));
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('表格中有一行无法识别'),
      '序号不连续：第21项之前缺少第20项',
    ]);
  });

  it('a row without its text does not take its lead units for the text', () => {
    const lines = [...seedLines];
    lines.splice(lineOf('\t4'), 1); // delete the text of task 4
    const r = parseNotice(lines.join('\n'));
    expect(taskSeqs(r)).toEqual(range(1, 70).filter((n) => n !== 4));
    expect(r.warnings).toEqual([{ line: 44, message: expect.stringContaining('第4项缺少工作内容') }]);
  });

  it('three different unit cells cannot be told apart → warning, no task', () => {
    const r = parseNotice(notice([['1', '做好甲工作。', '市A局', '市B局', '市C局'], ['2', '做好乙工作。', '市B局']]));
    expect(taskSeqs(r)).toEqual([2]);
    expect(r.warnings[0]?.message).toContain('第1项有3个单位栏');
  });

  it('a sentence in a unit cell is not taken for units', () => {
    const r = parseNotice(notice([['1', '做好甲工作。', '做好乙工作。'], ['2', '做好丙工作。', '市B局']]));
    expect(taskSeqs(r)).toEqual([2]);
    expect(r.warnings[0]?.message).toContain('不像单位名称');
  });

  it('repeated header rows are skipped silently; missing blank lines between rows are recovered', () => {
    const text = notice([HEADER, ['一、总体要求'], ['1', '做好甲工作。', '市A局'], HEADER, ['2', '做好乙工作。', '市A局', '市B局']])
      // glue the heading, row 1 and the header together: no blank lines between them
      .replace('\t一、总体要求\n\n', '\t一、总体要求\n')
      .replace('\t市A局\n\n\t序号', '\t市A局\n\t序号');
    const r = parseNotice(text);
    expect(r.warnings).toEqual([]);
    expect(r.tasks.map((t) => [t.seq, t.section, t.merged, t.leadUnits, t.responsibleUnits])).toEqual([
      [1, '一', true, ['市A局'], ['市A局']],
      [2, '一', false, ['市A局'], ['市B局']],
    ]);
  });

  it('a repeated number, text or unit line inside a row is dropped with a warning', () => {
    const lines = [...seedLines];
    const at = lineOf('\t4') - 1;
    lines.splice(at + 2, 0, seedLines[at + 2] as string); // lead units twice
    lines.splice(at + 1, 0, seedLines[at + 1] as string); // text twice
    lines.splice(at, 0, seedLines[at] as string); // number twice
    const r = parseNotice(lines.join('\n'));
    // the source shows the row as written, with its repeated cells
    expect(r.tasks[3]).toEqual({ ...seedResult.tasks[3], line: 44, source: expect.stringMatching(/^4 \| 4 \| 以“最多跑一次”/) });
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('第4项的序号在同一行中重复出现'),
      expect.stringContaining('第4项的工作内容重复出现'),
      expect.stringContaining('第4项的单位栏重复出现'),
    ]);
  });

  it('the same units in both columns mean a merged cell', () => {
    const r = parseNotice(notice([['1', '做好甲工作。', '市A局、市B局', '市A局、市B局']]));
    expect(r.tasks[0]).toMatchObject({ merged: true, leadUnits: ['市A局', '市B局'], responsibleUnits: ['市A局', '市B局'] });
  });
});

describe('cells and columns', () => {
  it('normalises parentheses and whitespace in unit names', () => {
    const r = parseNotice(notice([['1', '做好甲工作。', '市政务数据办(市跑改办) ， 各县( 市、区 )政府；']]));
    expect(r.tasks[0]?.leadUnits).toEqual(['市政务数据办（市跑改办）', '各县（市、区）政府']);
  });

  it('reads a 完成时限 column after the unit cells', () => {
    const r = parseNotice(
      notice([
        ['序号', '重点工作', '牵头单位', '责任单位', '完成时限'],
        ['1', '做好甲工作。', '市A局', '市B局', '2021年6月底前'],
        ['2', '做好乙工作。', '市A局', '年底前'],
      ]),
    );
    expect(r.tasks.map((t) => [t.merged, t.dueDate, t.deadlineText])).toEqual([
      [false, '2021-06-30', '2021年6月底前'],
      [true, '2021-12-31', '年底前'],
    ]);
  });

  it('a list without sections has null section and subsection; month-only deadlines take the list year', () => {
    const r = parseNotice(notice([['1', '6月底前完成甲工作。', '市A局']]));
    expect(r.headings).toEqual([]);
    expect(r.tasks[0]).toMatchObject({ section: null, subsection: null, dueDate: '2021-06-30', deadlineText: '6月底前' });
    expect(r.notice).toMatchObject({ docNumber: '某政办发〔2021〕3号', issuedOn: '2021-03-01', year: 2021 });
  });

  it('an annex without its 附件 line is still found, and stops at 抄送', () => {
    const r = parseNotice(notice([['1', '做好甲工作。', '市级有关部门（单位）']], '区级部门名单\n甲局、乙办（丙办）、丁委。\n\t抄送：某局，某院。\n'));
    expect(r.annexGroup).toBe('区级部门');
    expect(r.annex).toEqual(['甲局', '乙办（丙办）', '丁委']);
    expect(r.tasks).toHaveLength(1);
  });

  it('nothing after 抄送 is a task or an annex name, even when 抄送 is glued to the last row', () => {
    const r = parseNotice(notice([['1', '做好甲工作。', '市A局']], '\t抄送：某局。\n\n\t2\n\t做好乙工作。\n\t市B局\n\n附件\n甲局名单\n甲局。\n'));
    expect(taskSeqs(r)).toEqual([1]);
    expect(r.annex).toEqual([]);
    expect(r.annexGroup).toBeNull();
  });
});

describe('no list', () => {
  it.each([
    ['empty text', ''],
    ['only the preamble', firstLines(lineOf('2020年嘉兴市政务公开重点工作责任清单'))],
    ['header and headings but no task', firstLines(lineOf('\t（一）加强重大行政决策信息公开机制建设'))],
    ['prose', '为全面深入推进政务公开，现将有关事项通知如下。\n一、加强领导。\n二、强化考核。'],
    ['random bytes as text', '\u0007\u0008\uFFFD\uD800abc\t\t\n\n\t'],
  ])('%s → IMPORT_NO_LIST_FOUND', (_name, text) => {
    expect(codeOf(() => parseNotice(text))).toBe('IMPORT_NO_LIST_FOUND');
  });

  it('the error is a ValidationError with a Chinese message', () => {
    try {
      parseNotice('');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).statusCode).toBe(400);
      expect((err as ValidationError).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('decodeNoticeBytes', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('decodes UTF-8 with or without a BOM', () => {
    expect(decodeNoticeBytes(utf8('政务公开\n'))).toBe('政务公开\n');
    expect(decodeNoticeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('政务公开')]))).toBe('政务公开');
    expect(decodeNoticeBytes(new Uint8Array())).toBe('');
  });

  it('decodes UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('政务公开\t1', 'utf16le')]);
    expect(decodeNoticeBytes(le)).toBe('政务公开\t1');
  });

  it('decodes GBK text (what Chinese Windows saves as ANSI)', () => {
    expect(decodeNoticeBytes(new Uint8Array([0xd5, 0xfe, 0xce, 0xf1, 0xb9, 0xab, 0xbf, 0xaa, 0x0a]))).toBe('政务公开\n');
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80, 0x42]],
    ['a truncated sequence', [...new TextEncoder().encode('政务'), 0xe5, 0x85]],
    ['an overlong encoding', [0xc0, 0xaf]],
  ])('%s → IMPORT_UNREADABLE_ENCODING', (_name, bytes) => {
    expect(codeOf(() => decodeNoticeBytes(new Uint8Array(bytes)))).toBe('IMPORT_UNREADABLE_ENCODING');
  });

  it.each([
    ['a NUL byte', [...new TextEncoder().encode('政务公开'), 0x00, 0x41]],
    ['a .docx (zip)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['a PDF', [...new TextEncoder().encode('%PDF-1.7\n')]],
    ['an old .doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['many control characters', Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))],
  ])('%s → IMPORT_UNREADABLE_FILE', (_name, bytes) => {
    expect(codeOf(() => decodeNoticeBytes(new Uint8Array(bytes)))).toBe('IMPORT_UNREADABLE_FILE');
  });
});
