import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { registerDeadlineCommand, type DeadlineCommandOutput } from './deadline-command.ts';

/** Runs `gongkai deadline …` on a fresh program and returns what it printed. */
async function runCli(...args: string[]): Promise<string> {
  let out = '';
  const program = new Command().exitOverride();
  registerDeadlineCommand(program, { write: (t) => void (out += t) });
  await program.parseAsync(['deadline', ...args], { from: 'user' });
  return out;
}

async function runJson(...args: string[]): Promise<DeadlineCommandOutput> {
  return JSON.parse(await runCli(...args, '--json')) as DeadlineCommandOutput;
}

describe('gongkai deadline (the CLI contract)', () => {
  it('--from 2020-09-28 --working-days 5 → 2020-10-12 (National Day 10-01..08 skipped, 10-10 Sat worked)', async () => {
    const r = await runJson('--from', '2020-09-28', '--working-days', '5');
    expect(Object.keys(r)).toEqual(['from', 'workingDays', 'dueDate', 'explanation']);
    expect(r).toMatchObject({ from: '2020-09-28', workingDays: 5, dueDate: '2020-10-12' });
    expect(r.explanation.join('\n')).toContain('国庆节，共8天');
    expect(r.explanation.join('\n')).toContain('2020-10-10（星期六）');
  });

  it('across the 2020 Spring Festival extension: 2020-01-23 + 1 → 2020-02-03; + 20 → 2020-02-28', async () => {
    expect((await runJson('--from', '2020-01-23', '--working-days', '1')).dueDate).toBe('2020-02-03');
    const r = await runJson('--from', '2020-01-23', '--working-days', '20');
    // 02-03 is day 1 (01-24..02-02 off, 02-01 Sat not worked): 02-03..07 (5), 10..14 (10), 17..21 (15), 24..28 (20)
    expect(r.dueDate).toBe('2020-02-28');
    expect(r.explanation.join('\n')).toContain('2020-01-24（星期五）至2020-02-02（星期日）：春节，共10天');
  });

  it('2023 New Year (from 2022-12-30) and 2026 Spring Festival', async () => {
    expect((await runJson('--from', '2022-12-30', '--working-days', '1')).dueDate).toBe('2023-01-03');
    expect((await runJson('--from', '2026-02-13', '--working-days', '2')).dueDate).toBe('2026-02-24');
  });

  it('without --json prints the explanation lines', async () => {
    const out = await runCli('--from', '2020-09-28', '--working-days', '5');
    expect(out).toContain('第1个工作日：2020-09-29（星期二）。');
    expect(out.trim().split('\n')).toContain('第5个工作日：2020-10-12（星期一）。');
  });

  it('a count into a year without calendar data is a coded error', async () => {
    await expect(runCli('--from', '2026-12-30', '--working-days', '5', '--json')).rejects.toMatchObject({ code: 'CALENDAR_YEAR_MISSING' });
  });

  it('loads a further year from --calendar (holiday-cn format)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cal-'));
    const file = path.join(dir, '2027.json');
    const off = ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-10-01', '2027-10-02'];
    fs.writeFileSync(file, JSON.stringify({ year: 2027, papers: ['https://www.gov.cn/test'], days: off.map((date) => ({ name: '测试', date, isOffDay: true })) }));
    try {
      const r = await runJson('--from', '2026-12-30', '--working-days', '2', '--calendar', file);
      expect(r.dueDate).toBe('2027-01-04');
      expect(r.explanation.at(-1)).toContain('（本单位导入）');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([['0'], ['-3'], ['2.5'], ['abc'], ['1001']])('refuses --working-days %s', async (n) => {
    await expect(runCli('--from', '2020-09-28', `--working-days=${n}`)).rejects.toMatchObject({ code: 'CLI_INVALID_WORKING_DAYS' });
  });

  it('refuses a bad --from', async () => {
    await expect(runCli('--from', '2020-02-30', '--working-days', '1')).rejects.toBeInstanceOf(AppError);
  });
});
