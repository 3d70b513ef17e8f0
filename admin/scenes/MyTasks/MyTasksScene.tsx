/**
 * 我的任务: the unit's assignments in a list, under the notice's sections, with role, due date, the
 * period's status and the last report; filters and search; a row opens the report form and history.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { assignments as assignmentsApi, lists as listsApi } from '../../api/endpoints.ts';
import type { Assignment, AssignmentRole, ReportStatus } from '../../api/types.ts';
import { AssignmentDrawer } from '../../components/AssignmentDrawer.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { deadlineOf, withHeadings, type LayoutRow } from '../../components/sections.ts';
import { useSession, useUser } from '../../components/session.tsx';
import { FinalStateTag, ReportStateTag, RoleTag, STATUS_ORDER, StatusTag } from '../../components/StatusTag.tsx';
import { ListPeriodPicker, useListPeriod } from '../../components/useListPeriod.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';

type Row = LayoutRow<Assignment>;

export default function MyTasksScene() {
  const user = useUser();
  const { unit } = useSession();
  const lp = useListPeriod();
  const [params, setParams] = useSearchParams();
  const [role, setRole] = useState<AssignmentRole | ''>('');
  const [status, setStatus] = useState<ReportStatus | ''>('');
  const [q, setQ] = useState('');
  const openId = Number(params.get('assignment')) || null;

  const detail = useLoad(lp.listId ? () => listsApi.get(lp.listId!) : null, [lp.listId]);
  const load = useLoad(
    lp.listId ? () => assignmentsApi.list({ unitId: user.unitId, listId: lp.listId, periodId: lp.periodId, limit: 1000 }) : null,
    [lp.listId, lp.periodId, user.unitId],
  );

  const filtered = useMemo(() => {
    const needle = q.trim();
    return (load.data?.items ?? []).filter((a) =>
      (!role || a.role === role) &&
      (!status || a.status === status) &&
      (!needle || a.taskText.includes(needle) || String(a.seq) === needle.replace(/^第|项$/g, '')));
  }, [load.data, role, status, q]);

  const rows = useMemo(() => withHeadings(filtered, (a) => a.taskId, (a) => a.id, detail.data), [filtered, detail.data]);

  const open = (id: number | null) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('assignment', String(id));
      else next.delete('assignment');
      return next;
    });
  };

  const COLS = 8;
  const heading = (r: Row) => (r.kind === 'heading' ? { colSpan: 0 } : {});
  const columns: ColumnsType<Row> = [
    {
      title: t.common.seq, key: 'seq', width: 64, align: 'center',
      onCell: (r) => (r.kind === 'heading' ? { colSpan: COLS, className: r.level === 1 ? 'gk-heading-1' : 'gk-heading-2' } : {}),
      render: (_, r) => (r.kind === 'heading' ? <strong>{r.label}</strong> : r.item.seq),
    },
    {
      title: t.common.task, key: 'task', onCell: heading,
      render: (_, r) => r.kind === 'item' && (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.item.taskText }} style={{ marginBottom: 0, maxWidth: 560 }}>{r.item.taskText}</Typography.Paragraph>
      ),
    },
    { title: t.common.role, key: 'role', width: 72, onCell: heading, render: (_, r) => r.kind === 'item' && <RoleTag role={r.item.role} /> },
    { title: t.common.dueDate, key: 'due', width: 140, onCell: heading, render: (_, r) => r.kind === 'item' && deadlineOf(r.item, formatDate) },
    {
      title: lp.period ? `${t.myTasks.currentStatus}（${lp.period.label}）` : t.myTasks.currentStatus, key: 'status', width: 150, onCell: heading,
      render: (_, r) => r.kind === 'item' && <StatusTag status={r.item.status} label={r.item.statusLabel} />,
    },
    {
      title: t.myTasks.lastReport, key: 'last', width: 190, onCell: heading,
      render: (_, r) => r.kind === 'item' && (r.item.lastReport
        ? <span>{t.common.version(r.item.lastReport.version)} <ReportStateTag state={r.item.lastReport.state} /><br /><span className="gk-muted">{formatDateTime(r.item.lastReport.submittedAt)}</span></span>
        : <span className="gk-muted">{t.assignment.noReports}</span>),
    },
    { title: t.myTasks.finalState, key: 'final', width: 96, onCell: heading, render: (_, r) => r.kind === 'item' && <FinalStateTag state={r.item.finalState} label={r.item.finalStateLabel} /> },
    {
      title: t.common.actions, key: 'actions', width: 88, onCell: heading,
      render: (_, r) => r.kind === 'item' && (
        <Button
          size="small"
          type={r.item.status === 'accepted' ? 'default' : 'primary'}
          onClick={() => open(r.item.id)}
          aria-label={`${r.item.status === 'accepted' ? t.myTasks.view : t.myTasks.report}：任务 ${r.item.seq}（${t.assignmentRoles[r.item.role]}）`}
        >
          {r.item.status === 'accepted' || user.role === 'observer' ? t.myTasks.view : t.myTasks.report}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{t.myTasks.title}</Typography.Title>
      <p className="gk-page-intro">{t.myTasks.intro(unit?.name ?? '本单位')}</p>
      <div className="gk-toolbar">
        <ListPeriodPicker lp={lp} />
        <Select
          aria-label={t.myTasks.filterRole}
          style={{ width: 120 }}
          value={role}
          onChange={setRole}
          options={[{ value: '', label: `${t.myTasks.filterRole}：${t.common.all}` }, { value: 'lead', label: t.assignmentRoles.lead }, { value: 'responsible', label: t.assignmentRoles.responsible }]}
        />
        <Select
          aria-label={t.myTasks.filterStatus}
          style={{ width: 130 }}
          value={status}
          onChange={setStatus}
          options={[{ value: '', label: `${t.myTasks.filterStatus}：${t.common.all}` }, ...STATUS_ORDER.map((s) => ({ value: s, label: t.statuses[s] }))]}
        />
        <Input.Search aria-label={t.common.search} placeholder={t.myTasks.searchPlaceholder} allowClear style={{ width: 260 }} onSearch={setQ} onChange={(e) => { if (!e.target.value) setQ(''); }} />
        <span className="gk-spacer" />
        <span className="gk-muted">{t.myTasks.count(filtered.length)}</span>
      </div>
      {load.error && <Alert type="error" showIcon title={load.error} style={{ marginBottom: 12 }} />}
      <Table<Row>
        className="gk-tasks-table"
        rowKey="key"
        size="middle"
        loading={load.loading || detail.loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: lp.listId ? t.myTasks.noAssignments : t.common.noList }}
        rowClassName={(r) => (r.kind === 'heading' ? `gk-heading-row gk-heading-row-${r.level}` : 'gk-assignment-row')}
        onRow={(r) => (r.kind === 'item' ? { 'data-assignment-id': r.item.id, 'data-seq': r.item.seq, 'data-role': r.item.role, 'data-status': r.item.status ?? '' } as HTMLAttributes<HTMLElement> : {})}
        scroll={{ x: 1000 }}
      />
      <AssignmentDrawer assignmentId={openId} periodId={lp.periodId} onClose={() => open(null)} onChanged={() => void load.reload()} />
    </>
  );
}
