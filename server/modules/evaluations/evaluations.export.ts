/**
 * Export of an evaluation to .xlsx: a 排名 sheet (rank, unit, total, points per first-level
 * indicator) and one sheet per unit with its breakdown (indicator, max, points, how, what lost
 * points with the records). The actor gets what it may see: the office and observers everything, a
 * unit its own breakdown (and the ranking once published).
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import type { UnitBreakdown } from './evaluations.scoring.ts';
import { REF_KIND_LABELS, setTitle } from './evaluations.constants.ts';
import { exportData } from './evaluations.service.ts';

const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(raw: string, used: Set<string>): string {
  const base = raw.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '单位';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)}_${i}`;
  used.add(name);
  return name;
}

function header(ws: ExcelJS.Worksheet, cells: string[]): void {
  const row = ws.addRow(cells);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.border = border;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

function breakdownSheet(wb: ExcelJS.Workbook, r: UnitBreakdown, title: string, rankShown: boolean, used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(r.unitName, used), { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [{ width: 40 }, { width: 10 }, { width: 10 }, { width: 40 }, { width: 80 }];
  ws.addRow([`${title} · ${r.unitName}`]);
  ws.mergeCells(1, 1, 1, 5);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.addRow([`总分：${r.total} 分${rankShown ? `　排名：第 ${r.rank} 名` : ''}`]);
  ws.mergeCells(2, 1, 2, 5);
  header(ws, ['指标', '分值', '得分', '得分说明', '失分明细（所依据的记录）']);
  for (const i of r.indicators) {
    const details = i.lines.map((l) => {
      const ids = l.refs.filter((x) => x.id !== null).map((x) => `${REF_KIND_LABELS[x.kind] ?? x.kind}#${x.id}`);
      return ids.length ? `${l.text}（记录：${ids.join('，')}）` : l.text;
    }).join('\n');
    const row = ws.addRow([`${'　'.repeat(i.depth)}${i.name}`, i.maxPoints, i.points, i.summary, details]);
    if (i.isGroup) row.font = { bold: true };
    row.eachCell((c) => {
      c.border = border;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  }
}

/** Builds the workbook; returns the bytes and a file name. */
export async function exportEvaluationXlsx(db: Db, actor: Actor, setId: number): Promise<{ fileName: string; bytes: Buffer }> {
  const { set, indicators, ranking, breakdowns } = await exportData(db, actor, setId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const used = new Set<string>();
  const top = indicators.filter((i) => i.depth === 0);
  const title = setTitle(set);
  if (ranking) {
    const ws = wb.addWorksheet(sheetName('排名', used), { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = [{ width: 8 }, { width: 36 }, { width: 10 }, ...top.map(() => ({ width: 16 }))];
    ws.addRow([`${title}${set.state === 'published' ? '' : '（评分中，未发布）'}`]);
    ws.mergeCells(1, 1, 1, 3 + top.length);
    ws.getRow(1).font = { bold: true, size: 14 };
    header(ws, ['排名', '单位', '总分', ...top.map((t) => `${t.name}（${t.maxPoints}分）`)]);
    for (const r of ranking) {
      const row = ws.addRow([r.rank, r.unitName, r.total, ...r.indicators.filter((i) => i.depth === 0).map((i) => i.points)]);
      row.eachCell((c) => { c.border = border; });
    }
  }
  for (const r of breakdowns) breakdownSheet(wb, r, title, ranking !== null, used);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${title}考核结果.xlsx`, bytes };
}
