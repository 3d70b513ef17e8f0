/**
 * 考核评价. The office picks (or creates) a year's indicator set, builds its indicator tree, marks
 * leaves computed or manual, enters manual scores with notes, watches the live ranking, opens a
 * unit's breakdown with the records behind every point, exports .xlsx, starts scoring and
 * publishes. Observers read all of it. A unit sees its own breakdown (and the ranking once
 * published). The chosen set is kept in the URL (?set=).
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { units as unitsApi } from '../../api/endpoints.ts';
import { chinaDay } from '../../components/format.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { evaluations as api, type IndicatorSet, type IndicatorSetDetail, type SetInput } from './api.ts';
import { BreakdownView } from './BreakdownView.tsx';
import { IndicatorTree } from './IndicatorTree.tsx';
import { ManualScores } from './ManualScores.tsx';
import { Ranking } from './Ranking.tsx';
import { s } from './strings.ts';

const STATE_STYLE: Record<string, { color: string; background: string; borderColor: string }> = {
  draft: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
  scoring: { color: '#0b3d91', background: '#e6f0ff', borderColor: '#91b4f5' },
  published: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
};

function StateTag({ state }: { state: string }) {
  return <span className="gk-tag" data-state={state} style={STATE_STYLE[state] ?? STATE_STYLE.draft}>{s.states[state] ?? state}</span>;
}

export default function EvaluationsScene() {
  const user = useUser();
  const office = user.role === 'office';
  const readsAll = office || user.role === 'observer';
  const [params, setParams] = useSearchParams();
  const sets = useLoad(() => api.list(), []);
  const [creating, setCreating] = useState(false);
  const chosen = Number(params.get('set')) || sets.data?.items[0]?.id;
  const choose = (id: number | undefined) => setParams(() => (id ? new URLSearchParams({ set: String(id) }) : new URLSearchParams()), { replace: true });

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{s.title}</Typography.Title>
      <p className="gk-page-intro">{readsAll ? s.intro : s.unitIntro}</p>
      {sets.error && <Alert type="error" showIcon title={sets.error} />}
      <div className="gk-toolbar">
        <Select
          aria-label={s.set}
          style={{ minWidth: 320 }}
          loading={sets.loading}
          value={chosen}
          onChange={choose}
          notFoundContent={readsAll ? s.noSets : s.noSetsUnit}
          options={(sets.data?.items ?? []).map((x: IndicatorSet) => ({ value: x.id, label: `${x.year}年 · ${x.name}（${x.stateLabel}）` }))}
        />
        <span className="gk-spacer" />
        {office && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>{s.newSet}</Button>}
      </div>
      {sets.data && !sets.data.items.length && <Typography.Paragraph>{readsAll ? s.noSets : s.noSetsUnit}</Typography.Paragraph>}
      {chosen && <SetPanel key={chosen} id={chosen} onListChanged={() => void sets.reload()} onDeleted={() => { choose(undefined); void sets.reload(); }} />}
      {creating && (
        <SetModal
          sets={sets.data?.items ?? []}
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            void sets.reload();
            choose(d.id);
          }}
        />
      )}
    </>
  );
}

function SetPanel({ id, onListChanged, onDeleted }: { id: number; onListChanged: () => void; onDeleted: () => void }) {
  const { message } = App.useApp();
  const user = useUser();
  const office = user.role === 'office';
  const readsAll = office || user.role === 'observer';
  const set = useLoad(() => api.get(id), [id]);
  const metrics = useLoad(() => api.metrics(), []);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<string>(readsAll ? 'tree' : 'mine');
  const [version, setVersion] = useState(0);

  if (set.error) return <Alert type="error" showIcon title={set.error} />;
  const d = set.data;
  if (!d) return <Typography.Text>{s.loading}</Typography.Text>;
  const editable = office && d.state !== 'published';
  const inScope = d.units.some((u) => u.id === user.unitId);
  const refresh = async () => {
    await set.reload();
    setVersion((v) => v + 1);
    onListChanged();
  };
  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const tabs = readsAll
    ? [
      { key: 'tree', label: s.tabs.tree, children: <IndicatorTree set={d} metrics={metrics.data?.items ?? []} editable={editable} onChanged={() => void refresh()} /> },
      { key: 'scores', label: s.tabs.scores, children: <ManualScores key={version} set={d} editable={editable} /> },
      { key: 'ranking', label: s.tabs.ranking, children: <Ranking key={version} setId={d.id} canOpen={() => true} /> },
    ]
    : [
      { key: 'mine', label: s.tabs.mine, children: inScope ? <BreakdownView setId={d.id} unitId={user.unitId} /> : <Typography.Paragraph>{s.notInScope}</Typography.Paragraph> },
      ...(d.state === 'published' ? [{ key: 'ranking', label: s.tabs.ranking, children: <Ranking setId={d.id} canOpen={(u) => u === user.unitId} /> }] : []),
      { key: 'tree', label: s.tabs.tree, children: <IndicatorTree set={d} metrics={metrics.data?.items ?? []} editable={false} onChanged={() => undefined} /> },
    ];

  return (
    <>
      <div className="gk-toolbar">
        <StateTag state={d.state} />
        <Typography.Text>{d.year}年 · {d.scopeKindLabel}（{s.unitsInScope(d.units.length)}）· {s.totalPoints} {d.totalPoints}</Typography.Text>
        <span className="gk-spacer" />
        <Space wrap>
          {editable && <Button onClick={() => setEditing(true)}>{s.editSet}</Button>}
          {office && d.state === 'draft' && (
            <Popconfirm title={s.startScoringConfirm} onConfirm={() => act(() => api.startScoring(d.id))}><Button type="primary">{s.startScoring}</Button></Popconfirm>
          )}
          {office && d.state === 'scoring' && (
            <Popconfirm title={s.publishConfirm} onConfirm={() => act(() => api.publish(d.id))}><Button type="primary">{s.publish}</Button></Popconfirm>
          )}
          {(readsAll || inScope) && <Button icon={<DownloadOutlined />} href={api.exportUrl(d.id)} download>{s.exportXlsx}</Button>}
          {d.url && <Button href={d.url} target="_blank">{s.publicPage}</Button>}
          {editable && (
            <Popconfirm title={s.deleteSetConfirm} onConfirm={async () => {
              try {
                await api.remove(d.id);
                onDeleted();
              } catch (e) {
                message.error(errorMessage(e));
              }
            }}>
              <Button danger>{s.deleteSet}</Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {d.description && <Typography.Paragraph type="secondary">{d.description}</Typography.Paragraph>}
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={tabs} />
      {editing && <SetModal existing={d} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void refresh(); }} />}
    </>
  );
}

interface SetForm {
  copyFromId?: number;
  year: number;
  name: string;
  description?: string;
  totalPoints: number;
  scopeKind: 'lists' | 'units';
  scopeUnitIds?: number[];
}

function SetModal({ existing, sets = [], onClose, onSaved }: { existing?: IndicatorSetDetail; sets?: IndicatorSet[]; onClose: () => void; onSaved: (d: IndicatorSetDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SetForm>();
  const [saving, setSaving] = useState(false);
  const units = useLoad(() => unitsApi.list({ placeholder: false }), []);
  const scopeKind = Form.useWatch('scopeKind', form);
  const submit = async (v: SetForm) => {
    setSaving(true);
    try {
      const body: SetInput = {
        year: v.year, name: v.name, description: v.description?.trim() || null, totalPoints: v.totalPoints, scopeKind: v.scopeKind,
        ...(v.scopeKind === 'units' ? { scopeUnitIds: v.scopeUnitIds ?? [] } : {}),
        ...(!existing && v.copyFromId ? { copyFromId: v.copyFromId } : {}),
      };
      const d = existing ? await api.update(existing.id, body) : await api.create(body);
      message.success(s.saved);
      onSaved(d);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={existing ? s.editSet : s.newSet} onCancel={onClose} onOk={() => form.submit()} okText={s.save} cancelText={s.cancel} confirmLoading={saving} destroyOnHidden width={640}>
      <Form<SetForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<SetForm>) => {
          const from = changed.copyFromId !== undefined ? sets.find((x) => x.id === changed.copyFromId) : undefined;
          if (from) form.setFieldsValue({ totalPoints: from.totalPoints, name: from.name });
        }}
        initialValues={existing
          ? { year: existing.year, name: existing.name, description: existing.description ?? undefined, totalPoints: existing.totalPoints, scopeKind: existing.scopeKind, scopeUnitIds: existing.scopeUnitIds }
          : { year: Number(chinaDay().slice(0, 4)) - 1, name: '政务公开工作考核', totalPoints: 100, scopeKind: 'lists' }}
      >
        {!existing && sets.length > 0 && (
          <Form.Item name="copyFromId" label={s.copyFrom} extra={s.copyFromHelp}>
            <Select allowClear placeholder={s.copyFromNone} options={sets.map((x) => ({ value: x.id, label: `${x.year}年 · ${x.name}` }))} />
          </Form.Item>
        )}
        <Space size="large" wrap>
          <Form.Item name="year" label={s.year} rules={[{ required: true }]}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
          <Form.Item name="totalPoints" label={s.totalPoints} rules={[{ required: true }]}><InputNumber min={1} max={10000} precision={1} /></Form.Item>
        </Space>
        <Form.Item name="name" label={s.name} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="description" label={s.description}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
        <Form.Item name="scopeKind" label={s.scope}>
          <Radio.Group options={[{ value: 'lists', label: s.scopeKinds.lists }, { value: 'units', label: s.scopeKinds.units }]} />
        </Form.Item>
        {scopeKind === 'units' && (
          <Form.Item name="scopeUnitIds" label={s.scopeUnits} rules={[{ required: true }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" loading={units.loading} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
