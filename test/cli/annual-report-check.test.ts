/**
 * `gongkai annual-report check FILE [--previous FILE] [--json]` run as a user runs it (a child
 * process through bin/gongkai.js): the JSON contract, the Chinese summary and the exit codes
 * (0 no problems, 1 problems, 2 unreadable file). No database is touched.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToDocx, reportToHtml, reportToText, sampleReport } from '../../server/modules/annual-reports/testing/report-fixtures.ts';

const BIN = path.resolve('bin/gongkai.js');

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '/nonexistent/dir/never.sqlite' }, maxBuffer: 20 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

type Run = { code: number; stdout: string; stderr: string };
const RUNS = (file: (n: string) => string): Record<string, string[]> => ({
  html: ['annual-report', 'check', file('2021.html'), '--json'],
  docx: ['annual-report', 'check', file('2021.docx'), '--json'],
  blank: ['annual-report', 'check', file('broken.html'), '--json'],
  carry: ['annual-report', 'check', file('2021.html'), '--previous', file('2020.txt'), '--json'],
  summaryOk: ['annual-report', 'check', file('2021.docx')],
  summaryBad: ['annual-report', 'check', file('broken.html')],
  missing: ['annual-report', 'check', file('nope.html'), '--json'],
  image: ['annual-report', 'check', file('image.png'), '--json'],
  previousImage: ['annual-report', 'check', file('2021.html'), '--previous', file('image.png')],
});
const R: Record<string, Run> = {};

describe('gongkai annual-report check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-annual-'));
  const file = (name: string) => path.join(dir, name);
  const spec = sampleReport({ issuer: '嘉兴市生态环境局', year: 2021, seed: 42 });
  const last = sampleReport({ issuer: '嘉兴市生态环境局', year: 2020, seed: 41 });

  beforeAll(async () => {
    fs.writeFileSync(file('2021.html'), reportToHtml(spec, { word: true, blankZeros: true, splitLabels: true }));
    fs.writeFileSync(file('2021.docx'), await reportToDocx(spec));
    // last year's 四 differs from this year's 二 in the 自然人 column
    const forward = [...spec.table3['二、上年结转政府信息公开申请数量']!];
    forward[0]! += 1;
    forward[6]! += 1;
    last.table3['四、结转下年度继续办理'] = forward;
    fs.writeFileSync(file('2020.txt'), reportToText(last, { splitLabels: true }));
    const broken = structuredClone(spec);
    broken.table3['（一）予以公开']![6] = null as unknown as number;
    fs.writeFileSync(file('broken.html'), reportToHtml(broken));
    fs.writeFileSync(file('image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    // every run at once: the CLI's start-up (the whole command program) takes seconds
    const runs = Object.entries(RUNS(file));
    const results = await Promise.all(runs.map(([, args]) => run(args)));
    runs.forEach(([name], i) => (R[name] = results[i]!));
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--json prints the contract with no problems for a consistent report (exit 0)', async () => {
    for (const name of ['html', 'docx']) {
      const r = R[name]!;
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(['issuer', 'year', 'template', 'table3', 'table4', 'problems']);
      expect(out).toEqual({ issuer: '嘉兴市生态环境局', year: 2021, template: 'v2021', table3: spec.table3, table4: spec.table4, problems: [] });
      expect(Object.keys(out.table3)).toHaveLength(25);
      for (const cells of Object.values(out.table3)) expect(cells).toHaveLength(7);
      expect(out.table4).toHaveLength(15);
    }
  });

  it('problems → exit 1: a blank 总计; a carry-over that does not match last year\'s report', async () => {
    const blank = R.blank!;
    expect(blank.code).toBe(1);
    const out = JSON.parse(blank.stdout);
    expect(out.table3['（一）予以公开'][6]).toBeNull();
    expect(out.problems).toEqual([{ rule: 'blankTotal', where: '表三「（一）予以公开」行「总计」列', message: '总计为空白，应填写数字（没有的填0）' }]);

    const carry = R.carry!;
    expect(carry.code).toBe(1);
    expect(JSON.parse(carry.stdout).problems.map((p: { rule: string; where: string }) => [p.rule, p.where])).toEqual([
      ['carryOver', '表三「二、上年结转政府信息公开申请数量」行「自然人」列'],
      ['carryOver', '表三「二、上年结转政府信息公开申请数量」行「总计」列'],
    ]);
  });

  it('without --json: a Chinese summary', async () => {
    const ok = R.summaryOk!;
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('嘉兴市生态环境局 2021年度政府信息公开工作年度报告');
    expect(ok.stdout).toContain('表格格式：2021年版格式（国办公开办函〔2021〕30号）');
    expect(ok.stdout).toContain('体检结果：未发现问题。');
    const bad = R.summaryBad!;
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('体检结果：发现 1 个问题');
    expect(bad.stdout).toContain('1. 表三「（一）予以公开」行「总计」列：总计为空白，应填写数字（没有的填0）（blankTotal）');
  });

  it('a file that cannot be read → exit 2 with a coded message', async () => {
    const missing = R.missing!;
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('CLI_FILE_NOT_FOUND');
    expect(missing.stdout).toBe('');
    const image = R.image!;
    expect(image.code).toBe(2);
    expect(image.stderr).toMatch(/^错误 \[ANNUAL_REPORT_UNREADABLE_FILE\]：/);
    const previous = R.previousImage!;
    expect(previous.code).toBe(2);
  });
});
