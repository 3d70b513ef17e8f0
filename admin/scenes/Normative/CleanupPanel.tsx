/**
 * 清理 (谁制定、谁清理): the office opens a campaign (each document in force becomes an item of its
 * issuing unit), follows every unit's progress and closes it — the server refuses while items are
 * unconfirmed (CLEANUP_INCOMPLETE), and the office may then force it. Units confirm a decision
 * (继续有效 / 拟修改 / 废止 / 宣布失效, with the reason unless kept) on each of their documents.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Modal, Popconfirm, Progress, Radio, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import { cleanupCampaigns as api } from '../../api/endpoints.ts';
import type { CleanupCampaign, CleanupDecision, CleanupItem } from '../../api/types.ts';
import { chinaDay, formatDate, formatDateTime } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { ValidityTag } from './shared.tsx';

const n = t.normative;
const c = t.normative.cleanup;
const DECISIONS: CleanupDecision[] = ['keep', 'amend', 'repeal', 'expire'];

export function CleanupPanel() {
  const user = useUser();
  const office = user.role === 'office';
  const [params, setParams] = useSearchParams();
  const campaigns = useLoad(() => api.list(), []);
  const items = campaigns.data?.items ?? [];
  const requested = Number(params.get('campaign')) || undefined;
  const selectedId = items.some((x) => x.id === requested) ? requested : items[0]?.id;
  const [opening, setOpening] = useState(false);

  const select = (id: number) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    next.set('campaign', String(id));
    return next;
  }, { replace: true });

  return (
    <>
      <div className="gk-toolbar">
        <Select
          aria-label={c.campaigns}
          style={{ width: 360 }}
          placeholder={c.pick}
          value={selectedId}
          loading={campaigns.loading}
          onChange={select}
          options={items.map((x) => ({ value: x.id, label: `${x.title}（${c.state[x.state] ?? x.state}）` }))}
        />
        <span className="gk-spacer" />
        {office && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>{c.open}</Button>}
      </div>
      {campaigns.error && <Alert type="error" showIcon title={campaigns.error} style={{ marginBottom: 12 }} />}
      {!campaigns.loading && !campaigns.error && items.length === 0 && <Empty description={c.none} />}
      {selectedId && <Campaign key={selectedId} id={selectedId} onChanged={() => void campaigns.reload()} />}
      <OpenModal
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={(created) => {
          setOpening(false);
          void campaigns.reload().then(() => select(created.id));
        }}
      />
    </>
  );
}

function Campaign({ id, onChanged }: { id: number; onChanged(): void }) {
  const user = useUser();
  const { message, modal } = App.useApp();
  const office = user.role === 'office';
  const seesAll = office || user.role === 'observer';
  const load = useLoad(() => api.get(id), [id]);
  const [unitFilter, setUnitFilter] = useState<number | undefined>(undefined);
  const [pendingOnly, setPendingOnly] = useState(false);
  const itemsLoad = useLoad(() => api.items(id, { unitId: unitFilter, pending: pendingOnly || undefined }), [id, unitFilter, pendingOnly]);
  const [confirming, setConfirming] = useState<CleanupItem | null>(null);
  const campaign = load.data;
  const open = campaign?.state === 'open';

  const close = async (force: boolean) => {
    try {
      const after = await api.close(id, force);
      load.setData(after);
      message.success(c.closed);
      onChanged();
      void itemsLoad.reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CLEANUP_INCOMPLETE' && !force) {
        modal.confirm({
          title: c.forceClose,
          content: <><p>{e.message}</p><p className="gk-muted">{c.forceConfirm}</p></>,
          okText: c.forceClose,
          okButtonProps: { danger: true },
          cancelText: t.common.cancel,
          onOk: () => close(true),
        });
        return;
      }
      if (e instanceof ApiError && e.status === 409) {
        modal.warning({ title: errorMessage(e) });
        void load.reload();
        return;
      }
      message.error(errorMessage(e));
    }
  };

  const canConfirm = (item: CleanupItem) => open && (office || (user.role !== 'observer' && user.unitId === item.unitId));

  if (load.error) return <Alert type="error" showIcon title={load.error} />;
  if (!campaign) return null;
  const percent = campaign.total ? Math.round((campaign.confirmed / campaign.total) * 100) : 0;

  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={<>{campaign.title} <span className="gk-tag" style={open ? { color: '#613400', background: '#fffbe6', borderColor: '#ffd666' } : { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' }}>{c.state[campaign.state]}</span></>}
        extra={office && open && (
          <Popconfirm title={c.closeConfirm} okText={c.close} cancelText={t.common.cancel} onConfirm={() => close(false)}>
            <Button danger>{c.close}</Button>
          </Popconfirm>
        )}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'year', label: c.year, children: `${campaign.year}年` },
            { key: 'due', label: c.dueOn, children: formatDate(campaign.dueOn) || '—' },
            { key: 'opened', label: '开展时间', children: formatDateTime(campaign.openedAt) },
            ...(campaign.closedAt ? [{ key: 'closed', label: '结束时间', children: formatDateTime(campaign.closedAt) }] : []),
            ...(campaign.validListPublishedAt ? [{ key: 'valid', label: c.validListPublishedAt, children: formatDateTime(campaign.validListPublishedAt) }] : []),
          ]}
        />
        <div style={{ maxWidth: 480 }}>
          <span className="gk-muted">{c.progress}：{c.confirmed(campaign.confirmed, campaign.total)}</span>
          <Progress percent={percent} aria-label={c.progress} />
        </div>
      </Card>

      {seesAll && (
        <Card size="small" title={c.units} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="unitId"
            dataSource={campaign.units}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(r) => ({ onClick: () => setUnitFilter(r.unitId), style: { cursor: 'pointer', background: r.unitId === unitFilter ? '#e6f4ff' : undefined } })}
            columns={[
              { title: n.unit, dataIndex: 'unitName' },
              {
                title: c.progress, key: 'p', width: 220,
                render: (_, r) => <Progress size="small" percent={r.total ? Math.round((r.confirmed / r.total) * 100) : 0} format={() => `${r.confirmed}/${r.total}`} />,
              },
              ...DECISIONS.map((d) => ({ title: c.decisions[d], key: d, width: 90, align: 'center' as const, render: (_: unknown, r: CleanupCampaign['units'][number]) => r.decisions[d] || '' })),
            ]}
          />
        </Card>
      )}

      <Card size="small" title={seesAll ? c.items : c.myItems}>
        <div className="gk-toolbar">
          {seesAll && (
            <Select
              aria-label={n.unit}
              style={{ width: 240 }}
              allowClear
              placeholder={t.publications.filters.allUnits}
              value={unitFilter}
              onChange={setUnitFilter}
              showSearch={{ optionFilterProp: 'label' }}
              options={campaign.units.map((u) => ({ value: u.unitId, label: u.unitName }))}
            />
          )}
          <Checkbox checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)}>{c.pendingOnly}</Checkbox>
        </div>
        {itemsLoad.error && <Alert type="error" showIcon title={itemsLoad.error} style={{ marginBottom: 12 }} />}
        <Table<CleanupItem>
          size="small"
          rowKey="documentId"
          loading={itemsLoad.loading}
          dataSource={itemsLoad.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(r) => ({ 'data-document-id': r.documentId, 'data-decision': r.decision ?? '' } as HTMLAttributes<HTMLElement>)}
          scroll={{ x: 900 }}
          columns={[
            { title: n.regNumber, key: 'reg', width: 140, render: (_, r) => <Link to={`/normative/${r.documentId}`}>{r.regNumber}</Link> },
            {
              title: n.titleField, key: 'title',
              render: (_, r) => <>{r.title}<div className="gk-muted" style={{ fontSize: 12 }}>{r.docNumber ?? ''}{seesAll && <>{r.docNumber && ' · '}{r.unitName}</>}</div></>,
            },
            { title: n.validity, key: 'validity', width: 90, render: (_, r) => <ValidityTag validity={r.validity} label={r.validityLabel} /> },
            { title: n.validUntil, key: 'until', width: 120, render: (_, r) => formatDate(r.validUntil) || '—' },
            {
              title: c.decision, key: 'decision', width: 240,
              render: (_, r) => (r.decision
                ? <>{r.decisionLabel ?? c.decisions[r.decision]}{r.note && <div className="gk-muted" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>{r.note}</div>}
                  {r.confirmedAt && <div className="gk-muted" style={{ fontSize: 12 }}>{r.confirmedByName ?? ''} {formatDateTime(r.confirmedAt)}</div>}</>
                : <span className="gk-muted">{c.pending}</span>),
            },
            {
              title: t.common.actions, key: 'a', width: 90,
              render: (_, r) => canConfirm(r) && (
                <Button size="small" type={r.decision ? 'default' : 'primary'} onClick={() => setConfirming(r)} aria-label={`${r.decision ? c.change : c.confirm}：${r.title}`}>
                  {r.decision ? c.change : c.confirm}
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <ConfirmModal
        item={confirming}
        onClose={() => setConfirming(null)}
        onDone={() => {
          setConfirming(null);
          void itemsLoad.reload();
          void load.reload();
          onChanged();
        }}
        onConflict={(e) => {
          setConfirming(null);
          modal.warning({ title: errorMessage(e) });
          void load.reload();
        }}
      />
    </>
  );
}

function ConfirmModal({ item, onClose, onDone, onConflict }: { item: CleanupItem | null; onClose(): void; onDone(): void; onConflict(e: unknown): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: CleanupDecision; note: string }>();
  const decision = Form.useWatch('decision', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: { decision: CleanupDecision; note: string }) => {
    if (!item) return;
    setBusy(true);
    setError(null);
    try {
      await api.confirm(item.campaignId, item.documentId, v.decision, v.note?.trim() || null);
      message.success(c.confirmedItem);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onConflict(e);
      else setError(showServerError(form, e, { CLEANUP_NOTE_REQUIRED: 'note' }, ['decision', 'note']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={item !== null}
      title={item ? c.confirmTitle(item.title) : ''}
      okText={c.confirm}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => { if (o) setError(null); }}
      onOk={() => void form.validateFields().then(submit, () => undefined)}
    >
      {item && <Typography.Paragraph className="gk-muted">{item.regNumber} · {item.docNumber ?? ''} · {item.unitName}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} onValuesChange={clearErrorsOf(form)} layout="vertical" name="cleanup-confirm" preserve={false} initialValues={{ decision: item?.decision ?? 'keep', note: item?.note ?? '' }}>
        <Form.Item name="decision" label={c.decision} rules={[{ required: true }]}>
          <Radio.Group options={DECISIONS.map((d) => ({ value: d, label: c.decisions[d] }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={c.note}
          extra={c.noteHint}
          rules={[{ required: decision !== undefined && decision !== 'keep', whitespace: true, message: c.noteRequired }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OpenModal({ open, onClose, onOpened }: { open: boolean; onClose(): void; onOpened(c: CleanupCampaign): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; year: number; dueOn: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const year = useMemo(() => Number(chinaDay().slice(0, 4)), []);

  const submit = async (v: { title: string; year: number; dueOn: string }) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.open({ title: v.title.trim(), year: Number(v.year), dueOn: v.dueOn });
      message.success(c.opened);
      onOpened(created);
    } catch (e) {
      setError(showServerError(form, e, { CLEANUP_TITLE_REQUIRED: 'title', CLEANUP_DUE_IN_PAST: 'dueOn', NORMATIVE_DATE_INVALID: 'dueOn' }, ['title', 'year', 'dueOn']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={c.open}
      okText={c.open}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => { if (o) setError(null); }}
      onOk={() => void form.validateFields().then(submit, () => undefined)}
    >
      <p className="gk-muted">{c.openHint}</p>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} onValuesChange={clearErrorsOf(form)} layout="vertical" name="cleanup-open" preserve={false} initialValues={{ title: `${year}年度行政规范性文件清理`, year }}>
        <Form.Item name="title" label={c.titleField} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
          <Input placeholder={c.titlePlaceholder} />
        </Form.Item>
        <Form.Item name="year" label={c.year} rules={[{ required: true }]}>
          <Select options={[year + 1, year, year - 1].map((y) => ({ value: y, label: `${y}年` }))} />
        </Form.Item>
        <Form.Item name="dueOn" label={c.dueOn} rules={[{ required: true }]}>
          <Input type="date" min={chinaDay()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
