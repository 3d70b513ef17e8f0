import { describe, expect, it } from 'vitest';
import { defaultValidUntil, expiredOn, formatRegNumber, parsePattern, sequenceScope } from './normative.rules.ts';

describe('registration-number pattern', () => {
  it('formats the tokens, padding the serial', () => {
    expect(formatRegNumber('JXGF-{year}-{seq:4}', { year: 2020, seq: 7, unitId: 12 })).toBe('JXGF-2020-0007');
    expect(formatRegNumber('嘉规〔{year}〕{unitId}-{seq}号', { year: 2019, seq: 12, unitId: 8 })).toBe('嘉规〔2019〕8-12号');
    expect(formatRegNumber('ZJ{seq:2}', { year: 2019, seq: 123, unitId: 8 })).toBe('ZJ123');
  });

  it('draws serials from one series per year (and per unit when the pattern shows it)', () => {
    expect(sequenceScope('JXGF-{year}-{seq:4}', { year: 2020, unitId: 3 })).toBe('normative-reg:2020');
    expect(sequenceScope('{unitId}/{year}/{seq}', { year: 2020, unitId: 3 })).toBe('normative-reg:2020:unit3');
    expect(sequenceScope('JXGF{seq:6}', { year: 2020, unitId: 3 })).toBe('normative-reg');
  });

  it('refuses patterns it cannot number with', () => {
    for (const bad of ['', 'JXGF-{year}', '{seq}{seq}', '{seq:0}', '{seq:9}', '{yr}-{seq}', '{year-{seq}', 'A}{seq}', `${'x'.repeat(60)}{seq}`, 'a\n{seq}']) {
      expect(() => parsePattern(bad), bad).toThrow(expect.objectContaining({ code: 'NORMATIVE_PATTERN_INVALID' }));
    }
    expect(parsePattern(' JXGF-{year}-{seq:4} ')).toEqual({ hasYear: true, hasUnit: false, seqWidth: 4 });
  });
});

describe('validity period', () => {
  it('lasts 5 years less a day by default, leap days included', () => {
    expect(defaultValidUntil('2020-03-02', 5)).toBe('2025-03-01');
    expect(defaultValidUntil('2019-03-01', 5)).toBe('2024-02-29');
    expect(defaultValidUntil('2020-02-29', 5)).toBe('2025-02-28');
    expect(defaultValidUntil('2020-01-01', 1)).toBe('2020-12-31');
  });

  it('makes a document 失效 on the day after the period ends', () => {
    expect(expiredOn('2020-12-31')).toBe('2021-01-01');
  });
});
