/**
 * Pure decisions about accounts. Each returns a boolean; services turn `false` into ForbiddenError.
 */
import type { Actor, Role } from '../../platform/actor.ts';

/** The office manages every account; a unit admin manages the accounts of its own unit. */
export function canManageUsersOf(actor: Actor, unitId: number): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'office') return true;
  return actor.role === 'unitAdmin' && actor.unitId === unitId;
}

/** A unit admin may give only unit roles; only the office creates office admins and observers. */
export function canGrantRole(actor: Actor, role: Role): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'office') return true;
  return actor.role === 'unitAdmin' && (role === 'unitAdmin' || role === 'unitStaff');
}

/** Who may list accounts: the office (all), a unit admin (its unit's). */
export function canListUsers(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && (actor.role === 'office' || actor.role === 'unitAdmin'));
}
