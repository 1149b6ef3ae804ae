// The per-process session cache: what it forgets at once, what it keeps for a few seconds, and that the idle and
// absolute timeouts and the last_seen_at throttle behave as without it. Every case uses the session right before
// the change, so that the session is in the cache when the change happens.
import type { CachedSession } from '../src/modules/auth/session-cache.ts';
import { SessionCache } from '../src/modules/auth/session-cache.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, DEMO_PASSWORD, expectError, unitId } from './fixtures.ts';

const session = (userId: string, name = userId): CachedSession => ({
  user: {
    id: userId,
    regionId: 'r',
    unitId: 'u',
    username: name,
    displayName: name,
    roles: ['supervisor'],
    sessionId: `s-${name}`,
  },
  createdAt: 0,
  lastSeenAt: 0,
});

describe('SessionCache', () => {
  it('trusts an entry for its time to live, then forgets it', () => {
    let now = 1_000;
    const cache = new SessionCache({ ttlMs: 5_000, clock: () => now });
    cache.set('a', session('u1'), cache.begin());
    now += 4_999;
    expect(cache.get('a')?.user.id).toBe('u1');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops a load that raced with a forget', () => {
    const cache = new SessionCache();
    const generation = cache.begin();
    cache.forgetUser('u1');
    cache.set('a', session('u1'), generation);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', session('u1'), cache.begin());
    expect(cache.get('a')).toBeDefined();
  });

  it('forgets every session of a user but the one kept', () => {
    const cache = new SessionCache();
    cache.set('a', session('u1', 'a'), cache.begin());
    cache.set('b', session('u1', 'b'), cache.begin());
    cache.set('c', session('u2', 'c'), cache.begin());
    cache.forgetUser('u1', 'b');
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((s) => s?.user.username)).toEqual([
      undefined,
      'b',
      'c',
    ]);
  });

  it('stays within its bound, evicting the least recently used', () => {
    const cache = new SessionCache({ max: 2 });
    cache.set('a', session('u1'), cache.begin());
    cache.set('b', session('u2'), cache.begin());
    expect(cache.get('a')).toBeDefined(); // a is now more recent than b
    cache.set('c', session('u3'), cache.begin());
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });
});

describe.skipIf(!pgAvailable)(`session cache in the app (${dialect})`, () => {
  let t: TestApp;
  let n = 0;
  // Fresh administrators' sessions each time: some cases move the clock by hours.
  const admin = () => t.login('admin');
  const security = () => t.login('security');
  /** A fresh unit manager of 大东坝镇, logged in, with one request made so that its session is cached. */
  const fresh = async () => {
    const username = `cache_user_${n++}`;
    const id = await addUser(t, { username, unit: '大东坝镇', roles: ['unit_manager'] });
    const cookie = await t.login(username);
    expect((await items(cookie)).statusCode).toBe(200);
    return { id, username, cookie };
  };
  const items = (cookie: string) => t.as(cookie, { method: 'GET', url: '/api/items' });
  const me = (cookie: string) => t.as(cookie, { method: 'GET', url: '/api/auth/me' });
  const lastSeen = async (userId: string) =>
    (
      await t.database.db
        .selectFrom('sessions')
        .select('last_seen_at')
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).last_seen_at;

  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a logged-out session at once', async () => {
    const u = await fresh();
    expect((await t.as(u.cookie, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expectError(await items(u.cookie), 401, 'unauthenticated');
  });

  it('refuses the sessions of a deactivated account at once', async () => {
    const u = await fresh();
    const res = await t.as(await admin(), {
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { active: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expectError(await items(u.cookie), 401, 'unauthenticated');
  });

  it('takes a revoked role away with the next request, and gives a granted one', async () => {
    const u = await fresh();
    const revoke = await t.as(await security(), {
      method: 'PUT',
      url: `/api/users/${u.id}/roles`,
      payload: { roles: [] },
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expectError(await items(u.cookie), 403, 'forbidden');
    expect(((await me(u.cookie)).json() as { user: { roles: string[] } }).user.roles).toEqual([]);
    const grant = await t.as(await security(), {
      method: 'PUT',
      url: `/api/users/${u.id}/roles`,
      payload: { roles: ['unit_reporter'] },
    });
    expect(grant.statusCode, grant.body).toBe(200);
    expect((await items(u.cookie)).statusCode).toBe(200);
  });

  it('refuses the sessions of an account moved to another unit, or whose password was reset, at once', async () => {
    const moved = await fresh();
    const move = await t.as(await admin(), {
      method: 'PATCH',
      url: `/api/users/${moved.id}`,
      payload: { unitId: await unitId(t, '新兴镇') },
    });
    expect(move.statusCode, move.body).toBe(200);
    expectError(await items(moved.cookie), 401, 'unauthenticated');

    const reset = await fresh();
    const res = await t.as(await admin(), {
      method: 'POST',
      url: `/api/users/${reset.id}/password`,
      payload: { password: 'Reset#Pass2022' },
    });
    expect(res.statusCode, res.body).toBe(204);
    expectError(await items(reset.cookie), 401, 'unauthenticated');
  });

  it('ends the other sessions at once when users change their own password, and keeps this one', async () => {
    const u = await fresh();
    const other = await t.login(u.username);
    expect((await items(other)).statusCode).toBe(200);
    const res = await t.as(u.cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Changed#Pass2022' },
    });
    expect(res.statusCode, res.body).toBe(204);
    expectError(await items(other), 401, 'unauthenticated');
    expect((await items(u.cookie)).statusCode).toBe(200);
  });

  it('still expires a cached session after 30 idle minutes and 12 hours after login', async () => {
    const idle = await fresh();
    t.clock.advanceMinutes(31);
    expectError(await items(idle.cookie), 401, 'session_expired');

    const old = await fresh();
    for (let minutes = 25; minutes <= 700; minutes += 25) {
      t.clock.advanceMinutes(25);
      expect((await items(old.cookie)).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(25);
    expectError(await items(old.cookie), 401, 'session_expired');
  });

  it('writes last_seen_at at most once a minute, also from the cache', async () => {
    const u = await fresh();
    const loggedIn = await lastSeen(u.id);
    for (let i = 0; i < 5; i++) expect((await items(u.cookie)).statusCode).toBe(200);
    expect(await lastSeen(u.id)).toBe(loggedIn);
    t.clock.advanceMinutes(2);
    expect((await items(u.cookie)).statusCode).toBe(200);
    const touched = await lastSeen(u.id);
    expect(Date.parse(touched) - Date.parse(loggedIn)).toBe(2 * 60_000);
    t.clock.advanceMinutes(0.5);
    expect((await items(u.cookie)).statusCode).toBe(200);
    expect(await lastSeen(u.id)).toBe(touched);
  });

  it('honours a revocation made elsewhere (another process) within the time to live', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const u = await fresh();
    // What a logout in another server process does: the row goes, this process is not told.
    await t.database.db.deleteFrom('sessions').where('user_id', '=', u.id).execute();
    expect((await items(u.cookie)).statusCode).toBe(200);
    vi.advanceTimersByTime(5_000);
    expectError(await items(u.cookie), 401, 'unauthenticated');
  });
});
