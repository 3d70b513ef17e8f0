/**
 * The columns of a list table, named by its header row. Column sets vary between governments:
 *
 *   序号 | 重点工作 | 牵头单位 | 责任单位            (the seed)
 *   工作任务 | 具体要求 | 责任单位 | 时限要求       (no number column: tasks are numbered 1..n)
 *   序号 | 主要任务 | 牵头部门 | 配合部门 | 完成时限 | 备注
 */

/** What a column holds. `units`: a 责任单位 column when no column is 牵头 (lead and carry out). */
export type ColumnRole = 'seq' | 'text' | 'lead' | 'responsible' | 'units' | 'deadline' | 'note';

/** The role of a header cell, or null when the cell is not a column title. */
export function columnRoleOf(cell: string): ColumnRole | 'responsibleOrUnits' | null {
  if (cell.length > 40 || /^[\d０-９]/.test(cell)) return null;
  const t = cell.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  if (t === '' || t.length > 12) return null;
  if (/^(?:序号|编号|序|号|项次)$/.test(t)) return 'seq';
  if (/牵头/.test(t)) return 'lead';
  if (/配合|协办|协助|参与/.test(t)) return 'responsible';
  if (/责任|承办|落实单位|实施单位|主体|负责单位|负责部门|主办/.test(t)) return 'responsibleOrUnits';
  if (/时限|时间|期限|节点|进度|完成/.test(t)) return 'deadline';
  if (/^(?:备注|说明|依据|政策依据|备考)$/.test(t)) return 'note';
  if (/任务|工作|要求|内容|措施|事项|目标|项目|类别|举措|重点|标准|领域/.test(t)) return 'text';
  return null;
}

/**
 * The roles of a header row, or null when the row is not a header (every cell must be a title,
 * one of them a text column). `sub`: the second row of a two-row header (牵头单位 | 配合单位 under
 * a spanning 责任单位), which needs no text column.
 */
export function headerRoles(cells: readonly string[], sub = false): ColumnRole[] | null {
  if (cells.length < (sub ? 1 : 2)) return null;
  const raw: (ColumnRole | 'responsibleOrUnits')[] = [];
  for (const cell of cells) {
    const role = columnRoleOf(cell);
    if (role === null) return null;
    raw.push(role);
  }
  if (!sub && !raw.includes('text')) return null;
  const hasLead = raw.includes('lead');
  return raw.map((r) => (r === 'responsibleOrUnits' ? (hasLead ? 'responsible' : 'units') : (r as ColumnRole)));
}

/** Whether a header is the seed's: 序号 | text | 牵头 | 责任 (| 完成时限), read by position. */
export function isStandardHeader(roles: readonly ColumnRole[]): boolean {
  const core = roles[roles.length - 1] === 'deadline' ? roles.slice(0, -1) : roles;
  return core.length === 4 && core[0] === 'seq' && core[1] === 'text' && core[2] === 'lead' && core[3] === 'responsible';
}
