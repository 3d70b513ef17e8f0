/**
 * Every version of an assignment's reports, newest first, grouped by period: text, evidence,
 * attachments, and the review (comment, time). The office can mark a version public.
 */
import { App, Button, Empty, Space, Switch, Typography } from 'antd';
import { LinkOutlined, PaperClipOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/client.ts';
import { reports as reportsApi } from '../api/endpoints.ts';
import type { Period, Report } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { formatDateTime } from './format.ts';
import { ReportStateTag } from './StatusTag.tsx';

export function ReportView({ report, canPublish, onChanged }: { report: Report; canPublish?: boolean; onChanged?: () => void }) {
  const { message } = App.useApp();
  const togglePublic = async (value: boolean) => {
    try {
      await reportsApi.setPublic(report.id, value);
      message.success(t.assignment.publicDone);
      onChanged?.();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <div className="gk-report" data-report-id={report.id} data-state={report.state}>
      <Space wrap size={8}>
        <strong>{t.common.version(report.version)}</strong>
        <ReportStateTag state={report.state} />
        <span className="gk-muted">{t.assignment.submittedAt} {formatDateTime(report.submittedAt)}</span>
        {report.completed && <span className="gk-tag" style={{ color: '#135200', background: '#f6ffed', borderColor: '#95de64' }}>{t.assignment.completed}</span>}
        {canPublish ? (
          <label><Switch size="small" checked={report.public} onChange={(v) => void togglePublic(v)} /> {t.assignment.public}</label>
        ) : report.public ? <span className="gk-muted">{t.assignment.public}</span> : null}
      </Space>
      <p>{report.text}</p>
      {report.evidenceLinks.length > 0 && (
        <div>
          <span className="gk-muted">{t.assignment.evidenceLinks}：</span>
          {report.evidenceLinks.map((l) => (
            <div key={l}><a href={l} target="_blank" rel="noopener noreferrer"><LinkOutlined /> {l}</a></div>
          ))}
        </div>
      )}
      {report.attachments.length > 0 && (
        <div>
          <span className="gk-muted">{t.assignment.attachments}：</span>
          {report.attachments.map((a) => (
            <div key={a.id}>
              <a href={reportsApi.attachmentUrl(report.id, a.id)} download={a.fileName}><PaperClipOutlined /> {a.fileName}</a>{' '}
              <span className="gk-muted">（{t.common.bytes(a.size)}）</span>
            </div>
          ))}
        </div>
      )}
      {report.publicSummary && <div><span className="gk-muted">{t.assignment.publicSummary}：</span>{report.publicSummary}</div>}
      {(report.reviewComment || report.reviewedAt) && (
        <div className={report.state === 'accepted' ? 'gk-review-comment gk-accepted' : 'gk-review-comment'}>
          <strong>{t.assignment.reviewComment}</strong>
          {report.reviewedAt && <span className="gk-muted">（{formatDateTime(report.reviewedAt)}）</span>}：
          {report.reviewComment || (report.state === 'accepted' ? t.review.accepted : '')}
        </div>
      )}
    </div>
  );
}

export function ReportHistory({ reports, periods, canPublish, onChanged }: { reports: Report[]; periods: Period[]; canPublish?: boolean; onChanged?: () => void }) {
  if (!reports.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.assignment.noReports} />;
  const label = (id: number) => periods.find((p) => p.id === id)?.label ?? `#${id}`;
  const byPeriod = new Map<number, Report[]>();
  for (const r of [...reports].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.version - a.version)) {
    byPeriod.set(r.periodId, [...(byPeriod.get(r.periodId) ?? []), r]);
  }
  return (
    <div className="gk-history">
      {[...byPeriod.entries()].map(([periodId, rs]) => (
        <section key={periodId} style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{label(periodId)}</Typography.Title>
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            {rs.map((r) => <ReportView key={r.id} report={r} canPublish={canPublish} onChanged={onChanged} />)}
          </Space>
        </section>
      ))}
      {onChanged && <Button type="link" onClick={onChanged} style={{ padding: 0 }}>{t.common.refresh}</Button>}
    </div>
  );
}
