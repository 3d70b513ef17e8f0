/**
 * 人工评分: pick a manual indicator, see every unit in scope with its score (unscored = full points,
 * scoring by deduction), and enter a score with the reason and evidence links.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { useLoad } from '../../components/useLoad.ts';
import { evaluations as api, type IndicatorSetDetail, type ManualScore } from './api.ts';
import { s } from './strings.ts';

interface Row {
  unitId: number;
  unitName: string;
  score: ManualScore | undefined;
}

export function ManualScores({ set, editable }: { set: IndicatorSetDetail; editable: boolean }) {
  const { message } = App.useApp();
  const leaves = set.indicators.filter((i) => !i.isGroup && i.method === 'manual');
  const [indicatorId, setIndicatorId] = useState<number | undefined>(leaves[0]?.id);
  const current = leaves.find((l) => l.id === indicatorId) ?? leaves[0];
  const scores = useLoad(current ? () => api.scores(set.id, { indicatorId: current.id }) : null, [set.id, current?.id]);
  const [editing, setEditing] = useState<Row | null>(null);
  // units the office has scored first (the deductions), then the others (full points)
  const rows = useMemo<Row[]>(() => set.units.map((u) => ({ unitId: u.id, unitName: u.name, score: scores.data?.items.find((x) => x.unitId === u.id) }))
    .sort((a, b) => Number(!!b.score) - Number(!!a.score)), [set.units, scores.data]);

  if (!current) return <Typography.Paragraph>{s.noManualLeaves}</Typography.Paragraph>;
  const clear = async (unitId: number) => {
    try {
      await api.removeScore(current.id, unitId);
      await scores.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={s.manualNote} />
      <div className="gk-toolbar">
        <Select
          aria-label={s.manualLeaf}
          style={{ minWidth: 320 }}
          value={current.id}
          onChange={setIndicatorId}
          options={leaves.map((l) => ({ value: l.id, label: `${l.name}（${l.maxPoints}分）` }))}
        />
      </div>
      {current.description && <Typography.Paragraph type="secondary">{s.rule}：{current.description}</Typography.Paragraph>}
      {scores.error && <Alert type="error" showIcon title={scores.error} />}
      <Table<Row>
        size="small"
        rowKey="unitId"
        loading={scores.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: s.unit, dataIndex: 'unitName' },
          { title: s.points, key: 'points', width: 110, align: 'right', render: (_, r) => (r.score ? r.score.points : <Typography.Text type="secondary">{current.maxPoints}</Typography.Text>) },
          {
            title: s.note, key: 'note',
            render: (_, r) => (r.score ? (
              <>
                <div>{r.score.note}</div>
                {r.score.evidence.map((e, i) => <div key={i}><a href={e} target="_blank" rel="noopener noreferrer">{e}</a></div>)}
              </>
            ) : <Typography.Text type="secondary">{s.notScored}</Typography.Text>),
          },
          ...(editable ? [{
            title: s.actions, key: 'a', width: 160,
            render: (_: unknown, r: Row) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(r)}>{s.scoreUnit}</Button>
                {r.score && <Popconfirm title={`${s.clearScore}？`} onConfirm={() => clear(r.unitId)}><Button size="small" type="link">{s.clearScore}</Button></Popconfirm>}
              </Space>
            ),
          }] : []),
        ]}
      />
      {editing && (
        <ScoreModal
          indicatorId={current.id}
          maxPoints={current.maxPoints}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await scores.reload();
          }}
        />
      )}
    </>
  );
}

function ScoreModal({ indicatorId, maxPoints, row, onClose, onSaved }: { indicatorId: number; maxPoints: number; row: Row; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ points: number; note?: string; evidence?: string }>();
  const [saving, setSaving] = useState(false);
  const points = Form.useWatch('points', form);
  const submit = async (v: { points: number; note?: string; evidence?: string }) => {
    setSaving(true);
    try {
      await api.putScore(indicatorId, row.unitId, { points: v.points, note: v.note?.trim() || null, evidence: (v.evidence ?? '').split('\n').map((x) => x.trim()).filter(Boolean) });
      message.success(s.saved);
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`${s.scoreUnit}：${row.unitName}`} onCancel={onClose} onOk={() => form.submit()} okText={s.save} cancelText={s.cancel} confirmLoading={saving} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ points: row.score?.points ?? maxPoints, note: row.score?.note ?? undefined, evidence: row.score?.evidence.join('\n') }}
      >
        <Form.Item name="points" label={`${s.points}（0–${maxPoints}）`} rules={[{ required: true }]}>
          <InputNumber min={0} max={maxPoints} step={0.5} precision={1} />
        </Form.Item>
        <Form.Item name="note" label={s.note} rules={[{ required: typeof points === 'number' && points < maxPoints, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="evidence" label={s.evidence}><Input.TextArea rows={2} placeholder="https://…" /></Form.Item>
      </Form>
    </Modal>
  );
}
