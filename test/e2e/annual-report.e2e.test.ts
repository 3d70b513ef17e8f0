/**
 * Browser test of the 政府信息公开工作年度报告, from data to the published report: playwright-core
 * driving Debian's chromium (headless) against the real server on a free port, over a fresh SQLite
 * database with the Jiaxing directory, one account of 市生态环境局 and its 2020 disclosure requests
 * and an appeal (rows as a data import leaves them). The clock is pinned to 20 January 2021.
 *
 * The journey:
 * 1. The unit signs in, opens 年度报告, creates its 2020 report (the 2019 format); tables 三 and 四 are
 *    filled from the requests; clicking a number lists the requests it counts.
 * 2. It enters table 二's rows (行政许可, 行政处罚) and section 五, saves; the checks panel shows a
 *    negative number it typed, then passes once corrected; it publishes.
 * 3. The public (no login) sees the report on /portal/annual-reports and opens its page: the
 *    template's headings and the numbers; axe-core finds no serious or critical violation.
 *
 * Screenshots: test-output/screenshots/annual-report-*.png.
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
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { axeViolations } from '../support/axe.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = path.join(REPO, 'test-output', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'Report-pass-2021';
const STAFF = 'sthjnb';
const TITLE = '嘉兴市生态环境局2020年政府信息公开工作年度报告';
const SECTION5 = '一是主动公开的及时性有待提高；二是政策解读形式较为单一。下一步将加强栏目维护，丰富解读形式。';

let tdb: TestDb;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let workDir: string;
let unitId = 0;
let reportId = 0;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const regNumbers: string[] = [];
let staff: Page;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', baseURL: base });
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message || String(e)}`));
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `annual-report-${name}.png`), fullPage: true });
}

/** antd may put a space between the two characters of a two-character button label. */
function label(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
}

async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

async function request(kind: string, receivedOn: string, repliedOn: string | null, outcome: string | null): Promise<number> {
  const at = new Date().toISOString();
  const n = regNumbers.length + 1;
  const regNumber = `嘉环〔${receivedOn.slice(0, 4)}〕依申请第${n}号`;
  regNumbers.push(regNumber);
  return (await tdb.db.insertInto('disclosureRequest').values({
    regNumber, year: Number(receivedOn.slice(0, 4)), seq: n, handlingUnitId: unitId, state: repliedOn ? 'replied' : 'handling', channel: 'online',
    arrivedOn: receivedOn, receiptConfirmedOn: receivedOn, receivedOn, applicantKind: kind, applicantName: `申请人${n}`, idType: null, idNumber: null, creditCode: null,
    legalRepresentative: null, contactPerson: null, phone: null, email: null, address: null, description: `申请公开的信息${n}`, formWanted: 'electronic', deliveryWanted: 'email',
    dueOn: null, outcome, replyText: null, repliedOn, replyMethod: null, archivedAt: null, createdBy: null, createdAt: at, updatedAt: at,
  }).returning('id').executeTakeFirstOrThrow()).id;
}


describe('annual report in the browser', () => {
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`browser tests need chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk), or set CHROMIUM_PATH`);
    const built = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build-admin.mjs')], { cwd: REPO, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`admin build failed:\n${built.stdout}\n${built.stderr}`);
    fs.mkdirSync(SHOTS, { recursive: true });

    setClock('2021-01-20T02:00:00Z'); // Wednesday 20 January 2021, 10:00 in Beijing
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-annual-report-e2e-'));
    tdb = await createTestDb('sqlite', { sqliteFile: path.join(workDir, 'gongkai.sqlite') });
    const actor = systemActor('e2e');
    await seedJiaxingDirectory(tdb.db, actor);
    unitId = (await loadResolver(tdb.db)).findUnit('市生态环境局')!;
    await createUser(tdb.db, actor, { username: STAFF, displayName: '生态环境局年报编制人', unitId, role: 'unitStaff', password: PASSWORD });
    await request('person', '2020-03-02', '2020-03-20', 'disclosed');
    await request('person', '2020-05-11', '2020-05-29', 'partlyDisclosed');
    const r3 = await request('commercial', '2020-08-03', '2020-08-21', 'withheld.thirdPartyRights');
    await request('person', '2020-12-28', null, null);
    await tdb.db.insertInto('appeal').values({
      requestId: r3, kind: 'reconsideration', afterReconsideration: 0, filedOn: '2020-09-10', body: null, outcome: 'maintained', decidedOn: '2020-11-05', note: null,
      createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
    }).execute();

    const config = loadConfig({ logLevel: 'silent', databaseUrl: tdb.url, dataDir: workDir, demoData: false, secureCookies: false, jobIntervalSeconds: 0, loginAttemptsPerMinute: 100_000 }, {});
    app = await buildApp(config, { db: { db: tdb.db, dialect: 'sqlite' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  }, 300_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [i, c] of contexts.entries()) {
      for (const p of c.pages()) await p.screenshot({ path: path.join(SHOTS, `annual-report-FAILED-${i}.png`), fullPage: true }).catch(() => undefined);
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

  it('the unit creates its 2020 report: tables 三 and 四 filled from the requests, a number opens the requests it counts', async () => {
    staff = await newPage();
    await staff.goto('/admin/login');
    await staff.getByLabel('用户名').fill(STAFF);
    await staff.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await staff.getByRole('button', { name: label('登录') }).click();
    await staff.waitForURL(/\/admin\/(?!login)/);
    await staff.goto('/admin/annual-reports');
    await staff.getByRole('heading', { name: '政府信息公开工作年度报告' }).waitFor();
    await staff.getByRole('button', { name: '编制年度报告' }).click();
    const dialog = staff.getByRole('dialog');
    // the browser's own date is not the server's pinned clock: choose the year
    await dialog.getByRole('combobox', { name: '报告年度' }).click();
    await staff.locator('.ant-select-item-option[title="2020年度"]').click();
    await dialog.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: '2020年度' }).first().waitFor();
    await dialog.getByRole('button', { name: '编制年度报告' }).click();
    await staff.waitForURL(/\/admin\/annual-reports\/\d+$/);
    reportId = Number(/\/annual-reports\/(\d+)$/.exec(staff.url())![1]);
    await staff.getByRole('heading', { name: new RegExp(TITLE) }).waitFor();
    const received = staff.locator('tr[data-row="received"] td');
    await expect.poll(async () => (await received.allTextContents()).map((s) => s.trim())).toEqual(['3', '1', '0', '0', '0', '0', '4']);
    expect((await staff.locator('tr[data-row="carriedForward"] td').allTextContents()).map((s) => s.trim())).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    await shot(staff, '01-draft');
    // the 总计 of 一、本年新收 lists the four requests
    await received.last().getByRole('button').click();
    const drawer = staff.getByRole('dialog', { name: /所统计的记录/ });
    for (const reg of regNumbers) await drawer.getByRole('link', { name: reg }).waitFor();
    await staff.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('the unit enters table 二 and section 五; the checks catch a negative number, then pass; it publishes', async () => {
    await staff.getByLabel('行政许可上一年项目数量').fill('21');
    await staff.getByLabel('行政许可本年增/减').fill('-1');
    await staff.getByLabel('行政许可处理决定数量').fill('-412');
    await staff.getByLabel('行政处罚处理决定数量').fill('356');
    await staff.getByRole('textbox', { name: '五、存在的主要问题及改进情况' }).fill(SECTION5);
    await staff.getByRole('button', { name: label('保存') }).click();
    await toast(staff, '已保存');
    const checks = staff.locator('[data-panel="checks"]');
    await checks.getByText('表二「行政许可」行「处理决定数量」列').waitFor();
    await checks.getByText('有 1 处问题，改正后才能发布').waitFor();
    await shot(staff, '02-checks');
    await staff.getByLabel('行政许可处理决定数量').fill('412');
    await staff.getByRole('button', { name: label('保存') }).click();
    await checks.getByText('检查通过，可以发布').waitFor();
    await staff.locator('[data-action="publish"]').click();
    await staff.locator('.ant-popconfirm').getByRole('button', { name: label('发布') }).click();
    await toast(staff, '已发布到政府信息公开平台');
    await staff.locator('.gk-tag[data-state="published"]').first().waitFor();
    await staff.locator(`a[href="/portal/annual-reports/${reportId}"]`).waitFor();
    await shot(staff, '03-published');
  });

  it('the public sees it on /portal/annual-reports, with the template\'s headings and the numbers', async () => {
    const pub = await newPage();
    await pub.goto('/portal/annual-reports');
    await pub.getByRole('link', { name: TITLE }).click();
    await pub.waitForURL(new RegExp(`/portal/annual-reports/${reportId}$`));
    await pub.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      await pub.getByRole('heading', { name: h }).waitFor();
    }
    await pub.getByText(SECTION5).waitFor();
    const row = pub.locator('table.gk-ar-t3 tr').filter({ hasText: '一、本年新收政府信息公开申请数量' }).locator('td');
    expect((await row.allTextContents()).map((s) => s.trim())).toEqual(['3', '1', '0', '0', '0', '0', '4']);
    const licence = pub.locator('table.gk-ar-t2 tr').filter({ hasText: '行政许可' }).locator('td');
    expect((await licence.allTextContents()).map((s) => s.trim())).toEqual(['21', '-1', '412']);
    await shot(pub, '04-portal');
    expect(await axeViolations(pub)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
