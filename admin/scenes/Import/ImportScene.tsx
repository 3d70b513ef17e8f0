/**
 * 导入 (office): upload a notice → preview with warnings and unknown units → import as a draft →
 * correct tasks (PATCH /tasks/:id on the stored draft) → publish. Uploads show their progress.
 */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Empty, Input, List, Popconfirm, Progress, Result, Select, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { imports, lists as listsApi } from '../../api/endpoints.ts';
import type { ImportPreview, ParsedTask, Task, Warning } from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { deadlineOf, withHeadings } from '../../components/sections.ts';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { TaskEditor } from './TaskEditor.tsx';

function Warnings({ warnings }: { warnings: Warning[] }) {
  if (!warnings.length) return <Alert type="success" showIcon title={t.importer.noWarnings} />;
  return (
    <Alert
      type="warning"
      showIcon
      title={`${t.importer.warnings}（${warnings.length}）`}
      description={
        <ul className="gk-warnings" style={{ margin: 0, paddingLeft: 20, maxHeight: 240, overflow: 'auto' }}>
          {warnings.map((w, i) => <li key={i}>{w.line ? `第 ${w.line} 行：` : ''}{w.message}</li>)}
        </ul>
      }
    />
  );
}

function UploadStep({ onPreview }: { onPreview(file: File, preview: ImportPreview, kind: string, title: string): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('responsibility');
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const preview = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const p = await imports.preview(file, setProgress);
      onPreview(file, p, kind, title);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card>
      <Upload.Dragger
        multiple={false}
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setError(null);
          return false;
        }}
        onRemove={() => setFile(null)}
        fileList={file ? [{ uid: 'notice', name: file.name, size: file.size, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t.importer.dragHint}</p>
        <p className="ant-upload-hint">{t.importer.intro}</p>
      </Upload.Dragger>
      <Space wrap style={{ marginTop: 16 }}>
        <Select aria-label="清单类型" value={kind} onChange={setKind} style={{ width: 220 }} options={Object.entries(t.listKinds).map(([value, label]) => ({ value, label }))} />
        <Input aria-label={t.importer.listTitle} placeholder={`${t.importer.listTitle}（可选，默认按通知识别）`} value={title} onChange={(e) => setTitle(e.target.value)} style={{ width: 360 }} />
        <Button type="primary" disabled={!file} loading={progress !== null} onClick={() => void preview()}>{t.importer.previewButton}</Button>
      </Space>
      {progress !== null && <Progress className="gk-upload-progress" percent={progress} status="active" style={{ marginTop: 12 }} aria-label={t.importer.uploading} />}
      {progress !== null && <div className="gk-muted">{progress < 100 ? t.importer.uploading : '正在识别…'}</div>}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" />}
    </Card>
  );
}

function PreviewStep({ preview, file, kind, title, onImported, onBack }: { preview: ImportPreview; file: File; kind: string; title: string; onImported(listId: number): void; onBack(): void }) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const r = preview.result;
  const allWarnings = preview.warnings.length ? preview.warnings : r.warnings;

  const doImport = async () => {
    setError(null);
    setProgress(0);
    try {
      const outcome = await imports.create(file, { kind, title: title.trim() || undefined }, setProgress);
      message.success(t.importer.imported(outcome.taskCount));
      onImported(outcome.list.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t.importer.previewTitle}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'title', label: t.importer.notice, children: r.notice.title ?? '—', span: 2 },
            { key: 'doc', label: t.importer.docNumber, children: r.notice.docNumber ?? '—' },
            { key: 'issuer', label: t.importer.issuer, children: r.notice.issuer ?? '—' },
            { key: 'issued', label: t.importer.issuedOn, children: formatDate(r.notice.issuedOn) || '—' },
            { key: 'list', label: t.importer.listTitle, children: title.trim() || r.listTitle || '—' },
          ]}
        />
        <Space size={48} style={{ marginTop: 12 }}>
          <Statistic title={t.importer.taskCount} value={r.tasks.length} />
          <Statistic title={t.importer.assignmentCount} value={preview.assignmentCount} />
          <Statistic title={t.importer.warnings} value={allWarnings.length} />
          <Statistic title={t.importer.unknownUnits} value={preview.unknownUnits.length} />
        </Space>
      </Card>
      {preview.existingLists.length > 0 && (
        <Alert type="info" showIcon title={t.importer.existingLists} description={preview.existingLists.map((l) => `${l.title}（#${l.id}）`).join('；')} />
      )}
      <Warnings warnings={allWarnings} />
      {preview.unknownUnits.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${t.importer.unknownUnits}（${preview.unknownUnits.length}）`}
          description={<><p style={{ marginTop: 0 }}>{t.importer.unknownUnitsHint}</p>{preview.unknownUnits.map((u) => <Tag key={u}>{u}</Tag>)}</>}
        />
      )}
      <Card title={`${t.importer.taskCount}：${r.tasks.length}`} size="small">
        <Table<ParsedTask>
          rowKey="seq"
          size="small"
          dataSource={r.tasks}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t.common.seq, dataIndex: 'seq', width: 60, align: 'center' },
            { title: t.common.section, key: 'sec', width: 70, render: (_, x) => [x.section, x.subsection && `（${x.subsection}）`].filter(Boolean).join(' ') },
            { title: t.common.task, dataIndex: 'text', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph> },
            { title: t.common.leadUnits, key: 'lead', width: 200, render: (_, x) => x.leadUnits.join('、') },
            { title: t.common.responsibleUnits, key: 'resp', width: 200, render: (_, x) => (x.merged ? '（同牵头单位）' : x.responsibleUnits.join('、')) },
            { title: t.common.dueDate, key: 'due', width: 130, render: (_, x) => deadlineOf(x, formatDate) },
          ]}
        />
      </Card>
      {progress !== null && <Progress className="gk-upload-progress" percent={progress} status="active" aria-label={t.importer.uploading} />}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Space>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" loading={progress !== null} onClick={() => void doImport()}>{t.importer.importDraft}</Button>
      </Space>
    </Space>
  );
}

function CorrectStep({ listId, onNext }: { listId: number; onNext(): void }) {
  const detail = useLoad(() => listsApi.get(listId), [listId]);
  const [editing, setEditing] = useState<Task | null>(null);
  const [lastWarnings, setLastWarnings] = useState<Warning[]>([]);
  const rows = useMemo(() => withHeadings(detail.data?.tasks ?? [], (x) => x.id, (x) => x.id, detail.data), [detail.data]);
  if (detail.error) return <Alert type="error" showIcon title={detail.error} />;
  const d = detail.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {d && (
        <Card size="small">
          <Space size={48} wrap>
            <div><div className="gk-muted">{t.common.list}</div><strong>{d.title}</strong> <Tag>{d.stateLabel}</Tag></div>
            <Statistic title={t.importer.taskCount} value={d.tasks.length} />
            <Statistic title={t.importer.assignmentCount} value={d.assignmentCount} />
          </Space>
        </Card>
      )}
      {d && <Warnings warnings={d.warnings} />}
      {lastWarnings.length > 0 && <Alert type="warning" showIcon closable title="刚才的更正有以下提示" description={lastWarnings.map((w) => w.message).join('；')} onClose={() => setLastWarnings([])} />}
      <div style={{ overflow: 'auto', maxHeight: '65vh' }}>
        <table className="gk-notice-table gk-draft-table">
          <thead>
            <tr>
              <th scope="col">{t.common.seq}</th>
              <th scope="col">{t.common.task}</th>
              <th scope="col">{t.common.leadUnits}</th>
              <th scope="col">{t.common.responsibleUnits}</th>
              <th scope="col">{t.common.dueDate}</th>
              <th scope="col">{t.common.actions}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => r.kind === 'heading' ? (
              <tr key={r.key} className={r.level === 1 ? 'gk-section-row' : 'gk-subsection-row'}><td colSpan={6}>{r.label}</td></tr>
            ) : (
              <tr key={r.key} data-task-seq={r.item.seq}>
                <td className="gk-seq">{r.item.seq}</td>
                <td>{r.item.text}</td>
                <td className="gk-units-cell">{r.item.leadUnits.join('、')}{r.item.eachLeads ? '（分别负责）' : ''}<div className="gk-muted">{r.item.leadCount} 个单位</div></td>
                <td className="gk-units-cell">{r.item.merged ? '（同牵头单位）' : r.item.responsibleUnits.join('、')}<div className="gk-muted">{r.item.responsibleCount} 个单位</div></td>
                <td style={{ whiteSpace: 'nowrap' }}>{deadlineOf(r.item, formatDate)}</td>
                <td><Button size="small" onClick={() => setEditing(r.item)} aria-label={`${t.common.edit}：任务 ${r.item.seq}`}>{t.common.edit}</Button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button type="primary" onClick={onNext}>下一步：{t.importer.steps.publish}</Button>
      <TaskEditor
        task={editing}
        onClose={() => setEditing(null)}
        onSaved={(w) => {
          setEditing(null);
          setLastWarnings(w);
          void detail.reload();
        }}
      />
    </Space>
  );
}

function PublishStep({ listId, onBack, onRestart }: { listId: number; onBack(): void; onRestart(): void }) {
  const { message } = App.useApp();
  const detail = useLoad(() => listsApi.get(listId), [listId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const d = detail.data;

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await listsApi.publish(listId);
      message.success(t.importer.published);
      await detail.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (d?.state === 'published') {
    return (
      <Result
        status="success"
        title={t.importer.published}
        subTitle={`${d.title} · ${d.tasks.length} 项任务 · ${d.assignmentCount} 条任务分派 · ${formatDateTime(d.publishedAt)}`}
        extra={[
          <Link key="overview" to={`/overview?list=${d.id}`}><Button type="primary">{t.importer.goOverview}</Button></Link>,
          <Button key="again" onClick={onRestart}>{t.importer.restart}</Button>,
        ]}
      />
    );
  }
  return (
    <Card>
      {d && (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'title', label: t.common.list, children: d.title },
            { key: 'notice', label: t.importer.docNumber, children: d.notice?.docNumber ?? '—' },
            { key: 'tasks', label: t.importer.taskCount, children: d.tasks.length },
            { key: 'assignments', label: t.importer.assignmentCount, children: d.assignmentCount },
            { key: 'warnings', label: t.importer.warnings, children: d.warnings.length },
          ]}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} role="alert" />}
      <Space style={{ marginTop: 16 }}>
        <Button onClick={onBack}>上一步</Button>
        <Popconfirm title={t.importer.publishConfirm} okText={t.importer.publish} cancelText={t.common.cancel} onConfirm={() => void publish()}>
          <Button type="primary" loading={busy}>{t.importer.publish}</Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}

export default function ImportScene() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const draftId = Number(params.get('draft')) || null;
  const publishStep = params.get('step') === 'publish';
  const [upload, setUpload] = useState<{ file: File; preview: ImportPreview; kind: string; title: string } | null>(null);
  const drafts = useLoad(() => listsApi.list({ state: 'draft' }), [draftId]);

  const goDraft = (id: number | null, step?: 'publish') => setParams(() => {
    const next = new URLSearchParams();
    if (id) next.set('draft', String(id));
    if (step) next.set('step', step);
    return next;
  });

  const current = draftId ? (publishStep ? 3 : 2) : upload ? 1 : 0;

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{t.importer.title}</Typography.Title>
      <p className="gk-page-intro">{t.importer.intro}</p>
      <Steps
        current={current}
        style={{ marginBottom: 24, maxWidth: 900 }}
        items={[{ title: t.importer.steps.upload }, { title: t.importer.steps.preview }, { title: t.importer.steps.correct }, { title: t.importer.steps.publish }]}
      />
      {current === 0 && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <UploadStep onPreview={(file, preview, kind, title) => setUpload({ file, preview, kind, title })} />
          <Card title={t.importer.drafts} size="small">
            {drafts.data?.items.length ? (
              <List
                dataSource={drafts.data.items}
                renderItem={(l) => (
                  <List.Item
                    actions={[
                      <Button key="go" size="small" type="link" onClick={() => goDraft(l.id)}>{t.importer.continueDraft}</Button>,
                      <Popconfirm
                        key="del"
                        title={t.importer.deleteConfirm}
                        okText={t.common.delete}
                        cancelText={t.common.cancel}
                        onConfirm={async () => {
                          try {
                            await listsApi.remove(l.id);
                            void drafts.reload();
                          } catch (e) {
                            message.error(errorMessage(e));
                          }
                        }}
                      >
                        <Button size="small" type="link" danger>{t.importer.deleteDraft}</Button>
                      </Popconfirm>,
                    ]}
                  >
                    <List.Item.Meta title={l.title} description={`${l.kindLabel} · ${l.taskCount} 项任务 · ${formatDateTime(l.createdAt)}`} />
                  </List.Item>
                )}
              />
            ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有草稿清单" />}
          </Card>
        </Space>
      )}
      {current === 1 && upload && (
        <PreviewStep
          {...upload}
          onBack={() => setUpload(null)}
          onImported={(id) => {
            setUpload(null);
            goDraft(id);
          }}
        />
      )}
      {current === 2 && draftId && <CorrectStep listId={draftId} onNext={() => goDraft(draftId, 'publish')} />}
      {current === 3 && draftId && <PublishStep listId={draftId} onBack={() => goDraft(draftId)} onRestart={() => goDraft(null)} />}
    </>
  );
}
