/**
 * 政策解读 over HTTP on each database: a unit interprets a published policy (a draft first, seen
 * only by its unit, the office and observers), publishing links interpretation and policy both ways
 * and makes it searchable, a body with script is stored sanitised and shown inert, unit A cannot
 * touch unit B's interpretation, heads' interpretations count toward the 第一解读人 target of two a
 * year, withdrawing (with a reason) takes it back, media are http(s) links only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { insertPublication } from '../support/policy-rows.ts';
import { setClock } from '../../server/platform/clock.ts';
import { listInterpretationsOfPublication } from '../../server/modules/interpretations/index.ts';

const XSS = '<p onclick="steal()">入学政策<script>alert("x")</script></p><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">点我</a><iframe src="https://evil.example"></iframe><h2>一、主要内容</h2><ul><li>免试就近入学</li></ul>';

describe.each(testDialects())('interpretations on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let observer: Session;
  let eduStaff: Session; // unit B: 市教育局
  let eduAdmin: Session;
  let justice: Session; // unit A: 市司法局
  let eduUnit: number;
  let policy: number;
  let otherPolicy: number;
  let draftPolicy: number;
  let id: number;

  const get = (url: string, who: Session | null = null) => t.as(who, { method: 'GET', url });
  const create = (who: Session, payload: Record<string, unknown>) => t.as(who, { method: 'POST', url: '/api/v1/interpretations', payload: { publicationId: policy, form: 'text', interpreterName: '陈某某', ...payload } });
  const publish = (who: Session, iid: number, publishedOn?: string) => t.as(who, { method: 'POST', url: `/api/v1/interpretations/${iid}/publication`, ...(publishedOn ? { payload: { publishedOn } } : {}) });

  beforeAll(async () => {
    setClock('2020-12-01T02:00:00Z');
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    eduUnit = await t.unitId('市教育局');
    office = await t.loginAs('office', '市政府办公室');
    observer = await t.loginAs('observer', '市政府办公室');
    eduStaff = await t.loginAs('unitStaff', eduUnit);
    eduAdmin = await t.loginAs('unitAdmin', eduUnit);
    justice = await t.loginAs('unitStaff', '市司法局');
    policy = await insertPublication(t.tdb.db, { unitId: eduUnit, title: '嘉兴市2020年义务教育阶段学校招生入学工作实施意见', docNumber: '嘉教基〔2020〕12号', publishedOn: '2020-04-23' });
    otherPolicy = await insertPublication(t.tdb.db, { unitId: await t.unitId('市政府办公室'), title: '嘉兴市人民政府关于进一步促进民营经济高质量发展的若干意见', docNumber: '嘉政发〔2020〕8号' });
    draftPolicy = await insertPublication(t.tdb.db, { unitId: eduUnit, title: '未发布的政策', state: 'draft' });
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('lets a unit write a draft interpretation of a published policy, seen only by its unit, the office and observers', async () => {
    const res = await create(eduStaff, { title: '市教育局解读2020年义务教育招生政策', body: '今年招生坚持免试就近入学。\n民办学校与公办学校同步招生。', interpreterTitle: '市教育局局长', byUnitHead: true });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      unitId: eduUnit, unitName: '嘉兴市教育局', state: 'draft', stateLabel: '草稿', form: 'text', formLabel: '文字', byUnitHead: true, publishedOn: null,
      bodyHtml: '<p>今年招生坚持免试就近入学。</p><p>民办学校与公办学校同步招生。</p>', publication: { id: policy, url: `/portal/publications/${policy}`, docNumber: '嘉教基〔2020〕12号' },
    });
    for (const who of [null, justice]) {
      expect((await get(`/api/v1/interpretations/${id}`, who)).statusCode).toBe(404);
      expect((await get('/api/v1/interpretations', who)).json().total).toBe(0);
    }
    for (const who of [eduAdmin, office, observer]) expect((await get(`/api/v1/interpretations/${id}`, who)).statusCode).toBe(200);
    expect((await get(`/portal/interpretations/${id}`)).statusCode).toBe(404);
    expect(await listInterpretationsOfPublication(t.tdb.db, policy)).toEqual([]);
  });

  it('refuses a policy that is not published, another unit, a missing interpreter', async () => {
    for (const publicationId of [draftPolicy, 999999]) {
      const res = await create(eduStaff, { title: '解读', publicationId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INTERPRETATION_POLICY_NOT_PUBLISHED');
    }
    const other = await create(justice, { title: '替教育局写', unitId: eduUnit });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('INTERPRETATION_FORBIDDEN');
    expect((await create(eduStaff, { title: '解读', interpreterName: '  ' })).json().error.code).toBe('INTERPRETATION_INTERPRETER_REQUIRED');
    expect((await create(observer, { title: '观察员' })).statusCode).toBe(403);
    expect((await t.as(null, { method: 'POST', url: '/api/v1/interpretations', payload: { publicationId: policy, title: 'x', form: 'text', interpreterName: 'x' } })).statusCode).toBe(401);
    expect((await create(eduStaff, { title: '解读', form: 'video' })).statusCode).toBe(400);
  });

  it('answers bad input with a 4xx, never a database error', async () => {
    const nul = await create(eduStaff, { title: '解读\u0000' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('INPUT_NUL_CHARACTER');
    for (const url of ['/api/v1/interpretations/99999999999', '/api/v1/interpretations?publicationId=99999999999', '/api/v1/interpretations/lead-interpreter-stats?year=20200']) {
      expect((await get(url, office)).statusCode, url).toBe(400);
    }
    expect((await create(eduStaff, { title: '解读', publicationId: 99999999999 })).statusCode).toBe(400);
    expect((await t.as(eduStaff, { method: 'POST', url: `/api/v1/interpretations/${id}/publication`, payload: { publishedOn: '2020-13-01' } })).statusCode).toBe(400);
    expect((await t.as(eduStaff, { method: 'POST', url: `/api/v1/interpretations/${id}/withdrawal`, payload: {} })).statusCode).toBe(400);
    expect((await get(`/api/v1/interpretations/${id}`, eduStaff)).json().state).toBe('draft');
  });

  it('does not let unit A touch unit B’s interpretation', async () => {
    const patchDraft = await t.as(justice, { method: 'PATCH', url: `/api/v1/interpretations/${id}`, payload: { title: '篡改' } });
    expect(patchDraft.statusCode).toBe(404); // a draft of another unit is not even known
    expect((await publish(justice, id)).statusCode).toBe(404);
    expect((await t.as(justice, { method: 'DELETE', url: `/api/v1/interpretations/${id}` })).statusCode).toBe(404);
    expect((await t.as(observer, { method: 'PATCH', url: `/api/v1/interpretations/${id}`, payload: { title: '篡改' } })).statusCode).toBe(403);
    expect((await get(`/api/v1/interpretations/${id}`, office)).json().title).toBe('市教育局解读2020年义务教育招生政策');
  });

  it('publishes: the policy lists the interpretation, the interpretation links the policy, the search finds it', async () => {
    const res = await publish(eduAdmin, id, '2020-04-28');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'published', publishedOn: '2020-04-28', url: `/portal/interpretations/${id}` });
    expect((await publish(eduAdmin, id)).json().error.code).toBe('INTERPRETATION_INVALID_STATE');

    const ofPolicy = await listInterpretationsOfPublication(t.tdb.db, policy);
    expect(ofPolicy.map((i) => [i.id, i.title, i.url, i.formLabel, i.unitName])).toEqual([[id, '市教育局解读2020年义务教育招生政策', `/portal/interpretations/${id}`, '文字', '嘉兴市教育局']]);
    expect((await get(`/api/v1/interpretations?publicationId=${policy}`)).json().items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect(await listInterpretationsOfPublication(t.tdb.db, otherPolicy)).toEqual([]);

    const pageRes = await get(`/portal/interpretations/${id}`);
    expect(pageRes.statusCode).toBe(200);
    expect(pageRes.body).toContain(`<a href="/portal/publications/${policy}">嘉兴市2020年义务教育阶段学校招生入学工作实施意见</a>（嘉教基〔2020〕12号）`);
    expect(pageRes.body).toContain('是（单位主要负责人解读）');
    expect(pageRes.body).toContain('陈某某（市教育局局长）');

    const found = (await get(`/api/v1/search?q=${encodeURIComponent('免试就近入学')}&kind=interpretation`)).json();
    expect(found.items.map((i: { refId: number; url: string }) => [i.refId, i.url])).toEqual([[id, `/portal/interpretations/${id}`]]);
    // a published interpretation of unit B: unit A reads it but may not change it
    expect((await get(`/api/v1/interpretations/${id}`, justice)).statusCode).toBe(200);
    const patch = await t.as(justice, { method: 'PATCH', url: `/api/v1/interpretations/${id}`, payload: { title: '篡改' } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe('INTERPRETATION_FORBIDDEN');
    expect((await t.as(justice, { method: 'POST', url: `/api/v1/interpretations/${id}/withdrawal`, payload: { reason: '篡改' } })).statusCode).toBe(403);
    const audit = (await get(`/api/v1/audit-log?resourceType=interpretation&resourceId=${id}`, office)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['publish_interpretation', 'create_interpretation']);
  });

  it('stores a body with script sanitised and shows it inert on the public page; titles are escaped', async () => {
    const res = await create(eduStaff, { title: '图解<img src=x onerror=alert(3)>', form: 'graphic', body: XSS });
    expect(res.statusCode).toBe(201);
    const stored = res.json();
    for (const bad of ['<script', 'onclick', 'onerror', 'javascript:', '<iframe']) expect(stored.bodyHtml).not.toContain(bad);
    expect(stored.bodyHtml).toContain('<h2>一、主要内容</h2>');
    expect(stored.bodyText).toContain('免试就近入学');
    const row = await t.tdb.db.selectFrom('interpretation').select(['bodyHtml', 'bodyText']).where('id', '=', stored.id).executeTakeFirstOrThrow();
    expect(row.bodyHtml).toBe(stored.bodyHtml);
    await publish(eduStaff, stored.id, '2020-05-06');
    const html = (await get(`/portal/interpretations/${stored.id}`)).body;
    expect(html).not.toMatch(/<script|<[^>]*\son(error|click)=|href="javascript:|<iframe/i);
    expect(html).toContain('图解&lt;img src=x onerror=alert(3)&gt;');
    expect(html).toContain('<li>免试就近入学</li>');
    const list = (await get('/portal/interpretations')).body;
    expect(list).not.toMatch(/<img src=x onerror/);
    expect(list).toContain('图解&lt;img src=x onerror=alert(3)&gt;');
  });

  it('takes media as http(s) links only, and shows them as links', async () => {
    for (const mediaUrl of ['javascript:alert(1)', 'ftp://media.example.com/a.mp4', 'not a url']) {
      const res = await create(eduStaff, { title: '视频解读', form: 'media', mediaUrl });
      expect(res.statusCode, mediaUrl).toBe(400);
      expect(res.json().error.code).toBe('INTERPRETATION_MEDIA_URL_INVALID');
    }
    expect((await create(eduStaff, { title: '视频解读', form: 'media' })).json().error.code).toBe('INTERPRETATION_MEDIA_URL_REQUIRED');
    const ok = await create(eduStaff, { title: '局长访谈：义务教育招生', form: 'media', mediaUrl: 'https://media.example.com/jd/2020.mp4?a=1&b="2"', byUnitHead: true, interpreterTitle: '市教育局局长' });
    expect(ok.statusCode).toBe(201);
    await publish(eduStaff, ok.json().id, '2020-06-10');
    const html = (await get(`/portal/interpretations/${ok.json().id}`)).body;
    expect(html).toContain('href="https://media.example.com/jd/2020.mp4?a=1&amp;b=%222%22"');
    expect(html).toContain('观看或收听音视频解读');
  });

  it('requires the content of the form before publishing', async () => {
    const empty = await create(eduStaff, { title: '问答（待写）', form: 'qa' });
    const res = await publish(eduStaff, empty.json().id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INTERPRETATION_BODY_REQUIRED');
    expect((await get(`/api/v1/interpretations/${empty.json().id}`, eduStaff)).json().state).toBe('draft');
    expect((await t.as(eduStaff, { method: 'DELETE', url: `/api/v1/interpretations/${empty.json().id}` })).statusCode).toBe(204);
    expect((await get(`/api/v1/interpretations/${empty.json().id}`, office)).statusCode).toBe(404);
    const future = await create(eduStaff, { title: '未来', body: '内容' });
    expect((await publish(eduStaff, future.json().id, '2021-01-01')).json().error.code).toBe('INTERPRETATION_DATE_IN_FUTURE');
  });

  it('counts heads’ published interpretations per unit and year against the target of two', async () => {
    // 市教育局 has two by its head in 2020 (the text and the media), one not by its head
    const finance = await t.unitId('市财政局');
    const fin = await create(office, { unitId: finance, publicationId: otherPolicy, title: '财政局局长解读', body: '内容', byUnitHead: true });
    await publish(office, fin.json().id, '2020-07-01');
    const lastYear = await create(office, { unitId: finance, publicationId: otherPolicy, title: '去年的解读', body: '内容', byUnitHead: true });
    await publish(office, lastYear.json().id, '2019-12-30');
    await create(eduStaff, { title: '草稿不计', body: '内容', byUnitHead: true });

    const stats = (await get('/api/v1/interpretations/lead-interpreter-stats?year=2020')).json();
    expect(stats).toMatchObject({ year: 2020, target: 2 });
    const row = (unitId: number) => stats.items.find((i: { unitId: number }) => i.unitId === unitId);
    expect(row(eduUnit)).toEqual({ unitId: eduUnit, unitName: '嘉兴市教育局', count: 2, met: true });
    expect(row(finance)).toMatchObject({ count: 1, met: false });
    expect(row(await t.unitId('市司法局'))).toMatchObject({ count: 0, met: false });
    expect(row(await t.unitId('南湖区政府'))).toMatchObject({ count: 0, met: false });
    expect(stats.metUnits).toBe(1);
    const y2019 = (await get('/api/v1/interpretations/lead-interpreter-stats?year=2019')).json();
    expect(y2019.items.find((i: { unitId: number }) => i.unitId === finance).count).toBe(1);
    expect(y2019.items.find((i: { unitId: number }) => i.unitId === eduUnit).count).toBe(0);
    expect((await get('/api/v1/interpretations/lead-interpreter-stats')).json().year).toBe(2020);

    const html = (await get('/portal/interpretations?year=2020')).body;
    expect(html).toContain('第一解读人解读情况（2020年）');
    expect(html).toMatch(/嘉兴市教育局<\/th><td>2<\/td><td>已达标<\/td>/);
    expect(html).toMatch(/嘉兴市财政局<\/th><td>1<\/td><td>未达标（还差 1 次）<\/td>/);
  });

  it('withdraws with a reason: off the public pages, out of the search and the count', async () => {
    const noReason = await t.as(eduStaff, { method: 'POST', url: `/api/v1/interpretations/${id}/withdrawal`, payload: { reason: '   ' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('INTERPRETATION_REASON_REQUIRED');
    const res = await t.as(eduStaff, { method: 'POST', url: `/api/v1/interpretations/${id}/withdrawal`, payload: { reason: '政策已修订，解读另行发布' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回', withdrawnReason: '政策已修订，解读另行发布' });
    expect((await get(`/portal/interpretations/${id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/interpretations/${id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/search?q=${encodeURIComponent('民办学校与公办学校同步招生')}&kind=interpretation`)).json().items.map((i: { refId: number }) => i.refId)).not.toContain(id);
    expect((await listInterpretationsOfPublication(t.tdb.db, policy)).map((i) => i.id)).not.toContain(id);
    const stats = (await get('/api/v1/interpretations/lead-interpreter-stats?year=2020')).json();
    expect(stats.items.find((i: { unitId: number }) => i.unitId === eduUnit)).toMatchObject({ count: 1, met: false });
    const edit = await t.as(eduStaff, { method: 'PATCH', url: `/api/v1/interpretations/${id}`, payload: { title: '再改' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('INTERPRETATION_WITHDRAWN');
    expect((await t.as(eduStaff, { method: 'DELETE', url: `/api/v1/interpretations/${id}` })).json().error.code).toBe('INTERPRETATION_NOT_DRAFT');
    // its unit still sees it, with the reason
    expect((await get(`/api/v1/interpretations/${id}`, eduStaff)).json().withdrawnReason).toBe('政策已修订，解读另行发布');
  });

  it('edits a published interpretation and keeps the index in step', async () => {
    const media = (await get('/api/v1/interpretations?form=media')).json().items[0];
    const res = await t.as(eduAdmin, { method: 'PATCH', url: `/api/v1/interpretations/${media.id}`, payload: { title: '局长访谈：2020年义务教育招生十问', body: '<p>访谈实录：学区划分</p>' } });
    expect(res.statusCode).toBe(200);
    expect((await get(`/api/v1/search?q=${encodeURIComponent('学区划分')}&kind=interpretation`)).json().items.map((i: { title: string }) => i.title)).toEqual(['局长访谈：2020年义务教育招生十问']);
    expect((await t.as(eduAdmin, { method: 'PATCH', url: `/api/v1/interpretations/${media.id}`, payload: { mediaUrl: null } })).json().error.code).toBe('INTERPRETATION_MEDIA_URL_REQUIRED');
    expect((await t.as(eduAdmin, { method: 'PATCH', url: `/api/v1/interpretations/${media.id}`, payload: { publicationId: draftPolicy } })).json().error.code).toBe('INTERPRETATION_POLICY_NOT_PUBLISHED');
  });

  it('moves interpretations (and their search entries) when a placeholder unit is merged', async () => {
    const placeholder = (await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name: '嘉兴市教委（旧称）', kind: 'unknown' } })).json().id;
    const r = await create(office, { unitId: placeholder, title: '旧单位名下的解读', body: '合并测试正文', byUnitHead: true });
    await publish(office, r.json().id, '2020-09-01');
    expect((await t.as(office, { method: 'POST', url: `/api/v1/units/${placeholder}/merges`, payload: { intoUnitId: eduUnit } })).statusCode).toBe(200);
    expect((await get(`/api/v1/interpretations/${r.json().id}`)).json()).toMatchObject({ unitId: eduUnit, unitName: '嘉兴市教育局' });
    const hit = (await get(`/api/v1/search?q=${encodeURIComponent('合并测试正文')}&kind=interpretation`)).json().items[0];
    expect(hit.unitId).toBe(eduUnit);
    // back out of the later counts: withdraw it
    await t.as(office, { method: 'POST', url: `/api/v1/interpretations/${r.json().id}/withdrawal`, payload: { reason: '测试' } });
  });

  it('lists published interpretations on the public page with filters and paging', async () => {
    for (let n = 1; n <= 20; n++) {
      const r = await create(eduStaff, { title: `招生政策问答第${n}期`, form: 'qa', body: `<h3>问：第${n}个问题？</h3><p>答：……</p>` });
      await publish(eduStaff, r.json().id, '2020-08-01');
    }
    const api = (await get('/api/v1/interpretations?form=qa&limit=5&offset=5')).json();
    expect(api.total).toBe(20);
    expect(api.items).toHaveLength(5);
    const first = await get('/portal/interpretations?form=qa');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('共 20 篇政策解读');
    expect(first.body).not.toContain('第 1 / 2 页');
    const all = await get('/portal/interpretations');
    expect(all.body).toContain('第 1 / 2 页');
    expect(all.body).toContain('rel="next" href="/portal/interpretations?page=2"');
    const second = await get('/portal/interpretations?page=2');
    expect(second.body).toContain('第 2 / 2 页');
    const byUnit = await get(`/portal/interpretations?unitId=${await t.unitId('市财政局')}`);
    expect(byUnit.body).toContain('共 2 篇政策解读');
    const y2019 = await get('/portal/interpretations?year=2019');
    expect(y2019.body).toContain('共 1 篇政策解读');
    expect(y2019.body).toContain('第一解读人解读情况（2019年）');
    expect((await get('/portal/interpretations?form=<script>&unitId=abc&page=-1')).statusCode).toBe(200);
    expect((await get('/portal/interpretations/abc')).statusCode).toBe(404);
  });
});
