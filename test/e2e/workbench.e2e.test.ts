/**
 * Browser test of the web workbench (admin/): playwright-core driving Debian's chromium, headless,
 * against the real server started in-process (buildApp on a free port) over a fresh SQLite file
 * database prepared like a first start (ensureFirstStart: demo directory, seed list, admin account).
 *
 * The journey: the office logs in with its one-time password and changes it, imports the seed
 * notice, corrects a task and publishes; creates an account for a unit; the unit user logs in and
 * submits a report with an attachment; the lead unit returns it (a second reviewer then gets the
 * 409 conflict message); the unit resubmits; the lead accepts and files its 牵头汇总; the office
 * sees the matrix change and makes the summary public; the public page shows the new status.
 * Also: axe-core on the login and 我的任务 pages (no serious or critical violations).
 *
 * Screenshots of every screen go to test-output/screenshots/. The admin is built first when
 * admin/dist is missing or stale (scripts/build-admin.mjs).
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
import { ensureFirstStart, SEED_NOTICE_FILE } from '../../server/db/seeds/first-start.ts';
import { systemActor } from '../../server/platform/actor.ts';
import { loadResolver } from '../../server/modules/directory/index.ts';
import { createUser } from '../../server/modules/identity/index.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { tinyPdf } from '../support/files.ts';
import { axeViolations } from '../support/axe.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = path.join(REPO, 'test-output', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The browser runs in another zone on purpose: the workbench must still show Beijing time. */
const BROWSER_TZ = 'America/Los_Angeles';

const OFFICE_PASSWORD = 'Office-pass-2020';
const UNIT_PASSWORD = 'Unit-pass-2020x';
const LEAD_PASSWORD = 'Lead-pass-2020x';
const RESPONSIBLE_UNIT = '市司法局';
const LEAD_UNIT = '市市场监管局';
/** Task 8: led by 市市场监管局 alone; every city department and county is responsible. */
const SEQ = 8;

let tdb: TestDb;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let workDir: string;
let adminOneTimePassword: string;
let responsibleUnitId: number;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

// State carried from step to step
let listId = 0;
let unitOneTimePassword = '';
let office: Page;
let unit: Page;
let lead: Page;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: BROWSER_TZ, baseURL: base });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message || String(e)}\n${e.stack ?? ''}`));
  return page;
}

let shotNo = 0;
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(300); // let antd transitions settle
  await page.screenshot({ path: path.join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${name}.png`), fullPage });
}

/** Waits for an antd message (toast) with the text. */
async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.waitForURL(/\/admin\/password/);
  await page.getByLabel('当前密码（一次性密码）').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
}

/** Beijing-time rendering of an instant, as the workbench shows it ("2026-11-25 17:05"). */
function beijing(iso: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    .formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** Runs axe-core in the page; returns the serious and critical violations. */

/** The responsible unit's row for the task on its public progress page. */
function publicRow(page: Page) {
  return page.locator('tbody tr', { has: page.locator('td:first-child a', { hasText: new RegExp(`^${SEQ}$`) }) }).filter({ hasText: '责任' });
}

async function closeDrawer(page: Page): Promise<void> {
  // Escape, as a keyboard user would: the close button can sit under a toast that stays while hovered
  await page.keyboard.press('Escape');
  await page.locator('.gk-assignment-drawer').waitFor({ state: 'detached' });
}

function matrixCell(page: Page) {
  return page.locator(`.gk-matrix button[data-unit="${RESPONSIBLE_UNIT}"][data-task-seq="${SEQ}"]`);
}

async function openMatrix(page: Page): Promise<void> {
  await page.goto(`/admin/overview?list=${listId}`);
  await page.getByRole('tab', { name: '单位 × 任务' }).click();
  await matrixCell(page).waitFor();
}

describe('web workbench (browser)', () => {
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`browser tests need chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk), or set CHROMIUM_PATH`);
    const built = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build-admin.mjs')], { cwd: REPO, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`admin build failed:\n${built.stdout}\n${built.stderr}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));

    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
    tdb = await createTestDb('sqlite', { sqliteFile: path.join(workDir, 'gongkai.sqlite') });
    const first = await ensureFirstStart(tdb.db, { demoData: true });
    adminOneTimePassword = first.admin!.oneTimePassword;
    const resolver = await loadResolver(tdb.db);
    responsibleUnitId = resolver.findUnit(RESPONSIBLE_UNIT)!;
    await createUser(tdb.db, systemActor('e2e'), { username: 'scjg_lead', displayName: '市场监管局联络员', unitId: resolver.findUnit(LEAD_UNIT)!, role: 'unitStaff', password: LEAD_PASSWORD });

    const config = loadConfig({ logLevel: 'silent', databaseUrl: tdb.url, dataDir: workDir, demoData: false, secureCookies: false, jobIntervalSeconds: 0, loginAttemptsPerMinute: 100_000 }, {});
    app = await buildApp(config, { db: { db: tdb.db, dialect: 'sqlite' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    // A fresh browser profile (Playwright launches chromium with a new temporary user-data-dir)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  }, 240_000);

  // On a failure, a screenshot of every open page helps to see why
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [name, page] of [['office', office], ['unit', unit], ['lead', lead]] as const) {
      if (page && !page.isClosed()) await page.screenshot({ path: path.join(SHOTS, `FAILED-${shotNo}-${name}.png`) }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await app?.close();
    await tdb?.destroy();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('login page: Chinese, accessible (axe: no serious or critical violations)', async () => {
    const page = await newPage();
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await page.getByRole('heading', { name: '政务公开工作台' }).waitFor();
    await page.getByLabel('用户名').waitFor();
    await shot(page, 'login');
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  }, 60_000);

  it('office: signs in with the one-time password and must change it first', async () => {
    office = await newPage();
    await login(office, 'admin', adminOneTimePassword);
    await office.waitForURL(/\/admin\/password/);
    await office.getByText('首次登录或密码被重置后').waitFor();
    await shot(office, 'change-password');
    await changePassword(office, adminOneTimePassword, OFFICE_PASSWORD);
    await office.waitForURL(/\/admin\/overview/);
    await office.locator('.gk-notice-table').waitFor();
    await office.locator('.gk-totals .ant-statistic').first().waitFor();
    await shot(office, 'overview-demo-list');
  }, 60_000);

  it('office: imports the seed notice (preview with progress, correct a task) and publishes it', async () => {
    await office.goto('/admin/import');
    await office.locator('.ant-upload input[type=file]').setInputFiles({ name: '2020年嘉兴市政务公开重点工作责任清单.txt', mimeType: 'text/plain', buffer: fs.readFileSync(SEED_NOTICE_FILE) });
    await shot(office, 'import-upload');
    // Hold the upload briefly so the progress bar can be seen (XMLHttpRequest upload progress)
    await office.route('**/api/v1/imports/preview', async (route) => {
      await new Promise((r) => setTimeout(r, 1000));
      await route.continue();
    });
    await office.getByRole('button', { name: '上传并预览' }).click();
    await office.locator('.gk-upload-progress').waitFor();
    await shot(office, 'import-uploading');
    await office.getByRole('button', { name: '导入为草稿' }).waitFor();
    await office.unroute('**/api/v1/imports/preview');
    await expect(office.locator('.ant-statistic').filter({ hasText: '任务数' }).locator('.ant-statistic-content').textContent()).resolves.toContain('70');
    await shot(office, 'import-preview', true);

    await office.getByRole('button', { name: '导入为草稿' }).click();
    await office.waitForURL(/draft=\d+/);
    listId = Number(new URL(office.url()).searchParams.get('draft'));
    expect(listId).toBeGreaterThan(1);
    const row = office.locator(`.gk-draft-table tr[data-task-seq="70"]`);
    await row.waitFor();
    await shot(office, 'import-correct');

    // Correct task 70's deadline on the stored draft (PATCH /api/v1/tasks/:id)
    await row.getByRole('button', { name: /编辑/ }).click();
    const modal = office.locator('.ant-modal').filter({ hasText: '更正任务 70' });
    await modal.getByLabel('完成时限').fill('2020-11-30');
    await modal.getByLabel('时限原文').fill('2020年11月底前');
    await shot(office, 'import-edit-task');
    await modal.getByRole('button', { name: '保存' }).click();
    await toast(office, '任务已更正');
    const corrected = office.locator('.gk-draft-table tr[data-task-seq="70"]').filter({ hasText: '2020年11月底前' });
    await corrected.waitFor();
    // only the changed fields were sent: the unit groups are untouched, and no new warnings
    await corrected.getByText('市级有关部门（单位）、各县（市、区）政府').waitFor();
    await expect(office.getByText('刚才的更正有以下提示').count()).resolves.toBe(0);

    await office.getByRole('button', { name: /下一步/ }).click();
    await office.getByRole('button', { name: '发布清单' }).click();
    await office.locator('.ant-popconfirm').getByRole('button', { name: '发布清单' }).click();
    await office.getByText('清单已发布').first().waitFor();
    await shot(office, 'import-published');

    // Before any report: the responsible unit's cell for the task is overdue (the 2020 periods are past)
    await openMatrix(office);
    await expect(matrixCell(office).getAttribute('data-status')).resolves.toBe('overdue');
    await shot(office, 'matrix-before');

    // …and the public page says so too
    const anon = await newPage();
    await anon.goto(`/progress/lists/${listId}/units/${responsibleUnitId}`);
    await expect(publicRow(anon).textContent()).resolves.toContain('逾期');
  }, 90_000);

  it('office: creates an account for the responsible unit (one-time password shown once)', async () => {
    await office.goto('/admin/users');
    await office.getByRole('button', { name: '新建账号' }).click();
    const modal = office.locator('.ant-modal').filter({ hasText: '初始密码' });
    await modal.getByLabel('用户名').fill('sfj_staff');
    await modal.getByLabel('姓名').fill('司法局联络员');
    await modal.getByLabel('所属单位').click();
    await office.keyboard.type(RESPONSIBLE_UNIT);
    await office.locator('.ant-select-item-option-active').filter({ hasText: '嘉兴市司法局' }).waitFor();
    await office.keyboard.press('Enter');
    await modal.getByText('嘉兴市司法局').filter({ visible: true }).first().waitFor();
    await shot(office, 'users-create');
    await modal.getByRole('button', { name: '新建账号' }).click();
    const otp = office.locator('.gk-one-time-password code');
    await otp.waitFor();
    unitOneTimePassword = (await otp.textContent())!.trim();
    expect(unitOneTimePassword).toMatch(/^\S{10,}$/);
    await shot(office, 'users-one-time-password');
    await office.getByRole('button', { name: /知道了|确定|OK/ }).click();
    await office.getByRole('searchbox').fill('sfj');
    await office.getByRole('searchbox').press('Enter');
    await office.getByRole('cell', { name: 'sfj_staff' }).waitFor();
    await shot(office, 'users');
  }, 60_000);

  it('unit: signs in, sees 我的任务, and submits a report with an attachment', async () => {
    unit = await newPage();
    await login(unit, 'sfj_staff', unitOneTimePassword);
    await changePassword(unit, unitOneTimePassword, UNIT_PASSWORD);
    await unit.waitForURL(/\/admin\/tasks/);
    const row = unit.locator(`tr[data-seq="${SEQ}"][data-role="responsible"]`);
    await row.waitFor();
    expect(new URL(unit.url()).searchParams.get('list')).toBe(String(listId)); // the newest list by default
    await expect(row.getAttribute('data-status')).resolves.toBe('overdue');
    await shot(unit, 'my-tasks');

    // axe on 我的任务
    const violations = await axeViolations(unit);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await unit.getByRole('button', { name: /报送：任务 8（责任）/ }).click();
    const drawer = unit.locator('.gk-assignment-drawer');
    await drawer.getByLabel('工作进展').waitFor();

    // A wrong type is refused in the browser already
    await drawer.locator('input[type=file]').setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ fake') });
    await drawer.getByText('不支持的文件类型：setup.exe').waitFor();

    await drawer.getByLabel('工作进展').fill('已梳理本单位行政许可事项，在门户网站“法定主动公开内容”栏目更新市场监管相关信息12条。');
    await drawer.getByLabel('佐证链接 1').fill('https://www.jiaxing.gov.cn/col/col1229426371/index.html');
    await drawer.locator('input[type=file]').setInputFiles({ name: '佐证材料.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Evidence 2020') });
    await drawer.getByText('佐证材料.pdf').waitFor();
    await drawer.getByLabel('公开摘要').fill('已在门户网站更新相关信息12条。');
    await shot(unit, 'report-form');
    await drawer.getByRole('button', { name: '提交报送' }).click();
    await toast(unit, '已提交报送');
    const v1 = drawer.locator('.gk-report').first();
    await v1.filter({ hasText: '第 1 版' }).filter({ hasText: '待审核' }).waitFor();
    await v1.getByText('佐证材料.pdf').waitFor();

    // Times are Beijing time although the browser runs in Los Angeles
    const assignmentId = Number(await row.getAttribute('data-assignment-id'));
    const detail = await (await unit.request.get(`/api/v1/assignments/${assignmentId}`)).json() as { reports: { submittedAt: string }[] };
    await v1.getByText(beijing(detail.reports[0]!.submittedAt)).waitFor();
    await shot(unit, 'report-submitted');
    await closeDrawer(unit);
    await expect(unit.locator(`tr[data-seq="${SEQ}"][data-role="responsible"]`).getAttribute('data-status')).resolves.toBe('submitted');
  }, 90_000);

  it('lead unit: returns the report with a comment; a second reviewer gets the conflict message', async () => {
    // The office has the same report in its review queue (opened before the lead acts)
    await office.goto(`/admin/overview?list=${listId}`);
    await office.getByRole('tab', { name: /审核队列/ }).click();
    const officeRow = office.locator(`.gk-review-queue tr[data-unit="${RESPONSIBLE_UNIT}"][data-seq="${SEQ}"]`);
    await officeRow.waitFor();

    lead = await newPage();
    await login(lead, 'scjg_lead', LEAD_PASSWORD);
    await lead.waitForURL(/\/admin\/tasks/);
    await lead.goto(`/admin/reviews?list=${listId}`);
    const row = lead.locator(`.gk-review-queue tr[data-unit="${RESPONSIBLE_UNIT}"][data-seq="${SEQ}"]`);
    await row.waitFor();
    await shot(lead, 'lead-review-queue');
    await row.getByRole('button', { name: /^退回/ }).click();
    const modal = lead.locator('.ant-modal').filter({ hasText: '退回报送' });
    await modal.getByLabel('审核意见').fill('请补充行政许可事项目录的公开页面链接，并附本季度更新台账。');
    await shot(lead, 'lead-return');
    await modal.getByRole('button', { name: '退回' }).click();
    await toast(lead, /已退回/);
    await row.waitFor({ state: 'detached' });

    // The office, still looking at the old queue, tries to accept: 409 REPORT_ALREADY_REVIEWED
    await officeRow.getByRole('button', { name: /^通过/ }).click();
    await office.locator('.ant-modal-confirm-title').filter({ hasText: '该报送已被其他审核人处理，列表已刷新' }).waitFor();
    await shot(office, 'review-conflict');
    await office.locator('.ant-modal-confirm').getByRole('button').click();
    await officeRow.waitFor({ state: 'detached' });
  }, 90_000);

  it('unit: sees the return (notification, comment) and resubmits as version 2', async () => {
    await unit.reload();
    const row = unit.locator(`tr[data-seq="${SEQ}"][data-role="responsible"]`);
    await row.waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('returned');

    // The bell shows the return
    const bell = unit.getByRole('button', { name: /通知/ });
    await expect(bell.getAttribute('aria-label')).resolves.toMatch(/未读/);
    await bell.click();
    await unit.locator('.ant-popover').getByText('进展报送被退回').first().waitFor();
    await shot(unit, 'notifications');
    await unit.getByRole('heading', { name: '我的任务' }).click(); // closes the popover

    await row.getByRole('button', { name: /报送/ }).click();
    const drawer = unit.locator('.gk-assignment-drawer');
    await drawer.getByText('请补充行政许可事项目录的公开页面链接').waitFor();
    await drawer.getByLabel('工作进展').fill('已梳理本单位行政许可事项，在门户网站“法定主动公开内容”栏目更新相关信息12条；补充行政许可事项目录公开页面链接及本季度更新台账。');
    await drawer.getByLabel('佐证链接 1').fill('https://www.jiaxing.gov.cn/col/col1229426371/index.html');
    await drawer.locator('input[type=file]').setInputFiles({ name: '更新台账.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Ledger Q4') });
    await drawer.getByRole('button', { name: '重新报送' }).click();
    await toast(unit, '已提交报送');
    await drawer.locator('.gk-report').first().filter({ hasText: '第 2 版' }).filter({ hasText: '待审核' }).waitFor();
    await drawer.locator('.gk-report').filter({ hasText: '第 1 版' }).filter({ hasText: '已退回' }).waitFor();
    await shot(unit, 'report-history');
    await closeDrawer(unit);
  }, 90_000);

  it('office: the matrix shows the resubmission; after the lead accepts it turns green', async () => {
    await openMatrix(office);
    await expect(matrixCell(office).getAttribute('data-status')).resolves.toBe('submitted');

    // The lead accepts version 2 and files its own consolidated report (牵头汇总)
    await lead.reload();
    const row = lead.locator(`.gk-review-queue tr[data-unit="${RESPONSIBLE_UNIT}"][data-seq="${SEQ}"]`);
    await row.getByRole('button', { name: /^通过/ }).click();
    await toast(lead, /已通过/);
    const leadRow = lead.locator(`.gk-lead-table tr[data-seq="${SEQ}"]`);
    await leadRow.getByRole('button', { name: /报送汇总/ }).click();
    const drawer = lead.locator('.gk-assignment-drawer');
    await drawer.getByLabel(/工作进展/).fill('牵头汇总：各责任单位已按要求更新行政许可、行政处罚等市场监管信息，本季度共公开信息860条。');
    await drawer.getByLabel('公开摘要').fill('各责任单位本季度共公开市场监管信息860条。');
    await shot(lead, 'lead-summary-form');
    await drawer.getByRole('button', { name: '报送牵头汇总' }).click();
    await toast(lead, '已提交报送');
    await closeDrawer(lead);
    await shot(lead, 'lead-review-done');

    await openMatrix(office);
    await expect(matrixCell(office).getAttribute('data-status')).resolves.toBe('accepted');
    await matrixCell(office).scrollIntoViewIfNeeded();
    await shot(office, 'matrix-after');
    await office.getByRole('tab', { name: '完成情况' }).click();
    await office.locator('.gk-chart-units canvas').waitFor();
    await shot(office, 'charts');
    await office.getByRole('tab', { name: /逾期与临期/ }).click();
    await shot(office, 'overdue');
    await office.getByRole('tab', { name: '清单进展' }).click();
    await shot(office, 'list-progress');
  }, 120_000);

  it('office: makes the accepted summary public; the public page shows the new status', async () => {
    const anon = await newPage();

    await openMatrix(office);
    await matrixCell(office).click();
    await office.getByRole('button', { name: /查看报送（责任）/ }).click();
    const drawer = office.locator('.gk-assignment-drawer');
    const v2 = drawer.locator('.gk-report[data-state="accepted"]').first();
    await v2.getByRole('switch').click();
    await toast(office, '已更新公开状态');
    await shot(office, 'office-publish-summary');
    await closeDrawer(office);

    await anon.goto(`/progress/lists/${listId}/units/${responsibleUnitId}`);
    await expect(publicRow(anon).textContent()).resolves.toContain('已通过');
    await expect(publicRow(anon).textContent()).resolves.toContain('已在门户网站更新相关信息12条。');
    await publicRow(anon).scrollIntoViewIfNeeded();
    await shot(anon, 'public-unit-page');
    await anon.goto(`/progress/lists/${listId}#task-${SEQ}`);
    await anon.locator(`#task-${SEQ}`).getByText('已在门户网站更新相关信息12条。').waitFor();
    await anon.locator(`#task-${SEQ}`).getByText('本期已审核通过 1 个').waitFor();
    await shot(anon, 'public-list-page');
  }, 90_000);

  it('office: unit directory screens render', async () => {
    await office.goto('/admin/units');
    await office.getByRole('cell', { name: '嘉兴市司法局' }).waitFor();
    await shot(office, 'units');
    await office.getByRole('tab', { name: /单位组/ }).click();
    await shot(office, 'unit-groups');
    expect(pageErrors, pageErrors.join('\n\n')).toEqual([]);
  }, 60_000);
});
