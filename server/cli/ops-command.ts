/**
 * The operator's commands for the database itself: `gongkai backup FILE`, `gongkai restore FILE
 * [--force]`, `gongkai migrate-to postgres://…` and `gongkai search rebuild`.
 */
import type { Command } from 'commander';
import { loadConfig, dialectOf } from '../config/config.ts';
import { createDb } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { copySqliteToPostgres } from '../db/transfer.ts';
import { systemActor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../modules/audit/index.ts';
import { rebuildSearchIndex } from '../modules/search/index.ts';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function registerOpsCommands(program: Command): void {
  program.command('backup').description('备份数据库到文件（SQLite：在线备份；PostgreSQL：pg_dump 自定义格式）')
    .argument('<file>', '备份文件（不得已存在）')
    .action(async (file: string) => {
      const r = await backupDatabase(loadConfig().databaseUrl, file);
      console.log(`已备份（${r.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}，${mib(r.bytes)}）到 ${file}`);
    });

  program.command('restore').description('从备份文件恢复数据库（先停止服务）')
    .argument('<file>', '备份文件')
    .option('--force', '替换已有数据的数据库')
    .action(async (file: string, o: { force?: boolean }) => {
      const url = loadConfig().databaseUrl;
      await restoreDatabase(url, file, { force: o.force });
      const { db } = createDb(url);
      try {
        const applied = await migrateToLatest(db);
        console.log(`已从 ${file} 恢复${applied.length ? `，并执行了较新的迁移：${applied.join(', ')}` : ''}`);
      } finally {
        await db.destroy();
      }
    });

  program.command('migrate-to').description('把内置的 SQLite 数据库整体迁移到 PostgreSQL（目标须为空库）')
    .argument('<url>', '目标 PostgreSQL 地址，如 postgres://user@host:5432/gongkai')
    .action(async (url: string) => {
      const source = loadConfig().databaseUrl;
      if (dialectOf(source) !== 'sqlite' || source === ':memory:') throw new AppError('TRANSFER_SOURCE_NOT_SQLITE', `当前数据库不是 SQLite 文件：${source}`);
      if (dialectOf(url) !== 'postgres') throw new AppError('TRANSFER_TARGET_NOT_POSTGRES', `目标地址应以 postgres:// 开头：${url}`);
      const src = createDb(source).db;
      try {
        await migrateToLatest(src);
      } finally {
        await src.destroy();
      }
      const { db } = createDb(url, { poolSize: 2 });
      try {
        await migrateToLatest(db);
        const report = await copySqliteToPostgres(source, url, (table, rows) => {
          if (rows) console.log(`  ${table}\t${rows}`);
        });
        const indexed = await rebuildSearchIndex(db);
        await recordAudit(db, systemActor('cli'), { action: 'migrate_to_postgres', resourceType: 'installation', after: { source, tables: report.tables.length, rows: report.rows } });
        console.log(`已迁移 ${report.tables.length} 张表、${report.rows} 行；检索索引已重建（${indexed} 篇）。`);
        console.log('请把 DATABASE_URL 设为目标地址后重新启动服务。');
      } finally {
        await db.destroy();
      }
    });

  const search = program.command('search').description('检索索引');
  search.command('rebuild').description('按已保存的文档重建检索引擎的索引（如更新分词词典后）').action(async () => {
    const { db } = createDb(loadConfig().databaseUrl);
    try {
      await migrateToLatest(db);
      console.log(`检索索引已重建：${await rebuildSearchIndex(db)} 篇`);
    } finally {
      await db.destroy();
    }
  });
}
