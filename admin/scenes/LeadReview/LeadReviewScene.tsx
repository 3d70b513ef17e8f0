/**
 * 牵头审核: the lead unit's queue of its responsible units' reports (accept / return with a comment),
 * then its own consolidated report (牵头汇总 = a report on its lead assignment) per task, and 催办
 * for the tasks it leads.
 */
import type { HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { assignments as assignmentsApi, reminders } from '../../api/endpoints.ts';
import type { Assignment } from '../../api/types.ts';
import { AssignmentDrawer } from '../../components/AssignmentDrawer.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { ReviewQueue } from '../../components/ReviewQueue.tsx';
import { deadlineOf } from '../../components/sections.ts';
import { useUser } from '../../components/session.tsx';
import { ReportStateTag, StatusTag } from '../../components/StatusTag.tsx';
import { ListPeriodPicker, useListPeriod } from '../../components/useListPeriod.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';

export default function LeadReviewScene() {
  const user = useUser();
  const { message, modal } = App.useApp();
  const lp = useListPeriod();
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('assignment')) || null;
  const leads = useLoad(
    lp.listId ? () => assignmentsApi.list({ unitId: user.unitId, listId: lp.listId, role: 'lead', periodId: lp.periodId, limit: 1000 }) : null,
    [lp.listId, lp.periodId, user.unitId],
  );

  const open = (id: number | null) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (id) next.set('assignment', String(id));
    else next.delete('assignment');
    return next;
  });

  const remind = (a: Assignment) => {
    modal.confirm({
      title: t.review.remindTask,
      content: t.overview.remindConfirm(`任务 ${a.seq} 的责任单位`),
      okText: t.common.remind,
      cancelText: t.common.cancel,
      onOk: async () => {
        try {
          const r = await reminders.create({ taskId: a.taskId });
          message.success(t.common.reminded(r.created));
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };

  const items = (leads.data?.items ?? []).filter((a) => a.role === 'lead').sort((a, b) => a.seq - b.seq);

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{t.review.title}</Typography.Title>
      <p className="gk-page-intro">{t.review.intro}</p>
      <div className="gk-toolbar"><ListPeriodPicker lp={lp} /></div>
      <Card title={t.review.queue} style={{ marginBottom: 20 }}>
        <ReviewQueue listId={lp.listId} onChanged={() => void leads.reload()} />
      </Card>
      <Card title={t.review.leadSummary}>
        <p className="gk-muted">{t.review.leadSummaryIntro}</p>
        {leads.error && <Alert type="error" showIcon title={leads.error} style={{ marginBottom: 12 }} />}
        <Table<Assignment>
          className="gk-lead-table"
          rowKey="id"
          size="middle"
          loading={leads.loading}
          dataSource={items}
          pagination={items.length > 20 ? { pageSize: 20 } : false}
          onRow={(r) => ({ 'data-assignment-id': r.id, 'data-seq': r.seq, 'data-status': r.status ?? '' } as HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t.common.seq, dataIndex: 'seq', width: 64, align: 'center' },
            { title: t.common.task, dataIndex: 'taskText', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0, maxWidth: 520 }}>{v}</Typography.Paragraph> },
            { title: t.common.dueDate, key: 'due', width: 130, render: (_, r) => deadlineOf(r, formatDate) },
            { title: t.myTasks.currentStatus, key: 'status', width: 100, render: (_, r) => <StatusTag status={r.status} label={r.statusLabel} /> },
            {
              title: t.myTasks.lastReport, key: 'last', width: 180,
              render: (_, r) => (r.lastReport ? <span>{t.common.version(r.lastReport.version)} <ReportStateTag state={r.lastReport.state} /><br /><span className="gk-muted">{formatDateTime(r.lastReport.submittedAt)}</span></span> : <span className="gk-muted">{t.assignment.noReports}</span>),
            },
            {
              title: t.common.actions, key: 'actions', width: 200,
              render: (_, r) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => open(r.id)} aria-label={`${t.review.leadSummaryButton}：任务 ${r.seq}`}>{t.review.leadSummaryButton}</Button>
                  <Button size="small" onClick={() => remind(r)} aria-label={`${t.common.remind}：任务 ${r.seq}`}>{t.common.remind}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <AssignmentDrawer assignmentId={openId} periodId={lp.periodId} onClose={() => open(null)} onChanged={() => void leads.reload()} />
    </>
  );
}
