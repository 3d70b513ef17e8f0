/**
 * The seed notice (嘉政办发〔2020〕36号) must come out exactly right. The expected table below was
 * written by reading the notice, row by row; it is not the parser's output pasted back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedTask } from './import.types.ts';
import { parseNotice, decodeNoticeBytes } from './notice-importer.ts';

const SEED_URL = new URL('../../../db/seeds/jiaxing-2020-openness-notice.txt', import.meta.url);
const seedBytes = readFileSync(SEED_URL);
const seedText = seedBytes.toString('utf8');

// Unit names that recur in the table.
const CITY = '市级有关部门（单位）';
const COUNTIES = '各县（市、区）政府';
const BOTH = [CITY, COUNTIES];
const OFFICE = '市政府办公室';
const DATA = '市政务数据办';
const NET = '市网信办';
const PROPAGANDA = '市委宣传部';

interface Expected {
  seq: number;
  section: string;
  subsection: string | null;
  lead: string[];
  /** null: one merged unit cell (responsible = lead) */
  responsible: string[] | null;
  eachLeads?: boolean;
  dueDate?: string;
}

const e = (
  seq: number,
  section: string,
  subsection: string | null,
  lead: string[],
  responsible: string[] | null,
  extra: Partial<Pick<Expected, 'eachLeads' | 'dueDate'>> = {},
): Expected => ({ seq, section, subsection, lead, responsible, ...extra });

const EXPECTED: Expected[] = [
  // 一、围绕助力市域治理现代化…
  // （一）加强重大行政决策信息公开机制建设
  e(1, '一', '一', BOTH, null),
  e(2, '一', '一', BOTH, null),
  e(3, '一', '一', [OFFICE, COUNTIES], null),
  // （二）动态调整、及时公开权责清单和行政规范性文件
  e(4, '一', '二', ['市委编办', '市政务数据办（市跑改办）', '市司法局'], BOTH),
  e(5, '一', '二', BOTH, null),
  e(6, '一', '二', [OFFICE, '市司法局', DATA], BOTH),
  // （三）深化行政执法和市场监管信息公开
  e(7, '一', '三', ['市司法局', '市综合执法局'], BOTH),
  e(8, '一', '三', ['市市场监管局'], BOTH),
  e(9, '一', '三', ['市市场监管局', '市应急管理局', '市生态环境局', '市金融办', '人行嘉兴市中心支行'], BOTH, { eachLeads: true }),
  // （四）高质量实施政务服务信息公开
  e(10, '一', '四', [DATA], BOTH),
  e(11, '一', '四', [DATA], BOTH),
  e(12, '一', '四', [DATA], BOTH),
  // （五）全面推进基层政务公开标准化规范化工作
  e(13, '一', '五', [OFFICE, COUNTIES, '嘉兴经济技术开发区', '嘉兴港区'], [CITY]),
  e(14, '一', '五', [COUNTIES, '嘉兴经济技术开发区', '嘉兴港区', CITY], null, { dueDate: '2020-09-30' }),
  e(15, '一', '五', ['海盐县政府'], null),
  // （六）构建政府信息主动公开清单体系
  e(16, '一', '六', [OFFICE], BOTH),
  // 二、围绕优化营商环境和保障改善民生…
  // （一）加强突发公共事件信息公开
  e(17, '二', '一', ['市卫生健康委', '市应急管理局', '市农业农村局', '市民政局', '市自然资源和规划局'], BOTH, { eachLeads: true }),
  e(18, '二', '一', ['市卫生健康委'], BOTH),
  // （二）着力做好稳企业稳增长相关信息公开
  e(19, '二', '二', ['市经信局', '市财政局', '市税务局', '市发展改革委', '市商务局'], BOTH, { eachLeads: true }),
  e(20, '二', '二', ['市经信局', '市发展改革委', '市市场监管局'], BOTH),
  e(21, '二', '二', ['市经信局', DATA], BOTH),
  // （三）深化重大建设项目批准和实施、公共资源配置领域信息公开
  e(22, '二', '三', ['市发展改革委'], BOTH),
  e(23, '二', '三', [OFFICE, '市发展改革委', DATA], BOTH),
  e(24, '二', '三', ['市发展改革委', '市财政局', '市自然资源和规划局', '市建设局', '市交通运输局', '市水利局', '市国资委', DATA], BOTH),
  // （四）持续做好民生领域信息公开
  e(25, '二', '四', ['市人力社保局', '市教育局', '市卫生健康委', '市医保局', '市生态环境局', '市自然资源和规划局', '市建设局'], BOTH, { eachLeads: true }),
  e(26, '二', '四', ['市教育局', '市退役军人事务局', '市人力社保局'], BOTH, { eachLeads: true }),
  e(27, '二', '四', ['市教育局'], BOTH),
  e(28, '二', '四', ['市卫生健康委', '市医保局'], BOTH),
  e(29, '二', '四', ['市生态环境局'], BOTH),
  e(30, '二', '四', ['市自然资源和规划局', '市人力社保局'], BOTH, { eachLeads: true }),
  // 三、围绕发布、解读、回应全链条公开…
  // （一）建立健全政府重点工作定期发布机制
  e(31, '三', '一', [OFFICE], BOTH),
  e(32, '三', '一', [OFFICE, '市审计局'], BOTH, { eachLeads: true }),
  // （二）着力提高政策解读可读性和传播力
  e(33, '三', '二', BOTH, null),
  e(34, '三', '二', BOTH, null),
  e(35, '三', '二', BOTH, null),
  e(36, '三', '二', BOTH, null),
  // （三）及时精准回应社会关切
  e(37, '三', '三', [PROPAGANDA, NET, OFFICE], BOTH),
  e(38, '三', '三', [PROPAGANDA, NET, '市信访局', DATA, OFFICE], BOTH),
  e(39, '三', '三', [PROPAGANDA, NET, OFFICE], BOTH),
  e(40, '三', '三', [OFFICE], BOTH),
  // 四、围绕提升数字化、集约化水平…
  // （一）推进政府网站集约化管理和政府信息公开专栏建设
  e(41, '四', '一', [DATA, OFFICE], BOTH),
  e(42, '四', '一', [OFFICE, DATA], BOTH),
  e(43, '四', '一', [DATA, OFFICE], [CITY]),
  e(44, '四', '一', [DATA, OFFICE], [CITY]),
  e(45, '四', '一', [DATA, OFFICE], [CITY]),
  e(46, '四', '一', [DATA, OFFICE], [COUNTIES]),
  // （二）抓实管好政务新媒体
  e(47, '四', '二', [NET, OFFICE], BOTH),
  e(48, '四', '二', BOTH, null),
  e(49, '四', '二', BOTH, null),
  e(50, '四', '二', BOTH, null),
  e(51, '四', '二', [NET, OFFICE, DATA], BOTH),
  e(52, '四', '二', [NET], BOTH),
  e(53, '四', '二', [PROPAGANDA, NET], null),
  // （三）不断提高依申请公开办理质效
  e(54, '四', '三', BOTH, null),
  e(55, '四', '三', BOTH, null),
  // （四）推动政府公报创新发展
  e(56, '四', '四', BOTH, null),
  e(57, '四', '四', [OFFICE, DATA, COUNTIES], null),
  e(58, '四', '四', [COUNTIES], null),
  // 五、切实加强组织领导和监督保障 — no subsections
  e(59, '五', null, [OFFICE], BOTH),
  e(60, '五', null, BOTH, null),
  e(61, '五', null, BOTH, null),
  e(62, '五', null, [OFFICE, COUNTIES], null),
  e(63, '五', null, [OFFICE], BOTH),
  e(64, '五', null, [OFFICE], BOTH),
  e(65, '五', null, BOTH, null),
  e(66, '五', null, [DATA], BOTH),
  e(67, '五', null, [DATA], BOTH),
  e(68, '五', null, [OFFICE], BOTH),
  e(69, '五', null, [OFFICE], BOTH),
  e(70, '五', null, BOTH, null),
];

describe('seed notice: 2020年嘉兴市政务公开重点工作责任清单', () => {
  const result = parseNotice(seedText);
  const bySeq = new Map<number, ImportedTask>(result.tasks.map((t) => [t.seq, t]));

  it('reads the notice metadata', () => {
    expect(result.notice).toEqual({
      title: '嘉兴市人民政府办公室关于印发2020年嘉兴市政务公开重点工作责任清单的通知',
      docNumber: '嘉政办发〔2020〕36号',
      issuer: '嘉兴市人民政府办公室',
      issuedOn: '2020-07-02',
      year: 2020,
    });
    expect(result.listTitle).toBe('2020年嘉兴市政务公开重点工作责任清单');
  });

  it('reads the annex: 61 names of 市级有关部门（单位）, and nothing from the 抄送 block', () => {
    expect(result.annexGroup).toBe('市级有关部门（单位）');
    expect(result.annex).toHaveLength(61);
    expect(result.annex[0]).toBe('市委宣传部');
    expect(result.annex).toContain('市政务数据办（市跑改办）');
    expect(result.annex).toContain('嘉兴经济技术开发区');
    expect(result.annex).toContain('团市委');
    expect(result.annex[60]).toBe('市消防救援支队');
    expect(result.annex).not.toContain('市政务数据办');
    expect(result.annex).not.toContain('市跑改办');
    expect(result.annex.some((n) => /抄送|监委|法院|检察院|人大/.test(n))).toBe(false);
  });

  it('has no warnings', () => {
    expect(result.warnings).toEqual([]);
  });

  it('has exactly the 70 tasks, in order', () => {
    expect(result.tasks.map((t) => t.seq)).toEqual(EXPECTED.map((x) => x.seq));
  });

  it('has 5 sections and 17 subsections, section 五 without subsections', () => {
    const sections = result.headings.filter((h) => h.level === 1);
    expect(sections.map((h) => h.numeral)).toEqual(['一', '二', '三', '四', '五']);
    expect(sections[4]).toMatchObject({ title: '切实加强组织领导和监督保障', parent: null, line: 339 });
    const subsections = result.headings.filter((h) => h.level === 2);
    expect(subsections).toHaveLength(17);
    expect(subsections.filter((h) => h.parent === '五')).toHaveLength(0);
    expect(subsections[0]).toEqual({ level: 2, numeral: '一', title: '加强重大行政决策信息公开机制建设', parent: '一', line: 28 });
    expect(subsections.filter((h) => h.parent === '一').map((h) => h.numeral)).toEqual(['一', '二', '三', '四', '五', '六']);
  });

  describe.each(EXPECTED)('task $seq', (x) => {
    it('has its section, units, merged, eachLeads and due date', () => {
      const t = bySeq.get(x.seq);
      expect(t).toBeDefined();
      if (t === undefined) return;
      expect(t.section).toBe(x.section);
      expect(t.subsection).toBe(x.subsection);
      expect(t.leadUnits).toEqual(x.lead);
      expect(t.responsibleUnits).toEqual(x.responsible ?? x.lead);
      expect(t.merged).toBe(x.responsible === null);
      expect(t.eachLeads).toBe(x.eachLeads ?? false);
      expect(t.dueDate).toBe(x.dueDate ?? '2020-12-31');
      expect(t.deadlineText).toBe(x.dueDate === undefined ? null : '2020年9月底前');
      expect(t.text.length).toBeGreaterThan(5);
      expect(t.text).not.toMatch(/^\s|\s$/);
    });
  });

  it('keeps each task text whole, with its source line', () => {
    expect(bySeq.get(1)).toMatchObject({
      line: 30,
      text: '认真贯彻《重大行政决策程序暂行条例》《浙江省重大行政决策程序规定》《嘉兴市人民政府重大行政决策程序规定》等，建立健全重大行政决策事项目录公开发布机制，及时发布重大行政决策事项目录。',
    });
    expect(bySeq.get(12)?.text).toBe('深入实施政务服务“好差评”制度。');
    expect(bySeq.get(70)?.line).toBe(392);
  });

  it('item 14: 2020年9月底前 is the deadline', () => {
    expect(bySeq.get(14)).toMatchObject({ dueDate: '2020-09-30', deadlineText: '2020年9月底前' });
  });

  it('item 24: the year in 《…（2020年版）》 is not a deadline', () => {
    expect(bySeq.get(24)).toMatchObject({ dueDate: '2020-12-31', deadlineText: null });
  });

  it('item 65: 2020年政务公开工作安排 is not a deadline', () => {
    expect(bySeq.get(65)).toMatchObject({ dueDate: '2020-12-31', deadlineText: null });
  });

  it('item 31: 按季度 is a quarterly recurrence, not a deadline', () => {
    expect(bySeq.get(31)).toMatchObject({ recurrence: 'quarterly', deadlineText: null, dueDate: '2020-12-31' });
  });

  it('item 33: 不少于2次 is the target', () => {
    expect(bySeq.get(33)).toMatchObject({ target: '不少于2次', recurrence: null, deadlineText: null });
  });

  it('no other task has a recurrence, a target or a written deadline', () => {
    const others = result.tasks.filter((t) => ![14, 31, 33].includes(t.seq));
    expect(others.filter((t) => t.recurrence !== null).map((t) => t.seq)).toEqual([]);
    expect(others.filter((t) => t.target !== null).map((t) => t.seq)).toEqual([]);
    expect(others.filter((t) => t.deadlineText !== null).map((t) => t.seq)).toEqual([]);
  });

  it('reads the same from the raw bytes, with or without a BOM, and with CRLF line ends', () => {
    expect(parseNotice(decodeNoticeBytes(seedBytes))).toEqual(result);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes]);
    expect(parseNotice(decodeNoticeBytes(bom))).toEqual(result);
    expect(parseNotice(seedText.replace(/\n/g, '\r\n'))).toEqual(result);
  });
});
