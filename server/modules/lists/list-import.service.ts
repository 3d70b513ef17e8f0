/**
 * Importing a notice into a tracked list: read the file, interpret it, resolve its units against the
 * directory, and store the list as a draft — in one transaction, so a failure stores nothing.
 * Re-importing a revised notice into an existing list shows, then applies, what changed.
 */
import type { Transaction } from 'kysely';
import type { Database, Task } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { flag, now } from '../../db/portable.ts';
import type { Actor } from '../../platform/actor.ts';
import { AuthenticationError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { createPlaceholderUnit, ensureGroup, loadResolver } from '../directory/index.ts';
import { readNoticeFile } from './import/notice-importer.ts';
import type { ImportResult, ImportWarning } from './import/import.types.ts';
import { assignmentDelta, expandTask, planImport, type ImportPlan } from './import-plan.ts';
import { diffTasks, type ListDiff, type ComparableTask } from './list-diff.ts';
import { LIST_KINDS, type ListKind } from './list-kinds.ts';
import * as repo from './lists.repository.ts';
import { canManageLists } from './lists.policy.ts';
import { comparableTask, presentList, type ListView } from './lists.presenter.ts';
import { runListPublishedHandlers } from './lists.service.ts';

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
}

function requireManager(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canManageLists(actor)) throw new ForbiddenError('LIST_FORBIDDEN', '只有政务公开办可以导入和维护清单');
}

/**
 * Reads and interprets a notice file (no database): text (UTF-8, GBK), .docx, HTML, .doc, PDF.
 * `text` is the plain-text rendering stored as the notice's source. Throws coded IMPORT_* errors.
 */
export async function readNotice(input: ImportInput): Promise<{ text: string; result: ImportResult }> {
  if (input.bytes.byteLength === 0) throw new ValidationError('IMPORT_EMPTY_FILE', '上传的文件为空');
  return readNoticeFile(input.bytes, input.fileName);
}

/** The task fields a notice states, from an import result. */
function comparableFromImport(result: ImportResult): ComparableTask[] {
  return result.tasks.map((t) => ({
    seq: t.seq, section: t.section, subsection: t.subsection, text: t.text, leadUnits: t.leadUnits,
    responsibleUnits: t.responsibleUnits, eachLeads: t.eachLeads, merged: t.merged, dueDate: t.dueDate,
    deadlineText: t.deadlineText, recurrence: t.recurrence, target: t.target,
  }));
}

export interface ImportPreview {
  result: ImportResult;
  /** Warnings of the importer and of unit resolution, in line order */
  warnings: ImportWarning[];
  unknownUnits: string[];
  assignmentCount: number;
  /** Lists already imported from a notice with the same 文号 */
  existingLists: { id: number; title: string }[];
}

function allWarnings(result: ImportResult, plan: ImportPlan): ImportWarning[] {
  return [...result.warnings, ...plan.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Shows what an import would store, without storing anything. */
export async function previewImport(db: Db, actor: Actor, input: ImportInput): Promise<ImportPreview> {
  requireManager(actor);
  const { result } = await readNotice(input);
  const plan = planImport(result, await loadResolver(db));
  const existingLists = result.notice.docNumber ? await repo.findListsByDocNumber(db, result.notice.docNumber) : [];
  return { result, warnings: allWarnings(result, plan), unknownUnits: plan.unknownNames, assignmentCount: plan.assignmentCount, existingLists };
}

export interface ImportOutcome {
  list: ListView;
  taskCount: number;
  assignmentCount: number;
  warnings: ImportWarning[];
  placeholders: { id: number; name: string }[];
}

function listYear(result: ImportResult): number {
  return result.notice.year ?? (result.notice.issuedOn ? Number(result.notice.issuedOn.slice(0, 4)) : new Date().getFullYear());
}

/**
 * Stores a notice as a new draft list (or published, when asked): notice, sections, tasks, and the
 * assignments expanded from unit groups. Unknown unit names become placeholder units with a
 * warning. A notice none of whose units the directory knows is refused.
 */
export async function importNotice(
  db: Db, actor: Actor, input: ImportInput & { kind?: ListKind; title?: string; publish?: boolean },
): Promise<ImportOutcome> {
  requireManager(actor);
  const kind = input.kind ?? 'responsibility';
  if (!Object.hasOwn(LIST_KINDS, kind)) throw new ValidationError('LIST_INVALID_KIND', `未知清单类型：${kind}`);
  const { text, result } = await readNotice(input);
  return db.transaction().execute(async (trx) => {
    const plan = planImport(result, await loadResolver(trx));
    if (plan.knownPhraseCount === 0) {
      throw new ValidationError('IMPORT_NO_KNOWN_UNITS', '清单中的单位在单位名录中均未找到：请先导入单位名录（gongkai units import）再导入清单', { unknownUnits: plan.unknownNames });
    }
    const at = now();
    const notice = await repo.insertNotice(trx, {
      title: result.notice.title, docNumber: result.notice.docNumber, issuer: result.notice.issuer,
      issuedOn: result.notice.issuedOn, year: result.notice.year, sourceFileName: input.fileName, sourceText: text, createdAt: at,
    });
    const placeholders = await createPlaceholders(trx, actor, plan);
    const annexGroupId = plan.annexGroup
      ? (plan.annexGroup.groupId ?? (await ensureGroup(trx, actor, plan.annexGroup.name, plan.annexGroup.members.map((m) => ('unitId' in m ? m.unitId : placeholders.get(m.unknownName)!)))))
      : null;
    const warnings = allWarnings(result, plan);
    const title = input.title?.trim() || result.listTitle || result.notice.title || input.fileName;
    let list = await repo.insertList(trx, {
      kind, year: listYear(result), title, noticeId: notice.id, state: 'draft', annexGroupId,
      importWarnings: JSON.stringify(warnings), createdBy: actor.kind === 'user' ? actor.userId : null,
      publishedAt: null, createdAt: at, updatedAt: at,
    });
    const assignmentCount = await writeTasks(trx, list.id, result, plan, placeholders, []);
    await recordAudit(trx, actor, {
      action: 'import_list', resourceType: 'list', resourceId: list.id,
      after: { title, fileName: input.fileName, docNumber: result.notice.docNumber, tasks: result.tasks.length, assignments: assignmentCount, placeholders: [...placeholders.keys()] },
    });
    if (input.publish) {
      list = await repo.updateList(trx, list.id, { state: 'published', publishedAt: at, updatedAt: at });
      await runListPublishedHandlers(trx, list);
      await recordAudit(trx, actor, { action: 'publish_list', resourceType: 'list', resourceId: list.id, before: { state: 'draft' }, after: { state: 'published' } });
    }
    return {
      list: presentList(list, result.tasks.length), taskCount: result.tasks.length, assignmentCount, warnings,
      placeholders: [...placeholders].map(([name, id]) => ({ id, name })),
    };
  });
}

export async function createPlaceholders(trx: Transaction<Database>, actor: Actor, plan: ImportPlan): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const name of plan.unknownNames) ids.set(name, await createPlaceholderUnit(trx, actor, name));
  return ids;
}

/**
 * Makes the list's sections and tasks those of `result`: tasks matched by 序号 are updated in place
 * (keeping their assignments where unit and role stay), new ones inserted, missing ones deleted;
 * assignments are synchronised to the plan. Returns the list's assignment count.
 */
async function writeTasks(
  trx: Transaction<Database>, listId: number, result: ImportResult, plan: ImportPlan,
  placeholders: Map<string, number>, existing: Task[],
): Promise<number> {
  const at = now();
  await repo.deleteSections(trx, listId);
  const sectionIds = new Map<string, number>();
  let position = 0;
  for (const h of result.headings) {
    const parentId = h.level === 2 && h.parent ? (sectionIds.get(`1:${h.parent}`) ?? null) : null;
    const s = await repo.insertSection(trx, { listId, parentId, level: h.level, numeral: h.numeral, title: h.title, position: position++ });
    sectionIds.set(h.level === 1 ? `1:${h.numeral}` : `2:${h.parent}:${h.numeral}`, s.id);
  }
  const bySeq = new Map(existing.map((t) => [t.seq, t]));
  const planBySeq = new Map(plan.tasks.map((p) => [p.seq, p]));
  const keep = new Set<number>();
  const newAssignments: { taskId: number; unitId: number; role: string; createdAt: string }[] = [];
  let total = 0;
  const rows = result.tasks.map((t) => ({
    listId, seq: t.seq, text: t.text,
    sectionId: t.section ? (sectionIds.get(`1:${t.section}`) ?? null) : null,
    subsectionId: t.subsection ? (sectionIds.get(`2:${t.section}:${t.subsection}`) ?? null) : null,
    leadUnits: JSON.stringify(t.leadUnits), responsibleUnits: JSON.stringify(t.responsibleUnits),
    eachLeads: flag(t.eachLeads), merged: flag(t.merged), dueDate: t.dueDate, deadlineText: t.deadlineText,
    recurrence: t.recurrence, target: t.target, sourceLine: t.line, sourceText: t.source, updatedAt: at,
  }));
  // New tasks in one multi-row insert (one round trip on PostgreSQL); tasks already stored are updated.
  const inserted = await repo.insertTasks(trx, rows.filter((r) => !bySeq.has(r.seq)).map((r) => ({ ...r, createdAt: at })));
  const idBySeq = new Map(inserted.map((t) => [t.seq, t.id]));
  for (const row of rows) {
    const old = bySeq.get(row.seq);
    if (old) idBySeq.set(row.seq, (await repo.updateTask(trx, old.id, row)).id);
  }
  for (const t of result.tasks) {
    const taskId = idBySeq.get(t.seq)!;
    const old = bySeq.get(t.seq);
    keep.add(taskId);
    const wanted = expandTask(planBySeq.get(t.seq)!, (name) => placeholders.get(name)!);
    total += wanted.length;
    const delta = assignmentDelta(old ? await repo.findAssignmentsOfTask(trx, taskId) : [], wanted);
    await repo.deleteAssignments(trx, delta.deleteIds);
    for (const w of delta.insert) newAssignments.push({ taskId, unitId: w.unitId, role: w.role, createdAt: at });
  }
  await repo.deleteTasks(trx, existing.filter((t) => !keep.has(t.id)).map((t) => t.id));
  await repo.insertAssignments(trx, newAssignments);
  return total;
}

async function storedComparable(db: Db | Transaction<Database>, listId: number): Promise<{ tasks: Task[]; comparable: ComparableTask[] }> {
  const [tasks, sections] = await Promise.all([repo.findTasks(db, listId), repo.findSections(db, listId)]);
  const numerals = new Map(sections.map((s) => [s.id, s.numeral]));
  return { tasks, comparable: tasks.map((t) => comparableTask(t, numerals)) };
}

export interface ReimportPreview {
  diff: ListDiff;
  warnings: ImportWarning[];
  unknownUnits: string[];
  assignmentCount: number;
}

/** What a revised notice would change in a stored list. */
export async function previewReimport(db: Db, actor: Actor, listId: number, input: ImportInput): Promise<ReimportPreview> {
  requireManager(actor);
  const list = await repo.findListById(db, listId);
  if (!list) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${listId}`);
  const { result } = await readNotice(input);
  const plan = planImport(result, await loadResolver(db));
  const { comparable } = await storedComparable(db, listId);
  return { diff: diffTasks(comparable, comparableFromImport(result)), warnings: allWarnings(result, plan), unknownUnits: plan.unknownNames, assignmentCount: plan.assignmentCount };
}

/**
 * Applies a revised notice to a stored list (draft or published): tasks are matched by 序号, so
 * assignments of unchanged units are kept. Returns what changed.
 */
export async function applyReimport(db: Db, actor: Actor, listId: number, input: ImportInput): Promise<{ diff: ListDiff; assignmentCount: number; warnings: ImportWarning[] }> {
  requireManager(actor);
  const { text, result } = await readNotice(input);
  return db.transaction().execute(async (trx) => {
    const list = await repo.findListById(trx, listId);
    if (!list) throw new NotFoundError('LIST_NOT_FOUND', `清单不存在：${listId}`);
    const plan = planImport(result, await loadResolver(trx));
    if (plan.knownPhraseCount === 0) throw new ValidationError('IMPORT_NO_KNOWN_UNITS', '清单中的单位在单位名录中均未找到', { unknownUnits: plan.unknownNames });
    const { tasks, comparable } = await storedComparable(trx, listId);
    const diff = diffTasks(comparable, comparableFromImport(result));
    const placeholders = await createPlaceholders(trx, actor, plan);
    const at = now();
    const notice = await repo.insertNotice(trx, {
      title: result.notice.title, docNumber: result.notice.docNumber, issuer: result.notice.issuer, issuedOn: result.notice.issuedOn,
      year: result.notice.year, sourceFileName: input.fileName, sourceText: text, createdAt: at,
    });
    const assignmentCount = await writeTasks(trx, listId, result, plan, placeholders, tasks);
    const warnings = allWarnings(result, plan);
    await repo.updateList(trx, listId, { noticeId: notice.id, importWarnings: JSON.stringify(warnings), updatedAt: at });
    await recordAudit(trx, actor, {
      action: 'reimport_list', resourceType: 'list', resourceId: listId,
      before: { noticeId: list.noticeId }, after: { noticeId: notice.id, added: diff.added.map((t) => t.seq), removed: diff.removed.map((t) => t.seq), changed: diff.changed.map((c) => c.seq) },
    });
    return { diff, assignmentCount, warnings };
  });
}
