/**
 * Pure decisions about publications (主动公开).
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

/** A unit's people (not observers) write their unit's publications; the office writes any. */
export function canWritePublication(actor: Actor, p: { unitId: number }): boolean {
  if (isOfficeLike(actor)) return true;
  return actor.kind === 'user' && actor.role !== 'observer' && actor.unitId === p.unitId;
}

/** Drafts and reviews are read by the unit itself, the office and observers. */
export function canReadUnpublished(actor: Actor, p: { unitId: number }): boolean {
  if (canReadAll(actor)) return true;
  return actor.kind === 'user' && actor.unitId === p.unitId;
}

/**
 * 保密审查 reviewers: the unit's administrators or the office — never the author of the draft
 * (a second pair of eyes).
 */
export function canBeReviewer(candidate: { role: string; unitId: number; userId: number }, p: { unitId: number; createdBy: number | null }): boolean {
  if (candidate.userId === p.createdBy) return false;
  return candidate.role === 'office' || (candidate.role === 'unitAdmin' && candidate.unitId === p.unitId);
}

/** The named reviewer decides; the office may decide in their place. */
export function canReview(actor: Actor, p: { reviewerId: number | null }): boolean {
  if (isOfficeLike(actor)) return true;
  return actor.kind === 'user' && actor.role !== 'observer' && actor.userId === p.reviewerId;
}

/** The office edits the catalogue trees. */
export function canEditCatalogue(actor: Actor): boolean {
  return isOfficeLike(actor);
}
