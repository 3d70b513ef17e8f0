/**
 * Publications inserted as rows, for tests of modules that link to published policies (the gazette,
 * interpretations) without going through the publications workflow.
 */
import type { Db } from '../../server/db/create-db.ts';

let seq = 0;

export async function insertPublication(
  db: Db, p: { unitId: number; title?: string; docNumber?: string | null; state?: 'published' | 'draft' | 'withdrawn'; publishedOn?: string },
): Promise<number> {
  const at = new Date().toISOString();
  const state = p.state ?? 'published';
  const row = await db.insertInto('publication').values({
    unitId: p.unitId, platformColumn: 'statutory', kind: 'policy', title: p.title ?? `测试政策文件${++seq}`, publisher: '嘉兴市人民政府',
    docNumber: p.docNumber ?? null, topic: '综合政务', writtenOn: '2020-03-01', madeOn: '2020-03-01',
    publishedOn: state === 'published' ? (p.publishedOn ?? '2020-03-05') : null, bodyHtml: '<p>政策正文</p>', bodyText: '政策正文', state,
    createdAt: at, updatedAt: at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
