/**
 * 重大行政决策事项目录: the yearly catalogue of major administrative decisions (《重大行政决策程序
 * 暂行条例》第十条). The office compiles a year's items and publishes the catalogue; then it is public.
 * Each item moves through 征求意见 → 审议 → 公布 → 执行 → 评估: its undertaking unit (承办单位) or
 * the office moves it forward, only the office moves it back. Consultations link to their item.
 */
import type { Db } from '../../db/create-db.ts';
import type { DecisionItem } from '../../db/database.ts';
import { now } from '../../db/portable.ts';
import { canReadAll, type Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { getUnit, unitNames } from '../directory/index.ts';
import { canAdvanceStage, canEditCatalogue, canMoveStageBack, canSeeConsultation, canSeeDecisionItem } from './consultations.policy.ts';
import { consultationRef, presentDecisionItem, type DecisionItemView } from './consultations.presenter.ts';
import * as repo from './consultations.repository.ts';
import { cleanText, DECISION_STAGE_ORDER, DECISION_STAGES, isDecisionStage, stageStep, type DecisionStage } from './consultations.states.ts';

export interface DecisionItemInput {
  year: number;
  seq?: number;
  unitId: number;
  title: string;
  basis?: string | null;
  plannedBy?: string | null;
  stage?: string;
}

export interface DecisionYear {
  year: number;
  /** items this actor sees */
  items: number;
  publishedItems: number;
  /** every item of the year is published */
  published: boolean;
}

function requireOffice(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canEditCatalogue(actor)) throw new ForbiddenError('DECISION_FORBIDDEN', '重大行政决策事项目录由政务公开办（政府办公室）编制和发布');
}

function visibility(actor: Actor): { publishedOnly?: boolean; visibleToUnit?: number | null } {
  if (canReadAll(actor)) return {};
  if (actor.kind === 'user') return { visibleToUnit: actor.unitId };
  return { publishedOnly: true };
}

function allowedStages(actor: Actor, d: DecisionItem): DecisionStage[] {
  return DECISION_STAGE_ORDER.filter((s) => {
    const step = stageStep(d.stage, s);
    return step > 0 ? canAdvanceStage(actor, d) : step < 0 ? canMoveStageBack(actor) : false;
  });
}

async function present(db: Db, actor: Actor, items: DecisionItem[]): Promise<DecisionItemView[]> {
  if (!items.length) return [];
  const day = today();
  const [names, consultations] = await Promise.all([unitNames(db, [...new Set(items.map((i) => i.unitId))]), repo.findConsultationsOfItems(db, items.map((i) => i.id))]);
  return items.map((d) => presentDecisionItem(
    d, names.get(d.unitId)?.name ?? '',
    consultations.filter((c) => c.decisionItemId === d.id && canSeeConsultation(actor, c)).map((c) => consultationRef(c, day)),
    allowedStages(actor, d),
  ));
}

async function loadVisible(db: Db, actor: Actor, id: number): Promise<DecisionItem> {
  const d = await repo.findDecisionItem(db, id);
  if (!d || !canSeeDecisionItem(actor, d)) throw new NotFoundError('DECISION_NOT_FOUND', `重大行政决策事项不存在：${id}`);
  return d;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError('DECISION_INVALID_YEAR', `年度不正确：${year}`);
}

async function checkUnit(db: Db, unitId: number): Promise<void> {
  if (!(await getUnit(db, unitId))) throw new ValidationError('DECISION_UNIT_NOT_FOUND', `承办单位不存在：${unitId}`);
}

// ---- reading ----

/** The catalogue items this actor sees: published ones for the public; a unit also sees its own; the office and observers all. */
export async function listDecisionItems(db: Db, actor: Actor, f: { year?: number; unitId?: number; stage?: string }): Promise<DecisionItemView[]> {
  if (f.stage && !isDecisionStage(f.stage)) throw new ValidationError('DECISION_INVALID_STAGE', `决策阶段不正确：${f.stage}`);
  return present(db, actor, await repo.findDecisionItems(db, { ...f, ...visibility(actor) }));
}

/** The catalogue's years, with how many items each has (as this actor sees them). */
export async function listDecisionYears(db: Db, actor: Actor): Promise<DecisionYear[]> {
  const rows = await repo.decisionYears(db, visibility(actor));
  return rows.map((r) => ({ year: r.year, items: r.items, publishedItems: r.publishedItems, published: r.items > 0 && r.items === r.publishedItems }));
}

export async function getDecisionItem(db: Db, actor: Actor, id: number): Promise<DecisionItemView> {
  return (await present(db, actor, [await loadVisible(db, actor, id)]))[0]!;
}

// ---- the office compiles the catalogue ----

export async function createDecisionItem(db: Db, actor: Actor, input: DecisionItemInput): Promise<DecisionItemView> {
  requireOffice(actor);
  checkYear(input.year);
  const title = cleanText(input.title);
  if (!title) throw new ValidationError('DECISION_TITLE_REQUIRED', '请填写决策事项名称');
  const stage = input.stage ?? 'consultation';
  if (!isDecisionStage(stage)) throw new ValidationError('DECISION_INVALID_STAGE', `决策阶段不正确：${stage}`);
  await checkUnit(db, input.unitId);
  const item = await db.transaction().execute(async (trx) => {
    const seq = input.seq ?? (await repo.nextDecisionSeq(trx, input.year));
    if (await repo.isDecisionSeqTaken(trx, input.year, seq)) throw new ConflictError('DECISION_SEQ_TAKEN', `${input.year}年目录中已有序号为${seq}的事项`);
    const at = now();
    let row: DecisionItem;
    try {
      row = await repo.insertDecisionItem(trx, {
        year: input.year, seq, unitId: input.unitId, title, basis: cleanText(input.basis), plannedBy: cleanText(input.plannedBy), stage, published: 0, createdAt: at, updatedAt: at,
      });
    } catch (e) {
      if (repo.isUniqueViolation(e)) throw new ConflictError('DECISION_SEQ_TAKEN', `${input.year}年目录中已有序号为${seq}的事项`);
      throw e;
    }
    await recordAudit(trx, actor, { action: 'create_decision_item', resourceType: 'decisionItem', resourceId: row.id, after: row });
    return row;
  });
  return getDecisionItem(db, actor, item.id);
}

export async function updateDecisionItem(
  db: Db, actor: Actor, id: number, patch: { year?: number; seq?: number; unitId?: number; title?: string; basis?: string | null; plannedBy?: string | null },
): Promise<DecisionItemView> {
  requireOffice(actor);
  if (patch.year !== undefined) checkYear(patch.year);
  if (patch.title !== undefined && !cleanText(patch.title)) throw new ValidationError('DECISION_TITLE_REQUIRED', '请填写决策事项名称');
  if (patch.unitId !== undefined) await checkUnit(db, patch.unitId);
  await db.transaction().execute(async (trx) => {
    const before = await repo.findDecisionItem(trx, id);
    if (!before) throw new NotFoundError('DECISION_NOT_FOUND', `重大行政决策事项不存在：${id}`);
    const year = patch.year ?? before.year;
    const seq = patch.seq ?? before.seq;
    if ((year !== before.year || seq !== before.seq) && (await repo.isDecisionSeqTaken(trx, year, seq, id))) {
      throw new ConflictError('DECISION_SEQ_TAKEN', `${year}年目录中已有序号为${seq}的事项`);
    }
    let after: DecisionItem;
    try {
      after = await repo.updateDecisionItem(trx, id, {
        year, seq, unitId: patch.unitId ?? before.unitId, title: cleanText(patch.title) ?? before.title,
        basis: patch.basis !== undefined ? cleanText(patch.basis) : before.basis, plannedBy: patch.plannedBy !== undefined ? cleanText(patch.plannedBy) : before.plannedBy,
        updatedAt: now(),
      });
    } catch (e) {
      if (repo.isUniqueViolation(e)) throw new ConflictError('DECISION_SEQ_TAKEN', `${year}年目录中已有序号为${seq}的事项`);
      throw e;
    }
    await recordAudit(trx, actor, { action: 'update_decision_item', resourceType: 'decisionItem', resourceId: id, before, after });
  });
  return getDecisionItem(db, actor, id);
}

/** Deletes an item entered by mistake: not once published, not when a consultation links to it. */
export async function deleteDecisionItem(db: Db, actor: Actor, id: number): Promise<void> {
  requireOffice(actor);
  await db.transaction().execute(async (trx) => {
    const before = await repo.findDecisionItem(trx, id);
    if (!before) throw new NotFoundError('DECISION_NOT_FOUND', `重大行政决策事项不存在：${id}`);
    if (before.published === 1) throw new ConflictError('DECISION_PUBLISHED', '该事项已随目录公布，不能删除；如需调整请修改事项内容');
    if ((await repo.countConsultationsOfItem(trx, id)) > 0) throw new ConflictError('DECISION_HAS_CONSULTATIONS', '该事项已关联意见征集，不能删除');
    await repo.deleteDecisionItem(trx, id);
    await recordAudit(trx, actor, { action: 'delete_decision_item', resourceType: 'decisionItem', resourceId: id, before });
  });
}

/**
 * Publishes (or withdraws) a year's catalogue: every item of the year becomes public (or not). Items
 * added later stay unpublished until the catalogue is published again.
 */
export async function publishDecisionCatalogue(db: Db, actor: Actor, year: number, published: boolean): Promise<DecisionYear> {
  requireOffice(actor);
  checkYear(year);
  await db.transaction().execute(async (trx) => {
    const n = await repo.setYearPublished(trx, year, published ? 1 : 0, now());
    if (!n) throw new ConflictError('DECISION_CATALOGUE_EMPTY', `${year}年重大行政决策事项目录中还没有事项`);
    await recordAudit(trx, actor, { action: published ? 'publish_decision_catalogue' : 'withdraw_decision_catalogue', resourceType: 'decisionCatalogue', resourceId: year, after: { year, published, items: n } });
  });
  const years = await listDecisionYears(db, actor);
  return years.find((y) => y.year === year) ?? { year, items: 0, publishedItems: 0, published: false };
}

// ---- the stage ----

/** Moves an item to another stage: forward by its unit or the office, back by the office only. */
export async function moveDecisionStage(db: Db, actor: Actor, id: number, input: { stage: string; note?: string | null }): Promise<DecisionItemView> {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!isDecisionStage(input.stage)) throw new ValidationError('DECISION_INVALID_STAGE', `决策阶段不正确：${input.stage}`);
  const to = input.stage;
  await db.transaction().execute(async (trx) => {
    const d = await repo.findDecisionItem(trx, id);
    if (!d || !canSeeDecisionItem(actor, d)) throw new NotFoundError('DECISION_NOT_FOUND', `重大行政决策事项不存在：${id}`);
    const step = stageStep(d.stage, to);
    if (!canAdvanceStage(actor, d)) throw new ForbiddenError('DECISION_FORBIDDEN', '只有承办单位或政务公开办可以更新决策阶段');
    if (step === 0) throw new ConflictError('DECISION_STAGE_UNCHANGED', `该事项已处于“${DECISION_STAGES[to]}”阶段`);
    if (step < 0 && !canMoveStageBack(actor)) {
      throw new ForbiddenError('DECISION_STAGE_BACKWARD_FORBIDDEN', `决策阶段只能向后推进；退回到“${DECISION_STAGES[to]}”须由政务公开办操作`);
    }
    const ok = await repo.updateDecisionStageIf(trx, id, d.stage, to, now());
    if (!ok) throw new ConflictError('DECISION_CHANGED', '该事项的阶段刚刚已被更新，请刷新后重试');
    await recordAudit(trx, actor, { action: 'move_decision_stage', resourceType: 'decisionItem', resourceId: id, before: { stage: d.stage }, after: { stage: to, note: cleanText(input.note) } });
  });
  return getDecisionItem(db, actor, id);
}

