/**
 * 排名: every unit's total and points per first-level indicator (equal totals share a rank), a bar
 * chart of the totals, and each unit's breakdown in a drawer.
 */
import { useState } from 'react';
import { Alert, Button, Drawer, Table } from 'antd';
import { EChart } from '../../components/EChart.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLoad } from '../../components/useLoad.ts';
import { evaluations as api, type Results } from './api.ts';
import { BreakdownView } from './BreakdownView.tsx';
import { s } from './strings.ts';

type Row = Results['units'][number];

export function Ranking({ setId, canOpen }: { setId: number; canOpen: (unitId: number) => boolean }) {
  const results = useLoad(() => api.results(setId), [setId]);
  const [open, setOpen] = useState<Row | null>(null);
  if (results.error) return <Alert type="error" showIcon title={results.error} />;
  const r = results.data;
  return (
    <>
      {r && !r.published && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={s.liveNote(formatDateTime(r.computedAt))} />}
      {r && r.units.length > 1 && (
        <EChart
          label={s.chart}
          height={Math.max(240, r.units.length * 18)}
          option={{
            grid: { left: 200, right: 30, top: 10, bottom: 20 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'value', max: r.totalPoints },
            yAxis: { type: 'category', inverse: true, data: r.units.map((u) => u.unitName), axisLabel: { width: 190, overflow: 'truncate' } },
            series: [{ type: 'bar', name: s.total, data: r.units.map((u) => u.total), itemStyle: { color: '#0b57d0' } }],
          }}
        />
      )}
      <Table<Row>
        size="small"
        rowKey="unitId"
        loading={results.loading}
        dataSource={r?.units ?? []}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: s.rank, dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? '—' },
          { title: s.unit, dataIndex: 'unitName' },
          { title: s.total, dataIndex: 'total', width: 80, align: 'right', render: (v: number) => <strong>{v}</strong> },
          ...(r?.topIndicators ?? []).map((t, i) => ({ title: `${t.name}（${t.maxPoints}）`, key: `t${t.id}`, align: 'right' as const, render: (_: unknown, u: Row) => u.byTopLevel[i] })),
          {
            title: s.actions, key: 'open', width: 100,
            render: (_, u) => (canOpen(u.unitId) ? <Button size="small" type="link" onClick={() => setOpen(u)}>{s.openBreakdown}</Button> : null),
          },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={900} title={open ? s.breakdownOf(open.unitName) : ''} destroyOnHidden>
        {open && <BreakdownView setId={setId} unitId={open.unitId} />}
      </Drawer>
    </>
  );
}
