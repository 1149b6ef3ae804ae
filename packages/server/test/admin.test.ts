// The administrators' flows end to end through the API: the system admin makes units and accounts, the
// security admin gives roles, the new account sees exactly what its role allows.
import { UNIT_KINDS } from '@benpao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { count, DEMO_UNITS_COUNT, expectError, unitId, userId } from './fixtures.ts';

interface Dashboard {
  region: { id: string; name: string };
  units: { total: number; byKind: { kind: string; count: number }[] };
  users: { total: number; active: number };
  categories: { id: string; name: string; unitCount: number }[];
}

const NEW_PASSWORD = 'Fresh#Start2022';

describe.skipIf(!pgAvailable)(`administration flows (${dialect})`, () => {
  let t: TestApp;
  let admin: string;
  let security: string;
  let unit: { id: string; name: string };
  let newcomer: { id: string; cookie: string };

  const login = async (username: string, password: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.cookies.find((x) => x.name === 'benpao_sid')!;
    return `benpao_sid=${c.value}`;
  };
  const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });
  const grant = (roles: string[], id = newcomer.id, cookie = security) =>
    t.as(cookie, { method: 'PUT', url: `/api/users/${id}/roles`, payload: { roles } });
  const dashboard = async (cookie = admin) => {
    const res = await get(cookie, '/api/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Dashboard;
  };
  const kindCount = (d: Dashboard, kind: string) => d.units.byKind.find((k) => k.kind === kind)!.count;

  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    security = await t.login('security');
  });
  afterAll(() => t.close());

  it('shows the demo county on the dashboard with figures counted from the database', async () => {
    const d = await dashboard();
    expect(d.region.name).toBe('松阳县 (demo)');
    expect(d.units.total).toBe(DEMO_UNITS_COUNT);
    expect(d.units.total).toBe(await count(t, 'units'));
    expect(d.units.byKind.map((k) => k.kind)).toEqual([...UNIT_KINDS]);
    expect(d.units.byKind.reduce((s, k) => s + k.count, 0)).toBe(d.units.total);
    expect(kindCount(d, 'town')).toBe(5);
    expect(kindCount(d, 'street')).toBe(3);
    expect(kindCount(d, 'township')).toBe(11);
    expect(d.users).toEqual({ total: await count(t, 'users'), active: await count(t, 'users') });
    expect(d.categories.map((c) => [c.name, c.unitCount])).toEqual([
      ['乡镇（街道）', 19],
      ['县级部门', 19],
    ]);
  });

  it('lets the system admin create a unit, and the dashboard counts it', async () => {
    const before = await dashboard();
    const towns = before.categories.find((c) => c.name === '乡镇（街道）')!;
    const res = await t.as(admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name: '测试新镇', kind: 'town', categoryId: towns.id, sortOrder: 999 },
    });
    expect(res.statusCode, res.body).toBe(201);
    unit = res.json();
    expect(unit).toMatchObject({
      name: '测试新镇',
      kind: 'town',
      categoryId: towns.id,
      categoryName: '乡镇（街道）',
      active: true,
    });
    const after = await dashboard();
    expect(after.units.total).toBe(before.units.total + 1);
    expect(kindCount(after, 'town')).toBe(kindCount(before, 'town') + 1);
    expect(kindCount(after, 'department')).toBe(kindCount(before, 'department'));
    expect(after.categories.find((c) => c.id === towns.id)!.unitCount).toBe(towns.unitCount + 1);
    const listed = await get(admin, `/api/units/${unit.id}`);
    expect(listed.json()).toEqual(unit);
  });

  it('stops counting a unit on the dashboard once it is deactivated', async () => {
    const extra = (
      await t.as(admin, {
        method: 'POST',
        url: '/api/units',
        payload: { name: '临时部门', kind: 'department' },
      })
    ).json();
    const before = await dashboard();
    const res = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${extra.id}`,
      payload: { active: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await dashboard();
    expect(after.units.total).toBe(before.units.total - 1);
    expect(kindCount(after, 'department')).toBe(kindCount(before, 'department') - 1);
  });

  it('lets the system admin create an account that has no roles and is refused every role-gated route', async () => {
    const before = await dashboard();
    const res = await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'newcomer',
        displayName: '新同事（测试）',
        unitId: unit.id,
        password: NEW_PASSWORD,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'newcomer',
      unitId: unit.id,
      unitName: '测试新镇',
      roles: [],
      active: true,
      lockedUntil: null,
    });
    expect(JSON.stringify(res.json())).not.toMatch(/password|argon/i);
    const after = await dashboard();
    expect(after.users.total).toBe(before.users.total + 1);
    expect(after.users.active).toBe(before.users.active + 1);

    newcomer = { id: res.json().id, cookie: await login('newcomer', NEW_PASSWORD) };
    const me = await get(newcomer.cookie, '/api/auth/me');
    expect(me.json().user).toMatchObject({ username: 'newcomer', roles: [], unitName: '测试新镇' });
    for (const url of [
      '/api/dashboard',
      '/api/units',
      '/api/users',
      '/api/roles',
      '/api/audit',
      '/api/ranking-categories',
    ]) {
      expectError(await get(newcomer.cookie, url), 403, 'forbidden');
    }
  });

  it('refuses an administrator role combined with another role with 400 admin_roles_exclusive', async () => {
    for (const roles of [
      ['sys_admin', 'supervisor'],
      ['security_admin', 'audit_admin'],
      ['audit_admin', 'unit_manager'],
    ]) {
      const err = expectError(await grant(roles), 400, 'admin_roles_exclusive');
      expect(err.field).toBe('roles');
      expect(err.message).toContain('三员分立');
    }
    const en = await t.as(security, {
      method: 'PUT',
      url: `/api/users/${newcomer.id}/roles`,
      payload: { roles: ['sys_admin', 'leader'] },
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().error.message).toContain('Separation of duties');
    const roles = await t.database.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', newcomer.id)
      .execute();
    expect(roles).toEqual([]);
  });

  it('fails with 403 when the security admin changes their own roles', async () => {
    const self = await userId(t, 'security');
    for (const roles of [['security_admin'], [], ['supervisor']]) {
      expectError(await grant(roles, self), 403, 'cannot_grant_self');
    }
    expect((await get(security, '/api/auth/me')).json().user.roles).toEqual(['security_admin']);
  });

  it('gives a unit manager their own unit at once, and nothing more', async () => {
    const res = await grant(['unit_manager']);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles).toEqual(['unit_manager']);
    // The open session sees the new role without logging in again.
    expect((await get(newcomer.cookie, '/api/auth/me')).json().user.roles).toEqual(['unit_manager']);
    expect((await get(newcomer.cookie, '/api/dashboard')).statusCode).toBe(200);
    const users = await get(newcomer.cookie, '/api/users');
    expect(users.statusCode).toBe(200);
    expect((users.json().items as { username: string }[]).map((u) => u.username)).toEqual(['newcomer']);
    expectError(await get(newcomer.cookie, `/api/users/${await userId(t, 'dadongba')}`), 403);
    expectError(await get(newcomer.cookie, '/api/audit'), 403);
    expectError(
      await t.as(newcomer.cookie, {
        method: 'POST',
        url: '/api/units',
        payload: { name: '越权单位', kind: 'other' },
      }),
      403,
    );
  });

  it('gives a supervisor the county-wide reads, and takes the unit manager rights away', async () => {
    expect((await grant(['supervisor', 'leader'])).json().roles).toEqual(['leader', 'supervisor']);
    expect((await get(newcomer.cookie, '/api/units')).json().total).toBeGreaterThan(DEMO_UNITS_COUNT);
    expectError(await get(newcomer.cookie, '/api/users'), 403);
    expectError(await get(newcomer.cookie, '/api/roles'), 403);
  });

  it('revokes every role with an empty set', async () => {
    expect((await grant([])).json().roles).toEqual([]);
    expectError(await get(newcomer.cookie, '/api/dashboard'), 403);
  });

  it('fails with 403 when the system admin tries to grant roles', async () => {
    expectError(await grant(['leader'], newcomer.id, admin), 403, 'forbidden');
  });

  it('ends every session of an account when it is deactivated, and refuses its login like a wrong password', async () => {
    await grant(['unit_reporter']);
    const second = await login('newcomer', NEW_PASSWORD);
    const before = await dashboard();
    const res = await t.as(admin, {
      method: 'PATCH',
      url: `/api/users/${newcomer.id}`,
      payload: { active: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);
    expectError(await get(newcomer.cookie, '/api/auth/me'), 401);
    expectError(await get(second, '/api/auth/me'), 401);
    expect(
      await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', newcomer.id).execute(),
    ).toEqual([]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'newcomer', password: NEW_PASSWORD },
    });
    expectError(refused, 401, 'invalid_credentials');
    const after = await dashboard();
    expect(after.users).toEqual({ total: before.users.total, active: before.users.active - 1 });
  });

  it('lets a reactivated account log in again', async () => {
    expect(
      (await t.as(admin, { method: 'PATCH', url: `/api/users/${newcomer.id}`, payload: { active: true } }))
        .statusCode,
    ).toBe(200);
    newcomer.cookie = await login('newcomer', NEW_PASSWORD);
    expect((await get(newcomer.cookie, '/api/auth/me')).statusCode).toBe(200);
  });

  it('ends the sessions of an account moved to another unit', async () => {
    const res = await t.as(admin, {
      method: 'PATCH',
      url: `/api/users/${newcomer.id}`,
      payload: { unitId: await unitId(t, '新兴镇') },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unitName).toBe('新兴镇');
    expectError(await get(newcomer.cookie, '/api/auth/me'), 401);
  });

  it('resets a password: the policy applies, the old sessions end and the new password works', async () => {
    const cookie = await login('newcomer', NEW_PASSWORD);
    const weak = await t.as(admin, {
      method: 'POST',
      url: `/api/users/${newcomer.id}/password`,
      payload: { password: 'newcomer123' },
    });
    expect(expectError(weak, 400).field).toBe('password');
    expect((await get(cookie, '/api/auth/me')).statusCode).toBe(200);
    const ok = await t.as(admin, {
      method: 'POST',
      url: `/api/users/${newcomer.id}/password`,
      payload: { password: 'Reset#Pass2022' },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expectError(await get(cookie, '/api/auth/me'), 401);
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'newcomer', password: NEW_PASSWORD },
      }),
      401,
    );
    newcomer.cookie = await login('newcomer', 'Reset#Pass2022');
  });

  it('fails with 400 when the system admin deactivates their own account', async () => {
    const err = expectError(
      await t.as(admin, {
        method: 'PATCH',
        url: `/api/users/${await userId(t, 'admin')}`,
        payload: { active: false },
      }),
      400,
      'cannot_deactivate_self',
    );
    expect(err.field).toBe('active');
    expect((await get(admin, '/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses an account in a deactivated unit', async () => {
    const closed = (
      await t.as(admin, { method: 'POST', url: '/api/units', payload: { name: '已撤销单位', kind: 'other' } })
    ).json();
    await t.as(admin, { method: 'PATCH', url: `/api/units/${closed.id}`, payload: { active: false } });
    const res = await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'orphan', displayName: '无处安放', unitId: closed.id, password: NEW_PASSWORD },
    });
    expect(expectError(res, 400, 'unit_inactive').field).toBe('unitId');
  });

  describe('unit hierarchy', () => {
    const create = async (name: string, parentId?: string) => {
      const res = await t.as(admin, {
        method: 'POST',
        url: '/api/units',
        payload: { name, kind: 'other', ...(parentId && { parentId }) },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const move = (id: string, parentId: string | null) =>
      t.as(admin, { method: 'PATCH', url: `/api/units/${id}`, payload: { parentId } });

    it('fails with 400 unit_parent_cycle when a unit is moved under itself or one of its sub-units', async () => {
      const top = await create('上级单位');
      const child = await create('下级单位', top);
      const grandchild = await create('下下级单位', child);
      for (const target of [top, child, grandchild]) {
        const err = expectError(await move(top, target), 400, 'unit_parent_cycle');
        expect(err.field).toBe('parentId');
      }
      expectError(await move(child, grandchild), 400, 'unit_parent_cycle');
      const parents = await t.database.db
        .selectFrom('units')
        .select(['id', 'parent_id'])
        .where('id', 'in', [top, child, grandchild])
        .execute();
      expect(Object.fromEntries(parents.map((p) => [p.id, p.parent_id]))).toEqual({
        [top]: null,
        [child]: top,
        [grandchild]: child,
      });
    });

    it('moves a unit under another branch and back to the top', async () => {
      const a = await create('甲单位');
      const b = await create('乙单位');
      expect((await move(a, b)).json().parentId).toBe(b);
      expect((await move(a, null)).json().parentId).toBeNull();
    });
  });
});
