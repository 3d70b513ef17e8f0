/**
 * Bad input gets a clear coded error (4xx, Chinese message) and stores nothing half-way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDialects } from '../support/dialects.ts';
import { createUnit } from '../../server/modules/directory/index.ts';
import { systemActor } from '../../server/platform/actor.ts';
import { buildTestApp, multipart, SEED_NOTICE, type Session, type TestApp } from '../support/test-app.ts';

async function counts(t: TestApp) {
  const n = async (table: 'list' | 'notice' | 'task' | 'assignment' | 'unit') =>
    Number((await t.tdb.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { lists: await n('list'), notices: await n('notice'), tasks: await n('task'), assignments: await n('assignment'), units: await n('unit') };
}

describe.each(testDialects())('bad input on %s', (dialect) => {
  let t: TestApp;
  let office: Session;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
  });
  afterAll(async () => t?.close());

  const upload = (name: string, content: Buffer | string) => t.as(office, { method: 'POST', url: '/api/v1/imports', ...multipart(name, content) });

  it('refuses ids beyond 32 bits and text with a NUL character with a 400, on both engines', async () => {
    const huge = await t.app.inject({ method: 'GET', url: '/api/v1/lists/99999999999' });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.code).toBe('VALIDATION_FAILED');
    const nulQuery = await t.app.inject({ method: 'GET', url: '/api/v1/units?q=a%00b' });
    expect(nulQuery.statusCode).toBe(400);
    expect(nulQuery.json().error.code).toBe('INPUT_NUL_CHARACTER');
    const nulBody = await t.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests/tracking', payload: { regNumber: 'x\u0000y', contact: '1' } });
    expect(nulBody.statusCode).toBe(400);
    expect(nulBody.json().error.code).toBe('INPUT_NUL_CHARACTER');
  });

  it('refuses a file with no recognisable list', async () => {
    const before = await counts(t);
    const res = await upload('会议纪要.txt', '关于召开会议的通知\n\n各单位：\n定于下周一召开会议，请准时参加。\n\n嘉兴市人民政府办公室\n2020年7月2日\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_NO_LIST_FOUND');
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await counts(t)).toEqual(before);
  });

  it('refuses broken encoding and binary files', async () => {
    const broken = Buffer.concat([Buffer.from('2020年嘉兴市政务公开重点工作责任清单\n'), Buffer.from([0xff, 0xfe, 0xff, 0x80, 0xff]), Buffer.from('\n')]);
    const res = await upload('broken.txt', broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_UNREADABLE_ENCODING');
    const bin = await upload('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(bin.statusCode).toBe(400);
    expect(bin.json().error.code).toBe('IMPORT_UNREADABLE_FILE');
    const empty = await upload('empty.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('IMPORT_EMPTY_FILE');
  });

  it('refuses a 50 MB upload with 413 and a message naming the limit', async () => {
    const before = await counts(t);
    const res = await upload('huge.txt', Buffer.alloc(50 * 1024 * 1024, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('UPLOAD_TOO_LARGE');
    expect(res.json().error.message).toContain('20 MB');
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a request without a file', async () => {
    const res = await t.as(office, { method: 'POST', url: '/api/v1/imports', payload: { file: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UPLOAD_NOT_MULTIPART');
  });

  it('refuses a notice whose units are all unknown, storing nothing (not even placeholders)', async () => {
    const fresh = await buildTestApp(dialect);
    try {
      const officeUnit = await createUnit(fresh.tdb.db, systemActor('test'), { name: '政务公开办', kind: 'office' });
      const admin = await fresh.loginAs('office', officeUnit.id);
      const before = await counts(fresh);
      const res = await fresh.as(admin, { method: 'POST', url: '/api/v1/imports', ...multipart('seed.txt', SEED_NOTICE) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('IMPORT_NO_KNOWN_UNITS');
      expect(res.json().error.details.unknownUnits).toContain('市委编办');
      expect(await counts(fresh)).toEqual(before);
    } finally {
      await fresh.close();
    }
  });

  it('rolls back everything when storing fails half-way', async () => {
    const db = t.tdb.db;
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER fail_task_70 BEFORE INSERT ON task WHEN NEW.seq = 70 BEGIN SELECT RAISE(ABORT, 'injected failure'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION fail_task_70() RETURNS trigger AS $$ BEGIN IF NEW.seq = 70 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER fail_task_70 BEFORE INSERT ON task FOR EACH ROW EXECUTE FUNCTION fail_task_70()`.execute(db);
    }
    try {
      const before = await counts(t);
      const res = await upload('seed.txt', SEED_NOTICE.toString('utf8').replace('市委宣传部、市网信办\n\n\t（三）', '市委宣传部、市网信办、市融媒体中心\n\n\t（三）'));
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL_ERROR');
      expect(res.json().error.message).not.toContain('injected');
      expect(await counts(t)).toEqual(before);
      const audit = await db.selectFrom('auditLog').select('id').where('action', '=', 'import_list').execute();
      expect(audit).toHaveLength(0);
    } finally {
      await sql`DROP TRIGGER fail_task_70${sql.raw(dialect === 'postgres' ? ' ON task' : '')}`.execute(db);
    }
  });

  it('names the field at fault in schema errors, in Chinese, as 400', async () => {
    const res = await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { kind: 'department' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('name');
    expect(res.json().error.message).toContain('缺少必填字段');
    const kind = await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name: '某局', kind: 'alien' } });
    expect(kind.statusCode).toBe(400);
    const json = await t.as(office, { method: 'POST', url: '/api/v1/units', payload: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('INVALID_JSON');
    const id = await t.app.inject({ method: 'GET', url: '/api/v1/lists/abc' });
    expect(id.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/lists/99999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('LIST_NOT_FOUND');
    const route = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(route.statusCode).toBe(404);
    expect(route.json().error.code).toBe('NOT_FOUND');
  });

  it('refuses a directory CSV with a bad row and keeps the directory as it was', async () => {
    const before = await counts(t);
    const res = await t.as(office, {
      method: 'POST', url: '/api/v1/units/import', headers: { 'content-type': 'text/csv' },
      payload: 'name,shortName,aliases,kind,parent,groups\n新单位甲,甲,,department,,\n新单位乙,乙,,planet,,\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNIT_CSV_INVALID');
    expect(res.json().error.message).toContain('第3行');
    expect(await counts(t)).toEqual(before);
  });

  it('refuses duplicate unit names and aliases with 409', async () => {
    const res = await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name: '嘉兴市某某局', shortName: '市司法局', kind: 'department' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('UNIT_NAME_TAKEN');
  });

  it('refuses numbers that are not finite or beyond 32 bits with INPUT_NUMBER_OUT_OF_RANGE, storing nothing', async () => {
    for (const sortOrder of ['1e309', 3_000_000_000, -1e20]) {
      const res = await t.as(office, { method: 'POST', url: '/api/v1/catalogue-nodes', payload: { kind: 'basic', name: `范围测试${String(sortOrder)}`, sortOrder } });
      expect(res.statusCode, String(sortOrder)).toBe(400);
      expect(res.json().error.code).toBe('INPUT_NUMBER_OUT_OF_RANGE');
      expect(res.json().error.message).toContain('sortOrder');
    }
    const stored = await t.tdb.db.selectFrom('catalogueNode').select('id').where('name', 'like', '范围测试%').execute();
    expect(stored).toEqual([]);
  });

  it('limits login attempts per address', async () => {
    const strict = await buildTestApp(dialect, { loginAttemptsPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await strict.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'x', password: 'y' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});
