/**
 * Browser test of 依申请公开 from the applicant's side: playwright-core driving Debian's chromium
 * (headless) against the real server on a free port. A person applies on the public form, the
 * office confirms receipt and assigns it, the unit asks for a correction, the person corrects it on
 * the tracking page, the unit replies 部分公开, the reply letter is generated and the statistics
 * count it. The staff steps go through the JSON API (their screens belong to the workbench).
 * Also: axe-core on the public form and the tracking page. Screenshots: test-output/screenshots/.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/config.ts';
import { systemActor } from '../../server/platform/actor.ts';
import { setClock } from '../../server/platform/clock.ts';
import { loadResolver, seedJiaxingDirectory } from '../../server/modules/directory/index.ts';
import { createUser } from '../../server/modules/identity/index.ts';
import { idNumberCheckCharacter } from '../../server/modules/requests/domain/identity-numbers.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { axeViolations } from '../support/axe.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = path.join(REPO, 'test-output', 'screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ID17 = '33040219870615123';
const PASSWORD = 'Request-pass-2020';

let tdb: TestDb;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;
let regNumber = '';
let requestId = 0;
const sessions: Record<string, { cookie: string; csrf: string }> = {};

async function staff(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const s = sessions[username]!;
  return app.inject({ method, url, payload: payload as never, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
}


describe('依申请公开 in the browser', () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    setClock('2020-09-21T02:00:00Z');
    tdb = await createTestDb('sqlite');
    app = await buildApp(loadConfig({ logLevel: 'silent', databaseUrl: tdb.url, demoData: false, jobIntervalSeconds: 0, secureCookies: false, loginAttemptsPerMinute: 1000 }, {}), { db: { db: tdb.db, dialect: 'sqlite' } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const actor = systemActor('test');
    await seedJiaxingDirectory(tdb.db, actor);
    const resolver = await loadResolver(tdb.db);
    for (const [username, unit, role] of [['office', '市政府办公室', 'office'], ['land', '市自然资源和规划局', 'unitStaff'], ['landhead', '市自然资源和规划局', 'unitAdmin']] as const) {
      await createUser(tdb.db, actor, { username, displayName: username, unitId: resolver.findUnit(unit)!, role, password: PASSWORD });
      const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password: PASSWORD } });
      sessions[username] = { cookie: `gk_session=${res.cookies.find((c) => c.name === 'gk_session')!.value}`, csrf: res.json().csrfToken };
    }
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'zh-CN', baseURL: base });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    setClock(null);
    await browser?.close();
    await app?.close();
    await tdb?.destroy();
  });

  it('a person applies on the public form and gets a registration number', async () => {
    await page.goto('/apply');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('姓名或名称').fill('李四');
    await page.getByLabel('证件号码（自然人）').fill('330402198706151230'); // wrong check digit
    await page.getByLabel('联系电话').fill('13800001234');
    await page.getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述 *').fill('2020年七星街道征地补偿安置方案及批复文件');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('身份证件号码无效');
    expect(await page.getByLabel('姓名或名称').inputValue()).toBe('李四'); // nothing typed is lost
    await page.getByLabel('证件号码（自然人）').fill(ID17 + idNumberCheckCharacter(ID17));
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
    regNumber = (await page.locator('strong').first().textContent())!;
    expect(regNumber).toBe('依申请〔2020〕第1号');
    await page.screenshot({ path: path.join(SHOTS, 'requests-01-applied.png') });
  });

  it('the office confirms receipt (the clock starts) and assigns it in the workbench; the unit asks for a correction', async () => {
    const list = (await staff('office', 'GET', '/api/v1/disclosure-requests')).json().items;
    requestId = list[0].id;
    setClock('2020-09-22T02:00:00Z');
    const built = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build-admin.mjs')], { cwd: REPO, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`admin build failed:\n${built.stdout}\n${built.stderr}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', baseURL: base });
    context.setDefaultTimeout(15_000);
    const officePage = await context.newPage();
    try {
      await officePage.goto('/admin/login');
      await officePage.getByLabel('用户名').fill('office');
      await officePage.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await officePage.getByRole('button', { name: '登录' }).click();
      await officePage.waitForURL(/\/admin\/(?!login)/);
      await officePage.goto(`/admin/requests/${requestId}`);
      await officePage.getByRole('button', { name: '确认收到' }).click();
      let dialog = officePage.getByRole('dialog');
      await dialog.getByLabel('确认收到之日').fill('2020-09-22');
      await dialog.getByRole('button', { name: '确定' }).click();
      await officePage.getByTestId('request-clock').getByText('2020年10月26日').first().waitFor();
      await officePage.screenshot({ path: path.join(SHOTS, 'requests-01b-office-confirmed.png'), fullPage: true });
      // 审核分办 to the unit that holds the information
      await officePage.getByRole('button', { name: '审核分办' }).click();
      const assign = officePage.getByRole('dialog').filter({ hasText: '办理单位' });
      await assign.locator('.ant-select').first().click();
      await officePage.keyboard.type('自然资源');
      await officePage.locator('.ant-select-item-option', { hasText: '自然资源和规划局' }).first().waitFor();
      await officePage.keyboard.press('Enter');
      await assign.getByRole('button', { name: '确定' }).click();
      await expect.poll(async () => (await staff('office', 'GET', `/api/v1/disclosure-requests/${requestId}`)).json().handlingUnitName).toBe('市自然资源和规划局');
      await officePage.screenshot({ path: path.join(SHOTS, 'requests-01c-office-assigned.png'), fullPage: true });
    } finally {
      await context.close();
    }
    setClock('2020-09-25T02:00:00Z');
    const asked = await staff('land', 'POST', `/api/v1/disclosure-requests/${requestId}/corrections`, { items: '请写明地块编号或批复文号。', correctionDueOn: '2020-10-20' });
    expect(asked.json().state).toBe('awaitingCorrection');
  }, 180_000);

  it('the person sees the request for correction on the tracking page and corrects it; the clock starts again', async () => {
    setClock('2020-10-12T02:00:00Z');
    await page.goto('/track');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('登记号').fill(regNumber);
    await page.getByLabel('申请时填写的电话或电子邮箱').fill('13800001234');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '请补正申请' }).waitFor();
    expect(await page.locator('blockquote').textContent()).toContain('请写明地块编号或批复文号。');
    await page.screenshot({ path: path.join(SHOTS, 'requests-02-correction-asked.png'), fullPage: true });
    await page.getByLabel('补正内容').fill('地块编号：七星街道2020-12号。');
    await page.getByRole('button', { name: '提交补正' }).click();
    await page.getByText('补正已提交').waitFor();
    const detail = (await staff('land', 'GET', `/api/v1/disclosure-requests/${requestId}`)).json();
    expect(detail.state).toBe('handling');
    expect(detail.clock.dueOn).toBe('2020-11-09');
    await page.screenshot({ path: path.join(SHOTS, 'requests-03-corrected.png'), fullPage: true });
  });

  it('the handling unit staff signs in to the workbench and sees the due date and how it was computed', async () => {
    // The workbench is served from admin/dist: build it when missing or stale (as workbench.e2e does)
    const built = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build-admin.mjs')], { cwd: REPO, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`admin build failed:\n${built.stdout}\n${built.stderr}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', baseURL: base });
    context.setDefaultTimeout(15_000);
    const staffPage = await context.newPage();
    try {
      await staffPage.goto('/admin/login');
      await staffPage.getByLabel('用户名').fill('land');
      await staffPage.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await staffPage.getByRole('button', { name: '登录' }).click();
      await staffPage.waitForURL(/\/admin\/tasks/);
      await staffPage.getByRole('link', { name: '依申请公开' }).click();
      await staffPage.getByRole('link', { name: regNumber }).click();
      await staffPage.waitForURL(new RegExp(`/admin/requests/${requestId}$`));
      const clock = staffPage.getByTestId('request-clock');
      await clock.getByText('2020年11月9日').first().waitFor();
      const lines = await clock.getByRole('list', { name: '计算过程' }).getByRole('listitem').allTextContents();
      expect(lines.length).toBeGreaterThan(3);
      expect(lines.some((l) => l.includes('2020-11-09'))).toBe(true);
      // the unit may act: its buttons are the server's allowedActions
      await staffPage.getByRole('button', { name: '拟办答复' }).waitFor();
      await staffPage.screenshot({ path: path.join(SHOTS, 'requests-04-workbench-detail.png'), fullPage: true });
      // The unit drafts its reply 部分公开 in the workbench
      await staffPage.getByRole('button', { name: '拟办答复' }).click();
      const dialog = staffPage.getByRole('dialog');
      await dialog.getByLabel('办理结果').click();
      await staffPage.keyboard.type('部分公开');
      await staffPage.keyboard.press('Enter');
      await dialog.getByLabel('答复内容').fill('现提供补偿安置方案；批复中涉及个人信息的部分不予公开。');
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect.poll(async () => (await staff('land', 'GET', `/api/v1/disclosure-requests/${requestId}`)).json().state).toBe('awaitingApproval');
      expect((await staff('land', 'GET', `/api/v1/disclosure-requests/${requestId}`)).json().outcome).toBe('partlyDisclosed');
      await staffPage.screenshot({ path: path.join(SHOTS, 'requests-05-workbench-drafted.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);

  it('the unit replies 部分公开; the letter is generated; the tracking page and the statistics show it', async () => {
    setClock('2020-10-20T02:00:00Z');
    await staff('landhead', 'POST', `/api/v1/disclosure-requests/${requestId}/approvals`, { approve: true });
    expect((await staff('land', 'POST', `/api/v1/disclosure-requests/${requestId}/replies`, { onDate: '2020-10-20', method: 'post' })).json().state).toBe('replied');
    const letter = await staff('land', 'GET', `/api/v1/disclosure-requests/${requestId}/reply-letter.docx`);
    const { default: mammoth } = await import('mammoth');
    expect((await mammoth.extractRawText({ buffer: letter.rawPayload })).value).toContain('部分公开');
    await page.goto('/track');
    await page.getByLabel('登记号').fill(regNumber);
    await page.getByLabel('申请时填写的电话或电子邮箱').fill('13800001234');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('table').textContent()).toContain('已答复');
    expect(await page.content()).not.toContain('李四');
    await page.screenshot({ path: path.join(SHOTS, 'requests-04-replied.png'), fullPage: true });
    const stats = (await staff('office', 'GET', '/api/v1/disclosure-requests/stats?from=2020-01-01&to=2020-12-31')).json();
    expect(stats.outcomes.partlyDisclosed.person).toBe(1);
  });

  it('the public progress pages and the start page pass axe-core and render without JavaScript', async () => {
    const { importNotice } = await import('../../server/modules/lists/index.ts');
    const { SEED_NOTICE_FILE } = await import('../../server/db/seeds/first-start.ts');
    const { list } = await importNotice(tdb.db, systemActor('test'), { fileName: 'seed.txt', bytes: fs.readFileSync(SEED_NOTICE_FILE), publish: true });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', baseURL: base, javaScriptEnabled: false });
    const phone = await context.newPage();
    for (const url of ['/', '/progress', `/progress/lists/${list.id}`]) {
      await phone.goto(url);
      expect(await phone.locator('h1').count(), url).toBeGreaterThan(0);
    }
    await phone.goto(`/progress/lists/${list.id}`);
    expect(await phone.locator('article.task').count()).toBe(70);
    await phone.screenshot({ path: path.join(SHOTS, 'public-progress-phone.png') });
    await context.close();
    for (const url of ['/', '/progress', `/progress/lists/${list.id}`]) {
      await page.goto(url);
      expect(await axeViolations(page), url).toEqual([]);
    }
  });
});
