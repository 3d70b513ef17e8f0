/**
 * Demo data for a newcomer's first start: a year of quarterly progress reports on the seed list, so
 * the workbench, matrix and public pages show a living system. Deterministic (seeded random).
 * Reports are written through the repository in bulk and recorded as one audit entry.
 */
import type { Db } from '../../db/create-db.ts';
import type { ProgressReport } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../audit/index.ts';
import { findAssignmentFacts, findListById } from '../lists/index.ts';
import { ensureListPeriods } from './progress.service.ts';
import * as repo from './progress.repository.ts';

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = [
  '已印发工作方案，明确责任科室和联络人，按季度梳理推进情况',
  '已在门户网站政府信息公开专栏更新相关栏目，本季度新增公开信息',
  '已组织专题培训，对照清单逐项自查，发现问题已整改',
  '已建立工作台账，按月跟踪，相关信息均在规定时限内公开',
  '已完成栏目梳理和内容更新，并通过政务新媒体同步发布',
];

function shortText(t: string): string {
  const s = t.replace(/[《》“”]/g, '').split(/[，。；]/)[0] ?? t;
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}

function at(date: string, hour: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Seeds a year of reports on a published list; `userOfUnit` gives the reporting account per unit. */
export async function seedDemoProgress(db: Db, actor: Actor, listId: number, userOfUnit: Map<number, number>, reviewerUserId: number): Promise<{ reports: number }> {
  const rand = prng(20200702);
  return db.transaction().execute(async (trx) => {
    const list = (await findListById(trx, listId))!;
    await ensureListPeriods(trx, list);
    const periods = (await repo.findPeriods(trx, listId)).filter((p) => p.taskId === null);
    const facts = await findAssignmentFacts(trx, { listId });
    const rows: Omit<ProgressReport, 'id'>[] = [];
    // About a third of the tasks are finished by every unit in the last quarter.
    const finished = new Set([...new Set(facts.map((f) => f.taskId))].filter(() => rand() < 0.35));
    for (const f of facts) {
      const done = finished.has(f.taskId);
      const submitter = userOfUnit.get(f.unitId);
      if (!submitter) continue;
      periods.forEach((p, i) => {
        const last = i === periods.length - 1;
        const r = rand();
        const none = !done && (last ? r < 0.08 : r < 0.06);
        if (none) return;
        const day = addDays(p.dueOn, -Math.floor(rand() * 12));
        const text = `${i + 1 < 4 ? '本季度' : '全年'}围绕“${shortText(f.taskText)}”，${ACTIONS[Math.floor(rand() * ACTIONS.length)]}。`;
        const base = {
          assignmentId: f.assignmentId, periodId: p.id, evidenceLinks: JSON.stringify(rand() < 0.4 ? [`https://www.jiaxing.gov.cn/col/col1229426371/index.html`] : []),
          submittedBy: submitter, reviewedBy: reviewerUserId,
        };
        const returnedFirst = !done && rand() < (last ? 0.12 : 0.05);
        let version = 1;
        if (returnedFirst) {
          rows.push({ ...base, version: version++, text: `${text}（初稿）`, completed: 0, publicSummary: null, state: 'returned', submittedAt: at(day, 2), reviewedAt: at(addDays(day, 1), 3), reviewComment: '佐证材料不足，请补充公开页面链接后重新报送。', public: 0 });
          if (last && rand() < 0.5) return; // still awaiting the resubmission
        }
        const pending = !done && last && rand() < 0.15;
        const completed = last && (done || rand() < 0.5) ? 1 : 0;
        const isPublic = !pending && f.role === 'lead' && rand() < 0.6 ? 1 : 0;
        rows.push({
          ...base, version, text, completed, publicSummary: isPublic ? text : null, state: pending ? 'submitted' : 'accepted',
          submittedAt: at(addDays(day, returnedFirst ? 2 : 0), 2), reviewedBy: pending ? null : reviewerUserId,
          reviewedAt: pending ? null : at(addDays(day, returnedFirst ? 4 : 2), 6), reviewComment: null, public: isPublic,
        });
      });
    }
    await repo.insertReports(trx, rows);
    await repo.bumpRevision(trx, listId);
    await recordAudit(trx, actor, { action: 'seed_demo_progress', resourceType: 'list', resourceId: listId, after: { reports: rows.length } });
    return { reports: rows.length };
  });
}
