/**
 * Gap-free counters for official numbers (索引号, registration numbers): one row per scope, bumped
 * inside the caller's transaction, so a rolled-back publication gives its number back.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.ts';

export async function nextNumber(db: Kysely<Database>, scope: string): Promise<number> {
  const { rows } = await sql<{ value: number }>`INSERT INTO number_sequence (scope, value) VALUES (${scope}, 1)
    ON CONFLICT (scope) DO UPDATE SET value = number_sequence.value + 1 RETURNING value`.execute(db);
  return Number(rows[0]!.value);
}
