/**
 * One registration of the normative register: its numbers and validity; the issuing unit (or the
 * office) sets the effective date, the end of the validity period and a note, and declares the
 * earlier documents this one amends or repeals; the office may declare it expired or repealed
 * outright (with the grounds). Relations link to the related registrations.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Radio, Result, Row, Select, Space, Spin, Typography } from 'antd';
import { ApiError, errorMessage } from '../../api/client.ts';
import { normative as api } from '../../api/endpoints.ts';
import type { NormativeDocumentDetail, NormativeRef } from '../../api/types.ts';
import { Centered } from '../../components/AppLayout.tsx';
import { chinaDay, formatDate, formatDateTime } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { canEditRegistration, IN_FORCE, ValidityTag } from './shared.tsx';

const n = t.normative;

export default function NormativeDetailScene() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const user = useUser();
  const { modal } = App.useApp();
  const detail = useLoad(Number.isInteger(id) && id > 0 ? () => api.get(id) : null, [id]);
  const [declaring, setDeclaring] = useState(false);

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="404" subTitle={t.errors.notFound} />;
  if (detail.loading && !detail.data) return <Centered><Spin aria-label={t.common.loading} /></Centered>;
  if (detail.error && !detail.data) {
    return <Result status={detail.errorCode?.includes('NOT_FOUND') ? '404' : 'error'} title={detail.error} extra={<Link to="/normative">{n.back}</Link>} />;
  }
  const d = detail.data;
  if (!d) return null;
  const editable = canEditRegistration(user, d);
  const inForce = IN_FORCE.includes(d.validity);

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      modal.warning({ title: e.message });
      void detail.reload();
      return null;
    }
    return errorMessage(e);
  };

  return (
    <>
      <div style={{ marginBottom: 8 }}><Link to="/normative">← {n.back}</Link></div>
      <Typography.Title level={2} className="gk-page-title">{d.title} <ValidityTag validity={d.validity} label={d.validityLabel} /></Typography.Title>
      <div className="gk-page-intro">
        {n.regNumber} {d.regNumber} · {d.unitName}{d.docNumber && ` · ${d.docNumber}`}
        {' · '}<Link to={`/publications/${d.id}`}>{n.viewPublication}</Link>
        {d.publicationState === 'published' && <> · <a href={d.url} target="_blank" rel="noopener">{n.viewPublic}</a></>}
      </div>
      {!inForce && <Alert type="info" showIcon title={n.notInForce(d.validityLabel)} style={{ marginBottom: 16 }} />}

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t.publications.basics} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'reg', label: n.regNumber, children: d.regNumber },
                { key: 'doc', label: n.docNumber, children: d.docNumber ?? '—' },
                { key: 'publisher', label: n.publisher, children: d.publisher },
                { key: 'unit', label: n.unit, children: d.unitName },
                { key: 'index', label: n.indexNumber, children: d.indexNumber ?? '—' },
                { key: 'published', label: n.publishedOn, children: formatDate(d.publishedOn) || '—' },
                { key: 'effective', label: n.effectiveOn, children: formatDate(d.effectiveOn) || '—' },
                { key: 'until', label: n.validUntil, children: formatDate(d.validUntil) || '—' },
                { key: 'validity', label: n.validity, children: <ValidityTag validity={d.validity} label={d.validityLabel} /> },
                { key: 'changed', label: n.validityChangedOn, children: formatDate(d.validityChangedOn) || '—' },
                { key: 'note', label: n.validityNote, span: 2, children: d.validityNote ? <span style={{ whiteSpace: 'pre-wrap' }}>{d.validityNote}</span> : '—' },
                { key: 'registered', label: n.registeredAt, children: formatDateTime(d.registeredAt) },
              ]}
            />
          </Card>
          <Card size="small" title={n.relations} style={{ marginBottom: 16 }}>
            {d.amends.length + d.repeals.length + d.amendedBy.length + d.repealedBy.length === 0 && <p className="gk-muted">{n.noRelations}</p>}
            <Relations title={n.amends} items={d.amends} />
            <Relations title={n.repeals} items={d.repeals} />
            <Relations title={n.amendedBy} items={d.amendedBy} />
            <Relations title={n.repealedBy} items={d.repealedBy} />
            {editable && inForce && d.publicationState === 'published' && <AddRelation doc={d} onDone={(next) => detail.setData(next)} failed={failed} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {editable && (
            <Card size="small" title={n.dates} style={{ marginBottom: 16 }}>
              <DatesForm key={d.validUntil + '|' + d.effectiveOn + '|' + d.validityNote} doc={d} inForce={inForce} onDone={(next) => detail.setData(next)} failed={failed} />
            </Card>
          )}
          {user.role === 'office' && inForce && (
            <Card size="small" title={n.declare} style={{ marginBottom: 16 }}>
              <p className="gk-muted">{n.declareHint}</p>
              <Button danger onClick={() => setDeclaring(true)}>{n.declare}</Button>
            </Card>
          )}
        </Col>
      </Row>

      <DeclareModal open={declaring} doc={d} onClose={() => setDeclaring(false)} onDone={(next) => { setDeclaring(false); detail.setData(next); }} failed={failed} />
    </>
  );
}

function Relations({ title, items }: { title: string; items: NormativeRef[] }) {
  if (!items.length) return null;
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <List
        size="small"
        style={{ marginBottom: 12 }}
        dataSource={items}
        renderItem={(r) => (
          <List.Item>
            <span>
              <Link to={`/normative/${r.id}`}>{r.title}</Link>
              <div className="gk-muted" style={{ fontSize: 12 }}>{r.regNumber}{r.docNumber && ` · ${r.docNumber}`}{r.effectiveOn && ` · ${n.effectiveOn} ${formatDate(r.effectiveOn)}`}</div>
            </span>
          </List.Item>
        )}
      />
    </>
  );
}

function DatesForm({ doc, inForce, onDone, failed }: { doc: NormativeDocumentDetail; inForce: boolean; onDone(d: NormativeDocumentDetail): void; failed(e: unknown): string | null }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ effectiveOn: string; validUntil: string; validityNote: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (v: { effectiveOn: string; validUntil: string; validityNote: string }) => {
    const patch: { effectiveOn?: string; validUntil?: string; validityNote?: string | null } = {};
    if (inForce && v.effectiveOn && v.effectiveOn !== doc.effectiveOn) patch.effectiveOn = v.effectiveOn;
    if (inForce && v.validUntil && v.validUntil !== doc.validUntil) patch.validUntil = v.validUntil;
    if ((v.validityNote ?? '').trim() !== (doc.validityNote ?? '')) patch.validityNote = v.validityNote.trim() || null;
    if (!Object.keys(patch).length) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await api.update(doc.id, patch));
      message.success(t.common.saved);
    } catch (e) {
      const msg = failed(e);
      if (msg !== null) {
        setError(showServerError(form, e, {
          NORMATIVE_DATE_INVALID: (m) => (m.startsWith('有效期至') ? 'validUntil' : 'effectiveOn'),
          NORMATIVE_VALIDITY_PERIOD_INVALID: 'validUntil',
        }, ['effectiveOn', 'validUntil', 'validityNote']));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      onValuesChange={clearErrorsOf(form)}
      layout="vertical"
      name="normative-dates"
      disabled={busy}
      initialValues={{ effectiveOn: doc.effectiveOn ?? '', validUntil: doc.validUntil ?? '', validityNote: doc.validityNote ?? '' }}
      onFinish={(v) => void save(v)}
    >
      {inForce && <p className="gk-muted" style={{ fontSize: 12 }}>{n.datesHint}</p>}
      <Space wrap>
        <Form.Item name="effectiveOn" label={n.effectiveOn}><Input type="date" disabled={!inForce} /></Form.Item>
        <Form.Item name="validUntil" label={n.validUntil}><Input type="date" disabled={!inForce} /></Form.Item>
      </Space>
      <Form.Item name="validityNote" label={n.validityNote}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy}>{n.saveDates}</Button>
    </Form>
  );
}

/** A search select over the register's documents in force. */
function TargetSelect({ exclude, value, onChange }: { exclude: number; value?: number; onChange?: (v: number | undefined) => void }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const run = async (q: string) => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const r = await api.list({ q: q.trim() || undefined, inForce: true, pageSize: 30 });
      if (mine === seq.current) {
        setOptions(r.items.filter((x) => x.id !== exclude).map((x) => ({ value: x.id, label: `${x.regNumber} ${x.title}${x.docNumber ? `（${x.docNumber}）` : ''}` })));
      }
    } catch {
      if (mine === seq.current) setOptions([]);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  };
  useEffect(() => {
    void run('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Select
      aria-label={n.target}
      showSearch={{ filterOption: false, onSearch: (q) => void run(q) }}
      placeholder={n.targetPlaceholder}
      loading={loading}
      value={value}
      onChange={onChange}
      options={options}
      allowClear
      notFoundContent={loading ? <Spin size="small" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    />
  );
}

function AddRelation({ doc, onDone, failed }: { doc: NormativeDocumentDetail; onDone(d: NormativeDocumentDetail): void; failed(e: unknown): string | null }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'amends' | 'repeals'; targetId: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (v: { kind: 'amends' | 'repeals'; targetId: number }) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api.relate(doc.id, v.targetId, v.kind));
      message.success(n.relationAdded);
      form.resetFields();
    } catch (e) {
      const msg = failed(e);
      if (msg !== null) setError(msg);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
      <Typography.Text strong>{n.addRelation}</Typography.Text>
      <p className="gk-muted" style={{ fontSize: 12 }}>{n.relationHint}</p>
      <Form form={form} onValuesChange={clearErrorsOf(form)} layout="vertical" name="normative-relation" initialValues={{ kind: 'amends' }} onFinish={(v) => void add(v)} disabled={busy}>
        <Form.Item name="kind" label={n.relationKind}>
          <Radio.Group options={Object.entries(n.relationKinds).map(([value, label]) => ({ value, label: `本文件${label}` }))} />
        </Form.Item>
        <Form.Item name="targetId" label={n.target} rules={[{ required: true, message: n.targetRequired }]}>
          <TargetSelect exclude={doc.id} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
        <Button htmlType="submit" loading={busy}>{n.addRelation}</Button>
      </Form>
    </div>
  );
}

function DeclareModal({ open, doc, onClose, onDone, failed }: { open: boolean; doc: NormativeDocumentDetail; onClose(): void; onDone(d: NormativeDocumentDetail): void; failed(e: unknown): string | null }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ validity: 'expired' | 'repealed'; note: string; changedOn: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = chinaDay();

  const submit = async (v: { validity: 'expired' | 'repealed'; note: string; changedOn: string }) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api.setValidity(doc.id, { validity: v.validity, note: v.note.trim(), changedOn: v.changedOn || undefined }));
      message.success(n.declared);
    } catch (e) {
      const msg = failed(e);
      if (msg !== null) setError(showServerError(form, e, { NORMATIVE_NOTE_REQUIRED: 'note', NORMATIVE_DATE_INVALID: 'changedOn' }, ['validity', 'note', 'changedOn']));
      else onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`${n.declare}：${doc.title}`}
      okText={n.declare}
      okButtonProps={{ danger: true }}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => { if (o) setError(null); }}
      onOk={() => void form.validateFields().then(submit, () => undefined)}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} onValuesChange={clearErrorsOf(form)} layout="vertical" name="normative-declare" preserve={false} initialValues={{ validity: 'expired', changedOn: today }}>
        <Form.Item name="validity" label={n.declareValidity}>
          <Radio.Group options={[{ value: 'expired', label: n.validities.expired }, { value: 'repealed', label: n.validities.repealed }]} />
        </Form.Item>
        <Form.Item name="note" label={n.declareNote} rules={[{ required: true, whitespace: true, message: n.declareNoteRequired }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="changedOn" label={n.declareOn}>
          <Input type="date" max={today} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
