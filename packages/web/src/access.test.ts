import { describe, expect, it } from 'vitest';
import { breaksSeparation, computeAccess } from './access';
import { DEFAULT_ROLES } from './api/types';

describe('computeAccess', () => {
  it('gives sys_admin units (edit) and users but neither roles nor audit', () => {
    const a = computeAccess(['sys_admin']);
    expect(a).toMatchObject({
      dashboard: true,
      unitsRead: true,
      unitsEdit: true,
      users: true,
      roles: false,
      audit: false,
    });
  });

  it('keeps the three administrators separate', () => {
    expect(computeAccess(['security_admin'])).toMatchObject({
      roles: true,
      users: false,
      audit: false,
      unitsRead: false,
    });
    expect(computeAccess(['audit_admin'])).toMatchObject({
      audit: true,
      users: false,
      roles: false,
      unitsRead: false,
    });
  });

  it('lets supervisor and leader read units without editing them', () => {
    for (const role of ['supervisor', 'leader']) {
      expect(computeAccess([role])).toMatchObject({ unitsRead: true, unitsEdit: false, users: false });
    }
  });

  it('gives unit roles and discipline the dashboard and password only', () => {
    for (const role of ['unit_manager', 'unit_reporter', 'discipline']) {
      expect(computeAccess([role])).toEqual({
        dashboard: true,
        unitsRead: false,
        unitsEdit: false,
        users: false,
        roles: false,
        audit: false,
        password: true,
      });
    }
  });

  it('gives a user without roles the dashboard and password only', () => {
    const a = computeAccess([]);
    expect(a.dashboard && a.password).toBe(true);
    expect(a.unitsRead || a.users || a.roles || a.audit).toBe(false);
  });
});

describe('breaksSeparation', () => {
  it.each([
    [['sys_admin'], false],
    [['supervisor', 'leader'], false],
    [['sys_admin', 'audit_admin'], true],
    [['security_admin', 'supervisor'], true],
    [[], false],
  ])('%j → %s', (roles, broken) => {
    expect(breaksSeparation(roles, DEFAULT_ROLES)).toBe(broken);
  });
});
