/**
 * Who is acting: every service function receives an Actor and decides with a policy what it may do.
 */
export const ROLES = ['office', 'unitAdmin', 'unitStaff', 'observer'] as const;
/** office: 政务公开办 administrator; unitAdmin: manages its unit's users; unitStaff: does its unit's work; observer: reads, changes nothing */
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  office: '政务公开办管理员',
  unitAdmin: '单位管理员',
  unitStaff: '单位工作人员',
  observer: '观察员（只读）',
};

export interface UserActor {
  kind: 'user';
  userId: number;
  username: string;
  unitId: number;
  role: Role;
  /** how the request authenticated: a browser session (CSRF-checked) or an API token */
  via: 'session' | 'token';
  ip?: string;
}

export interface AnonymousActor {
  kind: 'anonymous';
  ip?: string;
}

/** The platform itself: first-start demo data, CLI commands run by the server's operator. */
export interface SystemActor {
  kind: 'system';
  label: string;
}

export type Actor = UserActor | AnonymousActor | SystemActor;

export const anonymous: AnonymousActor = Object.freeze({ kind: 'anonymous' });

export function systemActor(label: string): SystemActor {
  return { kind: 'system', label };
}

/** A human-readable label for the audit log. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.username;
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return `system:${actor.label}`;
  }
}

/** True for the office and the system: they administer the whole platform. */
export function isOfficeLike(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'office');
}

/** True for those who may read every unit's work: office, system and observers. */
export function canReadAll(actor: Actor): boolean {
  return isOfficeLike(actor) || (actor.kind === 'user' && actor.role === 'observer');
}
