/**
 * The review queue (审核): reports awaiting this reviewer's decision; accept, or return with a
 * comment. When another reviewer got there first (409 REPORT_ALREADY_REVIEWED) the user is told so
 * and the queue reloads.
 */
import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { ApiError, errorMessage } from '../api/client.ts';
import { reports, reviews } from '../api/endpoints.ts';
import type { QueueItem } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { formatDateTime } from './format.ts';
import { ReportView } from './ReportHistory.tsx';
import { RoleTag } from './StatusTag.tsx';
import { useLoad } from './useLoad.ts';

export function ReviewQueue({ listId, readOnly = false, onChanged }: { listId: number | undefined; readOnly?: boolean; onChanged?: () => void }) {
  const { message, modal } = App.useApp();
  const load = useLoad(() => reviews.queue(listId), [listId]);
  const [returning, setReturning] = useState<QueueItem | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  const decide = async (item: QueueItem, decision: 'accept' | 'return', comment?: string) => {
    setBusy(item.id);
    try {
      await reports.review(item.id, decision, comment);
      message.success(decision === 'accept' ? `${t.review.accepted}：${item.unitName} · 任务 ${item.seq}` : `${t.review.returned}：${item.unitName} · 任务 ${item.seq}`);
      setReturning(null);
      form.resetFields();
      onChanged?.();
      await load.reload();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'REPORT_ALREADY_REVIEWED') {
        setReturning(null);
        modal.warning({ title: t.review.conflict, content: e.message });
        await load.reload();
        onChanged?.();
        return false;
      }
      message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const items = load.data?.items ?? [];
  return (
    <>
      {load.error && <Alert type={load.errorCode === 'NOT_FOUND' ? 'warning' : 'error'} showIcon title={load.errorCode === 'NOT_FOUND' ? `${t.errors.backendMissing}（GET /api/v1/reviews/queue）` : load.error} style={{ marginBottom: 12 }} />}
      <Table<QueueItem>
        className="gk-review-queue"
        rowKey="id"
        size="middle"
        loading={load.loading}
        dataSource={items}
        locale={{ emptyText: t.review.queueEmpty }}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        expandable={{ expandedRowRender: (r) => <ReportView report={r} />, rowExpandable: () => true }}
        onRow={(r) => ({ 'data-report-id': r.id, 'data-unit': r.unitName, 'data-seq': r.seq } as HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t.common.seq, dataIndex: 'seq', width: 64, align: 'center' },
          { title: t.common.task, dataIndex: 'taskText', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0, maxWidth: 420 }}>{v}</Typography.Paragraph> },
          { title: t.review.submitter, dataIndex: 'unitName', width: 200 },
          { title: t.common.role, dataIndex: 'role', width: 72, render: (v: string) => <RoleTag role={v} /> },
          { title: t.review.period, dataIndex: 'periodLabel', width: 140 },
          { title: t.assignment.submittedAt, dataIndex: 'submittedAt', width: 150, render: (v: string, r) => <span>{formatDateTime(v)}<br /><span className="gk-muted">{t.common.version(r.version)}</span></span> },
          ...(readOnly ? [] : [{
            title: t.common.actions, key: 'actions', width: 150,
            render: (_: unknown, r: QueueItem) => (
              <Space>
                <Button size="small" type="primary" loading={busy === r.id} onClick={() => void decide(r, 'accept')} aria-label={`${t.review.accept}：${r.unitName} 任务 ${r.seq}`}>{t.review.accept}</Button>
                <Button size="small" danger onClick={() => setReturning(r)} aria-label={`${t.review.return}：${r.unitName} 任务 ${r.seq}`}>{t.review.return}</Button>
              </Space>
            ),
          }]),
        ]}
      />
      <Modal
        open={returning !== null}
        title={returning ? `${t.review.returnTitle}：${returning.unitName} · 任务 ${returning.seq}` : ''}
        okText={t.review.return}
        okButtonProps={{ danger: true, loading: busy !== null }}
        cancelText={t.common.cancel}
        onCancel={() => setReturning(null)}
        onOk={() => void form.validateFields().then((v) => returning && decide(returning, 'return', v.comment.trim()))}
        destroyOnHidden
      >
        {returning && <ReportView report={returning} />}
        <Form form={form} layout="vertical" style={{ marginTop: 12 }} name="return">
          <Form.Item name="comment" label={t.review.comment} rules={[{ required: true, whitespace: true, message: t.review.commentRequired }]}>
            <Input.TextArea rows={4} placeholder={t.review.commentPlaceholder} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
