/**
 * 总览 (office; observers read it): the list in the notice's layout with a status per task, the
 * unit × task matrix, completion charts by section and unit, overdue and due-soon assignments, the
 * review queue, 催办, exports and the list's reporting cycle.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Dropdown, Empty, Modal, Row, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { assignments as assignmentsApi, lists as listsApi, reminders } from '../../api/endpoints.ts';
import type { Assignment, ReminderInput, ReportingCycle, Task } from '../../api/types.ts';
import { AssignmentDrawer } from '../../components/AssignmentDrawer.tsx';
import { formatDate } from '../../components/format.ts';
import { ReviewQueue } from '../../components/ReviewQueue.tsx';
import { useUser } from '../../components/session.tsx';
import { RoleTag, STATUS_FILL, StatusTag } from '../../components/StatusTag.tsx';
import { ListPeriodPicker, useListPeriod } from '../../components/useListPeriod.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { SectionChart, UnitChart } from './Charts.tsx';
import { NoticeLayout } from './NoticeLayout.tsx';
import { MatrixLegend, StatusMatrix, type MatrixCell } from './StatusMatrix.tsx';
import { ReminderSettingsButton } from './ReminderSettings.tsx';

const CYCLE_BY_COUNT: Record<number, ReportingCycle> = { 12: 'monthly', 4: 'quarterly', 2: 'halfYearly', 1: 'oneOff' };

function missing(code: string | null, endpoint: string, error: string | null) {
  if (!error) return null;
  return <Alert type={code === 'NOT_FOUND' ? 'warning' : 'error'} showIcon title={code === 'NOT_FOUND' ? `${t.errors.backendMissing}（${endpoint}）` : error} style={{ marginBottom: 12 }} />;
}

export default function OverviewScene() {
  const user = useUser();
  const office = user.role === 'office';
  const { message, modal } = App.useApp();
  const lp = useListPeriod();
  const [tab, setTab] = useState('layout');
  const [cell, setCell] = useState<MatrixCell | null>(null);
  const [drawer, setDrawer] = useState<number | null>(null);

  const detail = useLoad(lp.listId ? () => listsApi.get(lp.listId!) : null, [lp.listId]);
  const matrix = useLoad(lp.listId ? () => listsApi.matrix(lp.listId!, lp.periodId) : null, [lp.listId, lp.periodId]);
  const overview = useLoad(lp.listId ? () => listsApi.overview(lp.listId!, lp.periodId) : null, [lp.listId, lp.periodId]);
  const reloadAll = () => {
    void matrix.reload();
    void overview.reload();
  };

  const remind = (input: ReminderInput, what: string) => {
    modal.confirm({
      title: t.common.remind,
      content: t.overview.remindConfirm(what),
      okText: t.common.remind,
      cancelText: t.common.cancel,
      onOk: async () => {
        try {
          const r = await reminders.create(input);
          message.success(t.common.reminded(r.created));
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };

  const setCycle = async (cycle: ReportingCycle) => {
    if (!lp.listId) return;
    try {
      await listsApi.setReporting(lp.listId, cycle);
      message.success(t.overview.cycleSaved);
      lp.setPeriodId(undefined);
      await lp.reloadPeriods();
      void detail.reload();
      reloadAll();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const ov = overview.data;
  const m = matrix.data;
  const taskOf = useMemo(() => new Map((detail.data?.tasks ?? []).map((x) => [x.id, x])), [detail.data]);
  const cellTask = cell && m ? m.tasks[cell.taskIndex] : undefined;
  const cellUnit = cell && m ? m.units[cell.unitIndex] : undefined;
  const cellAssignments = useLoad(
    cellTask && cellUnit && lp.listId ? () => assignmentsApi.list({ listId: lp.listId, unitId: cellUnit.id, taskId: cellTask.id, periodId: lp.periodId }) : null,
    [cellTask?.id, cellUnit?.id, lp.listId, lp.periodId],
  );

  const lateColumns = [
    { title: t.common.unit, dataIndex: 'unitName', width: 200 },
    { title: t.common.seq, dataIndex: 'seq', width: 64, align: 'center' as const },
    { title: t.common.task, dataIndex: 'taskText', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0, maxWidth: 460 }}>{v}</Typography.Paragraph> },
    { title: t.common.role, dataIndex: 'role', width: 72, render: (v: string) => <RoleTag role={v} /> },
    { title: t.overview.periodDue, key: 'due', width: 130, render: (_: unknown, r: Assignment) => formatDate(r.currentPeriod?.dueOn ?? r.dueDate) },
    { title: t.common.status, key: 'status', width: 90, render: (_: unknown, r: Assignment) => <StatusTag status={r.status} label={r.statusLabel} /> },
    {
      title: t.common.actions, key: 'remind', width: office ? 130 : 70,
      render: (_: unknown, r: Assignment) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setDrawer(r.id)} aria-label={`${t.myTasks.view}：${r.unitName} 任务 ${r.seq}`}>{t.myTasks.view}</Button>
          {office && <Button size="small" onClick={() => remind({ unitId: r.unitId, taskId: r.taskId }, `${r.unitName}（任务 ${r.seq}）`)} aria-label={`${t.common.remind}：${r.unitName} 任务 ${r.seq}`}>{t.common.remind}</Button>}
        </Space>
      ),
    },
  ];

  const totals = ov?.totals;
  const stat = (title: string, value: number | undefined, color?: string) => (
    <Col xs={12} sm={8} md={4}><Card size="small"><Statistic title={title} value={value ?? '—'} styles={{ content: color ? { color } : undefined }} /></Card></Col>
  );
  const cycle = lp.periods.length ? CYCLE_BY_COUNT[lp.periods.length] : undefined;

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{t.overview.title}</Typography.Title>
      {detail.data?.notice && (
        <p className="gk-page-intro">{detail.data.notice.title}{detail.data.notice.docNumber ? `（${detail.data.notice.docNumber}）` : ''}</p>
      )}
      <div className="gk-toolbar">
        <ListPeriodPicker lp={lp} />
        {office && lp.listId && (
          <Select<ReportingCycle>
            aria-label={t.overview.cycle}
            style={{ width: 190 }}
            value={cycle}
            placeholder={t.overview.cycle}
            onChange={(v) => modal.confirm({ title: t.overview.cycle, content: `将报送周期改为“${t.cycles[v]}”？已有报送的期次不会删除。`, onOk: () => setCycle(v), okText: t.common.confirm, cancelText: t.common.cancel })}
            options={(Object.keys(t.cycles) as ReportingCycle[]).map((c) => ({ value: c, label: `${t.overview.cycle}：${t.cycles[c]}` }))}
          />
        )}
        <span className="gk-spacer" />
        {office && <ReminderSettingsButton icon={<SettingOutlined />} />}
        {lp.listId && (
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: <a href={listsApi.xlsxUrl(lp.listId)} download>{t.overview.exportList}</a> },
                { key: 'progress', label: <a href={listsApi.progressXlsxUrl(lp.listId)} download>{t.overview.exportProgress}</a> },
                ...(lp.periodId ? [{ key: 'bulletin', label: <a href={listsApi.bulletinUrl(lp.listId, lp.periodId)} download>{t.overview.exportBulletin}（{lp.period?.label}）</a> }] : []),
              ],
            }}
          >
            <Button icon={<DownloadOutlined />}>{t.common.download}</Button>
          </Dropdown>
        )}
        {office && lp.listId && ov && ov.totals.overdue > 0 && (
          <Button danger onClick={() => remind({ listId: lp.listId }, `本清单全部逾期单位（${ov.totals.overdue} 项任务分派）`)}>{t.overview.remindAllOverdue}</Button>
        )}
      </div>

      {!lp.listId && !lp.listsLoading && <Empty description={t.common.noList} />}
      {missing(overview.errorCode, 'GET /api/v1/lists/:id/overview', overview.error)}

      {lp.listId && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} className="gk-totals">
            {stat(`${t.overview.totals}${ov?.period ? `（${ov.period.label}）` : ''}`, totals?.total)}
            {stat(t.statuses.accepted, totals?.accepted, STATUS_FILL.accepted)}
            {stat(t.statuses.submitted, totals?.submitted, '#ad6800')}
            {stat(t.statuses.returned, totals?.returned, '#c41d27')}
            {stat(t.statuses.overdue, totals?.overdue, STATUS_FILL.overdue)}
            {stat(t.statuses.notSubmitted, totals?.notSubmitted, '#595959')}
          </Row>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'layout', label: t.overview.tabs.layout,
                children: (
                  <>
                    {missing(matrix.errorCode, 'GET /api/v1/lists/:id/matrix', matrix.error)}
                    {detail.error && <Alert type="error" showIcon title={detail.error} />}
                    {detail.data && <NoticeLayout detail={detail.data} matrix={m} onRemind={office ? (task: Task) => remind({ taskId: task.id }, `任务 ${task.seq} 未完成的单位`) : undefined} />}
                  </>
                ),
              },
              {
                key: 'matrix', label: t.overview.tabs.matrix,
                children: (
                  <>
                    <p className="gk-muted" style={{ marginTop: 0 }}>{t.overview.matrixHint}</p>
                    <div style={{ marginBottom: 8 }}><MatrixLegend /></div>
                    {missing(matrix.errorCode, 'GET /api/v1/lists/:id/matrix', matrix.error)}
                    {m && <StatusMatrix matrix={m} onCell={setCell} />}
                  </>
                ),
              },
              {
                key: 'charts', label: t.overview.tabs.charts,
                children: ov ? (
                  <Row gutter={16}>
                    <Col xs={24} xl={12}><Card title={t.overview.bySection} size="small"><SectionChart overview={ov} /></Card></Col>
                    <Col xs={24} xl={12}><Card title={t.overview.byUnit} size="small"><div style={{ maxHeight: 620, overflow: 'auto' }}><UnitChart overview={ov} /></div></Card></Col>
                  </Row>
                ) : <Empty />,
              },
              {
                key: 'late', label: `${t.overview.tabs.late}${ov ? `（${ov.overdue.length} / ${ov.dueSoon.length}）` : ''}`,
                children: ov ? (
                  <>
                    <Typography.Title level={4}>{t.overview.overdue}</Typography.Title>
                    <Table rowKey="id" size="small" className="gk-overdue" columns={lateColumns} dataSource={ov.overdue} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t.overview.noOverdue }} />
                    <Typography.Title level={4}>{t.overview.dueSoon}</Typography.Title>
                    <Table rowKey="id" size="small" className="gk-due-soon" columns={lateColumns} dataSource={ov.dueSoon} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t.overview.noDueSoon }} />
                  </>
                ) : <Empty />,
              },
              {
                key: 'queue', label: `${t.overview.tabs.queue}${ov ? `（${ov.reviewQueueCount}）` : ''}`,
                children: <ReviewQueue listId={lp.listId} readOnly={!office} onChanged={reloadAll} />,
              },
            ]}
          />
        </>
      )}

      <AssignmentDrawer assignmentId={drawer} periodId={lp.periodId} onClose={() => setDrawer(null)} onChanged={reloadAll} />
      <Modal
        open={cell !== null}
        onCancel={() => setCell(null)}
        title={cellUnit && cellTask ? `${cellUnit.name} · 任务 ${cellTask.seq}` : ''}
        footer={[
          <Button key="close" onClick={() => setCell(null)}>{t.common.close}</Button>,
          ...(cellAssignments.data?.items ?? []).map((a) => (
            <Button key={`a${a.id}`} onClick={() => { setCell(null); setDrawer(a.id); }}>{t.overview.viewReports}（{t.assignmentRoles[a.role]}）</Button>
          )),
          ...(office && cell && cellUnit && cellTask && cell.status !== 'accepted'
            ? [<Button key="remind" type="primary" onClick={() => { setCell(null); remind({ unitId: cellUnit.id, taskId: cellTask.id }, `${cellUnit.name}（任务 ${cellTask.seq}）`); }}>{t.overview.remindUnit}</Button>]
            : []),
        ]}
      >
        {cell && cellTask && (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'task', label: t.common.task, children: taskOf.get(cellTask.id)?.text ?? `任务 ${cellTask.seq}` },
              { key: 'role', label: t.common.role, children: <Space>{cell.roles.map((r) => <RoleTag key={r} role={r} />)}</Space> },
              { key: 'status', label: t.common.status, children: <Space>{cell.statuses.map((s, i) => <StatusTag key={i} status={s} />)}</Space> },
              { key: 'due', label: t.common.dueDate, children: formatDate(taskOf.get(cellTask.id)?.dueDate) || '—' },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
