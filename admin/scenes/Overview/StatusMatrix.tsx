/**
 * Unit × task matrix (70 tasks × ~70 units): one small square per assignment coloured by its status
 * in the period — green accepted, amber submitted, red overdue or returned, grey not submitted; a
 * dot marks the lead unit. Compact, scrollable, with sticky unit names and task numbers.
 */
import { memo, useMemo, useState } from 'react';
import { Checkbox, Select, Space } from 'antd';
import type { Matrix, ReportStatus } from '../../api/types.ts';
import { STATUS_FILL, STATUS_ORDER } from '../../components/StatusTag.tsx';
import { t } from '../../i18n/index.ts';

/** Worst first: the colour of a cell where a unit holds two roles on one task. */
const SEVERITY: Record<ReportStatus, number> = { overdue: 4, returned: 3, notSubmitted: 2, submitted: 1, accepted: 0 };

export interface MatrixCell {
  taskIndex: number;
  unitIndex: number;
  roles: string[];
  statuses: ReportStatus[];
  status: ReportStatus;
  lead: boolean;
}

export function indexCells(matrix: Matrix): Map<string, MatrixCell> {
  const map = new Map<string, MatrixCell>();
  for (const [ti, ui, role, status] of matrix.cells) {
    const key = `${ti}:${ui}`;
    const c = map.get(key);
    if (c) {
      c.roles.push(role);
      c.statuses.push(status);
      if (SEVERITY[status] > SEVERITY[c.status]) c.status = status;
      c.lead ||= role === 'lead';
    } else {
      map.set(key, { taskIndex: ti, unitIndex: ui, roles: [role], statuses: [status], status, lead: role === 'lead' });
    }
  }
  return map;
}

export function MatrixLegend() {
  return (
    <div className="gk-legend" aria-label={t.overview.matrixLegend}>
      {STATUS_ORDER.map((s) => (
        <span key={s}><i style={{ background: STATUS_FILL[s] }} />{t.statuses[s]}</span>
      ))}
      <span><i style={{ background: '#595959', position: 'relative', boxShadow: 'inset 0 0 0 4px #595959, inset 0 0 0 7px #fff' }} />{t.assignmentRoles.lead}</span>
    </div>
  );
}

type SortKey = 'directory' | 'problems' | 'name';

export const StatusMatrix = memo(function StatusMatrix({ matrix, onCell }: { matrix: Matrix; onCell(cell: MatrixCell): void }) {
  const [sort, setSort] = useState<SortKey>('directory');
  const [problemsOnly, setProblemsOnly] = useState(false);
  const cells = useMemo(() => indexCells(matrix), [matrix]);

  const unitOrder = useMemo(() => {
    const problems = matrix.units.map(() => 0);
    const any = matrix.units.map(() => 0);
    for (const c of cells.values()) {
      any[c.unitIndex]! += 1;
      if (c.status === 'overdue' || c.status === 'returned') problems[c.unitIndex]! += 1;
    }
    let idx = matrix.units.map((_, i) => i).filter((i) => any[i]! > 0);
    if (problemsOnly) idx = idx.filter((i) => problems[i]! > 0);
    if (sort === 'problems') idx.sort((a, b) => problems[b]! - problems[a]! || a - b);
    if (sort === 'name') idx.sort((a, b) => matrix.units[a]!.name.localeCompare(matrix.units[b]!.name, 'zh-CN'));
    return idx;
  }, [matrix, cells, sort, problemsOnly]);

  const sectionStart = matrix.tasks.map((task, i) => i > 0 && task.sectionNumeral !== matrix.tasks[i - 1]!.sectionNumeral);

  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select<SortKey>
          aria-label="单位排序"
          size="small"
          value={sort}
          onChange={setSort}
          style={{ width: 170 }}
          options={[{ value: 'directory', label: '按名录顺序' }, { value: 'problems', label: '按逾期与退回数' }, { value: 'name', label: '按名称' }]}
        />
        <Checkbox checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)}>只看有逾期或退回的单位</Checkbox>
        <span className="gk-muted">{unitOrder.length} 个单位 × {matrix.tasks.length} 项任务</span>
      </Space>
      <div className="gk-matrix-wrap" tabIndex={0} aria-label="单位 × 任务矩阵（可滚动）" role="region">
        <table className="gk-matrix">
          <thead>
            <tr>
              <th className="gk-corner" scope="col">单位 \ 任务</th>
              {matrix.tasks.map((task, i) => (
                <th key={task.id} scope="col" className={sectionStart[i] ? 'gk-section-start' : undefined} title={`任务 ${task.seq}${task.sectionNumeral ? `（第${task.sectionNumeral}部分）` : ''}`}>{task.seq}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {unitOrder.map((ui) => {
              const unit = matrix.units[ui]!;
              return (
                <tr key={unit.id} data-unit-id={unit.id}>
                  <th scope="row" title={unit.name}>{unit.name}</th>
                  {matrix.tasks.map((task, ti) => {
                    const c = cells.get(`${ti}:${ui}`);
                    const cls = sectionStart[ti] ? 'gk-section-start' : undefined;
                    if (!c) return <td key={task.id} className={cls ? `${cls} gk-empty` : 'gk-empty'} />;
                    const roleLabel = c.roles.map((r) => t.assignmentRoles[r as 'lead' | 'responsible'] ?? r).join('、');
                    const statusLabel = [...new Set(c.statuses)].map((s) => t.statuses[s]).join('、');
                    return (
                      <td key={task.id} className={cls}>
                        <button
                          type="button"
                          className={c.lead ? 'gk-lead' : undefined}
                          style={{ background: STATUS_FILL[c.status] }}
                          title={t.overview.cellTitle(unit.name, task.seq, roleLabel, statusLabel)}
                          aria-label={t.overview.cellTitle(unit.name, task.seq, roleLabel, statusLabel)}
                          data-task-seq={task.seq}
                          data-unit={unit.name}
                          data-status={c.status}
                          onClick={() => onCell(c)}
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
});
