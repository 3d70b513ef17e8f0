/**
 * `gongkai deadline --from YYYY-MM-DD --working-days N [--json] [--calendar FILE...]`: the N-th
 * working day after `from` on the official calendar (`from` itself not counted), with the
 * explanation a person can check. The contract (issue 5, "The clock"): with --json it prints
 * `{from, workingDays, dueDate, explanation}`; without, the explanation lines.
 *
 * Errors are AppErrors (CALENDAR_YEAR_MISSING when the count runs into a year without calendar
 * data, CLI_INVALID_WORKING_DAYS, CALENDAR_DATE_INVALID); the program's top level prints them.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { parseCalendarYearFile } from '../lib/calendar/calendar-year-file.ts';
import { assertIsoDate } from '../lib/calendar/iso-date.ts';
import type { WorkingDayCalendar } from '../lib/calendar/working-day-calendar.ts';
import { activeCalendar } from '../lib/working-days.ts';
import { AppError } from '../platform/errors.ts';

export interface DeadlineCommandOutput {
  from: string;
  workingDays: number;
  dueDate: string;
  explanation: string[];
}

/** The most working days the command counts (a few years; the calendar stops before that anyway). */
const MAX_WORKING_DAYS = 1000;

/** Computes the command's output (exported for tests and for other callers). */
export function deadlineOutput(from: string, workingDays: string | number, calendar: WorkingDayCalendar = activeCalendar()): DeadlineCommandOutput {
  assertIsoDate(from, '--from');
  const n = typeof workingDays === 'number' ? workingDays : /^\d+$/.test(workingDays.trim()) ? Number(workingDays.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
    throw new AppError('CLI_INVALID_WORKING_DAYS', `--working-days 应为1至${MAX_WORKING_DAYS}的整数：${String(workingDays)}`);
  }
  const { dueDate, explanation } = calendar.explainAddWorkingDays(from, n);
  return { from, workingDays: n, dueDate, explanation };
}

export interface DeadlineCommandOptions {
  /** The calendar to count on (default: the active calendar, with the office's loaded years once the server installed them). */
  calendar?: () => WorkingDayCalendar;
  /** Where output goes (default: process.stdout). */
  write?: (text: string) => void;
}

/** Adds the `deadline` command to a commander program. */
export function registerDeadlineCommand(program: Command, options: DeadlineCommandOptions = {}): Command {
  const write = options.write ?? ((t: string) => void process.stdout.write(t));
  return program
    .command('deadline')
    .description('按国务院办公厅节假日安排计算工作日期限：起算日之后的第 N 个工作日（起算日不计入）')
    .requiredOption('--from <date>', '起算日（YYYY-MM-DD），当日不计入')
    .requiredOption('--working-days <n>', '工作日数 N')
    .option('--calendar <file...>', '另行导入的年度节假日文件（JSON：本平台格式或 holiday-cn 格式）')
    .option('--json', '以 JSON 输出 {from, workingDays, dueDate, explanation}')
    .action((o: { from: string; workingDays: string; calendar?: string[]; json?: boolean }) => {
      let calendar = (options.calendar ?? activeCalendar)();
      for (const file of o.calendar ?? []) {
        if (!fs.existsSync(file)) throw new AppError('CLI_FILE_NOT_FOUND', `文件不存在：${file}`);
        calendar = calendar.withYear(parseCalendarYearFile(fs.readFileSync(file, 'utf8')));
      }
      const out = deadlineOutput(o.from, o.workingDays, calendar);
      if (o.json) write(JSON.stringify(out, null, 2) + '\n');
      else write(out.explanation.join('\n') + '\n');
    });
}
