/**
 * Pieces shared by the 督查整改 screens: state tags, the finding drawer (the finding, its
 * rectification reports and evidence; the office verifies — 通过销号 / 退回 with a reason / 直接销号
 * with a note / 撤销 — and the unit answers with the rectification form), and the form itself.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, Modal, Progress, Select, Space, Spin, Timeline, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { MinusCircleOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { findings as api, search as searchApi } from '../../api/endpoints.ts';
import type { Finding, FindingDetail, FindingSeverity, User } from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { ACCEPT, attachmentProblem, MAX_ATTACHMENT_MB, MAX_ATTACHMENTS } from '../../components/ReportForm.tsx';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { options } from '../Publications/shared.tsx';

const it = t.inspections;

type TagStyle = { color: string; background: string; borderColor: string };
const GREY: TagStyle = { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' };
const STYLE: Record<string, TagStyle> = {
  draft: GREY,
  open: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  submitted: { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' },
  returned: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  closed: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  withdrawn: GREY,
};
const SEVERITY: Record<string, TagStyle> = {
  general: GREY,
  major: { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' },
  serious: { color: '#fff', background: '#a8071a', borderColor: '#a8071a' },
};

/** An inspection's state (草稿 / 整改中 / 已结束). */
export function InspectionStateTag({ state, label }: { state: string; label?: string }) {
  return <span className="gk-tag" data-state={state} style={state === 'closed' ? GREY : STYLE[state] ?? GREY}>{label ?? it.states[state] ?? state}</span>;
}

/** A finding's state, with the overdue flag. */
export function FindingStateTag({ finding }: { finding: Pick<Finding, 'state' | 'stateLabel' | 'overdue' | 'closedLate'> }) {
  return (
    <Space size={4} wrap>
      <span className="gk-tag" data-state={finding.state} style={STYLE[finding.state] ?? GREY}>{finding.stateLabel}</span>
      {finding.overdue && <span className="gk-tag" data-overdue="true" style={{ color: '#fff', background: '#cf1322', borderColor: '#cf1322' }}>{it.overdue}</span>}
      {finding.closedLate && <span className="gk-tag" style={STYLE.returned}>{it.closedLate}</span>}
    </Space>
  );
}

export function SeverityTag({ severity, label }: { severity: string; label: string }) {
  return <span className="gk-tag" style={SEVERITY[severity] ?? GREY}>{label}</span>;
}

/** Whether this user answers the finding: its unit's people (not observers). */
export function canRectify(user: User, f: Pick<Finding, 'unitId'>): boolean {
  return user.role !== 'observer' && user.unitId === f.unitId;
}

/** Asks for a text (a reason or a note); `required` refuses an empty one. */
function TextPrompt({ open, title, label, required, hint, okText, onCancel, onOk }: {
  open: boolean; title: string; label: string; required: boolean; hint?: string; okText: string; onCancel(): void; onOk(text: string): Promise<void>;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setText('');
      setError(null);
    }
  }, [open]);
  const ok = async () => {
    if (required && !text.trim()) {
      setError(it.reasonRequired);
      return;
    }
    setBusy(true);
    try {
      await onOk(text.trim());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} okText={okText} onOk={ok} confirmLoading={busy} onCancel={onCancel} destroyOnHidden>
      {hint && <p className="gk-muted">{hint}</p>}
      <label htmlFor="gk-prompt-text">{label}{required ? ' *' : ''}</label>
      <Input.TextArea id="gk-prompt-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} showCount />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} role="alert" />}
    </Modal>
  );
}

type Prompt = 'verify' | 'return' | 'closeDirect' | 'withdraw' | null;

interface EditValues {
  severity: FindingSeverity;
  problem: string;
  requirement: string;
  dueOn: string;
}

/** The office corrects a finding that is not finished: severity, problem, requirement, due date (e.g. an extension). */
function EditFinding({ finding, onCancel, onSaved }: { finding: FindingDetail; onCancel(): void; onSaved(next: FindingDetail): void }) {
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.update(finding.id, { severity: v.severity, problem: v.problem.trim(), requirement: v.requirement.trim(), dueOn: v.dueOn }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={it.editFinding} okText={t.common.save} onOk={save} confirmLoading={busy} onCancel={onCancel} destroyOnHidden width={640}>
      <Form<EditValues> form={form} layout="vertical" name={`finding-edit-${finding.id}`} initialValues={{ severity: finding.severity as FindingSeverity, problem: finding.problem, requirement: finding.requirement, dueOn: finding.dueOn }}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="severity" label={it.severity} rules={[{ required: true }]}><Select style={{ width: 120 }} options={options(it.severities)} /></Form.Item>
          <Form.Item name="dueOn" label={it.dueOn} rules={[{ required: true, message: it.dueOnRequired }]}><Input type="date" /></Form.Item>
        </div>
        <Form.Item name="problem" label={it.problem} rules={[{ required: true, whitespace: true, message: `${it.problem}必填` }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item name="requirement" label={it.requirement} rules={[{ required: true, whitespace: true, message: `${it.requirement}必填` }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

/** The finding with its rectification reports; the office's verification and the unit's form. */
export function FindingDrawer({ findingId, onClose, onChanged }: { findingId: number | null; onClose(): void; onChanged(): void }) {
  const user = useUser();
  const { message } = App.useApp();
  const load = useLoad(findingId ? () => api.get(findingId) : null, [findingId]);
  const [prompt, setPrompt] = useState<Prompt>(null);
  const [editing, setEditing] = useState(false);
  const f = load.data;
  const office = user.role === 'office';
  const active = f && (f.state === 'open' || f.state === 'returned' || f.state === 'submitted');
  const issued = f && f.inspectionState !== 'draft';

  const done = async (p: Promise<FindingDetail>, text: string) => {
    const next = await p;
    load.setData(next);
    setPrompt(null);
    message.success(text);
    onChanged();
  };

  const prompts: Record<Exclude<Prompt, null>, { title: string; label: string; required: boolean; hint?: string; ok: string; run(text: string): Promise<void> }> = {
    verify: { title: it.verify, label: it.verifyNote, required: false, ok: it.verify, run: (x) => done(api.close(f!.id, x || null), it.verified) },
    return: { title: it.returnIt, label: it.returnReason, required: true, ok: it.returnIt, run: (x) => done(api.return(f!.id, x), it.returned) },
    closeDirect: { title: it.closeDirect, label: it.closeDirectNote, required: true, hint: it.closeDirectHint, ok: it.closeDirect, run: (x) => done(api.close(f!.id, x), it.verified) },
    withdraw: { title: it.withdraw, label: it.withdrawReason, required: true, ok: it.withdraw, run: (x) => done(api.withdraw(f!.id, x), it.withdrawn) },
  };
  const p = prompt ? prompts[prompt] : null;
  const latest = f?.rectifications[0];

  return (
    <Drawer open={findingId !== null} onClose={onClose} size={720} title={f ? `${f.unitName}：${f.problem.slice(0, 30)}${f.problem.length > 30 ? '…' : ''}` : it.detail} destroyOnHidden>
      {load.loading && !f && <Spin />}
      {load.error && <Alert type="error" showIcon title={load.error} />}
      {f && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} items={[
            { key: 'i', label: t.inspections.titleField, children: <>{f.inspectionTitle} <span className="gk-muted">（{f.inspectionKindLabel}）</span></> },
            { key: 'u', label: it.unit, children: f.unitName },
            { key: 's', label: it.severity, children: <SeverityTag severity={f.severity} label={f.severityLabel} /> },
            { key: 'p', label: it.problem, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{f.problem}</Typography.Paragraph> },
            { key: 'r', label: it.requirement, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{f.requirement}</Typography.Paragraph> },
            { key: 'd', label: it.dueOn, children: formatDate(f.dueOn) },
            { key: 'st', label: it.state, children: <><FindingStateTag finding={f} />{f.closedOn && <span className="gk-muted"> {it.closedOn} {formatDate(f.closedOn)}</span>}</> },
            ...(f.task ? [{ key: 't', label: '清单任务', children: `第${f.task.seq}项：${f.task.text.slice(0, 80)}` }] : []),
            ...(f.publication ? [{ key: 'pub', label: '涉及的政府信息', children: f.publication.url ? <a href={f.publication.url} target="_blank" rel="noreferrer">{f.publication.title}</a> : f.publication.title }] : []),
            ...(f.officeNote ? [{ key: 'n', label: it.officeNote, children: f.officeNote }] : []),
          ]} />

          {office && active && (
            <Space wrap style={{ marginBottom: 16 }}>
              {f.state === 'submitted' && <Button type="primary" onClick={() => setPrompt('verify')}>{it.verify}</Button>}
              {f.state === 'submitted' && <Button danger onClick={() => setPrompt('return')}>{it.returnIt}</Button>}
              {f.state !== 'submitted' && issued && <Button onClick={() => setPrompt('closeDirect')}>{it.closeDirect}</Button>}
              {f.state !== 'submitted' && <Button onClick={() => setEditing(true)}>{it.editFinding}</Button>}
              <Button type="text" danger onClick={() => setPrompt('withdraw')}>{it.withdraw}</Button>
            </Space>
          )}

          {f.state === 'submitted' && !office && <Alert type="info" showIcon title={it.awaiting} style={{ marginBottom: 12 }} />}
          {f.state === 'returned' && latest?.verificationNote && <Alert type="warning" showIcon title={it.returnedHint(latest.verificationNote)} style={{ marginBottom: 12 }} />}
          {f.state === 'closed' && f.closedOn && <Alert type="success" showIcon title={it.closedHint(formatDate(f.closedOn))} style={{ marginBottom: 12 }} />}

          {canRectify(user, f) && f.inspectionState === 'open' && (f.state === 'open' || f.state === 'returned') && (
            <section aria-labelledby="gk-rectify-h" style={{ marginBottom: 24 }}>
              <Typography.Title level={5} id="gk-rectify-h">{f.state === 'returned' ? it.resubmit : it.rectify}</Typography.Title>
              <RectificationForm finding={f} previous={latest ?? null} onSubmitted={(next) => { load.setData(next); onChanged(); }} />
            </section>
          )}

          <Typography.Title level={5}>{it.rectifications}</Typography.Title>
          {f.rectifications.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={it.noRectifications} /> : (
            <Timeline items={f.rectifications.map((r) => ({
              key: r.id,
              color: r.state === 'accepted' ? 'green' : r.state === 'returned' ? 'red' : 'blue',
              content: (
                <div data-rectification-id={r.id}>
                  <div><strong>{it.version(r.version)}</strong> <span className="gk-muted">{it.submittedAt} {formatDateTime(r.submittedAt)}</span> <span className="gk-tag" style={STYLE[r.state === 'accepted' ? 'closed' : r.state] ?? GREY}>{r.stateLabel}</span></div>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{r.text}</Typography.Paragraph>
                  {(r.evidenceLinks.length > 0 || r.evidencePublications.length > 0 || r.attachments.length > 0) && (
                    <div>
                      <span className="gk-muted">{it.evidence}：</span>
                      <ul style={{ margin: '2px 0', paddingLeft: 20 }}>
                        {r.evidencePublications.map((p) => <li key={`p${p.id}`}>{p.url ? <a href={p.url} target="_blank" rel="noreferrer">{p.title}</a> : p.title}</li>)}
                        {r.evidenceLinks.map((l) => <li key={l}><a href={l} target="_blank" rel="noreferrer noopener">{l}</a></li>)}
                        {r.attachments.map((a) => <li key={`a${a.id}`}><a href={a.url}><PaperClipOutlined /> {a.fileName}</a></li>)}
                      </ul>
                    </div>
                  )}
                  {r.verificationNote && <div><span className="gk-muted">{it.verification}：</span>{r.verificationNote}</div>}
                </div>
              ),
            }))} />
          )}
          {editing && <EditFinding finding={f} onCancel={() => setEditing(false)} onSaved={(next) => { load.setData(next); setEditing(false); message.success(it.saved); onChanged(); }} />}
          {p && <TextPrompt open title={p.title} label={p.label} required={p.required} hint={p.hint} okText={p.ok} onCancel={() => setPrompt(null)} onOk={p.run} />}
        </>
      )}
    </Drawer>
  );
}

interface FormValues {
  text: string;
  links: string[];
  publicationIds: number[];
}

/** Picks the unit's own published publications (found through the public search). */
function OwnPublicationSelect({ unitId, value, onChange }: { unitId: number; value?: number[]; onChange?: (v: number[]) => void }) {
  const [opts, setOpts] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const run = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = window.setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const r = await searchApi.query({ q: q.trim(), kind: 'publication', unitId, pageSize: 20 });
        if (mine !== seq.current) return;
        const kept = opts.filter((o) => value?.includes(o.value));
        const found = r.items.filter((h) => !kept.some((k) => k.value === h.refId)).map((h) => ({ value: h.refId, label: `${h.title}${h.publishedOn ? ` · ${h.publishedOn}` : ''}` }));
        setOpts([...kept, ...found]);
      } catch {
        if (mine === seq.current) setOpts((o) => o.filter((x) => value?.includes(x.value)));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, 250);
  };
  return (
    <Select
      mode="multiple"
      aria-label={it.publications}
      placeholder={it.publicationsPlaceholder}
      showSearch={{ filterOption: false, onSearch: run }}
      value={value}
      onChange={onChange}
      options={opts}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : null}
    />
  );
}

/** 报送整改情况: what was done, and the evidence (links, the unit's published publications, files). */
export function RectificationForm({ finding, previous, onSubmitted }: { finding: FindingDetail; previous: FindingDetail['rectifications'][number] | null; onSubmitted(next: FindingDetail): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const onFinish = async (v: FormValues) => {
    const evidenceLinks = (v.links ?? []).map((l) => l?.trim()).filter((l): l is string => !!l);
    const attachments = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    const publicationIds = v.publicationIds ?? [];
    if (!evidenceLinks.length && !attachments.length && !publicationIds.length) {
      setError(it.evidenceRequired);
      return;
    }
    setError(null);
    setProgress(0);
    try {
      const next = await api.rectify(finding.id, { text: v.text.trim(), evidenceLinks, publicationIds, attachments }, setProgress);
      message.success(it.rectified);
      form.resetFields();
      setFiles([]);
      onSubmitted(next);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      name={`rectification-${finding.id}`}
      onFinish={onFinish}
      initialValues={{ text: previous?.text ?? '', links: previous?.evidenceLinks.length ? previous.evidenceLinks : [''], publicationIds: [] }}
      disabled={progress !== null}
    >
      <Form.Item label={it.rectifyText} name="text" rules={[{ required: true, whitespace: true, message: it.rectifyTextRequired }]}>
        <Input.TextArea rows={5} placeholder={it.rectifyTextPlaceholder} maxLength={20000} showCount />
      </Form.Item>
      <Form.Item label={it.publications} name="publicationIds">
        <OwnPublicationSelect unitId={finding.unitId} />
      </Form.Item>
      <Form.Item label={it.links}>
        <Form.List name="links">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
                  <Form.Item name={field.name} noStyle rules={[{ pattern: /^https?:\/\/\S+$/i, message: t.reportForm.linkInvalid }]}>
                    <Input aria-label={`${it.links} ${i + 1}`} placeholder={it.linkPlaceholder} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" aria-label="删除链接" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />}
                </div>
              ))}
              {fields.length < 20 && <Button type="dashed" onClick={() => add('')} icon={<PlusOutlined />}>{t.reportForm.addLink}</Button>}
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={it.attachments} extra={t.reportForm.attachmentHint(MAX_ATTACHMENT_MB, MAX_ATTACHMENTS)}>
        <Upload
          multiple
          accept={ACCEPT}
          fileList={files}
          beforeUpload={(file, batch) => {
            const problem = attachmentProblem(file);
            if (problem) {
              setFileError(problem);
              return Upload.LIST_IGNORE;
            }
            if (files.length + batch.indexOf(file) >= MAX_ATTACHMENTS) {
              setFileError(t.reportForm.tooMany(MAX_ATTACHMENTS));
              return Upload.LIST_IGNORE;
            }
            setFileError(null);
            return false;
          }}
          onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_ATTACHMENTS))}
          onRemove={(f) => {
            setFiles((prev) => prev.filter((x) => x.uid !== f.uid));
            return true;
          }}
        >
          <Button icon={<PaperClipOutlined />}>{t.reportForm.choose}</Button>
        </Upload>
        {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 8 }} role="alert" />}
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {progress !== null && <Progress percent={progress} status="active" aria-label={t.reportForm.uploading} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={progress !== null}>{finding.state === 'returned' ? it.resubmit : it.rectify}</Button>
    </Form>
  );
}
