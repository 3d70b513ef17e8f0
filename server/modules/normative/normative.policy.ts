/**
 * Pure decisions about the normative register and cleanup campaigns (谁制定、谁清理).
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

/** The issuing unit's people (not observers) and the office keep a document's registration: dates, notes, relations it declares. */
export function canEditRegistration(actor: Actor, doc: { unitId: number }): boolean {
  if (isOfficeLike(actor)) return true;
  return actor.kind === 'user' && actor.role !== 'observer' && actor.unitId === doc.unitId;
}

/** A registration whose publication is not (or no longer) published: its unit, the office, observers. */
export function canReadUnpublishedRegistration(actor: Actor, doc: { unitId: number }): boolean {
  return canReadAll(actor) || (actor.kind === 'user' && actor.unitId === doc.unitId);
}

/** Declaring a document expired or repealed without a new document, and the register's settings: the office. */
export function canSetValidity(actor: Actor): boolean {
  return isOfficeLike(actor);
}

/** The office opens and closes cleanup campaigns. */
export function canManageCampaigns(actor: Actor): boolean {
  return isOfficeLike(actor);
}

/** Office and observers see every unit's cleanup items; a unit sees its own. */
export function canSeeAllItems(actor: Actor): boolean {
  return canReadAll(actor);
}

/** The issuing unit confirms its own documents' cleanup decisions (the office may stand in for it). */
export function canConfirmItem(actor: Actor, item: { unitId: number }): boolean {
  if (isOfficeLike(actor)) return true;
  return actor.kind === 'user' && actor.role !== 'observer' && actor.unitId === item.unitId;
}
