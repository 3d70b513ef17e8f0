/**
 * The first start of an empty installation imports the demo data and creates the office admin with
 * a one-time password, once.
 */
import { describe, expect, it } from 'vitest';
import { testDialects } from './support/dialects.ts';
import { createTestDb } from './support/test-db.ts';
import { ensureFirstStart } from '../server/db/seeds/first-start.ts';
import { createDb } from '../server/db/create-db.ts';
import { listLists } from '../server/modules/lists/index.ts';
import { login } from '../server/modules/identity/index.ts';
import { anonymous, systemActor } from '../server/platform/actor.ts';
import { getResults, listPublishedSets } from '../server/modules/evaluations/index.ts';

describe.each(testDialects())('first start on %s', (dialect) => {
  it('imports and publishes the seed list with the Jiaxing directory and creates the admin, only once', async () => {
    const tdb = await createTestDb(dialect);
    try {
      const first = await ensureFirstStart(tdb.db, { demoData: true });
      expect(first.demo).toMatchObject({ listId: expect.any(Number), tasks: 70, assignments: 5669, units: 69, accounts: 68 });
      expect(first.demo!.reports).toBeGreaterThan(15000);
      expect(first.demo!.requests).toBe(7);
      // 主动公开: every unit's guide (68 + the office), the demo year's publications, rules, two drafts
      expect(first.demo!.publications).toBeGreaterThan(90);
      const published = await tdb.db.selectFrom('publication').select(['state', 'publishedOn', 'indexNumber', 'kind']).where('state', '=', 'published').execute();
      expect(published.filter((p) => p.kind !== 'normative').every((p) => p.publishedOn!.startsWith('2020-') && /\/2020-\d{5}$/.test(p.indexNumber!))).toBe(true);
      // the normative demo documents are published on their own dates: 索引号 of that year
      expect(published.filter((p) => p.kind === 'normative').every((p) => p.indexNumber!.includes(`/${p.publishedOn!.slice(0, 4)}-`))).toBe(true);
      // 行政规范性文件: 2018–2020 and three recent ones registered; the 2020 cleanup closed with its valid list, this year's open
      const register = await tdb.db.selectFrom('normativeDocument').select(['regNumber', 'validity']).orderBy('regNumber').execute();
      expect(register).toHaveLength(15);
      expect(register[0]).toEqual({ regNumber: 'JXGF-2018-0001', validity: 'repealed' });
      const campaigns = await tdb.db.selectFrom('cleanupCampaign').select(['state', 'validListPublishedAt']).orderBy('id').execute();
      expect(campaigns.map((c) => [c.state, !!c.validListPublishedAt])).toEqual([['closed', true], ['open', false]]);
      const searchable = await tdb.db.selectFrom('searchDocument').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', 'in', ['publication', 'normative']).executeTakeFirstOrThrow();
      expect(Number(searchable.n)).toBe(published.length);
      expect(first.admin?.username).toBe('admin');
      const lists = await listLists(tdb.db, anonymous, {});
      expect(lists.map((l) => [l.title, l.state, l.taskCount])).toEqual([['2020年嘉兴市政务公开重点工作责任清单', 'published', 70]]);
      // the 2020 evaluation is published: 100 points over the five first-level indicators, every unit of the list but the office ranked
      const [evaluation] = await listPublishedSets(tdb.db, 2020);
      const ranking = await getResults(tdb.db, systemActor('test'), evaluation!.id);
      expect(ranking.topIndicators.map((i) => i.maxPoints)).toEqual([30, 20, 20, 15, 15]);
      expect(ranking.units).toHaveLength(68);
      expect(ranking.units[0]!.rank).toBe(1);
      const session = await login(tdb.db, { username: 'admin', password: first.admin!.oneTimePassword, sessionHours: 1 });
      expect(session.user.role).toBe('office');
      expect(session.user.mustChangePassword).toBe(true);
      const again = await ensureFirstStart(tdb.db, { demoData: true });
      expect(again).toEqual({ admin: null, demo: null });
      expect(await listLists(tdb.db, anonymous, {})).toHaveLength(1);
    } finally {
      await tdb.destroy();
    }
  });

  it('without demo data creates only the office unit and its admin', async () => {
    const tdb = await createTestDb(dialect);
    try {
      const first = await ensureFirstStart(tdb.db, { demoData: false });
      expect(first.demo).toBeNull();
      expect(first.admin?.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(await listLists(tdb.db, anonymous, {})).toEqual([]);
    } finally {
      await tdb.destroy();
    }
  });

  it('lets several processes start at once on one empty database: one admin, one set of catalogue trees', async () => {
    const tdb = await createTestDb(dialect);
    // a second pool on the same database stands for a second server process (SQLite: the same handle)
    const other = dialect === 'postgres' ? createDb(tdb.url, { poolSize: 2 }).db : tdb.db;
    try {
      const [a, b] = await Promise.all([ensureFirstStart(tdb.db, { demoData: false }), ensureFirstStart(other, { demoData: false })]);
      expect([a.admin, b.admin].filter(Boolean)).toHaveLength(1);
      const users = await tdb.db.selectFrom('user').select('username').execute();
      expect(users.map((u) => u.username)).toEqual(['admin']);
      const nodes = await tdb.db.selectFrom('catalogueNode').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const single = await createTestDb(dialect);
      try {
        await ensureFirstStart(single.db, { demoData: false });
        const expected = await single.db.selectFrom('catalogueNode').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(nodes.n)).toBe(Number(expected.n));
      } finally {
        await single.destroy();
      }
    } finally {
      if (other !== tdb.db) await other.destroy();
      await tdb.destroy();
    }
  });
});
