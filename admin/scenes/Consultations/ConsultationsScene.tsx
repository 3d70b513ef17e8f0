/**
 * 决策与征集: the 重大行政决策事项目录 by year (the office adds, edits and deletes items and publishes a
 * year's catalogue; an item's unit moves it on through the stages, only the office moves it back —
 * the server lists the stages each user may choose), and the consultations (意见征集) the user may
 * see, with their period, state and comment counts. Tab and filters are kept in the URL.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import { consultations as consultationsApi, decisionItems as api, units as unitsApi } from '../../api/endpoints.ts';
import type { ConsultationSummary, DecisionItem, DecisionStage } from '../../api/types.ts';
import { chinaDay, formatDate } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { options } from '../Publications/shared.tsx';
import { ConsultationStateTag, StageTag } from './shared.tsx';

const dc = t.consultations.decisions;
const cc = t.consultations.c;
const num = (v: string | null) => (Number(v) > 0 && Number.isInteger(Number(v)) ? Number(v) : undefined);

type SetParams = ReturnType<typeof useSearchParams>[1];

export default function ConsultationsScene() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'consultations' ? 'consultations' : 'decisions';
  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{t.consultations.title}</Typography.Title>
      <p className="gk-page-intro">{t.consultations.intro}</p>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(k) => setParams(() => (k === 'consultations' ? new URLSearchParams({ tab: k }) : new URLSearchParams()), { replace: true })}
        items={[
          { key: 'decisions', label: t.consultations.tabs.decisions, children: <Decisions params={params} setParams={setParams} /> },
          { key: 'consultations', label: t.consultations.tabs.consultations, children: <Consultations params={params} setParams={setParams} /> },
        ]}
      />
    </>
  );
}

function useSetParam(setParams: SetParams) {
  return (changes: Record<string, string | number | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    return next;
  }, { replace: true });
}

function Decisions({ params, setParams }: { params: URLSearchParams; setParams: SetParams }) {
  const user = useUser();
  const office = user.role === 'office';
  const { message, modal } = App.useApp();
  const setParam = useSetParam(setParams);
  const years = useLoad(() => api.years(), []);
  const thisYear = Number(chinaDay().slice(0, 4));
  const yearList = useMemo(() => {
    const ys = new Set<number>([thisYear, ...(years.data?.items ?? []).map((y) => y.year)]);
    return [...ys].sort((a, b) => b - a);
  }, [years.data, thisYear]);
  const latestWithItems = (years.data?.items ?? []).map((y) => y.year).sort((a, b) => b - a)[0];
  const year = num(params.get('year')) ?? latestWithItems ?? thisYear;
  const unitId = num(params.get('unit'));
  const stageParam = params.get('stage');
  const stage = stageParam && stageParam in dc.stages ? (stageParam as DecisionStage) : undefined;
  const list = useLoad(() => api.list({ year, unitId, stage }), [year, unitId, stage]);
  const unitList = useLoad(() => unitsApi.list(), []);
  const yearInfo = years.data?.items.find((y) => y.year === year);
  const [editing, setEditing] = useState<DecisionItem | 'new' | null>(null);
  const [moving, setMoving] = useState<DecisionItem | null>(null);

  const reload = () => {
    void list.reload();
    void years.reload();
  };

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      modal.warning({ title: e.message });
      reload();
      return;
    }
    message.error(errorMessage(e));
  };

  return (
    <>
      <div className="gk-toolbar">
        <Select
          aria-label={dc.year}
          style={{ width: 130 }}
          value={year}
          onChange={(v) => setParam({ year: v })}
          options={yearList.map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Select
          aria-label={dc.unit}
          style={{ width: 220 }}
          value={unitId ?? ''}
          onChange={(v) => setParam({ unit: v || undefined })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={unitList.loading}
          options={[{ value: '', label: t.publications.filters.allUnits }, ...(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))]}
        />
        <Select aria-label={dc.stage} style={{ width: 130 }} value={stage ?? ''} onChange={(v) => setParam({ stage: v })} options={[{ value: '', label: dc.allStages }, ...options(dc.stages)]} />
        {yearInfo && <span className="gk-muted">{dc.yearSummary(yearInfo.items, yearInfo.published)}</span>}
        <span className="gk-spacer" />
        {office && yearInfo && yearInfo.items > 0 && (
          yearInfo.published ? (
            <Popconfirm
              title={`${dc.unpublishYear(year)}？`}
              okText={t.common.confirm}
              cancelText={t.common.cancel}
              onConfirm={async () => {
                try {
                  await api.unpublishYear(year);
                  message.success(dc.yearUnpublished);
                  reload();
                } catch (e) {
                  failed(e);
                }
              }}
            >
              <Button>{dc.unpublishYear(year)}</Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={dc.publishYearConfirm(year)}
              okText={t.common.confirm}
              cancelText={t.common.cancel}
              onConfirm={async () => {
                try {
                  await api.publishYear(year);
                  message.success(dc.yearPublished);
                  reload();
                } catch (e) {
                  failed(e);
                }
              }}
            >
              <Button type="primary" ghost>{dc.publishYear(year)}</Button>
            </Popconfirm>
          )
        )}
        {office && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{dc.create}</Button>}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      {years.error && <Alert type="error" showIcon title={years.error} style={{ marginBottom: 12 }} />}
      <Table<DecisionItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: dc.none }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ 'data-decision-id': r.id, 'data-stage': r.stage } as HTMLAttributes<HTMLElement>)}
        scroll={{ x: 1000 }}
        columns={[
          { title: dc.seq, dataIndex: 'seq', width: 64, align: 'center' },
          {
            title: dc.titleField, key: 'title',
            render: (_, r) => (
              <>
                {r.title} {!r.published && <span className="gk-muted" style={{ fontSize: 12 }}>（{dc.unpublished}）</span>}
                {r.basis && <Typography.Paragraph className="gk-muted" style={{ fontSize: 12, marginBottom: 0 }} ellipsis={{ rows: 2, tooltip: r.basis }}>{dc.basis}：{r.basis}</Typography.Paragraph>}
              </>
            ),
          },
          { title: dc.unit, dataIndex: 'unitName', width: 170 },
          { title: dc.plannedBy, dataIndex: 'plannedBy', width: 120, render: (v: string | null) => v ?? '—' },
          { title: dc.stage, key: 'stage', width: 90, render: (_, r) => <StageTag stage={r.stage} label={r.stageLabel} /> },
          {
            title: dc.consultations, key: 'c', width: 200,
            render: (_, r) => (r.consultations.length
              ? r.consultations.map((c) => <div key={c.id}><Link to={`/consultations/${c.id}`}>{c.title}</Link> <span className="gk-muted" style={{ fontSize: 12 }}>{c.stateLabel}</span></div>)
              : <span className="gk-muted">—</span>),
          },
          ...(office || (list.data?.items ?? []).some((x) => x.allowedStages.length > 0) ? [{
            title: t.common.actions, key: 'a', width: 190,
            render: (_: unknown, r: DecisionItem) => (
              <Space size={0} wrap>
                {r.allowedStages.length > 0 && <Button size="small" type="link" onClick={() => setMoving(r)}>{dc.moveStage}</Button>}
                {office && <Button size="small" type="link" onClick={() => setEditing(r)}>{t.common.edit}</Button>}
                {office && (
                  <Popconfirm
                    title={dc.deleteConfirm(r.title)}
                    okText={t.common.delete}
                    okButtonProps={{ danger: true }}
                    cancelText={t.common.cancel}
                    onConfirm={async () => {
                      try {
                        await api.remove(r.id);
                        message.success(dc.deleted);
                        reload();
                      } catch (e) {
                        failed(e);
                      }
                    }}
                  >
                    <Button size="small" type="link" danger>{dc.delete}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          }] : []),
        ]}
      />
      <ItemModal
        item={editing}
        year={year}
        units={(unitList.data?.items ?? []).filter((u) => !u.placeholder)}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          if (saved.year !== year) setParam({ year: saved.year });
          reload();
        }}
      />
      <StageModal
        item={moving}
        onClose={() => setMoving(null)}
        onDone={() => {
          setMoving(null);
          void list.reload();
        }}
        onConflict={(e) => {
          setMoving(null);
          failed(e);
        }}
      />
    </>
  );
}

interface ItemValues {
  year: number;
  seq: number | null;
  unitId: number;
  title: string;
  basis: string;
  plannedBy: string;
  stage: DecisionStage;
}

function ItemModal({ item, year, units, onClose, onSaved }: {
  item: DecisionItem | 'new' | null; year: number; units: { id: number; name: string }[]; onClose(): void; onSaved(d: DecisionItem): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const existing = item && item !== 'new' ? item : null;

  const submit = async (v: ItemValues) => {
    setBusy(true);
    setError(null);
    const body = { year: v.year, unitId: v.unitId, title: v.title.trim(), basis: v.basis?.trim() || null, plannedBy: v.plannedBy?.trim() || null, ...(v.seq ? { seq: v.seq } : {}) };
    try {
      const saved = existing ? await api.update(existing.id, body) : await api.create({ ...body, stage: v.stage });
      message.success(existing ? dc.saved : dc.created);
      onSaved(saved);
    } catch (e) {
      setError(showServerError(form, e, {}, ['year', 'seq', 'unitId', 'title', 'basis', 'plannedBy', 'stage']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={item !== null}
      title={existing ? `${dc.edit}：${existing.title}` : dc.create}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      afterOpenChange={(o) => { if (o) setError(null); }}
      onOk={() => void form.validateFields().then(submit, () => undefined)}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        onValuesChange={clearErrorsOf(form)}
        layout="vertical"
        name="decision-item"
        preserve={false}
        initialValues={existing
          ? { year: existing.year, seq: existing.seq, unitId: existing.unitId, title: existing.title, basis: existing.basis ?? '', plannedBy: existing.plannedBy ?? '' }
          : { year, seq: null, stage: 'consultation', basis: '', plannedBy: '' }}
      >
        <Space wrap>
          <Form.Item name="year" label={dc.year} rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="seq" label={dc.seq} extra="不填则排在最后"><InputNumber min={1} max={10000} /></Form.Item>
          {!existing && <Form.Item name="stage" label={dc.stage}><Select style={{ width: 140 }} options={options(dc.stages)} /></Form.Item>}
        </Space>
        <Form.Item name="title" label={dc.titleField} rules={[{ required: true, whitespace: true, message: dc.titleRequired }, { max: 200 }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="unitId" label={dc.unit} rules={[{ required: true, message: dc.unitRequired }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="basis" label={dc.basis}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="plannedBy" label={dc.plannedBy}><Input maxLength={100} placeholder="如 2020年12月" /></Form.Item>
      </Form>
    </Modal>
  );
}

function StageModal({ item, onClose, onDone, onConflict }: { item: DecisionItem | null; onClose(): void; onDone(): void; onConflict(e: unknown): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ stage: DecisionStage; note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: { stage: DecisionStage; note: string }) => {
    if (!item) return;
    setBusy(true);
    setError(null);
    try {
      await api.moveStage(item.id, v.stage, v.note?.trim() || null);
      message.success(dc.stageMoved);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onConflict(e);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={item !== null}
      title={item ? dc.moveStageTitle(item.title) : ''}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => { if (o) setError(null); }}
      onOk={() => void form.validateFields().then(submit, () => undefined)}
    >
      {item && <p className="gk-muted">当前阶段：{item.stageLabel}</p>}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} onValuesChange={clearErrorsOf(form)} layout="vertical" name="decision-stage" preserve={false} initialValues={{ stage: item?.allowedStages[0] }}>
        <Form.Item name="stage" label={dc.stage} rules={[{ required: true }]}>
          <Select options={(item?.allowedStages ?? []).map((s) => ({ value: s, label: dc.stages[s] ?? s }))} />
        </Form.Item>
        <Form.Item name="note" label={dc.stageNote}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function Consultations({ params, setParams }: { params: URLSearchParams; setParams: SetParams }) {
  const user = useUser();
  const navigate = useNavigate();
  const setParam = useSetParam(setParams);
  const stateParam = params.get('state');
  const state = stateParam && stateParam in cc.states ? stateParam : undefined;
  const unitId = num(params.get('unit'));
  const list = useLoad(() => consultationsApi.list({ state, unitId }), [state, unitId]);
  const unitList = useLoad(() => unitsApi.list(), []);

  return (
    <>
      <div className="gk-toolbar">
        <Select aria-label={cc.state} style={{ width: 170 }} value={state ?? ''} onChange={(v) => setParam({ state: v })} options={[{ value: '', label: cc.allStates }, ...options(cc.states)]} />
        <Select
          aria-label={cc.unit}
          style={{ width: 220 }}
          value={unitId ?? ''}
          onChange={(v) => setParam({ unit: v || undefined })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={unitList.loading}
          options={[{ value: '', label: cc.allUnits }, ...(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))]}
        />
        <span className="gk-spacer" />
        {user.role !== 'observer' && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/consultations/new')}>{cc.create}</Button>}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<ConsultationSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ 'data-consultation-id': r.id, 'data-state': r.state } as HTMLAttributes<HTMLElement>)}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: cc.titleField, key: 'title',
            render: (_, r) => (
              <>
                <Link to={`/consultations/${r.id}`}>{r.title}</Link>
                {r.decisionItem && <div className="gk-muted" style={{ fontSize: 12 }}>{cc.decisionItem}：{r.decisionItem.year}年第{r.decisionItem.seq}项 {r.decisionItem.title}</div>}
              </>
            ),
          },
          { title: cc.unit, dataIndex: 'unitName', width: 170 },
          {
            title: cc.period, key: 'period', width: 220,
            render: (_, r) => <>{formatDate(r.opensOn)} 至 {formatDate(r.closesOn)}<div className="gk-muted" style={{ fontSize: 12 }}>{cc.days(r.periodDays)}</div></>,
          },
          {
            title: cc.state, key: 'state', width: 160,
            render: (_, r) => <><ConsultationStateTag state={r.state} label={r.stateLabel} />{r.daysLeft !== null && <div className="gk-muted" style={{ fontSize: 12 }}>{cc.daysLeft(r.daysLeft)}</div>}</>,
          },
          { title: cc.counts, key: 'counts', width: 240, render: (_, r) => (r.counts ? <span style={{ fontSize: 12 }}>{cc.countsLine(r.counts)}</span> : <span className="gk-muted">—</span>) },
        ]}
      />
    </>
  );
}
