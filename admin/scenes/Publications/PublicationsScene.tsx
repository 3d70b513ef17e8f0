/**
 * 政府信息 (主动公开): the publications the user may see — a unit its own, the office and observers
 * all with a unit filter — filtered by state, platform column, kind, catalogue node, year, text and
 * the Art. 26 late flag (filters and page kept in the URL); and 待我审查, the drafts waiting for the
 * user's 保密审查 (approve to publish, or return with the reason; a 409 is explained and the list
 * reloads).
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import { publications as api, units as unitsApi } from '../../api/endpoints.ts';
import type { PlatformColumn, Publication, PublicationKind, PublicationQuery, PublicationState } from '../../api/types.ts';
import { chinaDay, formatDate, formatDateTime } from '../../components/format.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { CatalogueSelect, options, PublicationStateTag, TimelinessTag, yearOptions } from './shared.tsx';

const p = t.publications;
const PAGE_SIZE = 20;

const pick = <T extends string>(value: string | null, allowed: Record<string, string>): T | undefined =>
  value && value in allowed ? (value as T) : undefined;
const num = (value: string | null): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export default function PublicationsScene() {
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const seesAll = user.role === 'office' || user.role === 'observer';
  const mayReview = user.role === 'office' || user.role === 'unitAdmin';
  const tab = mayReview && params.get('tab') === 'reviewing' ? 'reviewing' : 'list';

  const query: PublicationQuery = {
    unitId: seesAll ? num(params.get('unit')) : undefined,
    state: pick<PublicationState>(params.get('state'), p.states),
    column: pick<PlatformColumn>(params.get('column'), p.columns),
    kind: pick<PublicationKind>(params.get('kind'), p.kinds),
    nodeId: num(params.get('node')),
    year: num(params.get('year')),
    q: params.get('q') ?? undefined,
    late: params.get('late') === '1' ? true : undefined,
    page: num(params.get('page')) ?? 1,
    pageSize: PAGE_SIZE,
  };
  const key = JSON.stringify(query);
  const list = useLoad(tab === 'list' ? () => api.list(query) : null, [key, tab]);
  const reviewPage = num(params.get('rpage')) ?? 1;
  const reviewing = useLoad(mayReview ? () => api.list({ reviewing: true, state: 'inReview', page: reviewPage, pageSize: PAGE_SIZE }) : null, [mayReview, reviewPage]);
  const unitList = useLoad(seesAll ? () => unitsApi.list() : null, [seesAll]);
  const [qInput, setQInput] = useState(query.q ?? '');

  const setParam = (changes: Record<string, string | number | undefined>, keepPage = false) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    return next;
  }, { replace: true });

  const thisYear = Number(chinaDay().slice(0, 4));
  const catalogueUnit = seesAll ? query.unitId : user.unitId;

  const columns: ColumnsType<Publication> = [
    { title: p.indexNumber, key: 'index', width: 150, render: (_, r) => r.indexNumber ?? <span className="gk-muted">—</span> },
    {
      title: p.titleField, key: 'title',
      render: (_, r) => (
        <>
          <Link to={`/publications/${r.id}`}>{r.title}</Link>
          <div className="gk-muted" style={{ fontSize: 12 }}>
            {seesAll && <>{r.unitName} · </>}
            {p.columnsShort[r.platformColumn] ?? r.platformColumn}
            {r.kind !== 'general' && <> · {p.kinds[r.kind] ?? r.kind}</>}
            {r.nodes.length > 0 && <> · {r.nodes.map((n) => n.name).join('、')}</>}
          </div>
        </>
      ),
    },
    { title: p.docNumber, dataIndex: 'docNumber', key: 'doc', width: 180, render: (v: string | null) => v ?? <span className="gk-muted">—</span> },
    { title: p.publishedOn, key: 'publishedOn', width: 130, render: (_, r) => (r.publishedOn ? formatDate(r.publishedOn) : <span className="gk-muted">—</span>) },
    { title: p.state, key: 'state', width: 100, render: (_, r) => <PublicationStateTag state={r.state} /> },
    { title: p.timelinessTitle, key: 'timeliness', width: 190, render: (_, r) => <TimelinessTag pub={r} /> },
  ];

  const listTab = (
    <>
      <div className="gk-toolbar">
        {seesAll && (
          <Select
            aria-label={p.unit}
            style={{ width: 220 }}
            value={query.unitId ?? ''}
            onChange={(v) => setParam({ unit: v || undefined, node: undefined })}
            showSearch={{ optionFilterProp: 'label' }}
            loading={unitList.loading}
            options={[{ value: '', label: p.filters.allUnits }, ...(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))]}
          />
        )}
        <Select
          aria-label={p.state}
          style={{ width: 130 }}
          value={query.state ?? ''}
          onChange={(v) => setParam({ state: v })}
          options={[{ value: '', label: p.filters.allStates }, ...options(p.states)]}
        />
        <Select
          aria-label={p.column}
          style={{ width: 170 }}
          value={query.column ?? ''}
          onChange={(v) => setParam({ column: v })}
          options={[{ value: '', label: p.filters.allColumns }, ...options(p.columnsShort)]}
        />
        <Select
          aria-label={p.kind}
          style={{ width: 150 }}
          value={query.kind ?? ''}
          onChange={(v) => setParam({ kind: v })}
          options={[{ value: '', label: p.filters.allKinds }, ...options(p.kinds)]}
        />
        <CatalogueSelect
          unitId={catalogueUnit}
          value={query.nodeId}
          onChange={(v) => setParam({ node: typeof v === 'number' ? v : undefined })}
          style={{ width: 220 }}
          placeholder={p.filters.node}
          ariaLabel={p.filters.node}
        />
        <Select
          aria-label={p.filters.year}
          style={{ width: 130 }}
          value={query.year ?? ''}
          onChange={(v) => setParam({ year: v || undefined })}
          options={[{ value: '', label: `${p.filters.year}：${t.common.all}` }, ...yearOptions(thisYear)]}
        />
        <Input.Search
          aria-label={p.filters.search}
          placeholder={p.filters.search}
          allowClear
          style={{ width: 240 }}
          value={qInput}
          onChange={(e) => {
            setQInput(e.target.value);
            if (!e.target.value) setParam({ q: undefined });
          }}
          onSearch={(v) => setParam({ q: v.trim() || undefined })}
        />
        <Checkbox checked={!!query.late} onChange={(e) => setParam({ late: e.target.checked ? '1' : undefined })}>{p.filters.late}</Checkbox>
        <span className="gk-spacer" />
        <span className="gk-muted">{p.count(list.data?.total ?? 0)}</span>
        {user.role !== 'observer' && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/publications/new')}>{p.create}</Button>}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<Publication>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        onRow={(r) => ({ 'data-publication-id': r.id, 'data-state': r.state } as HTMLAttributes<HTMLElement>)}
        pagination={{
          current: query.page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true,
          showTotal: (n) => p.count(n),
          onChange: (page) => setParam({ page }, true),
        }}
        scroll={{ x: 1000 }}
      />
    </>
  );

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{p.title}</Typography.Title>
      <p className="gk-page-intro">{p.intro}</p>
      {mayReview ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams((prev) => {
            const next = new URLSearchParams(prev);
            if (k === 'reviewing') next.set('tab', 'reviewing');
            else next.delete('tab');
            return next;
          }, { replace: true })}
          items={[
            { key: 'list', label: p.tabs.list, children: listTab },
            {
              key: 'reviewing',
              label: `${p.tabs.reviewing}${reviewing.data?.total ? `（${reviewing.data.total}）` : ''}`,
              children: (
                <ReviewingList
                  load={reviewing}
                  page={reviewPage}
                  onPage={(rpage) => setParam({ rpage }, true)}
                  onChanged={() => void list.reload()}
                />
              ),
            },
          ]}
        />
      ) : listTab}
    </>
  );
}

type ListLoad = ReturnType<typeof useLoad<{ items: Publication[]; total: number }>>;

/** 待我审查: approve (publish) or return with the reason. */
function ReviewingList({ load, page, onPage, onChanged }: { load: ListLoad; page: number; onPage(p: number): void; onChanged(): void }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const [returning, setReturning] = useState<Publication | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const items = useMemo(() => load.data?.items ?? [], [load.data]);

  const decide = async (pub: Publication, decision: 'approve' | 'return', note?: string) => {
    setBusy(pub.id);
    try {
      const after = await api.review(pub.id, decision, note);
      message.success(decision === 'approve' ? p.approved(after.indexNumber ?? '') : p.returned);
      setReturning(null);
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setReturning(null);
        modal.warning({ title: p.conflict, content: e.message });
      } else {
        message.error(errorMessage(e));
        return;
      }
    } finally {
      setBusy(null);
    }
    await load.reload();
    onChanged();
  };

  return (
    <>
      {load.error && <Alert type="error" showIcon title={load.error} style={{ marginBottom: 12 }} />}
      <Table<Publication>
        rowKey="id"
        size="middle"
        loading={load.loading}
        dataSource={items}
        locale={{ emptyText: p.noReviewing }}
        expandable={{
          expandedRowRender: (r) => (
            r.bodyHtml
              ? <div className="gk-rich" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
              : <span className="gk-muted">{p.noBody}</span>
          ),
        }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: load.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: onPage }}
        onRow={(r) => ({ 'data-publication-id': r.id } as HTMLAttributes<HTMLElement>)}
        scroll={{ x: 900 }}
        columns={[
          {
            title: p.titleField, key: 'title',
            render: (_, r) => (
              <>
                <Link to={`/publications/${r.id}`}>{r.title}</Link>
                <div className="gk-muted" style={{ fontSize: 12 }}>{r.unitName} · {p.columnsShort[r.platformColumn] ?? r.platformColumn}{r.docNumber && <> · {r.docNumber}</>}</div>
              </>
            ),
          },
          { title: p.updatedAt, key: 'updatedAt', width: 150, render: (_, r) => formatDateTime(r.updatedAt) },
          { title: p.timelinessTitle, key: 'timeliness', width: 190, render: (_, r) => <TimelinessTag pub={r} /> },
          {
            title: t.common.actions, key: 'actions', width: 180,
            render: (_, r) => (
              <Space>
                <Popconfirm title={p.approveConfirm(r.title)} okText={p.approve} cancelText={t.common.cancel} onConfirm={() => decide(r, 'approve')}>
                  <Button size="small" type="primary" loading={busy === r.id} aria-label={`${p.approve}：${r.title}`}>{p.approve}</Button>
                </Popconfirm>
                <Button size="small" danger onClick={() => setReturning(r)} aria-label={`${p.return}：${r.title}`}>{p.return}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={returning !== null}
        title={returning ? p.returnTitle(returning.title) : ''}
        okText={p.return}
        okButtonProps={{ danger: true, loading: busy !== null }}
        cancelText={t.common.cancel}
        onCancel={() => setReturning(null)}
        onOk={() => void form.validateFields().then((v) => returning && decide(returning, 'return', v.note.trim()), () => undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="publication-return" preserve={false}>
          <Form.Item name="note" label={p.returnReason} rules={[{ required: true, whitespace: true, message: p.returnReasonRequired }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
