/**
 * 政府公报 (office; observers read): the issues by year; one issue's table of contents (序号, 栏目,
 * 标题, 文号, 发文机关, 主题分类); the office creates an issue, adds, edits and removes its
 * documents, publishes it (public, indexed for search) or takes it back to a draft, and deletes a
 * draft. The chosen issue is kept in the URL.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert, App, AutoComplete, Button, Card, Col, Drawer, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Row, Select, Skeleton, Space, Table, Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import { gazette as api, publications as publicationsApi, units as unitsApi } from '../../api/endpoints.ts';
import type { GazetteArticle, GazetteArticleDetail, GazetteArticleInput, GazetteIssue, GazetteIssueDetail } from '../../api/types.ts';
import { chinaDay, formatDate } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { PolicySelect } from '../Interpretations/shared.tsx';

const g = t.gazette;

const STATE_STYLE: Record<string, { color: string; background: string; borderColor: string }> = {
  draft: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
  published: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
};

function IssueStateTag({ issue }: { issue: GazetteIssue }) {
  return <span className="gk-tag" data-state={issue.state} style={STATE_STYLE[issue.state] ?? STATE_STYLE.draft}>{issue.stateLabel || g.states[issue.state]}</span>;
}

export default function GazetteScene() {
  const user = useUser();
  const office = user.role === 'office';
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const issues = useLoad(() => api.issues({ year }), [year]);
  const all = issues.data?.items ?? [];
  const requested = Number(params.get('issue')) || undefined;
  const selectedId = requested ?? all[0]?.id;
  const [creating, setCreating] = useState(false);
  const thisYear = Number(chinaDay().slice(0, 4));
  const years = useMemo(() => {
    const ys = new Set<number>([thisYear, ...all.map((i) => i.year)]);
    if (year) ys.add(year);
    return [...ys].sort((a, b) => b - a);
  }, [all, thisYear, year]);

  const setParam = (changes: Record<string, string | number | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    return next;
  }, { replace: true });

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{g.title}</Typography.Title>
      <p className="gk-page-intro">{g.intro}</p>
      <Row gutter={16}>
        <Col xs={24} lg={7}>
          <Card
            size="small"
            title={g.issues}
            extra={office && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{g.newIssue}</Button>}
            style={{ marginBottom: 16 }}
          >
            <Select
              aria-label={g.year}
              style={{ width: '100%', marginBottom: 8 }}
              value={year ?? ''}
              onChange={(v) => setParam({ year: v || undefined, issue: undefined })}
              options={[{ value: '', label: g.allYears }, ...years.map((y) => ({ value: y, label: `${y}年` }))]}
            />
            {issues.error && <Alert type="error" showIcon title={issues.error} />}
            <List<GazetteIssue>
              size="small"
              loading={issues.loading}
              dataSource={all}
              locale={{ emptyText: g.noIssues }}
              pagination={all.length > 12 ? { pageSize: 12, size: 'small', showSizeChanger: false } : false}
              renderItem={(i) => (
                <List.Item
                  onClick={() => setParam({ issue: i.id })}
                  style={{ cursor: 'pointer', background: i.id === selectedId ? '#e6f4ff' : undefined, paddingInline: 8 }}
                  data-issue-id={i.id}
                >
                  <button type="button" className="gk-link-button" onClick={() => setParam({ issue: i.id })} aria-current={i.id === selectedId ? 'true' : undefined}>
                    {i.label}
                  </button>
                  <span><IssueStateTag issue={i} /> <span className="gk-muted" style={{ fontSize: 12 }}>{g.articleCount(i.articleCount)}</span></span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          {selectedId ? (
            <IssuePanel key={selectedId} id={selectedId} onChanged={() => void issues.reload()} onDeleted={() => { setParam({ issue: undefined }); void issues.reload(); }} />
          ) : (
            <Card size="small"><Empty description={g.pickIssue} /></Card>
          )}
        </Col>
      </Row>
      <IssueModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(created) => {
          setCreating(false);
          setParam({ issue: created.id, year: undefined });
          void issues.reload();
        }}
      />
    </>
  );
}

function IssuePanel({ id, onChanged, onDeleted }: { id: number; onChanged(): void; onDeleted(): void }) {
  const user = useUser();
  const office = user.role === 'office';
  const { message, modal } = App.useApp();
  const load = useLoad(() => api.issue(id), [id]);
  const [editingIssue, setEditingIssue] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [article, setArticle] = useState<GazetteArticle | 'new' | null>(null);
  const issue = load.data;

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      modal.warning({ title: e.message });
      void load.reload();
      onChanged();
      return;
    }
    message.error(errorMessage(e));
  };

  const changed = (next: GazetteIssueDetail) => {
    load.setData(next);
    onChanged();
  };

  if (load.error) return <Alert type="error" showIcon title={load.error} />;
  if (!issue) return <Card size="small"><Skeleton active /></Card>;
  const draft = issue.state === 'draft';

  return (
    <Card
      size="small"
      title={<>{issue.label} <IssueStateTag issue={issue} /></>}
      extra={issue.state === 'published' && <a href={issue.url} target="_blank" rel="noopener">{g.viewPublic}</a>}
    >
      <div className="gk-toolbar">
        <span className="gk-muted">{g.publishedOn}：{formatDate(issue.publishedOn) || '—'}</span>
        <span className="gk-spacer" />
        {office && (
          <Space wrap>
            <Button onClick={() => setEditingIssue(true)}>{g.editIssue}</Button>
            <Button icon={<PlusOutlined />} onClick={() => setArticle('new')}>{g.addArticle}</Button>
            {draft && <Button type="primary" onClick={() => setPublishing(true)}>{g.publish}</Button>}
            {!draft && (
              <Popconfirm
                title={g.unpublishConfirm}
                okText={g.unpublish}
                cancelText={t.common.cancel}
                onConfirm={async () => {
                  try {
                    changed(await api.unpublish(issue.id));
                    message.success(g.unpublished);
                  } catch (e) {
                    failed(e);
                  }
                }}
              >
                <Button danger>{g.unpublish}</Button>
              </Popconfirm>
            )}
            {draft && (
              <Popconfirm
                title={g.deleteIssueConfirm}
                okText={t.common.delete}
                okButtonProps={{ danger: true }}
                cancelText={t.common.cancel}
                onConfirm={async () => {
                  try {
                    await api.deleteIssue(issue.id);
                    message.success(g.issueDeleted);
                    onDeleted();
                  } catch (e) {
                    failed(e);
                  }
                }}
              >
                <Button danger>{g.deleteIssue}</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </div>
      <Table<GazetteArticle>
        rowKey="id"
        size="small"
        dataSource={issue.articles}
        pagination={issue.articles.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: g.noArticles }}
        onRow={(r) => ({ 'data-article-id': r.id } as HTMLAttributes<HTMLElement>)}
        scroll={{ x: 800 }}
        columns={[
          { title: g.seq, dataIndex: 'seq', width: 64, align: 'center' },
          { title: g.category, dataIndex: 'category', width: 130 },
          {
            title: g.titleField, key: 'title',
            render: (_, r) => (
              <>
                {issue.state === 'published' ? <a href={r.url} target="_blank" rel="noopener">{r.title}</a> : r.title}
                {r.docNumber && <div className="gk-muted" style={{ fontSize: 12 }}>{r.docNumber}</div>}
              </>
            ),
          },
          { title: g.issuingBody, dataIndex: 'issuingBody', width: 170 },
          { title: g.topic, dataIndex: 'topic', width: 150, render: (v: string | null) => v ?? '—' },
          ...(office ? [{
            title: t.common.actions, key: 'a', width: 120,
            render: (_: unknown, r: GazetteArticle) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setArticle(r)}>{t.common.edit}</Button>
                <Popconfirm
                  title={g.deleteArticleConfirm(r.title)}
                  okText={t.common.delete}
                  okButtonProps={{ danger: true }}
                  cancelText={t.common.cancel}
                  onConfirm={async () => {
                    try {
                      await api.deleteArticle(r.id);
                      message.success(g.articleDeleted);
                      void load.reload();
                      onChanged();
                    } catch (e) {
                      failed(e);
                    }
                  }}
                >
                  <Button size="small" type="link" danger>{g.deleteArticle}</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <IssueModal
        open={editingIssue}
        issue={issue}
        onClose={() => setEditingIssue(false)}
        onSaved={(next) => {
          setEditingIssue(false);
          changed(next);
        }}
      />
      <PublishModal
        open={publishing}
        onClose={() => setPublishing(false)}
        onPublish={async (publishedOn) => {
          try {
            changed(await api.publish(issue.id, publishedOn || null));
            message.success(g.published);
            setPublishing(false);
            return null;
          } catch (e) {
            if (e instanceof ApiError && e.status === 409) {
              setPublishing(false);
              failed(e);
              return null;
            }
            return errorMessage(e);
          }
        }}
      />
      <ArticleDrawer
        issueId={issue.id}
        article={article}
        onClose={() => setArticle(null)}
        onSaved={() => {
          setArticle(null);
          void load.reload();
          onChanged();
        }}
      />
    </Card>
  );
}

interface IssueValues {
  year: number;
  number: number;
  totalNumber: number | null;
  publishedOn: string;
}

function IssueModal({ open, issue, onClose, onSaved }: { open: boolean; issue?: GazetteIssueDetail; onClose(): void; onSaved(i: GazetteIssueDetail): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const year = Number(chinaDay().slice(0, 4));

  const submit = async (v: IssueValues) => {
    setBusy(true);
    setError(null);
    const body = { year: v.year, number: v.number, totalNumber: v.totalNumber ?? null, publishedOn: v.publishedOn || null };
    try {
      const saved = issue ? await api.updateIssue(issue.id, body) : await api.createIssue(body);
      message.success(issue ? g.issueSaved : g.issueCreated);
      onSaved(saved);
    } catch (e) {
      setError(showServerError(form, e, {
        GAZETTE_ISSUE_EXISTS: 'number', GAZETTE_NUMBER_INVALID: 'number', GAZETTE_YEAR_INVALID: 'year', GAZETTE_TOTAL_NUMBER_INVALID: 'totalNumber',
        GAZETTE_DATE_INVALID: 'publishedOn', GAZETTE_DATE_REQUIRED: 'publishedOn', GAZETTE_DATE_IN_FUTURE: 'publishedOn',
      }, ['year', 'number', 'totalNumber', 'publishedOn']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={issue ? `${g.editIssue}：${issue.label}` : g.newIssue}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => { if (o) setError(null); }}
      onOk={() => void form.validateFields().then(submit, () => undefined)}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        onValuesChange={clearErrorsOf(form)}
        layout="vertical"
        name="gazette-issue"
        preserve={false}
        initialValues={issue ? { year: issue.year, number: issue.number, totalNumber: issue.totalNumber, publishedOn: issue.publishedOn ?? '' } : { year, publishedOn: '' }}
      >
        <Space wrap>
          <Form.Item name="year" label={g.year} rules={[{ required: true }]}><InputNumber min={1949} max={2100} /></Form.Item>
          <Form.Item name="number" label={g.number} rules={[{ required: true }]}><InputNumber min={1} max={999} /></Form.Item>
          <Form.Item name="totalNumber" label={g.totalNumber}><InputNumber min={1} max={99999} /></Form.Item>
        </Space>
        <Form.Item name="publishedOn" label={g.publishedOn} extra={issue?.state === 'published' ? undefined : g.publishedOnHint}>
          <Input type="date" max={chinaDay()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PublishModal({ open, onClose, onPublish }: { open: boolean; onClose(): void; onPublish(publishedOn: string): Promise<string | null> }) {
  const today = chinaDay();
  const [date, setDate] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title={g.publish}
      okText={g.publish}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => { if (o) setError(null); }}
      onOk={async () => {
        setBusy(true);
        try {
          setError(await onPublish(date));
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>{g.publishConfirm}</p>
      <label>{g.publishedOn}：<Input type="date" max={today} value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 180 }} aria-label={g.publishedOn} /></label>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

interface ArticleValues {
  seq: number | null;
  title: string;
  docNumber: string;
  issuingBody: string;
  unitId: number | null;
  category: string;
  topic: string;
  bodyText: string;
  publicationId: number | null;
}
const ARTICLE_FIELDS = ['seq', 'title', 'docNumber', 'issuingBody', 'unitId', 'category', 'topic', 'bodyText', 'publicationId'];
const ARTICLE_ERRORS = {
  GAZETTE_DOC_NUMBER_INVALID: 'docNumber', GAZETTE_DOC_NUMBER_TAKEN: 'docNumber', GAZETTE_TITLE_REQUIRED: 'title', GAZETTE_ISSUING_BODY_REQUIRED: 'issuingBody',
  GAZETTE_CATEGORY_INVALID: 'category', GAZETTE_UNIT_NOT_FOUND: 'unitId', GAZETTE_PUBLICATION_NOT_PUBLISHED: 'publicationId', GAZETTE_SEQ_INVALID: 'seq', GAZETTE_SEQ_TAKEN: 'seq',
};

function ArticleDrawer({ issueId, article, onClose, onSaved }: { issueId: number; article: GazetteArticle | 'new' | null; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp();
  const editingId = article && article !== 'new' ? article.id : null;
  const detail = useLoad<GazetteArticleDetail | undefined>(editingId ? () => api.article(editingId) : null, [editingId]);
  const unitList = useLoad(article ? () => unitsApi.list() : null, [article !== null]);
  const [form] = Form.useForm<ArticleValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const d = detail.data;
  const linked = useLoad(d?.publicationId ? () => publicationsApi.get(d.publicationId!) : null, [d?.publicationId]);

  const submit = async (v: ArticleValues) => {
    setBusy(true);
    setError(null);
    const body: GazetteArticleInput = {
      title: v.title.trim(), docNumber: v.docNumber?.trim() || null, issuingBody: v.issuingBody.trim(), unitId: v.unitId ?? null, category: v.category,
      topic: v.topic?.trim() || null, bodyText: v.bodyText ?? '', publicationId: v.publicationId ?? null,
      ...(v.seq ? { seq: v.seq } : {}),
    };
    try {
      if (editingId) await api.updateArticle(editingId, body);
      else await api.addArticle(issueId, body);
      message.success(editingId ? g.articleSaved : g.articleAdded);
      onSaved();
    } catch (e) {
      setError(showServerError(form, e, ARTICLE_ERRORS, ARTICLE_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const ready = article === 'new' || (!!d && (!d.publicationId || !linked.loading));
  return (
    <Drawer
      open={article !== null}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={editingId ? g.editArticle : g.addArticle}
      extra={<Space><Button onClick={onClose}>{t.common.cancel}</Button><Button type="primary" loading={busy} disabled={!ready} onClick={() => form.submit()}>{t.common.save}</Button></Space>}
    >
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {!ready && !detail.error && <Skeleton active />}
      {ready && (
        <Form<ArticleValues>
          form={form}
          onValuesChange={clearErrorsOf(form)}
          layout="vertical"
          name="gazette-article"
          disabled={busy}
          onFinish={(v) => void submit(v)}
          initialValues={d ? {
            seq: d.seq, title: d.title, docNumber: d.docNumber ?? '', issuingBody: d.issuingBody, unitId: d.unitId, category: d.category, topic: d.topic ?? '',
            bodyText: d.bodyText, publicationId: d.publicationId,
          } : { category: g.categories[0], issuingBody: '', bodyText: '', seq: null, unitId: null, publicationId: null }}
        >
          <Row gutter={16}>
            <Col span={8}><Form.Item name="seq" label={g.seq} extra={g.seqHint}><InputNumber min={1} max={9999} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={16}><Form.Item name="category" label={g.category} rules={[{ required: true }]}><Select options={g.categories.map((c) => ({ value: c, label: c }))} /></Form.Item></Col>
          </Row>
          <Form.Item name="title" label={g.titleField} rules={[{ required: true, whitespace: true }, { max: 500 }]}><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} /></Form.Item>
          <Form.Item name="docNumber" label={g.docNumber} extra={g.docNumberHint}><Input maxLength={100} /></Form.Item>
          <Row gutter={16}>
            <Col span={12}><Form.Item name="issuingBody" label={g.issuingBody} rules={[{ required: true, whitespace: true }, { max: 200 }]}><Input /></Form.Item></Col>
            <Col span={12}>
              <Form.Item name="unitId" label={g.unit}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={unitList.loading} options={(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="topic" label={g.topic}>
            <AutoComplete options={g.topics.map((x) => ({ value: x }))} showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }} maxLength={50} />
          </Form.Item>
          <Form.Item name="publicationId" label={g.publication} extra={g.publicationHint}>
            <PolicySelect
              allowClear
              initial={d?.publicationId ? { value: d.publicationId, label: linked.data ? `${linked.data.title}${linked.data.docNumber ? `（${linked.data.docNumber}）` : ''}` : `#${d.publicationId}` } : null}
            />
          </Form.Item>
          <Form.Item name="bodyText" label={g.bodyText}><Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={300_000} /></Form.Item>
          {error && <Alert type="error" showIcon title={error} role="alert" />}
        </Form>
      )}
    </Drawer>
  );
}
