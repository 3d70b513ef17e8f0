/**
 * Publication queries (Kysely only).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

type Db = Kysely<Database>;

export interface PublishedPublicationRef {
  id: number;
  unitId: number;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  kind: string;
}

/** A publication the public can see (state published), or null. */
export async function findPublishedPublication(db: Db, id: number): Promise<PublishedPublicationRef | null> {
  const row = await db.selectFrom('publication').select(['id', 'unitId', 'title', 'docNumber', 'publishedOn', 'kind'])
    .where('id', '=', id).where('state', '=', 'published').executeTakeFirst();
  return row ?? null;
}
