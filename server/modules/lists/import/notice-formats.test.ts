/**
 * Every format and layout a government sends, each written by the test itself, with the tasks,
 * units, flags and dates it must give.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/errors.ts';
import type { ImportResult, ImportedTask } from './import.types.ts';
import { parseNotice, readNoticeFile, sniffFormat } from './notice-importer.ts';
import { readHtml } from './readers/html.reader.ts';
import { docTextToDocument } from './readers/word.reader.ts';
import { interpretNotice } from './notice-interpreter.ts';
import { listToDocx, listToHtml, listToPdf, listToPipes, listToText, makePdf, type FixtureList } from './testing/notice-fixtures.ts';

const PREAMBLE = '某政办发〔2021〕3号\n某市人民政府办公室关于印发2021年某市政务公开重点工作清单的通知\n各区人民政府，市级有关部门：\n某市人民政府办公室\n2021年3月1日\n2021年某市政务公开重点工作清单\n';
const NOTICE = { title: '某市人民政府办公室关于印发2021年某市政务公开重点工作清单的通知', docNumber: '某政办发〔2021〕3号', issuer: '某市人民政府办公室', issuedOn: '2021-03-01', year: 2021 };

/** The fields a list's task is compared on. */
const brief = (t: ImportedTask) => ({
  seq: t.seq, section: t.section, text: t.text, lead: t.leadUnits, responsible: t.responsibleUnits,
  merged: t.merged, eachLeads: t.eachLeads, dueDate: t.dueDate, deadlineText: t.deadlineText,
});

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (err) {
    if (err instanceof ValidationError) return err.code;
    throw err;
  }
}

/** The fixture list used for .docx, HTML, text, `|` rows and PDF. */
const LIST: FixtureList = {
  docNumber: '某政办发〔2021〕3号',
  title: NOTICE.title,
  issuer: '某市人民政府办公室',
  date: '2021年3月1日',
  listTitle: '2021年某市政务公开重点工作清单',
  sections: [{ before: 0, title: '总体要求' }, { before: 2, title: '平台建设' }],
  deadlineColumn: true,
  tasks: [
    { text: '认真贯彻《重大行政决策程序暂行条例》，建立健全重大行政决策事项目录公开发布机制。', lead: '市级有关部门（单位），各区政府', responsible: null },
    { text: '做好稳就业相关信息公开。', lead: '市人力社保局、市财政局分别负责', responsible: '各区政府', deadline: '2021年9月底前' },
    { text: '推进政务新媒体规范发展，加强政务新媒体矩阵建设。', lead: '市网信办', responsible: '市级有关部门（单位）', deadline: '持续推进' },
    { text: '深化政府网站集约化，6月底前完成专栏改版。', lead: '市政务数据办（市大数据局）、市政府办公室', responsible: null },
  ],
};
const CITY = '市级有关部门（单位）';
const LIST_TASKS = [
  { seq: 1, section: '一', text: LIST.tasks[0]!.text, lead: [CITY, '各区政府'], responsible: [CITY, '各区政府'], merged: true, eachLeads: false, dueDate: '2021-12-31', deadlineText: null },
  { seq: 2, section: '一', text: LIST.tasks[1]!.text, lead: ['市人力社保局', '市财政局'], responsible: ['各区政府'], merged: false, eachLeads: true, dueDate: '2021-09-30', deadlineText: '2021年9月底前' },
  { seq: 3, section: '二', text: LIST.tasks[2]!.text, lead: ['市网信办'], responsible: [CITY], merged: false, eachLeads: false, dueDate: '2021-12-31', deadlineText: '持续推进' },
  { seq: 4, section: '二', text: LIST.tasks[3]!.text, lead: ['市政务数据办（市大数据局）', '市政府办公室'], responsible: ['市政务数据办（市大数据局）', '市政府办公室'], merged: true, eachLeads: false, dueDate: '2021-06-30', deadlineText: '6月底前' },
];

describe('.docx with merged cells (generated with the docx package)', () => {
  it('reads the table: a gridSpan cell across 牵头单位 and 责任单位 is merged; a 完成时限 column', async () => {
    const bytes = await listToDocx(LIST);
    expect(sniffFormat(bytes, '通知.docx')).toBe('docx');
    const { text, result } = await readNoticeFile(bytes, '通知.docx');
    expect(result.notice).toEqual(NOTICE);
    expect(result.listTitle).toBe('2021年某市政务公开重点工作清单');
    expect(result.headings.map((h) => `${h.numeral}${h.title}`)).toEqual(['一总体要求', '二平台建设']);
    expect(result.tasks.map(brief)).toEqual(LIST_TASKS);
    expect(result.warnings).toEqual([]);
    // the source: the row's cells joined with " | ", as written
    expect(result.tasks[1]!.source).toBe('2 | 做好稳就业相关信息公开。 | 市人力社保局、市财政局分别负责 | 各区政府 | 2021年9月底前');
    expect(result.tasks[0]!.source).toBe(`1 | ${LIST.tasks[0]!.text} | 市级有关部门（单位），各区政府`);
    // the stored text is a rendering whose lines the tasks point at
    expect(text.split('\n')[result.tasks[0]!.line - 1]).toBe(`1\t${LIST.tasks[0]!.text}\t市级有关部门（单位），各区政府`);
  });

  it('a .docx that is not a Word document (another zip) → IMPORT_UNREADABLE_FILE', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 1, 2, 3, 4]);
    expect(await codeOf(readNoticeFile(zip, 'x.docx'))).toBe('IMPORT_UNREADABLE_FILE');
  });
});

describe('HTML tables as on government sites', () => {
  it('reads colspan, &nbsp;, Word-pasted spans, a header repeated at a page break, and skips page chrome', async () => {
    const html = listToHtml(LIST);
    expect(html).toContain('colspan="2"');
    expect(html).toContain('&nbsp;');
    const { result } = await readNoticeFile(Buffer.from(html), 'notice.html');
    expect(result.notice).toEqual(NOTICE);
    expect(result.tasks.map(brief)).toEqual(LIST_TASKS);
    expect(result.warnings).toEqual([]);
  });

  it('reads a GBK page inside a layout table, rowspan cells, <br> between units, a page marker and empty trailing cells', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><script>var a = "<td>1</td>";</script></head>
<body><table width="100%"><tr><td class="nav">首页 &gt; 政策文件</td></tr><tr><td>
<table class="meta"><tr><td>发文机关：</td><td>某市人民政府办公室</td></tr><tr><td>发文字号：</td><td>某政办发[2021]3号</td></tr>
<tr><td>成文日期：</td><td>2021年03月01日</td></tr><tr><td>标　　题：</td><td>某市人民政府办公室关于印发2021年某市政务公开重点工作清单的通知</td></tr></table>
<p align=center>2021年某市政务公开重点工作清单</p>
<table border=1>
<tr><td>序号<td>工作任务<td>具体要求<td>牵头单位<td>责任单位<td>&nbsp;
<tr><td rowspan=2>1<td rowspan=2>加强政策解读<td>解读材料与政策文件同步发布。<td>市政府办公室<td>市级有关部门<br>各区政府<td>
<tr><td>每月更新“政策解读”专栏。<td>市政府办公室<td>市级有关部门
<tr><td colspan=6>- 2 -</td>
<tr><td>2<td>回应社会关切<td>加强政务舆情监测<!-- 注释 -->，及时回应。<td colspan=2>市委宣传部、市网信办<td>&nbsp;</td>
</table><p>【打印本页】【关闭窗口】</p></td></tr></table></body></html>`;
    const { result } = await readNoticeFile(iconv.encode(html, 'gbk'), '页面.htm');
    expect(result.notice).toEqual(NOTICE);
    expect(result.tasks.map((t) => [t.seq, t.text, t.leadUnits, t.responsibleUnits, t.merged, t.recurrence])).toEqual([
      [1, '加强政策解读：解读材料与政策文件同步发布。', ['市政府办公室'], ['市级有关部门', '各区政府'], false, null],
      [2, '加强政策解读：每月更新“政策解读”专栏。', ['市政府办公室'], ['市级有关部门'], false, 'monthly'],
      [3, '回应社会关切：加强政务舆情监测，及时回应。', ['市委宣传部', '市网信办'], ['市委宣传部', '市网信办'], true, null],
    ]);
    // the 序号 spans two rows: the tasks are numbered in order, with one warning
    expect(result.warnings.map((w) => w.message)).toEqual(['序号单元格跨行合并，此后的任务已按顺序重新编号']);
    expect(result.tasks.every((t) => t.dueDate === '2021-12-31' && t.deadlineText === null)).toBe(true);
  });
});

describe('text layouts', () => {
  it('a GBK text file (iconv-lite) reads like its UTF-8 twin', async () => {
    const text = listToText(LIST);
    const gbk = await readNoticeFile(iconv.encode(text, 'gbk'), 'notice.txt');
    const utf8 = await readNoticeFile(Buffer.from(text), 'notice.txt');
    expect(gbk.result).toEqual(utf8.result);
    expect(gbk.result.tasks.map(brief)).toEqual(LIST_TASKS);
    expect(gbk.text).toBe(text);
  });

  it('bytes that are neither UTF-8 nor Chinese GBK text → IMPORT_UNREADABLE_ENCODING', async () => {
    const latin1 = Buffer.from('Caf\xe9 na\xefve r\xe9sum\xe9 \xe0 la carte '.repeat(5), 'latin1');
    expect(await codeOf(readNoticeFile(latin1, 'x.txt'))).toBe('IMPORT_UNREADABLE_ENCODING');
  });

  it('rows with | separators (and a Markdown rule line)', () => {
    const r = parseNotice(listToPipes(LIST));
    expect(r.notice).toEqual(NOTICE);
    expect(r.tasks.map(brief)).toEqual(LIST_TASKS);
    expect(r.tasks[2]!.source).toBe('3 | 推进政务新媒体规范发展，加强政务新媒体矩阵建设。 | 市网信办 | 市级有关部门（单位） | 持续推进');
  });

  it('one cell per line, rows cut at each 序号, with the header repeated at a page break', () => {
    const rows = [
      '序号', '重点工作', '牵头单位', '责任单位',
      '一、总体要求',
      '1', LIST.tasks[0]!.text, '市级有关部门（单位），各区政府',
      '2', '做好稳就业相关信息公开，2021年9月底前完成。', '市人力社保局、市财政局分别负责', '各区政府',
      '第 1 页 共 2 页',
      '序号', '重点工作', '牵头单位', '责任单位',
      '3', '推进政务新媒体规范发展。', '市网信办', '市级有关部门（单位）',
    ];
    const r = parseNotice(PREAMBLE + rows.join('\n') + '\n');
    expect(r.notice).toEqual(NOTICE);
    expect(r.warnings).toEqual([]);
    expect(r.tasks.map((t) => [t.seq, t.section, t.leadUnits, t.responsibleUnits, t.merged, t.eachLeads, t.dueDate])).toEqual([
      [1, '一', [CITY, '各区政府'], [CITY, '各区政府'], true, false, '2021-12-31'],
      [2, '一', ['市人力社保局', '市财政局'], ['各区政府'], false, true, '2021-09-30'],
      [3, '一', ['市网信办'], [CITY], false, false, '2021-12-31'],
    ]);
  });

  it('工作任务 | 具体要求 | 责任单位 | 时限要求 without a number column: tasks numbered 1..n, units with verbs', () => {
    const table = [
      ['工作任务', '具体要求', '责任单位', '时限要求'],
      ['加强政策解读', '解读材料与文件同步发布。', '市政府办公室牵头，市级有关部门配合', '2021年6月底前'],
      ['回应社会关切', '每月更新舆情回应专栏。', '牵头单位：市委宣传部；责任单位：市网信办、各区政府', '长期'],
      ['公开平台', '办好政府公报。', '附件所列单位', '年底前'],
      ['回应社会关切', '每月更新舆情回应专栏。', '牵头单位：市委宣传部；责任单位：市网信办、各区政府', '长期'],
    ].map((cells) => cells.map((c) => `\t${c}`).join('\n'));
    const r = parseNotice(`${PREAMBLE}${table.join('\n\n')}\n附件\n市级有关部门名单\n市A局、市B局\n`);
    expect(r.tasks.map((t) => [t.seq, t.text, t.leadUnits, t.responsibleUnits, t.merged, t.dueDate, t.deadlineText, t.recurrence])).toEqual([
      [1, '加强政策解读：解读材料与文件同步发布。', ['市政府办公室'], ['市级有关部门'], false, '2021-06-30', '2021年6月底前', null],
      [2, '回应社会关切：每月更新舆情回应专栏。', ['市委宣传部'], ['市网信办', '各区政府'], false, '2021-12-31', '长期', 'monthly'],
      [3, '公开平台：办好政府公报。', ['市级有关部门'], ['市级有关部门'], true, '2021-12-31', '年底前', null],
    ]);
    expect(r.annexGroup).toBe('市级有关部门');
    // the same task listed twice is kept once
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringContaining('与第2项内容和单位完全相同')]);
  });

  it('a traditional-character table reads as simplified; the source keeps the characters as written', () => {
    const text = `某政辦發〔2021〕3號\n某市人民政府辦公室關於印發2021年某市政務公開重點工作清單的通知\n某市人民政府辦公室\n2021年3月1日\n2021年某市政務公開重點工作清單\n\t序號\n\t重點工作\n\t牽頭單位\n\t責任單位\n\n\t1\n\t做好政務公開專欄建設，9月底前完成。\n\t市政府辦公室\n\t各區政府、市級有關部門（單位）\n\n\t2\n\t推進政務新媒體規範發展。\n\t市網信辦、市數據局分別負責\n\t各縣（市、區）政府\n`;
    const r = parseNotice(text);
    expect(r.notice).toMatchObject({ docNumber: '某政办发〔2021〕3号', issuer: '某市人民政府办公室', issuedOn: '2021-03-01', year: 2021 });
    expect(r.tasks.map((t) => [t.seq, t.text, t.leadUnits, t.responsibleUnits, t.eachLeads, t.dueDate])).toEqual([
      [1, '做好政务公开专栏建设，9月底前完成。', ['市政府办公室'], ['各区政府', CITY], false, '2021-09-30'],
      [2, '推进政务新媒体规范发展。', ['市网信办', '市数据局'], ['各县（市、区）政府'], true, '2021-12-31'],
    ]);
    expect(r.tasks[1]!.source).toBe('2 | 推進政務新媒體規範發展。 | 市網信辦、市數據局分別負責 | 各縣（市、區）政府');
  });

  it('rows cut off at the end of a file are warnings, never invented tasks', () => {
    const r = parseNotice(`${listToText(LIST).split('\t4\n')[0]}\t4\n\t深化政府网站集约化`);
    expect(r.tasks.map((t) => t.seq)).toEqual([1, 2, 3]);
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringContaining('第4项缺少牵头单位和责任单位')]);
  });
});

describe('prose 工作要点', () => {
  const PROSE = `某政办发〔2021〕8号
某市人民政府办公室关于印发2021年某市政务公开工作要点的通知
各区人民政府，市级有关部门：
现将《2021年某市政务公开工作要点》印发给你们，请认真贯彻落实。
某市人民政府办公室
二〇二一年四月六日
2021年某市政务公开工作要点
2021年是“十四五”开局之年。现提出如下工作要点：
一、加强政策解读回应
（一）强化政策解读。严格落实政策性文件与解读材料同步组织、同步审签、同步部署制度（市政府办公室牵头，市级有关部门配合。以下各项工作均需各区人民政府落实，不再列出）。加强政务舆情监测，及时回应社会关切(市委宣传部、市网信办分别负责)。
（二）办好“2021年政府开放日”活动，每月更新活动专栏（牵头单位：市政府办公室；责任单位：市级有关部门、各科室）。
二、提升公开平台水平
（一）政府网站
1.2021年9月底前完成政府网站集约化平台迁移（市政务数据办〔市大数据局〕负责落实）。
2. 推进政务新媒体规范发展，持续推进矩阵建设。
3. 做好政府公报工作（附件所列单位负责）。此项工作长期坚持。
附件
市级有关部门名单
市A局、市B局（市C办）
抄送：市委办公室。`;

  it('reads each unit group as a task; a document-wide rule adds its units to this and every later task', () => {
    const r = parseNotice(PROSE);
    expect(r.notice).toEqual({ title: '某市人民政府办公室关于印发2021年某市政务公开工作要点的通知', docNumber: '某政办发〔2021〕8号', issuer: '某市人民政府办公室', issuedOn: '2021-04-06', year: 2021 });
    expect(r.listTitle).toBe('2021年某市政务公开工作要点');
    expect(r.headings.map((h) => [h.level, h.numeral, h.title, h.parent])).toEqual([
      [1, '一', '加强政策解读回应', null],
      [1, '二', '提升公开平台水平', null],
      [2, '一', '政府网站', '二'],
    ]);
    const COUNTIES = '各区人民政府';
    expect(r.tasks.map((t) => [t.seq, t.section, t.subsection, t.text, t.leadUnits, t.responsibleUnits, t.merged, t.eachLeads, t.dueDate, t.deadlineText, t.recurrence])).toEqual([
      [1, '一', null, '强化政策解读。严格落实政策性文件与解读材料同步组织、同步审签、同步部署制度。', ['市政府办公室'], ['市级有关部门', COUNTIES], false, false, '2021-12-31', null, null],
      [2, '一', null, '加强政务舆情监测，及时回应社会关切。', ['市委宣传部', '市网信办'], ['市委宣传部', '市网信办', COUNTIES], false, true, '2021-12-31', null, null],
      [3, '一', null, '办好“2021年政府开放日”活动，每月更新活动专栏。', ['市政府办公室'], ['市级有关部门', '各科室', COUNTIES], false, false, '2021-12-31', null, 'monthly'],
      [4, '二', '一', '2021年9月底前完成政府网站集约化平台迁移。', ['市政务数据办〔市大数据局〕'], ['市政务数据办〔市大数据局〕', COUNTIES], false, false, '2021-09-30', '2021年9月底前', null],
      [5, '二', '一', '推进政务新媒体规范发展，持续推进矩阵建设。', [COUNTIES], [COUNTIES], true, false, '2021-12-31', null, null],
      [6, '二', '一', '做好政府公报工作。此项工作长期坚持。', ['市级有关部门'], ['市级有关部门', COUNTIES], false, false, '2021-12-31', null, null],
    ]);
    expect(r.tasks[1]!.source).toBe('加强政务舆情监测，及时回应社会关切(市委宣传部、市网信办分别负责)。');
    expect(r.tasks[0]!.source).toMatch(/^（一）强化政策解读。.*不再列出）。$/);
    expect(r.tasks[0]!.line).toBe(10);
    expect(r.annexGroup).toBe('市级有关部门');
    expect(r.annex).toEqual(['市A局', '市B局（市C办）']);
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringContaining('“各区人民政府”承担此后各项工作')]);
  });

  it('a numbered paragraph without units, and no rule in force, is a warning, not a task', () => {
    const r = parseNotice('2021年某局政务公开工作要点\n一、主动公开\n1. 做好信息公开（办公室负责）。\n2. 加强培训。\n');
    expect(r.tasks.map((t) => [t.seq, t.text, t.leadUnits, t.merged])).toEqual([[1, '做好信息公开。', ['办公室'], true]]);
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringContaining('这一条没有写明责任单位')]);
    expect(r.notice.title).toBe('2021年某局政务公开工作要点');
  });

  it('a remark in brackets is not a unit group', () => {
    expect(() => parseNotice('一、认真执行《标准目录（2020年版）》（含乡镇）。\n二、做好公开。')).toThrow(ValidationError);
  });
});

describe('PDF (a text layer written by hand)', () => {
  it('rebuilds the table from the text layer: wrapped cells, merged unit cells, page numbers dropped', async () => {
    const pdf = listToPdf(LIST);
    expect(sniffFormat(pdf, 'x.bin')).toBe('pdf');
    const { result } = await readNoticeFile(pdf, '通知.pdf');
    expect(result.notice).toEqual(NOTICE);
    expect(result.tasks.map(brief)).toEqual(LIST_TASKS);
    expect(result.warnings).toEqual([]);
  });

  it('a PDF without a text layer (a scan) → IMPORT_NEEDS_DOCX', async () => {
    const scan = makePdf([[]]);
    expect(await codeOf(readNoticeFile(scan, 'scan.pdf'))).toBe('IMPORT_NEEDS_DOCX');
  });

  it('a damaged PDF → IMPORT_NEEDS_DOCX', async () => {
    expect(await codeOf(readNoticeFile(Buffer.from('%PDF-1.7\n1 0 obj garbage'), 'x.pdf'))).toBe('IMPORT_NEEDS_DOCX');
  });
});

describe('.doc (word-extractor)', () => {
  it('reads the body text word-extractor gives: cells end with TAB, rows with TAB TAB', () => {
    // What word-extractor returns for a .doc with the list (no real .doc can be written here).
    const body = `${PREAMBLE}序号\t重点工作\t牵头单位\t责任单位\t\t1\t做好甲工作，\n9月底前完成。\t市A局\t市B局\t\t2\t做好乙工作。\t市C局\t\t\t正文结束。\n`;
    const r = interpretNotice(docTextToDocument(body));
    expect(r.notice).toEqual(NOTICE);
    expect(r.tasks.map((t) => [t.seq, t.text, t.leadUnits, t.responsibleUnits, t.merged, t.dueDate])).toEqual([
      [1, '做好甲工作，9月底前完成。', ['市A局'], ['市B局'], false, '2021-09-30'],
      [2, '做好乙工作。', ['市C局'], ['市C局'], true, '2021-12-31'],
    ]);
  });

  it('a .doc that cannot be read → IMPORT_NEEDS_DOCX (asks for the .docx)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    const err = await readNoticeFile(ole, '通知.doc').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).code).toBe('IMPORT_NEEDS_DOCX');
    expect((err as ValidationError).message).toContain('.docx');
  });
});

describe('sniffing', () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04], 'a.txt', 'docx'],
    [[0xd0, 0xcf, 0x11, 0xe0], 'a.docx', 'doc'],
    [[...Buffer.from('%PDF-1.4')], 'a.doc', 'pdf'],
    [[...Buffer.from('  <!DOCTYPE html><html>')], 'a.txt', 'html'],
    [[...Buffer.from('<table><tr><td>1')], 'a', 'html'],
    [[...Buffer.from('序号')], 'a.htm', 'html'],
    [[...Buffer.from('序号')], 'a.txt', 'text'],
  ])('%j %s → %s', (bytes, name, format) => {
    expect(sniffFormat(new Uint8Array(bytes), name)).toBe(format);
  });

  it('the HTML reader keeps paragraphs apart and never throws on broken markup', () => {
    expect(readHtml('<p>甲<p>乙<div>丙</span></div><table><tr><td>1<td>x').blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.cells))).toEqual(['甲', '乙', '丙', ['1', 'x']]);
    expect(() => readHtml('<<<>>><td colspan=999 rowspan=-1><tr></table></td>&#xFFFFFF;&#0;')).not.toThrow();
  });
});

describe('metadata in any form', () => {
  it.each([
    ['2021-03-01', '2021-03-01'],
    ['2021.3.1', '2021-03-01'],
    ['二〇二一年三月一日', '2021-03-01'],
    ['2021 年 3 月 1 日', '2021-03-01'],
  ])('date %s', (date, iso) => {
    const r: ImportResult = parseNotice(`某政办发(2021)3号\n某市人民政府办公室关于印发清单的通知\n某市人民政府办公室\n${date}\n\t1\n\t做好甲工作。\n\t市A局\n`);
    expect(r.notice).toMatchObject({ docNumber: '某政办发〔2021〕3号', issuedOn: iso, year: 2021, issuer: '某市人民政府办公室' });
  });
});
