/**
 * `gongkai audit verify [--anchor ID:HASH] [--json]`: walks the audit log's hash chain and names every
 * altered, deleted or inserted record. Exit code 0 when the chain holds, 1 when it does not.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { createDb } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AppError } from '../platform/errors.ts';
import { verifyAuditChain } from '../modules/audit/index.ts';

function parseAnchor(s: string | undefined): { id: number; hash: string } | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+):([0-9a-f]{64})$/.exec(s.trim());
  if (!m) throw new AppError('CLI_AUDIT_ANCHOR_INVALID', `锚点格式应为“记录号:64位十六进制哈希”，收到：${s}`);
  return { id: Number(m[1]), hash: m[2]! };
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit.command('verify').description('校验审计日志的哈希链：找出被篡改、删除或插入的记录')
    .option('--anchor <id:hash>', '此前记下的链头（记录号:哈希），检查其后的记录未被整体截去或重写')
    .option('--json', '以 JSON 输出')
    .action(async (o: { anchor?: string; json?: boolean }) => {
      const anchor = parseAnchor(o.anchor);
      const { db } = createDb(loadConfig().databaseUrl);
      try {
        await migrateToLatest(db);
        const r = await verifyAuditChain(db, { anchor });
        if (o.json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
        else {
          console.log(`审计日志：共 ${r.checked} 条记录${r.legacy ? `（其中 ${r.legacy} 条早于哈希链）` : ''}`);
          console.log(r.head ? `链头：${r.head.id}:${r.head.hash}（请另行保存，以便日后用 --anchor 核对）` : '链头：无（尚无链上记录）');
          if (!r.problems.length) console.log('哈希链完整：未发现篡改或删除');
          for (const p of r.problems) console.log(`  问题 #${p.id}：${p.message}`);
        }
        if (r.problems.length) process.exitCode = 1;
      } finally {
        await db.destroy();
      }
    });
}
