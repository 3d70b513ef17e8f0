/**
 * First start of an empty installation: the office unit and its admin account (a one-time password,
 * returned for the console once), and — unless turned off — the demo data: the Jiaxing unit
 * directory and the seed notice 《2020年嘉兴市政务公开重点工作责任清单》, imported and published.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../create-db.ts';
import { isPostgres } from '../portable.ts';
import { systemActor } from '../../platform/actor.ts';
import { countUnits, createUnit, listUnits, seedJiaxingDirectory } from '../../modules/directory/index.ts';
import { countUsers, createUser } from '../../modules/identity/index.ts';
import { countLists, importNotice } from '../../modules/lists/index.ts';
import { seedDemoProgress } from '../../modules/progress/index.ts';
import { seedDemoRequests } from '../../modules/requests/index.ts';
import { seedDemoConsultations } from '../../modules/consultations/index.ts';
import { seedDemoNormative } from '../../modules/normative/index.ts';
import { seedDemoGazette } from '../../modules/gazette/index.ts';
import { seedDemoInterpretations } from '../../modules/interpretations/index.ts';
import { seedDemoInspections } from '../../modules/inspections/index.ts';
import { seedDemoAnnualReports } from '../../modules/annual-reports/index.ts';
import { seedDefaultCatalogues, seedDemoPublications } from '../../modules/publications/index.ts';
import { seedDemoEvaluations } from '../../modules/evaluations/index.ts';

export const SEED_NOTICE_FILE = new URL('./jiaxing-2020-openness-notice.txt', import.meta.url);

export interface FirstStartResult {
  /** Set when the admin account was created now: print it once */
  admin: { username: string; oneTimePassword: string } | null;
  demo: { listId: number; tasks: number; assignments: number; units: number; accounts: number; reports: number; requests: number; publications: number } | null;
}

/** An arbitrary constant naming the first start's advisory lock on PostgreSQL. */
const FIRST_START_LOCK = 7_410_363;
let sqliteTurn: Promise<unknown> = Promise.resolve();

/**
 * Prepares an empty database; does nothing to one that already has accounts or data. Several
 * server processes starting at once on one PostgreSQL database take turns (an advisory lock held on
 * one connection): the first prepares it, the others find it prepared.
 */
export async function ensureFirstStart(db: Db, options: { demoData: boolean }): Promise<FirstStartResult> {
  if (!isPostgres(db)) {
    // SQLite serves one process: calls in it take turns
    const run = sqliteTurn.then(() => firstStart(db, options));
    sqliteTurn = run.catch(() => undefined);
    return run;
  }
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${FIRST_START_LOCK})`.execute(conn);
    try {
      return await firstStart(conn, options);
    } finally {
      await sql`SELECT pg_advisory_unlock(${FIRST_START_LOCK})`.execute(conn);
    }
  });
}

async function firstStart(db: Db, options: { demoData: boolean }): Promise<FirstStartResult> {
  const actor = systemActor('first-start');
  const result: FirstStartResult = { admin: null, demo: null };
  let demoList: { listId: number; tasks: number; assignments: number; units: number } | null = null;
  if (options.demoData && (await countUnits(db)) === 0 && (await countLists(db)) === 0) {
    const dir = await seedJiaxingDirectory(db, actor);
    const outcome = await importNotice(db, actor, {
      fileName: '2020年嘉兴市政务公开重点工作责任清单.txt', bytes: fs.readFileSync(SEED_NOTICE_FILE), kind: 'responsibility', publish: true,
    });
    demoList = { listId: outcome.list.id, tasks: outcome.taskCount, assignments: outcome.assignmentCount, units: dir.created };
  }
  // the default 主动公开 catalogue trees (the government's, and one per unit already in the directory)
  await seedDefaultCatalogues(db, actor);
  let adminId: number | null = null;
  if ((await countUsers(db)) === 0) {
    const offices = await listUnits(db, { kind: 'office' });
    const officeUnit = offices[0] ?? (await createUnit(db, actor, { name: '政务公开办', kind: 'office' }));
    const { user, oneTimePassword } = await createUser(db, actor, { username: 'admin', displayName: '政务公开办管理员', unitId: officeUnit.id, role: 'office' });
    result.admin = { username: 'admin', oneTimePassword: oneTimePassword! };
    adminId = user.id;
  }
  if (demoList && adminId !== null) {
    // One liaison account per unit (dw<unit id>, locked behind a one-time password the office can
    // reset in 账号管理), and a year of their reports.
    const userOfUnit = new Map<number, number>();
    for (const u of await listUnits(db)) {
      if (u.kind === 'office') {
        userOfUnit.set(u.id, adminId);
        continue;
      }
      const { user } = await createUser(db, actor, { username: `dw${u.id}`, displayName: `${u.shortName ?? u.name}联络员`, unitId: u.id, role: 'unitAdmin' });
      userOfUnit.set(u.id, user.id);
    }
    const { reports } = await seedDemoProgress(db, actor, demoList.listId, userOfUnit, adminId);
    const requests = await seedDemoRequests(db, actor);
    await seedDemoConsultations(db, actor); // the 2020 decision catalogue and consultations
    const publications = await seedDemoPublications(db, actor, userOfUnit);
    await seedDemoNormative(db, actor, adminId); // 行政规范性文件 2018–2020 through the publications workflow, cleanup campaigns
    // 政策解读 first (it ensures the demo policies are published), then 政府公报 (links documents to them)
    await seedDemoInterpretations(db, actor);
    await seedDemoGazette(db, actor);
    await seedDemoInspections(db, actor); // 督查整改: the 2020 website check (published) and third-party evaluation findings
    await seedDemoAnnualReports(db, actor); // 2020 年报: 市市场监管局 published, 市生态环境局 and the city government drafts, from the demo requests
    await seedDemoEvaluations(db, actor); // the 2020 考核评价 (last: it scores the demo records above)
    result.demo = { ...demoList, accounts: userOfUnit.size - 1, reports, requests, publications };
  }
  return result;
}
