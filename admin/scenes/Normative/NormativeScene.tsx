/**
 * 规范性文件: the register of 行政规范性文件 (filtered by unit, validity, year, text; paginated),
 * the 清理 campaigns (the office opens and closes them and sees every unit's progress; a unit
 * confirms its decision on each of its documents), and the office's register settings. Tab,
 * filters and page are kept in the URL.
 */
import { useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Form, Input, InputNumber, Select, Table, Tabs, Typography } from 'antd';
import { normative as api, units as unitsApi } from '../../api/endpoints.ts';
import type { NormativeDocument, NormativeQuery, NormativeSettings, Validity } from '../../api/types.ts';
import { chinaDay, formatDate } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { yearOptions } from '../Publications/shared.tsx';
import { CleanupPanel } from './CleanupPanel.tsx';
import { ValidityTag } from './shared.tsx';

const n = t.normative;
const PAGE_SIZE = 20;
const num = (v: string | null) => (Number(v) > 0 && Number.isInteger(Number(v)) ? Number(v) : undefined);

export default function NormativeScene() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab = tabParam === 'cleanup' || (tabParam === 'settings' && user.role === 'office') ? tabParam : 'register';

  const setTab = (k: string) => setParams(() => {
    const next = new URLSearchParams();
    if (k !== 'register') next.set('tab', k);
    return next;
  }, { replace: true });

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{n.title}</Typography.Title>
      <p className="gk-page-intro">{n.intro}</p>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'register', label: n.tabs.register, children: <Register params={params} setParams={setParams} /> },
          { key: 'cleanup', label: n.tabs.cleanup, children: <CleanupPanel /> },
          ...(user.role === 'office' ? [{ key: 'settings', label: n.tabs.settings, children: <Settings /> }] : []),
        ]}
      />
    </>
  );
}

function Register({ params, setParams }: { params: URLSearchParams; setParams: ReturnType<typeof useSearchParams>[1] }) {
  const validityParam = params.get('validity');
  const inForce = validityParam === 'inForce';
  const query: NormativeQuery = {
    unitId: num(params.get('unit')),
    validity: validityParam && validityParam in n.validities ? (validityParam as Validity) : undefined,
    inForce: inForce || undefined,
    year: num(params.get('year')),
    q: params.get('q') ?? undefined,
    page: num(params.get('page')) ?? 1,
    pageSize: PAGE_SIZE,
  };
  const key = JSON.stringify(query);
  const list = useLoad(() => api.list(query), [key]);
  const unitList = useLoad(() => unitsApi.list(), []);
  const [qInput, setQInput] = useState(query.q ?? '');
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
          aria-label={n.unit}
          style={{ width: 220 }}
          value={query.unitId ?? ''}
          onChange={(v) => setParam({ unit: v || undefined })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={unitList.loading}
          options={[{ value: '', label: t.publications.filters.allUnits }, ...(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))]}
        />
        <Select
          aria-label={n.validity}
          style={{ width: 200 }}
          value={validityParam && (inForce || query.validity) ? validityParam : ''}
          onChange={(v) => setParam({ validity: v || undefined })}
          options={[{ value: '', label: n.allValidities }, { value: 'inForce', label: n.inForce }, ...Object.entries(n.validities).map(([value, label]) => ({ value, label }))]}
        />
        <Select
          aria-label={t.publications.filters.year}
          style={{ width: 130 }}
          value={query.year ?? ''}
          onChange={(v) => setParam({ year: v || undefined })}
          options={[{ value: '', label: `${t.publications.filters.year}：${t.common.all}` }, ...yearOptions(thisYear)]}
        />
        <Input.Search
          aria-label={n.search}
          placeholder={n.search}
          allowClear
          style={{ width: 260 }}
          value={qInput}
          onChange={(e) => {
            setQInput(e.target.value);
            if (!e.target.value) setParam({ q: undefined });
          }}
          onSearch={(v) => setParam({ q: v.trim() || undefined })}
        />
        <span className="gk-spacer" />
        <span className="gk-muted">{n.count(list.data?.total ?? 0)}</span>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<NormativeDocument>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ 'data-normative-id': r.id } as HTMLAttributes<HTMLElement>)}
        pagination={{
          current: query.page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true,
          showTotal: (x) => n.count(x), onChange: (page) => setParam({ page }, true),
        }}
        scroll={{ x: 1000 }}
        columns={[
          { title: n.regNumber, key: 'reg', width: 150, render: (_, r) => <Link to={`/normative/${r.id}`}>{r.regNumber}</Link> },
          {
            title: n.titleField, key: 'title',
            render: (_, r) => (
              <>
                <Link to={`/normative/${r.id}`}>{r.title}</Link>
                <div className="gk-muted" style={{ fontSize: 12 }}>{r.docNumber ?? ''}{r.docNumber && ' · '}{r.unitName}</div>
              </>
            ),
          },
          { title: n.publishedOn, key: 'published', width: 130, render: (_, r) => formatDate(r.publishedOn) || '—' },
          { title: n.effectiveOn, key: 'effective', width: 130, render: (_, r) => formatDate(r.effectiveOn) || '—' },
          { title: n.validUntil, key: 'until', width: 130, render: (_, r) => formatDate(r.validUntil) || '—' },
          { title: n.validity, key: 'validity', width: 100, render: (_, r) => <ValidityTag validity={r.validity} label={r.validityLabel} /> },
        ]}
      />
    </>
  );
}

function Settings() {
  const { message } = App.useApp();
  const load = useLoad(() => api.settings(), []);
  const [form] = Form.useForm<Omit<NormativeSettings, 'example'>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (v: Omit<NormativeSettings, 'example'>) => {
    setBusy(true);
    setError(null);
    try {
      const after = await api.setSettings({ regNumberPattern: v.regNumberPattern.trim(), validityYears: v.validityYears, alertDaysBefore: v.alertDaysBefore });
      load.setData(after);
      message.success(n.settings.saved);
    } catch (e) {
      setError(showServerError(form, e, { NORMATIVE_PATTERN_INVALID: 'regNumberPattern' }, ['regNumberPattern', 'validityYears', 'alertDaysBefore']));
    } finally {
      setBusy(false);
    }
  };

  if (load.error) return <Alert type="error" showIcon title={load.error} />;
  if (!load.data) return null;
  return (
    <Form form={form} onValuesChange={clearErrorsOf(form)} layout="vertical" name="normative-settings" style={{ maxWidth: 560 }} initialValues={load.data} onFinish={(v) => void save(v)} disabled={busy}>
      <Form.Item name="regNumberPattern" label={n.settings.pattern} extra={n.settings.patternHint} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
        <Input />
      </Form.Item>
      <p className="gk-muted">{n.settings.example}：{load.data.example}</p>
      <Form.Item name="validityYears" label={n.settings.validityYears} rules={[{ required: true }]}>
        <InputNumber min={1} max={10} />
      </Form.Item>
      <Form.Item name="alertDaysBefore" label={n.settings.alertDaysBefore} rules={[{ required: true }]}>
        <InputNumber min={0} max={365} />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy}>{t.common.save}</Button>
    </Form>
  );
}

