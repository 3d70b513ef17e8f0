/**
 * 整改台账: an inspection's findings as .xlsx, the ledger offices pass around — unit, severity,
 * problem, requirement, due date, state, closing date, the latest rectification and the office's
 * note. The office and observers get every finding; a unit its own (what it may read).
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { getFinding, getInspection, listFindings } from './inspections.service.ts';

export async function exportFindingsXlsx(db: Db, actor: Actor, inspectionId: number): Promise<{ fileName: string; bytes: Buffer }> {
  const inspection = await getInspection(db, actor, inspectionId);
  const { items } = await listFindings(db, actor, { inspectionId, limit: 10_000 });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  const ws = wb.addWorksheet('整改台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [{ width: 6 }, { width: 22 }, { width: 8 }, { width: 50 }, { width: 40 }, { width: 12 }, { width: 10 }, { width: 12 }, { width: 50 }, { width: 30 }];
  ws.addRow([`${inspection.title}（${inspection.kindLabel}）整改台账（截至${today()}）`]);
  ws.mergeCells(1, 1, 1, 10);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.addRow(['序号', '整改单位', '严重程度', '发现的问题', '整改要求', '整改期限', '状态', '销号日期', '最新整改情况', '复核意见']).font = { bold: true };
  let n = 0;
  for (const f of items) {
    const detail = await getFinding(db, actor, f.id);
    const latest = detail.rectifications[0];
    const state = f.overdue ? `${f.stateLabel}（逾期）` : f.closedLate ? `${f.stateLabel}（逾期销号）` : f.stateLabel;
    const row = ws.addRow([
      ++n, f.unitName, f.severityLabel, f.problem, f.requirement, f.dueOn, state, f.closedOn ?? '', latest?.text ?? '',
      [latest?.verificationNote, f.officeNote].filter((x, i, a) => x && a.indexOf(x) === i).join('；'),
    ]);
    row.eachCell((c) => { c.border = border; c.alignment = { wrapText: true, vertical: 'top' }; });
  }
  return { fileName: `${inspection.title}-整改台账.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
