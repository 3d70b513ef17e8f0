/**
 * The workbench's screens and which roles see them.
 */
import type { Role } from '../api/types.ts';
import { t } from '../i18n/index.ts';

export interface NavItem {
  key: string;
  path: string;
  label: string;
  roles: Role[];
  /** shown inside a menu group (主动公开) */
  group?: 'disclosure';
}

export const NAV_GROUPS: Record<NonNullable<NavItem['group']>, string> = {
  disclosure: t.nav.disclosure,
};

export const NAV: NavItem[] = [
  { key: 'overview', path: '/overview', label: t.nav.overview, roles: ['office', 'observer'] },
  { key: 'tasks', path: '/tasks', label: t.nav.myTasks, roles: ['office', 'unitAdmin', 'unitStaff'] },
  { key: 'review', path: '/reviews', label: t.nav.leadReview, roles: ['office', 'unitAdmin', 'unitStaff'] },
  { key: 'requests', path: '/requests', label: t.nav.requests, roles: ['office', 'unitAdmin', 'unitStaff', 'observer'] },
  { key: 'inspections', path: '/inspections', label: t.nav.inspections, roles: ['office', 'observer'] },
  { key: 'rectifications', path: '/rectifications', label: t.nav.rectifications, roles: ['unitAdmin', 'unitStaff'] },
  { key: 'publications', path: '/publications', label: t.nav.publications, roles: ['office', 'unitAdmin', 'unitStaff', 'observer'], group: 'disclosure' },
  { key: 'normative', path: '/normative', label: t.nav.normative, roles: ['office', 'unitAdmin', 'unitStaff', 'observer'], group: 'disclosure' },
  { key: 'interpretations', path: '/interpretations', label: t.nav.interpretations, roles: ['office', 'unitAdmin', 'unitStaff', 'observer'], group: 'disclosure' },
  { key: 'consultations', path: '/consultations', label: t.nav.consultations, roles: ['office', 'unitAdmin', 'unitStaff', 'observer'], group: 'disclosure' },
  { key: 'annualReports', path: '/annual-reports', label: t.nav.annualReports, roles: ['office', 'unitAdmin', 'unitStaff', 'observer'], group: 'disclosure' },
  { key: 'gazette', path: '/gazette', label: t.nav.gazette, roles: ['office', 'observer'], group: 'disclosure' },
  { key: 'catalogue', path: '/catalogue', label: t.nav.catalogue, roles: ['office'], group: 'disclosure' },
  { key: 'evaluations', path: '/evaluations', label: t.nav.evaluations, roles: ['office', 'unitAdmin', 'unitStaff', 'observer'] },
  { key: 'import', path: '/import', label: t.nav.import, roles: ['office'] },
  { key: 'units', path: '/units', label: t.nav.units, roles: ['office', 'observer'] },
  { key: 'users', path: '/users', label: t.nav.users, roles: ['office', 'unitAdmin'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((n) => n.roles.includes(role));
}

/** Where a user lands after signing in. */
export function homePath(role: Role): string {
  return role === 'office' || role === 'observer' ? '/overview' : '/tasks';
}

export function canSee(role: Role, key: string): boolean {
  return NAV.some((n) => n.key === key && n.roles.includes(role));
}
