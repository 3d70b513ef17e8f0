import { describe, expect, it } from 'vitest';
import {
  isPlausibleUnitCell,
  looksLikeUnitList,
  normaliseUnitName,
  readSharedUnitsRule,
  readUnitGroup,
  splitTopLevel,
  splitUnitCell,
} from './unit-phrases.ts';

describe('splitUnitCell', () => {
  it.each([
    ['市政府办公室', ['市政府办公室']],
    ['各县（市、区）政府', ['各县（市、区）政府']],
    ['市级有关部门（单位），各县（市、区）政府', ['市级有关部门（单位）', '各县（市、区）政府']],
    ['市委编办、市政务数据办（市跑改办）、市司法局', ['市委编办', '市政务数据办（市跑改办）', '市司法局']],
    ['市政府办公室，各县（市、区）政府、嘉兴经济技术开发区、嘉兴港区', ['市政府办公室', '各县（市、区）政府', '嘉兴经济技术开发区', '嘉兴港区']],
    ['市A局；市B局;市C局,市D局', ['市A局', '市B局', '市C局', '市D局']],
    // brackets of other kinds protect their separators too
    ['市X办〔市Y、Z办〕、市W局', ['市X办〔市Y、Z办〕', '市W局']],
    ['市X办[市Y,Z办]，市W局', ['市X办[市Y,Z办]', '市W局']],
  ])('%s', (cell, names) => {
    expect(splitUnitCell(cell)).toEqual({ names, eachLeads: false });
  });

  it('strips 分别负责 and sets eachLeads (item 9)', () => {
    expect(splitUnitCell('市市场监管局、市应急管理局、市生态环境局、市金融办、人行嘉兴市中心支行分别负责')).toEqual({
      names: ['市市场监管局', '市应急管理局', '市生态环境局', '市金融办', '人行嘉兴市中心支行'],
      eachLeads: true,
    });
  });

  it.each(['市A局、市B局 分别负责。', '市A局、市B局（分别负责）', '市A局、市B局分别牵头负责'])('eachLeads variant: %s', (cell) => {
    expect(splitUnitCell(cell)).toEqual({ names: ['市A局', '市B局'], eachLeads: true });
  });

  it('normalises half-width parentheses, whitespace and trailing punctuation', () => {
    expect(splitUnitCell(' 各县(市、区)政府 ， 市政务数据办 (市跑改办)。')).toEqual({
      names: ['各县（市、区）政府', '市政务数据办（市跑改办）'],
      eachLeads: false,
    });
    expect(splitUnitCell('市 政府 办公室\u3000、、市司法局；').names).toEqual(['市政府办公室', '市司法局']);
  });

  it('drops repeated names, keeping the first', () => {
    expect(splitUnitCell('市A局、市B局、市A局').names).toEqual(['市A局', '市B局']);
  });

  it('an unclosed bracket protects nothing (a damaged cell still splits)', () => {
    expect(splitTopLevel('市A局（、市B局、市C局')).toEqual(['市A局（', '市B局', '市C局']);
  });

  it('never throws and never returns empty names on odd input', () => {
    for (const cell of ['', '、、，', '（）', ')))(((', '分别负责', '\u0000\uD800', '（、）']) {
      const r = splitUnitCell(cell);
      expect(r.names.every((n) => n.length > 0)).toBe(true);
    }
  });
});

describe('normaliseUnitName', () => {
  it('makes parentheses full-width and strips edge punctuation', () => {
    expect(normaliseUnitName(' 市级有关部门(单位)， ')).toBe('市级有关部门（单位）');
  });
});

describe('isPlausibleUnitCell', () => {
  it.each(['市级有关部门（单位），各县（市、区）政府', '海盐县政府', '市A局、市B局分别负责'])('accepts %s', (c) => {
    expect(isPlausibleUnitCell(c)).toBe(true);
  });
  it.each([
    '深入实施政务服务“好差评”制度。',
    '12',
    '市级有关部门（单',
    '对照政府工作报告按季度向社会公开政府工作报告重点任务民生实事项目政府绩效目标的执行情况',
    '、，',
  ])('rejects %s', (c) => {
    expect(isPlausibleUnitCell(c)).toBe(false);
  });
});

describe('looksLikeUnitList', () => {
  it.each(['市政府办公室', '市委编办、市政务数据办（市跑改办）、市司法局', '海盐县政府', '各县（市、区）政府', '市级有关部门（单位）'])(
    'is a unit list: %s',
    (c) => expect(looksLikeUnitList(c)).toBe(true),
  );
  it.each(['注重发挥专家解读作用。', '加强全市政务新媒体矩阵建设', '深化一网通办', '加强县（市、区）政府公报工作。'])(
    'is a text: %s',
    (c) => expect(looksLikeUnitList(c)).toBe(false),
  );
});

describe('readUnitGroup (prose brackets and unit cells with verbs or labels)', () => {
  const g = (text: string, strict = true) => readUnitGroup(text, strict);
  it.each([
    ['市政府办公室牵头，市级有关部门配合', ['市政府办公室'], ['市级有关部门'], false, false],
    ['牵头单位：市委宣传部；责任单位：市网信办、市政务数据办', ['市委宣传部'], ['市网信办', '市政务数据办'], false, false],
    ['牵头单位:市委宣传部;配合单位:市网信办', ['市委宣传部'], ['市网信办'], false, false],
    ['各县（市、区）政府负责落实', ['各县（市、区）政府'], ['各县（市、区）政府'], true, false],
    ['市经信局、市财政局分别负责', ['市经信局', '市财政局'], ['市经信局', '市财政局'], true, true],
    ['市人力社保局、市教育局分别牵头，各县（市、区）政府落实', ['市人力社保局', '市教育局'], ['各县（市、区）政府'], false, true],
    ['办公室、各科室按职责分工负责', ['办公室', '各科室'], ['办公室', '各科室'], true, false],
    ['市政府办公室会同市司法局负责', ['市政府办公室'], ['市司法局'], false, false],
    ['市政务数据办（市跑改办）（市大数据局）统筹，各处室参与', ['市政务数据办（市跑改办）（市大数据局）'], ['各处室'], false, false],
    ['市X办〔市Y办〕负责', ['市X办〔市Y办〕'], ['市X办〔市Y办〕'], true, false],
    ['附件所列单位负责', ['附件所列单位'], ['附件所列单位'], true, false],
  ])('%s', (text, lead, responsible, merged, eachLeads) => {
    expect(g(text)).toMatchObject({ lead, responsible, merged, eachLeads, sharedUnits: [] });
  });

  it('reads a time clause and a document-wide rule out of the group', () => {
    expect(g('市发展改革委牵头，市财政局配合；2020年底前完成')).toMatchObject({ lead: ['市发展改革委'], responsible: ['市财政局'], deadline: '2020年底前完成' });
    expect(g('市政府办公室牵头，市级有关部门配合。以下各项工作均需各县（市、区）政府落实，不再列出')).toMatchObject({
      lead: ['市政府办公室'], responsible: ['市级有关部门'], sharedUnits: ['各县（市、区）政府'],
    });
    expect(g('市政府办公室牵头，市级有关部门配合，以下各项工作均需各县（市、区）政府落实，不再列出')?.sharedUnits).toEqual(['各县（市、区）政府']);
  });

  it.each(['2020年版', '含乡镇（街道）', '国办发〔2019〕54号', '以下简称“一网通办”', '重点做好稳就业工作，市人力社保局负责'])('is not a unit group: %s', (text) => {
    expect(g(text)).toBeNull();
  });

  it('a plain unit cell without verbs is left to splitUnitCell', () => {
    expect(g('市级有关部门（单位），各县（市、区）政府', false)).toBeNull();
  });
});

describe('readSharedUnitsRule', () => {
  it.each([
    ['以下各项工作均需各县（市、区）政府落实，不再列出', ['各县（市、区）政府']],
    ['本要点所列各项工作均需各区人民政府、各开发区管委会落实，不再一一列出。', ['各区人民政府', '各开发区管委会']],
    ['各县（市、区）政府负责落实以下各项工作', ['各县（市、区）政府']],
  ])('%s', (text, units) => {
    expect(readSharedUnitsRule(text)).toEqual(units);
  });

  it('an ordinary sentence is no rule', () => {
    expect(readSharedUnitsRule('市政府办公室负责落实')).toBeNull();
  });
});
