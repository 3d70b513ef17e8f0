/**
 * 考核评价: the office builds a year's indicator set (指标体系) — a tree of indicators whose leaves
 * are computed from the platform's records or scored by hand — scores the units in its scope, and
 * publishes the result. Workflow draft → scoring → published. While a set is not published its
 * results are computed live from the records; publishing freezes them (evaluation_result), so a
 * published ranking does not change when the data does. A unit sees its own breakdown once scoring
 * has started, and the ranking once it is published; the office and observers see everything.
 *
 * Decisions (docs/adr/0009-evaluations.md): a group's points are the sum of its children's (never
 * entered); the whole tree must add up to the set's total points before scoring starts and when it
 * is published; a computed leaf gives max × share to 0.1 and full points when the unit had no
 * records of that kind (无此类事项); manual leaves are scored by deduction (an unscored unit keeps
 * full points, a deduction needs a note).
 */
import type { Transaction } from 'kysely';
import type { Database, Indicator, IndicatorSet } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { now, parseJson } from '../../db/portable.ts';
import type { Actor } from '../../platform/actor.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { getUnit, listUnits } from '../directory/index.ts';
import { findAssignmentFacts } from '../lists/index.ts';
import { METHODS, METRIC_KEYS, METRICS, NO_RECORDS, SET_STATES, type MetricKey, type SetState } from './evaluations.constants.ts';
import { computeMetric, type MetricMemo, type MetricResult } from './evaluations.metrics.ts';
import { canManageEvaluations, canReadAllResults, canReadBreakdown, canReadRanking, canReadSet } from './evaluations.policy.ts';
import {
  indicatorRow, presentIndicator, presentScore, presentSet, type IndicatorView, type ManualScoreView, type SetDetail, type SetView,
} from './evaluations.presenter.ts';
import * as repo from './evaluations.repository.ts';
import {
  buildTree, flatten, isTenth, rank, scoreComputed, scoreManual, scoreUnit, tenths, treeTotal, type IndicatorScore, type TreeNode, type UnitBreakdown,
} from './evaluations.scoring.ts';

type Trx = Transaction<Database>;
type Q = Db | Trx;

/** How deep the tree may go (一级 / 二级 / 三级 / 四级指标). */
export const MAX_DEPTH = 4;

// ---- checks ----

function requireUser(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
}

function requireManager(actor: Actor): void {
  requireUser(actor);
  if (!canManageEvaluations(actor)) throw new ForbiddenError('EVALUATION_FORBIDDEN', '只有政务公开办可以管理考核评价');
}

function setNotFound(id: number): NotFoundError {
  return new NotFoundError('EVALUATION_SET_NOT_FOUND', `考核指标体系不存在：${id}`);
}

async function loadSet(q: Q, actor: Actor, id: number): Promise<IndicatorSet> {
  const s = await repo.findSetById(q, id);
  if (!s || !canReadSet(actor, s)) throw setNotFound(id);
  return s;
}

/** A set that may still change: not published. */
function requireEditable(s: IndicatorSet): void {
  if (s.state === 'published') throw new ConflictError('EVALUATION_SET_PUBLISHED', `考核结果“${s.name}”已发布，不能再修改`);
}

async function loadIndicator(q: Q, id: number): Promise<Indicator> {
  const i = await repo.findIndicatorById(q, id);
  if (!i) throw new NotFoundError('EVALUATION_INDICATOR_NOT_FOUND', `考核指标不存在：${id}`);
  return i;
}

function cleanText(value: string, code: string, message: string): string {
  const t = value.trim();
  if (!t) throw new ValidationError(code, message);
  return t;
}

function checkPoints(value: number, what: string, allowZero: boolean): number {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new ValidationError('EVALUATION_POINTS_INVALID', `${what}须为${allowZero ? '不小于 0' : '大于 0'}的数：${value}`);
  }
  if (!isTenth(value)) throw new ValidationError('EVALUATION_POINTS_INVALID', `${what}最多保留一位小数：${value}`);
  return Math.round(value * 10) / 10;
}

function checkMetric(method: string, metric: string | null | undefined, params: Record<string, unknown> | undefined): { metric: string | null; params: Record<string, unknown> } {
  if (method === 'manual') return { metric: null, params: {} };
  if (!metric) throw new ValidationError('EVALUATION_METRIC_REQUIRED', `系统计算的指标须选择计算口径（可选：${METRIC_KEYS.join('、')}）`);
  if (!(METRIC_KEYS as string[]).includes(metric)) throw new ValidationError('EVALUATION_METRIC_UNKNOWN', `未知的计算口径：${metric}（可选：${METRIC_KEYS.join('、')}）`);
  const p = params ?? {};
  const out: Record<string, unknown> = {};
  if (metric === 'leadInterpretations' && p.target !== undefined) {
    if (typeof p.target !== 'number' || !Number.isInteger(p.target) || p.target < 1 || p.target > 20) {
      throw new ValidationError('EVALUATION_PARAMS_INVALID', `主要负责人解读的目标次数须为 1–20 的整数：${String(p.target)}`);
    }
    out.target = p.target;
  }
  const unknown = Object.keys(p).filter((k) => !(metric === 'leadInterpretations' && k === 'target'));
  if (unknown.length) throw new ValidationError('EVALUATION_PARAMS_INVALID', `计算口径“${METRICS[metric as MetricKey].label}”不接受参数：${unknown.join('、')}`);
  return { metric, params: out };
}

function checkMethod(method: string): void {
  if (!Object.hasOwn(METHODS, method)) throw new ValidationError('EVALUATION_METHOD_INVALID', `评分方式不正确：${method}（可选：computed 系统计算、manual 人工评分）`);
}

/** An evidence link: http(s), or a path on this site. */
function cleanEvidence(links: string[] | undefined): string[] {
  return (links ?? []).map((raw) => raw.trim()).filter(Boolean).map((t) => {
    if (t.startsWith('/') && !t.startsWith('//')) return t;
    let url: URL;
    try {
      url = new URL(t);
    } catch {
      throw new ValidationError('EVALUATION_EVIDENCE_URL_INVALID', `佐证材料链接不是有效网址：${t}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError('EVALUATION_EVIDENCE_URL_INVALID', `佐证材料链接只能是 http、https 网址或本站路径：${t}`);
    return url.href;
  });
}

// ---- scope and tree ----

interface ScopeUnit {
  id: number;
  name: string;
}

/** The units a set scores, ordered by id. */
async function scopeUnits(db: Q, s: IndicatorSet): Promise<ScopeUnit[]> {
  const units = await listUnits(db);
  const byId = new Map(units.map((u) => [u.id, u]));
  let ids: number[];
  if (s.scopeKind === 'units') ids = parseJson<number[]>(s.scopeUnitIds, []);
  else {
    const facts = await findAssignmentFacts(db, { publishedOnly: true });
    ids = [...new Set(facts.filter((f) => f.listYear === s.year).map((f) => f.unitId))]
      .filter((id) => byId.get(id) && byId.get(id)!.kind !== 'office' && !byId.get(id)!.placeholder);
  }
  return [...new Set(ids)].filter((id) => byId.has(id)).sort((a, b) => a - b).map((id) => ({ id, name: byId.get(id)!.name }));
}

async function treeOf(q: Q, setId: number): Promise<TreeNode[]> {
  return buildTree((await repo.findIndicators(q, setId)).map(indicatorRow));
}

/** What must hold before scoring starts and at publication: a tree adding up to the total, every leaf usable. */
function checkComplete(s: IndicatorSet, tree: TreeNode[]): void {
  if (!tree.length) throw new ConflictError('EVALUATION_TREE_EMPTY', '请先建立考核指标');
  const total = treeTotal(tree);
  if (tenths(total) !== tenths(s.totalPoints)) {
    throw new ConflictError('EVALUATION_TOTAL_MISMATCH', `各项指标分值合计 ${total} 分，与总分 ${s.totalPoints} 分不一致`, { treeTotal: total, totalPoints: s.totalPoints });
  }
  for (const n of flatten(tree)) {
    if (!n.isGroup && n.method === 'computed' && !(METRIC_KEYS as string[]).includes(n.metric ?? '')) {
      throw new ConflictError('EVALUATION_METRIC_REQUIRED', `指标“${n.name}”为系统计算，但未选择计算口径`);
    }
  }
}

async function detail(db: Db, s: IndicatorSet): Promise<SetDetail> {
  const tree = await treeOf(db, s.id);
  return { ...presentSet(s, treeTotal(tree)), indicators: flatten(tree).map(presentIndicator), units: await scopeUnits(db, s) };
}

// ---- sets ----

/** The sets the actor may see, newest year first (units: not drafts). */
export async function listSets(db: Db, actor: Actor, f: { year?: number } = {}): Promise<SetView[]> {
  requireUser(actor);
  const rows = (await repo.findSets(db, { year: f.year })).filter((s) => canReadSet(actor, s));
  const out: SetView[] = [];
  for (const s of rows) out.push(presentSet(s, treeTotal(await treeOf(db, s.id))));
  return out;
}

export async function getSet(db: Db, actor: Actor, id: number): Promise<SetDetail> {
  requireUser(actor);
  return detail(db, await loadSet(db, actor, id));
}

export interface SetInput {
  /** copy the indicator tree (not the scores) of this set */
  copyFromId?: number;
  year: number;
  name: string;
  description?: string | null;
  totalPoints?: number;
  scopeKind?: string;
  scopeUnitIds?: number[];
}

async function checkScope(q: Q, kind: string, unitIds: number[] | undefined): Promise<number[]> {
  if (kind !== 'lists' && kind !== 'units') throw new ValidationError('EVALUATION_SCOPE_INVALID', `考核范围不正确：${kind}（可选：lists 当年清单中承担任务的单位、units 指定单位）`);
  if (kind === 'lists') return [];
  const ids = [...new Set(unitIds ?? [])];
  if (!ids.length) throw new ValidationError('EVALUATION_SCOPE_EMPTY', '请指定参加考核的单位');
  for (const id of ids) if (!(await getUnit(q, id))) throw new ValidationError('EVALUATION_SCOPE_UNIT_NOT_FOUND', `单位不存在：${id}`);
  return ids.sort((a, b) => a - b);
}

/** Copies a set's indicator tree (names, rules, points, methods; not the scores) under another set. */
async function copyTree(trx: Trx, fromSetId: number, toSetId: number, at: string): Promise<number> {
  const rows = await repo.findIndicators(trx, fromSetId);
  const newId = new Map<number, number>();
  const pending = [...rows];
  // parents before children, whatever the stored order
  while (pending.length) {
    const i = pending.findIndex((r) => r.parentId === null || newId.has(r.parentId));
    const [r] = pending.splice(i === -1 ? 0 : i, 1);
    const created = await repo.insertIndicator(trx, {
      setId: toSetId, parentId: r!.parentId === null ? null : (newId.get(r!.parentId) ?? null), name: r!.name, description: r!.description, maxPoints: r!.maxPoints,
      sortOrder: r!.sortOrder, method: r!.method, metric: r!.metric, params: r!.params, createdAt: at, updatedAt: at,
    });
    newId.set(r!.id, created.id);
  }
  return rows.length;
}

/** Creates a draft indicator set for a year, empty or with the indicator tree of an earlier set (copyFromId). */
export async function createSet(db: Db, actor: Actor, input: SetInput): Promise<SetDetail> {
  requireManager(actor);
  const name = cleanText(input.name, 'EVALUATION_NAME_REQUIRED', '请填写考核名称');
  const totalPoints = checkPoints(input.totalPoints ?? 100, '总分', false);
  const scopeKind = input.scopeKind ?? 'lists';
  const row = await db.transaction().execute(async (trx) => {
    const scopeUnitIds = await checkScope(trx, scopeKind, input.scopeUnitIds);
    const source = input.copyFromId !== undefined ? await repo.findSetById(trx, input.copyFromId) : undefined;
    if (input.copyFromId !== undefined && !source) throw new ValidationError('EVALUATION_COPY_SOURCE_NOT_FOUND', `要复制的考核不存在：${input.copyFromId}`);
    const at = now();
    const created = await repo.insertSet(trx, {
      year: input.year, name, description: input.description?.trim() || null, totalPoints, scopeKind, scopeUnitIds: JSON.stringify(scopeUnitIds),
      state: 'draft', publishedAt: null, publishedBy: null, createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: at, updatedAt: at,
    });
    const copied = source ? await copyTree(trx, source.id, created.id, at) : 0;
    await recordAudit(trx, actor, { action: 'create_indicator_set', resourceType: 'indicator_set', resourceId: created.id, after: { ...created, copiedFrom: source?.id ?? null, indicatorsCopied: copied } });
    return created;
  });
  return detail(db, row);
}

/** Changes a set's name, description, total or scope (not once published). */
export async function updateSet(db: Db, actor: Actor, id: number, patch: Partial<SetInput>): Promise<SetDetail> {
  requireManager(actor);
  const row = await db.transaction().execute(async (trx) => {
    const before = await loadSet(trx, actor, id);
    requireEditable(before);
    const next: Partial<IndicatorSet> = {};
    if (patch.year !== undefined) next.year = patch.year;
    if (patch.name !== undefined) next.name = cleanText(patch.name, 'EVALUATION_NAME_REQUIRED', '请填写考核名称');
    if (patch.description !== undefined) next.description = patch.description?.trim() || null;
    if (patch.totalPoints !== undefined) next.totalPoints = checkPoints(patch.totalPoints, '总分', false);
    if (patch.scopeKind !== undefined || patch.scopeUnitIds !== undefined) {
      const kind = patch.scopeKind ?? before.scopeKind;
      next.scopeKind = kind;
      next.scopeUnitIds = JSON.stringify(await checkScope(trx, kind, patch.scopeUnitIds ?? parseJson<number[]>(before.scopeUnitIds, [])));
    }
    const after = await repo.updateSet(trx, id, { ...next, updatedAt: now() });
    await recordAudit(trx, actor, { action: 'update_indicator_set', resourceType: 'indicator_set', resourceId: id, before, after });
    return after;
  });
  return detail(db, row);
}

/** Deletes a set that is not published, with its indicators and scores. */
export async function deleteSet(db: Db, actor: Actor, id: number): Promise<void> {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const before = await loadSet(trx, actor, id);
    requireEditable(before);
    await repo.deleteSet(trx, id);
    await recordAudit(trx, actor, { action: 'delete_indicator_set', resourceType: 'indicator_set', resourceId: id, before });
  });
}

/** Starts scoring: the tree must add up to the total; units now see their own breakdown. */
export async function startScoring(db: Db, actor: Actor, id: number): Promise<SetDetail> {
  requireManager(actor);
  const row = await db.transaction().execute(async (trx) => {
    const before = await loadSet(trx, actor, id);
    if (before.state !== 'draft') throw new ConflictError('EVALUATION_INVALID_STATE', `该考核当前为“${SET_STATES[before.state as SetState] ?? before.state}”，只有草稿可以开始评分`);
    checkComplete(before, await treeOf(trx, id));
    if (!(await scopeUnits(trx, before)).length) throw new ConflictError('EVALUATION_SCOPE_EMPTY', `考核范围内没有单位（${before.year}年没有已发布清单中承担任务的单位，或未指定单位）`);
    if (!(await repo.updateSetIfState(trx, id, 'draft', { state: 'scoring', updatedAt: now() }))) throw new ConflictError('EVALUATION_CHANGED', '该考核刚刚已被其他人处理，请刷新后重试');
    await recordAudit(trx, actor, { action: 'start_scoring', resourceType: 'indicator_set', resourceId: id, before: { state: before.state }, after: { state: 'scoring' } });
    return (await repo.findSetById(trx, id))!;
  });
  return detail(db, row);
}

/**
 * Publishes the result: computes every unit's breakdown now and stores it (the snapshot), with the
 * indicator tree as it stands. From then on the set, its indicators and scores cannot change, and
 * the ranking is public (/portal/evaluations/:id).
 */
export async function publishSet(db: Db, actor: Actor, id: number): Promise<SetDetail> {
  requireManager(actor);
  const pre = await loadSet(db, actor, id);
  if (pre.state !== 'scoring') throw new ConflictError('EVALUATION_INVALID_STATE', `该考核当前为“${SET_STATES[pre.state as SetState] ?? pre.state}”，只有评分中的考核可以发布`);
  const row = await db.transaction().execute(async (trx) => {
    const before = await loadSet(trx, actor, id);
    if (before.state !== 'scoring') throw new ConflictError('EVALUATION_INVALID_STATE', '该考核刚刚已被其他人处理，请刷新后重试');
    const live = await computeLive(trx, before);
    checkComplete(before, live.tree);
    if (!live.rows.length) throw new ConflictError('EVALUATION_SCOPE_EMPTY', '考核范围内没有单位，不能发布');
    const at = now();
    await repo.insertResults(trx, id, live.rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, rank: r.rank, total: r.total, breakdown: JSON.stringify(r.indicators) })),
      JSON.stringify(flatten(live.tree).map(presentIndicator)), at);
    if (!(await repo.updateSetIfState(trx, id, 'scoring', { state: 'published', publishedAt: at, publishedBy: actor.kind === 'user' ? actor.userId : null, updatedAt: at }))) {
      throw new ConflictError('EVALUATION_CHANGED', '该考核刚刚已被其他人处理，请刷新后重试');
    }
    await recordAudit(trx, actor, {
      action: 'publish_evaluation', resourceType: 'indicator_set', resourceId: id, before: { state: 'scoring' },
      after: { state: 'published', ranking: live.rows.map((r) => ({ unitId: r.unitId, rank: r.rank, total: r.total })) },
    });
    return (await repo.findSetById(trx, id))!;
  });
  return detail(db, row);
}

// ---- indicators ----

export interface IndicatorInput {
  parentId?: number | null;
  name: string;
  description?: string | null;
  maxPoints?: number;
  sortOrder?: number;
  method?: string;
  metric?: string | null;
  params?: Record<string, unknown>;
}

async function depthOf(q: Q, parentId: number | null): Promise<number> {
  let d = 0;
  let cur = parentId;
  while (cur !== null && d <= MAX_DEPTH) {
    d++;
    cur = (await repo.findIndicatorById(q, cur))?.parentId ?? null;
  }
  return d;
}

/** How many levels a node brings along (1 for a leaf). */
function heightOf(node: TreeNode | undefined): number {
  return node ? 1 + Math.max(0, ...node.children.map(heightOf)) : 1;
}

async function checkParent(q: Q, setId: number, parentId: number | null, selfId?: number): Promise<void> {
  if (parentId === null) return;
  const p = await repo.findIndicatorById(q, parentId);
  if (!p || p.setId !== setId) throw new ValidationError('EVALUATION_PARENT_INVALID', `上级指标不属于本考核：${parentId}`);
  if (selfId !== undefined) {
    let cur: number | null = parentId;
    while (cur !== null) {
      if (cur === selfId) throw new ValidationError('EVALUATION_PARENT_INVALID', '不能把指标移到它自己或它的下级指标之下');
      cur = (await repo.findIndicatorById(q, cur))?.parentId ?? null;
    }
  }
  const moving = selfId !== undefined ? flatten(await treeOf(q, setId)).find((n) => n.id === selfId) : undefined;
  if ((await depthOf(q, parentId)) + heightOf(moving) > MAX_DEPTH) throw new ValidationError('EVALUATION_TREE_TOO_DEEP', `指标最多 ${MAX_DEPTH} 级`);
}

async function indicatorView(q: Q, setId: number, id: number): Promise<IndicatorView> {
  const node = flatten(await treeOf(q, setId)).find((n) => n.id === id)!;
  return presentIndicator(node);
}

/**
 * Adds an indicator to a set. Under a parent that was a leaf, the parent becomes a group (its
 * points are now its children's sum) and its manual scores are removed.
 */
export async function createIndicator(db: Db, actor: Actor, setId: number, input: IndicatorInput): Promise<IndicatorView> {
  requireManager(actor);
  const name = cleanText(input.name, 'EVALUATION_INDICATOR_NAME_REQUIRED', '请填写指标名称');
  const method = input.method ?? 'manual';
  checkMethod(method);
  const maxPoints = checkPoints(input.maxPoints ?? 0, '指标分值', true);
  const m = checkMetric(method, input.metric, input.params);
  return db.transaction().execute(async (trx) => {
    const s = await loadSet(trx, actor, setId);
    requireEditable(s);
    const parentId = input.parentId ?? null;
    await checkParent(trx, setId, parentId);
    const at = now();
    const created = await repo.insertIndicator(trx, {
      setId, parentId, name, description: input.description?.trim() || null, maxPoints, sortOrder: input.sortOrder ?? (await repo.maxSortOrder(trx, setId, parentId)) + 1,
      method, metric: m.metric, params: JSON.stringify(m.params), createdAt: at, updatedAt: at,
    });
    if (parentId !== null) await repo.deleteScoresOf(trx, parentId);
    await repo.updateSet(trx, setId, { updatedAt: at });
    await recordAudit(trx, actor, { action: 'create_indicator', resourceType: 'indicator', resourceId: created.id, after: created });
    return indicatorView(trx, setId, created.id);
  });
}

/** Changes an indicator (a group's points cannot be set: they are its children's sum). */
export async function updateIndicator(db: Db, actor: Actor, id: number, patch: Partial<IndicatorInput>): Promise<IndicatorView> {
  requireManager(actor);
  return db.transaction().execute(async (trx) => {
    const before = await loadIndicator(trx, id);
    const s = await loadSet(trx, actor, before.setId);
    requireEditable(s);
    const node = flatten(await treeOf(trx, s.id)).find((n) => n.id === id)!;
    const next: Partial<Indicator> = {};
    if (patch.name !== undefined) next.name = cleanText(patch.name, 'EVALUATION_INDICATOR_NAME_REQUIRED', '请填写指标名称');
    if (patch.description !== undefined) next.description = patch.description?.trim() || null;
    if (patch.sortOrder !== undefined) next.sortOrder = patch.sortOrder;
    if (patch.maxPoints !== undefined) {
      if (node.isGroup) throw new ValidationError('EVALUATION_GROUP_POINTS', `“${node.name}”有下级指标，分值由下级指标合计得出，不能直接设置`);
      next.maxPoints = checkPoints(patch.maxPoints, '指标分值', true);
    }
    if (patch.method !== undefined || patch.metric !== undefined || patch.params !== undefined) {
      const method = patch.method ?? before.method;
      checkMethod(method);
      const m = checkMetric(method, patch.metric !== undefined ? patch.metric : before.metric, patch.params ?? (patch.metric !== undefined ? {} : parseJson(before.params, {})));
      next.method = method;
      next.metric = m.metric;
      next.params = JSON.stringify(m.params);
      if (method !== 'manual') await repo.deleteScoresOf(trx, id);
    }
    if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
      await checkParent(trx, s.id, patch.parentId, id);
      next.parentId = patch.parentId;
      if (patch.parentId !== null) await repo.deleteScoresOf(trx, patch.parentId);
    }
    const after = await repo.updateIndicator(trx, id, { ...next, updatedAt: now() });
    await repo.updateSet(trx, s.id, { updatedAt: now() });
    await recordAudit(trx, actor, { action: 'update_indicator', resourceType: 'indicator', resourceId: id, before, after });
    return indicatorView(trx, s.id, id);
  });
}

/** Deletes an indicator with everything under it and their manual scores. */
export async function deleteIndicator(db: Db, actor: Actor, id: number): Promise<void> {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const before = await loadIndicator(trx, id);
    const s = await loadSet(trx, actor, before.setId);
    requireEditable(s);
    const node = flatten(await treeOf(trx, s.id)).find((n) => n.id === id)!;
    const ids = flatten([node]).map((n) => n.id);
    await repo.deleteIndicators(trx, ids.reverse());
    await repo.updateSet(trx, s.id, { updatedAt: now() });
    await recordAudit(trx, actor, { action: 'delete_indicator', resourceType: 'indicator', resourceId: id, before: { ...before, descendants: ids.filter((x) => x !== id) } });
  });
}

// ---- manual scores ----

/** The manual scores of a set (office and observers), optionally of one indicator or unit. */
export async function listManualScores(db: Db, actor: Actor, setId: number, f: { indicatorId?: number; unitId?: number } = {}): Promise<ManualScoreView[]> {
  requireUser(actor);
  const s = await loadSet(db, actor, setId);
  if (!canReadAllResults(actor)) throw new ForbiddenError('EVALUATION_FORBIDDEN', '人工评分记录只有政务公开办和观察员可以查看；本单位的得分请查看考核结果');
  const ids = (await repo.findIndicators(db, s.id)).map((i) => i.id).filter((id) => f.indicatorId === undefined || id === f.indicatorId);
  const scores = (await repo.findScores(db, ids)).filter((x) => f.unitId === undefined || x.unitId === f.unitId);
  const names = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  return scores.map((x) => presentScore(x, names.get(x.unitId) ?? String(x.unitId)));
}

export interface ManualScoreInput {
  points: number;
  note?: string | null;
  evidence?: string[];
}

/** Enters (or corrects) a unit's score on a manual leaf: points ≤ max; a deduction needs a note. */
export async function putManualScore(db: Db, actor: Actor, indicatorId: number, unitId: number, input: ManualScoreInput): Promise<ManualScoreView> {
  requireManager(actor);
  const points = checkPoints(input.points, '得分', true);
  const note = input.note?.trim() || null;
  const evidence = cleanEvidence(input.evidence);
  return db.transaction().execute(async (trx) => {
    const ind = await loadIndicator(trx, indicatorId);
    const s = await loadSet(trx, actor, ind.setId);
    requireEditable(s);
    const node = flatten(await treeOf(trx, s.id)).find((n) => n.id === indicatorId)!;
    if (node.isGroup) throw new ConflictError('EVALUATION_NOT_A_LEAF', `“${node.name}”有下级指标，请对下级指标评分`);
    if (node.method !== 'manual') throw new ConflictError('EVALUATION_NOT_MANUAL', `“${node.name}”由系统计算，不能人工评分`);
    if (tenths(points) > tenths(node.maxPoints)) throw new ValidationError('EVALUATION_POINTS_OVER_MAX', `得分 ${points} 超过该指标的分值 ${node.maxPoints} 分`);
    if (tenths(points) < tenths(node.maxPoints) && !note) throw new ValidationError('EVALUATION_NOTE_REQUIRED', `得分低于分值（${node.maxPoints} 分）时须写明扣分理由`);
    const units = await scopeUnits(trx, s);
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw new ValidationError('EVALUATION_UNIT_NOT_IN_SCOPE', `单位不在本次考核范围内：${unitId}`);
    const before = await repo.findScore(trx, indicatorId, unitId);
    const saved = await repo.upsertScore(trx, {
      indicatorId, unitId, points, note, evidence: JSON.stringify(evidence), scoredBy: actor.kind === 'user' ? actor.userId : null, scoredAt: now(),
    });
    await recordAudit(trx, actor, { action: 'score_indicator', resourceType: 'manual_score', resourceId: saved.id, before: before ?? null, after: saved });
    return presentScore(saved, unit.name);
  });
}

/** Removes a manual score (the unit keeps full points again). */
export async function deleteManualScore(db: Db, actor: Actor, indicatorId: number, unitId: number): Promise<void> {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const ind = await loadIndicator(trx, indicatorId);
    const s = await loadSet(trx, actor, ind.setId);
    requireEditable(s);
    const before = await repo.findScore(trx, indicatorId, unitId);
    if (!before) throw new NotFoundError('EVALUATION_SCORE_NOT_FOUND', `该单位在此指标上没有人工评分：${unitId}`);
    await repo.deleteScore(trx, indicatorId, unitId);
    await recordAudit(trx, actor, { action: 'delete_score', resourceType: 'manual_score', resourceId: before.id, before });
  });
}

// ---- results ----

interface Computed {
  tree: TreeNode[];
  rows: UnitBreakdown[];
  computedAt: string;
}

/** Every unit's breakdown computed now from the records and the manual scores, ranked. */
async function computeLive(db: Q, s: IndicatorSet): Promise<Computed> {
  const tree = await treeOf(db, s.id);
  const units = await scopeUnits(db, s);
  const unitIds = units.map((u) => u.id);
  const leaves = flatten(tree).filter((n) => !n.isGroup);
  const metrics = new Map<string, MetricResult>();
  const memo: MetricMemo = new Map();
  for (const leaf of leaves) {
    if (leaf.method !== 'computed' || !leaf.metric || !(METRIC_KEYS as string[]).includes(leaf.metric)) continue;
    const key = `${leaf.metric}:${JSON.stringify(leaf.params)}`;
    if (!metrics.has(key)) metrics.set(key, await computeMetric(db, leaf.metric as MetricKey, s.year, unitIds, leaf.params, memo));
  }
  const scores = await repo.findScores(db, leaves.map((l) => l.id));
  const scoreOf = new Map(scores.map((x) => [`${x.indicatorId}:${x.unitId}`, x]));
  const rows = units.map((u) => {
    const r = scoreUnit(tree, (leaf) => {
      if (leaf.method === 'computed') {
        const m = metrics.get(`${leaf.metric}:${JSON.stringify(leaf.params)}`);
        if (!m) return { maxPoints: leaf.maxPoints, points: 0, summary: '未选择计算口径', lines: [], numerator: null, denominator: null };
        return scoreComputed(leaf, m.get(u.id));
      }
      const x = scoreOf.get(`${leaf.id}:${u.id}`);
      return scoreManual(leaf, x ? { points: x.points, note: x.note, evidence: parseJson<string[]>(x.evidence, []) } : undefined);
    });
    return { unitId: u.id, unitName: u.name, total: r.total, indicators: r.indicators };
  });
  return { tree, rows: rank(rows), computedAt: now() };
}

/** The published snapshot, in the same shape. */
async function loadPublished(db: Db, s: IndicatorSet, unitId?: number): Promise<{ indicators: IndicatorView[]; rows: UnitBreakdown[]; computedAt: string }> {
  const [snap, rows] = await Promise.all([repo.findSnapshot(db, s.id), repo.findResults(db, s.id, unitId)]);
  return {
    indicators: parseJson<IndicatorView[]>(snap?.indicators, []),
    rows: rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, rank: r.rank, total: r.total, indicators: parseJson<IndicatorScore[]>(r.breakdown, []) })),
    computedAt: snap?.computedAt ?? s.publishedAt ?? '',
  };
}

async function resultsOf(db: Db, s: IndicatorSet, unitId?: number) {
  if (s.state === 'published') return loadPublished(db, s, unitId);
  const live = await computeLive(db, s);
  return { indicators: flatten(live.tree).map(presentIndicator), rows: unitId === undefined ? live.rows : live.rows.filter((r) => r.unitId === unitId), computedAt: live.computedAt };
}

export interface RankingRow {
  unitId: number;
  unitName: string;
  /** null for a unit looking at its own row before publication */
  rank: number | null;
  total: number;
  /** points per first-level indicator, in the order of `topIndicators` */
  byTopLevel: number[];
}

export interface ResultsView {
  setId: number;
  year: number;
  name: string;
  state: string;
  stateLabel: string;
  published: boolean;
  computedAt: string;
  totalPoints: number;
  topIndicators: { id: number; name: string; maxPoints: number }[];
  units: RankingRow[];
}

function rankingRow(r: UnitBreakdown, withRank: boolean): RankingRow {
  return { unitId: r.unitId, unitName: r.unitName, rank: withRank ? r.rank : null, total: r.total, byTopLevel: r.indicators.filter((i) => i.depth === 0).map((i) => i.points) };
}

/**
 * The ranking: the office and observers see every unit (live while scoring, frozen once
 * published); a unit sees only its own row while scoring, and the whole ranking once published.
 */
export async function getResults(db: Db, actor: Actor, setId: number): Promise<ResultsView> {
  requireUser(actor);
  const s = await loadSet(db, actor, setId);
  const all = canReadRanking(actor, s);
  const own = actor.kind === 'user' ? actor.unitId : undefined;
  const r = await resultsOf(db, s, all ? undefined : own);
  return {
    setId: s.id, year: s.year, name: s.name, state: s.state, stateLabel: SET_STATES[s.state as SetState] ?? s.state, published: s.state === 'published',
    computedAt: r.computedAt, totalPoints: s.totalPoints,
    topIndicators: r.indicators.filter((i) => i.depth === 0).map((i) => ({ id: i.id, name: i.name, maxPoints: i.maxPoints })),
    units: r.rows.map((x) => rankingRow(x, all)),
  };
}

export interface BreakdownView extends UnitBreakdown {
  setId: number;
  year: number;
  setName: string;
  published: boolean;
  computedAt: string;
  /** the rank is shown to the unit only once published */
  rankShown: boolean;
  unitCount: number;
}

/** One unit's breakdown with the explanation of every point (the unit itself, the office, observers). */
export async function getBreakdown(db: Db, actor: Actor, setId: number, unitId: number): Promise<BreakdownView> {
  requireUser(actor);
  const s = await loadSet(db, actor, setId);
  if (!canReadBreakdown(actor, s, unitId)) throw new ForbiddenError('EVALUATION_FORBIDDEN', '只能查看本单位的考核得分');
  const r = await resultsOf(db, s);
  const row = r.rows.find((x) => x.unitId === unitId);
  if (!row) throw new NotFoundError('EVALUATION_UNIT_NOT_IN_SCOPE', `该单位不在本次考核范围内：${unitId}`);
  const rankShown = canReadRanking(actor, s);
  return {
    ...row, rank: rankShown ? row.rank : 0, setId: s.id, year: s.year, setName: s.name, published: s.state === 'published', computedAt: r.computedAt,
    rankShown, unitCount: r.rows.length,
  };
}

/** What the export needs: the ranking (when the actor may see it) and the breakdowns the actor may see. */
export async function exportData(db: Db, actor: Actor, setId: number): Promise<{ set: IndicatorSet; indicators: IndicatorView[]; ranking: UnitBreakdown[] | null; breakdowns: UnitBreakdown[] }> {
  requireUser(actor);
  const s = await loadSet(db, actor, setId);
  const r = await resultsOf(db, s);
  const ranking = canReadRanking(actor, s) ? r.rows : null;
  const breakdowns = r.rows.filter((x) => canReadBreakdown(actor, s, x.unitId));
  if (!ranking && !breakdowns.length) throw new ForbiddenError('EVALUATION_FORBIDDEN', '本单位不在本次考核范围内');
  return { set: s, indicators: r.indicators, ranking, breakdowns };
}

/** The computed metrics the tree may use, for the workbench. */
export function listMetrics(actor: Actor): { key: string; label: string; rule: string; params: string[]; noRecords: string }[] {
  requireUser(actor);
  return METRIC_KEYS.map((k) => ({ key: k, label: METRICS[k].label, rule: METRICS[k].rule, params: k === 'leadInterpretations' ? ['target'] : [], noRecords: NO_RECORDS }));
}

// ---- public ----

/** Published sets, newest first, for the public pages. */
export async function listPublishedSets(db: Db, year?: number): Promise<IndicatorSet[]> {
  return repo.findSets(db, { year, states: ['published'] });
}

/** A published set's frozen ranking (no notes, no records), or undefined. */
export async function publishedRanking(db: Db, id: number): Promise<{ set: IndicatorSet; topIndicators: { id: number; name: string; maxPoints: number }[]; units: RankingRow[] } | undefined> {
  const s = await repo.findSetById(db, id);
  if (!s || s.state !== 'published') return undefined;
  const r = await loadPublished(db, s);
  return { set: s, topIndicators: r.indicators.filter((i) => i.depth === 0).map((i) => ({ id: i.id, name: i.name, maxPoints: i.maxPoints })), units: r.rows.map((x) => rankingRow(x, true)) };
}

// ---- unit merge ----

/** A merged unit's manual scores and explicit scope entries follow it. */
export async function moveEvaluationsToUnit(trx: Trx, fromUnitId: number, intoUnitId: number): Promise<void> {
  await repo.moveScoresToUnit(trx, fromUnitId, intoUnitId);
  for (const s of await repo.findSetsWithScopeUnits(trx)) {
    const ids = parseJson<number[]>(s.scopeUnitIds, []);
    if (!ids.includes(fromUnitId)) continue;
    const next = [...new Set(ids.map((x) => (x === fromUnitId ? intoUnitId : x)))].sort((a, b) => a - b);
    await repo.updateSet(trx, s.id, { scopeUnitIds: JSON.stringify(next) });
  }
}
