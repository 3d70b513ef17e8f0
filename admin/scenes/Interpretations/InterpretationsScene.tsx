/**
 * 政策解读: the interpretations the user may see (published ones of every unit; a unit's own drafts
 * and withdrawn ones; the office and observers all), filtered by unit, state, form, year and
 * 第一解读人 (kept in the URL, paginated); and the yearly 第一解读人 table — each unit head's
 * interpretations against the target of 2 a year.
 */
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Col, Row, Select, Statistic, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { interpretations as api, units as unitsApi } from '../../api/endpoints.ts';
import type { Interpretation, InterpretationForm, InterpretationQuery } from '../../api/types.ts';
import { chinaDay, formatDate } from '../../components/format.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { options, yearOptions } from '../Publications/shared.tsx';
import { InterpretationStateTag } from './shared.tsx';

const it = t.interpretations;
const PAGE_SIZE = 20;
const num = (v: string | null) => (Number(v) > 0 && Number.isInteger(Number(v)) ? Number(v) : undefined);

export default function InterpretationsScene() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'stats' ? 'stats' : 'list';
  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{it.title}</Typography.Title>
      <p className="gk-page-intro">{it.intro}</p>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(k) => setParams(() => (k === 'stats' ? new URLSearchParams({ tab: 'stats' }) : new URLSearchParams()), { replace: true })}
        items={[
          { key: 'list', label: it.tabs.list, children: <InterpretationList params={params} setParams={setParams} /> },
          { key: 'stats', label: it.tabs.stats, children: <Stats /> },
        ]}
      />
    </>
  );
}

function InterpretationList({ params, setParams }: { params: URLSearchParams; setParams: ReturnType<typeof useSearchParams>[1] }) {
  const user = useUser();
  const navigate = useNavigate();
  const page = num(params.get('page')) ?? 1;
  const stateParam = params.get('state');
  const formParam = params.get('form');
  const query: InterpretationQuery = {
    unitId: num(params.get('unit')),
    state: stateParam && stateParam in it.states ? (stateParam as InterpretationQuery['state']) : undefined,
    form: formParam && formParam in it.forms ? (formParam as InterpretationForm) : undefined,
    year: num(params.get('year')),
    byUnitHead: params.get('head') === '1' ? true : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const key = JSON.stringify(query);
  const list = useLoad(() => api.list(query), [key]);
  const unitList = useLoad(() => unitsApi.list(), []);
  const thisYear = Number(chinaDay().slice(0, 4));

  const setParam = (changes: Record<string, string | number | undefined>, keepPage = false) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    return next;
  }, { replace: true });

  return (
    <>
      <div className="gk-toolbar">
        <Select
          aria-label={it.unit}
          style={{ width: 220 }}
          value={query.unitId ?? ''}
          onChange={(v) => setParam({ unit: v || undefined })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={unitList.loading}
          options={[{ value: '', label: it.allUnits }, ...(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))]}
        />
        <Select aria-label={it.state} style={{ width: 130 }} value={query.state ?? ''} onChange={(v) => setParam({ state: v })} options={[{ value: '', label: it.allStates }, ...options(it.states)]} />
        <Select aria-label={it.form} style={{ width: 130 }} value={query.form ?? ''} onChange={(v) => setParam({ form: v })} options={[{ value: '', label: it.allForms }, ...options(it.forms)]} />
        <Select
          aria-label={it.year}
          style={{ width: 130 }}
          value={query.year ?? ''}
          onChange={(v) => setParam({ year: v || undefined })}
          options={[{ value: '', label: `${it.year}：${t.common.all}` }, ...yearOptions(thisYear)]}
        />
        <Checkbox checked={!!query.byUnitHead} onChange={(e) => setParam({ head: e.target.checked ? '1' : undefined })}>{it.byUnitHeadShort}</Checkbox>
        <span className="gk-spacer" />
        <span className="gk-muted">{it.count(list.data?.total ?? 0)}</span>
        {user.role !== 'observer' && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/interpretations/new')}>{it.create}</Button>}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<Interpretation>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ 'data-interpretation-id': r.id, 'data-state': r.state } as HTMLAttributes<HTMLElement>)}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => it.count(n), onChange: (p) => setParam({ page: p }, true) }}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: it.titleField, key: 'title',
            render: (_, r) => (
              <>
                <Link to={`/interpretations/${r.id}`}>{r.title}</Link>
                <div className="gk-muted" style={{ fontSize: 12 }}>{it.policy}：{r.publication ? r.publication.title : `#${r.publicationId}`}</div>
              </>
            ),
          },
          { title: it.unit, dataIndex: 'unitName', key: 'unit', width: 180 },
          { title: it.form, dataIndex: 'formLabel', key: 'form', width: 80 },
          {
            title: it.interpreter, key: 'interpreter', width: 180,
            render: (_, r) => <>{r.interpreterName}{r.interpreterTitle && <span className="gk-muted">（{r.interpreterTitle}）</span>}{r.byUnitHead && <div><span className="gk-role gk-role-lead">{it.byUnitHeadShort}</span></div>}</>,
          },
          { title: it.publishedOn, key: 'published', width: 130, render: (_, r) => formatDate(r.publishedOn) || '—' },
          { title: it.state, key: 'state', width: 90, render: (_, r) => <InterpretationStateTag state={r.state} label={r.stateLabel} /> },
        ]}
      />
    </>
  );
}

function Stats() {
  const thisYear = Number(chinaDay().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const load = useLoad(() => api.stats(year), [year]);
  const s = load.data;
  return (
    <>
      <div className="gk-toolbar">
        <Select aria-label={it.stats.year} style={{ width: 120 }} value={year} onChange={setYear} options={yearOptions(thisYear)} />
        {s && <span className="gk-muted">{it.stats.target(s.target)}</span>}
      </div>
      {load.error && <Alert type="error" showIcon title={load.error} style={{ marginBottom: 12 }} />}
      {s && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={12} md={6}><Statistic title={it.stats.status} value={s.metUnits} suffix={`/ ${s.items.length}`} /></Col>
            <Col xs={12} md={6}><Statistic title={it.stats.count} value={s.items.reduce((n, x) => n + x.count, 0)} /></Col>
          </Row>
        </Card>
      )}
      <Table
        rowKey="unitId"
        size="small"
        loading={load.loading}
        dataSource={s?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: it.unit, dataIndex: 'unitName' },
          { title: it.stats.count, dataIndex: 'count', width: 120, align: 'center', sorter: (a, b) => a.count - b.count },
          {
            title: it.stats.status, key: 'met', width: 120,
            render: (_, r) => (
              <span className="gk-tag" style={r.met ? { color: '#135200', background: '#f6ffed', borderColor: '#95de64' } : { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' }}>
                {r.met ? it.stats.yes : it.stats.no}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
