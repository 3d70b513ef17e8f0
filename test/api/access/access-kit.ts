/**
 * Shared vocabulary of the access-control test (test/api/access.int.test.ts): roles, expected-status
 * helpers, and the shape of a module's access suite. Each module with routes adds a file
 * `test/api/access/<module>.access.ts` exporting a ModuleAccess and lists it in ./index.ts.
 */
import type { Session, TestApp } from '../../support/test-app.ts';

export type Who = 'anonymous' | 'observer' | 'unitStaff' | 'unitAdmin' | 'office';
export const WHO: Who[] = ['anonymous', 'observer', 'unitStaff', 'unitAdmin', 'office'];

export interface AccessRequest { method: string; url: string; payload?: unknown; headers?: Record<string, string> }

export const all = (s: number): Record<Who, number> => ({ anonymous: s, observer: s, unitStaff: s, unitAdmin: s, office: s });
export const officeOnly = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: 403, unitStaff: 403, unitAdmin: 403, office: ok });
export const users = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: ok, unitStaff: ok, unitAdmin: ok, office: ok });
/** office and observer read everything; unit A's people may not read unit B's record */
export const readers = (ok: number): Record<Who, number> => ({ anonymous: 401, observer: ok, unitStaff: 403, unitAdmin: 403, office: ok });

/** What a module's setup gets: the app, the office, unit B (the owner of the records) and its people, unit A */
export interface AccessContext {
  t: TestApp;
  office: Session;
  unitA: number;
  unitB: number;
  staffB: Session;
  adminB: Session;
  listId: number;
  /** an assignment of unit B in the published seed list */
  assignmentB: number;
}

export interface ModuleCase {
  route: string; // "METHOD /api/v1/path/{id}" as in the OpenAPI document
  /** ids: what setup returned, merged with what fresh returned for this request */
  req: (ids: Record<string, number>, who: Who) => AccessRequest;
  expect: Record<Who, number>;
  /** records consumed by the request, made anew before each role's attempt */
  fresh?: (ctx: AccessContext) => Promise<Record<string, number>>;
}

export interface ModuleAccess {
  name: string;
  /** creates unit B's records (as unit B or the office); returns their ids */
  setup(ctx: AccessContext): Promise<Record<string, number>>;
  cases: ModuleCase[];
}
