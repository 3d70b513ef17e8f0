/**
 * Pure decisions about the gazette: published issues are public, drafts are seen by the office and
 * observers, and only the office edits.
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

/** A published issue (and its documents) is public; a draft is seen by the office and observers. */
export function canReadIssue(actor: Actor, issue: { state: string }): boolean {
  return issue.state === 'published' || canReadAll(actor);
}

/** Whether this actor may see draft issues at all (lists include them). */
export function canSeeDrafts(actor: Actor): boolean {
  return canReadAll(actor);
}

/** Issues and their documents are compiled and published by the office (市政府办公室). */
export function canManageGazette(actor: Actor): boolean {
  return isOfficeLike(actor);
}
