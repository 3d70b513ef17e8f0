/**
 * 指标体系: the indicator tree of a set as a tree table — name, points (a group's is its children's
 * sum), method (computed with its metric, or manual), scoring rule — and, for the office while the
 * set is not published, adding, editing and deleting indicators.
 */
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { evaluations as api, type Indicator, type IndicatorInput, type IndicatorSetDetail, type Metric } from './api.ts';
import { s } from './strings.ts';

interface Row extends Indicator {
  children?: Row[];
}

function toTree(items: Indicator[]): Row[] {
  const byId = new Map<number, Row>(items.map((i) => [i.id, { ...i }]));
  const roots: Row[] = [];
  for (const i of items) {
    const row = byId.get(i.id)!;
    const parent = i.parentId !== null ? byId.get(i.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

type Editing = { mode: 'add'; parentId: number | null } | { mode: 'edit'; item: Indicator };

export function IndicatorTree({ set, metrics, editable, onChanged }: { set: IndicatorSetDetail; metrics: Metric[]; editable: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const remove = async (id: number) => {
    try {
      await api.removeIndicator(id);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <div className="gk-toolbar">
        <Typography.Text strong={set.treeTotal !== set.totalPoints} type={set.treeTotal !== set.totalPoints ? 'danger' : undefined}>
          {s.treeTotal(set.treeTotal, set.totalPoints)}
        </Typography.Text>
        <span className="gk-spacer" />
        {editable && <Button icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'add', parentId: null })}>{s.addTop}</Button>}
      </div>
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={toTree(set.indicators)}
        key={set.indicators.map((i) => i.id).join(",")}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: s.indicator, dataIndex: 'name', width: 280, render: (v: string, r) => (r.isGroup ? <strong>{v}</strong> : v) },
          { title: s.maxPoints, dataIndex: 'maxPoints', width: 70, align: 'right' },
          {
            title: s.method, key: 'method', width: 220,
            render: (_, r) => (r.isGroup ? null : r.method === 'computed'
              ? <><Tag color="blue">{s.methods.computed}</Tag>{r.metricLabel ?? r.metric}{typeof r.params.target === 'number' ? `（${s.target} ${r.params.target}）` : ''}</>
              : <Tag>{s.methods.manual}</Tag>),
          },
          { title: s.rule, key: 'rule', render: (_, r) => <Typography.Text type="secondary" style={{ fontSize: 13 }}>{r.description ?? r.metricRule ?? ''}</Typography.Text> },
          ...(editable ? [{
            title: s.actions, key: 'actions', width: 190,
            render: (_: unknown, r: Row) => (
              <Space size={4} wrap>
                <Button size="small" type="link" onClick={() => setEditing({ mode: 'add', parentId: r.id })}>{s.addChild}</Button>
                <Button size="small" type="link" onClick={() => setEditing({ mode: 'edit', item: r })}>{s.edit}</Button>
                <Popconfirm title={s.removeIndicatorConfirm} onConfirm={() => remove(r.id)}>
                  <Button size="small" type="link" danger>{s.remove}</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      {editing && (
        <IndicatorModal
          setId={set.id}
          editing={editing}
          metrics={metrics}
          parents={set.indicators}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}

interface FormValues {
  name: string;
  description?: string;
  maxPoints?: number;
  sortOrder?: number;
  method: 'computed' | 'manual';
  metric?: string;
  target?: number;
}

function IndicatorModal({ setId, editing, metrics, parents, onClose, onSaved }: {
  setId: number;
  editing: Editing;
  metrics: Metric[];
  parents: Indicator[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const item = editing.mode === 'edit' ? editing.item : null;
  const isGroup = item?.isGroup ?? false;
  const method = Form.useWatch('method', form) ?? 'manual';
  const metric = Form.useWatch('metric', form);
  const parentName = editing.mode === 'add' && editing.parentId !== null ? parents.find((p) => p.id === editing.parentId)?.name : null;

  const submit = async (v: FormValues) => {
    setSaving(true);
    try {
      const body: IndicatorInput = {
        name: v.name, description: v.description?.trim() || null, sortOrder: v.sortOrder,
        ...(isGroup ? {} : { maxPoints: v.maxPoints ?? 0, method: v.method, metric: v.method === 'computed' ? v.metric ?? null : null, params: v.method === 'computed' && v.metric === 'leadInterpretations' && v.target ? { target: v.target } : {} }),
      };
      if (editing.mode === 'add') await api.addIndicator(setId, { ...body, parentId: editing.parentId });
      else await api.updateIndicator(editing.item.id, body);
      message.success(s.saved);
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing.mode === 'add' ? (parentName ? `${s.addChild}：${parentName}` : s.addTop) : `${s.edit}：${item?.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={s.save}
      cancelText={s.cancel}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={item ? {
          name: item.name, description: item.description ?? undefined, maxPoints: item.maxPoints, sortOrder: item.sortOrder,
          method: item.method === 'computed' ? 'computed' : 'manual', metric: item.metric ?? undefined, target: typeof item.params.target === 'number' ? item.params.target : undefined,
        } : { method: 'manual' }}
      >
        <Form.Item name="name" label={s.indicator} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item>
        {isGroup ? <Typography.Paragraph type="secondary">{s.groupPointsNote}（{item?.maxPoints}）</Typography.Paragraph> : (
          <>
            <Form.Item name="maxPoints" label={s.maxPoints} rules={[{ required: true }]}><InputNumber min={0} max={1000} step={0.5} precision={1} /></Form.Item>
            <Form.Item name="method" label={s.method}>
              <Radio.Group options={[{ value: 'computed', label: s.methods.computed }, { value: 'manual', label: s.methods.manual }]} />
            </Form.Item>
            {method === 'computed' && (
              <Form.Item name="metric" label={s.metric} rules={[{ required: true }]} extra={metrics.find((m) => m.key === metric)?.rule}>
                <Select options={metrics.map((m) => ({ value: m.key, label: m.label }))} />
              </Form.Item>
            )}
            {method === 'computed' && metric === 'leadInterpretations' && (
              <Form.Item name="target" label={s.target}><InputNumber min={1} max={20} precision={0} placeholder="2" /></Form.Item>
            )}
          </>
        )}
        <Form.Item name="description" label={s.rule}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item name="sortOrder" label={s.order}><InputNumber min={0} max={100000} precision={0} /></Form.Item>
      </Form>
    </Modal>
  );
}
