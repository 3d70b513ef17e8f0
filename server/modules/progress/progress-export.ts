/**
 * Exports of a list's progress: the .xlsx offices pass around (each task's status, each unit's
 * latest progress) and the office's .docx 通报 for a period.
 */
import ExcelJS from 'exceljs';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Db } from '../../db/create-db.ts';
import { canReadAll, type Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { unitNames } from '../directory/index.ts';
import { getListDetail } from '../lists/index.ts';
import { evaluateList } from './progress.service.ts';
import * as repo from './progress.repository.ts';
import { FINAL_STATE, REPORT_STATUS, type ReportStatus } from './status.ts';

function requireReadAll(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canReadAll(actor)) throw new ForbiddenError('EXPORT_FORBIDDEN', '只有政务公开办和观察员可以导出全部单位的进展');
}

/** The list with each task's status and each unit's latest progress, as .xlsx. */
export async function exportProgressXlsx(db: Db, actor: Actor, listId: number, periodId?: number): Promise<{ fileName: string; bytes: Buffer }> {
  requireReadAll(actor);
  const list = await getListDetail(db, actor, listId);
  const rows = await evaluateList(db, listId, periodId);
  const texts = new Map((await repo.findReportsOfAssignments(db, rows.map((r) => r.facts.assignmentId))).map((r) => [r.id, r.text]));
  const names = await unitNames(db, [...new Set(rows.map((r) => r.facts.unitId))]);
  const nameOf = (id: number) => names.get(id)?.shortName ?? names.get(id)?.name ?? String(id);
  const periodLabel = rows.find((r) => r.period)?.period?.label ?? '';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

  const ws = wb.addWorksheet('任务进展', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [{ width: 6 }, { width: 60 }, { width: 24 }, { width: 24 }, { width: 14 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 50 }];
  ws.addRow([`${list.title}（${periodLabel}，截至${today()}）`]);
  ws.mergeCells(1, 1, 1, 10);
  ws.getRow(1).font = { bold: true, size: 13 };
  const head = ws.addRow(['序号', '重点工作', '牵头单位', '责任单位', '完成时限', '单位数', '已通过', '逾期', '已完成', '牵头单位最新进展']);
  head.font = { bold: true };
  for (const t of list.tasks) {
    const rs = rows.filter((r) => r.facts.taskId === t.id);
    const doers = rs.filter((r) => r.facts.role === 'responsible');
    const counted = doers.length ? doers : rs;
    const leadReport = rs.filter((r) => r.facts.role === 'lead').flatMap((r) => r.reports).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
    const r = ws.addRow([
      t.seq, t.text, t.leadUnits.join('、') + (t.eachLeads ? '分别负责' : ''), t.merged ? '（同牵头单位）' : t.responsibleUnits.join('、'),
      t.deadlineText ?? t.dueDate ?? '', counted.length, counted.filter((x) => x.status === 'accepted').length,
      counted.filter((x) => x.status === 'overdue').length, counted.filter((x) => x.finalState === 'completed').length, leadReport ? (texts.get(leadReport.id) ?? '') : '',
    ]);
    r.eachCell((c) => { c.border = border; c.alignment = { wrapText: true, vertical: 'top' }; });
  }

  const us = wb.addWorksheet('单位进展', { views: [{ state: 'frozen', ySplit: 1 }] });
  us.columns = [{ width: 20 }, { width: 6 }, { width: 50 }, { width: 8 }, { width: 10 }, { width: 10 }, { width: 60 }, { width: 20 }];
  const uh = us.addRow(['单位', '序号', '重点工作', '角色', '本期状态', '完成情况', '最新进展', '报送时间']);
  uh.font = { bold: true };
  for (const x of [...rows].sort((a, b) => a.facts.unitId - b.facts.unitId || a.facts.seq - b.facts.seq)) {
    const last = [...x.reports].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
    us.addRow([nameOf(x.facts.unitId), x.facts.seq, x.facts.taskText, x.facts.role === 'lead' ? '牵头' : '责任', REPORT_STATUS[x.status], FINAL_STATE[x.finalState], last ? (texts.get(last.id) ?? '') : '', last?.submittedAt.slice(0, 10) ?? ''])
      .eachCell((c) => { c.alignment = { wrapText: true, vertical: 'top' }; });
  }
  return { fileName: `${list.title}-进展.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: 'FangSong' })] })] });
}

/** The office's 通报 on a period of a list, as .docx. */
export async function exportBulletinDocx(db: Db, actor: Actor, listId: number, periodId: number): Promise<{ fileName: string; bytes: Buffer }> {
  requireReadAll(actor);
  const list = await getListDetail(db, actor, listId);
  const period = await repo.findPeriodById(db, periodId);
  if (!period || period.listId !== listId) throw new NotFoundError('PERIOD_NOT_FOUND', `报送周期不存在：${periodId}`);
  const rows = (await evaluateList(db, listId, periodId)).filter((r) => r.period?.id === periodId);
  const count = (s: ReportStatus) => rows.filter((r) => r.status === s).length;
  const names = await unitNames(db, [...new Set(rows.map((r) => r.facts.unitId))]);
  const nameOf = (id: number) => names.get(id)?.shortName ?? names.get(id)?.name ?? String(id);
  const late = new Map<number, number[]>();
  for (const r of rows.filter((x) => x.status === 'overdue' || x.status === 'returned')) late.set(r.facts.unitId, [...(late.get(r.facts.unitId) ?? []), r.facts.seq]);
  const sections = list.sections.filter((s) => s.level === 1);
  const title = `关于《${list.title}》${period.label}落实情况的通报`;
  const p = (text: string) => new Paragraph({ children: [new TextRun({ text, font: 'FangSong', size: 32 })], indent: { firstLine: 640 }, spacing: { line: 560 } });
  const doc = new Document({
    creator: 'Gongkai', title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, size: 40, font: 'SimSun' })] }),
        p(`根据《${list.title}》${list.notice?.docNumber ? `（${list.notice.docNumber}）` : ''}要求，现将${period.label}各单位落实和报送情况通报如下。`),
        p(`一、总体情况。本期共涉及任务分派${rows.length}项，其中已审核通过${count('accepted')}项，已报送待审核${count('submitted')}项，被退回${count('returned')}项，逾期未报送${count('overdue')}项，未报送${count('notSubmitted')}项。`),
        p('二、各部分落实情况。'),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ children: ['部分', '分派数', '已通过', '待审核', '退回', '逾期'].map((h) => cell(h, true)) }),
            ...sections.map((s) => {
              const rs = rows.filter((r) => r.facts.sectionId === s.id);
              const n = (st: ReportStatus) => String(rs.filter((r) => r.status === st).length);
              return new TableRow({ children: [cell(`${s.numeral}、${s.title}`), cell(String(rs.length)), cell(n('accepted')), cell(n('submitted')), cell(n('returned')), cell(n('overdue'))] });
            }),
          ],
        }),
        p(late.size ? `三、需抓紧落实的单位。${[...late].map(([u, seqs]) => `${nameOf(u)}（第${seqs.sort((a, b) => a - b).join('、')}项）`).join('；')}。请上述单位抓紧落实、及时报送。` : '三、本期各单位均已按时报送。'),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600 }, children: [new TextRun({ text: list.notice?.issuer ?? '政务公开办', font: 'FangSong', size: 32 })] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: today().replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'), font: 'FangSong', size: 32 })] }),
      ],
    }],
  });
  return { fileName: `${title}.docx`, bytes: Buffer.from(await Packer.toBuffer(doc)) };
}
