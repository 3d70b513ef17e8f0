/**
 * 信息处理费: the information-processing fee of 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号,
 * "办法" below), under 条例第四十二条 (providing information is free by default; a fee may be charged
 * when the number or frequency of requests clearly goes beyond a reasonable range).
 *
 * - 办法第三条: two methods, per case (按件) or per volume (按量), both 超额累进; one method per
 *   application, never both.
 * - 办法第四条 (按件): cases counted per applicant, cumulatively over one calendar month: up to 10 free;
 *   cases 11–30: 100 元/件; then each further band of 10 cases costs 100 元/件 more (31–40: 200,
 *   41–50: 300, …) [band arithmetic: inference from "以10件为一档，每增加一档，收费标准提高100元/件"].
 * - 办法第五条 (按量, paper copies, e-mail or copied electronic data): up to 30 pages free; pages
 *   31–100: 10 元/页; 101–200: 20 元/页; from 201: 40 元/页. Whether pages are counted per application
 *   or per month is unconfirmed: counted here per application.
 * - Payment (as restated by the Sichuan notice, FEE-SC): within 20 working days from the day after
 *   the applicant received the fee notice; no payment in time = the application is given up.
 *
 * Amounts are whole yuan (every rate is a whole number of yuan).
 */
import { formatDate } from '../../../lib/calendar/iso-date.ts';
import type { WorkingDayCalendar } from '../../../lib/calendar/working-day-calendar.ts';
import { activeCalendar } from '../../../lib/working-days.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { FEE_PAYMENT_WORKING_DAYS } from './deadlines.ts';

export type FeeMethod = 'perCase' | 'perVolume';

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = { perCase: '按件计收', perVolume: '按量计收' };

/** 办法第四条: the free cases per applicant per calendar month. */
export const FREE_CASES_PER_MONTH = 10;
/** 办法第五条: the free pages. */
export const FREE_PAGES = 30;

export interface FeeBand {
  /** first unit (case or page number) of the band */
  from: number;
  /** last unit of the band */
  to: number;
  units: number;
  unitPriceYuan: number;
  subtotalYuan: number;
  /** Chinese, e.g. `第11—30件：20件 × 100元/件 = 2,000元` */
  label: string;
}

export interface FeeCalculation {
  method: FeeMethod;
  totalYuan: number;
  bands: FeeBand[];
  /** A breakdown a person can check (Chinese). */
  explanation: string[];
}

const yuan = (n: number): string => `${n.toLocaleString('zh-CN')}元`;

function assertCount(n: unknown, what: string, min = 0): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) {
    throw new ValidationError('FEE_INVALID_COUNT', `${what}应为不小于${min}的整数：${String(n)}`);
  }
}

/**
 * 办法第四条: the price of the k-th case of an applicant in a calendar month: 0 up to 10; 100 for
 * 11–30; then +100 per band of 10 (31–40: 200, 41–50: 300, …).
 */
export function perCaseUnitPrice(k: number): number {
  assertCount(k, '件次', 1);
  if (k <= FREE_CASES_PER_MONTH) return 0;
  if (k <= 30) return 100;
  return 100 + 100 * Math.ceil((k - 30) / 10);
}

/** 办法第五条: the price of the p-th page. */
export function perVolumeUnitPrice(p: number): number {
  assertCount(p, '页次', 1);
  if (p <= FREE_PAGES) return 0;
  if (p <= 100) return 10;
  if (p <= 200) return 20;
  return 40;
}

/** Groups units from..to into bands of one price. */
function bands(from: number, to: number, price: (k: number) => number, unit: string): FeeBand[] {
  const out: FeeBand[] = [];
  for (let k = from; k <= to; k++) {
    const p = price(k);
    const last = out.at(-1);
    if (last && last.unitPriceYuan === p) {
      last.to = k;
      last.units++;
      last.subtotalYuan += p;
    } else out.push({ from: k, to: k, units: 1, unitPriceYuan: p, subtotalYuan: p, label: '' });
  }
  for (const b of out) {
    const range = b.from === b.to ? `第${b.from}${unit}` : `第${b.from}—${b.to}${unit}`;
    b.label = b.unitPriceYuan === 0 ? `${range}：${b.units}${unit}，免费` : `${range}：${b.units}${unit} × ${b.unitPriceYuan}元/${unit} = ${yuan(b.subtotalYuan)}`;
  }
  return out;
}

/**
 * 办法第四条 (按件): the fee for `cases` cases of one application, given the applicant's cases
 * already counted earlier in the same calendar month (`earlierCasesThisMonth`).
 */
export function perCaseFee(input: { cases: number; earlierCasesThisMonth?: number }): FeeCalculation {
  const earlier = input.earlierCasesThisMonth ?? 0;
  assertCount(input.cases, '件数', 1);
  assertCount(earlier, '本月此前已计件数');
  const b = bands(earlier + 1, earlier + input.cases, perCaseUnitPrice, '件');
  const totalYuan = b.reduce((s, x) => s + x.subtotalYuan, 0);
  const explanation = [
    `按件计收（国办函〔2020〕109号第四条）：同一申请人一个自然月内累计申请，10件以下（含10件）免费；11—30件（含30件）100元/件；30件以上以10件为一档，每增加一档，收费标准提高100元/件。`,
    earlier
      ? `本月此前已累计${earlier}件，本次${input.cases}件，为本月第${earlier + 1}—${earlier + input.cases}件。`
      : `本次${input.cases}件，为本月第1—${input.cases}件。`,
    ...b.map((x) => x.label),
    `合计：${yuan(totalYuan)}。`,
  ];
  return { method: 'perCase', totalYuan, bands: b, explanation };
}

/** 办法第五条 (按量): the fee for `pages` pages of one application. */
export function perVolumeFee(input: { pages: number }): FeeCalculation {
  assertCount(input.pages, '页数', 1);
  const b = bands(1, input.pages, perVolumeUnitPrice, '页');
  const totalYuan = b.reduce((s, x) => s + x.subtotalYuan, 0);
  const explanation = [
    '按量计收（国办函〔2020〕109号第五条，适用于要求提供纸质、电子邮件或复制电子数据的）：30页以下（含30页）免费；31—100页（含100页）10元/页；101—200页（含200页）20元/页；200页以上40元/页。',
    `本次共${input.pages}页（按本次申请计页；是否按月累计尚未确认）。`,
    ...b.map((x) => x.label),
    `合计：${yuan(totalYuan)}。`,
  ];
  return { method: 'perVolume', totalYuan, bands: b, explanation };
}

export type FeeInput = { method: 'perCase'; cases: number; earlierCasesThisMonth?: number } | { method: 'perVolume'; pages: number };

/** 办法第三条: one method per application (按件 or 按量, never both). */
export function informationProcessingFee(input: FeeInput): FeeCalculation {
  const i = input as FeeInput & { cases?: unknown; pages?: unknown };
  if (i.cases !== undefined && i.pages !== undefined) {
    throw new ValidationError('FEE_METHOD_BOTH', '同一申请只能选择按件或按量一种方式计收，不得同时按两种方式收费（国办函〔2020〕109号第三条）');
  }
  if (input.method === 'perCase') return perCaseFee(input);
  if (input.method === 'perVolume') return perVolumeFee(input);
  throw new ValidationError('FEE_METHOD_INVALID', `计收方式无效：${String((input as { method?: unknown }).method)}（应为按件 perCase 或按量 perVolume）`);
}

/**
 * The payment deadline (FEE-SC): 20 working days from the day after the applicant received the fee
 * notice — the 20th working day after `noticeReceivedOn`.
 */
export function feePaymentDueDate(noticeReceivedOn: string, calendar: WorkingDayCalendar = activeCalendar()): { dueDate: string; explanation: string[] } {
  const dueDate = calendar.addWorkingDays(noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS);
  return {
    dueDate,
    explanation: [
      `申请人${formatDate(noticeReceivedOn)}收到收费通知，应自收到通知次日起20个工作日内缴费，即不晚于${formatDate(dueDate)}。`,
      '逾期未缴费的，视为放弃申请，行政机关不再处理该申请（年度报告计入“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”）。',
    ],
  };
}
