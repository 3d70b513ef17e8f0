/**
 * 政府公报 over HTTP on each database: the office compiles an issue (drafts stay invisible), a wrong
 * 文号 is refused naming it, publishing makes the documents public and searchable, the gazette
 * database answers exact queries (文号 in any bracket style, title, issue) and classified counts,
 * the public pages show the issue's table of contents and a document's metadata, unpublishing
 * takes it all back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { insertPublication } from '../support/policy-rows.ts';
import { setClock } from '../../server/platform/clock.ts';

const GOV = '嘉兴市人民政府';

describe.each(testDialects())('gazette on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let observer: Session;
  let staff: Session;
  let issue3: number;
  let privateDoc: number;
  let policyId: number;
  const ids: Record<string, number> = {};

  const get = (url: string, who: Session | null = null) => t.as(who, { method: 'GET', url });
  const addArticle = (issueId: number, payload: Record<string, unknown>) => t.as(office, { method: 'POST', url: `/api/v1/gazette/issues/${issueId}/articles`, payload });
  const countArticles = async () => Number((await t.tdb.db.selectFrom('gazetteArticle').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    setClock('2020-12-01T02:00:00Z');
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    office = await t.loginAs('office', '市政府办公室');
    observer = await t.loginAs('observer', '市政府办公室');
    staff = await t.loginAs('unitStaff', '市教育局');
    policyId = await insertPublication(t.tdb.db, { unitId: await t.unitId('市政府办公室'), title: '嘉兴市人民政府关于进一步促进民营经济高质量发展的若干意见', docNumber: '嘉政发〔2020〕8号', publishedOn: '2020-03-18' });
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('lets the office compile a draft issue that nobody else sees', async () => {
    const res = await t.as(office, { method: 'POST', url: '/api/v1/gazette/issues', payload: { year: 2020, number: 3, totalNumber: 303 } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2020, number: 3, totalNumber: 303, label: '2020年第3期（总第303期）', state: 'draft', articleCount: 0, url: '/portal/gazette/2020/3' });
    issue3 = res.json().id;

    const a1 = await addArticle(issue3, {
      title: '嘉兴市人民政府关于进一步促进民营经济高质量发展的若干意见', docNumber: '嘉政发（2020）8号', issuingBody: GOV, category: '市政府文件',
      topic: '国民经济管理、国有资产监管', bodyText: '为进一步激发民营经济活力，推动民营经济高质量发展，提出如下意见。\n一、放宽市场准入。', publicationId: policyId,
    });
    expect(a1.statusCode).toBe(201);
    expect(a1.json()).toMatchObject({ seq: 1, docNumber: '嘉政发〔2020〕8号', issueLabel: '2020年第3期（总第303期）', publicationId: policyId, issueState: 'draft' });
    ids.privateSector = a1.json().id;
    const a2 = await addArticle(issue3, { title: '嘉兴市人民政府关于印发2020年市政府工作报告重点工作任务分解的通知', docNumber: ' 嘉政发 [2020] 3 号 ', issuingBody: GOV, category: '市政府文件', topic: '综合政务', bodyText: '现将重点工作任务分解印发给你们。' });
    expect(a2.json()).toMatchObject({ seq: 2, docNumber: '嘉政发〔2020〕3号' });
    ids.tasks = a2.json().id;
    const a3 = await addArticle(issue3, { title: '嘉兴市人民政府办公室关于印发嘉兴市优化营商环境2020年行动方案的通知', docNumber: '嘉政办发〔２０２０〕１２号', issuingBody: '嘉兴市人民政府办公室', unitId: await t.unitId('市政府办公室'), category: '市政府办公室文件', topic: '综合政务' });
    expect(a3.json().docNumber).toBe('嘉政办发〔2020〕12号');
    const a4 = await addArticle(issue3, { title: '嘉兴市人民政府关于李某某等同志职务任免的通知', docNumber: null, issuingBody: GOV, category: '人事任免', bodyText: '任命李某某为嘉兴市交通运输局副局长。' });
    expect(a4.json()).toMatchObject({ docNumber: null, topic: null, seq: 4 });
    privateDoc = a4.json().id;

    for (const who of [null, staff]) {
      expect((await get('/api/v1/gazette/issues', who)).json().items).toEqual([]);
      expect((await get(`/api/v1/gazette/issues/${issue3}`, who)).statusCode).toBe(404);
      expect((await get(`/api/v1/gazette/articles/${privateDoc}`, who)).statusCode).toBe(404);
    }
    expect((await get(`/api/v1/gazette/issues/${issue3}`, observer)).json().articles).toHaveLength(4);
    expect((await get('/api/v1/gazette/issues', office)).json().items.map((i: { id: number }) => i.id)).toEqual([issue3]);
    expect((await get('/api/v1/gazette/articles?docNumber=嘉政发〔2020〕8号')).json().total).toBe(0);
    expect((await get('/portal/gazette/2020/3')).statusCode).toBe(404);
    expect((await get(`/portal/gazette/articles/${ids.privateSector}`)).statusCode).toBe(404);
    expect((await get('/api/v1/search?q=民营经济')).json().items.filter((i: { kind: string }) => i.kind === 'gazette')).toEqual([]);
  });

  it('refuses a 文号 in a wrong format with GAZETTE_DOC_NUMBER_INVALID naming the value, storing nothing', async () => {
    const before = await countArticles();
    for (const docNumber of ['嘉政发2020年3号', '嘉政发〔20〕3号', '<script>〔2020〕1号']) {
      const res = await addArticle(issue3, { title: '某通知', docNumber, issuingBody: GOV, category: '市政府文件' });
      expect(res.statusCode, docNumber).toBe(400);
      expect(res.json().error.code).toBe('GAZETTE_DOC_NUMBER_INVALID');
      expect(res.json().error.message).toContain(docNumber);
    }
    const patch = await t.as(office, { method: 'PATCH', url: `/api/v1/gazette/articles/${ids.tasks}`, payload: { docNumber: '第3号' } });
    expect(patch.json().error.code).toBe('GAZETTE_DOC_NUMBER_INVALID');
    expect((await get(`/api/v1/gazette/articles/${ids.tasks}`, office)).json().docNumber).toBe('嘉政发〔2020〕3号');
    const query = await get('/api/v1/gazette/articles?docNumber=嘉政发2020-3');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.code).toBe('GAZETTE_DOC_NUMBER_INVALID');
    const category = await addArticle(issue3, { title: '某通知', issuingBody: GOV, category: '通知公告' });
    expect(category.statusCode).toBe(400);
    expect(await countArticles()).toBe(before);
  });

  it('answers bad input with a 4xx, never a database error', async () => {
    const before = await countArticles();
    const nul = await addArticle(issue3, { title: '标题\u0000', issuingBody: GOV, category: '其他' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('INPUT_NUL_CHARACTER');
    expect((await get('/api/v1/gazette/articles?title=a%00b')).statusCode).toBe(400);
    expect((await get('/portal/gazette?issuingBody=a%00b&title=%00')).statusCode).toBe(200);
    for (const url of ['/api/v1/gazette/issues/99999999999', '/api/v1/gazette/articles/99999999999', '/api/v1/gazette/articles?unitId=99999999999']) {
      expect((await get(url, office)).statusCode, url).toBe(400);
    }
    expect((await addArticle(issue3, { title: '某', issuingBody: GOV, category: '其他', publicationId: 99999999999 })).statusCode).toBe(400);
    expect((await t.as(office, { method: 'POST', url: '/api/v1/gazette/issues', payload: { year: 2020, number: 0 } })).statusCode).toBe(400);
    expect((await t.as(office, { method: 'POST', url: `/api/v1/gazette/issues/${issue3}/publication`, payload: { publishedOn: '2020-02-30' } })).json().error.code).toBe('GAZETTE_DATE_INVALID');
    expect((await get('/portal/gazette?year=abc&page=-3&number=x')).statusCode).toBe(400);
    expect(await countArticles()).toBe(before);
  });

  it('refuses duplicates: the same issue number, a 文号 already printed, a taken 序号; and links only published publications', async () => {
    const again = await t.as(office, { method: 'POST', url: '/api/v1/gazette/issues', payload: { year: 2020, number: 3 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('GAZETTE_ISSUE_EXISTS');
    const dup = await addArticle(issue3, { title: '重复', docNumber: '嘉政发[2020]3号', issuingBody: GOV, category: '市政府文件' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('GAZETTE_DOC_NUMBER_TAKEN');
    expect(dup.json().error.message).toContain('2020年第3期');
    const seq = await addArticle(issue3, { seq: 1, title: '序号重复', issuingBody: GOV, category: '其他' });
    expect(seq.json().error.code).toBe('GAZETTE_SEQ_TAKEN');
    const draftPub = await insertPublication(t.tdb.db, { unitId: await t.unitId('市教育局'), state: 'draft' });
    for (const publicationId of [draftPub, 999999]) {
      const res = await addArticle(issue3, { title: '关联未发布', issuingBody: GOV, category: '其他', publicationId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('GAZETTE_PUBLICATION_NOT_PUBLISHED');
    }
    const unit = await addArticle(issue3, { title: '单位不存在', issuingBody: '某局', category: '部门文件', unitId: 999999 });
    expect(unit.json().error.code).toBe('GAZETTE_UNIT_NOT_FOUND');
  });

  it('lets only the office write (units and observers read, anonymous must log in)', async () => {
    for (const [who, status] of [[staff, 403], [observer, 403], [null, 401]] as const) {
      expect((await t.as(who, { method: 'POST', url: '/api/v1/gazette/issues', payload: { year: 2020, number: 9 } })).statusCode).toBe(status);
      expect((await t.as(who, { method: 'PATCH', url: `/api/v1/gazette/articles/${ids.tasks}`, payload: { title: '改' } })).statusCode).toBe(status);
      expect((await t.as(who, { method: 'POST', url: `/api/v1/gazette/issues/${issue3}/publication` })).statusCode).toBe(status);
    }
    const forbidden = await t.as(staff, { method: 'POST', url: '/api/v1/gazette/issues', payload: { year: 2020, number: 9 } });
    expect(forbidden.json().error.code).toBe('GAZETTE_FORBIDDEN');
  });

  it('refuses to publish an empty issue', async () => {
    const empty = (await t.as(office, { method: 'POST', url: '/api/v1/gazette/issues', payload: { year: 2020, number: 4 } })).json();
    const res = await t.as(office, { method: 'POST', url: `/api/v1/gazette/issues/${empty.id}/publication`, payload: { publishedOn: '2020-04-24' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('GAZETTE_ISSUE_EMPTY');
    expect((await t.as(office, { method: 'DELETE', url: `/api/v1/gazette/issues/${empty.id}` })).statusCode).toBe(204);
    expect((await get(`/api/v1/gazette/issues/${empty.id}`, office)).statusCode).toBe(404);
  });

  it('publishes the issue: public, and every document findable through the search', async () => {
    const res = await t.as(office, { method: 'POST', url: `/api/v1/gazette/issues/${issue3}/publication`, payload: { publishedOn: '2020-03-25' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'published', publishedOn: '2020-03-25', articleCount: 4 });
    expect((await t.as(office, { method: 'POST', url: `/api/v1/gazette/issues/${issue3}/publication` })).json().error.code).toBe('GAZETTE_ISSUE_ALREADY_PUBLISHED');
    expect((await get('/api/v1/gazette/issues')).json().items.map((i: { id: number }) => i.id)).toEqual([issue3]);
    expect((await get(`/api/v1/gazette/articles/${ids.privateSector}`)).json()).toMatchObject({ publishedOn: '2020-03-25', issueState: 'published' });

    const search = (await get('/api/v1/search?q=民营经济')).json();
    const hit = search.items.find((i: { kind: string }) => i.kind === 'gazette');
    expect(hit).toMatchObject({ refId: ids.privateSector, url: `/portal/gazette/articles/${ids.privateSector}`, year: 2020, docNumber: '嘉政发〔2020〕8号', publishedOn: '2020-03-25' });
    const byNumber = (await get(`/api/v1/search?q=${encodeURIComponent('嘉政发[2020]3号')}&kind=gazette`)).json();
    expect(byNumber.exactDocNumber).toBe('嘉政发〔2020〕3号');
    expect(byNumber.items.map((i: { refId: number }) => i.refId)).toEqual([ids.tasks]);

    const audit = (await get('/api/v1/audit-log?resourceType=gazetteIssue', office)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['create_gazette_issue', 'publish_gazette_issue', 'delete_gazette_issue']));
  });

  it('answers exact queries by 文号 written with any brackets, by title, and by issue', async () => {
    for (const q of ['嘉政发〔2020〕3号', '嘉政发[2020]3号', '嘉政发（2020）3号', '嘉政发【2020】3号', '嘉政发 (２０２０) ３ 号']) {
      const res = (await get(`/api/v1/gazette/articles?docNumber=${encodeURIComponent(q)}`)).json();
      expect(res.total, q).toBe(1);
      expect(res.items[0]).toMatchObject({ id: ids.tasks, docNumber: '嘉政发〔2020〕3号', issueLabel: '2020年第3期（总第303期）', url: `/portal/gazette/articles/${ids.tasks}` });
    }
    expect((await get(`/api/v1/gazette/articles?docNumber=${encodeURIComponent('嘉政发[2020]33号')}`)).json().total).toBe(0);
    const byTitle = (await get(`/api/v1/gazette/articles?title=${encodeURIComponent('营商环境')}`)).json();
    expect(byTitle.items.map((i: { title: string }) => i.title)).toEqual(['嘉兴市人民政府办公室关于印发嘉兴市优化营商环境2020年行动方案的通知']);
    expect((await get(`/api/v1/gazette/articles?title=${encodeURIComponent('%')}`)).json().total).toBe(0);
    const byIssue = (await get('/api/v1/gazette/articles?year=2020&number=3')).json();
    expect(byIssue.items.map((i: { seq: number }) => i.seq)).toEqual([1, 2, 3, 4]);
    const incomplete = await get('/api/v1/gazette/articles?number=3');
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe('GAZETTE_ISSUE_QUERY_INCOMPLETE');
  });

  it('counts documents per year, issuing body, topic and 栏目, each under the other filters', async () => {
    const i12 = (await t.as(office, { method: 'POST', url: '/api/v1/gazette/issues', payload: { year: 2019, number: 12, totalNumber: 300 } })).json().id;
    await addArticle(i12, { title: '嘉兴市人民政府关于印发嘉兴市2020年国民经济和社会发展计划的通知', docNumber: '嘉政发〔2019〕30号', issuingBody: GOV, category: '市政府文件', topic: '国民经济管理、国有资产监管' });
    await addArticle(i12, { title: '嘉兴市教育局关于做好2020年寒假安全工作的通知', docNumber: '嘉教〔2019〕88号', issuingBody: '嘉兴市教育局', category: '部门文件', topic: '科技、教育' });
    await t.as(office, { method: 'POST', url: `/api/v1/gazette/issues/${i12}/publication`, payload: { publishedOn: '2019-12-25' } });

    const all = (await get('/api/v1/gazette/classes')).json();
    expect(all.total).toBe(6);
    expect(all.years).toEqual([{ year: 2020, count: 4 }, { year: 2019, count: 2 }]);
    expect(all.issuingBodies[0]).toEqual({ name: GOV, count: 4 });
    expect(all.issuingBodies).toHaveLength(3);
    expect(all.issuingBodies).toEqual(expect.arrayContaining([{ name: '嘉兴市教育局', count: 1 }, { name: '嘉兴市人民政府办公室', count: 1 }]));
    expect(all.topics).toEqual(expect.arrayContaining([{ name: '国民经济管理、国有资产监管', count: 2 }, { name: '综合政务', count: 2 }, { name: '科技、教育', count: 1 }, { name: '未分类', count: 1 }]));
    expect(all.categories.map((c: { name: string }) => c.name)).toEqual(['市政府文件', '市政府办公室文件', '部门文件', '人事任免']);

    const y2020 = (await get('/api/v1/gazette/classes?year=2020')).json();
    expect(y2020.total).toBe(4);
    expect(y2020.years).toEqual(all.years); // the year counts ignore the chosen year
    expect(y2020.issuingBodies).toEqual([{ name: GOV, count: 3 }, { name: '嘉兴市人民政府办公室', count: 1 }]);
    const gov2020 = (await get(`/api/v1/gazette/classes?year=2020&issuingBody=${encodeURIComponent(GOV)}`)).json();
    expect(gov2020.total).toBe(3);
    expect(gov2020.topics).toEqual(expect.arrayContaining([{ name: '未分类', count: 1 }]));
    const listed = (await get(`/api/v1/gazette/articles?year=2020&issuingBody=${encodeURIComponent(GOV)}`)).json();
    expect(listed.total).toBe(3);
    const unclassified = (await get(`/api/v1/gazette/articles?topic=${encodeURIComponent('未分类')}`)).json();
    expect(unclassified.items.map((i: { id: number }) => i.id)).toEqual([privateDoc]);
    const byTopic = (await get(`/api/v1/gazette/articles?topic=${encodeURIComponent('国民经济管理、国有资产监管')}`)).json();
    expect(byTopic.items.map((i: { year: number }) => i.year)).toEqual([2020, 2019]);
  });

  it('shows the gazette database, an issue’s table of contents and a document with its metadata on public pages', async () => {
    const home = await get('/portal/gazette');
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.body).toContain('href="/portal/gazette/2020/3"');
    expect(home.body).toContain('href="/portal/gazette/2019/12"');
    expect(home.body).toMatch(/2020年<\/a>（4）/);
    expect(home.body).toContain('<label for="g-doc">文号</label>');

    const exact = await get(`/portal/gazette?docNumber=${encodeURIComponent('嘉政发[2020]3号')}`);
    expect(exact.body).toContain(`href="/portal/gazette/articles/${ids.tasks}"`);
    expect(exact.body).toContain('共找到 1 件');
    const wrong = await get(`/portal/gazette?docNumber=${encodeURIComponent('嘉政发<b>3号')}`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('role="alert"');
    expect(wrong.body).toContain('嘉政发&lt;b&gt;3号');
    expect(wrong.body).not.toContain('<b>3号');
    const classified = await get(`/portal/gazette?year=2020&issuingBody=${encodeURIComponent(GOV)}`);
    expect(classified.body).toContain('共找到 3 件');
    const jump = await get('/portal/gazette?year=2020&number=3');
    expect(jump.statusCode).toBe(303);
    expect(jump.headers.location).toBe('/portal/gazette/2020/3');

    const toc = await get('/portal/gazette/2020/3');
    expect(toc.statusCode).toBe(200);
    expect(toc.body).toContain('政府公报 2020年第3期');
    expect(toc.body).toContain('总第303期');
    const order = ['市政府文件', '市政府办公室文件', '人事任免'].map((c) => toc.body.indexOf(`>${c}</h3>`));
    expect(order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1]!))).toBe(true);
    expect(toc.body).toContain('上一期：2019年第12期（总第300期）');
    expect((await get('/portal/gazette/2020/99')).statusCode).toBe(404);
    expect((await get('/portal/gazette/abc/1')).statusCode).toBe(404);

    const doc = await get(`/portal/gazette/articles/${ids.privateSector}`);
    expect(doc.statusCode).toBe(200);
    for (const label of ['标题', '文号', '发文机关', '公报期号', '发布日期', '主题分类']) expect(doc.body).toContain(`<th scope="row"${label === '标题' ? ' style="width:7em"' : ''}>${label}</th>`);
    expect(doc.body).toContain('<td>嘉政发〔2020〕8号</td>');
    expect(doc.body).toContain('<td>2020-03-25</td>');
    expect(doc.body).toContain('<p>一、放宽市场准入。</p>');
    expect(doc.body).toContain(`href="/portal/publications/${policyId}"`);
    expect((await get('/portal/gazette/articles/999999')).statusCode).toBe(404);
  });

  it('escapes every value on the public pages', async () => {
    const res = await t.as(office, { method: 'PATCH', url: `/api/v1/gazette/articles/${privateDoc}`, payload: { title: '任免<script>alert(1)</script>', issuingBody: '"><img src=x onerror=alert(1)>', bodyText: '<iframe src="https://evil.example"></iframe>' } });
    expect(res.statusCode).toBe(200);
    for (const url of [`/portal/gazette/articles/${privateDoc}`, '/portal/gazette/2020/3', `/portal/gazette?issuingBody=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`]) {
      const body = (await get(url)).body;
      expect(body, url).not.toMatch(/<script>alert|<img src=x|<iframe/);
      expect(body, url).toContain('&lt;');
    }
    // the index follows edits of a published issue
    expect((await get(`/api/v1/search?q=${encodeURIComponent('任免')}&kind=gazette`)).json().items[0].title).toBe('任免<script>alert(1)</script>');
  });

  it('stops linking a publication that is no longer public', async () => {
    await t.tdb.db.updateTable('publication').set({ state: 'withdrawn' }).where('id', '=', policyId).execute();
    expect((await get(`/portal/gazette/articles/${ids.privateSector}`)).body).not.toContain('/portal/publications/');
    await t.tdb.db.updateTable('publication').set({ state: 'published' }).where('id', '=', policyId).execute();
    expect((await get(`/portal/gazette/articles/${ids.privateSector}`)).body).toContain(`/portal/publications/${policyId}`);
  });

  it('moves documents of a placeholder unit to the unit it is merged into', async () => {
    const placeholder = (await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name: '嘉兴市公报编辑部（待合并）', kind: 'unknown' } })).json().id;
    await t.as(office, { method: 'PATCH', url: `/api/v1/gazette/articles/${ids.tasks}`, payload: { unitId: placeholder } });
    const into = await t.unitId('市政府办公室');
    const merged = await t.as(office, { method: 'POST', url: `/api/v1/units/${placeholder}/merges`, payload: { intoUnitId: into } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await get(`/api/v1/gazette/articles/${ids.tasks}`)).json().unitId).toBe(into);
    expect((await get(`/api/v1/search?q=${encodeURIComponent('嘉政发〔2020〕3号')}`)).json().items[0].unitId).toBe(into);
  });

  it('unpublishing takes the issue off the public pages and its documents out of the search', async () => {
    const res = await t.as(office, { method: 'DELETE', url: `/api/v1/gazette/issues/${issue3}/publication` });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('draft');
    expect((await get('/api/v1/search?q=民营经济&kind=gazette')).json().total).toBe(0);
    expect((await get(`/api/v1/search?q=${encodeURIComponent('嘉政发〔2020〕3号')}`)).json().items).toEqual([]);
    expect((await get('/portal/gazette/2020/3')).statusCode).toBe(404);
    expect((await get(`/api/v1/gazette/articles/${ids.tasks}`)).statusCode).toBe(404);
    expect((await get('/api/v1/gazette/classes')).json().total).toBe(2);
    const del = await t.as(office, { method: 'DELETE', url: `/api/v1/gazette/articles/${ids.tasks}` });
    expect(del.statusCode).toBe(204);
    // published again: back in the search, without the deleted document
    await t.as(office, { method: 'POST', url: `/api/v1/gazette/issues/${issue3}/publication` });
    expect((await get('/api/v1/gazette/issues')).json().items.find((i: { id: number }) => i.id === issue3)).toMatchObject({ publishedOn: '2020-03-25', articleCount: 3 });
    expect((await get('/api/v1/search?q=民营经济&kind=gazette')).json().total).toBe(1);
    expect((await get(`/api/v1/search?q=${encodeURIComponent('嘉政发〔2020〕3号')}`)).json().items).toEqual([]);
    const refuse = await t.as(office, { method: 'DELETE', url: `/api/v1/gazette/issues/${issue3}` });
    expect(refuse.statusCode).toBe(409);
    expect(refuse.json().error.code).toBe('GAZETTE_ISSUE_PUBLISHED');
  });
});
