/**
 * One inspection: what was checked, and its findings with each one's state (待整改 / 待复核 / 已退回 /
 * 已销号, overdue flagged). The office edits it, adds findings (unit, severity, problem,
 * requirement, due date), issues them (下发整改), verifies each finding in its drawer (通过销号 /
 * 退回 with the reason), publishes the findings and their rectification status, and ends it once
 * every finding is closed. Observers read; a unit sees only its own findings (through 我的整改).
 */
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Result, Select, Space, Spin, Table, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { inspections as api, lists as listsApi, units as unitsApi } from '../../api/endpoints.ts';
import type { Finding, FindingSeverity } from '../../api/types.ts';
import { Centered } from '../../components/AppLayout.tsx';
import { chinaDay, formatDate } from '../../components/format.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { options } from '../Publications/shared.tsx';
import { INSPECTION_ERRORS, INSPECTION_FIELDS, InspectionFields, inputOf } from './InspectionsScene.tsx';
import { FindingDrawer, FindingStateTag, InspectionStateTag, SeverityTag } from './shared.tsx';

const it = t.inspections;

const FINDING_FIELDS = ['unitId', 'severity', 'problem', 'requirement', 'dueOn', 'taskId'] as const;
const FINDING_ERRORS = {
  FINDING_UNIT_NOT_FOUND: 'unitId', FINDING_SEVERITY_INVALID: 'severity', FINDING_PROBLEM_REQUIRED: 'problem', FINDING_REQUIREMENT_REQUIRED: 'requirement',
  INSPECTION_DATE_INVALID: 'dueOn', FINDING_TASK_NOT_FOUND: 'taskId',
};

interface FindingValues {
  unitId: number;
  severity: FindingSeverity;
  problem: string;
  requirement: string;
  dueOn: string;
  taskId?: number | null;
}

/** Picks a task of a published list (选填): the list first, then the task by its 序号. */
function TaskPicker({ value, onChange }: { value?: number | null; onChange?: (v: number | null) => void }) {
  const lists = useLoad(() => listsApi.list({ state: 'published' }), []);
  const [listId, setListId] = useState<number | undefined>(undefined);
  const tasks = useLoad(listId ? () => listsApi.tasks(listId) : null, [listId]);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        aria-label="清单"
        style={{ width: '40%' }}
        allowClear
        placeholder="选择清单"
        value={listId}
        onChange={(v) => { setListId(v ?? undefined); onChange?.(null); }}
        loading={lists.loading}
        options={(lists.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.year}年 ${l.title}` }))}
      />
      <Select
        aria-label="清单任务"
        style={{ width: '60%' }}
        allowClear
        disabled={!listId}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="选择任务"
        value={value ?? undefined}
        onChange={(v) => onChange?.(v ?? null)}
        loading={tasks.loading}
        options={(tasks.data?.items ?? []).map((x) => ({ value: x.id, label: `第${x.seq}项 ${x.text.slice(0, 40)}` }))}
      />
    </Space.Compact>
  );
}

export default function InspectionScene() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const load = useLoad(() => api.get(id), [id]);
  const findings = useLoad(() => api.findings(id), [id]);
  const office = user.role === 'office';
  const unitList = useLoad(office ? () => unitsApi.list() : null, [office]);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const [drawer, setDrawer] = useState<number | null>(Number(params.get('finding')) || null);
  const [editForm] = Form.useForm();
  const [findingForm] = Form.useForm<FindingValues>();
  const i = load.data;

  if (load.errorCode === 'INSPECTION_NOT_FOUND' || (load.error && !i)) {
    return <Result status="404" title={it.notFound} subTitle={load.error} extra={<Link to="/inspections">{it.back}</Link>} />;
  }
  if (!i) return <Centered><Spin /></Centered>;

  const refresh = async () => {
    await Promise.all([load.reload(), findings.reload()]);
  };
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const saveEdit = async () => {
    setFormError(null);
    const values = await editForm.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      load.setData(await api.update(id, inputOf(values)));
      message.success(it.saved);
      setEditing(false);
    } catch (e) {
      setFormError(showServerError(editForm, e, INSPECTION_ERRORS, INSPECTION_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const addFinding = async () => {
    setFormError(null);
    const v = await findingForm.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await api.addFinding(id, { unitId: v.unitId, severity: v.severity, problem: v.problem.trim(), requirement: v.requirement.trim(), dueOn: v.dueOn, taskId: v.taskId ?? null });
      message.success(it.findingAdded);
      setAdding(false);
      await refresh();
    } catch (e) {
      setFormError(showServerError(findingForm, e, FINDING_ERRORS, FINDING_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{i.title}</Typography.Title>
      <p className="gk-page-intro"><Link to="/inspections">{it.back}</Link></p>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'k', label: it.kind, children: i.kindLabel },
          { key: 'y', label: it.year, children: `${i.year}年` },
          { key: 's', label: it.source, children: i.source ?? '—' },
          { key: 'p', label: it.period, children: i.startedOn ? `${formatDate(i.startedOn)}${i.endedOn ? ` 至 ${formatDate(i.endedOn)}` : ''}` : '—' },
          { key: 'st', label: it.state, children: <><InspectionStateTag state={i.state} label={i.stateLabel} />{i.published && <span className="gk-role" style={{ marginLeft: 4 }}>{it.isPublished}{i.publishedOn ? ` ${formatDate(i.publishedOn)}` : ''}</span>}</> },
          { key: 'c', label: it.counts, children: it.countsText(i.counts) },
          ...(i.description ? [{ key: 'd', label: it.description, span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.description}</span> }] : []),
        ]} />
        <Space wrap style={{ marginTop: 8 }}>
          {office && i.state !== 'closed' && <Button onClick={() => { editForm.setFieldsValue({ ...i }); setFormError(null); setEditing(true); }}>{it.edit}</Button>}
          {office && i.state === 'draft' && (
            <Popconfirm title={it.openConfirm} onConfirm={() => act(() => api.open(id), it.opened)}><Button type="primary">{it.open}</Button></Popconfirm>
          )}
          {office && i.state !== 'draft' && !i.published && (
            <Popconfirm title={it.publishConfirm} overlayStyle={{ maxWidth: 360 }} onConfirm={() => act(() => api.publish(id, true), it.published)}><Button>{it.publish}</Button></Popconfirm>
          )}
          {office && i.published && <Button onClick={() => act(() => api.publish(id, false), it.unpublished)}>{it.unpublish}</Button>}
          <Button icon={<DownloadOutlined />} href={api.xlsxUrl(id)}>{it.exportXlsx}</Button>
          {i.url && <a href={i.url} target="_blank" rel="noreferrer">{it.publicPage}</a>}
          {office && i.state === 'open' && (
            <Popconfirm title={it.closeConfirm} onConfirm={() => act(() => api.close(id), it.closed)}><Button>{it.close}</Button></Popconfirm>
          )}
          {office && i.state === 'draft' && (
            <Popconfirm title={it.removeConfirm} onConfirm={() => act(async () => { await api.remove(id); navigate('/inspections'); }, it.removed)}><Button danger>{it.remove}</Button></Popconfirm>
          )}
        </Space>
      </Card>

      <div className="gk-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>{it.findings}</Typography.Title>
        <span className="gk-spacer" />
        <span className="gk-muted">{it.findingCount(findings.data?.total ?? 0)}</span>
        {office && i.state !== 'closed' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => { findingForm.resetFields(); setFormError(null); setAdding(true); }}>{it.addFinding}</Button>
        )}
      </div>
      {findings.error && <Alert type="error" showIcon title={findings.error} style={{ marginBottom: 12 }} />}
      <Table<Finding>
        rowKey="id"
        size="middle"
        loading={findings.loading}
        dataSource={findings.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ 'data-finding-id': r.id, 'data-state': r.state } as HTMLAttributes<HTMLElement>)}
        scroll={{ x: 1000 }}
        columns={[
          { title: it.unit, dataIndex: 'unitName', key: 'unit', width: 170 },
          { title: it.severity, key: 'severity', width: 80, render: (_, r) => <SeverityTag severity={r.severity} label={r.severityLabel} /> },
          {
            title: it.problem, key: 'problem',
            render: (_, r) => (
              <>
                <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setDrawer(r.id)}>{r.problem}</Button>
                <div className="gk-muted" style={{ fontSize: 12 }}>{it.requirement}：{r.requirement}</div>
              </>
            ),
          },
          { title: it.dueOn, key: 'due', width: 130, render: (_, r) => formatDate(r.dueOn) },
          { title: it.state, key: 'state', width: 170, render: (_, r) => <FindingStateTag finding={r} /> },
          { title: t.common.actions, key: 'actions', width: 90, render: (_, r) => <Button size="small" onClick={() => setDrawer(r.id)}>{r.state === 'submitted' && office ? it.verify : it.detail}</Button> },
        ]}
      />

      <FindingDrawer findingId={drawer} onClose={() => { setDrawer(null); if (params.has('finding')) setParams({}, { replace: true }); }} onChanged={() => { void refresh(); }} />

      <Modal open={editing} title={it.edit} okText={t.common.save} onOk={saveEdit} confirmLoading={busy} onCancel={() => setEditing(false)} destroyOnHidden width={640}>
        <Form form={editForm} layout="vertical" name="inspection-edit" onValuesChange={clearErrorsOf(editForm)}><InspectionFields /></Form>
        {formError && <Alert type="error" showIcon title={formError} role="alert" />}
      </Modal>

      <Modal open={adding} title={it.addFindingTitle} okText={t.common.save} onOk={addFinding} confirmLoading={busy} onCancel={() => setAdding(false)} destroyOnHidden width={640}>
        <Form<FindingValues> form={findingForm} layout="vertical" name="finding-add" onValuesChange={clearErrorsOf(findingForm)} initialValues={{ severity: 'general' }}>
          <Form.Item name="unitId" label={it.unit} rules={[{ required: true, message: `${it.unit}必填` }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={it.unitPlaceholder}
              loading={unitList.loading}
              options={(unitList.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item name="severity" label={it.severity} rules={[{ required: true }]}><Select style={{ width: 120 }} options={options(it.severities)} /></Form.Item>
            <Form.Item name="dueOn" label={it.dueOn} rules={[{ required: true, message: it.dueOnRequired }]}><Input type="date" min={chinaDay()} /></Form.Item>
          </div>
          <Form.Item name="taskId" label={it.taskId}><TaskPicker /></Form.Item>
          <Form.Item name="problem" label={it.problem} rules={[{ required: true, whitespace: true, message: `${it.problem}必填` }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Form.Item name="requirement" label={it.requirement} rules={[{ required: true, whitespace: true, message: `${it.requirement}必填` }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        </Form>
        {formError && <Alert type="error" showIcon title={formError} role="alert" />}
      </Modal>
    </>
  );
}
