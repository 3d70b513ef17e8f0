/**
 * The `gongkai` command line, run as a user would run it, against each database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { testDialects } from './support/dialects.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { SEED_NOTICE_FILE } from '../server/db/seeds/first-start.ts';

const BIN = path.resolve('bin/gongkai.js');
const SEED = SEED_NOTICE_FILE.pathname;
const DATA = path.resolve('server/modules/directory/data');

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, maxBuffer: 20 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('gongkai import --dry-run --json', () => {
  it('prints the contract object for the seed without touching a database', async () => {
    const r = await run(['import', SEED, '--dry-run', '--json'], { DATABASE_URL: '/nonexistent/dir/never-created.sqlite' });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.notice).toEqual({ title: '嘉兴市人民政府办公室关于印发2020年嘉兴市政务公开重点工作责任清单的通知', docNumber: '嘉政办发〔2020〕36号', issuer: '嘉兴市人民政府办公室', issuedOn: '2020-07-02', year: 2020 });
    expect(out.annex).toHaveLength(61);
    expect(out.tasks).toHaveLength(70);
    expect(out.warnings).toEqual([]);
    expect(Object.keys(out.tasks[0])).toEqual(expect.arrayContaining(['seq', 'section', 'subsection', 'text', 'leadUnits', 'responsibleUnits', 'eachLeads', 'merged', 'dueDate', 'deadlineText', 'recurrence', 'target']));
    expect(out.tasks[8]).toMatchObject({ seq: 9, section: '一', subsection: '三', eachLeads: true, merged: false, leadUnits: ['市市场监管局', '市应急管理局', '市生态环境局', '市金融办', '人行嘉兴市中心支行'] });
    expect(out.tasks[13]).toMatchObject({ seq: 14, merged: true, dueDate: '2020-09-30', deadlineText: '2020年9月底前' });
    expect(fs.existsSync('/nonexistent/dir')).toBe(false);
  });

  it('exits non-zero with a coded message for a missing file and for a file without a list', async () => {
    const missing = await run(['import', '/tmp/no-such-notice.txt', '--dry-run', '--json'], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('CLI_FILE_NOT_FOUND');
    const f = path.join(os.tmpdir(), `gk-empty-${process.pid}.txt`);
    fs.writeFileSync(f, '这是一份没有清单的文件。\n');
    const none = await run(['import', f, '--dry-run', '--json'], {});
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('IMPORT_NO_LIST_FOUND');
  });
});

describe.each(testDialects())('gongkai commands on %s', (dialect) => {
  let tdb: TestDb;
  let env: Record<string, string>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cli-'));

  beforeAll(async () => {
    tdb = await createTestDb(dialect, { sqliteFile: path.join(dir, 'cli.sqlite') });
    env = { DATABASE_URL: tdb.url };
  });
  afterAll(async () => {
    await tdb?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrate, units import, import, lists, user add, export, units export', async () => {
    expect((await run(['migrate'], env)).stdout).toContain('数据库已是最新');

    const refused = await run(['import', SEED], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('IMPORT_NO_KNOWN_UNITS');

    const units = await run(['units', 'import', path.join(DATA, 'jiaxing-units.csv'), '--groups', path.join(DATA, 'jiaxing-groups.csv')], env);
    expect(units.stdout).toContain('新增 69');

    const imported = await run(['import', SEED, '--publish'], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/已导入清单 #\d+「2020年嘉兴市政务公开重点工作责任清单」（已发布）：任务 70 项，任务分派 5669 条/);

    const lists = await run(['lists'], env);
    const listId = lists.stdout.split('\t')[0]!;
    expect(lists.stdout).toContain('已发布\t70 项');

    const user = await run(['user', 'add', '--username', 'sifaju', '--unit', '市司法局', '--role', 'unitStaff', '--name', '司法局联络员'], env);
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/一次性密码：[A-Za-z0-9]{16}/);
    const badRole = await run(['user', 'add', '--username', 'x1', '--unit', '市司法局', '--role', 'king'], env);
    expect(badRole.code).not.toBe(0);

    const xlsx = path.join(dir, 'list.xlsx');
    expect((await run(['export', listId, '--out', xlsx], env)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('2020年嘉兴市政务公开重点工作责任清单');

    const csv = path.join(dir, 'units.csv');
    await run(['units', 'export', '--out', csv], env);
    expect(fs.readFileSync(csv, 'utf8').split('\n').filter(Boolean)).toHaveLength(70);
  }, 240_000); // ten CLI processes, each starting Node + tsx: minutes on a loaded machine
});
