/**
 * Helpers for the few places where SQLite and PostgreSQL differ in what they return or accept.
 * Module code uses these instead of branching on the dialect (docs/adr/0002-portable-schema.md).
 */
import { PostgresAdapter, type Kysely } from 'kysely';

/** The current time as the ISO-8601 UTC string both engines store. */
export function now(): string {
  return new Date().toISOString();
}

/** A count or sum from either engine (PostgreSQL's bigint arrives as string or number) as a number. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** A boolean as the 0/1 flag stored on both engines. */
export function flag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

/** A stored 0/1 flag as a boolean. */
export function isSet(value: number | boolean | null | undefined): boolean {
  return value === 1 || value === true;
}

/** Parses a JSON text column, falling back when it is empty or malformed. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Whether this Kysely instance (or transaction) talks to PostgreSQL — for the few engine-specific queries (search). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
