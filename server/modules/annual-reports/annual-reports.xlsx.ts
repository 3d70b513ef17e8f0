/**
 * Table 二's entered rows as a spreadsheet: the sample workbook (laid out like the template: each
 * 条例 item, then 信息内容 and its columns, then the rows to fill) and reading a filled one back.
 * A sheet that cannot be used is refused with a coded 400 naming the cell (e.g. 表二!C7).
 */
import ExcelJS from 'exceljs';
import { ValidationError } from '../../platform/errors.ts';
import { TABLE2_CONTENT_LABEL, TEMPLATES, type TemplateVersion } from './domain/templates.ts';
import { enteredRows, isAmountColumn, type Table2Entries } from './annual-reports.data.ts';

export const SHEET_NAME = '表二';

/** The sample workbook for a template version, with the current entries filled in. */
export async function table2Workbook(version: TemplateVersion, entries: Table2Entries = {}, title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet(SHEET_NAME);
  ws.columns = [{ width: 26 }, { width: 18 }, { width: 18 }, { width: 22 }];
  ws.addRow([title ?? `二、主动公开政府信息情况（${TEMPLATES[version].document}格式）`]).font = { bold: true };
  ws.addRow(['填写说明：只填数字；“本年增/减”可填负数；金额可有小数；行政规范性文件由登记系统自动统计，不在此表填写。']);
  const rows = enteredRows(version);
  for (const sub of TEMPLATES[version].table2) {
    const mine = rows.filter((r) => r.item === sub.item);
    if (!mine.length) continue;
    ws.addRow([sub.item]).font = { bold: true };
    ws.addRow([TABLE2_CONTENT_LABEL, ...sub.columns]).font = { bold: true };
    for (const r of mine) ws.addRow([r.label, ...sub.columns.map((_c, i) => entries[r.label]?.[i] ?? null)]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString();
  }
  return String(v).trim();
}

function numberOf(v: ExcelJS.CellValue): number | null | undefined {
  if (v !== null && typeof v === 'object' && 'result' in v) return numberOf(v.result as ExcelJS.CellValue);
  if (typeof v === 'number') return v;
  const t = text(v).replace(/[，,\s]/g, '').replace(/^＋/, '+').replace(/^－/, '-');
  if (t === '' || t === '—' || t === '-' || t === '/' || t === '无') return null;
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

const ref = (row: number, col: number): string => `${SHEET_NAME}!${String.fromCharCode(64 + col)}${row}`;

/** Reads the entered rows from a filled workbook (the first sheet, or the one named 表二). */
export async function readTable2Workbook(version: TemplateVersion, bytes: Uint8Array): Promise<Table2Entries> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('ANNUAL_REPORT_IMPORT_UNREADABLE', '无法读取该文件：请上传 .xlsx 格式的表二（可先下载样表）');
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) throw new ValidationError('ANNUAL_REPORT_IMPORT_EMPTY', '工作簿中没有工作表');
  const rows = new Map(enteredRows(version).map((r) => [r.label, r]));
  const out: Table2Entries = {};
  let header: { row: number; columns: string[] } | null = null;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const first = text(row.getCell(1).value);
    if (first === TABLE2_CONTENT_LABEL) {
      const columns: string[] = [];
      for (let c = 2; c <= Math.max(row.cellCount, 2); c++) {
        const t = text(row.getCell(c).value);
        if (t) columns.push(t);
      }
      header = { row: r, columns };
      continue;
    }
    const spec = rows.get(first);
    if (!spec) continue;
    if (!header || header.columns.join('|') !== spec.columns.join('|')) {
      throw new ValidationError('ANNUAL_REPORT_IMPORT_HEADER_INVALID', `${ref(header?.row ?? r, 1)}：「${first}」行上方的栏目应为“${[TABLE2_CONTENT_LABEL, ...spec.columns].join('、')}”（请使用样表）`, { cell: ref(header?.row ?? r, 1) });
    }
    out[first] = spec.columns.map((column, i) => {
      const cell = row.getCell(i + 2);
      const v = numberOf(cell.value);
      if (v === undefined) {
        throw new ValidationError('ANNUAL_REPORT_IMPORT_CELL_INVALID', `${ref(r, i + 2)}（「${first}」行「${column}」列）：“${text(cell.value)}”不是数字`, { cell: ref(r, i + 2) });
      }
      if (v !== null && !isAmountColumn(column) && !Number.isInteger(v)) {
        throw new ValidationError('ANNUAL_REPORT_IMPORT_CELL_INVALID', `${ref(r, i + 2)}（「${first}」行「${column}」列）应为整数：${v}`, { cell: ref(r, i + 2) });
      }
      return v;
    });
  }
  if (!Object.keys(out).length) {
    throw new ValidationError('ANNUAL_REPORT_IMPORT_EMPTY', `工作表“${ws.name}”中没有找到表二的任何一行（如“${[...rows.keys()][0]}”）：请使用样表填写`);
  }
  return out;
}
