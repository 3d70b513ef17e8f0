/**
 * Pure decisions about lists, tasks and assignments.
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

/** Published lists are public; drafts are seen by the office and observers. */
export function canReadList(actor: Actor, list: { state: string }): boolean {
  return list.state === 'published' || canReadAll(actor);
}

/** Importing, correcting, publishing and deleting lists is the office's work. */
export function canManageLists(actor: Actor): boolean {
  return isOfficeLike(actor);
}
