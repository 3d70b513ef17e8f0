/**
 * 督查整改 (the office and observers). Tab 督查检查: every inspection — spot checks, website checks,
 * third-party evaluations, audits — filtered by year, kind and state (kept in the URL), with its
 * findings' progress (closed, overdue); the office creates a new one (a draft, to which it adds
 * findings). Tab 全部问题: findings across inspections by unit, due year, state and overdue — the
 * office's queue of rectifications awaiting verification (待复核).
 */
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { findings as findingsApi, inspections as api, units as unitsApi } from '../../api/endpoints.ts';
import type { Finding, FindingQuery, FindingState, Inspection, InspectionInput, InspectionKind, InspectionQuery } from '../../api/types.ts';
import { chinaDay, formatDate } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { options, yearOptions } from '../Publications/shared.tsx';
import { FindingDrawer, FindingStateTag, InspectionStateTag, SeverityTag } from './shared.tsx';

const it = t.inspections;
const PAGE_SIZE = 20;
const num = (v: string | null) => (Number(v) > 0 && Number.isInteger(Number(v)) ? Number(v) : undefined);

export const INSPECTION_FIELDS = ['year', 'kind', 'title', 'source', 'description', 'startedOn', 'endedOn'] as const;
export const INSPECTION_ERRORS = {
  INSPECTION_TITLE_REQUIRED: 'title', INSPECTION_KIND_INVALID: 'kind', INSPECTION_YEAR_INVALID: 'year', INSPECTION_DATES_INVERTED: 'endedOn',
  INSPECTION_DATE_INVALID: (m: string) => (m.includes('结束') ? 'endedOn' : 'startedOn'),
};

/** The inspection fields (create and edit share them). */
export function InspectionFields() {
  const thisYear = Number(chinaDay().slice(0, 4));
  return (
    <>
      <Form.Item name="title" label={it.titleField} rules={[{ required: true, whitespace: true, message: `${it.titleField}必填` }]}><Input maxLength={300} /></Form.Item>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="kind" label={it.kind} rules={[{ required: true }]}><Select style={{ width: 160 }} options={options(it.kinds)} /></Form.Item>
        <Form.Item name="year" label={it.year} rules={[{ required: true }]}><InputNumber min={2000} max={thisYear + 1} style={{ width: 110 }} /></Form.Item>
        <Form.Item name="startedOn" label={it.startedOn}><Input type="date" /></Form.Item>
        <Form.Item name="endedOn" label={it.endedOn}><Input type="date" /></Form.Item>
      </div>
      <Form.Item name="source" label={it.source} extra={it.sourceHint}><Input maxLength={300} /></Form.Item>
      <Form.Item name="description" label={it.description}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
    </>
  );
}

export function inputOf(v: Partial<Record<(typeof INSPECTION_FIELDS)[number], string | number | null | undefined>>): InspectionInput {
  const s = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : null);
  return {
    year: Number(v.year), kind: v.kind as InspectionKind, title: String(v.title ?? '').trim(), source: s(v.source), description: s(v.description),
    startedOn: s(v.startedOn), endedOn: s(v.endedOn),
  };
}

export default function InspectionsScene() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'findings' ? 'findings' : 'list';
  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{it.title}</Typography.Title>
      <p className="gk-page-intro">{it.intro}</p>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(k) => setParams(() => (k === 'findings' ? new URLSearchParams({ tab: 'findings' }) : new URLSearchParams()), { replace: true })}
        items={[
          { key: 'list', label: it.tabs.list, children: <InspectionList params={params} setParams={setParams} /> },
          { key: 'findings', label: it.tabs.findings, children: <AllFindings params={params} setParams={setParams} /> },
        ]}
      />
    </>
  );
}

type SetParams = ReturnType<typeof useSearchParams>[1];

function paramSetter(setParams: SetParams) {
  return (changes: Record<string, string | number | undefined>, keepPage = false) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    return next;
  }, { replace: true });
}

/** Every finding across inspections: the office's queue (待复核), the overdue ones, one unit's. */
function AllFindings({ params, setParams }: { params: URLSearchParams; setParams: SetParams }) {
  const page = num(params.get('page')) ?? 1;
  const stateParam = params.get('state');
  const query: FindingQuery = {
    unitId: num(params.get('unit')),
    year: num(params.get('year')),
    state: stateParam && stateParam in it.findingStates ? (stateParam as FindingState) : undefined,
    overdue: params.get('overdue') === '1' ? true : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useLoad(() => findingsApi.list(query), [JSON.stringify(query)]);
  const unitList = useLoad(() => unitsApi.list(), []);
  const [drawer, setDrawer] = useState<number | null>(null);
  const setParam = paramSetter(setParams);
  const thisYear = Number(chinaDay().slice(0, 4));
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
          options={[{ value: '', label: it.allUnits }, ...(unitList.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))]}
        />
        <Select aria-label={it.dueYear} style={{ width: 180 }} value={query.year ?? ''} onChange={(v) => setParam({ year: v || undefined })} options={[{ value: '', label: `${it.dueYear}：${t.common.all}` }, ...yearOptions(thisYear)]} />
        <Select aria-label={it.state} style={{ width: 130 }} value={query.state ?? ''} onChange={(v) => setParam({ state: v })} options={[{ value: '', label: it.allStates }, ...options(it.findingStates)]} />
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
        onRow={(r) => ({ 'data-finding-id': r.id, 'data-state': r.state } as HTMLAttributes<HTMLElement>)}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: (p) => setParam({ page: p }, true) }}
        scroll={{ x: 1100 }}
        columns={[
          { title: it.titleField, key: 'inspection', width: 220, render: (_, r) => <><Link to={`/inspections/${r.inspectionId}`}>{r.inspectionTitle}</Link><div className="gk-muted" style={{ fontSize: 12 }}>{r.inspectionKindLabel}</div></> },
          { title: it.unit, dataIndex: 'unitName', key: 'unit', width: 170 },
          { title: it.severity, key: 'severity', width: 80, render: (_, r) => <SeverityTag severity={r.severity} label={r.severityLabel} /> },
          { title: it.problem, key: 'problem', render: (_, r) => <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setDrawer(r.id)}>{r.problem}</Button> },
          { title: it.dueOn, key: 'due', width: 130, render: (_, r) => formatDate(r.dueOn) },
          { title: it.state, key: 'state', width: 170, render: (_, r) => <FindingStateTag finding={r} /> },
        ]}
      />
      <FindingDrawer findingId={drawer} onClose={() => setDrawer(null)} onChanged={() => { void list.reload(); }} />
    </>
  );
}

function InspectionList({ params, setParams }: { params: URLSearchParams; setParams: SetParams }) {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const page = num(params.get('page')) ?? 1;
  const kindParam = params.get('kind');
  const stateParam = params.get('state');
  const query: InspectionQuery = {
    year: num(params.get('year')),
    kind: kindParam && kindParam in it.kinds ? (kindParam as InspectionKind) : undefined,
    state: stateParam && stateParam in it.states ? (stateParam as InspectionQuery['state']) : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useLoad(() => api.list(query), [JSON.stringify(query)]);
  const thisYear = Number(chinaDay().slice(0, 4));

  const setParam = paramSetter(setParams);

  const create = async () => {
    setFormError(null);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      const created = await api.create(inputOf(values));
      message.success(it.created);
      setCreating(false);
      navigate(`/inspections/${created.id}`);
    } catch (e) {
      setFormError(showServerError(form, e, INSPECTION_ERRORS, INSPECTION_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="gk-toolbar">
        <Select aria-label={it.year} style={{ width: 130 }} value={query.year ?? ''} onChange={(v) => setParam({ year: v || undefined })} options={[{ value: '', label: `${it.year}：${t.common.all}` }, ...yearOptions(thisYear)]} />
        <Select aria-label={it.kind} style={{ width: 140 }} value={query.kind ?? ''} onChange={(v) => setParam({ kind: v })} options={[{ value: '', label: it.allKinds }, ...options(it.kinds)]} />
        <Select aria-label={it.state} style={{ width: 130 }} value={query.state ?? ''} onChange={(v) => setParam({ state: v })} options={[{ value: '', label: it.allStates }, ...options(it.states)]} />
        <span className="gk-spacer" />
        <span className="gk-muted">{it.count(list.data?.total ?? 0)}</span>
        {user.role === 'office' && <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setFormError(null); setCreating(true); }}>{it.create}</Button>}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<Inspection>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ 'data-inspection-id': r.id, 'data-state': r.state } as HTMLAttributes<HTMLElement>)}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: (p) => setParam({ page: p }, true) }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: it.titleField, key: 'title',
            render: (_, r) => (
              <>
                <Link to={`/inspections/${r.id}`}>{r.title}</Link>
                {r.source && <div className="gk-muted" style={{ fontSize: 12 }}>{r.source}</div>}
              </>
            ),
          },
          { title: it.kind, dataIndex: 'kindLabel', key: 'kind', width: 110 },
          { title: it.year, dataIndex: 'year', key: 'year', width: 80 },
          { title: it.period, key: 'period', width: 240, render: (_, r) => (r.startedOn ? `${formatDate(r.startedOn)}${r.endedOn ? ` 至 ${formatDate(r.endedOn)}` : ''}` : '—') },
          {
            title: it.counts, key: 'counts', width: 220,
            render: (_, r) => <span style={r.counts.overdue ? { color: '#a8071a' } : undefined}>{it.countsText(r.counts)}</span>,
          },
          {
            title: it.state, key: 'state', width: 150,
            render: (_, r) => <><InspectionStateTag state={r.state} label={r.stateLabel} />{r.published && <span className="gk-role" style={{ marginLeft: 4 }}>{it.isPublished}</span>}</>,
          },
        ]}
      />
      <Modal open={creating} title={it.createTitle} okText={t.common.save} onOk={create} confirmLoading={busy} onCancel={() => setCreating(false)} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" name="inspection-create" onValuesChange={clearErrorsOf(form)} initialValues={{ year: thisYear, kind: 'spotCheck' }}>
          <InspectionFields />
        </Form>
        {formError && <Alert type="error" showIcon title={formError} role="alert" />}
      </Modal>
    </>
  );
}
