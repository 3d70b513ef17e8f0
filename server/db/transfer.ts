/**
 * Moving an embedded installation to PostgreSQL (`gongkai migrate-to postgres://…`): every row of
 * every table, in foreign-key order, with the same ids, in one PostgreSQL transaction (a failure
 * stores nothing), then the identity sequences moved past the copied ids and the search engine's
 * index rebuilt from the copied documents. The target must be empty; both databases are migrated to
 * the same latest schema first.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { AppError } from '../platform/errors.ts';

/** Tables of the engines themselves, not of the platform. */
const SKIPPED = /^(sqlite_|kysely_migration|search_fts)/;

export interface TransferReport {
  tables: { table: string; rows: number }[];
  rows: number;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables in an order where every table comes after the tables its foreign keys point to. */
function tablesInDependencyOrder(src: SQLite.Database): string[] {
  const tables = (src.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[])
    .map((r) => r.name).filter((n) => !SKIPPED.test(n));
  const deps = new Map(tables.map((t) => [t, new Set((src.prepare(`PRAGMA foreign_key_list(${quote(t)})`).all() as { table: string }[])
    .map((f) => f.table).filter((d) => d !== t && tables.includes(d)))]));
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string, path: string[]) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new AppError('TRANSFER_FOREIGN_KEY_CYCLE', `表之间的外键成环，无法确定迁移顺序：${[...path, t].join(' → ')}`);
    state.set(t, 'visiting');
    for (const d of deps.get(t)!) visit(d, [...path, t]);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of tables) visit(t, []);
  return order;
}

/**
 * Copies the SQLite database at `sqlitePath` into the (migrated, empty) PostgreSQL database at
 * `pgUrl`. `onTable` reports progress.
 */
export async function copySqliteToPostgres(sqlitePath: string, pgUrl: string, onTable?: (table: string, rows: number) => void): Promise<TransferReport> {
  const src = new SQLite(sqlitePath, { readonly: true, fileMustExist: true });
  const dst = new pg.Client({ connectionString: pgUrl });
  await dst.connect();
  try {
    const order = tablesInDependencyOrder(src);
    const report: TransferReport = { tables: [], rows: 0 };
    await dst.query('BEGIN');
    try {
      for (const table of order) {
        const target = await dst.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, [table]);
        if (!target.rows.length) throw new AppError('TRANSFER_TABLE_MISSING', `目标数据库缺少表 ${table}：两边的数据库版本不一致`);
        const have = new Set(target.rows.map((r) => r.column_name));
        const columns = (src.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name);
        const missing = columns.filter((c) => !have.has(c));
        if (missing.length) throw new AppError('TRANSFER_COLUMN_MISSING', `目标数据库的表 ${table} 缺少列 ${missing.join('、')}：两边的数据库版本不一致`);
        const existing = await dst.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
        if (Number(existing.rows[0]!.n) > 0) throw new AppError('TRANSFER_TARGET_NOT_EMPTY', `目标数据库的表 ${table} 已有数据：只能迁移到空数据库`);
        const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
        const select = src.prepare(`SELECT rowid AS "__rowid", ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid LIMIT ${perStatement}`);
        let after = Number.MIN_SAFE_INTEGER;
        let rows = 0;
        for (;;) {
          const batch = select.all(after) as Record<string, unknown>[];
          if (!batch.length) break;
          const params: unknown[] = [];
          const tuples = batch.map((r) => `(${columns.map((c) => {
            params.push(r[c]);
            return `$${params.length}`;
          }).join(', ')})`);
          await dst.query(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, params);
          after = batch[batch.length - 1]!.__rowid as number;
          rows += batch.length;
        }
        if (columns.includes('id')) {
          const seq = await dst.query<{ s: string | null }>(`SELECT pg_get_serial_sequence($1, 'id') AS s`, [table]);
          if (seq.rows[0]?.s) await dst.query(`SELECT setval($1, (SELECT coalesce(max(id), 0) + 1 FROM ${quote(table)}), false)`, [seq.rows[0].s]);
        }
        report.tables.push({ table, rows });
        report.rows += rows;
        onTable?.(table, rows);
      }
      await dst.query('COMMIT');
    } catch (e) {
      await dst.query('ROLLBACK');
      throw e;
    }
    return report;
  } finally {
    src.close();
    await dst.end();
  }
}
