/**
 * Pure decisions about inspections and rectification: the office runs inspections and verifies
 * rectification; a unit sees only the findings naming it (once the inspection is opened) and its
 * people (not observers) answer them; observers read everything and change nothing.
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

/** Creates, edits, opens, closes and publishes inspections; adds findings; verifies (销号 / 退回). */
export function canManageInspections(actor: Actor): boolean {
  return isOfficeLike(actor);
}

/** Reads every inspection and finding, drafts included. */
export function canReadAllInspections(actor: Actor): boolean {
  return canReadAll(actor);
}

/** Reads a finding: the office and observers; the unit it names once its inspection is no longer a draft. */
export function canReadFinding(actor: Actor, f: { unitId: number }, inspection: { state: string }): boolean {
  if (canReadAll(actor)) return true;
  return actor.kind === 'user' && actor.unitId === f.unitId && inspection.state !== 'draft';
}

/** Answers a finding with a rectification report: its unit's people (unit admin and staff, not observers); the platform itself (demo data). */
export function canRectify(actor: Actor, f: { unitId: number }): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'user' && actor.unitId === f.unitId && actor.role !== 'observer';
}
