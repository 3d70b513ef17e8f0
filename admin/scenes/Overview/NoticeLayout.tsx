/**
 * The list in the notice's own layout — section rows, then 序号 | 重点工作 | 牵头单位 | 责任单位 |
 * 完成时限 — with each task's status in the period (from the matrix) and 催办.
 */
import { memo, useMemo } from 'react';
import { Button } from 'antd';
import type { ListDetail, Matrix, ReportStatus, Task } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { deadlineOf, withHeadings } from '../../components/sections.ts';
import { STATUS_FILL, STATUS_ORDER, StatusTag } from '../../components/StatusTag.tsx';
import { t } from '../../i18n/index.ts';

export type TaskCounts = Record<ReportStatus, number> & { total: number };

export function countsByTask(matrix: Matrix | undefined): Map<number, TaskCounts> {
  const out = new Map<number, TaskCounts>();
  if (!matrix) return out;
  for (const [ti, , , status] of matrix.cells) {
    const id = matrix.tasks[ti]?.id;
    if (id === undefined) continue;
    const c = out.get(id) ?? { accepted: 0, submitted: 0, returned: 0, overdue: 0, notSubmitted: 0, total: 0 };
    c[status] += 1;
    c.total += 1;
    out.set(id, c);
  }
  return out;
}

/** One status for a whole task: all accepted → 已通过; any overdue/returned → that; else the most common. */
export function taskStatus(c: TaskCounts | undefined): ReportStatus | undefined {
  if (!c || !c.total) return undefined;
  if (c.accepted === c.total) return 'accepted';
  if (c.overdue) return 'overdue';
  if (c.returned) return 'returned';
  if (c.submitted) return 'submitted';
  return 'notSubmitted';
}

function CountsBar({ c }: { c: TaskCounts }) {
  return (
    <div className="gk-counts-bar" aria-hidden="true" style={{ display: 'flex', height: 6, borderRadius: 3, overflow: 'hidden', background: '#f0f0f0', marginTop: 4 }}>
      {STATUS_ORDER.map((s) => (c[s] ? <span key={s} style={{ width: `${(c[s] / c.total) * 100}%`, background: STATUS_FILL[s] }} /> : null))}
    </div>
  );
}

function units(names: string[], eachLeads?: boolean): string {
  return names.join('、') + (eachLeads ? '（分别负责）' : '');
}

export const NoticeLayout = memo(function NoticeLayout({ detail, matrix, onRemind }: { detail: ListDetail; matrix: Matrix | undefined; onRemind?: (task: Task) => void }) {
  const counts = useMemo(() => countsByTask(matrix), [matrix]);
  const rows = useMemo(() => withHeadings(detail.tasks, (task) => task.id, (task) => task.id, detail), [detail]);
  return (
    <div style={{ overflow: 'auto', maxHeight: '75vh' }}>
      <table className="gk-notice-table">
        <thead>
          <tr>
            <th scope="col">{t.common.seq}</th>
            <th scope="col">{t.common.task}</th>
            <th scope="col">{t.common.leadUnits}</th>
            <th scope="col">{t.common.responsibleUnits}</th>
            <th scope="col">{t.common.dueDate}</th>
            <th scope="col" style={{ width: 150 }}>{t.common.status}</th>
            {onRemind && <th scope="col" style={{ width: 70 }}>{t.common.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            if (r.kind === 'heading') {
              return (
                <tr key={r.key} className={r.level === 1 ? 'gk-section-row' : 'gk-subsection-row'}>
                  <td colSpan={onRemind ? 7 : 6}>{r.label}</td>
                </tr>
              );
            }
            const task = r.item;
            const c = counts.get(task.id);
            const s = taskStatus(c);
            return (
              <tr key={r.key} data-task-seq={task.seq} data-status={s ?? ''}>
                <td className="gk-seq">{task.seq}</td>
                <td>{task.text}</td>
                {task.merged ? (
                  <td colSpan={2} className="gk-units-cell">{units(task.leadUnits)}</td>
                ) : (
                  <>
                    <td className="gk-units-cell">{units(task.leadUnits, task.eachLeads)}</td>
                    <td className="gk-units-cell">{units(task.responsibleUnits)}</td>
                  </>
                )}
                <td style={{ whiteSpace: 'nowrap' }}>{deadlineOf(task, formatDate)}</td>
                <td>
                  {c ? (
                    <>
                      <StatusTag status={s} />
                      <div className="gk-muted" style={{ fontSize: 12, marginTop: 2 }}>{t.overview.taskProgress(c.accepted, c.total)}</div>
                      <CountsBar c={c} />
                    </>
                  ) : <span className="gk-muted">—</span>}
                </td>
                {onRemind && (
                  <td>
                    <Button size="small" onClick={() => onRemind(task)} aria-label={`${t.common.remind}：任务 ${task.seq}`} disabled={!c || c.accepted === c.total}>{t.common.remind}</Button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
