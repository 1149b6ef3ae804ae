// The audit log: every write appends an entry (who, what, which, before/after, from where) in the same
// transaction as the write; secrets never enter it; the hash chain reveals any change or deletion.
import { auditHashInput } from '@benpao/domain';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { toChained } from '../src/modules/audit/repository.ts';
import { sha256 } from '../src/modules/audit/service.ts';
import { count, DEMO_PASSWORD, expectError, regionId, sessionCookie, unitId, userId } from './fixtures.ts';

interface Entry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  hash: string;
}

const IP = '10.8.0.1';
const USER_PASSWORD = 'Audit#Pass2022';
const RESET_PASSWORD = 'Reset#Pass2022';
const CHANGED_PASSWORD = 'Changed#Pass2022';
const WRONG_PASSWORD = 'Wrong#Guess2022';

describe.skipIf(!pgAvailable)(`audit log (${dialect})`, () => {
  let t: TestApp;
  let auditor: string;
  let admin: string;
  let security: string;
  let adminId: string;
  const tokens: string[] = [];

  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: IP,
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = sessionCookie(res);
    tokens.push(cookie.slice('benpao_sid='.length));
    return cookie;
  };
  /** A write from the test address. */
  const write = async (cookie: string, opts: InjectOptions, status: number) => {
    const res = await t.as(cookie, { ...opts, remoteAddress: IP });
    expect(res.statusCode, res.body).toBe(status);
    return res.statusCode === 204 ? null : res.json();
  };
  const entries = async (query = 'pageSize=100'): Promise<Entry[]> => {
    const res = await t.as(auditor, { method: 'GET', url: `/api/audit?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Entry[];
  };
  const latest = async () => (await entries('pageSize=1'))[0]!;
  const verify = async () => {
    const res = await t.as(auditor, { method: 'GET', url: '/api/audit/verify' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { ok: boolean; checked: number; firstBroken: { id: number; reason: string } | null };
  };
  const rowOf = (seq: number) =>
    t.database.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const maxSeq = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('seq').as('m'))
          .executeTakeFirstOrThrow()
      ).m,
    );

  beforeAll(async () => {
    t = await testApp();
    auditor = await login('auditor');
    admin = await login('admin');
    security = await login('security');
    adminId = await userId(t, 'admin');
  });
  afterAll(() => t.close());

  it('records a login with the account, the action and the address', async () => {
    await login('leader');
    const leaderId = await userId(t, 'leader');
    expect(await latest()).toMatchObject({
      action: 'auth.login',
      entity: 'user',
      entityId: leaderId,
      actorId: leaderId,
      ip: IP,
      at: t.clock.now().toISOString(),
    });
  });

  it('records every unit and category write with actor, entity, id, before, after and address', async () => {
    const unit = await write(
      admin,
      { method: 'POST', url: '/api/units', payload: { name: '审计测试单位', kind: 'other' } },
      201,
    );
    expect(await latest()).toMatchObject({
      action: 'unit.create',
      entity: 'unit',
      entityId: unit.id,
      actorId: adminId,
      actorName: '系统管理员（演示）',
      before: null,
      after: { id: unit.id, name: '审计测试单位', kind: 'other' },
      ip: IP,
    });
    await write(
      admin,
      {
        method: 'PATCH',
        url: `/api/units/${unit.id}`,
        payload: { name: '审计测试单位（改）', sortOrder: 7 },
      },
      200,
    );
    expect(await latest()).toMatchObject({
      action: 'unit.update',
      entityId: unit.id,
      actorId: adminId,
      before: { name: '审计测试单位', sortOrder: 0 },
      after: { name: '审计测试单位（改）', sortOrder: 7 },
      ip: IP,
    });
    const category = await write(
      admin,
      { method: 'POST', url: '/api/ranking-categories', payload: { name: '审计测试分组' } },
      201,
    );
    expect(await latest()).toMatchObject({
      action: 'category.create',
      entity: 'category',
      entityId: category.id,
      actorId: adminId,
      after: { name: '审计测试分组' },
    });
  });

  it('records every account write: create, update, unlock, password reset and role grant', async () => {
    const unit = await unitId(t, '大东坝镇');
    const user = await write(
      admin,
      {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'audited', displayName: '审计对象', unitId: unit, password: USER_PASSWORD },
      },
      201,
    );
    expect(await latest()).toMatchObject({
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      actorId: adminId,
      before: null,
      after: { username: 'audited', displayName: '审计对象', unitId: unit, roles: [] },
      ip: IP,
    });

    await write(
      admin,
      { method: 'PATCH', url: `/api/users/${user.id}`, payload: { displayName: '审计对象（改）' } },
      200,
    );
    expect(await latest()).toMatchObject({
      action: 'user.update',
      entityId: user.id,
      before: { displayName: '审计对象' },
      after: { displayName: '审计对象（改）' },
    });

    const until = '2022-04-15T05:00:00.000Z';
    await t.database.db.updateTable('users').set({ locked_until: until }).where('id', '=', user.id).execute();
    await write(admin, { method: 'POST', url: `/api/users/${user.id}/unlock` }, 200);
    expect(await latest()).toMatchObject({
      action: 'user.unlock',
      entityId: user.id,
      actorId: adminId,
      before: { lockedUntil: until },
      after: { lockedUntil: null },
    });

    await write(
      admin,
      { method: 'POST', url: `/api/users/${user.id}/password`, payload: { password: RESET_PASSWORD } },
      204,
    );
    expect(await latest()).toMatchObject({
      action: 'user.password_reset',
      entity: 'user',
      entityId: user.id,
      actorId: adminId,
      ip: IP,
    });

    await write(
      security,
      { method: 'PUT', url: `/api/users/${user.id}/roles`, payload: { roles: ['unit_reporter'] } },
      200,
    );
    expect(await latest()).toMatchObject({
      action: 'role.grant',
      entity: 'user',
      entityId: user.id,
      actorId: await userId(t, 'security'),
      before: { roles: [] },
      after: { roles: ['unit_reporter'] },
      ip: IP,
    });
  });

  it('records failed logins, password changes and logouts', async () => {
    const id = await userId(t, 'audited');
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'audited', password: WRONG_PASSWORD },
      remoteAddress: IP,
    });
    expect(failed.statusCode).toBe(401);
    expect(await latest()).toMatchObject({
      action: 'auth.login_failed',
      entity: 'user',
      entityId: id,
      ip: IP,
      after: { failedLogins: 1 },
    });

    const cookie = await login('audited', RESET_PASSWORD);
    await write(
      cookie,
      {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: RESET_PASSWORD, newPassword: CHANGED_PASSWORD },
      },
      204,
    );
    expect(await latest()).toMatchObject({
      action: 'user.password_changed',
      entity: 'user',
      entityId: id,
      actorId: id,
      ip: IP,
    });

    await write(cookie, { method: 'POST', url: '/api/auth/logout' }, 204);
    expect(await latest()).toMatchObject({
      action: 'auth.logout',
      entity: 'user',
      entityId: id,
      actorId: id,
      actorName: '审计对象（改）',
      ip: IP,
    });
  });

  it('does not record reads', async () => {
    const before = await count(t, 'audit_log');
    for (const url of ['/api/units', '/api/users', '/api/dashboard', '/api/auth/me'])
      await t.as(admin, { method: 'GET', url });
    expect(await count(t, 'audit_log')).toBe(before);
  });

  it('keeps passwords, password hashes and session tokens out of the audit log', async () => {
    const rows = await t.database.db.selectFrom('audit_log').selectAll().execute();
    const sessions = await t.database.db.selectFrom('sessions').select('id').execute();
    const hashes = await t.database.db.selectFrom('users').select('password_hash').execute();
    const text = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(10);
    for (const secret of [
      DEMO_PASSWORD,
      USER_PASSWORD,
      RESET_PASSWORD,
      CHANGED_PASSWORD,
      WRONG_PASSWORD,
      ...tokens,
    ]) {
      expect(text).not.toContain(secret);
    }
    for (const s of sessions) expect(text).not.toContain(s.id);
    for (const h of hashes) expect(text).not.toContain(h.password_hash);
    expect(text).not.toMatch(/\$argon2/);
    expect(text.toLowerCase()).not.toMatch(/password_?hash/);
    // …and the API shows the same entries.
    const api = JSON.stringify(await entries());
    for (const secret of [USER_PASSWORD, RESET_PASSWORD, CHANGED_PASSWORD]) expect(api).not.toContain(secret);
    expect(api).not.toMatch(/\$argon2/);
  });

  it('verifies the whole chain as intact', async () => {
    const r = await verify();
    expect(r).toEqual({ ok: true, checked: await count(t, 'audit_log'), firstBroken: null });
  });

  it.each([
    ['after_json', '{"name":"篡改后的单位"}'],
    ['before_json', null],
    ['at', '2022-01-01T00:00:00.000Z'],
    ['actor_id', null],
    ['action', 'unit.view'],
    ['ip', '8.8.8.8'],
  ] as const)(
    'reports the entry as first broken when its %s is changed in the database',
    async (column, value) => {
      const seq = (await entries('action=unit.update'))[0]!.id;
      const original = await rowOf(seq);
      await t.database.db
        .updateTable('audit_log')
        .set({ [column]: value })
        .where('seq', '=', seq)
        .execute();
      try {
        const r = await verify();
        expect(r.ok).toBe(false);
        expect(r.firstBroken).toEqual({ id: seq, reason: 'hash_mismatch' });
        expect(r.checked).toBe(seq - 1);
      } finally {
        await t.database.db.updateTable('audit_log').set(original).where('seq', '=', seq).execute();
      }
      expect((await verify()).ok).toBe(true);
    },
  );

  it('catches a forger who also recomputes the changed entry’s hash at the next entry', async () => {
    const seq = (await entries('action=user.create'))[0]!.id;
    const original = await rowOf(seq);
    const forged = { ...original, after_json: JSON.stringify({ username: 'someone_else' }) };
    const { prevHash, hash: _old, ...record } = toChained(forged);
    forged.hash = sha256(auditHashInput(prevHash, record));
    await t.database.db.updateTable('audit_log').set(forged).where('seq', '=', seq).execute();
    try {
      expect((await verify()).firstBroken).toEqual({ id: seq + 1, reason: 'prev_hash_mismatch' });
    } finally {
      await t.database.db.updateTable('audit_log').set(original).where('seq', '=', seq).execute();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted entry in the middle of the chain', async () => {
    const seq = (await entries('action=unit.create'))[0]!.id;
    const original = await rowOf(seq);
    await t.database.db.deleteFrom('audit_log').where('seq', '=', seq).execute();
    try {
      expect((await verify()).firstBroken).toEqual({ id: seq + 1, reason: 'seq_gap' });
    } finally {
      await t.database.db.insertInto('audit_log').values(original).execute();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects the deletion of the last entry', async () => {
    const last = await maxSeq();
    const original = await rowOf(last);
    await t.database.db.deleteFrom('audit_log').where('seq', '=', last).execute();
    try {
      const r = await verify();
      expect(r.ok).toBe(false);
      expect(r.firstBroken).toEqual({ id: last, reason: 'seq_gap' });
    } finally {
      await t.database.db.insertInto('audit_log').values(original).execute();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('keeps the chain whole when writes arrive at the same moment', async () => {
    const before = await maxSeq();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.as(admin, { method: 'POST', url: '/api/units', payload: { name: `并发单位${i}`, kind: 'other' } }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(await maxSeq()).toBe(before + 8);
    const created = (await entries('action=unit.create&pageSize=8')).map((e) => e.entityId).sort();
    expect(created).toEqual(results.map((r) => r.json().id).sort());
    expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
  });

  describe('when the audit entry cannot be written', () => {
    let blocker: number;
    beforeAll(async () => {
      // A row already holding the next sequence number: the next append hits the primary key.
      const head = await t.database.db
        .selectFrom('audit_heads')
        .select(['seq', 'hash'])
        .executeTakeFirstOrThrow();
      blocker = head.seq + 1;
      await t.database.db
        .insertInto('audit_log')
        .values({
          region_id: await regionId(t),
          seq: blocker,
          at: t.clock.now().toISOString(),
          actor_id: null,
          actor_name: null,
          action: 'test.blocker',
          entity: 'test',
          entity_id: null,
          before_json: null,
          after_json: null,
          ip: null,
          prev_hash: head.hash,
          hash: '0'.repeat(64),
        })
        .execute();
    });

    const headSeq = async () =>
      (await t.database.db.selectFrom('audit_heads').select('seq').executeTakeFirstOrThrow()).seq;

    it('rolls back a unit creation', async () => {
      const head = await headSeq();
      const res = await t.as(admin, {
        method: 'POST',
        url: '/api/units',
        payload: { name: '不应存在的单位', kind: 'other' },
      });
      expectError(res, 500, 'internal');
      expect(
        await t.database.db.selectFrom('units').select('id').where('name', '=', '不应存在的单位').execute(),
      ).toEqual([]);
      expect(await headSeq()).toBe(head);
    });

    it('rolls back a unit update, an account creation and a role grant', async () => {
      const counts = {
        units: await count(t, 'units'),
        users: await count(t, 'users'),
        roles: await count(t, 'user_roles'),
      };
      const unit = await unitId(t, '新兴镇');
      expectError(
        await t.as(admin, { method: 'PATCH', url: `/api/units/${unit}`, payload: { name: '改名失败' } }),
        500,
      );
      expect(
        (
          await t.database.db
            .selectFrom('units')
            .select('name')
            .where('id', '=', unit)
            .executeTakeFirstOrThrow()
        ).name,
      ).toBe('新兴镇');
      const create = await t.as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'ghost', displayName: '不应存在', unitId: unit, password: USER_PASSWORD },
      });
      expectError(create, 500);
      const grant = await t.as(security, {
        method: 'PUT',
        url: `/api/users/${await userId(t, 'xinxing')}/roles`,
        payload: { roles: ['leader'] },
      });
      expectError(grant, 500);
      expect({
        units: await count(t, 'units'),
        users: await count(t, 'users'),
        roles: await count(t, 'user_roles'),
      }).toEqual(counts);
      const roles = await t.database.db
        .selectFrom('user_roles')
        .select('role')
        .where('user_id', '=', await userId(t, 'xinxing'))
        .execute();
      expect(roles.map((r) => r.role)).toEqual(['unit_manager']);
    });

    it('opens no session when the login cannot be recorded', async () => {
      const sessions = await count(t, 'sessions');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'supervisor', password: DEMO_PASSWORD },
      });
      expectError(res, 500);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(await count(t, 'sessions')).toBe(sessions);
    });

    it('works again once the entry can be written', async () => {
      await t.database.db.deleteFrom('audit_log').where('seq', '=', blocker).execute();
      const res = await t.as(admin, {
        method: 'POST',
        url: '/api/units',
        payload: { name: '恢复后的单位', kind: 'other' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(await latest()).toMatchObject({ id: blocker, action: 'unit.create', entityId: res.json().id });
      expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
    });
  });
});
