/**
 * Pure decisions about the decision catalogue and consultations. The office compiles and publishes
 * the catalogue; a decision's undertaking unit moves its own item forward, only the office moves one
 * back. A consultation belongs to its unit: that unit and the office manage it and alone see the
 * commenters' names and contacts; observers read everything else and change nothing.
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

/** A signed-in person of a unit who may change things (not an observer). */
function isUnitWriter(actor: Actor, unitId: number): boolean {
  return actor.kind === 'user' && actor.role !== 'observer' && actor.unitId === unitId;
}

/** Adding, editing, deleting items and publishing a year's catalogue: the office. */
export function canEditCatalogue(actor: Actor): boolean {
  return isOfficeLike(actor);
}

/** Published items are public; unpublished ones are seen by the office, observers and the item's unit. */
export function canSeeDecisionItem(actor: Actor, item: { unitId: number; published: number }): boolean {
  return item.published === 1 || canReadAll(actor) || (actor.kind === 'user' && actor.unitId === item.unitId);
}

/** Moving an item to a later stage: the office or the undertaking unit. */
export function canAdvanceStage(actor: Actor, item: { unitId: number }): boolean {
  return isOfficeLike(actor) || isUnitWriter(actor, item.unitId);
}

/** Moving an item back to an earlier stage: the office only. */
export function canMoveStageBack(actor: Actor): boolean {
  return isOfficeLike(actor);
}

/** Drafting a consultation for a unit: that unit's people, or the office for any unit. */
export function canDraftFor(actor: Actor, unitId: number): boolean {
  return isOfficeLike(actor) || isUnitWriter(actor, unitId);
}

/** Editing, publishing, moderating, disposing, reporting: the consultation's unit and the office. */
export function canManageConsultation(actor: Actor, c: { unitId: number }): boolean {
  return isOfficeLike(actor) || isUnitWriter(actor, c.unitId);
}

/** The staff view (all comments, counts): the unit's people, the office, observers. */
export function canReadConsultationAsStaff(actor: Actor, c: { unitId: number }): boolean {
  return canReadAll(actor) || (actor.kind === 'user' && actor.unitId === c.unitId);
}

/** A published consultation is public; a draft is seen only by its unit, the office and observers. */
export function canSeeConsultation(actor: Actor, c: { unitId: number; state: string }): boolean {
  return c.state !== 'draft' || canReadConsultationAsStaff(actor, c);
}

/** Commenters' names and contacts: the consultation's unit and the office (not observers, not other units). */
export function canSeeCommenterData(actor: Actor, c: { unitId: number }): boolean {
  return canManageConsultation(actor, c);
}
