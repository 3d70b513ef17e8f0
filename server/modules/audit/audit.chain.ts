/**
 * The audit log's hash chain. Each record stores the hash of the record written before it
 * (`prevHash`) and its own hash: sha-256 over that link and the record's content. Altering a record
 * changes its hash; deleting one breaks the next record's link; so `verifyChain` finds both.
 * Deleting the newest records leaves a shorter valid chain: an operator who keeps the head printed
 * by `gongkai audit verify` (id and hash) elsewhere can check it later with `--anchor`.
 */
import { createHash } from 'node:crypto';

/** The link of the first chained record. */
export const GENESIS = '0'.repeat(64);

/** The fields a record's hash covers: everything but its id and the hashes themselves. */
export interface ChainedContent {
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

export function chainHash(prevHash: string, r: ChainedContent): string {
  const canonical = JSON.stringify([r.at, r.actorUserId, r.actorLabel, r.action, r.resourceType, r.resourceId, r.before, r.after, r.ip]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface ChainRow extends ChainedContent {
  id: number;
  prevHash: string | null;
  hash: string | null;
}

export type ChainProblemKind = 'altered' | 'linkBroken' | 'unchained';

export interface ChainProblem {
  id: number;
  kind: ChainProblemKind;
  message: string;
}

/**
 * Walks records in id order, carrying the state between batches. Records without a hash are
 * accepted only before the first chained record (they predate the chain).
 */
export class ChainVerifier {
  checked = 0;
  legacy = 0;
  head: { id: number; hash: string } | null = null;
  readonly problems: ChainProblem[] = [];
  private prev: string | null = null;

  add(r: ChainRow): void {
    this.checked++;
    if (r.hash == null) {
      if (this.head) this.problems.push({ id: r.id, kind: 'unchained', message: `第 ${r.id} 条记录没有哈希，但它之前的记录已在链上：记录被插入或哈希被清除` });
      else this.legacy++;
      return;
    }
    const expectedLink = this.prev ?? GENESIS;
    if (r.prevHash !== expectedLink) {
      this.problems.push({ id: r.id, kind: 'linkBroken', message: `第 ${r.id} 条记录与前一条记录衔接不上：其前的记录被删除或篡改` });
    }
    if (chainHash(r.prevHash ?? GENESIS, r) !== r.hash) {
      this.problems.push({ id: r.id, kind: 'altered', message: `第 ${r.id} 条记录的内容与其哈希不符：记录被篡改` });
    }
    this.prev = r.hash;
    this.head = { id: r.id, hash: r.hash };
  }
}
