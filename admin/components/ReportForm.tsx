/**
 * The progress report form (进展报送): text, evidence links, attachments (PDF, Word, Excel, images;
 * type and size checked here, and again by the server), 已完成, 公开摘要. A resubmission is a new
 * version; nothing is overwritten.
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Progress, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { MinusCircleOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/client.ts';
import { reports } from '../api/endpoints.ts';
import type { Period, ReportStatus } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { formatDate } from './format.ts';

export const MAX_ATTACHMENT_MB = 20;
export const MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT_MB * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

/** Allowed attachments: extension → MIME types browsers report for it. */
const ALLOWED: Record<string, string[]> = {
  pdf: ['application/pdf'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  gif: ['image/gif'],
  webp: ['image/webp'],
};
export const ACCEPT = Object.keys(ALLOWED).map((e) => `.${e}`).join(',');

/** Why a file may not be attached, or null when it may. */
export function attachmentProblem(file: { name: string; size: number; type: string }): string | null {
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  const mimes = ALLOWED[ext];
  if (!mimes || (file.type && file.type !== 'application/octet-stream' && !mimes.includes(file.type))) return t.reportForm.badType(file.name);
  if (file.size > MAX_ATTACHMENT_BYTES) return t.reportForm.tooLarge(file.name, MAX_ATTACHMENT_MB);
  if (file.size === 0) return t.reportForm.badType(file.name);
  return null;
}

interface Values {
  periodId: number;
  text: string;
  links: string[];
  completed: boolean;
  publicSummary: string;
}

export interface ReportFormProps {
  assignmentId: number;
  periods: { period: Period; status: ReportStatus }[];
  periodId: number | undefined;
  onPeriodChange(id: number): void;
  lead: boolean;
  /** the latest version in the chosen period, to prefill a resubmission */
  previous?: { text: string; evidenceLinks: string[]; completed: boolean; publicSummary: string | null } | null;
  onSubmitted(): void;
}

export function ReportForm({ assignmentId, periods, periodId, onPeriodChange, lead, previous, onSubmitted }: ReportFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const status = periods.find((p) => p.period.id === periodId)?.status;

  const onFinish = async (v: Values) => {
    if (!periodId) return;
    setError(null);
    setProgress(0);
    try {
      await reports.submit(assignmentId, {
        periodId,
        text: v.text.trim(),
        completed: !!v.completed,
        publicSummary: (v.publicSummary ?? '').trim(),
        evidenceLinks: (v.links ?? []).map((l) => l?.trim()).filter((l): l is string => !!l),
        attachments: files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f),
      }, setProgress);
      message.success(t.reportForm.submitted);
      form.resetFields();
      setFiles([]);
      onSubmitted();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const hint = status === 'accepted' ? t.reportForm.accepted : status === 'submitted' ? t.reportForm.pending : status === 'returned' ? t.reportForm.returned : null;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={`report-${assignmentId}`}
      onFinish={onFinish}
      initialValues={{
        text: previous?.text ?? '',
        links: previous?.evidenceLinks?.length ? previous.evidenceLinks : [''],
        completed: previous?.completed ?? false,
        publicSummary: previous?.publicSummary ?? '',
      }}
      disabled={progress !== null}
    >
      {hint && <Alert type={status === 'returned' ? 'warning' : status === 'accepted' ? 'success' : 'info'} showIcon title={hint} style={{ marginBottom: 12 }} />}
      <Form.Item label={t.reportForm.period} required>
        <Select
          aria-label={t.reportForm.period}
          value={periodId}
          onChange={onPeriodChange}
          options={periods.map(({ period, status: s }) => ({ value: period.id, label: `${period.label}（截止 ${formatDate(period.dueOn)}，${t.statuses[s]}）` }))}
        />
      </Form.Item>
      <Form.Item label={lead ? `${t.reportForm.text}（牵头汇总）` : t.reportForm.text} name="text" rules={[{ required: true, whitespace: true, message: t.reportForm.textRequired }]}>
        <Input.TextArea rows={6} placeholder={t.reportForm.textPlaceholder} maxLength={10000} showCount />
      </Form.Item>
      <Form.Item label={t.reportForm.links}>
        <Form.List name="links">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
                  <Form.Item
                    name={field.name}
                    noStyle
                    rules={[{ pattern: /^https?:\/\/\S+$/i, message: t.reportForm.linkInvalid }]}
                  >
                    <Input aria-label={`${t.reportForm.links} ${i + 1}`} placeholder={t.reportForm.linkPlaceholder} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" aria-label="删除链接" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />}
                </div>
              ))}
              {fields.length < 20 && <Button type="dashed" onClick={() => add('')} icon={<PlusOutlined />}>{t.reportForm.addLink}</Button>}
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t.reportForm.attachments} extra={t.reportForm.attachmentHint(MAX_ATTACHMENT_MB, MAX_ATTACHMENTS)}>
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
            return false; // keep in the list; sent with the form
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
      <Form.Item name="completed" valuePropName="checked" extra={t.reportForm.completedHint}>
        <Checkbox>{t.reportForm.completed}</Checkbox>
      </Form.Item>
      <Form.Item label={t.reportForm.publicSummary} name="publicSummary" extra={t.reportForm.publicSummaryHint}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {progress !== null && <Progress percent={progress} status="active" aria-label={t.reportForm.uploading} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={progress !== null} disabled={!periodId}>
        {status === 'submitted' || status === 'returned' ? t.reportForm.resubmit : lead ? t.reportForm.leadTitle : t.reportForm.submit}
      </Button>
    </Form>
  );
}
