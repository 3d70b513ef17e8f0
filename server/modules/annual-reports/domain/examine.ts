/**
 * 年报体检 in one call: read a report file (and last year's, when given), run the checks, and give
 * the `annual-report check --json` contract: `{issuer, year, template, table3, table4, problems}`.
 */
import { checkReport } from './checks.ts';
import { readAnnualReport } from './reader.ts';
import { toContract, type AnnualReport, type Problem, type ReportContract } from './report.ts';

export interface Examination {
  contract: ReportContract;
  report: AnnualReport;
  problems: Problem[];
}

/**
 * @throws ValidationError ANNUAL_REPORT_* when a file cannot be read as a report
 */
export async function examineReport(file: { bytes: Uint8Array; fileName: string }, previous?: { bytes: Uint8Array; fileName: string }): Promise<Examination> {
  const read = await readAnnualReport(file.bytes, file.fileName);
  const prev = previous === undefined ? undefined : (await readAnnualReport(previous.bytes, previous.fileName)).report;
  const problems = [...read.problems, ...checkReport(read.report, prev === undefined ? {} : { previous: prev })];
  return { contract: toContract(read.report, problems), report: read.report, problems };
}
