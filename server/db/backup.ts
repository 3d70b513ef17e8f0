/**
 * `gongkai backup FILE` and `gongkai restore FILE`. SQLite: the online backup API (a consistent copy
 * while the server keeps writing; WAL included), restored by checking the copy and moving it into
 * place. PostgreSQL: pg_dump's custom format, restored with pg_restore in one transaction. A backup
 * names its kind by its first bytes, so a file of the other engine is refused.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { dialectOf } from '../config/config.ts';
import { AppError } from '../platform/errors.ts';

export type BackupKind = 'sqlite' | 'postgres';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');
const PGDUMP_MAGIC = Buffer.from('PGDMP', 'latin1');

/** What kind of backup a file is, by its first bytes; null when it is neither. */
export function backupKindOf(file: string): BackupKind | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n >= 16 && head.equals(SQLITE_MAGIC)) return 'sqlite';
    if (n >= 5 && head.subarray(0, 5).equals(PGDUMP_MAGIC)) return 'postgres';
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A PostgreSQL URL for the command line without its password, and the environment that carries the
 * password instead (`ps` shows arguments, not the environment).
 */
function pgTarget(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => reject(new AppError('BACKUP_TOOL_MISSING', `无法运行 ${cmd}：${e.message}（请安装 PostgreSQL 客户端工具）`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new AppError('BACKUP_TOOL_FAILED', `${cmd} 失败（退出码 ${code}）：${err.trim().split('\n').slice(-3).join(' ')}`))));
  });
}

/** Writes a backup of the database at `databaseUrl` to `file` (never over an existing file). */
export async function backupDatabase(databaseUrl: string, file: string): Promise<{ kind: BackupKind; bytes: number }> {
  if (fs.existsSync(file)) throw new AppError('BACKUP_FILE_EXISTS', `备份文件已存在：${file}（请换一个文件名，避免覆盖已有备份）`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const kind = dialectOf(databaseUrl);
  if (kind === 'postgres') {
    const target = pgTarget(databaseUrl);
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, target.url], target.env);
  } else {
    if (!fs.existsSync(databaseUrl)) throw new AppError('BACKUP_DATABASE_MISSING', `数据库文件不存在：${databaseUrl}`);
    const src = new SQLite(databaseUrl, { fileMustExist: true });
    try {
      await src.backup(file);
    } finally {
      src.close();
    }
    // one self-contained file: a copy left in WAL mode would need -wal/-shm files beside it to be read
    const copy = new SQLite(file);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  }
  return { kind, bytes: fs.statSync(file).size };
}

/** Whether the PostgreSQL database already holds the platform's tables. */
async function pgHasTables(databaseUrl: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'kysely_migration'`);
    return r.rows.length > 0;
  } finally {
    await c.end();
  }
}

/**
 * Restores `file` into the database at `databaseUrl`. A database that already holds data is
 * replaced only with `force` (stop the server first).
 */
export async function restoreDatabase(databaseUrl: string, file: string, options: { force?: boolean } = {}): Promise<{ kind: BackupKind }> {
  if (!fs.existsSync(file)) throw new AppError('BACKUP_FILE_NOT_FOUND', `备份文件不存在：${file}`);
  const kind = dialectOf(databaseUrl);
  const fileKind = backupKindOf(file);
  if (!fileKind) throw new AppError('BACKUP_FILE_UNRECOGNISED', `不是 Gongkai 的备份文件（既不是 SQLite 数据库，也不是 pg_dump 自定义格式）：${file}`);
  if (fileKind !== kind) {
    throw new AppError('BACKUP_KIND_MISMATCH', `备份是 ${fileKind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} 的，而当前数据库是 ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}：请用 gongkai migrate-to 在两种数据库之间迁移`);
  }
  if (kind === 'postgres') {
    const replace = await pgHasTables(databaseUrl);
    if (replace && !options.force) throw new AppError('RESTORE_TARGET_NOT_EMPTY', '目标数据库已有数据：确认要用备份替换它时，请停止服务后加 --force');
    const target = pgTarget(databaseUrl);
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', ...(replace ? ['--clean', '--if-exists'] : []), `--dbname=${target.url}`, file], target.env);
    return { kind };
  }
  // SQLite: check the copy, then move it into place (the -wal and -shm files of the old one go)
  let check: SQLite.Database;
  try {
    check = new SQLite(file, { readonly: true, fileMustExist: true });
    check.pragma('schema_version'); // reads the header: fails here for a file that cannot be read
  } catch (e) {
    throw new AppError('BACKUP_FILE_UNREADABLE', `无法读取备份文件 ${file}：${(e as Error).message}`);
  }
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new AppError('BACKUP_FILE_DAMAGED', `备份文件已损坏（完整性检查：${String(ok)}）`);
    const migrated = check.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get();
    if (!migrated) throw new AppError('BACKUP_FILE_UNRECOGNISED', `不是 Gongkai 的数据库备份（没有迁移记录）：${file}`);
  } finally {
    check.close();
  }
  if (fs.existsSync(databaseUrl) && !options.force) throw new AppError('RESTORE_TARGET_NOT_EMPTY', `数据库文件已存在：${databaseUrl}。确认要用备份替换它时，请停止服务后加 --force`);
  fs.mkdirSync(path.dirname(path.resolve(databaseUrl)), { recursive: true });
  const tmp = `${databaseUrl}.restoring-${process.pid}`;
  fs.copyFileSync(file, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${databaseUrl}${suffix}`, { force: true });
  fs.renameSync(tmp, databaseUrl);
  return { kind };
}
