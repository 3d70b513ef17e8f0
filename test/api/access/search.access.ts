/**
 * Access to the search (test/api/access.int.test.ts): everything indexed is public, so anyone —
 * logged in or not, whatever the role — may search.
 */
import { indexRecords } from '../../../server/modules/search/index.ts';
import { all, type ModuleAccess } from './access-kit.ts';

export const searchAccess: ModuleAccess = {
  name: 'search',
  async setup(ctx) {
    await indexRecords(ctx.t.tdb.db, [{
      kind: 'publication', refId: 900_001, unitId: ctx.unitB, year: 2020, title: '市教育局2020年政务公开工作要点', url: '/publications/900001',
      publishedOn: '2020-03-01', body: '全面推进政务公开。',
    }]);
    return {};
  },
  cases: [
    { route: 'GET /api/v1/search', req: () => ({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('政务公开')}` }), expect: all(200) },
    { route: 'GET /api/v1/search', req: () => ({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('政务公开')}&kind=publication&year=2020` }), expect: all(200) },
  ],
};
