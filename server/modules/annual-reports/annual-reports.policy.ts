/**
 * Pure decisions about annual reports: every signed-in user may read published reports (they are
 * public); a unit reads and writes its own drafts; the office does all; observers read everything
 * and write nothing.
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

export function canReadReport(actor: Actor, r: { state: string; unitId: number }): boolean {
  if (actor.kind === 'anonymous') return false;
  return r.state === 'published' || canReadAll(actor) || (actor.kind === 'user' && actor.unitId === r.unitId);
}

/** May write annual reports at all: the office and units' people (not observers, not anonymous). */
export function canWriteReports(actor: Actor): boolean {
  return isOfficeLike(actor) || (actor.kind === 'user' && (actor.role === 'unitAdmin' || actor.role === 'unitStaff'));
}

/** May write this unit's reports (create, enter rows, publish). */
export function canWriteForUnit(actor: Actor, unitId: number): boolean {
  return isOfficeLike(actor) || (canWriteReports(actor) && actor.kind === 'user' && actor.unitId === unitId);
}
