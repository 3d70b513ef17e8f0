/**
 * `gongkai calendar import FILE` / `gongkai calendar list`: the working-day calendar's years.
 */
import type { Command } from 'commander';
import fs from 'node:fs';
import { loadConfig } from '../config/config.ts';
import { createDb } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { systemActor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { importCalendarYear, listCalendarYears } from '../modules/calendar/index.ts';

async function withDb<T>(fn: (db: ReturnType<typeof createDb>['db']) => Promise<T>): Promise<T> {
  const { db } = createDb(loadConfig().databaseUrl);
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

export function registerCalendarCommand(program: Command): void {
  const cal = program.command('calendar').description('工作日历（法定节假日与调休）');
  cal.command('list').description('列出已覆盖的年份及依据').action(async () => {
    for (const y of await withDb((db) => listCalendarYears(db))) {
      console.log(`${y.year}\t${y.origin === 'builtIn' ? '内置' : '导入'}\t${y.source.map((s) => `${s.title}${s.docNumber ? `（${s.docNumber}）` : ''}`).join('；')}`);
    }
  });
  cal.command('import').description('导入某年的节假日安排（JSON：{year, source, offDays, workDays}，或 holiday-cn 格式）')
    .argument('<file>', 'JSON 文件')
    .action(async (file: string) => {
      if (!fs.existsSync(file)) throw new AppError('CLI_FILE_NOT_FOUND', `文件不存在：${file}`);
      const r = await withDb((db) => importCalendarYear(db, systemActor('cli'), fs.readFileSync(file, 'utf8')));
      console.log(`已导入${r.year}年节假日安排`);
      for (const w of r.warnings) console.log(`  提示：${w}`);
    });
}
