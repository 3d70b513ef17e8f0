/**
 * Export of a list to .xlsx in the notice's own layout: 序号 | 重点工作 | 牵头单位 | 责任单位 | 完成时限,
 * with section and subsection rows spanning the table and a merged unit cell where the notice had one.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { getListDetail } from './lists.service.ts';
import { RECURRENCE_LABELS } from './list-kinds.ts';

const SEPARATOR = '、';

function timeLimit(t: { deadlineText: string | null; recurrence: string | null; dueDate: string | null }): string {
  if (t.deadlineText) return t.deadlineText;
  const parts: string[] = [];
  if (t.recurrence) parts.push(RECURRENCE_LABELS[t.recurrence as keyof typeof RECURRENCE_LABELS] ?? t.recurrence);
  if (t.dueDate) {
    const [y, m, d] = t.dueDate.split('-').map(Number);
    parts.push(`${y}年${m}月${d}日前`);
  }
  return parts.join('，');
}

/** Builds the workbook of a list the actor may read; returns the .xlsx bytes and a file name. */
export async function exportListXlsx(db: Db, actor: Actor, listId: number): Promise<{ fileName: string; bytes: Buffer }> {
  const list = await getListDetail(db, actor, listId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet('清单', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [{ width: 6 }, { width: 70 }, { width: 28 }, { width: 28 }, { width: 16 }];
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  const wrap = { wrapText: true, vertical: 'middle' } as const;

  ws.addRow([list.title]);
  ws.mergeCells(1, 1, 1, 5);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  const header = ws.addRow(['序号', '重点工作', '牵头单位', '责任单位', '完成时限']);
  header.font = { bold: true };
  header.eachCell((c) => { c.border = border; c.alignment = { horizontal: 'center', vertical: 'middle' }; });

  const sectionById = new Map(list.sections.map((s) => [s.id, s]));
  let lastSection: number | null = null;
  let lastSub: number | null = null;
  const spanRow = (text: string) => {
    const r = ws.addRow([text]);
    ws.mergeCells(r.number, 1, r.number, 5);
    r.font = { bold: true };
    r.getCell(1).border = border;
  };
  for (const t of list.tasks) {
    if (t.sectionId !== lastSection && t.sectionId !== null) {
      const s = sectionById.get(t.sectionId);
      if (s) spanRow(`${s.numeral}、${s.title}`);
      lastSection = t.sectionId;
      lastSub = null;
    }
    if (t.subsectionId !== lastSub && t.subsectionId !== null) {
      const s = sectionById.get(t.subsectionId);
      if (s) spanRow(`（${s.numeral}）${s.title}`);
      lastSub = t.subsectionId;
    }
    const lead = t.leadUnits.join(SEPARATOR) + (t.eachLeads ? '分别负责' : '');
    const r = ws.addRow([t.seq, t.text, lead, t.merged ? lead : t.responsibleUnits.join(SEPARATOR), timeLimit(t)]);
    if (t.merged) ws.mergeCells(r.number, 3, r.number, 4);
    r.eachCell((c) => { c.border = border; c.alignment = wrap; });
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${list.title}.xlsx`, bytes };
}
