/**
 * 年度报告: the annual reports the user may see (a unit its own, the office and observers all), by
 * year, scope and unit (kept in the URL), and creating one — a unit's own, or (the office) any
 * unit's or a government's — whose template follows the year.
 */
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Form, Modal, Select, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { annualReports as api, units as unitsApi } from '../../api/endpoints.ts';
import type { AnnualReport, AnnualReportScope, ExpectedReport } from '../../api/types.ts';
import { chinaDay } from '../../components/format.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { options } from '../Publications/shared.tsx';
import { ReportStateTag } from './shared.tsx';

const ar = t.annualReports;
const num = (v: string | null) => (Number(v) > 0 && Number.isInteger(Number(v)) ? Number(v) : undefined);

/** Report years offered: from 2019 (the first national format) to this year. */
export function reportYears(thisYear: number): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let y = thisYear; y >= 2019; y--) out.push({ value: y, label: `${y}年度` });
  return out;
}

export default function AnnualReportsScene() {
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(chinaDay().slice(0, 4));
  const scopeParam = params.get('scope');
  const query = {
    year: num(params.get('year')),
    scope: scopeParam === 'unit' || scopeParam === 'government' ? (scopeParam as AnnualReportScope) : undefined,
    unitId: num(params.get('unit')),
  };
  const list = useLoad(() => api.list(query), [JSON.stringify(query)]);
  const seesAll = user.role === 'office' || user.role === 'observer';
  const unitList = useLoad(seesAll ? () => unitsApi.list() : null, [seesAll]);
  const [creating, setCreating] = useState(false);

  const setParam = (changes: Record<string, string | number | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    return next;
  }, { replace: true });

  const tab = seesAll && params.get('tab') === 'expected' ? 'expected' : 'list';
  const listView = (
    <>
      <div className="gk-toolbar">
        <Select aria-label={ar.year} style={{ width: 140 }} value={query.year ?? ''} onChange={(v) => setParam({ year: v || undefined })}
          options={[{ value: '', label: `${ar.year}：${t.common.all}` }, ...reportYears(thisYear)]} />
        <Select aria-label={ar.scope} style={{ width: 180 }} value={query.scope ?? ''} onChange={(v) => setParam({ scope: v || undefined })}
          options={[{ value: '', label: ar.allScopes }, ...options(ar.scopes)]} />
        {seesAll && (
          <Select aria-label={ar.unit} style={{ width: 220 }} value={query.unitId ?? ''} onChange={(v) => setParam({ unit: v || undefined })}
            showSearch={{ optionFilterProp: 'label' }} loading={unitList.loading}
            options={[{ value: '', label: ar.allUnits }, ...(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))]} />
        )}
        <span className="gk-spacer" />
        {user.role !== 'observer' && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{ar.create}</Button>}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<AnnualReport>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: ar.empty }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ 'data-report-id': r.id, 'data-state': r.state } as HTMLAttributes<HTMLElement>)}
        scroll={{ x: 900 }}
        columns={[
          { title: ar.year, dataIndex: 'year', key: 'year', width: 90, render: (y: number) => `${y}年度` },
          { title: ar.name, key: 'title', render: (_, r) => <Link to={`/annual-reports/${r.id}`}>{r.title}</Link> },
          { title: ar.scope, dataIndex: 'scopeLabel', key: 'scope', width: 150 },
          { title: ar.template, key: 'template', width: 110, render: (_, r) => (r.template === 'v2019' ? '2019年版' : '2021年版') },
          { title: ar.state, key: 'state', width: 90, render: (_, r) => <ReportStateTag state={r.state} /> },
          { title: ar.deadline, dataIndex: 'deadline', key: 'deadline', width: 110 },
          { title: ar.publishedOn, key: 'publishedOn', width: 110, render: (_, r) => r.publishedOn ?? '—' },
        ]}
      />
    </>
  );
  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{ar.title}</Typography.Title>
      <p className="gk-page-intro">{ar.intro}</p>
      {seesAll ? (
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(k) => setParam({ tab: k === 'expected' ? 'expected' : undefined })}
          items={[
            { key: 'list', label: ar.tabs.list, children: listView },
            { key: 'expected', label: ar.tabs.expected, children: <Expected year={query.year ?? thisYear - 1} thisYear={thisYear} onYear={(y) => setParam({ year: y })} /> },
          ]}
        />
      ) : listView}
      {creating && <CreateModal thisYear={thisYear} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/annual-reports/${id}`)} />}
    </>
  );
}

/** 报送情况: the units expected to report in a year, their report's state and whether it is late. */
function Expected({ year, thisYear, onYear }: { year: number; thisYear: number; onYear: (y: number) => void }) {
  const list = useLoad(() => api.expected(year), [year]);
  const items = list.data?.items ?? [];
  return (
    <>
      <div className="gk-toolbar">
        <Select aria-label={ar.year} style={{ width: 140 }} value={year} onChange={onYear} options={reportYears(thisYear)} />
        <span className="gk-muted">{ar.expectedIntro(year)}</span>
        <span className="gk-spacer" />
        <span className="gk-muted">{ar.counts(items.filter((i) => i.state === 'published').length, items.length, items.filter((i) => i.late).length)}</span>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<ExpectedReport>
        rowKey={(r) => `${r.scope}:${r.unitId}`}
        size="small"
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: ar.name, key: 'title', render: (_, r) => (r.reportId ? <Link to={`/annual-reports/${r.reportId}`}>{r.title}</Link> : r.title) },
          { title: ar.scope, key: 'scope', width: 150, render: (_, r) => ar.scopes[r.scope] },
          { title: ar.state, key: 'state', width: 90, render: (_, r) => (r.state === 'none' ? ar.expectedStates.none : <ReportStateTag state={r.state} />) },
          { title: ar.deadline, dataIndex: 'deadline', key: 'deadline', width: 110 },
          { title: ar.publishedOn, key: 'publishedOn', width: 110, render: (_, r) => r.publishedOn ?? '—' },
          { title: '', key: 'late', width: 70, render: (_, r) => (r.late ? <Typography.Text type="danger">{ar.late}</Typography.Text> : r.state === 'published' ? ar.onTime : '') },
        ]}
      />
    </>
  );
}

function CreateModal({ thisYear, onClose, onCreated }: { thisYear: number; onClose: () => void; onCreated: (id: number) => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; scope: AnnualReportScope; unitId?: number }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isOffice = user.role === 'office';
  const unitList = useLoad(isOffice ? () => unitsApi.list() : null, [isOffice]);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const created = await api.create({ year: v.year, scope: v.scope, unitId: isOffice ? v.unitId : undefined });
      message.success(ar.created);
      onCreated(created.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={ar.createTitle} onCancel={onClose} onOk={submit} okText={ar.create} confirmLoading={saving} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ year: thisYear - 1, scope: 'unit', unitId: user.unitId }}>
        <Form.Item name="year" label={ar.year} rules={[{ required: true }]}>
          <Select options={reportYears(thisYear)} />
        </Form.Item>
        <Form.Item name="scope" label={ar.scope} rules={[{ required: true }]}>
          <Select options={options(ar.scopes)} />
        </Form.Item>
        {isOffice && (
          <Form.Item name="unitId" label={ar.unit} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={unitList.loading}
              options={(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
