/**
 * 行政规范性文件 register (三统一: 统一登记、统一编号、统一发布). A normative document is a publication
 * of kind normative: when it is published (publications hook) it is registered with a number from
 * the office's pattern, validity 有效 and a validity period (default 5 years less a day). Later
 * documents amend or repeal it (relations declared on the new document), the office may declare it
 * expired or repealed outright, and when its period has ended the scan job makes it 失效 — the one
 * mechanism for expiry, so the register, the public pages and the search index agree. The issuing
 * unit is alerted once before the period ends. Every validity change re-indexes the document for
 * the search's validity filter. Withdrawing the publication deletes nothing: the registration, its
 * number and its relations stay (the public register lists published publications only).
 */
import type { Kysely } from 'kysely';
import type { Database, Publication } from '../../db/database.ts';
import { nextNumber } from '../../db/sequences.ts';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { clock, today } from '../../platform/clock.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { addDays } from '../../lib/calendar/iso-date.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyUnit } from '../notifications/index.ts';
import { indexPublication } from '../publications/index.ts';
import { canEditRegistration, canReadUnpublishedRegistration, canSetValidity } from './normative.policy.ts';
import {
  presentDocument, presentRelations, type NormativeDocumentDetail, type NormativeDocumentView, type Relations,
} from './normative.presenter.ts';
import * as repo from './normative.repository.ts';
import {
  checkDate, defaultValidUntil, expiredOn, formatRegNumber, isInForce, RELATION_LABELS, sequenceScope, VALIDITY_LABELS,
  type RelationKind, type Validity,
} from './normative.rules.ts';
import { getNormativeSettings } from './normative.settings.ts';

type Db = Kysely<Database>;

/** Timestamps of the register follow the platform clock (the campaign's date is shown publicly). */
export const stamp = (): string => clock.now().toISOString();

function requireUser(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
}

const notFound = (id: number) => new NotFoundError('NORMATIVE_NOT_FOUND', `登记簿中没有行政规范性文件 ${id}`);

/** A registration the actor may see: published ones for everyone, others for the unit, office, observers. */
async function loadReadable(db: Db, actor: Actor, id: number): Promise<repo.DocumentRow> {
  const d = await repo.findDocument(db, id);
  if (!d) throw notFound(id);
  if (d.publicationState !== 'published' && !canReadUnpublishedRegistration(actor, d)) throw notFound(id);
  return d;
}

async function loadEditable(db: Db, actor: Actor, id: number): Promise<repo.DocumentRow> {
  requireUser(actor);
  const d = await loadReadable(db, actor, id);
  if (!canEditRegistration(actor, d)) throw new ForbiddenError('NORMATIVE_FORBIDDEN', '只有制定单位或政务公开办可以修改这件行政规范性文件的登记');
  return d;
}

async function relationsFor(db: Db, actor: Actor, id: number): Promise<Relations> {
  return presentRelations(id, await repo.relationsOf(db, [id]), (r) => r.publicationState === 'published' || canReadUnpublishedRegistration(actor, { unitId: r.otherUnitId }));
}

async function detail(db: Db, actor: Actor, id: number): Promise<NormativeDocumentDetail> {
  const d = await repo.findDocument(db, id);
  if (!d) throw notFound(id);
  return { ...presentDocument(d), ...(await relationsFor(db, actor, id)) };
}

/** Re-indexes a document with its current validity (the search's validity filter). */
async function reindex(trx: Db, id: number, validity: string): Promise<void> {
  await indexPublication(trx, id, { validity });
}

// ---- registration (the publications hook) ----

/**
 * 统一登记、统一编号: registers a normative publication when it is published, in the publishing
 * transaction — a rolled-back publication gives its number back (gap-free).
 */
export async function registerPublished(trx: Db, p: Publication, actor: Actor): Promise<void> {
  if (p.kind !== 'normative' || p.state !== 'published') return;
  const existing = await repo.findDocument(trx, p.id);
  if (existing) {
    await reindex(trx, p.id, existing.validity);
    return;
  }
  const settings = await getNormativeSettings(trx);
  const publishedOn = p.publishedOn ?? today();
  const year = Number(publishedOn.slice(0, 4));
  const seq = await nextNumber(trx, sequenceScope(settings.regNumberPattern, { year, unitId: p.unitId }));
  const regNumber = formatRegNumber(settings.regNumberPattern, { year, seq, unitId: p.unitId });
  if (await repo.regNumberTaken(trx, regNumber)) {
    throw new ConflictError('NORMATIVE_REG_NUMBER_TAKEN', `登记号 ${regNumber} 已被占用（登记号格式更换后与旧号重复），请政务公开办调整登记号格式后再发布`);
  }
  const at = stamp();
  const row = {
    publicationId: p.id, regNumber, unitId: p.unitId, validity: 'valid', effectiveOn: publishedOn, validUntil: defaultValidUntil(publishedOn, settings.validityYears),
    validityChangedOn: null, validityNote: null, expiryAlertedAt: null, registeredAt: at, updatedAt: at,
  };
  await repo.insertDocument(trx, row);
  await reindex(trx, p.id, 'valid');
  await recordAudit(trx, actor, { action: 'register_normative_document', resourceType: 'normative_document', resourceId: p.id, after: row });
}

// ---- reading ----

export interface DocumentQuery {
  unitId?: number;
  validity?: Validity;
  /** valid or amended */
  inForce?: boolean;
  /** year of publication (the registration number's year) */
  year?: number;
  /** in title, 文号, 登记号 */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The public register: registrations of published documents, newest first. */
export async function listNormativeDocuments(db: Db, query: DocumentQuery): Promise<{ items: NormativeDocumentView[]; total: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const validities = query.validity ? [query.validity] : query.inForce ? ['valid', 'amended'] : undefined;
  const { items, total } = await repo.listDocuments(db, {
    unitId: query.unitId, validities, year: query.year, q: query.q?.trim() || undefined, publishedOnly: true, limit: pageSize, offset: (page - 1) * pageSize,
  });
  return { items: items.map(presentDocument), total };
}

export async function getNormativeDocument(db: Db, actor: Actor, id: number): Promise<NormativeDocumentDetail> {
  await loadReadable(db, actor, id);
  return detail(db, actor, id);
}

export interface Registration extends Omit<NormativeDocumentView, 'expiryAlertedAt'>, Relations {}

/**
 * For other modules' public pages (the publication detail page): the registration of a publication,
 * or null when it has none. Relations list published documents only.
 */
export async function getRegistration(db: Db, publicationId: number): Promise<Registration | null> {
  const d = await repo.findDocument(db, publicationId);
  if (!d) return null;
  const { expiryAlertedAt: _alerted, ...view } = presentDocument(d);
  return { ...view, ...presentRelations(publicationId, await repo.relationsOf(db, [publicationId]), (r) => r.publicationState === 'published') };
}

// ---- changes by the issuing unit or the office ----

export interface RegistrationPatch {
  effectiveOn?: string;
  validUntil?: string;
  validityNote?: string | null;
}

/**
 * Dates and note. The validity period follows a new effective date when it was the default one;
 * a period ending before today makes the document 失效 at once (the same rule as the scan). A new
 * end date allows a new alert.
 */
export async function updateRegistration(db: Db, actor: Actor, id: number, patch: RegistrationPatch): Promise<NormativeDocumentDetail> {
  const d = await loadEditable(db, actor, id);
  const changes: repo.DocumentChanges = {};
  if (patch.effectiveOn !== undefined || patch.validUntil !== undefined) {
    if (!isInForce(d.validity)) throw new ConflictError('NORMATIVE_NOT_IN_FORCE', `“${d.title}”已${VALIDITY_LABELS[d.validity as Validity]}，不能再修改施行日期或有效期`);
    const settings = await getNormativeSettings(db);
    const effectiveOn = patch.effectiveOn !== undefined ? checkDate(patch.effectiveOn, '施行日期') : d.effectiveOn;
    let validUntil = patch.validUntil !== undefined ? checkDate(patch.validUntil, '有效期至') : d.validUntil;
    if (patch.effectiveOn !== undefined && patch.validUntil === undefined && effectiveOn && d.effectiveOn && d.validUntil === defaultValidUntil(d.effectiveOn, settings.validityYears)) {
      validUntil = defaultValidUntil(effectiveOn, settings.validityYears);
    }
    if (effectiveOn && validUntil && validUntil < effectiveOn) throw new ValidationError('NORMATIVE_VALIDITY_PERIOD_INVALID', `有效期至（${validUntil}）不能早于施行日期（${effectiveOn}）`);
    if (effectiveOn !== d.effectiveOn) changes.effectiveOn = effectiveOn;
    if (validUntil !== d.validUntil) {
      changes.validUntil = validUntil;
      changes.expiryAlertedAt = null;
    }
  }
  if (patch.validityNote !== undefined) changes.validityNote = patch.validityNote?.trim() || null;
  return db.transaction().execute(async (trx) => {
    const at = stamp();
    await repo.updateDocument(trx, id, { ...changes, updatedAt: at });
    const validUntil = changes.validUntil !== undefined ? changes.validUntil : d.validUntil;
    let expired = false;
    if (validUntil && validUntil < today()) {
      expired = await repo.changeValidityIfInForce(trx, id, { validity: 'expired', validityChangedOn: expiredOn(validUntil), updatedAt: at });
      if (expired) await reindex(trx, id, 'expired');
    }
    await recordAudit(trx, actor, {
      action: 'update_normative_document', resourceType: 'normative_document', resourceId: id,
      before: { effectiveOn: d.effectiveOn, validUntil: d.validUntil, validityNote: d.validityNote, validity: d.validity }, after: { ...changes, ...(expired ? { validity: 'expired' } : {}) },
    });
    return detail(trx, actor, id);
  });
}

/**
 * A new document amends or repeals an earlier one (declared on the new document by its unit or the
 * office): the earlier one becomes 修改 / 废止 as of the new one's effective date, is re-indexed,
 * and its unit is told when it is another unit.
 */
export async function declareRelation(db: Db, actor: Actor, fromId: number, input: { targetId: number; kind: RelationKind }): Promise<NormativeDocumentDetail> {
  const from = await loadEditable(db, actor, fromId);
  if (from.publicationState !== 'published') throw new ConflictError('NORMATIVE_NOT_PUBLISHED', `“${from.title}”未发布（或已撤回），不能修改或废止其他文件`);
  if (input.targetId === fromId) throw new ValidationError('NORMATIVE_RELATION_SELF', '一件文件不能修改或废止它自己');
  const target = await repo.findDocument(db, input.targetId);
  if (!target || (target.publicationState !== 'published' && !canReadUnpublishedRegistration(actor, target))) {
    throw new ValidationError('NORMATIVE_TARGET_UNKNOWN', `登记簿中没有行政规范性文件 ${input.targetId}`);
  }
  if (await repo.findRelation(db, fromId, target.publicationId)) throw new ConflictError('NORMATIVE_RELATION_EXISTS', `“${from.title}”与“${target.title}”的关系已登记`);
  if (await repo.findRelation(db, target.publicationId, fromId)) throw new ValidationError('NORMATIVE_RELATION_CYCLE', `“${target.title}”已修改或废止“${from.title}”，不能反过来登记`);
  if (from.effectiveOn && target.effectiveOn && from.effectiveOn < target.effectiveOn) {
    throw new ValidationError('NORMATIVE_RELATION_ORDER', `只有后施行的文件才能修改或废止先施行的文件：“${from.title}”施行于${from.effectiveOn}，早于“${target.title}”（${target.effectiveOn}）`);
  }
  if (!isInForce(target.validity)) throw new ConflictError('NORMATIVE_TARGET_NOT_IN_FORCE', `“${target.title}”已${VALIDITY_LABELS[target.validity as Validity]}，不能再修改或废止`);
  const validity: Validity = input.kind === 'amends' ? 'amended' : 'repealed';
  const label = RELATION_LABELS[input.kind];
  return db.transaction().execute(async (trx) => {
    const at = stamp();
    const changedOn = from.effectiveOn ?? today();
    await repo.insertRelation(trx, { fromId, toId: target.publicationId, kind: input.kind, createdAt: at });
    if (!(await repo.changeValidityIfInForce(trx, target.publicationId, { validity, validityChangedOn: changedOn, updatedAt: at }))) {
      throw new ConflictError('NORMATIVE_TARGET_NOT_IN_FORCE', `“${target.title}”已不再有效，不能再修改或废止`);
    }
    await reindex(trx, target.publicationId, validity);
    if (target.unitId !== from.unitId) {
      await notifyUnit(trx, target.unitId, {
        title: `行政规范性文件已被${label}`,
        body: `本单位制定的《${target.title}》（${target.regNumber}）已被${from.publisher}《${from.title}》${from.docNumber ? `（${from.docNumber}）` : ''}${label}，自${changedOn}起登记为“${VALIDITY_LABELS[validity]}”。`,
        link: `/admin/normative/${target.publicationId}`, external: true,
      });
    }
    await recordAudit(trx, actor, {
      action: 'declare_normative_relation', resourceType: 'normative_document', resourceId: fromId,
      before: { targetId: target.publicationId, targetValidity: target.validity }, after: { targetId: target.publicationId, kind: input.kind, targetValidity: validity, changedOn },
    });
    return detail(trx, actor, fromId);
  });
}

/** The office declares a document 失效 or 废止 outright (without a new document), with the reason. */
export async function setValidity(db: Db, actor: Actor, id: number, input: { validity: 'expired' | 'repealed'; note: string; changedOn?: string }): Promise<NormativeDocumentDetail> {
  requireUser(actor);
  if (!canSetValidity(actor)) throw new ForbiddenError('NORMATIVE_VALIDITY_FORBIDDEN', '只有政务公开办可以直接宣布文件失效或废止；制定单位请通过新文件登记修改、废止关系，或在清理中提出意见');
  const d = await loadReadable(db, actor, id);
  const note = input.note?.trim();
  if (!note) throw new ValidationError('NORMATIVE_NOTE_REQUIRED', '请写明失效或废止的依据');
  const changedOn = input.changedOn ? checkDate(input.changedOn, '效力变更日期') : today();
  if (changedOn > today()) throw new ValidationError('NORMATIVE_DATE_INVALID', `效力变更日期（${changedOn}）不能晚于今天`);
  if (!isInForce(d.validity)) throw new ConflictError('NORMATIVE_NOT_IN_FORCE', `“${d.title}”已${VALIDITY_LABELS[d.validity as Validity]}`);
  return db.transaction().execute(async (trx) => {
    if (!(await repo.changeValidityIfInForce(trx, id, { validity: input.validity, validityChangedOn: changedOn, validityNote: note, updatedAt: stamp() }))) {
      throw new ConflictError('NORMATIVE_NOT_IN_FORCE', `“${d.title}”已不再有效`);
    }
    await reindex(trx, id, input.validity);
    await notifyUnit(trx, d.unitId, {
      title: `行政规范性文件已${VALIDITY_LABELS[input.validity]}`,
      body: `本单位制定的《${d.title}》（${d.regNumber}）经政务公开办登记，自${changedOn}起${VALIDITY_LABELS[input.validity]}：${note}`,
      link: `/admin/normative/${id}`, external: true,
    });
    await recordAudit(trx, actor, {
      action: 'set_normative_validity', resourceType: 'normative_document', resourceId: id,
      before: { validity: d.validity, validityChangedOn: d.validityChangedOn, validityNote: d.validityNote }, after: { validity: input.validity, validityChangedOn: changedOn, validityNote: note },
    });
    return detail(trx, actor, id);
  });
}

/**
 * Applies a cleanup decision (废止 / 宣布失效) inside the closing transaction; false when the
 * document is no longer in force.
 */
export async function applyCleanupDecision(trx: Db, actor: Actor, id: number, validity: 'expired' | 'repealed', note: string): Promise<boolean> {
  const changedOn = today();
  const before = await repo.findDocument(trx, id);
  if (!before || !(await repo.changeValidityIfInForce(trx, id, { validity, validityChangedOn: changedOn, validityNote: note, updatedAt: stamp() }))) return false;
  await reindex(trx, id, validity);
  await recordAudit(trx, actor, {
    action: 'set_normative_validity', resourceType: 'normative_document', resourceId: id,
    before: { validity: before.validity, validityChangedOn: before.validityChangedOn, validityNote: before.validityNote }, after: { validity, validityChangedOn: changedOn, validityNote: note },
  });
  return true;
}

// ---- the scan job: expiry and alerts, each exactly once ----

/**
 * One scan: documents whose validity period ended before today become 失效 (as of the day after
 * the period's end) and are re-indexed; published documents in force whose period ends within the
 * alert window get one alert to the issuing unit. Each change is claimed by a conditional update,
 * so several processes scanning at once act once.
 */
export async function scanNormativeDocuments(db: Db): Promise<{ expired: number; alerted: number }> {
  const day = today();
  const actor = systemActor('normative-scan');
  let expired = 0;
  for (const d of await repo.findPastValidity(db, day)) {
    const done = await db.transaction().execute(async (trx) => {
      const changedOn = expiredOn(d.validUntil!);
      if (!(await repo.changeValidityIfInForce(trx, d.publicationId, { validity: 'expired', validityChangedOn: changedOn, updatedAt: stamp() }))) return false;
      await reindex(trx, d.publicationId, 'expired');
      await recordAudit(trx, actor, {
        action: 'expire_normative_document', resourceType: 'normative_document', resourceId: d.publicationId,
        before: { validity: d.validity, validUntil: d.validUntil }, after: { validity: 'expired', validityChangedOn: changedOn },
      });
      return true;
    });
    if (done) expired++;
  }
  const { alertDaysBefore } = await getNormativeSettings(db);
  let alerted = 0;
  if (alertDaysBefore > 0) {
    for (const d of await repo.findDueForAlert(db, day, addDays(day, alertDaysBefore))) {
      const done = await db.transaction().execute(async (trx) => {
        if (!(await repo.claimExpiryAlert(trx, d.publicationId, stamp()))) return false;
        await notifyUnit(trx, d.unitId, {
          title: '行政规范性文件有效期即将届满',
          body: `本单位制定的《${d.title}》（${d.docNumber ? `${d.docNumber}，` : ''}登记号 ${d.regNumber}）有效期至${d.validUntil}。需要继续施行的，请在有效期届满前评估并按程序重新制定或修改后发布；届满未重新发布的，自${expiredOn(d.validUntil!)}起失效。`,
          link: `/admin/normative/${d.publicationId}`, external: true,
        });
        return true;
      });
      if (done) alerted++;
    }
  }
  return { expired, alerted };
}

/** Registrations and cleanup items follow their unit when the office merges units. */
export async function moveRegistrationsToUnit(trx: Db, fromUnitId: number, intoUnitId: number): Promise<void> {
  await repo.moveDocumentsToUnit(trx, fromUnitId, intoUnitId);
}

// ---- the public register page ----

/** One page of the public register with each document's (published) relations, and the filters' choices. */
export async function publicRegister(db: Db, query: DocumentQuery): Promise<{ items: (NormativeDocumentView & Relations)[]; total: number; facets: Awaited<ReturnType<typeof repo.registerFacets>> }> {
  const [{ items, total }, facets] = await Promise.all([listNormativeDocuments(db, query), repo.registerFacets(db)]);
  const rel = await repo.relationsOf(db, items.map((i) => i.id));
  return { total, facets, items: items.map((i) => ({ ...i, ...presentRelations(i.id, rel, (r) => r.publicationState === 'published') })) };
}
