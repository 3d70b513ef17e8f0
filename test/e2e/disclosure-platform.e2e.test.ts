/**
 * Browser test of the disclosure platform (主动公开 → 公开平台 → 检索 → 规范性文件 → 意见征集):
 * playwright-core driving Debian's chromium (headless) against the real server on a free port, over a
 * fresh SQLite database seeded through the modules (the Jiaxing directory, the default catalogues,
 * three accounts of 市生态环境局) — not the demo first start. The clock is pinned to June 2020.
 *
 * The journey:
 * 1. In the workbench the unit's staff drafts a publication (title, body, the catalogue node 重点领域 ›
 *    生态环境) and submits it for 保密审查 naming the unit admin; the admin (a second browser context)
 *    opens 待我审查 and approves it (通过发布) — the publication gets its 索引号.
 * 2. The public (no login) finds it on /portal/search by a word of its body (highlighted snippet) and
 *    by browsing /portal/statutory → 生态环境 → the detail page with its 索引号 metadata block.
 * 3. Two normative documents are published THROUGH THE API (draft, review-requests, reviews); the
 *    later one repeals the earlier one IN THE WORKBENCH (规范性文件 → the document → 登记修改或废止关系);
 *    /portal/normative (效力状态 有效) no longer lists the old one, the search with 有效性 有效 no
 *    longer finds it.
 * 4. A consultation is drafted and published THROUGH THE API; two comments are typed into the public
 *    form on /portal/consultations/:id; after the period ends (the clock moves) the unit moderates
 *    both, records their dispositions and publishes the feedback report IN THE WORKBENCH (决策与征集 →
 *    the consultation); /portal/consultations/:id/feedback shows both dispositions.
 * 5. axe-core: no serious or critical violations on the search results and the consultation page.
 *
 * Screenshots: test-output/screenshots/platform-*.png. The admin is built first when admin/dist is
 * missing or stale (scripts/build-admin.mjs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
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
const PASSWORD = 'Platform-pass-2020';
const UNIT = '市生态环境局';
const STAFF = 'sthj';
const ADMIN = 'sthjhead';
const ADMIN_NAME = '生态环境局审查人';

const PUB_TITLE = '2019年嘉兴市生态环境状况公报';
const PUB_BODY = '2019年，全市环境空气质量优良天数比率为85.2%，细颗粒物年均浓度为每立方米33微克。\n全市地表水省控以上断面水质达标率为100%。';
const OLD_TITLE = '嘉兴市生态环境局关于规范建设项目环境影响评价文件审批的通知';
const NEW_TITLE = '嘉兴市生态环境局关于进一步规范建设项目环境影响评价文件审批的实施意见';
const CONSULTATION_TITLE = '嘉兴市扬尘污染防治管理办法（征求意见稿）';
const COMMENT_1 = '建议对建筑工地扬尘实行在线监测，并向社会公开监测数据。';
const COMMENT_2 = '建议取消道路每日冲洗两次的规定，节约用水。';
const ADOPT_REASON = '已在第九条中增加在线监测和数据公开的规定。';
const REJECT_REASON = '道路冲洗是控制道路扬尘的必要措施，冲洗频次已按季节区分。';

let tdb: TestDb;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let workDir: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const sessions: Record<string, { cookie: string; csrf: string; userId: number }> = {};

// State carried from step to step
let publicPage: Page;
let publicationId = 0;
let indexNumber = '';
let oldDocId = 0;
let newDocId = 0;
let consultationId = 0;

/** Signs in over the API (again after the clock moved) for the steps that go through the API. */
async function apiLogin(username: string): Promise<void> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password: PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  sessions[username] = { cookie: `gk_session=${res.cookies.find((c) => c.name === 'gk_session')!.value}`, csrf: res.json().csrfToken, userId: res.json().user?.id ?? 0 };
}

async function as(username: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) {
  const s = sessions[username]!;
  return app.inject({ method, url, payload: payload as never, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', baseURL: base });
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message || String(e)}`));
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300); // let antd transitions settle
  await page.screenshot({ path: path.join(SHOTS, `platform-${name}.png`), fullPage: true });
}

/** antd puts a space between the two characters of a two-character button label ("通 过"). */
function label(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
}

async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

async function login(page: Page, username: string): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: label('登录') }).click();
  await page.waitForURL(/\/admin\/(?!login)/);
}


/** The public search form: the query and (optionally) the selects, then 检索. */
async function portalSearch(page: Page, q: string, filters: { kind?: string; validity?: string } = {}): Promise<void> {
  await page.goto('/portal/search');
  await page.getByLabel('检索词').fill(q);
  if (filters.kind) await page.getByLabel('类别').selectOption({ label: filters.kind });
  if (filters.validity) await page.getByLabel('有效性').selectOption({ label: filters.validity });
  await page.getByRole('button', { name: '检索', exact: true }).click();
  await page.getByRole('heading', { name: '检索结果' }).waitFor();
}

/** Titles of the search results on the page. */
async function resultTitles(page: Page): Promise<string[]> {
  return (await page.locator('ol.gk-results > li > a.t').allTextContents()).map((s) => s.trim());
}

/** Drafts a normative document, sends it to the unit admin for 保密审查, approves it (API). */
async function publishNormative(title: string, docNumber: string, body: string): Promise<number> {
  const draft = await as(STAFF, 'POST', '/api/v1/publications', { platformColumn: 'statutory', kind: 'normative', title, docNumber, body });
  expect(draft.statusCode, draft.body).toBe(201);
  const id = draft.json().id as number;
  const asked = await as(STAFF, 'POST', `/api/v1/publications/${id}/review-requests`, { reviewerId: sessions[ADMIN]!.userId });
  expect(asked.statusCode, asked.body).toBe(200);
  const approved = await as(ADMIN, 'POST', `/api/v1/publications/${id}/reviews`, { decision: 'approve' });
  expect(approved.statusCode, approved.body).toBe(200);
  return id;
}

describe('disclosure platform in the browser', () => {
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`browser tests need chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk), or set CHROMIUM_PATH`);
    const built = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build-admin.mjs')], { cwd: REPO, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`admin build failed:\n${built.stdout}\n${built.stderr}`);
    fs.mkdirSync(SHOTS, { recursive: true });

    setClock('2020-06-15T02:00:00Z'); // Monday 15 June 2020, 10:00 in Beijing
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-platform-e2e-'));
    tdb = await createTestDb('sqlite', { sqliteFile: path.join(workDir, 'gongkai.sqlite') });
    const actor = systemActor('e2e');
    await seedJiaxingDirectory(tdb.db, actor);
    expect(await seedDefaultCatalogues(tdb.db, actor)).toBeGreaterThan(0);
    const resolver = await loadResolver(tdb.db);
    const unitId = resolver.findUnit(UNIT)!;
    await createUser(tdb.db, actor, { username: STAFF, displayName: '生态环境局信息员', unitId, role: 'unitStaff', password: PASSWORD });
    await createUser(tdb.db, actor, { username: ADMIN, displayName: ADMIN_NAME, unitId, role: 'unitAdmin', password: PASSWORD });

    const config = loadConfig({ logLevel: 'silent', databaseUrl: tdb.url, dataDir: workDir, demoData: false, secureCookies: false, jobIntervalSeconds: 0, loginAttemptsPerMinute: 100_000 }, {});
    app = await buildApp(config, { db: { db: tdb.db, dialect: 'sqlite' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    for (const u of [STAFF, ADMIN]) await apiLogin(u);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    publicPage = await newPage();
  }, 300_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [i, c] of contexts.entries()) {
      for (const p of c.pages()) await p.screenshot({ path: path.join(SHOTS, `platform-FAILED-${i}.png`), fullPage: true }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    setClock(null);
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await app?.close();
    await tdb?.destroy();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('workbench: the unit drafts a publication and submits it for 保密审查; the unit admin approves it in 待我审查', async () => {
    const staff = await newPage();
    await login(staff, STAFF);
    await staff.goto('/admin/publications');
    await staff.getByRole('button', { name: '起草政府信息' }).click();
    await staff.waitForURL(/\/admin\/publications\/new$/);
    await staff.getByLabel('标题', { exact: true }).fill(PUB_TITLE);
    await staff.getByRole('textbox', { name: '正文', exact: true }).fill(PUB_BODY);
    // the catalogue node: the government's basic catalogue, 重点领域 › 生态环境
    await staff.getByRole('combobox', { name: '目录' }).click();
    await staff.keyboard.type('生态环境');
    await staff.locator('.ant-select-tree-title', { hasText: /^生态环境$/ }).first().click();
    await staff.keyboard.press('Escape');
    await staff.locator('.ant-select-selection-item', { hasText: '生态环境' }).first().waitFor();
    await shot(staff, '01-draft');
    await staff.getByRole('button', { name: '保存草稿' }).click();
    await toast(staff, '草稿已创建');
    await staff.waitForURL(/\/admin\/publications\/\d+$/);
    publicationId = Number(/\/publications\/(\d+)$/.exec(staff.url())![1]);
    // the saved body as the server keeps it (sanitised paragraphs)
    await staff.locator('.gk-rich-frame').getByText('优良天数比率为85.2%').waitFor();

    // 保密审查: name the unit admin
    await staff.getByRole('combobox', { name: '审查人' }).click();
    await staff.locator('.ant-select-item-option', { hasText: ADMIN_NAME }).click();
    await staff.getByRole('button', { name: '提交保密审查' }).click();
    await toast(staff, `已提交保密审查，审查人：${ADMIN_NAME}`);
    await staff.getByText(`正在由 ${ADMIN_NAME} 进行保密审查`).waitFor();
    await shot(staff, '02-in-review');

    const admin = await newPage();
    await login(admin, ADMIN);
    await admin.goto('/admin/publications');
    await admin.getByRole('tab', { name: /待我审查/ }).click();
    const row = admin.locator(`tr[data-publication-id="${publicationId}"]`);
    await row.getByRole('link', { name: PUB_TITLE }).waitFor();
    await shot(admin, '03-reviewing');
    await row.getByRole('button', { name: `通过发布：${PUB_TITLE}` }).click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: '通过发布' }).click();
    // the toast names the new 索引号 (read at once: it disappears after a few seconds)
    const approvedToast = await admin.locator('.ant-message-notice').filter({ hasText: /已发布，索引号 \S+/ }).first().textContent();
    await admin.getByText('没有待您审查的政府信息').waitFor();

    const published = (await as(STAFF, 'GET', `/api/v1/publications/${publicationId}`)).json();
    expect(published.state).toBe('published');
    indexNumber = published.indexNumber;
    expect(indexNumber).toBeTruthy();
    expect(approvedToast).toContain(`已发布，索引号 ${indexNumber}`);
    // the author sees it published, with its 索引号
    await staff.reload();
    await staff.locator('.gk-page-intro').getByText(`索引号 ${indexNumber}`).waitFor();
    await shot(staff, '04-published');
  }, 240_000);

  it('public: finds the publication by a word of its body, with the highlighted snippet (axe: no serious violations)', async () => {
    await portalSearch(publicPage, '优良天数');
    expect(await resultTitles(publicPage)).toEqual([PUB_TITLE]);
    const hit = publicPage.locator('ol.gk-results > li').first();
    expect(await hit.locator('a.t').getAttribute('href')).toBe(`/portal/publications/${publicationId}`);
    const snippet = hit.locator('p.snip');
    expect(await snippet.textContent()).toContain('优良天数比率为85.2%');
    const marked = (await snippet.locator('mark').allTextContents()).join('');
    expect(marked).toContain('优良');
    expect(marked).toContain('天数');
    expect(await publicPage.getByRole('status').textContent()).toContain('找到 1 条结果');
    await shot(publicPage, '05-search');
    const violations = await axeViolations(publicPage);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  }, 120_000);

  it('public: browses 法定主动公开内容 → 生态环境 → the detail page with its 索引号', async () => {
    await publicPage.goto('/portal/statutory');
    const tree = publicPage.locator('ul.gk-tree');
    const node = tree.locator('li', { has: publicPage.getByRole('link', { name: '生态环境', exact: true }) }).last();
    expect(await node.locator('> .gk-count').textContent()).toBe('（1）');
    await node.getByRole('link', { name: '生态环境', exact: true }).click();
    await publicPage.getByRole('heading', { level: 1, name: '生态环境' }).waitFor();
    await shot(publicPage, '06-catalogue-node');
    await publicPage.locator('ul.gk-pubs').getByRole('link', { name: PUB_TITLE }).click();
    await publicPage.waitForURL(new RegExp(`/portal/publications/${publicationId}$`));
    await publicPage.getByRole('heading', { level: 1, name: PUB_TITLE }).waitFor();
    const meta = publicPage.locator('dl[aria-label="信息属性"]');
    expect(await meta.locator('dt').first().textContent()).toBe('索引号');
    expect(await meta.locator('dd').first().textContent()).toBe(indexNumber);
    expect(await meta.locator('dt:text-is("所属目录") + dd').textContent()).toContain('生态环境');
    expect(await meta.locator('dt:text-is("发布日期") + dd').textContent()).toBe('2020-06-15');
    expect(await publicPage.locator('.gk-body').textContent()).toContain('断面水质达标率为100%');
    await shot(publicPage, '07-detail');
  }, 120_000);

  it('a later normative document repeals the earlier one (declared in the workbench): the valid list and the valid search drop it', async () => {
    // the two documents are drafted, reviewed and published through the API
    oldDocId = await publishNormative(OLD_TITLE, '嘉环〔2020〕5号', '<p>建设项目环境影响评价文件实行分级审批。</p>');
    setClock('2020-06-22T02:00:00Z');
    newDocId = await publishNormative(NEW_TITLE, '嘉环〔2020〕12号', '<p>进一步简化建设项目环境影响评价文件审批程序。</p>');

    // before: both valid, both found by the valid search
    await portalSearch(publicPage, '环境影响评价', { kind: '行政规范性文件', validity: '有效' });
    expect((await resultTitles(publicPage)).sort()).toEqual([NEW_TITLE, OLD_TITLE].sort());

    const staff = await newPage();
    await login(staff, STAFF);
    await staff.goto('/admin/normative');
    await staff.getByRole('link', { name: NEW_TITLE }).click();
    await staff.waitForURL(new RegExp(`/admin/normative/${newDocId}$`));
    await staff.getByLabel('本文件废止').check();
    await staff.getByRole('combobox', { name: '先前文件' }).click();
    await staff.keyboard.type('关于规范建设项目');
    await staff.locator('.ant-select-item-option', { hasText: OLD_TITLE }).click();
    await shot(staff, '08-relation');
    await staff.getByRole('button', { name: '登记修改或废止关系' }).click();
    await toast(staff, '关系已登记');
    const repealsList = staff.locator('.ant-card', { hasText: '修改与废止关系' });
    await repealsList.getByRole('link', { name: new RegExp(OLD_TITLE) }).waitFor();
    await shot(staff, '09-relation-added');
    const old = (await as(STAFF, 'GET', `/api/v1/normative-documents/${oldDocId}`)).json();
    expect(old).toMatchObject({ validity: 'repealed', validityChangedOn: '2020-06-22' });

    // the public register, 效力状态 有效: only the new one
    await publicPage.goto('/portal/normative');
    await publicPage.getByLabel('效力状态').selectOption({ label: '有效（未经修改）' });
    await publicPage.getByRole('button', { name: '筛选' }).click();
    await publicPage.waitForURL(/validity=valid/);
    const listed = publicPage.locator('li.task a strong');
    expect(await listed.allTextContents()).toEqual([NEW_TITLE]);
    expect(await publicPage.getByRole('status').textContent()).toContain('共 1 件');
    await shot(publicPage, '10-normative-valid');
    // …and it is listed as repealed, by the new one
    await publicPage.getByLabel('效力状态').selectOption({ label: '废止' });
    await publicPage.getByRole('button', { name: '筛选' }).click();
    await publicPage.waitForURL(/validity=repealed/);
    expect(await listed.allTextContents()).toEqual([OLD_TITLE]);
    const card = publicPage.locator('li.task', { hasText: OLD_TITLE });
    expect(await card.textContent()).toContain('效力状态：废止');
    expect(await card.textContent()).toContain(`由 《${NEW_TITLE}》`);

    // the search with 有效性 有效 no longer finds it; without the filter it is still there, marked 废止
    await portalSearch(publicPage, '环境影响评价', { kind: '行政规范性文件', validity: '有效' });
    expect(await resultTitles(publicPage)).toEqual([NEW_TITLE]);
    await shot(publicPage, '11-search-valid');
    await portalSearch(publicPage, '环境影响评价', { kind: '行政规范性文件' });
    expect((await resultTitles(publicPage)).sort()).toEqual([NEW_TITLE, OLD_TITLE].sort());
    expect(await publicPage.locator('ol.gk-results > li', { hasText: OLD_TITLE }).locator('p.meta').textContent()).toContain('废止');
  }, 240_000);

  it('a consultation takes two comments on the public form (axe: no serious violations)', async () => {
    // drafted and published through the API; open from today for the default 30 days
    const created = await as(STAFF, 'POST', '/api/v1/consultations', {
      title: CONSULTATION_TITLE, opensOn: '2020-06-22',
      draftHtml: '<h2>第一章 总则</h2><p>第一条 为了防治扬尘污染，改善环境空气质量，制定本办法。</p>',
      explanation: '为加强扬尘污染防治，起草本办法，现公开征求意见。',
    });
    expect(created.statusCode, created.body).toBe(201);
    consultationId = created.json().id;
    expect(created.json().closesOn).toBe('2020-07-21');
    const opened = await as(STAFF, 'POST', `/api/v1/consultations/${consultationId}/publication`);
    expect(opened.statusCode, opened.body).toBe(200);

    await publicPage.goto('/portal/consultations');
    await publicPage.getByRole('link', { name: CONSULTATION_TITLE }).click();
    await publicPage.waitForURL(new RegExp(`/portal/consultations/${consultationId}$`));
    await publicPage.getByRole('heading', { level: 1, name: CONSULTATION_TITLE }).waitFor();
    await publicPage.getByText('欢迎在2020年7月21日前提出意见').waitFor();
    const violations = await axeViolations(publicPage);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    for (const [text, name, contact] of [[COMMENT_1, '钱先生', '13905739876'], [COMMENT_2, '', '']] as const) {
      await publicPage.getByLabel(/^意见内容/).fill(text);
      if (name) await publicPage.getByLabel('姓名（选填）').fill(name);
      if (contact) await publicPage.getByLabel('联系方式（选填，电话或电子邮箱）').fill(contact);
      await publicPage.getByRole('button', { name: '提交意见' }).click();
      await publicPage.getByRole('status').filter({ hasText: '您的意见已提交' }).waitFor();
      expect(await publicPage.getByLabel(/^意见内容/).inputValue()).toBe(''); // the form is ready for another
    }
    await shot(publicPage, '12-consultation-commented');
    const received = (await as(STAFF, 'GET', `/api/v1/consultations/${consultationId}/comments`)).json().items as { text: string; moderation: string; authorName: string | null }[];
    expect(received.map((c) => [c.text, c.moderation, c.authorName])).toEqual([[COMMENT_1, 'pending', '钱先生'], [COMMENT_2, 'pending', null]]);
  }, 180_000);

  it('after the period the unit moderates, disposes and publishes the feedback in the workbench; the public page shows both dispositions', async () => {
    setClock('2020-07-22T02:00:00Z'); // the day after the last day
    await apiLogin(STAFF);
    const comments = (await as(STAFF, 'GET', `/api/v1/consultations/${consultationId}/comments`)).json().items as { id: number; text: string }[];
    const [c1, c2] = [comments.find((c) => c.text === COMMENT_1)!.id, comments.find((c) => c.text === COMMENT_2)!.id];

    // a late comment is refused on the public page
    await publicPage.goto(`/portal/consultations/${consultationId}`);
    await publicPage.getByText('征求意见已于2020年7月21日结束，不再接受意见').waitFor();
    expect(await publicPage.locator('form textarea').count()).toBe(0);

    const staff = await newPage();
    await login(staff, STAFF);
    await staff.goto('/admin/consultations?tab=consultations');
    await staff.getByRole('link', { name: CONSULTATION_TITLE }).click();
    await staff.waitForURL(new RegExp(`/admin/consultations/${consultationId}$`));
    const row = (id: number) => staff.locator(`tr[data-comment-id="${id}"]`);
    await row(c1).getByText('钱先生 · 13905739876').waitFor(); // the unit sees who wrote it
    await shot(staff, '13-comments-pending');

    for (const id of [c1, c2]) {
      await row(id).getByRole('button', { name: label('通过') }).click();
      await staff.locator(`tr[data-comment-id="${id}"][data-moderation="approved"]`).waitFor();
    }
    // dispositions: 采纳 (with its reason) and 不采纳 (the reason is required)
    for (const [id, disposition, reason] of [[c1, '采纳', ADOPT_REASON], [c2, '不采纳', REJECT_REASON]] as const) {
      await row(id).getByRole('button', { name: '记录采纳情况' }).click();
      const dialog = staff.getByRole('dialog').filter({ hasText: '记录采纳情况' });
      await dialog.getByLabel(disposition, { exact: true }).check();
      await dialog.getByLabel('理由').fill(reason);
      await dialog.getByRole('button', { name: label('保存') }).click();
      await dialog.waitFor({ state: 'detached' });
      await row(id).getByText(reason).waitFor();
    }
    await shot(staff, '14-comments-disposed');

    await staff.getByRole('button', { name: '发布反馈' }).click();
    await staff.locator('.ant-popconfirm').getByRole('button', { name: '发布反馈' }).click();
    await toast(staff, '意见采纳情况反馈已发布');
    await shot(staff, '15-feedback-published');

    // the public: the consultation page links the report; the report shows both dispositions
    await publicPage.goto(`/portal/consultations/${consultationId}`);
    await publicPage.getByText('意见采纳情况反馈已发布').waitFor();
    await publicPage.getByRole('link', { name: `查看《${CONSULTATION_TITLE}》意见采纳情况反馈` }).click();
    await publicPage.waitForURL(new RegExp(`/portal/consultations/${consultationId}/feedback$`));
    await publicPage.getByRole('heading', { level: 1, name: '意见采纳情况反馈' }).waitFor();
    const report = publicPage.locator('section.feedback-report');
    expect(await report.textContent()).toContain('共收到意见2条，经审核公开2条；其中采纳1条，部分采纳0条，不采纳1条');
    const items = report.locator('ol.feedback-comments > li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).locator('blockquote').textContent()).toContain(COMMENT_1);
    expect(await items.nth(0).locator('p').last().textContent()).toBe(`处理情况：采纳。理由说明：${ADOPT_REASON}`);
    expect(await items.nth(1).locator('blockquote').textContent()).toContain(COMMENT_2);
    expect(await items.nth(1).locator('p').last().textContent()).toBe(`处理情况：不采纳。理由说明：${REJECT_REASON}`);
    const body = await publicPage.content();
    for (const secret of ['钱先生', '13905739876']) expect(body).not.toContain(secret);
    await shot(publicPage, '16-feedback-public');
  }, 240_000);

  it('no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
