/**
 * The public 政府信息公开平台 (/portal) on each database, as the public sees it: publications are
 * made through the API (a unit drafts, the office approves), then the pages are read anonymously.
 * The four columns with their filters and paging, the catalogue trees with counts and a node's
 * page, the unit pages, the publication page with its metadata block, the search page (highlight,
 * filters, exact 文号, the punctuation-only error), the Atom and RSS feeds (parsed as XML) and the
 * open-data export's paging. Drafts and withdrawn publications never show; an XSS probe stays inert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, multipart, type Session, type TestApp } from '../support/test-app.ts';
import { tinyPdf } from '../support/files.ts';
import { setClock } from '../../server/platform/clock.ts';
import { systemActor } from '../../server/platform/actor.ts';
import { seedDefaultCatalogues } from '../../server/modules/publications/index.ts';

const BASE = 'https://gk.example.gov.cn';

interface El {
  name: string;
  uri: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** A strict XML parse (saxes: well-formedness and namespaces checked) into a small element tree. */
function parseXml(text: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: '#document', uri: '', attrs: {}, children: [], text: '' };
  const stack = [root];
  let failure: Error | null = null;
  parser.on('error', (e) => { failure ??= e; });
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, uri: t.uri, attrs: Object.fromEntries(Object.values(t.attributes).map((a) => [a.name, a.value])), children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => { stack.pop(); });
  parser.on('text', (s) => { stack[stack.length - 1]!.text += s; });
  parser.write(text).close();
  if (failure) throw failure;
  return root.children[0]!;
}

const child = (el: El, name: string) => el.children.find((c) => c.name === name);
const children = (el: El, name: string) => el.children.filter((c) => c.name === name);

/** The visible text of a page's <main> without tags (enough to assert what users read). */
function mainOf(body: string): string {
  return body.slice(body.indexOf('<main'), body.indexOf('</main>'));
}

/** Publication ids linked from an HTML fragment, in order. */
function idsIn(fragment: string): number[] {
  return [...fragment.matchAll(/href="\/portal\/publications\/(\d+)"/g)].map((m) => Number(m[1]));
}

/** Publication ids linked from a page's main part, in order. */
function linkedIds(body: string): number[] {
  return idsIn(mainOf(body));
}

describe.each(testDialects())('public platform on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let env: Session; // 市生态环境局 staff
  let edu: Session; // 市教育局 staff
  let envId: number;
  let eduId: number;
  let govPolicy: number; // 政策文件
  let govOther: number; // 政策文件 › 其他文件
  let govKey: number; // 重点领域
  let govEco: number; // 重点领域 › 生态环境
  let envOther: number; // the unit's own 政策文件 › 其他文件
  const ids: Record<string, number> = {};
  const batch: number[] = [];

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  async function publish(s: Session, on: string, body: Record<string, unknown>, opts: { attachment?: boolean } = {}): Promise<number> {
    setClock(`${on}T02:00:00Z`);
    const res = await t.as(s, { method: 'POST', url: '/api/v1/publications', payload: { platformColumn: 'statutory', kind: 'general', body: `<p>${body.title}</p>`, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    if (opts.attachment) {
      const a = await t.as(s, { method: 'POST', url: `/api/v1/publications/${id}/attachments`, ...multipart('监测数据.pdf', tinyPdf('Monitoring data 2020')) });
      expect(a.statusCode, a.body).toBe(201);
    }
    expect((await t.as(s, { method: 'POST', url: `/api/v1/publications/${id}/review-requests`, payload: { reviewerId: office.userId } })).statusCode).toBe(200);
    const approved = await t.as(office, { method: 'POST', url: `/api/v1/publications/${id}/reviews`, payload: { decision: 'approve' } });
    expect(approved.json().state).toBe('published');
    return id;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { publicBaseUrl: BASE });
    await t.seedDirectory();
    await seedDefaultCatalogues(t.tdb.db, systemActor('test'));
    envId = await t.unitId('市生态环境局');
    eduId = await t.unitId('市教育局');
    office = await t.loginAs('office', '市政府办公室');
    env = await t.loginAs('unitStaff', envId);
    edu = await t.loginAs('unitStaff', eduId);
    type Node = { id: number; name: string; children: Node[] };
    const gov = (await get('/api/v1/catalogue')).json().items as Node[];
    const policy = gov.find((n) => n.name === '政策文件')!;
    govPolicy = policy.id;
    govOther = policy.children.find((c) => c.name === '其他文件')!.id;
    const key = gov.find((n) => n.name === '重点领域')!;
    govKey = key.id;
    govEco = key.children.find((c) => c.name === '生态环境')!.id;
    const own = (await get(`/api/v1/catalogue?unitId=${envId}`)).json().items as Node[];
    envOther = own.find((n) => n.name === '政策文件')!.children.find((c) => c.name === '其他文件')!.id;

    ids.envAnnual = await publish(env, '2019-03-01', { platformColumn: 'annualReport', title: '嘉兴市生态环境局2018年政府信息公开工作年度报告' });
    ids.eduPolicy = await publish(edu, '2019-12-20', { kind: 'policy', title: '关于做好2020年义务教育招生入学工作的通知', docNumber: '嘉教发〔2019〕88号', nodeIds: [govOther] });
    ids.envGuide = await publish(env, '2020-01-10', { platformColumn: 'guide', title: '嘉兴市生态环境局政府信息公开指南' });
    ids.eduGuide = await publish(edu, '2020-01-10', { platformColumn: 'guide', title: '嘉兴市教育局政府信息公开指南' });
    ids.envRules = await publish(env, '2020-01-10', { platformColumn: 'rules', title: '嘉兴市生态环境局政府信息公开保密审查制度' });
    ids.eduAnnual = await publish(edu, '2020-03-01', { platformColumn: 'annualReport', title: '嘉兴市教育局2019年政府信息公开工作年度报告' });
    for (let i = 1; i <= 21; i++) {
      // the first is filed under the parent node too: still counted once there
      batch.push(await publish(env, '2020-07-01', { title: `关于公布2020年第${i}批排污许可证核发情况的通知`, nodeIds: i === 1 ? [govPolicy, govOther] : [govOther] }));
    }
    ids.detail = await publish(env, '2020-07-03', {
      title: '嘉兴市2020年上半年生态环境质量状况公报', docNumber: '嘉环发〔2020〕21号', topic: '生态环境', writtenOn: '2020-06-28', madeOn: '2020-06-28',
      body: '<h2>总体情况</h2><p>上半年全市PM2.5平均浓度同比下降，空气质量优良率达到88.5%。</p><p>水环境质量持续改善。</p>', nodeIds: [govEco, envOther],
    }, { attachment: true });
    ids.xss = await publish(env, '2020-07-03', {
      title: '<script>alert("t")</script>关于转义测试的通知', publisher: '"><img src=x onerror=alert(1)>市生态环境局', topic: '<b onmouseover=alert(2)>专题</b>',
      body: '<p>正文转义测试</p><script>alert(3)</script><img src="javascript:alert(4)" onerror="alert(5)"><a href="javascript:alert(6)">链接</a><p onclick="alert(7)">段落</p>',
      nodeIds: [govEco],
    });
    ids.withdrawn = await publish(env, '2020-07-03', { title: '关于撤回事项的通知撤回词', nodeIds: [govOther] });
    expect((await t.as(env, { method: 'POST', url: `/api/v1/publications/${ids.withdrawn}/withdrawal`, payload: { reason: '内容有误' } })).json().state).toBe('withdrawn');
    const draft = await t.as(env, { method: 'POST', url: '/api/v1/publications', payload: { platformColumn: 'statutory', kind: 'general', title: '尚未审查的草稿草案词', body: '<p>草案词</p>', nodeIds: [govOther] } });
    ids.draft = draft.json().id;
    const inReview = await t.as(env, { method: 'POST', url: '/api/v1/publications', payload: { platformColumn: 'guide', kind: 'general', title: '审查中的指南审查词', body: '<p>审查词</p>' } });
    ids.inReview = inReview.json().id;
    await t.as(env, { method: 'POST', url: `/api/v1/publications/${ids.inReview}/review-requests`, payload: { reviewerId: office.userId } });
  }, 180_000);

  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('home: the four columns as the main navigation, a search box, the latest publications, the other sections, feeds and open data', async () => {
    const res = await get('/portal');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const body = res.body;
    expect(body).toContain('<html lang="zh-CN">');
    expect(body).toContain('<a class="skip" href="#main">跳到正文</a>');
    const nav = body.slice(body.indexOf('<nav aria-label="政府信息公开栏目"'), body.indexOf('</nav>', body.indexOf('<nav aria-label="政府信息公开栏目"')));
    for (const [href, label] of [['/portal/guide', '政府信息公开指南'], ['/portal/rules', '政府信息公开制度'], ['/portal/statutory', '法定主动公开内容'], ['/portal/annual-reports', '政府信息公开年报']]) {
      expect(nav).toContain(`<a href="${href}">${label}</a>`);
    }
    expect(body).toMatch(/<form method="get" action="\/portal\/search" role="search"[^>]*>\s*<p class="gk-q"><label for="home-q">/);
    expect(body).toContain('<input id="home-q" name="q"');
    for (const href of ['/portal/normative', '/portal/gazette', '/portal/interpretations', '/portal/decisions', '/portal/consultations', '/apply', '/track', '/portal/open-data/publications.json', '/portal/feed.atom', '/portal/feed.rss']) {
      expect(body).toContain(`href="${href}"`);
    }
    expect(body).toContain('<link rel="alternate" type="application/atom+xml"');
    // the latest ten, newest first; headings in order
    expect(linkedIds(body)).toEqual([ids.xss, ids.detail, ...batch.slice(-8).reverse()]);
    expect([...body.matchAll(/<h(\d)/g)].map((m) => Number(m[1]))).toEqual([1, 2, 2, 2, 2]);
    // counts per column: 2 guides, 1 rules, 2 annual reports, the rest statutory (24)
    expect(body).toMatch(/政府信息公开指南<\/a> <span class="gk-count">（2）<\/span>/);
    expect(body).toMatch(/法定主动公开内容<\/a> <span class="gk-count">（24）<\/span>/);
    // linked from the installation's start page
    expect((await get('/')).body).toContain('<a href="/portal">');
  });

  it('column pages: only their column, filters by unit and year, the filter keeps its choice', async () => {
    const guide = await get('/portal/guide');
    expect(guide.statusCode).toBe(200);
    expect(linkedIds(guide.body)).toEqual([ids.eduGuide, ids.envGuide]);
    expect(guide.body).toContain('<a href="/portal/guide" aria-current="page">');
    expect(guide.body).toContain('<label for="f-unit">发布单位</label>');
    const eduOnly = await get(`/portal/guide?unit=${eduId}`);
    expect(linkedIds(eduOnly.body)).toEqual([ids.eduGuide]);
    expect(eduOnly.body).toContain(`<option value="${eduId}" selected>`);
    expect(linkedIds((await get('/portal/rules')).body)).toEqual([ids.envRules]);
    // a unit without rules yet: nothing listed, the unit still named in the filter
    const none = await get(`/portal/rules?unit=${eduId}`);
    expect(linkedIds(none.body)).toEqual([]);
    expect(none.body).toContain(`<option value="${eduId}" selected>嘉兴市教育局</option>`);
    expect(linkedIds((await get('/portal/annual-reports')).body)).toEqual([ids.eduAnnual, ids.envAnnual]);
    const y2019 = await get('/portal/annual-reports?year=2019');
    expect(linkedIds(y2019.body)).toEqual([ids.envAnnual]);
    expect(y2019.body).toContain('<option value="2019" selected>2019年</option>');
    // nonsense filters are ignored, never an error page
    const odd = await get('/portal/annual-reports?year=abc&unit=-1&page=0');
    expect(odd.statusCode).toBe(200);
    expect(linkedIds(odd.body)).toHaveLength(2);
  });

  it('法定主动公开内容: the government tree with counts (each publication once), the standard catalogue tab, the statutory list', async () => {
    const res = await get('/portal/statutory');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    // 政策文件: 21 + 1 under 其他文件, the first also filed on 政策文件 itself → 22, not 23; the withdrawn and the draft are not counted
    expect(body).toContain(`<a href="/portal/catalogue/${govPolicy}">政策文件</a> <span class="gk-count">（22）</span>`);
    expect(body).toContain(`<a href="/portal/catalogue/${govOther}">其他文件</a> <span class="gk-count">（22）</span>`);
    expect(body).toContain(`<a href="/portal/catalogue/${govKey}">重点领域</a> <span class="gk-count">（2）</span>`);
    expect(body).toContain(`<a href="/portal/catalogue/${govEco}">生态环境</a> <span class="gk-count">（2）</span>`);
    expect(body).toContain('<a href="/portal/statutory" aria-current="page">主动公开基本目录</a>');
    expect(body).toMatch(/共 24 条/);
    const standard = await get('/portal/statutory?tree=standard');
    expect(standard.body).toContain('<a href="/portal/statutory?tree=standard" aria-current="page">基层政务公开标准目录</a>');
    for (const area of ['重大建设项目', '义务教育', '农村集体土地']) expect(standard.body).toContain(`>${area}</a> <span class="gk-count">（0）</span>`);
    const kind = await get('/portal/statutory?kind=policy');
    expect(linkedIds(kind.body)).toEqual([ids.eduPolicy]);
  });

  it('a catalogue node: its publications and those below, newest first, 20 a page, filters by unit, year and kind', async () => {
    const first = await get(`/portal/catalogue/${govPolicy}`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<h1>政策文件</h1>');
    expect(first.body).toContain(`<a href="/portal/catalogue/${govOther}">其他文件</a> <span class="gk-count">（22）</span>`);
    expect(first.body).toContain('共 22 条');
    expect(linkedIds(first.body)).toEqual(batch.slice(1).reverse()); // 20: batch 21…2
    expect(first.body).toContain(`<a rel="next" href="/portal/catalogue/${govPolicy}?page=2">下一页</a>`);
    const second = await get(`/portal/catalogue/${govPolicy}?page=2`);
    expect(linkedIds(second.body)).toEqual([batch[0], ids.eduPolicy]);
    expect(second.body).toContain(`<a rel="prev" href="/portal/catalogue/${govPolicy}?page=1">上一页</a>`);
    expect(linkedIds((await get(`/portal/catalogue/${govOther}?unit=${eduId}`)).body)).toEqual([ids.eduPolicy]);
    expect(linkedIds((await get(`/portal/catalogue/${govOther}?year=2019`)).body)).toEqual([ids.eduPolicy]);
    expect(linkedIds((await get(`/portal/catalogue/${govOther}?kind=policy`)).body)).toEqual([ids.eduPolicy]);
    const filtered = await get(`/portal/catalogue/${govOther}?year=2020&unit=${envId}&page=2`);
    expect(linkedIds(filtered.body)).toEqual([batch[0]]);
    expect(filtered.body).toContain(`href="/portal/catalogue/${govOther}?unit=${envId}&amp;year=2020&amp;page=1"`);
    // a node of a unit's own tree, and unknown nodes
    const own = await get(`/portal/catalogue/${envOther}`);
    expect(own.body).toContain('嘉兴市生态环境局');
    expect(linkedIds(own.body)).toEqual([ids.detail]);
    for (const bad of ['/portal/catalogue/999999', '/portal/catalogue/abc', '/portal/catalogue/0']) {
      const r = await get(bad);
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body).toContain('<h1>未找到</h1>');
    }
  });

  it('units: every unit, grouped, with counts; a unit page with its guide, its catalogue tree and its latest publications', async () => {
    const all = await get('/portal/units');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain(`<a href="/portal/units/${envId}">嘉兴市生态环境局</a> <span class="gk-count">（26）</span>`);
    expect(all.body).toContain(`<a href="/portal/units/${eduId}">嘉兴市教育局</a> <span class="gk-count">（3）</span>`);
    expect(all.body).toContain('<h2>政府部门</h2>');
    const unit = await get(`/portal/units/${envId}`);
    expect(unit.statusCode).toBe(200);
    const body = unit.body;
    expect(body).toContain('<h1>嘉兴市生态环境局</h1>');
    const guide = body.slice(body.indexOf('<h2>政府信息公开指南</h2>'), body.indexOf('<h2>主动公开目录</h2>'));
    expect(idsIn(guide)).toEqual([ids.envGuide]);
    expect(body).toContain(`<a href="/portal/catalogue/${envOther}">其他文件</a> <span class="gk-count">（1）</span>`);
    expect(body).toContain('共 26 条');
    expect(idsIn(body.slice(body.indexOf('<h2>最新公开的信息</h2>'))).slice(0, 2)).toEqual([ids.xss, ids.detail]);
    expect(idsIn((await get(`/portal/units/${envId}?page=2`)).body.split('<h2>最新公开的信息</h2>')[1]!)).toHaveLength(6);
    expect((await get('/portal/units/999999')).statusCode).toBe(404);
  });

  it('a publication: the standard metadata block, the body, attachments, its catalogue; not found in Chinese when not public', async () => {
    const res = await get(`/portal/publications/${ids.detail}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    const detail = (await t.as(office, { method: 'GET', url: `/api/v1/publications/${ids.detail}` })).json();
    expect(body).toContain('<h1>嘉兴市2020年上半年生态环境质量状况公报</h1>');
    const meta = body.slice(body.indexOf('<dl class="gk-meta"'), body.indexOf('</dl>'));
    const pairs = Object.fromEntries([...meta.matchAll(/<dt>([^<]+)<\/dt><dd[^>]*>(.*?)<\/dd>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '')]));
    expect(pairs).toEqual({
      索引号: detail.indexNumber, 发布机构: '嘉兴市生态环境局', 成文日期: '2020-06-28', 发布日期: '2020-07-03', 文号: '嘉环发〔2020〕21号', 主题分类: '生态环境',
      信息类别: '政府信息', 所属栏目: '法定主动公开内容', 所属目录: '重点领域 › 生态环境；政策文件 › 其他文件',
    });
    expect(detail.indexNumber).toMatch(/^\d{6}\/2020-\d{5}$/);
    expect(meta).toContain(`<a href="/portal/catalogue/${govEco}">重点领域 › 生态环境</a>`);
    expect(body).toContain('<div class="gk-body"><h2>总体情况</h2><p>上半年全市PM2.5平均浓度同比下降，空气质量优良率达到88.5%。</p><p>水环境质量持续改善。</p></div>');
    const att = detail.attachments[0];
    expect(body).toContain(`<a href="/api/v1/publications/${ids.detail}/attachments/${att.id}">监测数据.pdf</a>`);
    expect((await get(`/api/v1/publications/${ids.detail}/attachments/${att.id}`)).statusCode).toBe(200);
    // not public: withdrawn, draft, in review, unknown, not a number
    for (const id of [ids.withdrawn, ids.draft, ids.inReview, 999999, 'x1']) {
      const r = await get(`/portal/publications/${id}`);
      expect(r.statusCode).toBe(404);
      expect(r.body).toContain('<html lang="zh-CN">');
      expect(r.body).toContain('不存在、尚未发布或已撤回');
    }
    // an unknown path under /portal: the Chinese page too
    const unknown = await get('/portal/no-such-page');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<h1>未找到</h1>');
  });

  it('drafts, publications in review and withdrawn ones never show anywhere', async () => {
    const secret = ['草案词', '审查词', '撤回词'];
    const urls = ['/portal', '/portal/guide', '/portal/statutory', `/portal/catalogue/${govOther}`, `/portal/catalogue/${govOther}?page=2`, `/portal/units/${envId}`,
      `/portal/units/${envId}?page=2`, '/portal/feed.atom', '/portal/feed.rss', '/portal/open-data/publications.json?pageSize=500'];
    for (const url of urls) {
      const body = (await get(url)).body;
      for (const w of secret) expect(body, `${url} shows ${w}`).not.toContain(w);
      for (const id of [ids.withdrawn, ids.draft, ids.inReview]) expect(body).not.toContain(`/portal/publications/${id}"`);
    }
    for (const w of secret) {
      const s = await get(`/portal/search?q=${encodeURIComponent(w)}`);
      expect(s.statusCode).toBe(200);
      expect(s.body).toContain('找到 0 条结果');
    }
  });

  it('search: relevance order with highlighted title and snippet, filters, exact 文号, paging', async () => {
    const res = await get(`/portal/search?q=${encodeURIComponent('空气质量优良率')}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain(`<input id="s-q" name="q" type="search" value="空气质量优良率"`);
    expect(body).toContain('找到 1 条结果');
    expect(body).toMatch(/<p class="snip">[^<]*<mark>[^<]+<\/mark>/);
    expect(body).toContain('<p class="meta">政府信息 · 嘉兴市生态环境局 · 2020-07-03 · 嘉环发〔2020〕21号</p>');
    expect(linkedIds(body)).toEqual([ids.detail]);
    const title = await get(`/portal/search?q=${encodeURIComponent('排污许可证')}`);
    expect(title.body).toContain('找到 21 条结果');
    expect(title.body).toContain('<mark>排污</mark>');
    expect(linkedIds(title.body)).toHaveLength(20);
    expect(title.body).toContain(`<a rel="next" href="/portal/search?q=${encodeURIComponent('排污许可证')}&amp;page=2">下一页</a>`);
    const page2 = await get(`/portal/search?q=${encodeURIComponent('排污许可证')}&page=2`);
    expect(page2.body).toContain('<ol class="gk-results" start="21">');
    expect(linkedIds(page2.body)).toHaveLength(1);
    // filters: unit, year, catalogue node (and below), kind
    expect((await get(`/portal/search?q=${encodeURIComponent('排污许可证')}&unit=${eduId}`)).body).toContain('找到 0 条结果');
    expect((await get(`/portal/search?q=${encodeURIComponent('通知')}&year=2019`)).body).toContain('找到 1 条结果');
    expect(linkedIds((await get(`/portal/search?q=${encodeURIComponent('通知')}&node=${govKey}`)).body)).toEqual([ids.xss]);
    const byKind = await get(`/portal/search?q=${encodeURIComponent('通知')}&kind=gazette`);
    expect(byKind.body).toContain('找到 0 条结果');
    expect(byKind.body).toContain('<option value="gazette" selected>政府公报</option>');
    // exact 文号 lookup, however it was typed
    const doc = await get(`/portal/search?q=${encodeURIComponent('嘉环发(2020)21号')}`);
    expect(doc.body).toContain('按文号“嘉环发〔2020〕21号”精确查找');
    expect(linkedIds(doc.body)).toEqual([ids.detail]);
    // the first visit: the form alone
    const blank = await get('/portal/search');
    expect(blank.statusCode).toBe(200);
    expect(blank.body).not.toContain('检索结果');
    expect(blank.body).not.toContain('role="alert"');
  });

  it('search: an empty or punctuation-only query is the service error above the form (400), keeping what was typed', async () => {
    for (const q of ['，。！？', '   ', '']) {
      const res = await get(`/portal/search?q=${encodeURIComponent(q)}&kind=publication&year=2020`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const body = mainOf(res.body);
      const alert = body.indexOf('<div role="alert" class="gk-alert">');
      expect(alert).toBeGreaterThan(0);
      expect(alert).toBeLessThan(body.indexOf('<form'));
      expect(body).toContain('检索词只有标点符号或空白，请输入要查找的文字、数字或文号');
      expect(body).toContain(`name="q" type="search" value="${q.trim()}"`);
      expect(body).toContain('<option value="publication" selected>政府信息</option>');
      expect(body).toContain('<option value="2020" selected>2020年</option>');
    }
    const long = await get(`/portal/search?q=${'长'.repeat(101)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('不能超过 100 个字');
  });

  it('Atom 1.0 and RSS 2.0 feeds: well-formed, newest first, absolute links, escaped', async () => {
    const atomRes = await get('/portal/feed.atom');
    expect(atomRes.statusCode).toBe(200);
    expect(atomRes.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const atom = parseXml(atomRes.body);
    const ATOM = 'http://www.w3.org/2005/Atom';
    expect(atom.name).toBe('feed');
    expect(atom.uri).toBe(ATOM);
    expect(child(atom, 'id')!.text).toBe(`${BASE}/portal/feed.atom`);
    expect(children(atom, 'link').map((l) => l.attrs.rel)).toEqual(['self', 'alternate']);
    expect(child(atom, 'updated')!.text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    const entries = children(atom, 'entry');
    expect(entries).toHaveLength(29);
    const entryIds = entries.map((e) => child(e, 'id')!.text);
    expect(entryIds.slice(0, 3)).toEqual([ids.xss, ids.detail, batch[20]].map((id) => `${BASE}/portal/publications/${id}`));
    const xss = entries[0]!;
    expect(child(xss, 'title')!.text).toBe('<script>alert("t")</script>关于转义测试的通知');
    expect(child(child(xss, 'author')!, 'name')!.text).toBe('"><img src=x onerror=alert(1)>市生态环境局');
    const detail = entries[1]!;
    expect(child(detail, 'link')!.attrs.href).toBe(`${BASE}/portal/publications/${ids.detail}`);
    expect(child(detail, 'summary')!.text).toContain('空气质量优良率达到88.5%');
    // published on 2020-07-03 (Beijing): approved under the test clock, so the day at midnight Beijing time
    const day = new Date('2020-07-03T00:00:00+08:00').toISOString();
    expect(child(detail, 'published')!.text).toBe(day);
    for (const e of entries) for (const el of ['title', 'id', 'updated']) expect(child(e, el), el).toBeTruthy();

    const rssRes = await get('/portal/feed.rss');
    expect(rssRes.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const rss = parseXml(rssRes.body);
    expect(rss.name).toBe('rss');
    expect(rss.attrs.version).toBe('2.0');
    const channel = child(rss, 'channel')!;
    for (const el of ['title', 'link', 'description']) expect(child(channel, el)!.text.length).toBeGreaterThan(0);
    expect(child(channel, 'atom:link')!.uri).toBe(ATOM);
    expect(child(channel, 'atom:link')!.attrs.href).toBe(`${BASE}/portal/feed.rss`);
    const items = children(channel, 'item');
    expect(items).toHaveLength(29);
    expect(items.map((i) => child(i, 'link')!.text)).toEqual(entryIds);
    expect(child(items[1]!, 'guid')!.attrs.isPermaLink).toBe('true');
    expect(child(items[1]!, 'pubDate')!.text).toBe('Thu, 02 Jul 2020 16:00:00 GMT');
    expect(new Date(child(items[1]!, 'pubDate')!.text).toISOString()).toBe(day);
    expect(child(items[0]!, 'title')!.text).toBe('<script>alert("t")</script>关于转义测试的通知');
    // no raw markup from the data in either feed
    for (const text of [atomRes.body, rssRes.body]) {
      expect(text).not.toContain('<script');
      expect(text).not.toContain('<img');
    }
  });

  it('open data: published publications\' metadata, oldest first, paged, since a date; no body', async () => {
    const res = await get('/portal/open-data/publications.json?pageSize=10');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const first = res.json();
    expect(first.total).toBe(29);
    expect(first.items).toHaveLength(10);
    expect(first.items[0]).toMatchObject({ id: ids.envAnnual, publishedOn: '2019-03-01', platformColumn: 'annualReport', platformColumnLabel: '政府信息公开年报', url: `${BASE}/portal/publications/${ids.envAnnual}` });
    expect(first.items[0]).not.toHaveProperty('bodyHtml');
    expect(first.items[0]).not.toHaveProperty('bodyText');
    expect(JSON.stringify(first)).not.toContain('排污许可证核发情况的通知</p>');
    expect(first.links.next).toBe(`${BASE}/portal/open-data/publications.json?page=2&pageSize=10`);
    expect(first.links.prev).toBeNull();
    const pages = [first];
    for (let p = 2; p <= 3; p++) pages.push((await get(`/portal/open-data/publications.json?page=${p}&pageSize=10`)).json());
    expect(pages[2].items).toHaveLength(9);
    expect(pages[2].links.next).toBeNull();
    const all = pages.flatMap((p) => p.items);
    expect(new Set(all.map((i: { id: number }) => i.id)).size).toBe(29);
    const dates = all.map((i: { publishedOn: string }) => i.publishedOn);
    expect(dates).toEqual([...dates].sort());
    const detail = all.find((i: { id: number }) => i.id === ids.detail);
    expect(detail).toMatchObject({ indexNumber: expect.stringMatching(/\/2020-/), docNumber: '嘉环发〔2020〕21号', topic: '生态环境', writtenOn: '2020-06-28', kind: 'general', unitId: envId });
    expect(detail.catalogue.map((n: { name: string }) => n.name).sort()).toEqual(['其他文件', '生态环境']);
    expect(detail.attachments).toEqual([expect.objectContaining({ fileName: '监测数据.pdf', mimeType: 'application/pdf', url: expect.stringMatching(new RegExp(`^${BASE}/api/v1/publications/${ids.detail}/attachments/\\d+$`)) })]);
    const since = (await get('/portal/open-data/publications.json?since=2020-07-01&pageSize=100')).json();
    expect(since.total).toBe(23);
    expect(since.links.self).toBe(`${BASE}/portal/open-data/publications.json?page=1&pageSize=100&since=2020-07-01`);
    // the raw JSON has no "<" at all (titles with markup come out as \u003c)
    const raw = (await get('/portal/open-data/publications.json?since=2020-07-03')).body;
    expect(raw).not.toContain('<');
    expect(JSON.parse(raw).items.map((i: { title: string }) => i.title)).toContain('<script>alert("t")</script>关于转义测试的通知');
    for (const bad of ['pageSize=1000', 'page=0', 'since=2020-7-1', 'since=2020-02-31']) {
      const r = await get(`/portal/open-data/publications.json?${bad}`);
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().error.code).toMatch(/VALIDATION_FAILED|OPEN_DATA_SINCE_INVALID/);
    }
  });

  it('an XSS probe in title, publisher, topic and body renders inert on every page', async () => {
    const pages = ['/portal', `/portal/publications/${ids.xss}`, '/portal/statutory', `/portal/catalogue/${govEco}`, `/portal/units/${envId}`,
      `/portal/search?q=${encodeURIComponent('转义测试')}`, `/portal/search?q=${encodeURIComponent('<script>alert(1)</script>')}`];
    for (const url of pages) {
      const body = (await get(url)).body;
      expect(body, url).not.toMatch(/<script/i);
      expect(body, url).not.toMatch(/<img[^>]*onerror/i);
      expect(body, url).not.toMatch(/<[^>]*\son\w+=/i); // no event handler on any tag (escaped text may say "onerror=")
      expect(body, url).not.toContain('javascript:');
    }
    const detail = (await get(`/portal/publications/${ids.xss}`)).body;
    expect(detail).toContain('<h1>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;关于转义测试的通知</h1>');
    expect(detail).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;市生态环境局');
    expect(detail).toContain('&lt;b onmouseover=alert(2)&gt;专题&lt;/b&gt;');
    // the sanitised body: its text kept, the script and handlers gone
    const bodyHtml = detail.slice(detail.indexOf('<div class="gk-body">'), detail.indexOf('</div>', detail.indexOf('<div class="gk-body">')));
    expect(bodyHtml).toContain('<p>正文转义测试</p>');
    expect(bodyHtml).toContain('段落');
    const search = (await get(`/portal/search?q=${encodeURIComponent('转义测试')}`)).body;
    expect(search).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;关于<mark>转义</mark><mark>测试</mark>的通知');
  });

  it('cached pages revalidate (ETag, 304) and change as soon as a publication is published or withdrawn', async () => {
    const before = await get('/portal/statutory');
    const etag = before.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await get('/portal/statutory', { 'if-none-match': etag })).statusCode).toBe(304);
    const gz = await get('/portal/statutory', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const atomTag = (await get('/portal/feed.atom')).headers.etag as string;

    const id = await publish(edu, '2020-07-06', { title: '关于新学期开学安排的通知新发布词', nodeIds: [govOther] });
    const after = await get('/portal/statutory', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('新发布词');
    expect(after.body).toContain(`<a href="/portal/catalogue/${govOther}">其他文件</a> <span class="gk-count">（23）</span>`);
    expect((await get('/portal/feed.atom', { 'if-none-match': atomTag })).statusCode).toBe(200);
    expect(linkedIds((await get('/portal')).body)[0]).toBe(id);

    await t.as(edu, { method: 'POST', url: `/api/v1/publications/${id}/withdrawal`, payload: { reason: '发布有误' } });
    for (const url of ['/portal', '/portal/statutory', `/portal/catalogue/${govOther}`, '/portal/feed.atom', '/portal/open-data/publications.json?since=2020-07-06']) {
      expect((await get(url)).body, url).not.toContain('新发布词');
    }
    expect((await get(`/portal/publications/${id}`)).statusCode).toBe(404);
  });

  it('a normative document shows its registration block; a policy its published interpretations', async () => {
    const id = await publish(env, '2020-07-08', { kind: 'normative', title: '嘉兴市生态环境行政处罚裁量基准', docNumber: '嘉环发〔2020〕30号', writtenOn: '2020-07-06', nodeIds: [govPolicy] });
    const page = (await get(`/portal/publications/${id}`)).body;
    expect(page).toContain('<h2>规范性文件登记信息</h2>');
    const reg = page.slice(page.indexOf('<dl class="gk-meta" aria-label="规范性文件登记信息">'));
    expect(reg).toMatch(/<dt>登记号<\/dt><dd>[A-Z]+-2020-\d+<\/dd>/);
    expect(reg).toContain('<dt>有效性</dt><dd>有效</dd>');
    expect(reg).toContain('<dt>施行日期</dt>');
    // a general publication has no registration block
    expect((await get(`/portal/publications/${ids.detail}`)).body).not.toContain('规范性文件登记信息');

    const created = await t.as(env, { method: 'POST', url: '/api/v1/interpretations', payload: { publicationId: ids.detail, title: '图解：2020年上半年生态环境质量状况', form: 'text', body: '<p>解读正文</p>', interpreterName: '张三' } });
    expect(created.statusCode, created.body).toBe(201);
    const interpretation = created.json();
    expect((await get(`/portal/publications/${ids.detail}`)).body).not.toContain('相关解读'); // a draft interpretation is not shown
    const published = await t.as(env, { method: 'POST', url: `/api/v1/interpretations/${interpretation.id}/publication`, payload: {} });
    expect(published.statusCode, published.body).toBe(200);
    const detail = (await get(`/portal/publications/${ids.detail}`)).body;
    expect(detail).toContain('<h2>相关解读</h2>');
    expect(detail).toContain(`<a href="${published.json().url}">图解：2020年上半年生态环境质量状况</a>`);
  });
});
