/**
 * One assignment: its task, its status in each period, the report form for a period and the history
 * of all report versions with their reviews.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Descriptions, Divider, Drawer, List, Select, Skeleton, Space, Table, Typography } from 'antd';
import { errorMessage } from '../api/client.ts';
import { assignments as api } from '../api/endpoints.ts';
import type { AssignmentDetail, AssignmentPublication, FinalState, Period, ReportStatus } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { formatDate } from './format.ts';
import { ReportForm } from './ReportForm.tsx';
import { ReportHistory } from './ReportHistory.tsx';
import { FinalStateTag, RoleTag, StatusTag } from './StatusTag.tsx';
import { useSession } from './session.tsx';
import { defaultPeriod } from './useListPeriod.tsx';
import { useLoad } from './useLoad.ts';

export interface AssignmentDrawerProps {
  assignmentId: number | null;
  /** the period to open the form on (the screen's period), when the assignment has it */
  periodId?: number;
  onClose(): void;
  onChanged?(): void;
}

export function AssignmentDrawer({ assignmentId, periodId, onClose, onChanged }: AssignmentDrawerProps) {
  const { user } = useSession();
  const { message } = App.useApp();
  const load = useLoad<AssignmentDetail | undefined>(assignmentId ? () => api.get(assignmentId) : null, [assignmentId]);
  const [formPeriod, setFormPeriod] = useState<number | undefined>(undefined);
  const d = load.data;

  useEffect(() => {
    if (!d) return;
    const periods = d.periods.map((p) => p.period);
    const wanted = periods.find((p) => p.id === periodId) ?? periods.find((p) => p.id === d.assignment.currentPeriod?.id) ?? defaultPeriod(periods);
    setFormPeriod(wanted?.id);
  }, [d, periodId]);

  const canReport = !!user && user.role !== 'observer' && !!d && d.assignment.unitId === user.unitId;
  const status: ReportStatus | undefined = d?.periods.find((p) => p.period.id === formPeriod)?.status;
  const latestInPeriod = d?.reports.filter((r) => r.periodId === formPeriod).sort((a, b) => b.version - a.version)[0];
  const periods: Period[] = d?.periods.map((p) => p.period) ?? [];

  const setFinal = async (v: FinalState | 'auto') => {
    if (!d) return;
    try {
      await api.setFinalState(d.assignment.id, v === 'auto' ? null : v);
      message.success(t.common.saved);
      void load.reload();
      onChanged?.();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Drawer
      open={assignmentId !== null}
      onClose={onClose}
      size={760}
      title={d ? `${t.assignment.drawerTitle(d.assignment.seq)} · ${d.assignment.unitName}` : t.common.loading}
      destroyOnHidden
      rootClassName="gk-assignment-drawer"
    >
      {load.error && <Alert type="error" showIcon title={load.error} />}
      {!d && !load.error && <Skeleton active />}
      {d && (
        <>
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'list', label: t.common.list, children: d.assignment.listTitle, span: 2 },
              { key: 'task', label: t.assignment.task, children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{d.task.text}</Typography.Paragraph>, span: 2 },
              { key: 'role', label: t.common.role, children: <RoleTag role={d.assignment.role} /> },
              { key: 'due', label: t.assignment.deadline, children: d.assignment.deadlineText || formatDate(d.assignment.dueDate) || '—' },
              { key: 'lead', label: t.common.leadUnits, children: d.task.leadUnits?.join('、') || '—', span: 2 },
              {
                key: 'final', label: t.myTasks.finalState,
                children: (
                  <Space wrap>
                    <FinalStateTag state={d.assignment.finalState} label={d.assignment.finalStateLabel} />
                    {user?.role === 'office' && (
                      <Select<FinalState | 'auto'>
                        size="small"
                        aria-label={t.assignment.setFinalState}
                        placeholder={t.assignment.setFinalState}
                        style={{ width: 150 }}
                        value={null as unknown as FinalState}
                        onChange={(v) => void setFinal(v)}
                        options={[
                          { value: 'auto', label: t.assignment.finalAuto },
                          ...(Object.keys(t.finalStates) as FinalState[]).map((f) => ({ value: f, label: `认定为${t.finalStates[f]}` })),
                        ]}
                      />
                    )}
                  </Space>
                ),
              },
              { key: 'status', label: t.myTasks.currentStatus, children: <StatusTag status={d.assignment.status} label={d.assignment.statusLabel} /> },
            ]}
          />
          <Divider titlePlacement="start">{t.assignment.periods}</Divider>
          <Table
            size="small"
            rowKey={(r) => r.period.id}
            pagination={false}
            dataSource={d.periods}
            columns={[
              { title: t.common.period, render: (_, r) => r.period.label },
              { title: t.overview.periodDue, render: (_, r) => formatDate(r.period.dueOn) },
              { title: t.common.status, render: (_, r) => <StatusTag status={r.status} label={r.statusLabel} /> },
            ]}
            onRow={(r) => ({ onClick: () => setFormPeriod(r.period.id), style: { cursor: 'pointer', background: r.period.id === formPeriod ? '#e6f4ff' : undefined } })}
          />
          {canReport && status !== 'accepted' && (
            <>
              <Divider titlePlacement="start">{d.assignment.role === 'lead' ? t.reportForm.leadTitle : t.reportForm.title}</Divider>
              <ReportForm
                key={`${formPeriod}-${latestInPeriod?.id ?? 'none'}`}
                assignmentId={d.assignment.id}
                periods={d.periods.map((p) => ({ period: p.period, status: p.status }))}
                periodId={formPeriod}
                onPeriodChange={setFormPeriod}
                lead={d.assignment.role === 'lead'}
                previous={latestInPeriod ?? null}
                onSubmitted={() => {
                  void load.reload();
                  onChanged?.();
                }}
              />
            </>
          )}
          {canReport && status === 'accepted' && <Alert style={{ marginTop: 16 }} type="success" showIcon title={t.reportForm.accepted} />}
          {!!d.publications?.length && (
            <>
              <Divider titlePlacement="start">{t.assignment.publications}</Divider>
              <div className="gk-muted" style={{ fontSize: 12 }}>{t.assignment.publicationsHint}</div>
              <EvidencePublications items={d.publications} />
            </>
          )}
          <Divider titlePlacement="start">{t.assignment.history}</Divider>
          <ReportHistory
            reports={d.reports}
            periods={periods}
            canPublish={user?.role === 'office'}
            onChanged={() => {
              void load.reload();
              onChanged?.();
            }}
          />
        </>
      )}
    </Drawer>
  );
}

/** Publications the unit tagged as evidence of the assignment: the portal page when published, else the workbench's. */
function EvidencePublications({ items }: { items: AssignmentPublication[] }) {
  return (
    <List
      size="small"
      className="gk-evidence-publications"
      dataSource={items}
      renderItem={(p) => {
        const inWorkbench = p.url.startsWith('/admin/');
        return (
          <List.Item>
            <span style={{ minWidth: 0 }}>
              {inWorkbench
                ? <Link to={p.url.slice('/admin'.length)}>{p.title}</Link>
                : <a href={p.url} target="_blank" rel="noopener">{p.title}</a>}
              <div className="gk-muted" style={{ fontSize: 12 }}>
                {t.publications.states[p.state] ?? p.state}
                {p.indexNumber && ` · ${t.publications.indexNumber} ${p.indexNumber}`}
                {p.publishedOn && ` · ${formatDate(p.publishedOn)}`}
              </div>
            </span>
          </List.Item>
        );
      }}
    />
  );
}
