/**
 * One publication (政府信息): a draft is edited here by its unit (or the office) — title, platform
 * column, kind, 发布机构, 文号 (checked by the server; its message shows on the field), 主题分类,
 * 成文日期, 信息形成（变更）日期 with the computed 应公开截止日, catalogue nodes, the body (HTML or
 * plain paragraphs; the preview is the server's sanitised bodyHtml), attachments — then submitted
 * to a named reviewer for 保密审查. The reviewer approves (published, 索引号) or returns it with a
 * note; a published one can be withdrawn with the reason. It can be tagged as evidence of the
 * unit's task assignments. `/publications/new` starts a draft.
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Popconfirm, Progress, Result, Row, Select, Space, Spin, Typography, Upload,
} from 'antd';
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import { assignments as assignmentsApi, publications as api, units as unitsApi } from '../../api/endpoints.ts';
import type { PlatformColumn, Publication, PublicationInput, PublicationKind } from '../../api/types.ts';
import { Centered } from '../../components/AppLayout.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { ACCEPT, attachmentProblem, MAX_ATTACHMENT_MB } from '../../components/ReportForm.tsx';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { canReview, canWrite, CatalogueSelect, options, PublicationStateTag, TimelinessTag } from './shared.tsx';

const p = t.publications;

interface Values {
  unitId?: number;
  title: string;
  platformColumn: PlatformColumn;
  kind: PublicationKind;
  publisher: string;
  docNumber: string;
  topic: string;
  writtenOn: string;
  madeOn: string;
  nodeIds: number[];
  body: string;
}
const FIELDS = ['unitId', 'title', 'platformColumn', 'kind', 'publisher', 'docNumber', 'topic', 'writtenOn', 'madeOn', 'nodeIds', 'body'] as const;
const ERROR_FIELDS = {
  PUBLICATION_DOC_NUMBER_INVALID: 'docNumber',
  PUBLICATION_TITLE_REQUIRED: 'title',
  PUBLICATION_DATE_INVALID: (m: string) => (m.startsWith('成文日期') ? 'writtenOn' : 'madeOn'),
  PUBLICATION_CATALOGUE_NODE_UNKNOWN: 'nodeIds',
  PUBLICATION_CATALOGUE_NODE_OTHER_UNIT: 'nodeIds',
  PUBLICATION_UNIT_REQUIRED: 'unitId',
  PUBLICATION_UNIT_UNKNOWN: 'unitId',
  PUBLICATION_FORBIDDEN: 'unitId',
};

function valuesOf(pub: Publication): Values {
  return {
    title: pub.title, platformColumn: pub.platformColumn as PlatformColumn, kind: pub.kind as PublicationKind, publisher: pub.publisher,
    docNumber: pub.docNumber ?? '', topic: pub.topic ?? '', writtenOn: pub.writtenOn ?? '', madeOn: pub.madeOn ?? '',
    nodeIds: pub.nodes.map((n) => n.id), body: pub.bodyHtml,
  };
}

function inputOf(v: Values): PublicationInput {
  return {
    title: (v.title ?? '').trim(), platformColumn: v.platformColumn, kind: v.kind, publisher: v.publisher?.trim() || null, docNumber: v.docNumber?.trim() || null,
    topic: v.topic?.trim() || null, writtenOn: v.writtenOn || null, madeOn: v.madeOn || null, nodeIds: v.nodeIds ?? [], body: v.body ?? '',
  };
}

const same = (a: Values | undefined, b: Values | undefined) => !!a && !!b && JSON.stringify(inputOf(a)) === JSON.stringify(inputOf(b));

export default function PublicationScene() {
  const { id: idParam } = useParams();
  const user = useUser();
  if (idParam === undefined) {
    if (user.role === 'observer') return <Result status="403" title="403" subTitle={t.errors.forbidden} />;
    return <NewPublication />;
  }
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="404" subTitle={t.errors.notFound} />;
  return <PublicationDetail id={id} />;
}

// ---- a new draft ----

function NewPublication() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const office = user.role === 'office';
  const unitList = useLoad(office ? () => unitsApi.list() : null, [office]);
  const chosenUnit = Form.useWatch('unitId', form);
  const unitId = office ? chosenUnit : user.unitId;

  const create = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const created = await api.create({ ...inputOf(v), unitId: office ? v.unitId : undefined });
      message.success(p.created);
      navigate(`/publications/${created.id}`, { replace: true });
    } catch (e) {
      setError(showServerError(form, e, ERROR_FIELDS, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <div style={{ marginBottom: 8 }}><Link to="/publications">← {p.back}</Link></div>
      <Typography.Title level={2} className="gk-page-title">{p.createTitle}</Typography.Title>
      <p className="gk-page-intro">{p.intro}</p>
      <Form<Values>
        form={form}
        onValuesChange={clearErrorsOf(form)}
        layout="vertical"
        name="publication-new"
        onFinish={(v) => void create(v)}
        initialValues={{ platformColumn: 'statutory', kind: 'general', nodeIds: [], body: '' }}
        disabled={saving}
      >
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card size="small" title={p.basics} style={{ marginBottom: 16 }}>
              {office && (
                <Form.Item name="unitId" label={p.unit} rules={[{ required: true, message: p.unitRequired }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={unitList.loading}
                    onChange={() => form.setFieldValue('nodeIds', [])}
                    options={(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))}
                  />
                </Form.Item>
              )}
              <BasicFields unitId={unitId} />
            </Card>
            <Card size="small" title={p.body} style={{ marginBottom: 16 }}>
              <BodyField />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card size="small" title={p.review}>
              <Alert type="info" showIcon title="保存草稿后可上传附件、标记任务佐证并提交保密审查。" style={{ marginBottom: 12 }} />
              {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
              <Button type="primary" htmlType="submit" loading={saving}>{p.saveDraft}</Button>
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}

function BasicFields({ unitId, dueOn }: { unitId: number | undefined; dueOn?: string | null }) {
  return (
    <>
      <Form.Item name="title" label={p.titleField} rules={[{ required: true, whitespace: true, message: p.titleRequired }, { max: 300 }]}>
        <Input maxLength={300} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="platformColumn" label={p.column} rules={[{ required: true }]}>
            <Select options={options(p.columns)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={p.kind} rules={[{ required: true }]}>
            <Select options={options(p.kinds)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="publisher" label={p.publisher} extra={p.publisherHint}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="docNumber" label={p.docNumber} extra={p.docNumberHint}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="topic" label={p.topic}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="writtenOn" label={p.writtenOn}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="madeOn"
            label={p.madeOn}
            extra={dueOn ? <span data-testid="publish-due">{p.publishDueHint(formatDate(dueOn))}</span> : p.madeOnHint}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="nodeIds" label={p.nodes}>
        <CatalogueSelect unitId={unitId} multiple />
      </Form.Item>
    </>
  );
}

function BodyField() {
  return (
    <Form.Item name="body" extra={p.bodyHint} style={{ marginBottom: 0 }}>
      <Input.TextArea aria-label={p.body} autoSize={{ minRows: 8, maxRows: 24 }} maxLength={500_000} />
    </Form.Item>
  );
}

/** The server's sanitised body: the only HTML this screen renders as HTML. */
function BodyPreview({ pub }: { pub: Publication }) {
  if (!pub.bodyHtml) return <span className="gk-muted">{p.noBody}</span>;
  return <div className="gk-rich" dangerouslySetInnerHTML={{ __html: pub.bodyHtml }} />;
}

// ---- an existing publication ----

function PublicationDetail({ id }: { id: number }) {
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const detail = useLoad(() => api.get(id), [id]);
  const pub = detail.data;
  const [form] = Form.useForm<Values>();
  const current = Form.useWatch([], form) as Values | undefined;
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [returning, setReturning] = useState(false);

  const writable = !!pub && canWrite(user, pub);
  const editable = writable && pub?.state === 'draft';
  const reviewable = !!pub && canReview(user, pub);
  // what the server holds; the form is dirty when it differs (after a save the form shows the server's values)
  const saved = useMemo(() => (pub && editable ? valuesOf(pub) : undefined), [pub, editable]);
  const dirty = editable && !!current && !!saved && !same(current, saved);

  const apply = (after: Publication) => detail.setData(after);

  /** On a 409 the publication changed under us: say so and reload. */
  const failed = async (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      modal.warning({ title: p.conflict, content: e.message });
      await detail.reload();
      return;
    }
    message.error(errorMessage(e));
  };

  const save = async (): Promise<boolean> => {
    if (!pub) return false;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return false;
    }
    setSaving(true);
    setFormError(null);
    try {
      const after = await api.update(pub.id, inputOf(v));
      apply(after);
      form.setFieldsValue(valuesOf(after));
      message.success(t.common.saved);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await failed(e);
        return false;
      }
      setFormError(showServerError(form, e, ERROR_FIELDS, FIELDS));
      return false;
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!pub) return;
    try {
      await api.remove(pub.id);
      message.success(p.deleted);
      navigate('/publications', { replace: true });
    } catch (e) {
      await failed(e);
    }
  };

  const decide = async (decision: 'approve' | 'return', note?: string) => {
    if (!pub) return false;
    try {
      const after = await api.review(pub.id, decision, note);
      apply(after);
      message.success(decision === 'approve' ? p.approved(after.indexNumber ?? '') : p.returned);
      return true;
    } catch (e) {
      await failed(e);
      return e instanceof ApiError && e.status === 409;
    }
  };

  if (detail.loading && !pub) return <Centered><Spin aria-label={t.common.loading} /></Centered>;
  if (detail.error && !pub) {
    return <Result status={detail.errorCode?.includes('NOT_FOUND') ? '404' : 'error'} title={detail.error} extra={<Link to="/publications">{p.back}</Link>} />;
  }
  if (!pub) return null;

  return (
    <>
      <div style={{ marginBottom: 8 }}><Link to="/publications">← {p.back}</Link></div>
      <Typography.Title level={2} className="gk-page-title">
        {pub.title} <PublicationStateTag state={pub.state} />{pub.timeliness && <> <TimelinessTag pub={pub} /></>}
      </Typography.Title>
      <div className="gk-page-intro">
        {pub.unitName} · {p.columns[pub.platformColumn] ?? pub.platformColumn}
        {pub.indexNumber && <> · {p.indexNumber} {pub.indexNumber}</>}
        {pub.publishedOn && <> · {p.publishedOn} {formatDate(pub.publishedOn)}</>}
        {pub.state === 'published' && <> · <a href={`/portal/publications/${pub.id}`} target="_blank" rel="noopener">{p.viewPublic}</a></>}
      </div>
      {detail.error && <Alert type="error" showIcon title={detail.error} style={{ marginBottom: 16 }} />}
      {pub.state === 'draft' && pub.reviewNote && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${p.returnedNote}${pub.reviewerName ? `（${pub.reviewerName}${pub.reviewedAt ? `，${formatDateTime(pub.reviewedAt)}` : ''}）` : ''}`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{pub.reviewNote}</span>}
        />
      )}
      {pub.state === 'withdrawn' && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={p.withdrawn} description={p.withdrawnInfo(formatDateTime(pub.withdrawnAt), pub.withdrawnReason ?? '')} />
      )}

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {editable ? (
            <Form<Values>
              key={pub.id}
              form={form}
              onValuesChange={clearErrorsOf(form)}
              layout="vertical"
              name="publication"
              initialValues={valuesOf(pub)}
              disabled={saving}
              onFinish={() => void save()}
            >
              <Card size="small" title={p.basics} style={{ marginBottom: 16 }}>
                <BasicFields unitId={pub.unitId} dueOn={pub.publishDueOn} />
              </Card>
              <Card size="small" title={p.body} style={{ marginBottom: 16 }}>
                <BodyField />
                <Typography.Title level={5} style={{ marginTop: 16 }}>{p.preview}</Typography.Title>
                <div className="gk-rich-frame"><BodyPreview pub={pub} /></div>
              </Card>
              {formError && <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 12 }} />}
              <Space style={{ marginBottom: 16 }}>
                <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty}>{p.saveDraft}</Button>
                {dirty && <span className="gk-muted">有尚未保存的修改</span>}
              </Space>
            </Form>
          ) : (
            <>
              <Card size="small" title={p.basics} style={{ marginBottom: 16 }}>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'unit', label: p.unit, children: pub.unitName },
                    { key: 'publisher', label: p.publisher, children: pub.publisher },
                    { key: 'column', label: p.column, children: p.columns[pub.platformColumn] ?? pub.platformColumn },
                    { key: 'kind', label: p.kind, children: p.kinds[pub.kind] ?? pub.kind },
                    { key: 'index', label: p.indexNumber, children: pub.indexNumber ?? '—' },
                    { key: 'doc', label: p.docNumber, children: pub.docNumber ?? '—' },
                    { key: 'topic', label: p.topic, children: pub.topic ?? '—' },
                    { key: 'written', label: p.writtenOn, children: formatDate(pub.writtenOn) || '—' },
                    { key: 'made', label: p.madeOn, children: formatDate(pub.madeOn) || '—' },
                    { key: 'due', label: p.publishDueOn, children: formatDate(pub.publishDueOn) || '—' },
                    { key: 'published', label: p.publishedOn, children: formatDate(pub.publishedOn) || '—' },
                    { key: 'timeliness', label: p.timelinessTitle, children: <TimelinessTag pub={pub} /> },
                    { key: 'nodes', label: p.nodes, span: 2, children: pub.nodes.map((n) => n.name).join('、') || '—' },
                  ]}
                />
              </Card>
              <Card size="small" title={p.body} style={{ marginBottom: 16 }}>
                <BodyPreview pub={pub} />
              </Card>
            </>
          )}
        </Col>

        <Col xs={24} xl={8}>
          <Card size="small" title={p.review} style={{ marginBottom: 16 }}>
            <ReviewPanel
              pub={pub}
              writable={writable}
              reviewable={reviewable}
              dirty={dirty}
              save={save}
              onChanged={apply}
              failed={failed}
              onApprove={() => decide('approve')}
              onReturn={() => setReturning(true)}
              onWithdraw={() => setWithdrawing(true)}
              onDelete={() => void remove()}
            />
          </Card>
          <Card size="small" title={p.attachments} style={{ marginBottom: 16 }}>
            <Attachments pub={pub} editable={editable} onChanged={apply} failed={failed} />
          </Card>
          {(writable || user.role === 'observer') && (
            <Card size="small" title={p.evidence} style={{ marginBottom: 16 }}>
              <Evidence key={pub.evidenceAssignmentIds.join(',')} pub={pub} editable={writable && pub.state !== 'withdrawn'} onChanged={apply} failed={failed} />
            </Card>
          )}
        </Col>
      </Row>

      <ReasonModal
        open={returning}
        title={p.returnTitle(pub.title)}
        label={p.returnReason}
        required={p.returnReasonRequired}
        okText={p.return}
        onCancel={() => setReturning(false)}
        onOk={async (note) => {
          const done = await decide('return', note);
          if (done) setReturning(false);
        }}
      />
      <ReasonModal
        open={withdrawing}
        title={p.withdrawTitle(pub.title)}
        hint={p.withdrawHint}
        label={p.withdrawReason}
        required={p.withdrawReasonRequired}
        okText={p.withdraw}
        onCancel={() => setWithdrawing(false)}
        onOk={async (reason) => {
          try {
            const after = await api.withdraw(pub.id, reason);
            apply(after);
            message.success(p.withdrawn);
            setWithdrawing(false);
          } catch (e) {
            await failed(e);
            if (e instanceof ApiError && e.status === 409) setWithdrawing(false);
          }
        }}
      />
    </>
  );
}

/** The workflow card: who reviews, the decision buttons the user may use. */
function ReviewPanel({ pub, writable, reviewable, dirty, save, onChanged, failed, onApprove, onReturn, onWithdraw, onDelete }: {
  pub: Publication;
  writable: boolean;
  reviewable: boolean;
  dirty: boolean;
  save(): Promise<boolean>;
  onChanged(p: Publication): void;
  failed(e: unknown): Promise<void>;
  onApprove(): Promise<unknown>;
  onReturn(): void;
  onWithdraw(): void;
  onDelete(): void;
}) {
  const { message } = App.useApp();
  const draft = pub.state === 'draft' && writable;
  const candidates = useLoad(draft ? () => api.reviewerCandidates(pub.id) : null, [draft, pub.id]);
  const [reviewerId, setReviewerId] = useState<number | undefined>(pub.reviewerId ?? undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = candidates.data?.items ?? [];

  const submit = async () => {
    if (!reviewerId) {
      setError(p.reviewerRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (dirty && !(await save())) return;
      const after = await api.requestReview(pub.id, reviewerId);
      onChanged(after);
      message.success(p.requested(after.reviewerName ?? ''));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) await failed(e);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <div>
        <span className="gk-muted">{p.state}：</span><PublicationStateTag state={pub.state} />
        {pub.publishDueOn && <div className="gk-muted" style={{ marginTop: 4 }}>{p.publishDueOn}：{formatDate(pub.publishDueOn)}</div>}
      </div>
      {pub.state === 'inReview' && <Alert type="info" showIcon title={p.inReviewBy(pub.reviewerName ?? '')} />}
      {pub.state !== 'draft' && pub.reviewNote && (
        <div><span className="gk-muted">{p.reviewNote}：</span><span style={{ whiteSpace: 'pre-wrap' }}>{pub.reviewNote}</span></div>
      )}
      {pub.reviewedAt && pub.state !== 'draft' && <div className="gk-muted">{p.reviewedAt}：{formatDateTime(pub.reviewedAt)}{pub.reviewerName && ` · ${pub.reviewerName}`}</div>}

      {draft && (
        <>
          {candidates.error && <Alert type="error" showIcon title={candidates.error} />}
          {!candidates.loading && !candidates.error && items.length === 0 && <Alert type="warning" showIcon title={p.noCandidates} />}
          <Select
            aria-label={p.reviewer}
            style={{ width: '100%' }}
            placeholder={p.reviewerPlaceholder}
            loading={candidates.loading}
            value={reviewerId}
            onChange={(v) => { setReviewerId(v); setError(null); }}
            options={items.map((c) => ({ value: c.id, label: `${c.displayName}（${t.roles[c.role as keyof typeof t.roles] ?? c.role}）` }))}
          />
          {dirty && <span className="gk-muted">{p.saveFirst}</span>}
          {error && <Alert type="error" showIcon title={error} role="alert" />}
          <Space wrap>
            <Button type="primary" loading={busy} disabled={!items.length} onClick={() => void submit()}>{p.requestReview}</Button>
            {!pub.indexNumber && (
              <Popconfirm title={p.deleteConfirm} okText={t.common.delete} okButtonProps={{ danger: true }} cancelText={t.common.cancel} onConfirm={onDelete}>
                <Button danger>{p.deleteDraft}</Button>
              </Popconfirm>
            )}
          </Space>
        </>
      )}

      {reviewable && (
        <Space wrap>
          <Popconfirm title={p.approveConfirm(pub.title)} okText={p.approve} cancelText={t.common.cancel} onConfirm={onApprove}>
            <Button type="primary">{p.approve}</Button>
          </Popconfirm>
          <Button danger onClick={onReturn}>{p.return}</Button>
        </Space>
      )}

      {pub.state === 'published' && writable && <Button danger onClick={onWithdraw}>{p.withdraw}</Button>}
      {!writable && !reviewable && <span className="gk-muted">{p.readOnly}</span>}
    </Space>
  );
}

/** Attachments: download for everyone who can read; upload (with progress) and delete while a draft. */
function Attachments({ pub, editable, onChanged, failed }: { pub: Publication; editable: boolean; onChanged(p: Publication): void; failed(e: unknown): Promise<void> }) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File) => {
    const problem = attachmentProblem(file);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    setProgress(0);
    try {
      const after = await api.addAttachment(pub.id, file, setProgress);
      onChanged(after);
      message.success(p.uploaded(file.name));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) await failed(e);
      else setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const remove = async (attachmentId: number) => {
    try {
      onChanged(await api.deleteAttachment(pub.id, attachmentId));
    } catch (e) {
      await failed(e);
    }
  };

  return (
    <>
      {pub.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.noAttachments} />
      ) : (
        <List
          size="small"
          dataSource={pub.attachments}
          renderItem={(a) => (
            <List.Item
              actions={editable ? [
                <Popconfirm key="d" title={p.deleteAttachmentConfirm(a.fileName)} okText={t.common.delete} okButtonProps={{ danger: true }} cancelText={t.common.cancel} onConfirm={() => remove(a.id)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${p.deleteAttachment}：${a.fileName}`} />
                </Popconfirm>,
              ] : undefined}
            >
              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <PaperClipOutlined /> <a href={api.attachmentUrl(pub.id, a.id)}>{a.fileName}</a> <span className="gk-muted">{t.common.bytes(a.size)}</span>
              </span>
            </List.Item>
          )}
        />
      )}
      {editable && (
        <div style={{ marginTop: 12 }}>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            multiple={false}
            disabled={progress !== null}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button icon={<PaperClipOutlined />} loading={progress !== null}>{p.upload}</Button>
          </Upload>
          <div className="gk-muted" style={{ fontSize: 12, marginTop: 6 }}>{p.attachmentHint(MAX_ATTACHMENT_MB)}</div>
          {progress !== null && <Progress percent={progress} status="active" aria-label={p.uploading} />}
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
        </div>
      )}
    </>
  );
}

/** Evidence: the unit's task assignments this publication supports (PUT replaces the set). */
function Evidence({ pub, editable, onChanged, failed }: { pub: Publication; editable: boolean; onChanged(p: Publication): void; failed(e: unknown): Promise<void> }) {
  const { message } = App.useApp();
  const load = useLoad(() => assignmentsApi.list({ unitId: pub.unitId, limit: 5000 }), [pub.unitId]);
  const [chosen, setChosen] = useState<number[]>(pub.evidenceAssignmentIds);
  const [busy, setBusy] = useState(false);
  const items = useMemo(() => load.data?.items ?? [], [load.data]);
  const groups = useMemo(() => {
    const byList = new Map<string, { label: string; title: string; options: { value: number; label: string; title: string }[] }>();
    for (const a of items) {
      let g = byList.get(a.listTitle);
      if (!g) {
        g = { label: a.listTitle, title: a.listTitle, options: [] };
        byList.set(a.listTitle, g);
      }
      const text = `${p.seq(a.seq)}（${t.assignmentRoles[a.role] ?? a.role}）${a.taskText}`;
      g.options.push({ value: a.id, label: text.length > 60 ? `${text.slice(0, 60)}…` : text, title: text });
    }
    return [...byList.values()];
  }, [items]);
  const changed = JSON.stringify([...chosen].sort()) !== JSON.stringify([...pub.evidenceAssignmentIds].sort());

  const saveEvidence = async () => {
    setBusy(true);
    try {
      const after = await api.setEvidence(pub.id, chosen);
      onChanged(after);
      message.success(p.evidenceSaved);
    } catch (e) {
      await failed(e);
    } finally {
      setBusy(false);
    }
  };

  if (!editable) {
    const tagged = items.filter((a) => pub.evidenceAssignmentIds.includes(a.id));
    if (!pub.evidenceAssignmentIds.length) return <span className="gk-muted">{p.evidenceNone}</span>;
    return (
      <List
        size="small"
        loading={load.loading}
        dataSource={tagged}
        renderItem={(a) => <List.Item>{a.listTitle} · {p.seq(a.seq)}（{t.assignmentRoles[a.role] ?? a.role}）{a.taskText.slice(0, 60)}</List.Item>}
      />
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <span className="gk-muted" style={{ fontSize: 12 }}>{p.evidenceHint}</span>
      {load.error && <Alert type="error" showIcon title={load.error} />}
      <Select
        aria-label={p.evidence}
        mode="multiple"
        style={{ width: '100%' }}
        placeholder={p.evidencePlaceholder}
        loading={load.loading}
        value={chosen}
        onChange={setChosen}
        showSearch={{ optionFilterProp: 'title' }}
        options={groups}
        maxTagTextLength={24}
      />
      <Button onClick={() => void saveEvidence()} loading={busy} disabled={!changed}>{p.evidenceSave}</Button>
    </Space>
  );
}

/** A modal asking for a required reason (退回, 撤回). */
function ReasonModal({ open, title, hint, label, required, okText, onCancel, onOk }: {
  open: boolean; title: string; hint?: string; label: string; required: string; okText: string; onCancel(): void; onOk(text: string): Promise<void>;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t.common.cancel}
      onCancel={onCancel}
      destroyOnHidden
      onOk={() => void form.validateFields().then(async (v) => {
        setBusy(true);
        try {
          await onOk(v.text.trim());
        } finally {
          setBusy(false);
        }
      }, () => undefined)}
    >
      {hint && <p className="gk-muted">{hint}</p>}
      <Form form={form} onValuesChange={clearErrorsOf(form)} layout="vertical" name="reason" preserve={false}>
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
