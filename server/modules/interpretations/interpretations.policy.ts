/**
 * Pure decisions about interpretations: published ones are public; a unit writes (and sees the
 * drafts of) its own; the office does all; observers read everything and write nothing.
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

export function canReadInterpretation(actor: Actor, i: { state: string; unitId: number }): boolean {
  return i.state === 'published' || canReadAll(actor) || (actor.kind === 'user' && actor.unitId === i.unitId);
}

/** May write interpretations at all: the office and units' people (not observers, not anonymous). */
export function canWriteInterpretations(actor: Actor): boolean {
  return isOfficeLike(actor) || (actor.kind === 'user' && (actor.role === 'unitAdmin' || actor.role === 'unitStaff'));
}

/** May write this unit's interpretations. */
export function canWriteForUnit(actor: Actor, unitId: number): boolean {
  return isOfficeLike(actor) || (canWriteInterpretations(actor) && actor.kind === 'user' && actor.unitId === unitId);
}
