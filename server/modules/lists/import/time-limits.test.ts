import { describe, expect, it } from 'vitest';
import { findDeadline, findRecurrence, findTarget, isDeadlineCell, readTimeLimits } from './time-limits.ts';

describe('findDeadline', () => {
  it.each([
    ['2020年9月底前，基层政府全面完成…', '2020-09-30', '2020年9月底前'],
    ['6月底前完成清理', '2020-06-30', '6月底前'],
    ['年底前全面完成', '2020-12-31', '年底前'],
    ['2021年底前完成', '2021-12-31', '2021年底前'],
    ['明年底前完成', '2021-12-31', '明年底前'],
    ['9月30日前报送', '2020-09-30', '9月30日前'],
    ['2020年11月15日之前报送', '2020-11-15', '2020年11月15日之前'],
    ['第三季度末前完成', '2020-09-30', '第三季度末前'],
    ['2020年第1季度末完成', '2020-03-31', '2020年第1季度末'],
    ['2020 年 9 月 底前完成', '2020-09-30', '2020 年 9 月 底前'],
    ['2020 年 9 月 30 日前', '2020-09-30', '2020 年 9 月 30 日前'],
    ['九月底前完成', '2020-09-30', '九月底前'],
    ['2月底前', '2020-02-29', '2月底前'],
    ['10月中旬前完成', '2020-10-20', '10月中旬前'],
    ['截至2020年10月31日', '2020-10-31', '截至2020年10月31日'],
  ])('%s → %s', (text, dueDate, deadlineText) => {
    expect(findDeadline(text, 2020)).toEqual({ dueDate, deadlineText });
  });

  it('takes the latest when several are written', () => {
    expect(findDeadline('6月底前出台方案，年底前全面完成', 2020)).toEqual({ dueDate: '2020-12-31', deadlineText: '年底前' });
  });

  it.each([
    '认真执行《浙江省公共资源配置领域政府信息公开标准目录（2020年版）》',
    '结合实际提出本地、本部门（单位）2020年政务公开工作安排和具体措施',
    '贯彻落实国办发〔2019〕54号文件',
    '开展“2020年9月底前百日攻坚”行动',
    '《关于在2020年底前完成清理的通知》',
    '每年年底前报送年度报告',
    '每月底前报送',
    '第一时间解读会议精神',
    '2020年7月2日印发',
    '13月底前',
    '2月30日前',
  ])('no deadline in: %s', (text) => {
    expect(findDeadline(text, 2020)).toBeNull();
  });

  it('a month-only deadline without a known year is no date', () => {
    expect(findDeadline('6月底前完成', null)).toBeNull();
    expect(findDeadline('2020年6月底前完成', null)).toEqual({ dueDate: '2020-06-30', deadlineText: '2020年6月底前' });
  });
});

describe('findRecurrence', () => {
  it.each([
    ['按季度向社会公开执行情况', 'quarterly'],
    ['每季度报送一次', 'quarterly'],
    ['每月更新', 'monthly'],
    ['按月公布', 'monthly'],
    ['每半年开展一次评估', 'halfYearly'],
    ['每年公布', 'yearly'],
    ['按年度公开', 'yearly'],
    ['每年年底前报送', 'yearly'],
  ] as const)('%s → %s', (text, recurrence) => {
    expect(findRecurrence(text)).toBe(recurrence);
  });

  it.each([
    '纳入政府信息公开工作年度报告并向社会公布',
    '将年度政务公开重点工作完成情况纳入年度报告',
    '全年带头解读政策一般不少于2次',
    '第三季度末前完成',
    '发布行政许可事项目录（年本）',
    '开展“每月一课”活动',
  ])('no recurrence in: %s', (text) => {
    expect(findRecurrence(text)).toBeNull();
  });
});

describe('findTarget', () => {
  it.each([
    ['全年带头解读政策一般不少于2次。', '不少于2次'],
    ['每年至少3篇解读', '至少3篇'],
    ['开展培训2次以上', '2次以上'],
    ['发布政策问答不低于 10 条', '不低于 10 条'],
    ['主动公开率达到100%', '达到100%'],
  ])('%s → %s', (text, target) => {
    expect(findTarget(text)).toBe(target);
  });

  it.each(['完成26个试点领域事项标准目录', '最多跑一次', '以上工作', '至少要做好'])('no target in: %s', (text) => {
    expect(findTarget(text)).toBeNull();
  });
});

describe('readTimeLimits', () => {
  it('defaults the due date to the end of the year; a frequency is not a deadline', () => {
    expect(readTimeLimits('按季度向社会公开', 2020)).toEqual({
      dueDate: '2020-12-31',
      deadlineText: null,
      recurrence: 'quarterly',
      target: null,
    });
  });
  it('has no due date when the year is unknown and none is written', () => {
    expect(readTimeLimits('做好信息公开', null).dueDate).toBeNull();
  });
  it('a separate deadline cell wins over the text', () => {
    expect(readTimeLimits('年底前完成', 2020, '2020年6月底前')).toMatchObject({ dueDate: '2020-06-30', deadlineText: '2020年6月底前' });
  });
});

describe('isDeadlineCell', () => {
  it('recognises a cell that is only a time limit', () => {
    expect(isDeadlineCell('2020年9月底前')).toBe(true);
    expect(isDeadlineCell('年底前。')).toBe(true);
    expect(isDeadlineCell('市政府办公室')).toBe(false);
    expect(isDeadlineCell('2020年9月底前完成清理')).toBe(false);
  });
});

describe('ongoing time limits (持续推进, 长期)', () => {
  it.each(['持续推进', '长期', '长期坚持', '常态化'])('%s in a 完成时限 cell: kept as written, due at the end of the year', (cell) => {
    expect(isDeadlineCell(cell)).toBe(true);
    expect(readTimeLimits('做好政务公开。', 2021, cell)).toMatchObject({ dueDate: '2021-12-31', deadlineText: cell });
  });

  it('持续推进 in a task text is the task\'s wording, not a time limit', () => {
    expect(readTimeLimits('持续推进政务公开标准化。', 2021)).toMatchObject({ dueDate: '2021-12-31', deadlineText: null });
  });

  it('a deadline cell with 完成 after it, and spaces between numbers and words', () => {
    expect(isDeadlineCell('2021年9月底前完成')).toBe(true);
    expect(readTimeLimits('做好公开。', 2021, '2021 年 9 月底前完成')).toMatchObject({ dueDate: '2021-09-30', deadlineText: '2021 年 9 月底前' });
  });
});
