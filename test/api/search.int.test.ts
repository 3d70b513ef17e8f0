/**
 * GET /api/v1/search on each database: what a person searching the platform relies on — Chinese
 * words of two characters found inside longer words (公开 in 政务公开), mixed Chinese/Latin/digits,
 * titles ranked above body-only matches, highlighted and escaped snippets, every filter, the exact
 * 文号 lookup whatever brackets are typed, a clear refusal of a query without words, re-indexing
 * and unindexing, paging, and the capped count. Records are indexed as the modules do it:
 * indexRecords() / unindexRecord() from the search module's index.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type TestApp } from '../support/test-app.ts';
import { indexRecords, rebuildSearchIndex, unindexRecord, type SearchEntry } from '../../server/modules/search/index.ts';

interface Item { kind: string; refId: number; unitId: number | null; year: number | null; validity: string | null; docNumber: string | null; title: string; titleHtml: string; snippetHtml: string; url: string }
interface Result { query: string; tokens: string[]; exactDocNumber: string | null; total: number; totalCapped: boolean; page: number; pageSize: number; items: Item[] }

// units (ids need not exist in the directory: the index keeps the id)
const OFFICE = 1;
const EDUCATION = 8;
const MARKET = 29;
const STATISTICS = 32;

const entry = (e: Partial<SearchEntry> & Pick<SearchEntry, 'kind' | 'refId' | 'title' | 'body'>): SearchEntry => ({
  unitId: OFFICE, year: 2021, publishedOn: '2021-06-01', url: `/${e.kind}/${e.refId}`, ...e,
});

const RECORDS: SearchEntry[] = [
  entry({
    kind: 'publication', refId: 1, unitId: OFFICE, year: 2020, publishedOn: '2020-03-02', docNumber: '嘉政办发〔2020〕36号', nodeIds: [10, 11],
    title: '嘉兴市人民政府办公室关于印发《嘉兴市2020年政务公开工作要点》的通知',
    body: '各县（市、区）人民政府，市政府各部门：现将《嘉兴市2020年政务公开工作要点》印发给你们，请认真贯彻执行。',
  }),
  entry({
    kind: 'publication', refId: 2, unitId: EDUCATION, year: 2021, publishedOn: '2021-01-15', nodeIds: [10, 12],
    title: '市教育局2021年度工作总结', body: '依法做好信息公开，全年主动发布招生信息120条。',
  }),
  entry({
    kind: 'normative', refId: 3, unitId: MARKET, year: 2020, publishedOn: '2020-07-01', validity: 'valid', docNumber: '嘉市监〔2020〕5号', nodeIds: [20],
    title: '嘉兴市市场监督管理局关于全面推行“双随机、一公开”监管的实施意见', body: '自2020年起，全市市场监管领域全面实行双随机抽查。',
  }),
  entry({
    kind: 'normative', refId: 4, unitId: MARKET, year: 2018, publishedOn: '2018-04-01', validity: 'expired', nodeIds: [20],
    title: '关于开展双随机抽查工作的通知', body: '2018年起试行双随机抽查，抽查结果及时通报。',
  }),
  entry({
    kind: 'publication', refId: 5, unitId: OFFICE, title: '嘉兴市优化营商环境工作方案', body: '围绕企业开办、纳税等事项持续改进服务。',
  }),
  entry({
    kind: 'publication', refId: 6, unitId: EDUCATION, title: '市教育局关于校园周边整治情况的通报',
    body: '校园周边整治也是营商环境的一部分，营商环境好不好，学生家长有话说，营商环境评价纳入年度考核。',
  }),
  entry({
    kind: 'interpretation', refId: 7, unitId: OFFICE, title: '《政务公开工作要点》政策解读',
    body: '说明：<script>alert("x")</script> 本次政务公开要点的解读 & 问答。',
  }),
  entry({
    kind: 'gazette', refId: 8, unitId: STATISTICS, year: 2020, publishedOn: '2020-12-30', title: '2020年嘉兴市国民经济和社会发展统计公报',
    body: '全年GDP达到5509.52亿元，比上年增长3.5%；PM2.5平均浓度28微克/立方米。',
  }),
  entry({
    kind: 'publication', refId: 9, unitId: STATISTICS, year: 2020, publishedOn: '2020-09-01', title: '２０２０年统计年鉴发布', body: '年鉴收录全市统计资料。',
  }),
];

const key = (i: Pick<Item, 'kind' | 'refId'>) => `${i.kind}:${i.refId}`;

describe.each(testDialects())('search on %s', (dialect) => {
  let t: TestApp;

  const get = async (params: Record<string, string | number>) => {
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    return t.app.inject({ method: 'GET', url: `/api/v1/search?${qs}` });
  };
  const find = async (params: Record<string, string | number>): Promise<Result> => {
    const res = await get(params);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Result;
  };
  const keys = async (params: Record<string, string | number>) => (await find(params)).items.map(key).sort();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await indexRecords(t.tdb.db, RECORDS);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds a two-character word inside longer words: 公开 in 政务公开, 信息公开, 一公开', async () => {
    const r = await find({ q: '公开' });
    expect(r.tokens).toEqual(['公开']);
    expect(r.items.map(key).sort()).toEqual(['interpretation:7', 'normative:3', 'publication:1', 'publication:2']);
    expect(r.total).toBe(4);
    expect(r.totalCapped).toBe(false);
    expect(await keys({ q: '政务公开' })).toEqual(['interpretation:7', 'publication:1']);
  });

  it('reads mixed Chinese and digits: 2020年 双随机 finds the 2020 document, not the 2018 one', async () => {
    const r = await find({ q: '2020年 双随机' });
    expect(r.tokens).toEqual(['2020', '年', '双随机']);
    expect(r.items.map(key)).toEqual(['normative:3']);
    expect(await keys({ q: '双随机' })).toEqual(['normative:3', 'normative:4']);
  });

  it('ranks a title match above documents that only mention the words in their text', async () => {
    const r = await find({ q: '营商环境' });
    expect(r.items.map(key)).toEqual(['publication:5', 'publication:6']);
  });

  it('highlights the words with <mark> in the title and a snippet, and escapes the stored text', async () => {
    const r = await find({ q: '政务公开' });
    const interpretation = r.items.find((i) => i.kind === 'interpretation')!;
    expect(interpretation.snippetHtml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(interpretation.snippetHtml).not.toContain('<script>');
    expect(interpretation.snippetHtml).toContain('<mark>政务公开</mark>');
    expect(interpretation.snippetHtml).toContain('&amp; 问答');
    expect(interpretation.titleHtml).toBe('《<mark>政务公开</mark>工作要点》政策解读');
    expect(interpretation.title).toBe('《政务公开工作要点》政策解读');
    const notice = r.items.find((i) => i.kind === 'publication')!;
    expect(notice.titleHtml).toContain('《嘉兴市2020年<mark>政务公开</mark>工作要点》');
    expect(notice).toMatchObject({ refId: 1, docNumber: '嘉政办发〔2020〕36号', url: '/publication/1', unitId: OFFICE, year: 2020 });
    // every word of the query is marked, Latin whatever its case
    const gdp = (await find({ q: 'gdp 增长' })).items[0]!;
    expect(gdp.snippetHtml).toContain('<mark>GDP</mark>');
    expect(gdp.snippetHtml).toContain('<mark>增长</mark>');
  });

  it('filters by kind, unit, year, validity and catalogue node', async () => {
    expect(await keys({ q: '公开', kind: 'normative' })).toEqual(['normative:3']);
    expect(await keys({ q: '公开', kind: 'interpretation' })).toEqual(['interpretation:7']);
    expect(await keys({ q: '公开', unitId: EDUCATION })).toEqual(['publication:2']);
    expect(await keys({ q: '公开', year: 2021 })).toEqual(['interpretation:7', 'publication:2']);
    expect(await keys({ q: '双随机', validity: 'expired' })).toEqual(['normative:4']);
    expect(await keys({ q: '双随机', validity: 'valid' })).toEqual(['normative:3']);
    expect(await keys({ q: '公开', nodeId: 10 })).toEqual(['publication:1', 'publication:2']);
    expect(await keys({ q: '公开', nodeId: 12 })).toEqual(['publication:2']);
    expect(await keys({ q: '公开', unitId: OFFICE, year: 2020, kind: 'publication', nodeId: 11 })).toEqual(['publication:1']);
    const none = await find({ q: '公开', unitId: EDUCATION, year: 2020 });
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('looks a 文号 up exactly, whatever brackets are typed; an unknown 文号 finds nothing', async () => {
    for (const q of ['嘉政办发[2020]36号', '嘉政办发（2020）36号', '嘉政办发〔2020〕36号', ' 嘉政办发【２０２０】36号 ']) {
      const r = await find({ q });
      expect(r.exactDocNumber, q).toBe('嘉政办发〔2020〕36号');
      expect(r.items.map(key), q).toEqual(['publication:1']);
      expect(r.total).toBe(1);
    }
    const missing = await find({ q: '嘉政办发〔2020〕37号' });
    expect(missing).toMatchObject({ exactDocNumber: '嘉政办发〔2020〕37号', total: 0, items: [] });
    // the 36th of another year or issuer is another document
    expect((await find({ q: '嘉政办发[2021]36号' })).total).toBe(0);
    expect((await find({ q: '嘉市监[2020]5号' })).items.map(key)).toEqual(['normative:3']);
    // filters apply to the lookup too
    expect((await find({ q: '嘉政办发[2020]36号', kind: 'normative' })).total).toBe(0);
    expect((await find({ q: '嘉政办发[2020]36号', nodeId: 11 })).items.map(key)).toEqual(['publication:1']);
    expect((await find({ q: '嘉政办发[2020]36号', nodeId: 20 })).total).toBe(0);
  });

  it('refuses a query of punctuation only with 400 SEARCH_QUERY_EMPTY, and bad parameters with 400', async () => {
    for (const q of ['，。！？', '、', ' … ', '《》“”']) {
      const res = await get({ q });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('SEARCH_QUERY_EMPTY');
      expect(res.json().error.message).toContain('标点');
    }
    expect((await get({ q: '' })).statusCode).toBe(400);
    expect((await get({ q: '公开', kind: 'memo' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await get({ q: '公开', pageSize: 101 })).json().error.code).toBe('VALIDATION_FAILED');
  });

  it('ignores the case of Latin letters and reads full-width letters and digits as half-width', async () => {
    for (const q of ['GDP', 'gdp', 'Gdp', 'ＧＤＰ']) expect(await keys({ q }), q).toEqual(['gazette:8']);
    expect(await keys({ q: 'pm2.5' })).toEqual(['gazette:8']);
    expect(await keys({ q: 'PM2.5 浓度' })).toEqual(['gazette:8']);
    expect(await keys({ q: '增长3.5%' })).toEqual(['gazette:8']); // numbers with a point, and a percentage
    expect(await keys({ q: '5509.52亿元' })).toEqual(['gazette:8']);
    expect(await keys({ q: 'pm2' })).toEqual([]); // pm2.5 is one word
    // the full-width query finds the half-width documents, the half-width query the full-width title
    const wide = await find({ q: '２０２０' });
    expect(wide.tokens).toEqual(['2020']);
    expect(wide.items.map(key).sort()).toEqual(['gazette:8', 'normative:3', 'publication:1', 'publication:9']);
    expect(await keys({ q: '2020年 统计年鉴' })).toEqual(['publication:9']);
  });

  it('replaces a record when it is indexed again, and forgets it when unindexed', async () => {
    const revised = entry({ ...RECORDS[4]!, title: '嘉兴市优化营商环境工作方案（修订）', body: '新增数字化转型服务专章。' });
    await indexRecords(t.tdb.db, [revised]);
    await indexRecords(t.tdb.db, [revised, { ...revised, body: '新增数字化转型服务专章，同时开展政策直达。' }]); // twice in one call: the last wins
    const r = await find({ q: '营商环境' });
    expect(r.items.map(key)).toEqual(['publication:5', 'publication:6']);
    expect(r.items[0]!.title).toBe('嘉兴市优化营商环境工作方案（修订）');
    expect(r.total).toBe(2);
    expect(await keys({ q: '政策直达' })).toEqual(['publication:5']);
    expect(await keys({ q: '纳税' })).toEqual([]); // the old text is gone
    await unindexRecord(t.tdb.db, 'publication', 5);
    expect(await keys({ q: '营商环境' })).toEqual(['publication:6']);
    expect(await keys({ q: '数字化转型' })).toEqual([]);
    await unindexRecord(t.tdb.db, 'publication', 5); // again: nothing to do
    // the same refId of another kind is another record
    expect(await keys({ q: '双随机' })).toEqual(['normative:3', 'normative:4']);
  });

  it('rebuilds the engine index from the stored documents with the same answers, filters included', async () => {
    const queries: Record<string, string | number>[] = [{ q: '公开' }, { q: '公开', nodeId: 12 }, { q: '双随机', validity: 'valid' }, { q: '2020年 双随机' }, { q: 'GDP' }, { q: '嘉政办发[2020]36号', nodeId: 11 }];
    const before = await Promise.all(queries.map((q) => keys(q)));
    expect(before.flat().length).toBeGreaterThan(6);
    const stored = await t.tdb.db.selectFrom('searchDocument').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await rebuildSearchIndex(t.tdb.db, { batch: 2 })).toBe(Number(stored.n));
    expect(await Promise.all(queries.map((q) => keys(q)))).toEqual(before);
  });

  it('pages through the matches without overlap, best first, with the same total on every page', async () => {
    const batch = Array.from({ length: 25 }, (_, i) => entry({
      kind: 'publication', refId: 100 + i, publishedOn: `2021-03-${String(i + 1).padStart(2, '0')}`,
      title: i === 7 ? '垃圾分类工作通报' : `第${i + 1}期工作简报`, body: `本期介绍垃圾分类工作进展，第${i + 1}期。`,
    }));
    await indexRecords(t.tdb.db, batch);
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await find({ q: '垃圾分类', pageSize: 10, page }));
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5, 0]);
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25, 25]);
    const seen = pages.flatMap((p) => p.items.map((i) => i.refId));
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe(107); // the title match first
    expect(pages[1]).toMatchObject({ page: 2, pageSize: 10 });
  });

  it('counts up to 10,000 matches and says when there are more; every match within the cap can be paged to', async () => {
    const many = Array.from({ length: 10_050 }, (_, i) => entry({ kind: 'publication', refId: 1000 + i, title: `河道巡查记录${i}`, body: '河长制巡查。' }));
    await indexRecords(t.tdb.db, many);
    const r = await find({ q: '河长制' });
    expect(r).toMatchObject({ total: 10_000, totalCapped: true });
    expect(r.items).toHaveLength(20);
    // every page, through the ranked window (the newest 500) and the older matches after it
    const seen = new Set<number>();
    for (let page = 1; page <= 100; page++) {
      const p = await find({ q: '河长制', page, pageSize: 100 });
      expect(p.items, `page ${page}`).toHaveLength(100);
      for (const i of p.items) seen.add(i.refId);
      // after the window the older matches come newest first
      if (page > 5) expect(p.items.map((i) => i.refId)).toEqual([...p.items.map((i) => i.refId)].sort((a, b) => b - a));
    }
    expect(seen.size).toBe(10_000);
    const beyond = await find({ q: '河长制', page: 101, pageSize: 100 });
    expect(beyond).toMatchObject({ total: 10_000, totalCapped: true, items: [] });
    // a filter that narrows below the cap counts exactly
    await indexRecords(t.tdb.db, [entry({ kind: 'gazette', refId: 99, unitId: STATISTICS, title: '河长制工作公报', body: '河长制。' })]);
    expect(await find({ q: '河长制', kind: 'gazette' })).toMatchObject({ total: 1, totalCapped: false });
  }, 120_000);
});
