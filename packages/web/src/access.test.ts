import { describe, expect, it } from 'vitest';
import { breaksSeparation, cockpitMine, computeAccess, homeRequests } from './access';
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

  it('gives unit roles items, to-do and reports but no administration', () => {
    for (const role of ['unit_manager', 'unit_reporter']) {
      expect(computeAccess([role])).toEqual({
        dashboard: true,
        cockpit: false,
        unitsRead: false,
        unitsEdit: false,
        users: false,
        roles: false,
        audit: false,
        password: true,
        items: true,
        itemsEdit: false,
        reviews: false,
        todo: true,
        reportsWrite: true,
        notifications: true,
        calendar: false,
        webhooks: false,
        regionSettings: false,
        warnings: true,
        warningsIssue: false,
        rules: true,
        rulesEdit: false,
        ratings: true,
        runningIndex: true,
        runningIndexPublish: false,
        runningIndexBonus: false,
        cases: true,
        casesCreate: false,
        admonitions: false,
        postMortems: true,
        postMortemsManage: false,
        bulletins: true,
        bulletinsDraft: false,
        bulletinsReceipts: false,
        meetings: false,
        meetingsManage: false,
      });
    }
  });

  it('shows talk records to discipline roles only, and lets the task force manage post-mortem reviews', () => {
    expect(computeAccess(['discipline'])).toMatchObject({
      admonitions: true,
      cases: true,
      casesCreate: true,
    });
    for (const role of ['supervisor', 'leader', 'unit_manager', 'unit_reporter', 'sys_admin', 'audit_admin'])
      expect(computeAccess([role]).admonitions).toBe(false);
    expect(computeAccess(['supervisor'])).toMatchObject({
      postMortems: true,
      postMortemsManage: true,
      casesCreate: true,
    });
    expect(computeAccess(['leader'])).toMatchObject({
      postMortems: true,
      postMortemsManage: false,
      casesCreate: true,
    });
    for (const role of ['sys_admin', 'security_admin', 'audit_admin'])
      expect(computeAccess([role])).toMatchObject({ cases: false, postMortems: false, casesCreate: false });
  });

  it('gives discipline and leaders read-only items', () => {
    for (const role of ['discipline', 'leader']) {
      expect(computeAccess([role])).toMatchObject({
        items: true,
        itemsEdit: false,
        reviews: false,
        todo: false,
        reportsWrite: false,
      });
    }
  });

  it('gives the supervisor items (edit), reviews and the to-do list', () => {
    expect(computeAccess(['supervisor'])).toMatchObject({
      items: true,
      itemsEdit: true,
      reviews: true,
      todo: true,
      reportsWrite: false,
      calendar: false,
    });
  });

  it('keeps supervision content from the three administrators; sys_admin keeps the calendar', () => {
    for (const role of ['sys_admin', 'security_admin', 'audit_admin']) {
      const a = computeAccess([role]);
      expect(a.items || a.reviews || a.todo || a.reportsWrite || a.itemsEdit).toBe(false);
      expect(a.calendar).toBe(role === 'sys_admin');
    }
  });

  it('shows the warning board and the rules to every business role; only the supervisor writes', () => {
    for (const role of ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter']) {
      const a = computeAccess([role]);
      expect(a.warnings && a.rules).toBe(true);
      expect(a.warningsIssue).toBe(role === 'supervisor');
      expect(a.rulesEdit).toBe(role === 'supervisor');
    }
    for (const role of ['sys_admin', 'security_admin', 'audit_admin']) {
      const a = computeAccess([role]);
      expect(a.warnings || a.rules || a.warningsIssue || a.rulesEdit).toBe(false);
    }
  });

  it('shows service ratings and their follow-ups to every business role and to no administrator', () => {
    for (const role of ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'])
      expect(computeAccess([role]).ratings, role).toBe(true);
    for (const role of ['sys_admin', 'security_admin', 'audit_admin'])
      expect(computeAccess([role]).ratings, role).toBe(false);
    expect(computeAccess([]).ratings).toBe(false);
  });

  it('shows the running index to every business role; only the supervisor publishes and commends', () => {
    for (const role of ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter']) {
      const a = computeAccess([role]);
      expect(a.runningIndex, role).toBe(true);
      expect(a.runningIndexPublish, role).toBe(role === 'supervisor');
      expect(a.runningIndexBonus, role).toBe(role === 'supervisor');
    }
    for (const role of ['sys_admin', 'security_admin', 'audit_admin']) {
      const a = computeAccess([role]);
      expect(a.runningIndex || a.runningIndexPublish || a.runningIndexBonus, role).toBe(false);
    }
  });

  it('gives the webhooks page to the system administrator alone', () => {
    for (const role of ['sys_admin', 'security_admin', 'audit_admin', 'supervisor', 'leader', 'unit_manager'])
      expect(computeAccess([role]).webhooks, role).toBe(role === 'sys_admin');
    expect(computeAccess([]).webhooks).toBe(false);
  });

  it('gives the region settings to the system administrator alone', () => {
    for (const role of ['sys_admin', 'security_admin', 'audit_admin', 'supervisor', 'leader', 'unit_manager'])
      expect(computeAccess([role]).regionSettings, role).toBe(role === 'sys_admin');
  });

  it('shows bulletins to every business role and the meeting pack to the county roles; only the supervisor drafts and manages', () => {
    const of = (role: string) => computeAccess([role]);
    expect(of('supervisor')).toMatchObject({
      bulletins: true,
      bulletinsDraft: true,
      bulletinsReceipts: true,
      meetings: true,
      meetingsManage: true,
    });
    expect(of('leader')).toMatchObject({
      bulletins: true,
      bulletinsDraft: false,
      bulletinsReceipts: true,
      meetings: true,
      meetingsManage: false,
    });
    expect(of('discipline')).toMatchObject({
      bulletins: true,
      bulletinsReceipts: false,
      meetings: true,
      meetingsManage: false,
    });
    for (const role of ['sys_admin', 'security_admin', 'audit_admin'])
      expect(of(role), role).toMatchObject({ bulletins: false, meetings: false, bulletinsDraft: false });
  });

  it('gives a user without roles the dashboard and password only', () => {
    const a = computeAccess([]);
    expect(a.dashboard && a.password).toBe(true);
    expect(a.unitsRead || a.users || a.roles || a.audit || a.items || a.todo || a.calendar).toBe(false);
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

describe('the cockpit narrowed to a leader’s items', () => {
  it('is asked with ?mine=1 and only a leader gets it', () => {
    expect(cockpitMine(['leader'], '?mine=1')).toBe(true);
    expect(cockpitMine(['leader'], '')).toBe(false);
    expect(cockpitMine(['supervisor'], '?mine=1')).toBe(false);
  });
});

describe('the requests of the first screen', () => {
  it('asks the cockpit roles for the cockpit (narrowed for a leader) and everyone for the base data', () => {
    expect(homeRequests(['leader'], '?mine=1')).toEqual({
      cockpit: '/api/cockpit?mine=1',
      dashboard: '/api/dashboard',
    });
    expect(homeRequests(['supervisor'], '?mine=1')).toEqual({
      cockpit: '/api/cockpit',
      dashboard: '/api/dashboard',
    });
    expect(homeRequests(['unit_manager'], '')).toEqual({ cockpit: null, dashboard: '/api/dashboard' });
  });
});
