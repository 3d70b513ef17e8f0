/**
 * `gongkai annual-report check` in process (fast): output and exit codes. The same contract run as
 * a child process through bin/gongkai.js is in test/cli/annual-report-check.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAnnualReportCommand } from './annual-report-command.ts';
import { reportToText, sampleReport } from '../modules/annual-reports/testing/report-fixtures.ts';

async function runCli(...args: string[]): Promise<{ out: string; err: string; code: number | null }> {
  let out = '';
  let err = '';
  let code: number | null = null;
  const program = new Command().exitOverride();
  registerAnnualReportCommand(program, { write: (t) => void (out += t), writeError: (t) => void (err += t), setExitCode: (c) => void (code = c) });
  await program.parseAsync(['annual-report', 'check', ...args], { from: 'user' });
  return { out, err, code };
}

describe('gongkai annual-report check (in process)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-ar-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const spec = sampleReport({ year: 2020, seed: 5 });

  it('--json: the contract, exit 0; a broken sum: exit 1; without --json: the summary', async () => {
    const ok = path.join(dir, 'ok.txt');
    fs.writeFileSync(ok, reportToText(spec));
    const r = await runCli(ok, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ issuer: '嘉兴市生态环境局', year: 2020, template: 'v2019', table3: spec.table3, table4: spec.table4, problems: [] });
    const broken = structuredClone(spec);
    broken.table4[0]! += 1;
    const bad = path.join(dir, 'bad.txt');
    fs.writeFileSync(bad, reportToText(broken));
    const b = await runCli(bad);
    expect(b.code).toBe(1);
    expect(b.out).toContain('表格格式：2019年版（试行）格式（国办公开办函〔2019〕60号）');
    expect(b.out).toContain('1. 表四「行政复议」「总计」列：行政复议的总计为');
  });

  it('an unreadable or missing file: exit 2 and a coded message', async () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '会议纪要\n');
    expect(await runCli(empty)).toEqual({ out: '', err: expect.stringMatching(/^错误 \[ANNUAL_REPORT_NOT_FOUND\]：/), code: 2 });
    expect(await runCli(path.join(dir, 'none.txt'), '--json')).toEqual({ out: '', err: expect.stringContaining('CLI_FILE_NOT_FOUND'), code: 2 });
  });
});
