/**
 * The pure rules of inspections: who reads and answers a finding, when a finding is overdue, and
 * its public status.
 */
import { describe, expect, it } from 'vitest';
import { anonymous, systemActor, type Actor, type Role } from '../../platform/actor.ts';
import { isOverdue, publicStatusOf } from './inspections.constants.ts';
import { canManageInspections, canReadFinding, canRectify } from './inspections.policy.ts';

const user = (role: Role, unitId: number): Actor => ({ kind: 'user', userId: 1, username: 'u', unitId, role, via: 'session' });
const finding = { unitId: 7 };

describe('inspection policy', () => {
  it('lets only the office (and the platform) run inspections', () => {
    expect(canManageInspections(user('office', 1))).toBe(true);
    expect(canManageInspections(systemActor('cli'))).toBe(true);
    for (const role of ['observer', 'unitAdmin', 'unitStaff'] as Role[]) expect(canManageInspections(user(role, 7))).toBe(false);
    expect(canManageInspections(anonymous)).toBe(false);
  });

  it('shows a unit its own findings once the inspection is issued, never another unit’s', () => {
    expect(canReadFinding(user('unitStaff', 7), finding, { state: 'open' })).toBe(true);
    expect(canReadFinding(user('unitStaff', 7), finding, { state: 'closed' })).toBe(true);
    expect(canReadFinding(user('unitStaff', 7), finding, { state: 'draft' })).toBe(false);
    expect(canReadFinding(user('unitAdmin', 8), finding, { state: 'open' })).toBe(false);
    expect(canReadFinding(user('observer', 1), finding, { state: 'draft' })).toBe(true);
    expect(canReadFinding(anonymous, finding, { state: 'open' })).toBe(false);
  });

  it('lets the unit’s admin and staff answer, not observers, other units or the office of another unit', () => {
    expect(canRectify(user('unitStaff', 7), finding)).toBe(true);
    expect(canRectify(user('unitAdmin', 7), finding)).toBe(true);
    expect(canRectify(user('observer', 7), finding)).toBe(false);
    expect(canRectify(user('unitStaff', 8), finding)).toBe(false);
    expect(canRectify(user('office', 1), finding)).toBe(false);
    expect(canRectify(anonymous, finding)).toBe(false);
  });
});

describe('overdue and public status', () => {
  it('counts as overdue only what the unit still has to do after the due date', () => {
    expect(isOverdue({ state: 'open', dueOn: '2020-09-30' }, '2020-10-01')).toBe(true);
    expect(isOverdue({ state: 'returned', dueOn: '2020-09-30' }, '2020-10-01')).toBe(true);
    expect(isOverdue({ state: 'open', dueOn: '2020-09-30' }, '2020-09-30')).toBe(false); // due today is not late
    expect(isOverdue({ state: 'submitted', dueOn: '2020-09-30' }, '2020-10-01')).toBe(false); // awaiting the office
    expect(isOverdue({ state: 'closed', dueOn: '2020-09-30' }, '2020-10-01')).toBe(false);
    expect(isOverdue({ state: 'withdrawn', dueOn: '2020-09-30' }, '2020-10-01')).toBe(false);
  });

  it('shows 已销号, 逾期 or 整改中 to the public', () => {
    expect(publicStatusOf({ state: 'closed', dueOn: '2020-09-30' }, '2020-12-01')).toBe('closed');
    expect(publicStatusOf({ state: 'open', dueOn: '2020-09-30' }, '2020-12-01')).toBe('overdue');
    expect(publicStatusOf({ state: 'submitted', dueOn: '2020-09-30' }, '2020-12-01')).toBe('inProgress');
    expect(publicStatusOf({ state: 'returned', dueOn: '2020-12-31' }, '2020-12-01')).toBe('inProgress');
  });
});
