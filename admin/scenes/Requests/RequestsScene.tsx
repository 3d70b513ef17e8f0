/**
 * 依申请公开: the requests the user may see (the office all, a unit those it handles), with urgency,
 * filters kept in the URL, a statistics card for the current year, and 登记申请 for staff entry.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Input, Row, Select, Statistic, Table, Typography } from 'antd';
import { disclosureRequests } from '../../api/endpoints.ts';
import type { DisclosureRequestItem, DisclosureRequestQuery, DisclosureRequestStats } from '../../api/types.ts';
import { chinaDay, formatDate } from '../../components/format.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { outcomeGroups } from './outcomes.ts';
import { RegisterRequestDrawer } from './RegisterRequestDrawer.tsx';
import { DueCell, UrgencyTag } from './shared.tsx';

const URGENCIES = ['red', 'amber', 'green'] as const;

export default function RequestsScene() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const state = params.get('state') ?? '';
  const urgencyParam = params.get('urgency') ?? '';
  const urgency = (URGENCIES as readonly string[]).includes(urgencyParam) ? (urgencyParam as DisclosureRequestQuery['urgency']) : undefined;
  const q = params.get('q') ?? '';
  const [qInput, setQInput] = useState(q);

  const list = useLoad(() => disclosureRequests.list({ state: state || undefined, urgency, q: q || undefined }), [state, urgency, q]);
  const year = Number(chinaDay().slice(0, 4));
  const stats = useLoad(() => disclosureRequests.stats({ from: `${year}-01-01`, to: `${year}-12-31` }), [year]);

  const setParam = (key: string, value: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });

  const columns = [
    { title: t.requests.urgencyTitle, key: 'urgency', width: 110, render: (_: unknown, r: DisclosureRequestItem) => <UrgencyTag urgency={r.urgency} closed={r.state === 'replied' || r.state === 'archived'} /> },
    {
      title: t.requests.regNumber, key: 'regNumber',
      render: (_: unknown, r: DisclosureRequestItem) => (
        <>
          <Link to={`/requests/${r.id}`}>{r.regNumber}</Link>
          <div className="gk-muted" style={{ fontSize: 12, maxWidth: 260 }}>{r.descriptionPreview}</div>
          {r.possibleDuplicates.length > 0 && <div style={{ fontSize: 12, color: '#874d00' }}>{t.requests.duplicates(r.possibleDuplicates.length)}</div>}
        </>
      ),
    },
    { title: t.requests.state, dataIndex: 'stateLabel', key: 'state' },
    { title: t.requests.applicantKind, dataIndex: 'applicantKindLabel', key: 'kind' },
    { title: t.requests.applicant, dataIndex: 'applicantName', key: 'applicant' },
    { title: t.requests.unit, dataIndex: 'handlingUnitName', key: 'unit' },
    { title: t.requests.receivedOn, key: 'receivedOn', render: (_: unknown, r: DisclosureRequestItem) => (r.receivedOn ? formatDate(r.receivedOn) : <span className="gk-muted">—</span>) },
    { title: t.requests.dueOn, key: 'dueOn', render: (_: unknown, r: DisclosureRequestItem) => <DueCell dueOn={r.dueOn} daysLeft={r.daysLeft} urgency={r.urgency} /> },
    {
      title: t.requests.outcome, key: 'outcome',
      render: (_: unknown, r: DisclosureRequestItem) => (r.outcomeLabel
        ? <>{r.outcomeLabel}{r.repliedOn && <div className="gk-muted" style={{ fontSize: 12 }}>{formatDate(r.repliedOn)}</div>}</>
        : <span className="gk-muted">—</span>),
    },
  ];

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{t.requests.title}</Typography.Title>
      <div className="gk-page-intro">{t.requests.intro}</div>

      {stats.data && <StatsCard stats={stats.data} year={year} />}
      {stats.error && <Alert type="warning" showIcon message={stats.error} style={{ marginBottom: 16 }} />}

      <div className="gk-toolbar">
        <Select
          aria-label={t.requests.state}
          style={{ width: 160 }}
          value={state}
          onChange={(v) => setParam('state', v)}
          options={[{ value: '', label: t.requests.allStates }, ...Object.entries(t.requests.states).map(([value, label]) => ({ value, label }))]}
        />
        <Select
          aria-label={t.requests.urgencyTitle}
          style={{ width: 160 }}
          value={urgency ?? ''}
          onChange={(v) => setParam('urgency', v)}
          options={[{ value: '', label: t.requests.allUrgency }, ...URGENCIES.map((u) => ({ value: u, label: t.requests.urgency[u] }))]}
        />
        <Input.Search
          aria-label={t.requests.search}
          placeholder={t.requests.search}
          allowClear
          style={{ width: 280 }}
          value={qInput}
          onChange={(e) => setQInput(e.target.value)}
          onSearch={(v) => setParam('q', v.trim())}
        />
        <span className="gk-spacer" />
        {user.role !== 'observer' && <Button type="primary" onClick={() => setRegistering(true)}>{t.requests.register}</Button>}
      </div>

      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<DisclosureRequestItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />

      <RegisterRequestDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={() => {
          setRegistering(false);
          void list.reload();
          void stats.reload();
        }}
      />
    </>
  );
}

function StatsCard({ stats, year }: { stats: DisclosureRequestStats; year: number }) {
  const groups = outcomeGroups().map((g) => ({
    group: g.group.replace(/（区分处理的.*）$/, ''),
    total: g.items.reduce((n, o) => n + (stats.outcomes[o.code]?.total ?? 0), 0),
  }));
  return (
    <Card size="small" title={t.requests.stats.title(year)} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={12} md={6}><Statistic title={t.requests.stats.received} value={stats.received.total} /></Col>
        <Col xs={12} md={6}><Statistic title={t.requests.stats.carriedOver} value={stats.carriedOver.total} /></Col>
        <Col xs={12} md={6}><Statistic title={t.requests.stats.replied} value={stats.outcomesTotal.total} /></Col>
        <Col xs={12} md={6}><Statistic title={t.requests.stats.carriedForward} value={stats.carriedForward.total} /></Col>
      </Row>
      <div style={{ marginTop: 12 }}>
        <span className="gk-muted">{t.requests.stats.byGroup}：</span>
        {groups.map((g) => (
          <span key={g.group} style={{ marginRight: 16, whiteSpace: 'nowrap' }}>{g.group} <strong>{g.total}</strong></span>
        ))}
      </div>
    </Card>
  );
}
