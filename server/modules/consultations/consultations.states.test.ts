import { describe, expect, it } from 'vitest';
import {
  acceptsComments, addDays, daysLeft, defaultClosesOn, DEFAULT_PERIOD_DAYS, effectiveState, isIsoDate, periodLength, stageStep, stateLabel, withoutNul,
} from './consultations.states.ts';

describe('consultation periods', () => {
  it('counts the default period in calendar days, both ends included', () => {
    expect(DEFAULT_PERIOD_DAYS).toBe(30);
    expect(defaultClosesOn('2020-06-16')).toBe('2020-07-15');
    expect(periodLength('2020-06-16', '2020-07-15')).toBe(30);
    expect(defaultClosesOn('2020-02-01')).toBe('2020-03-01'); // 2020 is a leap year
    expect(defaultClosesOn('2020-12-15')).toBe('2021-01-13');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('closes an open consultation the day after its last day, without storing anything', () => {
    const c = { state: 'open', opensOn: '2020-06-16', closesOn: '2020-07-15' };
    expect([effectiveState(c, '2020-06-15'), acceptsComments(c, '2020-06-15'), stateLabel(c, '2020-06-15')]).toEqual(['open', false, '即将开始征求意见']);
    expect([acceptsComments(c, '2020-06-16'), daysLeft(c, '2020-06-16')]).toEqual([true, 30]);
    expect([acceptsComments(c, '2020-07-15'), daysLeft(c, '2020-07-15')]).toEqual([true, 1]);
    expect([effectiveState(c, '2020-07-16'), acceptsComments(c, '2020-07-16'), daysLeft(c, '2020-07-16')]).toEqual(['closed', false, null]);
    expect(effectiveState({ ...c, state: 'reported' }, '2020-07-16')).toBe('reported');
    expect(acceptsComments({ ...c, state: 'draft' }, '2020-06-20')).toBe(false);
  });

  it('checks dates and strips NULs', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-13-01')).toBe(false);
    expect(withoutNul('a\u0000b')).toBe('ab');
  });
});

describe('decision stages', () => {
  it('orders 征求意见 → 审议 → 公布 → 执行 → 评估', () => {
    expect(stageStep('consultation', 'deliberation')).toBe(1);
    expect(stageStep('implementation', 'consultation')).toBe(-3);
    expect(stageStep('evaluation', 'evaluation')).toBe(0);
  });
});
