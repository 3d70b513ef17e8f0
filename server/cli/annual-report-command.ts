/**
 * `gongkai annual-report check FILE [--previous FILE] [--json]` — 年报体检: reads a published
 * 政府信息公开工作年度报告 (HTML, .docx, PDF text layer or plain text in UTF-8/GBK), reads its tables
 * and runs the checks (modules/annual-reports). No database, no network.
 *
 * With --json it prints the contract `{issuer, year, template, table3: {rowLabel: [7 numbers]},
 * table4: [15 numbers], problems: [{rule, where, message}]}`; without, a Chinese summary.
 * Exit code: 0 no problems, 1 problems, 2 a file cannot be read (a coded message on stderr:
 * CLI_FILE_NOT_FOUND, ANNUAL_REPORT_UNREADABLE_FILE, ANNUAL_REPORT_UNREADABLE_ENCODING,
 * ANNUAL_REPORT_NO_TEXT, ANNUAL_REPORT_NOT_FOUND).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Examination } from '../modules/annual-reports/index.ts';
import { AppError } from '../platform/errors.ts';

export interface AnnualReportCommandOptions {
  write?: (text: string) => void;
  writeError?: (text: string) => void;
  setExitCode?: (code: number) => void;
}

function readInput(file: string): { bytes: Uint8Array; fileName: string } {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('CLI_FILE_NOT_FOUND', `文件不存在：${file}`);
  return { bytes: fs.readFileSync(file), fileName: path.basename(file) };
}

/** The Chinese summary printed without --json. */
export function summarise(e: Examination, templateNames: Readonly<Record<string, string>>): string {
  const c = e.contract;
  const out: string[] = [];
  out.push(`${c.issuer ?? '（未识别发布机关）'} ${c.year === null ? '（未识别年度）' : `${c.year}年度`}政府信息公开工作年度报告`);
  out.push(`表格格式：${c.template === null ? '未识别' : templateNames[c.template]}`);
  out.push(`表三读到 ${Object.keys(c.table3).length} 行，表四${c.table4 === null ? '未读到' : `读到 ${c.table4.length} 列`}`);
  if (c.problems.length === 0) {
    out.push('体检结果：未发现问题。');
  } else {
    out.push(`体检结果：发现 ${c.problems.length} 个问题`);
    c.problems.forEach((p, i) => out.push(`${i + 1}. ${p.where}：${p.message}（${p.rule}）`));
  }
  return out.join('\n') + '\n';
}

/** Adds the `annual-report` command group to a commander program. */
export function registerAnnualReportCommand(program: Command, options: AnnualReportCommandOptions = {}): Command {
  const write = options.write ?? ((t: string) => void process.stdout.write(t));
  const writeError = options.writeError ?? ((t: string) => void process.stderr.write(t));
  const setExitCode = options.setExitCode ?? ((code: number) => void (process.exitCode = code));
  const group = program.command('annual-report').description('政府信息公开工作年度报告');
  group
    .command('check')
    .description('年报体检：读取已发布的年度报告（网页、Word .docx、PDF 文字层或文本），核对表格勾稽关系、格式、上年结转与正文数字')
    .argument('<file>', '年度报告文件')
    .option('--previous <file>', '上一年度的年度报告，用于核对上年结转')
    .option('--json', '以 JSON 输出 {issuer, year, template, table3, table4, problems}')
    .action(async (file: string, o: { previous?: string; json?: boolean }) => {
      // loaded here, not at start-up: the other commands do not need the readers
      const { examineReport, TEMPLATE_NAMES } = await import('../modules/annual-reports/index.ts');
      let e: Examination;
      try {
        e = await examineReport(readInput(file), o.previous === undefined ? undefined : readInput(o.previous));
      } catch (err) {
        if (err instanceof AppError) {
          writeError(`错误 [${err.code}]：${err.message}\n`);
          setExitCode(2);
          return;
        }
        throw err;
      }
      write(o.json ? JSON.stringify(e.contract, null, 2) + '\n' : summarise(e, TEMPLATE_NAMES));
      setExitCode(e.contract.problems.length === 0 ? 0 : 1);
    });
  return group;
}
