/**
 * Completion by section and by unit: stacked ECharts bars in the status colours.
 */
import { useMemo } from 'react';
import type { Overview, ReportStatus, StatusCounts } from '../../api/types.ts';
import { EChart, type ChartOption } from '../../components/EChart.tsx';
import { STATUS_FILL, STATUS_ORDER } from '../../components/StatusTag.tsx';
import { t } from '../../i18n/index.ts';

function series(rows: StatusCounts[], horizontal: boolean): ChartOption['series'] {
  return STATUS_ORDER.map((s: ReportStatus) => ({
    type: 'bar' as const,
    name: t.statuses[s],
    stack: 'total',
    barMaxWidth: horizontal ? 14 : 36,
    itemStyle: { color: STATUS_FILL[s] },
    emphasis: { focus: 'series' as const },
    data: rows.map((r) => r[s]),
  }));
}

const rate = (r: StatusCounts & { total: number }) => (r.total ? Math.round((r.accepted / r.total) * 100) : 0);

export function SectionChart({ overview }: { overview: Overview }) {
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 64 },
    xAxis: {
      type: 'category',
      data: overview.bySection.map((s) => `${s.numeral}、${s.title.length > 10 ? `${s.title.slice(0, 10)}…` : s.title}`),
      axisLabel: { interval: 0, rotate: 20, fontSize: 11 },
    },
    yAxis: { type: 'value', name: '任务分派' },
    series: series(overview.bySection, false),
  }), [overview]);
  const summary = overview.bySection.map((s) => `第${s.numeral}部分 ${rate(s)}% 已通过`).join('；');
  return <EChart option={option} height={340} label={`${t.overview.bySection}：${summary}`} className="gk-chart-sections" />;
}

export function UnitChart({ overview }: { overview: Overview }) {
  const rows = useMemo(() => [...overview.byUnit].sort((a, b) => rate(a) - rate(b) || b.total - a.total), [overview]);
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '任务分派' },
    yAxis: { type: 'category', data: rows.map((u) => u.unitName), inverse: true, axisLabel: { fontSize: 11, width: 170, overflow: 'truncate' } },
    series: series(rows, true),
  }), [rows]);
  return <EChart option={option} height={Math.max(320, rows.length * 20 + 60)} label={`${t.overview.byUnit}（${rows.length} 个单位，按通过率从低到高）`} className="gk-chart-units" />;
}
