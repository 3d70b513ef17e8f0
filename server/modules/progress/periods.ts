/**
 * Reporting periods of a list's year: quarterly by default; monthly, half-yearly or one-off. Reports
 * for a period are due on its last day. Pure.
 */
export const REPORTING_CYCLES = { quarterly: '按季度', monthly: '按月', halfYearly: '每半年', oneOff: '一次性' } as const;
export type ReportingCycle = keyof typeof REPORTING_CYCLES;

export interface PeriodSpec {
  seq: number;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)); // month is 1-based here: day 0 of the next month
  return d.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The periods of `year` for a cycle; `oneOff` is one period ending on `dueDate` (default: year end). */
export function generatePeriods(year: number, cycle: ReportingCycle, dueDate?: string | null): PeriodSpec[] {
  const span = (seq: number, label: string, fromMonth: number, toMonth: number): PeriodSpec => {
    const endsOn = lastDay(year, toMonth);
    return { seq, label, startsOn: `${year}-${pad(fromMonth)}-01`, endsOn, dueOn: endsOn };
  };
  switch (cycle) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => span(i + 1, `${year}年${i + 1}月`, i + 1, i + 1));
    case 'quarterly':
      return QUARTER_NAMES.map((q, i) => span(i + 1, `${year}年第${q}季度`, i * 3 + 1, i * 3 + 3));
    case 'halfYearly':
      return [span(1, `${year}年上半年`, 1, 6), span(2, `${year}年下半年`, 7, 12)];
    case 'oneOff': {
      const end = dueDate && dueDate.startsWith(`${year}-`) ? dueDate : `${year}-12-31`;
      return [{ seq: 1, label: `${year}年度`, startsOn: `${year}-01-01`, endsOn: end, dueOn: end }];
    }
  }
}

/**
 * The period a workbench shows by default on `today`: the one containing today; before the first,
 * the first; after the last, the last.
 */
export function currentPeriod<T extends { startsOn: string; endsOn: string }>(periods: T[], today: string): T | null {
  if (!periods.length) return null;
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return sorted.find((p) => p.startsOn <= today && today <= p.endsOn) ?? (today < sorted[0]!.startsOn ? sorted[0]! : sorted[sorted.length - 1]!);
}
