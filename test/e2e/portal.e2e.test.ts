/**
 * Browser test of the public 政府信息公开平台 (/portal): playwright-core driving Debian's chromium
 * (headless) against the real server on a free port, over a fresh SQLite database with the demo
 * directory and the default catalogue trees. Publications are made through the JSON API (a unit
 * drafts, the office approves); the public side is a browser with JavaScript turned off — the
 * pages must work without it. The public finds a publication by search and by the catalogue,
 * reads its metadata block, and gets the error for a punctuation-only query. axe-core (no serious
 * or critical violations) on the home page, a catalogue page, a publication page and the search
 * page; 390 px phone screenshots of the home and a publication page go to test-output/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/config.ts';
import { systemActor } from '../../server/platform/actor.ts';
import { setClock } from '../../server/platform/clock.ts';
import { loadResolver, seedJiaxingDirectory } from '../../server/modules/directory/index.ts';
import { createUser } from '../../server/modules/identity/index.ts';
import { seedDefaultCatalogues } from '../../server/modules/publications/index.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { axeViolations } from '../support/axe.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = path.join(REPO, 'test-output', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'Portal-pass-2020';
const TITLE = '嘉兴市2020年上半年生态环境质量状况公报';

let tdb: TestDb;
let app: FastifyInstance;
let browser: Browser;
let base: string;
/** the public: JavaScript off */
let citizen: Page;
/** for axe-core, which runs as a script in the page */
let checker: Page;
let phone: BrowserContext;
let detailId = 0;
const sessions: Record<string, { cookie: string; csrf: string; userId: number }> = {};

async function api(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const s = sessions[username]!;
  const res = await app.inject({ method, url, payload: payload as never, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function publish(username: string, on: string, body: Record<string, unknown>): Promise<number> {
  setClock(`${on}T02:00:00Z`);
  const p = await api(username, 'POST', '/api/v1/publications', { platformColumn: 'statutory', kind: 'general', body: `<p>${body.title}</p>`, ...body });
  await api(username, 'POST', `/api/v1/publications/${p.id}/review-requests`, { reviewerId: sessions.office!.userId });
  await api('office', 'POST', `/api/v1/publications/${p.id}/reviews`, { decision: 'approve' });
  return p.id;
}


async function expectAxeClean(url: string): Promise<void> {
  await checker.goto(url);
  const violations = await axeViolations(checker);
  expect(violations, `${url}\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Nothing wider than the phone's screen: no sideways scrolling. */
async function expectNoSidewaysScroll(p: Page): Promise<void> {
  const { scroll, width } = await p.evaluate('({ scroll: document.documentElement.scrollWidth, width: window.innerWidth })') as { scroll: number; width: number };
  expect(scroll).toBeLessThanOrEqual(width);
}

describe('the public platform in the browser', () => {
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`browser tests need chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk), or set CHROMIUM_PATH`);
    fs.mkdirSync(SHOTS, { recursive: true });
    tdb = await createTestDb('sqlite');
    app = await buildApp(loadConfig({ logLevel: 'silent', databaseUrl: tdb.url, demoData: false, jobIntervalSeconds: 0, secureCookies: false, loginAttemptsPerMinute: 1000 }, {}), { db: { db: tdb.db, dialect: 'sqlite' } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const actor = systemActor('e2e');
    await seedJiaxingDirectory(tdb.db, actor);
    await seedDefaultCatalogues(tdb.db, actor);
    const resolver = await loadResolver(tdb.db);
    for (const [username, unit, role] of [['office', '市政府办公室', 'office'], ['env', '市生态环境局', 'unitStaff'], ['edu', '市教育局', 'unitStaff']] as const) {
      const { user } = await createUser(tdb.db, actor, { username, displayName: username, unitId: resolver.findUnit(unit)!, role, password: PASSWORD });
      const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password: PASSWORD } });
      sessions[username] = { cookie: `gk_session=${res.cookies.find((c) => c.name === 'gk_session')!.value}`, csrf: res.json().csrfToken, userId: user.id };
    }
    type Node = { id: number; name: string; children: Node[] };
    const gov = (await app.inject({ method: 'GET', url: '/api/v1/catalogue' })).json().items as Node[];
    const eco = gov.find((n) => n.name === '重点领域')!.children.find((c) => c.name === '生态环境')!.id;
    const other = gov.find((n) => n.name === '政策文件')!.children.find((c) => c.name === '其他文件')!.id;

    await publish('env', '2020-01-10', { platformColumn: 'guide', title: '嘉兴市生态环境局政府信息公开指南', body: '<h2>一、公开的主体和范围</h2><p>本机关主动公开的政府信息……</p>' });
    await publish('edu', '2020-01-10', { platformColumn: 'guide', title: '嘉兴市教育局政府信息公开指南' });
    await publish('edu', '2020-03-01', { platformColumn: 'annualReport', title: '嘉兴市教育局2019年政府信息公开工作年度报告' });
    await publish('edu', '2020-06-20', { kind: 'policy', title: '关于做好2020年义务教育招生入学工作的通知', docNumber: '嘉教发〔2020〕18号', nodeIds: [other] });
    await publish('env', '2020-06-30', { title: '关于2020年第二季度排污许可证核发情况的公告', nodeIds: [other] });
    detailId = await publish('env', '2020-07-03', {
      title: TITLE, docNumber: '嘉环发〔2020〕21号', topic: '生态环境', writtenOn: '2020-06-28', madeOn: '2020-06-28', nodeIds: [eco],
      body: '<h2>一、环境空气质量</h2><p>上半年全市PM2.5平均浓度为32微克/立方米，同比下降11.1%；空气质量优良天数比例为88.5%。</p>'
        + '<h2>二、水环境质量</h2><p>全市85个市控以上断面中，Ⅲ类及以上水质断面占比达到72.9%，无劣Ⅴ类断面。</p>'
        + '<table><thead><tr><th>指标</th><th>2020年上半年</th><th>同比</th></tr></thead><tbody><tr><td>PM2.5（微克/立方米）</td><td>32</td><td>-11.1%</td></tr><tr><td>优良天数比例</td><td>88.5%</td><td>+6.2个百分点</td></tr></tbody></table>',
    });
    setClock(null);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const noScript = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', baseURL: base, javaScriptEnabled: false });
    noScript.setDefaultTimeout(15_000);
    citizen = await noScript.newPage();
    const scripted = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', baseURL: base });
    scripted.setDefaultTimeout(15_000);
    checker = await scripted.newPage();
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', baseURL: base, javaScriptEnabled: false });
  }, 120_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && citizen && !citizen.isClosed()) {
      await citizen.screenshot({ path: path.join(SHOTS, `portal-FAILED-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    setClock(null);
    await browser?.close();
    await app?.close();
    await tdb?.destroy();
  });

  it('the public finds a publication by search (no JavaScript) and reads its metadata block', async () => {
    await citizen.goto('/portal');
    await citizen.getByRole('heading', { level: 1, name: '政府信息公开' }).waitFor();
    await citizen.getByRole('searchbox', { name: '检索政府信息' }).fill('空气质量优良');
    await citizen.getByRole('button', { name: '检索' }).click();
    await citizen.waitForURL(/\/portal\/search\?q=/);
    await citizen.getByRole('heading', { name: '检索结果' }).waitFor();
    const result = citizen.locator('.gk-results li').first();
    await expect(result.locator('mark').first().textContent()).resolves.toMatch(/空气质量|优良/);
    await expect(result.locator('.meta').textContent()).resolves.toContain('嘉环发〔2020〕21号');
    await result.getByRole('link', { name: TITLE }).click();
    await citizen.waitForURL(new RegExp(`/portal/publications/${detailId}$`));
    await citizen.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const meta = citizen.locator('dl.gk-meta').first();
    const value = (label: string) => meta.locator(`dt:text-is("${label}") + dd`).textContent();
    await expect(value('索引号')).resolves.toMatch(/^\d{6}\/2020-\d{5}$/);
    await expect(value('发布机构')).resolves.toBe('嘉兴市生态环境局');
    await expect(value('成文日期')).resolves.toBe('2020-06-28');
    await expect(value('发布日期')).resolves.toBe('2020-07-03');
    await expect(value('文号')).resolves.toBe('嘉环发〔2020〕21号');
    await expect(value('主题分类')).resolves.toBe('生态环境');
    await expect(value('所属目录')).resolves.toBe('重点领域 › 生态环境');
    await citizen.getByRole('heading', { name: '二、水环境质量' }).waitFor();

    // an exact 文号, typed with ASCII brackets, finds it too
    await citizen.goto('/portal/search');
    await citizen.getByLabel('检索词').fill('嘉环发(2020)21号');
    await citizen.getByRole('button', { name: '检索' }).click();
    await citizen.getByText('按文号“嘉环发〔2020〕21号”精确查找').waitFor();
    await expect(citizen.locator('.gk-results li').count()).resolves.toBe(1);
  });

  it('the public finds it by the catalogue: 法定主动公开内容 → 重点领域 → 生态环境', async () => {
    await citizen.goto('/portal');
    await citizen.getByRole('navigation', { name: '政府信息公开栏目' }).getByRole('link', { name: '法定主动公开内容' }).click();
    await citizen.waitForURL(/\/portal\/statutory$/);
    await citizen.getByRole('link', { name: '重点领域', exact: true }).click();
    await citizen.getByRole('heading', { level: 1, name: '重点领域' }).waitFor();
    await citizen.getByRole('navigation', { name: '下级目录' }).getByRole('link', { name: '生态环境' }).click();
    await citizen.getByRole('heading', { level: 1, name: '生态环境' }).waitFor();
    await citizen.getByText('共 1 条').waitFor();
    await citizen.getByRole('link', { name: TITLE }).click();
    await citizen.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // filters work as a plain GET form: 其他文件, only 2020's 政策 documents of 市教育局
    await citizen.goto('/portal/statutory');
    await citizen.getByRole('link', { name: '其他文件', exact: true }).click();
    await citizen.getByText('共 2 条').waitFor();
    await citizen.getByLabel('信息类别').selectOption('policy');
    await citizen.getByRole('button', { name: '筛选' }).click();
    await citizen.waitForURL(/kind=policy/);
    await citizen.getByText('共 1 条').waitFor();
    await citizen.getByRole('link', { name: '关于做好2020年义务教育招生入学工作的通知' }).waitFor();
  });

  it('a punctuation-only query gets the Chinese error above the form, keeping what was typed', async () => {
    await citizen.goto('/portal/search');
    await citizen.getByLabel('检索词').fill('，。！？');
    await citizen.getByLabel('类别').selectOption('publication');
    await citizen.getByRole('button', { name: '检索' }).click();
    await expect(citizen.getByRole('alert').textContent()).resolves.toContain('检索词只有标点符号或空白');
    await expect(citizen.getByLabel('检索词').inputValue()).resolves.toBe('，。！？');
    await expect(citizen.getByLabel('类别').inputValue()).resolves.toBe('publication');
  });

  it('axe-core: no serious or critical violations on the home, a catalogue, a publication and the search pages', async () => {
    const node = (await app.inject({ method: 'GET', url: '/api/v1/catalogue' })).json().items.find((n: { name: string }) => n.name === '政策文件').id;
    for (const url of ['/portal', '/portal/statutory', `/portal/catalogue/${node}`, `/portal/publications/${detailId}`, '/portal/search',
      `/portal/search?q=${encodeURIComponent('生态环境')}`, `/portal/search?q=${encodeURIComponent('，。')}`, '/portal/guide', '/portal/units']) {
      await expectAxeClean(url);
    }
  }, 240_000);

  it('a 390 px phone: the home and a publication page fit the screen (screenshots)', async () => {
    const p = await phone.newPage();
    await p.goto('/portal');
    await p.getByRole('heading', { level: 1, name: '政府信息公开' }).waitFor();
    await expectNoSidewaysScroll(p);
    await p.screenshot({ path: path.join(SHOTS, 'portal-01-home-390.png'), fullPage: true });
    await p.goto(`/portal/publications/${detailId}`);
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectNoSidewaysScroll(p);
    // the metadata block becomes two columns on a phone: a label and its value side by side
    const [dt, dd] = await Promise.all([p.locator('dl.gk-meta dt').first().boundingBox(), p.locator('dl.gk-meta dd').first().boundingBox()]);
    expect(Math.abs(dt!.y - dd!.y)).toBeLessThan(2);
    expect(dd!.x + dd!.width).toBeLessThanOrEqual(390);
    await p.screenshot({ path: path.join(SHOTS, 'portal-02-publication-390.png'), fullPage: true });
    await p.goto(`/portal/search?q=${encodeURIComponent('生态环境')}`);
    await expectNoSidewaysScroll(p);
    await p.screenshot({ path: path.join(SHOTS, 'portal-03-search-390.png'), fullPage: true });
  });
});
