/**
 * One consultation (意见征集): the draft (title, linked decision item, period, 起草说明, the text —
 * HTML or plain paragraphs; the preview is the server's sanitised draftHtml) edited and published by
 * its unit or the office; then the public's comments — 审核 (approve, or refuse to show with a
 * reason), 采纳情况 (adopted / partly / not, the latter two with the reason) — and the feedback
 * report: its preview, what still blocks it, and publishing it. The buttons follow the server's
 * `allowedActions`. `/consultations/new` starts a draft.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Popconfirm, Radio, Result, Row, Select, Space, Spin, Table, Typography,
} from 'antd';
import { ApiError, errorMessage } from '../../api/client.ts';
import { consultations as api, decisionItems as decisionsApi, units as unitsApi } from '../../api/endpoints.ts';
import type { ConsultationComment, ConsultationDetail, ConsultationInput } from '../../api/types.ts';
import { Centered } from '../../components/AppLayout.tsx';
import { chinaDay, formatDate, formatDateTime } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { ConsultationStateTag, ModerationTag } from './shared.tsx';

const cc = t.consultations.c;

interface Values {
  unitId?: number;
  title: string;
  decisionItemId: number | null;
  opensOn: string;
  closesOn: string;
  explanation: string;
  draftHtml: string;
}
const FIELDS = ['unitId', 'title', 'decisionItemId', 'opensOn', 'closesOn', 'explanation', 'draftHtml'];
const ERROR_FIELDS = {
  CONSULTATION_UNIT_REQUIRED: 'unitId', CONSULTATION_UNIT_NOT_FOUND: 'unitId', CONSULTATION_FORBIDDEN: 'unitId', CONSULTATION_TITLE_REQUIRED: 'title',
  CONSULTATION_INVALID_DATE: (m: string) => (m.startsWith('开始') ? 'opensOn' : 'closesOn'),
  CONSULTATION_INVALID_PERIOD: 'closesOn', CONSULTATION_PERIOD_TOO_SHORT: 'closesOn', CONSULTATION_OPENS_IN_PAST: 'opensOn',
  CONSULTATION_DECISION_ITEM_NOT_FOUND: 'decisionItemId', CONSULTATION_DECISION_ITEM_FORBIDDEN: 'decisionItemId', CONSULTATION_DRAFT_EMPTY: 'draftHtml',
};

function valuesOf(c: ConsultationDetail): Values {
  return { title: c.title, decisionItemId: c.decisionItem?.id ?? null, opensOn: c.opensOn, closesOn: c.closesOn, explanation: c.explanation ?? '', draftHtml: c.draftHtml };
}

function inputOf(v: Values): Omit<ConsultationInput, 'unitId'> {
  return {
    title: (v.title ?? '').trim(), decisionItemId: v.decisionItemId ?? null, explanation: v.explanation?.trim() || null, draftHtml: v.draftHtml ?? '',
    ...(v.opensOn ? { opensOn: v.opensOn } : {}), ...(v.closesOn ? { closesOn: v.closesOn } : {}),
  };
}

export default function ConsultationScene() {
  const { id: idParam } = useParams();
  const user = useUser();
  if (idParam === undefined) {
    if (user.role === 'observer') return <Result status="403" title="403" subTitle={t.errors.forbidden} />;
    return <DraftEditor />;
  }
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="404" subTitle={t.errors.notFound} />;
  return <Existing id={id} />;
}

function Existing({ id }: { id: number }) {
  const detail = useLoad(() => api.get(id), [id]);
  if (detail.loading && !detail.data) return <Centered><Spin aria-label={t.common.loading} /></Centered>;
  if (detail.error && !detail.data) {
    return <Result status={detail.errorCode?.includes('NOT_FOUND') ? '404' : 'error'} title={detail.error} extra={<Link to="/consultations?tab=consultations">{cc.back}</Link>} />;
  }
  const c = detail.data;
  if (!c) return null;
  if (c.allowedActions.includes('edit')) return <DraftEditor existing={c} onChanged={(d) => detail.setData(d)} reload={() => void detail.reload()} />;
  return <Published c={c} reload={() => void detail.reload()} />;
}

function Header({ c }: { c: ConsultationDetail }) {
  return (
    <>
      <div style={{ marginBottom: 8 }}><Link to="/consultations?tab=consultations">← {cc.back}</Link></div>
      <Typography.Title level={2} className="gk-page-title">{c.title} <ConsultationStateTag state={c.state} label={c.stateLabel} /></Typography.Title>
      <div className="gk-page-intro">
        {c.unitName} · {cc.period} {formatDate(c.opensOn)} 至 {formatDate(c.closesOn)}（{cc.days(c.periodDays)}）
        {c.daysLeft !== null && <> · {cc.daysLeft(c.daysLeft)}</>}
        {c.state !== 'draft' && <> · <a href={`/portal/consultations/${c.id}`} target="_blank" rel="noopener">{cc.viewPublic}</a></>}
      </div>
    </>
  );
}

// ---- draft: edit, publish, delete ----

function DraftEditor({ existing, onChanged, reload }: { existing?: ConsultationDetail; onChanged?: (c: ConsultationDetail) => void; reload?: () => void }) {
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const current = Form.useWatch([], form) as Values | undefined;
  const office = user.role === 'office';
  const chosenUnit = Form.useWatch('unitId', form);
  const unitId = existing ? existing.unitId : office ? chosenUnit : user.unitId;
  const unitList = useLoad(office && !existing ? () => unitsApi.list() : null, [office, !!existing]);
  const items = useLoad(unitId ? () => decisionsApi.list({ unitId }) : null, [unitId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const saved = useMemo(() => (existing ? valuesOf(existing) : undefined), [existing]);
  const dirty = !existing || (!!current && !!saved && JSON.stringify(inputOf(current)) !== JSON.stringify(inputOf(saved)));
  const today = chinaDay();

  const conflict = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409 && e.code !== 'CONSULTATION_DRAFT_EMPTY' && e.code !== 'CONSULTATION_OPENS_IN_PAST') {
      modal.warning({ title: e.message });
      reload?.();
      return true;
    }
    return false;
  };

  const save = async (): Promise<boolean> => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      if (!existing) {
        const created = await api.create({ ...inputOf(v), unitId: office ? v.unitId : undefined });
        message.success(cc.created);
        navigate(`/consultations/${created.id}`, { replace: true });
      } else {
        const after = await api.update(existing.id, inputOf(v));
        onChanged?.(after);
        form.setFieldsValue(valuesOf(after));
        message.success(cc.saved);
      }
      return true;
    } catch (e) {
      if (!conflict(e)) setError(showServerError(form, e, ERROR_FIELDS, FIELDS));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (!existing) return;
    if (dirty && !(await save())) return;
    try {
      const after = await api.publish(existing.id);
      message.success(cc.published);
      onChanged?.(after);
    } catch (e) {
      if (!conflict(e)) setError(showServerError(form, e, ERROR_FIELDS, FIELDS));
    }
  };

  const remove = async () => {
    if (!existing) return;
    try {
      await api.remove(existing.id);
      message.success(cc.deleted);
      navigate('/consultations?tab=consultations', { replace: true });
    } catch (e) {
      if (!conflict(e)) message.error(errorMessage(e));
    }
  };

  return (
    <>
      {existing ? <Header c={existing} /> : (
        <>
          <div style={{ marginBottom: 8 }}><Link to="/consultations?tab=consultations">← {cc.back}</Link></div>
          <Typography.Title level={2} className="gk-page-title">{cc.createTitle}</Typography.Title>
          <p className="gk-page-intro">{t.consultations.intro}</p>
        </>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Form<Values>
            form={form}
            onValuesChange={clearErrorsOf(form)}
            layout="vertical"
            name="consultation"
            disabled={busy}
            initialValues={existing ? valuesOf(existing) : { title: '', decisionItemId: null, opensOn: today, closesOn: '', explanation: '', draftHtml: '' }}
            onFinish={() => void save()}
          >
            <Card size="small" title={t.publications.basics} style={{ marginBottom: 16 }}>
              {office && !existing && (
                <Form.Item name="unitId" label={cc.unit} rules={[{ required: true, message: cc.unitRequired }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={unitList.loading}
                    onChange={() => form.setFieldValue('decisionItemId', null)}
                    options={(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))}
                  />
                </Form.Item>
              )}
              <Form.Item name="title" label={cc.titleField} rules={[{ required: true, whitespace: true, message: cc.titleRequired }, { max: 200 }]}>
                <Input maxLength={200} showCount />
              </Form.Item>
              <Form.Item name="decisionItemId" label={cc.decisionItem}>
                <Select
                  allowClear
                  loading={items.loading}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(items.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.year}年第${d.seq}项 ${d.title}` }))}
                />
              </Form.Item>
              <Space wrap>
                <Form.Item name="opensOn" label={cc.opensOn}><Input type="date" min={today} /></Form.Item>
                <Form.Item name="closesOn" label={cc.closesOn}><Input type="date" /></Form.Item>
              </Space>
              <div className="gk-muted" style={{ fontSize: 12, marginTop: -8, marginBottom: 12 }}>{cc.periodHint}</div>
              <Form.Item name="explanation" label={cc.explanation}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} />
              </Form.Item>
            </Card>
            <Card size="small" title={cc.draft} style={{ marginBottom: 16 }}>
              <Form.Item name="draftHtml" extra={cc.draftHint} style={{ marginBottom: 0 }}>
                <Input.TextArea aria-label={cc.draft} autoSize={{ minRows: 8, maxRows: 24 }} maxLength={500_000} />
              </Form.Item>
              {existing && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>{cc.preview}</Typography.Title>
                  <div className="gk-rich-frame">
                    {existing.draftHtml ? <div className="gk-rich" dangerouslySetInnerHTML={{ __html: existing.draftHtml }} /> : <span className="gk-muted">{t.publications.noBody}</span>}
                  </div>
                </>
              )}
            </Card>
            {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
            <Space style={{ marginBottom: 16 }}>
              <Button type="primary" htmlType="submit" loading={busy} disabled={!dirty}>{existing ? cc.save : t.publications.saveDraft}</Button>
              {existing && dirty && <span className="gk-muted">有尚未保存的修改</span>}
            </Space>
          </Form>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t.common.actions}>
            {!existing ? <span className="gk-muted">保存草稿后可发布征求意见稿。</span> : (
              <Space wrap>
                {existing.allowedActions.includes('publish') && (
                  <Popconfirm title={cc.publishConfirm} okText={cc.publish} cancelText={t.common.cancel} onConfirm={() => publish()}>
                    <Button type="primary">{cc.publish}</Button>
                  </Popconfirm>
                )}
                {existing.allowedActions.includes('delete') && (
                  <Popconfirm title={cc.deleteConfirm} okText={t.common.delete} okButtonProps={{ danger: true }} cancelText={t.common.cancel} onConfirm={() => remove()}>
                    <Button danger>{cc.deleteDraft}</Button>
                  </Popconfirm>
                )}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

// ---- published: the text, the comments, the feedback ----

function Published({ c, reload }: { c: ConsultationDetail; reload(): void }) {
  const counts = c.counts;
  return (
    <>
      <Header c={c} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Comments c={c} onChanged={reload} />
          <Card size="small" title={cc.draft} style={{ marginBottom: 16 }}>
            {c.explanation && <><Typography.Text strong>{cc.explanation}</Typography.Text><p style={{ whiteSpace: 'pre-wrap' }}>{c.explanation}</p></>}
            <div className="gk-rich-frame"><div className="gk-rich" dangerouslySetInnerHTML={{ __html: c.draftHtml }} /></div>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {counts && (
            <Card size="small" title={cc.counts} style={{ marginBottom: 16 }}>
              <Descriptions
                size="small"
                column={2}
                items={[
                  { key: 'r', label: '收到', children: counts.received },
                  { key: 'p', label: cc.moderations.pending, children: counts.pending },
                  { key: 'a', label: cc.moderations.approved, children: counts.approved },
                  { key: 'x', label: cc.moderations.rejected, children: counts.rejected },
                  { key: 'ad', label: cc.dispositions.adopted, children: counts.adopted },
                  { key: 'pa', label: cc.dispositions.partlyAdopted, children: counts.partlyAdopted },
                  { key: 'na', label: cc.dispositions.notAdopted, children: counts.notAdopted },
                  { key: 'u', label: '未记录采纳', children: counts.undisposed },
                ]}
              />
            </Card>
          )}
          <Feedback c={c} onChanged={reload} />
        </Col>
      </Row>
    </>
  );
}

function Comments({ c, onChanged }: { c: ConsultationDetail; onChanged(): void }) {
  const { message, modal } = App.useApp();
  const [moderation, setModeration] = useState<string>('');
  const load = useLoad(() => api.comments(c.id, moderation || undefined), [c.id, moderation, c.updatedAt]);
  const canModerate = c.allowedActions.includes('moderate');
  const canDispose = c.allowedActions.includes('dispose');
  const personal = load.data?.view === 'staffWithPersonalData';
  const [rejecting, setRejecting] = useState<ConsultationComment | null>(null);
  const [disposing, setDisposing] = useState<ConsultationComment | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      modal.warning({ title: e.message });
      onChanged();
      return;
    }
    message.error(errorMessage(e));
  };

  const approve = async (x: ConsultationComment) => {
    setBusy(x.id);
    try {
      await api.moderate(c.id, x.id, 'approved');
      message.success(cc.moderated);
      void load.reload();
      onChanged();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={cc.comments} style={{ marginBottom: 16 }}>
      <div className="gk-toolbar">
        <Select
          aria-label={cc.moderationFilter}
          style={{ width: 140 }}
          value={moderation}
          onChange={setModeration}
          options={[{ value: '', label: `${cc.moderationFilter}：${cc.allModerations}` }, ...Object.entries(cc.moderations).map(([value, label]) => ({ value, label }))]}
        />
        {!personal && load.data && <span className="gk-muted" style={{ fontSize: 12 }}>{cc.personalHidden}</span>}
      </div>
      {load.error && <Alert type="error" showIcon title={load.error} style={{ marginBottom: 12 }} />}
      <Table<ConsultationComment>
        rowKey="id"
        size="small"
        loading={load.loading}
        dataSource={load.data?.items ?? []}
        locale={{ emptyText: cc.noComments }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ 'data-comment-id': r.id, 'data-moderation': r.moderation } as HTMLAttributes<HTMLElement>)}
        scroll={{ x: 800 }}
        columns={[
          { title: cc.receivedOn, key: 'on', width: 120, render: (_, r) => formatDate(r.receivedOn) },
          {
            title: '意见内容', key: 'text',
            render: (_, r) => (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>{r.text}</Typography.Paragraph>
                {personal && (r.authorName || r.contact) && <div className="gk-muted" style={{ fontSize: 12 }}>{r.authorName ?? ''}{r.authorName && r.contact && ' · '}{r.contact ?? ''}</div>}
              </>
            ),
          },
          {
            title: '审核', key: 'moderation', width: 150,
            render: (_, r) => <><ModerationTag moderation={r.moderation} label={r.moderationLabel} />{r.moderationNote && <div className="gk-muted" style={{ fontSize: 12 }}>{r.moderationNote}</div>}</>,
          },
          {
            title: cc.disposition, key: 'disposition', width: 170,
            render: (_, r) => (r.disposition
              ? <>{r.dispositionLabel ?? cc.dispositions[r.disposition]}{r.dispositionReason && <div className="gk-muted" style={{ fontSize: 12 }}>{r.dispositionReason}</div>}</>
              : <span className="gk-muted">—</span>),
          },
          ...(canModerate || canDispose ? [{
            title: t.common.actions, key: 'a', width: 170,
            render: (_: unknown, r: ConsultationComment) => (
              <Space size={4} wrap>
                {canModerate && r.moderation !== 'approved' && <Button size="small" type="primary" loading={busy === r.id} onClick={() => void approve(r)}>{cc.approve}</Button>}
                {canModerate && r.moderation !== 'rejected' && <Button size="small" danger onClick={() => setRejecting(r)}>{cc.reject}</Button>}
                {canDispose && r.moderation === 'approved' && <Button size="small" onClick={() => setDisposing(r)}>{cc.dispose}</Button>}
              </Space>
            ),
          }] : []),
        ]}
      />
      <ReasonModal
        open={rejecting !== null}
        title={cc.rejectTitle}
        label={cc.rejectNote}
        required={cc.rejectNoteRequired}
        okText={cc.reject}
        onCancel={() => setRejecting(null)}
        onOk={async (note) => {
          if (!rejecting) return;
          try {
            await api.moderate(c.id, rejecting.id, 'rejected', note);
            message.success(cc.moderated);
            setRejecting(null);
            void load.reload();
            onChanged();
          } catch (e) {
            setRejecting(null);
            failed(e);
          }
        }}
      />
      <DisposeModal
        comment={disposing}
        onCancel={() => setDisposing(null)}
        onOk={async (disposition, reason) => {
          if (!disposing) return;
          try {
            await api.dispose(c.id, disposing.id, disposition, reason);
            message.success(cc.disposed);
            setDisposing(null);
            void load.reload();
            onChanged();
          } catch (e) {
            setDisposing(null);
            failed(e);
          }
        }}
      />
    </Card>
  );
}

function Feedback({ c, onChanged }: { c: ConsultationDetail; onChanged(): void }) {
  const { message, modal } = App.useApp();
  const load = useLoad(() => api.feedback(c.id), [c.id, c.updatedAt, c.counts?.pending, c.counts?.undisposed]);
  const [intro, setIntro] = useState('');
  const [busy, setBusy] = useState(false);
  const f = load.data;

  const publish = async () => {
    setBusy(true);
    try {
      await api.publishFeedback(c.id, intro.trim() || null);
      message.success(cc.feedbackPublished);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) modal.warning({ title: e.message });
      else message.error(errorMessage(e));
      onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={f?.published ? cc.feedback : cc.feedbackPreview} style={{ marginBottom: 16 }}>
      {load.error && <Alert type="error" showIcon title={load.error} />}
      {f && !f.published && f.missing.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={cc.cannotPublishYet} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{f.missing.map((m) => <li key={m}>{cc.missing[m] ?? m}</li>)}</ul>} />
      )}
      {f?.published && f.publishedAt && <p className="gk-muted">发布时间：{formatDateTime(f.publishedAt)}</p>}
      {f && <div className="gk-rich-frame"><div className="gk-rich" dangerouslySetInnerHTML={{ __html: c.feedbackHtml ?? f.html }} /></div>}
      {c.allowedActions.includes('publishFeedback') && (
        <div style={{ marginTop: 12 }}>
          <label htmlFor="feedback-intro" className="gk-muted">{cc.feedbackIntro}</label>
          <Input.TextArea id="feedback-intro" rows={3} value={intro} onChange={(e) => setIntro(e.target.value)} maxLength={50_000} style={{ marginBottom: 8 }} />
          <Popconfirm title={cc.publishFeedbackConfirm} okText={cc.publishFeedback} cancelText={t.common.cancel} onConfirm={() => publish()}>
            <Button type="primary" loading={busy}>{cc.publishFeedback}</Button>
          </Popconfirm>
        </div>
      )}
    </Card>
  );
}

function ReasonModal({ open, title, label, required, okText, onCancel, onOk }: {
  open: boolean; title: string; label: string; required: string; okText: string; onCancel(): void; onOk(text: string): Promise<void>;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      cancelText={t.common.cancel}
      confirmLoading={busy}
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
      <Form form={form} onValuesChange={clearErrorsOf(form)} layout="vertical" name="reason" preserve={false}>
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Disposition = 'adopted' | 'partlyAdopted' | 'notAdopted';

function DisposeModal({ comment, onCancel, onOk }: { comment: ConsultationComment | null; onCancel(): void; onOk(d: Disposition, reason: string | null): Promise<void> }) {
  const [form] = Form.useForm<{ disposition: Disposition; reason: string }>();
  const disposition = Form.useWatch('disposition', form);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={comment !== null}
      title={cc.disposeTitle}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onCancel}
      destroyOnHidden
      onOk={() => void form.validateFields().then(async (v) => {
        setBusy(true);
        try {
          await onOk(v.disposition, v.reason?.trim() || null);
        } finally {
          setBusy(false);
        }
      }, () => undefined)}
    >
      {comment && <Typography.Paragraph className="gk-muted" style={{ whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4 }}>{comment.text}</Typography.Paragraph>}
      <Form
        form={form}
        onValuesChange={clearErrorsOf(form)}
        layout="vertical"
        name="dispose"
        preserve={false}
        initialValues={{ disposition: (comment?.disposition as Disposition | null) ?? 'adopted', reason: comment?.dispositionReason ?? '' }}
      >
        <Form.Item name="disposition" label={cc.disposition} rules={[{ required: true }]}>
          <Radio.Group options={Object.entries(cc.dispositions).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="reason" label={cc.disposeReason} rules={[{ required: disposition !== undefined && disposition !== 'adopted', whitespace: true, message: cc.disposeReasonRequired }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
