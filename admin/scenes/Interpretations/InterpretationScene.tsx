/**
 * One interpretation (政策解读): written by its unit (or the office) — the policy it explains
 * (searched among published documents), title, form, interpreter and whether it is the unit head
 * (第一解读人), the media link, the content (HTML or plain paragraphs; the preview is the server's
 * sanitised bodyHtml) — then published (the policy must be published), withdrawn with a reason, or
 * deleted while a draft. `/interpretations/new` starts a draft.
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, Modal, Popconfirm, Result, Row, Select, Space, Spin, Typography } from 'antd';
import { ApiError, errorMessage } from '../../api/client.ts';
import { interpretations as api, units as unitsApi } from '../../api/endpoints.ts';
import type { InterpretationDetail, InterpretationForm, InterpretationInput } from '../../api/types.ts';
import { Centered } from '../../components/AppLayout.tsx';
import { chinaDay, formatDate, formatDateTime } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { options } from '../Publications/shared.tsx';
import { InterpretationStateTag, PolicySelect } from './shared.tsx';

const it = t.interpretations;

interface Values {
  unitId?: number;
  publicationId: number;
  title: string;
  form: InterpretationForm;
  interpreterName: string;
  interpreterTitle: string;
  byUnitHead: boolean;
  mediaUrl: string;
  body: string;
}
const FIELDS = ['unitId', 'publicationId', 'title', 'form', 'interpreterName', 'interpreterTitle', 'byUnitHead', 'mediaUrl', 'body'] as const;
const ERROR_FIELDS = {
  INTERPRETATION_UNIT_REQUIRED: 'unitId',
  INTERPRETATION_UNIT_NOT_FOUND: 'unitId',
  INTERPRETATION_FORBIDDEN: 'unitId',
  INTERPRETATION_POLICY_NOT_PUBLISHED: 'publicationId',
  INTERPRETATION_TITLE_REQUIRED: 'title',
  INTERPRETATION_INTERPRETER_REQUIRED: 'interpreterName',
  INTERPRETATION_MEDIA_URL_INVALID: 'mediaUrl',
  INTERPRETATION_MEDIA_URL_REQUIRED: 'mediaUrl',
  INTERPRETATION_FORM_INVALID: 'form',
  INTERPRETATION_BODY_REQUIRED: 'body',
};

function valuesOf(d: InterpretationDetail): Values {
  return {
    publicationId: d.publicationId, title: d.title, form: d.form as InterpretationForm, interpreterName: d.interpreterName, interpreterTitle: d.interpreterTitle ?? '',
    byUnitHead: d.byUnitHead, mediaUrl: d.mediaUrl ?? '', body: d.bodyHtml,
  };
}

function inputOf(v: Values): Omit<InterpretationInput, 'unitId'> {
  return {
    publicationId: v.publicationId, title: (v.title ?? '').trim(), form: v.form, interpreterName: (v.interpreterName ?? '').trim(),
    interpreterTitle: v.interpreterTitle?.trim() || null, byUnitHead: !!v.byUnitHead, mediaUrl: v.mediaUrl?.trim() || null, body: v.body ?? '',
  };
}

const canWrite = (role: string, userUnit: number, unitId: number) => role === 'office' || (role !== 'observer' && userUnit === unitId);

export default function InterpretationScene() {
  const { id: idParam } = useParams();
  const user = useUser();
  if (idParam === undefined) {
    if (user.role === 'observer') return <Result status="403" title="403" subTitle={t.errors.forbidden} />;
    return <Editor />;
  }
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="404" subTitle={t.errors.notFound} />;
  return <Existing id={id} />;
}

function Existing({ id }: { id: number }) {
  const detail = useLoad(() => api.get(id), [id]);
  if (detail.loading && !detail.data) return <Centered><Spin aria-label={t.common.loading} /></Centered>;
  if (detail.error && !detail.data) {
    return <Result status={detail.errorCode?.includes('NOT_FOUND') ? '404' : 'error'} title={detail.error} extra={<Link to="/interpretations">{it.back}</Link>} />;
  }
  if (!detail.data) return null;
  return <Editor existing={detail.data} onChanged={(d) => detail.setData(d)} reload={() => void detail.reload()} />;
}

function Editor({ existing, onChanged, reload }: { existing?: InterpretationDetail; onChanged?: (d: InterpretationDetail) => void; reload?: () => void }) {
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const current = Form.useWatch([], form) as Values | undefined;
  const formValue = Form.useWatch('form', form);
  const office = user.role === 'office';
  const unitList = useLoad(office && !existing ? () => unitsApi.list() : null, [office, !!existing]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  const writable = !existing || canWrite(user.role, user.unitId, existing.unitId);
  const editable = writable && existing?.state !== 'withdrawn';
  const saved = useMemo(() => (existing ? valuesOf(existing) : undefined), [existing]);
  const dirty = !existing || (!!current && !!saved && JSON.stringify(inputOf(current)) !== JSON.stringify(inputOf(saved)));

  const conflict = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
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
        message.success(it.created);
        navigate(`/interpretations/${created.id}`, { replace: true });
      } else {
        const after = await api.update(existing.id, inputOf(v));
        onChanged?.(after);
        form.setFieldsValue(valuesOf(after));
        message.success(it.saved);
      }
      return true;
    } catch (e) {
      if (!conflict(e)) setError(showServerError(form, e, ERROR_FIELDS, FIELDS));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const publish = async (publishedOn: string) => {
    if (!existing) return;
    if (dirty && !(await save())) return;
    try {
      const after = await api.publish(existing.id, publishedOn || null);
      onChanged?.(after);
      message.success(it.published);
      setPublishing(false);
    } catch (e) {
      if (conflict(e)) setPublishing(false);
      else {
        const msg = showServerError(form, e, ERROR_FIELDS, FIELDS);
        setPublishing(false);
        if (msg) setError(msg);
      }
    }
  };

  const remove = async () => {
    if (!existing) return;
    try {
      await api.remove(existing.id);
      message.success(it.deleted);
      navigate('/interpretations', { replace: true });
    } catch (e) {
      if (!conflict(e)) message.error(errorMessage(e));
    }
  };

  const policyInitial = existing
    ? { value: existing.publicationId, label: existing.publication ? `${existing.publication.title}${existing.publication.docNumber ? `（${existing.publication.docNumber}）` : ''}` : `#${existing.publicationId}` }
    : null;

  return (
    <>
      <div style={{ marginBottom: 8 }}><Link to="/interpretations">← {it.back}</Link></div>
      <Typography.Title level={2} className="gk-page-title">
        {existing ? existing.title : it.createTitle} {existing && <InterpretationStateTag state={existing.state} label={existing.stateLabel} />}
      </Typography.Title>
      {existing && (
        <div className="gk-page-intro">
          {existing.unitName} · {existing.formLabel}
          {existing.publishedOn && <> · {it.publishedOn} {formatDate(existing.publishedOn)}</>}
          {existing.publication && <> · <a href={existing.publication.url} target="_blank" rel="noopener">{it.viewPolicy}</a></>}
          {existing.state === 'published' && <> · <a href={existing.url} target="_blank" rel="noopener">{it.viewPublic}</a></>}
        </div>
      )}
      {existing?.state === 'withdrawn' && <Alert type="error" showIcon title={it.withdrawn} description={existing.withdrawnReason ? `${it.withdrawnReason}：${existing.withdrawnReason}` : undefined} style={{ marginBottom: 16 }} />}

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {editable ? (
            <Form<Values>
              form={form}
              onValuesChange={clearErrorsOf(form)}
              layout="vertical"
              name="interpretation"
              disabled={busy}
              initialValues={existing ? valuesOf(existing) : { form: 'text', byUnitHead: false, body: '' }}
              onFinish={() => void save()}
            >
              <Card size="small" title={t.publications.basics} style={{ marginBottom: 16 }}>
                {office && !existing && (
                  <Form.Item name="unitId" label={it.unit} rules={[{ required: true, message: it.unitRequired }]}>
                    <Select showSearch={{ optionFilterProp: 'label' }} loading={unitList.loading} options={(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))} />
                  </Form.Item>
                )}
                <Form.Item name="publicationId" label={it.policy} rules={[{ required: true, message: it.policyRequired }]}>
                  <PolicySelect initial={policyInitial} />
                </Form.Item>
                <Form.Item name="title" label={it.titleField} rules={[{ required: true, whitespace: true, message: it.titleRequired }, { max: 300 }]}>
                  <Input maxLength={300} showCount />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item name="form" label={it.form} rules={[{ required: true }]}><Select options={options(it.forms)} /></Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="interpreterName" label={it.interpreter} rules={[{ required: true, whitespace: true, message: it.interpreterRequired }, { max: 100 }]}><Input /></Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="interpreterTitle" label={it.interpreterTitle} rules={[{ max: 100 }]}><Input /></Form.Item>
                  </Col>
                </Row>
                <Form.Item name="byUnitHead" valuePropName="checked"><Checkbox>{it.byUnitHead}</Checkbox></Form.Item>
                <Form.Item
                  name="mediaUrl"
                  label={it.mediaUrl}
                  extra={it.mediaUrlHint}
                  rules={[{ required: formValue === 'media', whitespace: true }, { pattern: /^https?:\/\/\S+$/i, message: t.reportForm.linkInvalid }]}
                >
                  <Input placeholder="https://" />
                </Form.Item>
              </Card>
              <Card size="small" title={it.body} style={{ marginBottom: 16 }}>
                <Form.Item name="body" extra={it.bodyHint} style={{ marginBottom: 0 }}>
                  <Input.TextArea aria-label={it.body} autoSize={{ minRows: 8, maxRows: 24 }} maxLength={300_000} />
                </Form.Item>
                {existing && (
                  <>
                    <Typography.Title level={5} style={{ marginTop: 16 }}>{it.preview}</Typography.Title>
                    <div className="gk-rich-frame">
                      {existing.bodyHtml ? <div className="gk-rich" dangerouslySetInnerHTML={{ __html: existing.bodyHtml }} /> : <span className="gk-muted">{it.noBody}</span>}
                    </div>
                  </>
                )}
              </Card>
              {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
              <Space style={{ marginBottom: 16 }}>
                <Button type="primary" htmlType="submit" loading={busy} disabled={!dirty}>{existing ? it.save : t.publications.saveDraft}</Button>
                {existing && dirty && <span className="gk-muted">有尚未保存的修改</span>}
              </Space>
            </Form>
          ) : existing && (
            <>
              <Card size="small" title={t.publications.basics} style={{ marginBottom: 16 }}>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'policy', label: it.policy, span: 2, children: existing.publication ? existing.publication.title : `#${existing.publicationId}` },
                    { key: 'unit', label: it.unit, children: existing.unitName },
                    { key: 'form', label: it.form, children: existing.formLabel },
                    { key: 'who', label: it.interpreter, children: `${existing.interpreterName}${existing.interpreterTitle ? `（${existing.interpreterTitle}）` : ''}` },
                    { key: 'head', label: it.byUnitHeadShort, children: existing.byUnitHead ? t.common.yes : t.common.no },
                    ...(existing.mediaUrl ? [{ key: 'media', label: it.mediaUrl, span: 2, children: <a href={existing.mediaUrl} target="_blank" rel="noopener noreferrer">{existing.mediaUrl}</a> }] : []),
                    { key: 'published', label: it.publishedOn, children: formatDate(existing.publishedOn) || '—' },
                    { key: 'updated', label: t.publications.updatedAt, children: formatDateTime(existing.updatedAt) },
                  ]}
                />
              </Card>
              <Card size="small" title={it.body} style={{ marginBottom: 16 }}>
                {existing.bodyHtml ? <div className="gk-rich" dangerouslySetInnerHTML={{ __html: existing.bodyHtml }} /> : <span className="gk-muted">{it.noBody}</span>}
              </Card>
            </>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t.common.actions}>
            {!existing && <span className="gk-muted">保存后可发布。</span>}
            {existing && !writable && <span className="gk-muted">{it.readOnly}</span>}
            {existing && writable && (
              <Space wrap>
                {existing.state === 'draft' && <Button type="primary" onClick={() => setPublishing(true)}>{it.publish}</Button>}
                {existing.state === 'published' && <Button danger onClick={() => setWithdrawing(true)}>{it.withdraw}</Button>}
                {existing.state === 'draft' && (
                  <Popconfirm title={it.deleteConfirm} okText={t.common.delete} okButtonProps={{ danger: true }} cancelText={t.common.cancel} onConfirm={() => remove()}>
                    <Button danger>{it.deleteDraft}</Button>
                  </Popconfirm>
                )}
                {existing.state === 'withdrawn' && <span className="gk-muted">{it.withdrawn}</span>}
              </Space>
            )}
          </Card>
        </Col>
      </Row>

      {existing && (
        <PublishModal open={publishing} dirty={dirty} onCancel={() => setPublishing(false)} onOk={publish} />
      )}
      {existing && (
        <WithdrawModal
          open={withdrawing}
          title={it.withdrawTitle(existing.title)}
          onCancel={() => setWithdrawing(false)}
          onOk={async (reason) => {
            try {
              const after = await api.withdraw(existing.id, reason);
              onChanged?.(after);
              message.success(it.withdrawn);
              setWithdrawing(false);
            } catch (e) {
              if (conflict(e)) setWithdrawing(false);
              else message.error(errorMessage(e));
            }
          }}
        />
      )}
    </>
  );
}

function PublishModal({ open, dirty, onCancel, onOk }: { open: boolean; dirty: boolean; onCancel(): void; onOk(publishedOn: string): Promise<void> }) {
  const today = chinaDay();
  const [date, setDate] = useState(today);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={it.publish}
      okText={it.publish}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        setBusy(true);
        try {
          await onOk(date);
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>{it.publishConfirm}</p>
      {dirty && <p className="gk-muted">{t.publications.saveFirst}</p>}
      <label>
        {it.publishedOn}：<Input type="date" max={today} value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 180 }} aria-label={it.publishedOn} />
      </label>
    </Modal>
  );
}

function WithdrawModal({ open, title, onCancel, onOk }: { open: boolean; title: string; onCancel(): void; onOk(reason: string): Promise<void> }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okText={it.withdraw}
      okButtonProps={{ danger: true }}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onCancel}
      destroyOnHidden
      onOk={() => void form.validateFields().then(async (v) => {
        setBusy(true);
        try {
          await onOk(v.reason.trim());
        } finally {
          setBusy(false);
        }
      }, () => undefined)}
    >
      <Form form={form} onValuesChange={clearErrorsOf(form)} layout="vertical" name="interpretation-withdraw" preserve={false}>
        <Form.Item name="reason" label={it.withdrawReason} rules={[{ required: true, whitespace: true, message: it.withdrawReasonRequired }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
