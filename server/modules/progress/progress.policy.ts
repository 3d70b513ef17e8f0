/**
 * Pure decisions about progress reports.
 */
import { canReadAll, isOfficeLike, type Actor } from '../../platform/actor.ts';

/** Who reports for an assignment: the users of its unit (not observers). */
export function canReport(actor: Actor, a: { unitId: number }): boolean {
  return actor.kind === 'user' && actor.unitId === a.unitId && actor.role !== 'observer';
}

/**
 * The units that review a report: for a responsible unit's report, the task's lead units other than
 * itself; none (so the office reviews) for a lead unit's own consolidated report, or when the unit
 * leads the task itself.
 */
export function reviewingUnits(a: { unitId: number; role: string }, leadUnitIds: number[]): number[] {
  return a.role === 'responsible' ? leadUnitIds.filter((id) => id !== a.unitId) : [];
}

/** The office reviews any report; a lead unit's users review its responsible units' reports. */
export function canReview(actor: Actor, a: { unitId: number; role: string }, leadUnitIds: number[]): boolean {
  if (isOfficeLike(actor)) return true;
  return actor.kind === 'user' && actor.role !== 'observer' && reviewingUnits(a, leadUnitIds).includes(actor.unitId);
}

/** An assignment's unit, its task's lead units, the office and observers may read its reports. */
export function canReadAssignment(actor: Actor, a: { unitId: number }, leadUnitIds: number[]): boolean {
  if (canReadAll(actor)) return true;
  return actor.kind === 'user' && (actor.unitId === a.unitId || leadUnitIds.includes(actor.unitId));
}
