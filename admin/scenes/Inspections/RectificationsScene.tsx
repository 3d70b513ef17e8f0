/**
 * 我的整改 (a unit's people): the findings of issued inspections that name the unit, the earliest
 * due first, overdue ones flagged; opening one shows the finding, the history of its rectification
 * reports with the office's verification notes, and — while it is open or returned — the form to
 * report the rectification with evidence.
 */
import { useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Checkbox, Select, Table, Typography } from 'antd';
import { findings as api } from '../../api/endpoints.ts';
import type { Finding, FindingQuery, FindingState } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { options } from '../Publications/shared.tsx';
import { FindingDrawer, FindingStateTag, SeverityTag } from './shared.tsx';

const it = t.inspections;

export default function RectificationsScene() {
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const query: FindingQuery = {
    mine: true,
    state: stateParam && stateParam in it.findingStates ? (stateParam as FindingState) : undefined,
    overdue: params.get('overdue') === '1' ? true : undefined,
    limit: 500,
  };
  const list = useLoad(() => api.list(query), [JSON.stringify(query)]);
  const open = Number(params.get('finding')) || null;
  const [drawer, setDrawer] = useState<number | null>(open);

  const setParam = (changes: Record<string, string | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) {
      if (!v) next.delete(k);
      else next.set(k, v);
    }
    return next;
  }, { replace: true });

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{it.mineTitle}</Typography.Title>
      <p className="gk-page-intro">{it.mineIntro}</p>
      <div className="gk-toolbar">
        <Select aria-label={it.state} style={{ width: 140 }} value={query.state ?? ''} onChange={(v) => setParam({ state: v || undefined })} options={[{ value: '', label: it.allStates }, ...options(it.findingStates)]} />
        <Checkbox checked={!!query.overdue} onChange={(e) => setParam({ overdue: e.target.checked ? '1' : undefined })}>{it.onlyOverdue}</Checkbox>
        <span className="gk-spacer" />
        <span className="gk-muted">{it.findingCount(list.data?.total ?? 0)}</span>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<Finding>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: it.none }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ 'data-finding-id': r.id, 'data-state': r.state, 'data-overdue': r.overdue } as HTMLAttributes<HTMLElement>)}
        scroll={{ x: 1000 }}
        columns={[
          { title: t.inspections.titleField, key: 'inspection', width: 220, render: (_, r) => <>{r.inspectionTitle}<div className="gk-muted" style={{ fontSize: 12 }}>{r.inspectionKindLabel}</div></> },
          { title: it.severity, key: 'severity', width: 80, render: (_, r) => <SeverityTag severity={r.severity} label={r.severityLabel} /> },
          {
            title: it.problem, key: 'problem',
            render: (_, r) => (
              <>
                <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setDrawer(r.id)}>{r.problem}</Button>
                <div className="gk-muted" style={{ fontSize: 12 }}>{it.requirement}：{r.requirement}</div>
              </>
            ),
          },
          { title: it.dueOn, key: 'due', width: 130, render: (_, r) => <span style={r.overdue ? { color: '#a8071a', fontWeight: 600 } : undefined}>{formatDate(r.dueOn)}</span> },
          { title: it.state, key: 'state', width: 170, render: (_, r) => <FindingStateTag finding={r} /> },
          {
            title: t.common.actions, key: 'actions', width: 130,
            render: (_, r) => <Button size="small" type={r.state === 'open' || r.state === 'returned' ? 'primary' : 'default'} onClick={() => setDrawer(r.id)}>{r.state === 'open' ? it.rectify : r.state === 'returned' ? it.resubmit : it.detail}</Button>,
          },
        ]}
      />
      <FindingDrawer findingId={drawer} onClose={() => { setDrawer(null); setParam({ finding: undefined }); }} onChanged={() => { void list.reload(); }} />
    </>
  );
}
