/**
 * The `gongkai` command line: serve, migrate, import, user add, units import/export, export.
 * Commands act as the platform's operator (the system actor); every change is audited.
 */
import { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config.ts';
import { createDb, type Db } from '../db/create-db.ts';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import { systemActor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { ROLES } from '../platform/actor.ts';
import { exportDirectoryCsv, importDirectoryCsv, listUnits, loadResolver } from '../modules/directory/index.ts';
import { createUser } from '../modules/identity/index.ts';
import { exportListXlsx, importNotice, listLists, readNotice, LIST_KINDS, type ListKind } from '../modules/lists/index.ts';
import { registerDeadlineCommand } from './deadline-command.ts';
import { registerCalendarCommand } from './calendar-command.ts';
import { registerAnnualReportCommand } from './annual-report-command.ts';
import { registerAuditCommand } from './audit-command.ts';
import { registerOpsCommands } from './ops-command.ts';

const actor = systemActor('cli');

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const { db } = createDb(loadConfig().databaseUrl);
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

function readFile(file: string): Buffer {
  if (!fs.existsSync(file)) throw new AppError('CLI_FILE_NOT_FOUND', `文件不存在：${file}`);
  return fs.readFileSync(file);
}

const program = new Command();
program.name('gongkai').description('公开 Gongkai — 政务公开工作平台').showHelpAfterError();

program.command('serve').description('启动平台（首次启动导入演示数据并创建管理员）')
  .option('-p, --port <port>', '端口（默认 3000 或 PORT）')
  .action(async (o: { port?: string }) => {
    await (await import('../main.ts')).startServer(o.port ? { port: Number(o.port) } : {});
  });

program.command('migrate').description('执行数据库迁移（到最新；--down 回退一步）')
  .option('--down', '回退最近一次迁移')
  .action(async (o: { down?: boolean }) => {
    const { db } = createDb(loadConfig().databaseUrl);
    try {
      const names = o.down ? await migrateDown(db) : await migrateToLatest(db);
      console.log(names.length ? `${o.down ? '已回退' : '已执行'}：${names.join(', ')}` : '数据库已是最新');
    } finally {
      await db.destroy();
    }
  });

program.command('import').description('导入通知文件为清单（--dry-run 只识别不保存）')
  .argument('<file>', '通知文件')
  .option('--dry-run', '只识别，不保存')
  .option('--json', '以 JSON 输出')
  .addOption(new Option('--kind <kind>', '清单类型').choices(Object.keys(LIST_KINDS)).default('responsibility'))
  .option('--title <title>', '清单标题（默认取自通知）')
  .option('--publish', '导入后立即发布')
  .action(async (file: string, o: { dryRun?: boolean; json?: boolean; kind: ListKind; title?: string; publish?: boolean }) => {
    const bytes = readFile(file);
    const fileName = path.basename(file);
    if (o.dryRun) {
      const { result } = await readNotice({ fileName, bytes });
      if (o.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        return;
      }
      console.log(`${result.notice.title ?? '（无标题）'} ${result.notice.docNumber ?? ''}`);
      console.log(`识别任务 ${result.tasks.length} 项，附件单位 ${result.annex.length} 个，警告 ${result.warnings.length} 条`);
      for (const w of result.warnings) console.log(`  警告 第${w.line ?? '-'}行：${w.message}`);
      await withDb(async (db) => {
        const resolver = await loadResolver(db);
        const unknown = new Set<string>();
        for (const t of result.tasks) for (const n of [...t.leadUnits, ...t.responsibleUnits]) if (resolver.resolve(n).kind === 'unknown') unknown.add(n);
        if (unknown.size) console.log(`单位名录中没有的名称：${[...unknown].join('、')}`);
      });
      return;
    }
    const outcome = await withDb((db) => importNotice(db, actor, { fileName, bytes, kind: o.kind, title: o.title, publish: o.publish }));
    if (o.json) {
      process.stdout.write(JSON.stringify(outcome, null, 2) + '\n');
      return;
    }
    console.log(`已导入清单 #${outcome.list.id}「${outcome.list.title}」（${outcome.list.stateLabel}）：任务 ${outcome.taskCount} 项，任务分派 ${outcome.assignmentCount} 条`);
    for (const p of outcome.placeholders) console.log(`  新建占位单位 #${p.id}：${p.name}`);
    for (const w of outcome.warnings) console.log(`  警告 第${w.line ?? '-'}行：${w.message}`);
  });

const user = program.command('user').description('账号');
user.command('add').description('新建账号（不给 --password 时生成一次性密码）')
  .requiredOption('--username <username>', '用户名')
  .requiredOption('--unit <unit>', '所属单位（编号或名称）')
  .addOption(new Option('--role <role>', '角色').choices([...ROLES]).makeOptionMandatory())
  .option('--name <displayName>', '姓名（默认同用户名）')
  .option('--password <password>', '密码（至少10位，含字母和数字）')
  .action(async (o: { username: string; unit: string; role: string; name?: string; password?: string }) => {
    await withDb(async (db) => {
      let unitId = Number(o.unit);
      if (!Number.isInteger(unitId) || unitId <= 0) {
        const found = (await loadResolver(db)).findUnit(o.unit);
        if (found === undefined) throw new AppError('CLI_UNIT_NOT_FOUND', `单位名录中没有：${o.unit}`);
        unitId = found;
      }
      const r = await createUser(db, actor, { username: o.username, displayName: o.name ?? o.username, unitId, role: o.role, password: o.password });
      console.log(`已创建账号 ${r.user.username}（#${r.user.id}，单位 #${r.user.unitId}，角色 ${r.user.role}）`);
      if (r.oneTimePassword) console.log(`一次性密码：${r.oneTimePassword}（首次登录须修改）`);
    });
  });

const units = program.command('units').description('单位名录');
units.command('import').description('从 CSV 导入单位名录（表头 name,shortName,aliases,kind,parent,groups）')
  .argument('<file>', 'CSV 文件')
  .option('--groups <file>', '单位组别名 CSV（表头 name,aliases）')
  .action(async (file: string, o: { groups?: string }) => {
    const r = await withDb((db) => importDirectoryCsv(db, actor, readFile(file).toString('utf8'), o.groups ? readFile(o.groups).toString('utf8') : undefined));
    console.log(`单位名录已导入：新增 ${r.created}，更新 ${r.updated}，单位组 ${r.groups}`);
  });
units.command('export').description('导出单位名录 CSV')
  .option('-o, --out <file>', '输出文件（默认输出到屏幕）')
  .action(async (o: { out?: string }) => {
    const csv = await withDb((db) => exportDirectoryCsv(db));
    if (o.out) {
      fs.writeFileSync(o.out, csv);
      console.log(`已导出到 ${o.out}`);
    } else process.stdout.write(csv);
  });
units.command('list').description('列出单位').action(async () => {
  const rows = await withDb((db) => listUnits(db));
  for (const u of rows) console.log(`${u.id}\t${u.shortName ?? ''}\t${u.name}\t${u.kindLabel}${u.placeholder ? '\t（占位）' : ''}`);
});

program.command('lists').description('列出清单').action(async () => {
  const rows = await withDb((db) => listLists(db, actor, {}));
  for (const l of rows) console.log(`${l.id}\t${l.year}\t${l.stateLabel}\t${l.taskCount} 项\t${l.title}`);
});

program.command('export').description('按通知原格式导出清单为 .xlsx')
  .argument('<listId>', '清单编号')
  .option('-o, --out <file>', '输出文件')
  .action(async (listId: string, o: { out?: string }) => {
    const id = Number(listId);
    if (!Number.isInteger(id) || id <= 0) throw new AppError('CLI_INVALID_LIST_ID', `清单编号无效：${listId}`);
    const { fileName, bytes } = await withDb((db) => exportListXlsx(db, actor, id));
    const out = o.out ?? fileName;
    fs.writeFileSync(out, bytes);
    console.log(`已导出到 ${out}`);
  });

registerDeadlineCommand(program);
registerCalendarCommand(program);
registerAnnualReportCommand(program);
registerAuditCommand(program);
registerOpsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof AppError) {
    console.error(`错误 [${e.code}]：${e.message}`);
    process.exit(1);
  }
  throw e;
}
