import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../../lib/calendar/working-day-calendar.ts';
import { AppError } from '../../../platform/errors.ts';
import { feePaymentDueDate, informationProcessingFee, perCaseFee, perCaseUnitPrice, perVolumeFee, perVolumeUnitPrice } from './fees.ts';

describe('按件 (办法第四条)', () => {
  it('the reference’s worked example: 35 cases in a month → 3,000 元', () => {
    const f = perCaseFee({ cases: 35 });
    expect(f.totalYuan).toBe(3000);
    expect(f.bands.map((b) => [b.from, b.to, b.unitPriceYuan, b.subtotalYuan])).toEqual([
      [1, 10, 0, 0],
      [11, 30, 100, 2000],
      [31, 35, 200, 1000],
    ]);
    expect(f.explanation).toContain('第11—30件：20件 × 100元/件 = 2,000元');
    expect(f.explanation).toContain('第31—35件：5件 × 200元/件 = 1,000元');
    expect(f.explanation.at(-1)).toBe('合计：3,000元。');
  });

  it.each([
    [1, 0], [10, 0], [11, 100], [30, 100], [31, 200], [40, 200], [41, 300], [50, 300], [51, 400], [60, 400], [61, 500],
  ])('case %i costs %i 元', (k, price) => {
    expect(perCaseUnitPrice(k)).toBe(price);
  });

  it.each([
    [10, 0], [11, 100], [30, 2000], [31, 2200], [40, 4000], [41, 4300], [50, 7000],
  ])('%i cases → %i 元', (cases, total) => {
    expect(perCaseFee({ cases }).totalYuan).toBe(total);
  });

  it('counts per applicant over the calendar month: cases 9–13 after 8 earlier cases → 3 × 100', () => {
    const f = perCaseFee({ cases: 5, earlierCasesThisMonth: 8 });
    expect(f.totalYuan).toBe(300);
    expect(f.explanation[1]).toBe('本月此前已累计8件，本次5件，为本月第9—13件。');
  });
});

describe('按量 (办法第五条)', () => {
  it('the reference’s worked example: 150 pages → 1,700 元', () => {
    const f = perVolumeFee({ pages: 150 });
    expect(f.totalYuan).toBe(1700);
    expect(f.explanation).toContain('第31—100页：70页 × 10元/页 = 700元');
    expect(f.explanation).toContain('第101—150页：50页 × 20元/页 = 1,000元');
  });

  it.each([
    [30, 0], [31, 10], [100, 700], [101, 720], [200, 2700], [201, 2740], [250, 4700],
  ])('%i pages → %i 元', (pages, total) => {
    expect(perVolumeFee({ pages }).totalYuan).toBe(total);
  });

  it.each([[30, 0], [31, 10], [100, 10], [101, 20], [200, 20], [201, 40]])('page %i costs %i 元', (p, price) => {
    expect(perVolumeUnitPrice(p)).toBe(price);
  });
});

describe('method and input (办法第三条)', () => {
  it('one method per application', () => {
    expect(informationProcessingFee({ method: 'perCase', cases: 35 }).totalYuan).toBe(3000);
    expect(informationProcessingFee({ method: 'perVolume', pages: 150 }).totalYuan).toBe(1700);
    expect(() => informationProcessingFee({ method: 'perCase', cases: 35, pages: 10 } as never)).toThrow(/不得同时按两种方式收费/);
    expect(() => informationProcessingFee({ method: 'perPage' } as never)).toThrow(AppError);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => perCaseFee({ cases: 0 })).toThrow(/件数应为不小于1的整数/);
    expect(() => perVolumeFee({ pages: 2.5 })).toThrow(AppError);
    expect(() => perCaseFee({ cases: 3, earlierCasesThisMonth: -1 })).toThrow(AppError);
  });
});

describe('payment deadline (FEE-SC)', () => {
  const cal = new WorkingDayCalendar();
  it('20 working days from the day after the notice was received', () => {
    // received Thu 2021-03-11: 03-12 is day 1; 清明 04-03..05 skipped; day 20 = 04-09
    expect(feePaymentDueDate('2021-03-11', cal).dueDate).toBe('2021-04-09');
    // across National Day 2020: 09-27 and 10-10 count
    expect(feePaymentDueDate('2020-09-25', cal).dueDate).toBe(cal.addWorkingDays('2020-09-25', 20));
    expect(feePaymentDueDate('2021-03-11', cal).explanation[0]).toBe('申请人2021-03-11（星期四）收到收费通知，应自收到通知次日起20个工作日内缴费，即不晚于2021-04-09（星期五）。');
  });
});
