/**
 * First start of an empty installation: the office unit and its admin account (a one-time password,
 * returned for the console once), and — unless turned off — the demo data: the Jiaxing unit
 * directory and the seed notice 《2020年嘉兴市政务公开重点工作责任清单》, imported and published.
 */
import fs from 'node:fs';
import type { Db } from '../create-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { countUnits, createUnit, listUnits, seedJiaxingDirectory } from '../../modules/directory/index.ts';
import { countUsers, createUser } from '../../modules/identity/index.ts';
import { countLists, importNotice } from '../../modules/lists/index.ts';

export const SEED_NOTICE_FILE = new URL('./jiaxing-2020-openness-notice.txt', import.meta.url);

export interface FirstStartResult {
  /** Set when the admin account was created now: print it once */
  admin: { username: string; oneTimePassword: string } | null;
  demo: { listId: number; tasks: number; assignments: number; units: number } | null;
}

/** Prepares an empty database; does nothing to one that already has accounts or data. */
export async function ensureFirstStart(db: Db, options: { demoData: boolean }): Promise<FirstStartResult> {
  const actor = systemActor('first-start');
  const result: FirstStartResult = { admin: null, demo: null };
  if (options.demoData && (await countUnits(db)) === 0 && (await countLists(db)) === 0) {
    const dir = await seedJiaxingDirectory(db, actor);
    const outcome = await importNotice(db, actor, {
      fileName: '2020年嘉兴市政务公开重点工作责任清单.txt', bytes: fs.readFileSync(SEED_NOTICE_FILE), kind: 'responsibility', publish: true,
    });
    result.demo = { listId: outcome.list.id, tasks: outcome.taskCount, assignments: outcome.assignmentCount, units: dir.created };
  }
  if ((await countUsers(db)) === 0) {
    const offices = await listUnits(db, { kind: 'office' });
    const officeUnit = offices[0] ?? (await createUnit(db, actor, { name: '政务公开办', kind: 'office' }));
    const { oneTimePassword } = await createUser(db, actor, { username: 'admin', displayName: '政务公开办管理员', unitId: officeUnit.id, role: 'office' });
    result.admin = { username: 'admin', oneTimePassword: oneTimePassword! };
  }
  return result;
}
