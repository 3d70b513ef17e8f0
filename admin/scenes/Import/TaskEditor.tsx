/**
 * Correcting one task of a draft list: text, lead and responsible units (one name per line), due
 * date and the deadline as written. PATCH /api/v1/tasks/:id; the server answers with warnings
 * (unknown units and the like), shown here.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Space } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { tasks as tasksApi } from '../../api/endpoints.ts';
import type { Task, TaskPatch, Warning } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';

interface Values {
  text: string;
  leadUnits: string;
  responsibleUnits: string;
  eachLeads: boolean;
  merged: boolean;
  dueDate: string;
  deadlineText: string;
}

/** One unit (or unit group) per line; names may contain 、 themselves (各县（市、区）政府). */
const lines = (s: string) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function TaskEditor({ task, onClose, onSaved }: { task: Task | null; onClose(): void; onSaved(warnings: Warning[]): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const merged = Form.useWatch('merged', form);

  useEffect(() => {
    setError(null);
    if (task) {
      form.setFieldsValue({
        text: task.text,
        leadUnits: task.leadUnits.join('\n'),
        responsibleUnits: task.responsibleUnits.join('\n'),
        eachLeads: task.eachLeads,
        merged: task.merged,
        dueDate: task.dueDate ?? '',
        deadlineText: task.deadlineText ?? '',
      });
    }
  }, [task, form]);

  const save = async () => {
    if (!task) return;
    const v = await form.validateFields();
    // Only what changed: an untouched field keeps exactly what the importer stored
    const patch: TaskPatch = {};
    const text = v.text.trim();
    const lead = lines(v.leadUnits);
    const responsible = v.merged ? lead : lines(v.responsibleUnits);
    if (text !== task.text) patch.text = text;
    if (!same(lead, task.leadUnits)) patch.leadUnits = lead;
    if (!same(responsible, task.responsibleUnits)) patch.responsibleUnits = responsible;
    if (!!v.eachLeads !== task.eachLeads) patch.eachLeads = !!v.eachLeads;
    if (!!v.merged !== task.merged) patch.merged = !!v.merged;
    if ((v.dueDate || null) !== task.dueDate) patch.dueDate = v.dueDate || null;
    if ((v.deadlineText.trim() || null) !== task.deadlineText) patch.deadlineText = v.deadlineText.trim() || null;
    if (!Object.keys(patch).length) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await tasksApi.update(task.id, patch);
      message.success(t.importer.taskSaved);
      onSaved(r.warnings);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={task !== null}
      title={task ? t.importer.editTask(task.seq) : ''}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      width={720}
      destroyOnHidden
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" name="task-editor">
        <Form.Item name="text" label={t.common.task} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Space align="start" style={{ display: 'flex' }} size={16}>
          <Form.Item name="leadUnits" label={t.common.leadUnits} extra={t.importer.unitsHint} style={{ flex: 1, minWidth: 280 }}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="responsibleUnits" label={t.common.responsibleUnits} extra={merged ? '合并单元格：责任单位同牵头单位' : t.importer.unitsHint} style={{ flex: 1, minWidth: 280 }}>
            <Input.TextArea rows={5} disabled={merged} />
          </Form.Item>
        </Space>
        <Space size={24}>
          <Form.Item name="merged" valuePropName="checked"><Checkbox>牵头单位与责任单位相同（合并单元格）</Checkbox></Form.Item>
          <Form.Item name="eachLeads" valuePropName="checked"><Checkbox>分别负责</Checkbox></Form.Item>
        </Space>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item name="dueDate" label={t.common.dueDate}>
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="deadlineText" label={t.importer.deadlineText} style={{ flex: 1 }}>
            <Input placeholder="如：2020年9月底前" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
