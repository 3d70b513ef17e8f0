/**
 * 清理 (谁制定、谁清理): the office opens a cleanup campaign; every published document in force at
 * that moment becomes an item of its issuing unit; each unit confirms a decision per document
 * (继续有效 / 拟修改 / 废止 / 宣布失效, with the reason); the office follows the progress per unit and
 * closes the campaign — when every item is confirmed, or earlier if it chooses to (`force`: the
 * unconfirmed documents then stay as they are). Closing applies the 废止 / 宣布失效 decisions
 * (validity changed, re-indexed, audited) and publishes the valid list: the documents in force on
 * the closing day (现行有效行政规范性文件目录).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyUnit } from '../notifications/index.ts';
import { canConfirmItem, canManageCampaigns, canSeeAllItems } from './normative.policy.ts';
import { presentCampaign, presentDocument, presentItem, type CampaignView, type CleanupItemView, type NormativeDocumentView } from './normative.presenter.ts';
import * as repo from './normative.repository.ts';
import type { CleanupCampaign } from './normative.repository.ts';
import { checkDate, CLEANUP_DECISION_LABELS, type CleanupDecision } from './normative.rules.ts';
import { applyCleanupDecision, stamp } from './normative.service.ts';

type Db = Kysely<Database>;

function requireUser(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
}

const notFound = (id: number) => new NotFoundError('CLEANUP_CAMPAIGN_NOT_FOUND', `清理工作 ${id} 不存在`);

async function load(db: Db, id: number): Promise<CleanupCampaign> {
  const c = await repo.findCampaign(db, id);
  if (!c) throw notFound(id);
  return c;
}

/** The units whose progress the actor sees: all (undefined) or its own. */
function visibleUnit(actor: Actor): number | undefined {
  return canSeeAllItems(actor) || actor.kind !== 'user' ? undefined : actor.unitId;
}

async function view(db: Db, actor: Actor, c: CleanupCampaign): Promise<CampaignView> {
  return presentCampaign(c, await repo.progressByUnit(db, [c.id], visibleUnit(actor)));
}

export async function listCampaigns(db: Db, actor: Actor): Promise<CampaignView[]> {
  requireUser(actor);
  const campaigns = await repo.listCampaigns(db);
  const progress = await repo.progressByUnit(db, campaigns.map((c) => c.id), visibleUnit(actor));
  return campaigns.map((c) => presentCampaign(c, progress));
}

export async function getCampaign(db: Db, actor: Actor, id: number): Promise<CampaignView> {
  requireUser(actor);
  return view(db, actor, await load(db, id));
}

export interface CampaignInput {
  title: string;
  year: number;
  dueOn: string;
}

/** The office opens a campaign: one item per published document in force, and a notice to each unit. */
export async function openCampaign(db: Db, actor: Actor, input: CampaignInput): Promise<CampaignView> {
  requireUser(actor);
  if (!canManageCampaigns(actor)) throw new ForbiddenError('CLEANUP_FORBIDDEN', '只有政务公开办可以组织清理');
  const title = input.title.trim();
  if (!title) throw new ValidationError('CLEANUP_TITLE_REQUIRED', '请填写清理工作的名称');
  const dueOn = checkDate(input.dueOn, '完成时限');
  if (dueOn < today()) throw new ValidationError('CLEANUP_DUE_IN_PAST', `完成时限（${dueOn}）已过，请选择今天或以后的日期`);
  return db.transaction().execute(async (trx) => {
    const c = await repo.insertCampaign(trx, {
      title, year: input.year, state: 'open', dueOn, openedAt: stamp(), closedAt: null, validListPublishedAt: null, createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    const docs = await repo.findInForceForCleanup(trx);
    await repo.insertItems(trx, docs.map((d) => ({ campaignId: c.id, documentId: d.publicationId, unitId: d.unitId, decision: null, note: null, confirmedBy: null, confirmedAt: null })));
    const perUnit = new Map<number, number>();
    for (const d of docs) perUnit.set(d.unitId, (perUnit.get(d.unitId) ?? 0) + 1);
    for (const [unitId, n] of perUnit) {
      await notifyUnit(trx, unitId, {
        title: '行政规范性文件清理', body: `政务公开办开展“${title}”：请按“谁制定、谁清理”的原则，于${dueOn}前逐件确认本单位${n}件现行有效行政规范性文件的清理意见（继续有效、拟修改、废止或宣布失效）。`,
        link: '/admin/normative?tab=cleanup', external: true,
      });
    }
    await recordAudit(trx, actor, { action: 'open_cleanup_campaign', resourceType: 'cleanup_campaign', resourceId: c.id, after: { ...c, items: docs.length, units: perUnit.size } });
    return view(trx, actor, c);
  });
}

/** A campaign's items: all for the office and observers, its own for a unit (asking for another unit's is refused). */
export async function listItems(db: Db, actor: Actor, id: number, query: { unitId?: number; pending?: boolean; decision?: CleanupDecision }): Promise<CleanupItemView[]> {
  requireUser(actor);
  await load(db, id);
  const own = visibleUnit(actor);
  if (own !== undefined && query.unitId !== undefined && query.unitId !== own) throw new ForbiddenError('CLEANUP_FORBIDDEN', '只能查看本单位的清理事项');
  return (await repo.listItems(db, { campaignId: id, unitId: own ?? query.unitId, pending: query.pending, decision: query.decision })).map(presentItem);
}

/** The issuing unit confirms (or changes, while the campaign is open) its decision on one document. */
export async function confirmItem(db: Db, actor: Actor, id: number, documentId: number, input: { decision: CleanupDecision; note?: string | null }): Promise<CleanupItemView> {
  requireUser(actor);
  const c = await load(db, id);
  const item = await repo.findItem(db, id, documentId);
  if (!item) throw new NotFoundError('CLEANUP_ITEM_NOT_FOUND', `“${c.title}”中没有文件 ${documentId}`);
  if (!canConfirmItem(actor, item)) throw new ForbiddenError('CLEANUP_ITEM_FORBIDDEN', '谁制定、谁清理：只能确认本单位制定的文件');
  if (c.state !== 'open') throw new ConflictError('CLEANUP_CLOSED', `“${c.title}”已结束，不能再修改清理意见`);
  const note = input.note?.trim() || null;
  if (input.decision !== 'keep' && !note) throw new ValidationError('CLEANUP_NOTE_REQUIRED', `清理意见为“${CLEANUP_DECISION_LABELS[input.decision]}”时请写明理由`);
  return db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, id, documentId, { decision: input.decision, note, confirmedBy: actor.kind === 'user' ? actor.userId : null, confirmedAt: stamp() });
    await recordAudit(trx, actor, {
      action: 'confirm_cleanup_item', resourceType: 'cleanup_campaign', resourceId: id,
      before: { documentId, decision: item.decision, note: item.note }, after: { documentId, decision: input.decision, note },
    });
    return presentItem((await repo.findItem(trx, id, documentId))!);
  });
}

/**
 * The office closes the campaign: refused while items are unconfirmed unless `force`; applies the
 * 废止 / 宣布失效 decisions and publishes the valid list.
 */
export async function closeCampaign(db: Db, actor: Actor, id: number, input: { force?: boolean }): Promise<CampaignView> {
  requireUser(actor);
  if (!canManageCampaigns(actor)) throw new ForbiddenError('CLEANUP_FORBIDDEN', '只有政务公开办可以结束清理');
  const c = await load(db, id);
  if (c.state !== 'open') throw new ConflictError('CLEANUP_CLOSED', `“${c.title}”已结束`);
  const progress = await repo.progressByUnit(db, [id]);
  const pending = progress.filter((p) => p.confirmed < p.total);
  if (pending.length && !input.force) {
    throw new ConflictError('CLEANUP_INCOMPLETE', `还有${pending.length}个单位未确认全部清理意见：${pending.slice(0, 5).map((p) => `${p.unitName}（${p.confirmed}/${p.total}）`).join('、')}${pending.length > 5 ? '等' : ''}。如需提前结束，请选择“强制结束”（未确认的文件保持现状）`,
      { units: pending.map((p) => ({ unitId: p.unitId, unitName: p.unitName, confirmed: p.confirmed, total: p.total })) });
  }
  return db.transaction().execute(async (trx) => {
    if (!(await repo.closeCampaign(trx, id, stamp()))) throw new ConflictError('CLEANUP_CLOSED', `“${c.title}”已结束`);
    const decided = await repo.listItems(trx, { campaignId: id });
    const applied: { documentId: number; validity: string }[] = [];
    for (const item of decided) {
      if (item.decision !== 'repeal' && item.decision !== 'expire') continue;
      const validity = item.decision === 'repeal' ? 'repealed' : 'expired';
      const note = `${c.title}：${CLEANUP_DECISION_LABELS[item.decision]}${item.note ? `（${item.note}）` : ''}`;
      if (await applyCleanupDecision(trx, actor, item.documentId, validity, note)) applied.push({ documentId: item.documentId, validity });
    }
    await recordAudit(trx, actor, {
      action: 'close_cleanup_campaign', resourceType: 'cleanup_campaign', resourceId: id, before: { state: c.state },
      after: { state: 'closed', forced: pending.length > 0, unconfirmed: pending.reduce((s, p) => s + p.total - p.confirmed, 0), applied },
    });
    return view(trx, actor, (await repo.findCampaign(trx, id))!);
  });
}

// ---- the published valid list ----

export interface ValidList {
  campaign: { id: number; title: string; year: number; publishedAt: string; asOf: string };
  /** in force on asOf; `amended`: amended by then */
  items: (NormativeDocumentView & { amended: boolean })[];
}

/** The China date of a timestamp. */
function chinaDate(ts: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ts));
}

/** The valid list published by a campaign (the latest one when no id is given), or null. */
export async function getValidList(db: Db, campaignId?: number): Promise<ValidList | null> {
  const c = campaignId === undefined ? await repo.latestPublishedCampaign(db) : await repo.findCampaign(db, campaignId);
  if (!c?.validListPublishedAt) return null;
  const asOf = chinaDate(c.validListPublishedAt);
  const rows = await repo.findInForceOn(db, asOf);
  const { incoming } = await repo.relationsOf(db, rows.map((r) => r.publicationId));
  const amendedBy = new Set(incoming.filter((r) => r.kind === 'amends' && (r.effectiveOn ?? r.publishedOn ?? '') <= asOf).map((r) => r.toId));
  return {
    campaign: { id: c.id, title: c.title, year: c.year, publishedAt: c.validListPublishedAt, asOf },
    items: rows.map((r) => ({ ...presentDocument(r), amended: amendedBy.has(r.publicationId) })),
  };
}

/** Campaigns that published a valid list, newest first (for the public page's links). */
export async function publishedValidLists(db: Db): Promise<{ id: number; title: string; year: number; asOf: string }[]> {
  return (await repo.listPublishedCampaigns(db)).map((c) => ({ id: c.id, title: c.title, year: c.year, asOf: chinaDate(c.validListPublishedAt!) }));
}
