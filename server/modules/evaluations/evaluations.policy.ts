/**
 * Pure decisions about evaluations: the office builds and scores; observers read everything; a
 * unit sees a set once scoring has started, its own breakdown, and the ranking once published.
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

/** Builds indicator sets, enters manual scores, publishes: the office. */
export function canManageEvaluations(actor: Actor): boolean {
  return isOfficeLike(actor);
}

/** Sees the set (and its indicator tree): the office and observers always; units once it is no longer a draft. */
export function canReadSet(actor: Actor, set: { state: string }): boolean {
  return canReadAll(actor) || (actor.kind === 'user' && set.state !== 'draft');
}

/** Sees every unit's breakdown: the office and observers. */
export function canReadAllResults(actor: Actor): boolean {
  return canReadAll(actor);
}

/** Sees one unit's breakdown: the office, observers, and the unit itself (once the set is no longer a draft). */
export function canReadBreakdown(actor: Actor, set: { state: string }, unitId: number): boolean {
  return canReadAll(actor) || (actor.kind === 'user' && set.state !== 'draft' && actor.unitId === unitId);
}

/** Sees the ranking of all units: the office and observers; units only once the result is published. */
export function canReadRanking(actor: Actor, set: { state: string }): boolean {
  return canReadAll(actor) || (actor.kind === 'user' && set.state === 'published');
}
