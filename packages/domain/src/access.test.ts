import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ACTIONS,
  ADMIN_ROLES,
  assertAuthorized,
  authorize,
  checkRoleSet,
  mayAttempt,
  PERMISSIONS,
  ROLE_SCOPE,
  ROLES,
  UNIT_KINDS,
  type Action,
  type Actor,
  type Resource,
  type Role,
} from './access.ts';
import { DomainError } from './errors.ts';

const BUSINESS_ROLES = ROLES.filter((r) => !ADMIN_ROLES.includes(r));
const UNIT_ROLES = ROLES.filter((r) => ROLE_SCOPE[r] === 'unit');
const COUNTY_ROLES = ROLES.filter((r) => ROLE_SCOPE[r] === 'county');
const actionsOf = (role: Role) => ACTIONS.filter((a) => (PERMISSIONS[a] as readonly Role[]).includes(role));
const isRead = (a: Action) => /\.(read|list|verify)$/.test(a);
/** Actions every role has (the dashboard and the region). */
const UNIVERSAL = ACTIONS.filter((a) => ROLES.every((r) => (PERMISSIONS[a] as readonly Role[]).includes(r)));

const actor = (roles: Role[], over: Partial<Actor> = {}): Actor => ({
  id: 'me',
  regionId: 'songyang',
  unitId: 'dadongba',
  roles,
  ...over,
});

describe('roles and scopes', () => {
  it('lists eight distinct roles, each with a scope', () => {
    expect(new Set(ROLES).size).toBe(ROLES.length);
    expect([...ROLES].sort()).toEqual(Object.keys(ROLE_SCOPE).sort());
  });

  it.each<[Role, 'admin' | 'county' | 'unit']>([
    ['sys_admin', 'admin'],
    ['security_admin', 'admin'],
    ['audit_admin', 'admin'],
    ['supervisor', 'county'],
    ['leader', 'county'],
    ['discipline', 'county'],
    ['unit_manager', 'unit'],
    ['unit_reporter', 'unit'],
  ])('%s is %s-scoped', (role, scope) => {
    expect(ROLE_SCOPE[role]).toBe(scope);
  });

  it('names the three separated administrators (三员) as ADMIN_ROLES', () => {
    expect([...ADMIN_ROLES].sort()).toEqual(['audit_admin', 'security_admin', 'sys_admin']);
  });

  it('knows the unit kinds of PRODUCT.md', () => {
    expect(UNIT_KINDS).toEqual(['department', 'town', 'township', 'street', 'other']);
  });
});

describe('PERMISSIONS table', () => {
  it('ACTIONS are exactly its keys', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it.each(ACTIONS)('%s is granted to at least one role, only known roles, without repeats', (action) => {
    const roles: readonly Role[] = PERMISSIONS[action];
    expect(roles.length).toBeGreaterThan(0);
    for (const r of roles) expect(ROLES).toContain(r);
    expect(new Set(roles).size).toBe(roles.length);
  });

  it('every role can do something', () => {
    for (const role of ROLES) expect(actionsOf(role).length).toBeGreaterThan(0);
  });

  it.each<[Action, Role[]]>([
    ['unit.create', ['sys_admin']],
    ['unit.update', ['sys_admin']],
    ['category.create', ['sys_admin']],
    ['user.list', ['security_admin', 'sys_admin', 'unit_manager']],
    ['user.read', ['security_admin', 'sys_admin', 'unit_manager']],
    ['user.create', ['sys_admin']],
    ['user.update', ['sys_admin']],
    ['user.unlock', ['sys_admin']],
    ['user.reset_password', ['sys_admin']],
    ['role.list', ['security_admin', 'sys_admin']],
    ['role.grant', ['security_admin']],
    ['audit.read', ['audit_admin']],
    ['audit.verify', ['audit_admin']],
    ['webhook.manage', ['sys_admin']],
    ['warning.issue', ['supervisor']],
    ['warning.recheck', ['supervisor']],
    ['warning.rectify', ['unit_manager', 'unit_reporter']],
    ['warning.appeal', ['unit_manager']],
    ['warning.decide_appeal', ['supervisor']],
    ['ruleset.manage', ['supervisor']],
    ['rating.respond', ['unit_manager']],
    ['rating.close', ['supervisor']],
    ['rating.list', ['discipline', 'leader', 'supervisor', 'unit_manager', 'unit_reporter']],
    ['index.read', ['discipline', 'leader', 'supervisor', 'unit_manager', 'unit_reporter']],
    ['index.publish', ['supervisor']],
    ['index.manage', ['supervisor']],
    ['index.bonus', ['supervisor']],
  ])('%s is granted to exactly %j', (action, roles) => {
    expect([...PERMISSIONS[action]].sort()).toEqual(roles);
  });

  it('only reading the dashboard, region, calendar and notifications is granted to every role', () => {
    expect([...UNIVERSAL].sort()).toEqual([
      'calendar.read',
      'dashboard.read',
      'notification.read',
      'region.read',
    ]);
  });

  it.each(['unit.list', 'category.list'] as Action[])(
    '%s is granted to every role but the audit administrator',
    (action) => {
      expect([...PERMISSIONS[action]].sort()).toEqual(ROLES.filter((r) => r !== 'audit_admin').sort());
    },
  );
});

describe('三员分立: the three administrators have disjoint duties', () => {
  it.each<[Role, Action]>([
    // the system administrator keeps accounts: no roles, no audit
    ['sys_admin', 'role.grant'],
    ['sys_admin', 'audit.read'],
    ['sys_admin', 'audit.verify'],
    // the security administrator keeps roles: no accounts, no audit
    ['security_admin', 'user.create'],
    ['security_admin', 'user.update'],
    ['security_admin', 'user.unlock'],
    ['security_admin', 'user.reset_password'],
    ['security_admin', 'unit.create'],
    ['security_admin', 'audit.read'],
    ['security_admin', 'audit.verify'],
    // the audit administrator only reads the audit log
    ['audit_admin', 'user.create'],
    ['audit_admin', 'user.update'],
    ['audit_admin', 'user.list'],
    ['audit_admin', 'user.read'],
    ['audit_admin', 'role.grant'],
    ['audit_admin', 'role.list'],
    ['audit_admin', 'unit.create'],
    ['audit_admin', 'unit.list'],
    ['audit_admin', 'category.list'],
  ])('%s may not %s', (role, action) => {
    expect(mayAttempt({ roles: [role] }, action)).toBe(false);
  });

  it.each<[Role, Action]>([
    ['sys_admin', 'user.create'],
    ['sys_admin', 'user.reset_password'],
    ['security_admin', 'role.grant'],
    ['audit_admin', 'audit.read'],
    ['audit_admin', 'audit.verify'],
  ])('%s may %s', (role, action) => {
    expect(mayAttempt({ roles: [role] }, action)).toBe(true);
  });

  it('no two administrators share a write permission', () => {
    for (const a of ADMIN_ROLES) {
      for (const b of ADMIN_ROLES) {
        if (a === b) continue;
        const shared = actionsOf(a).filter((x) => actionsOf(b).includes(x) && !isRead(x));
        expect(shared, `${a} and ${b}`).toEqual([]);
      }
    }
  });

  it('the audit administrator holds no write permission and nothing beyond the audit log and shared reference reads', () => {
    for (const action of actionsOf('audit_admin')) {
      expect(isRead(action), action).toBe(true);
      expect(action.startsWith('audit.') || UNIVERSAL.includes(action), action).toBe(true);
    }
  });

  it('the audit log, role grants and account writes belong to one administrator each and to no business role', () => {
    const owner: Partial<Record<Action, Role>> = {
      'audit.read': 'audit_admin',
      'audit.verify': 'audit_admin',
      'role.grant': 'security_admin',
      'user.create': 'sys_admin',
      'user.update': 'sys_admin',
      'user.unlock': 'sys_admin',
      'user.reset_password': 'sys_admin',
    };
    for (const [action, role] of Object.entries(owner) as [Action, Role][]) {
      expect(PERMISSIONS[action]).toEqual([role]);
    }
  });

  it('business roles hold no administration writes', () => {
    const administration = /^(unit|user|role|category|audit|calendar|settings|webhook)\./;
    for (const role of BUSINESS_ROLES) {
      for (const action of actionsOf(role)) {
        if (administration.test(action)) expect(isRead(action), `${role} ${action}`).toBe(true);
      }
    }
  });

  it('the administrators see none of the supervision content (items, reports, evidence, ratings)', () => {
    for (const role of ['sys_admin', 'security_admin', 'audit_admin'] as const) {
      expect(
        actionsOf(role).filter((a) => /^(item|report|evidence|todo|warning|ruleset|rating|index)\./.test(a)),
        role,
      ).toEqual([]);
    }
  });
});

describe('mayAttempt', () => {
  it.each<[Role[], Action, boolean]>([
    [[], 'dashboard.read', false],
    [['unit_reporter'], 'dashboard.read', true],
    [['unit_reporter'], 'user.list', false],
    [['unit_manager'], 'user.list', true],
    [['leader', 'unit_manager'], 'user.read', true],
    [['supervisor'], 'user.read', false],
    [['sys_admin'], 'role.list', true],
  ])('%j %s → %s', (roles, action, expected) => {
    expect(mayAttempt({ roles }, action)).toBe(expected);
  });
});

describe('authorize', () => {
  const own = { regionId: 'songyang', unitId: 'dadongba' };
  const other = { regionId: 'songyang', unitId: 'xinxing' };
  const regionLevel = { regionId: 'songyang', unitId: null };
  const regionWide = { regionId: 'songyang' };
  const foreign = { regionId: 'suichang', unitId: 'dadongba' };
  const resources: [string, Resource | undefined][] = [
    ['no resource', undefined],
    ['own unit', own],
    ['other unit', other],
    ['region-level (unitId null)', regionLevel],
    ['region-wide (unitId absent)', regionWide],
    ['other region', foreign],
  ];

  // expected per resource, in the order of `resources`
  it.each<[Role, Action, boolean[]]>([
    ['unit_reporter', 'dashboard.read', [true, true, false, false, true, false]],
    ['unit_manager', 'user.read', [true, true, false, false, true, false]],
    ['unit_manager', 'user.list', [true, true, false, false, true, false]],
    ['unit_manager', 'user.create', [false, false, false, false, false, false]],
    ['supervisor', 'dashboard.read', [true, true, true, true, true, false]],
    ['leader', 'unit.list', [true, true, true, true, true, false]],
    ['discipline', 'region.read', [true, true, true, true, true, false]],
    ['supervisor', 'user.read', [false, false, false, false, false, false]],
    ['sys_admin', 'user.create', [true, true, true, true, true, false]],
    ['sys_admin', 'user.reset_password', [true, true, true, true, true, false]],
    ['security_admin', 'role.grant', [true, true, true, true, true, false]],
    ['security_admin', 'user.update', [false, false, false, false, false, false]],
    ['audit_admin', 'audit.read', [true, true, true, true, true, false]],
    ['audit_admin', 'user.list', [false, false, false, false, false, false]],
    ['unit_manager', 'rating.respond', [true, true, false, false, true, false]],
    ['unit_reporter', 'rating.list', [true, true, false, false, true, false]],
    ['supervisor', 'rating.list', [true, true, true, true, true, false]],
    ['supervisor', 'rating.respond', [false, false, false, false, false, false]],
  ])('%s %s', (role, action, expected) => {
    const got = resources.map(([, res]) => authorize(actor([role]), action, res));
    expect(Object.fromEntries(resources.map(([name], i) => [name, got[i]]))).toEqual(
      Object.fromEntries(resources.map(([name], i) => [name, expected[i]])),
    );
  });

  it('a unit manager who is also a county leader reads any unit of the region through the county role', () => {
    const both = actor(['unit_manager', 'leader']);
    expect(authorize(both, 'dashboard.read', other)).toBe(true);
    // but user.read is granted only by the unit role, so it stays unit-scoped
    expect(authorize(both, 'user.read', own)).toBe(true);
    expect(authorize(both, 'user.read', other)).toBe(false);
  });

  it.each<[string, Resource, boolean]>([
    ['another user', { regionId: 'songyang', userId: 'someone' }, true],
    ['another user in a unit', { regionId: 'songyang', unitId: 'xinxing', userId: 'someone' }, true],
    ['oneself', { regionId: 'songyang', userId: 'me' }, false],
    ['oneself in own unit', { regionId: 'songyang', unitId: 'dadongba', userId: 'me' }, false],
    ['oneself, region-level', { regionId: 'songyang', unitId: null, userId: 'me' }, false],
    ['another user in another region', { regionId: 'suichang', userId: 'someone' }, false],
  ])('security admin role.grant on %s → %s', (_name, resource, expected) => {
    expect(authorize(actor(['security_admin']), 'role.grant', resource)).toBe(expected);
  });

  it('self-service on other user actions is not blocked by the role.grant rule', () => {
    expect(authorize(actor(['sys_admin']), 'user.update', { regionId: 'songyang', userId: 'me' })).toBe(true);
    expect(authorize(actor(['unit_manager']), 'user.read', { ...own, userId: 'me' })).toBe(true);
  });

  describe('properties', () => {
    const ids = fc.constantFrom('me', 'u2', 'u3');
    const regions = fc.constantFrom('songyang', 'suichang');
    const units = fc.constantFrom('dadongba', 'xinxing', 'wangsong');
    const actors = fc.record({
      id: ids,
      regionId: regions,
      unitId: units,
      roles: fc.subarray([...ROLES]),
    });
    const resources = fc.record(
      { regionId: regions, unitId: fc.option(units, { nil: null }), userId: ids },
      { requiredKeys: ['regionId'] },
    );
    const actions = fc.constantFrom(...ACTIONS);

    it('nobody crosses regions', () => {
      fc.assert(
        fc.property(actors, actions, resources, (a, action, res) => {
          fc.pre(res.regionId !== a.regionId);
          expect(authorize(a, action, res)).toBe(false);
        }),
      );
    });

    it('authorize implies mayAttempt, and equals it without a resource', () => {
      fc.assert(
        fc.property(actors, actions, fc.option(resources, { nil: undefined }), (a, action, res) => {
          if (authorize(a, action, res)) expect(mayAttempt(a, action)).toBe(true);
          expect(authorize(a, action)).toBe(mayAttempt(a, action));
        }),
      );
    });

    it('a unit-scoped role touches only its own unit', () => {
      fc.assert(
        fc.property(
          actors.map((a) => ({ ...a, roles: a.roles.filter((r) => ROLE_SCOPE[r] === 'unit') })),
          actions,
          resources,
          (a, action, res) => {
            fc.pre(res.unitId !== undefined && res.regionId === a.regionId);
            expect(authorize(a, action, res)).toBe(mayAttempt(a, action) && res.unitId === a.unitId);
          },
        ),
      );
    });

    it('a county role reaches any unit of its region', () => {
      fc.assert(
        fc.property(actors, fc.constantFrom(...COUNTY_ROLES), actions, resources, (a, role, action, res) => {
          fc.pre(res.regionId === a.regionId);
          const county = { ...a, roles: [role] };
          expect(authorize(county, action, res)).toBe(mayAttempt(county, action));
        }),
      );
    });

    it('an administrator reaches any unit of its region for its own actions', () => {
      fc.assert(
        fc.property(actors, fc.constantFrom(...ADMIN_ROLES), actions, resources, (a, role, action, res) => {
          fc.pre(res.regionId === a.regionId && !(action === 'role.grant' && res.userId === a.id));
          const admin = { ...a, roles: [role] };
          expect(authorize(admin, action, res)).toBe(mayAttempt(admin, action));
        }),
      );
    });

    it('role.grant is never on oneself, whatever the roles', () => {
      fc.assert(
        fc.property(actors, resources, (a, res) => {
          expect(authorize(a, 'role.grant', { ...res, regionId: a.regionId, userId: a.id })).toBe(false);
        }),
      );
    });

    it('an actor without roles may do nothing', () => {
      fc.assert(
        fc.property(actors, actions, fc.option(resources, { nil: undefined }), (a, action, res) => {
          expect(authorize({ ...a, roles: [] }, action, res)).toBe(false);
        }),
      );
    });

    it('unit roles are never the reason a region-level resource is allowed', () => {
      fc.assert(
        fc.property(actors, actions, (a, action) => {
          const unitOnly = { ...a, roles: a.roles.filter((r) => UNIT_ROLES.includes(r)) };
          expect(authorize(unitOnly, action, { regionId: a.regionId, unitId: null })).toBe(false);
        }),
      );
    });
  });
});

describe('assertAuthorized', () => {
  it('returns quietly when allowed', () => {
    expect(() =>
      assertAuthorized(actor(['supervisor']), 'dashboard.read', { regionId: 'songyang' }),
    ).not.toThrow();
  });

  it.each<[string, Role[], Action, Resource | undefined]>([
    ['missing permission', ['leader'], 'user.create', undefined],
    ['other region', ['supervisor'], 'dashboard.read', { regionId: 'suichang' }],
    ['other unit', ['unit_reporter'], 'dashboard.read', { regionId: 'songyang', unitId: 'xinxing' }],
    ['grant to self', ['security_admin'], 'role.grant', { regionId: 'songyang', userId: 'me' }],
  ])('throws a forbidden DomainError naming the action: %s', (_name, roles, action, resource) => {
    let thrown: unknown;
    try {
      assertAuthorized(actor(roles), action, resource);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ kind: 'forbidden', code: 'forbidden', params: { action } });
  });
});

describe('checkRoleSet', () => {
  it.each<[Role[], 'admin_roles_exclusive' | null]>([
    [[], null],
    [['sys_admin'], null],
    [['security_admin'], null],
    [['audit_admin'], null],
    [['supervisor'], null],
    [['unit_reporter'], null],
    [['unit_manager', 'unit_reporter'], null],
    [['leader', 'unit_manager'], null],
    [['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'], null],
    [['sys_admin', 'security_admin'], 'admin_roles_exclusive'],
    [['security_admin', 'audit_admin'], 'admin_roles_exclusive'],
    [['sys_admin', 'audit_admin'], 'admin_roles_exclusive'],
    [['sys_admin', 'security_admin', 'audit_admin'], 'admin_roles_exclusive'],
    [['sys_admin', 'supervisor'], 'admin_roles_exclusive'],
    [['unit_reporter', 'audit_admin'], 'admin_roles_exclusive'],
    [['leader', 'security_admin'], 'admin_roles_exclusive'],
    [[...ROLES], 'admin_roles_exclusive'],
  ])('%j → %s', (roles, expected) => {
    expect(checkRoleSet(roles)).toBe(expected);
  });

  it('accepts a set exactly when it holds no administrator role or only one role (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...ROLES]), (roles) => {
        const ok = roles.length <= 1 || roles.every((r) => ROLE_SCOPE[r] !== 'admin');
        expect(checkRoleSet(roles)).toBe(ok ? null : 'admin_roles_exclusive');
      }),
    );
  });
});
