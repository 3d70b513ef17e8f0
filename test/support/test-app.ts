/**
 * buildTestApp(): the real application over a fresh test database, with helpers to log in as a
 * role, send multipart uploads, and build directory and list data (factories).
 */
import fs from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config/config.ts';
import { systemActor, type Role } from '../../server/platform/actor.ts';
import { seedJiaxingDirectory, loadResolver } from '../../server/modules/directory/index.ts';
import { createUser } from '../../server/modules/identity/index.ts';
import { importNotice } from '../../server/modules/lists/index.ts';
import { SEED_NOTICE_FILE } from '../../server/db/seeds/first-start.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import type { TestDialect } from './dialects.ts';

export const SEED_NOTICE = fs.readFileSync(SEED_NOTICE_FILE);
export const TEST_PASSWORD = 'Test-password-2020';

export interface Session {
  cookie: string;
  csrf: string;
  userId: number;
  unitId: number;
}

export interface TestApp {
  app: FastifyInstance;
  tdb: TestDb;
  close(): Promise<void>;
  /** Creates a user with a known password and logs in; returns the session's cookie and CSRF token */
  loginAs(role: Role, unit: string | number, username?: string): Promise<Session>;
  /** inject() with the session's cookie and CSRF token */
  as(session: Session | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  seedDirectory(): Promise<void>;
  /** Imports the seed notice (published unless told otherwise); returns the list id */
  importSeed(publish?: boolean): Promise<number>;
  unitId(name: string): Promise<number>;
}

let counter = 0;

/** `options.sqliteFile`: a file instead of memory, for spawning the CLI against the same SQLite database. */
export async function buildTestApp(dialect: TestDialect, overrides: Partial<Config> = {}, options: { sqliteFile?: string } = {}): Promise<TestApp> {
  const tdb = await createTestDb(dialect, options);
  const config = loadConfig({ logLevel: 'silent', databaseUrl: tdb.url, dataDir: '/tmp/gongkai-test', demoData: false, loginAttemptsPerMinute: 100_000, ...overrides }, {});
  const app = await buildApp(config, { db: { db: tdb.db, dialect } });
  const system = systemActor('test');

  const unitId = async (name: string) => {
    const id = (await loadResolver(tdb.db)).findUnit(name);
    if (id === undefined) throw new Error(`test: unknown unit ${name}`);
    return id;
  };

  const as = (session: Session | null, opts: InjectOptions) => {
    const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrf;
    }
    return app.inject({ ...opts, headers });
  };

  return {
    app, tdb, as, unitId,
    async close() {
      await app.close();
      await tdb.destroy();
    },
    async loginAs(role, unit, username) {
      const uid = typeof unit === 'number' ? unit : await unitId(unit);
      const name = username ?? `${role}_${++counter}_${Date.now() % 100000}`;
      const { user } = await createUser(tdb.db, system, { username: name, displayName: name, unitId: uid, role, password: TEST_PASSWORD });
      const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: name, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'gk_session');
      return { cookie: `gk_session=${cookie!.value}`, csrf: res.json().csrfToken, userId: user.id, unitId: uid };
    },
    async seedDirectory() {
      await seedJiaxingDirectory(tdb.db, system);
    },
    async importSeed(publish = true) {
      const r = await importNotice(tdb.db, system, { fileName: 'seed.txt', bytes: SEED_NOTICE, publish });
      return r.list.id;
    },
  };
}

/** A multipart/form-data body with one file in field `file`. */
export function multipart(fileName: string, content: Buffer | string, contentType = 'text/plain'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gongkai${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
