// Authentication: login, the session cookie, lockout, idle and absolute timeouts, logout, the Origin check on
// writes and the password policy. The clock is injected, so that 15 minutes or 12 hours pass instantly.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { count, DEMO_ACCOUNTS, DEMO_PASSWORD, expectError, HAN, sessionCookie, userId } from './fixtures.ts';

const loginRequest = (
  username: string,
  password: string,
  extra: Partial<InjectOptions> = {},
): InjectOptions => ({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username, password },
  ...extra,
});

const me = (t: TestApp, cookie: string) => t.as(cookie, { method: 'GET', url: '/api/auth/me' });

describe.skipIf(!pgAvailable)(`login, session cookie and logout (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('logs in every demo account and answers with its profile and roles', async () => {
    // One client address per account: the demo has more accounts than one address may try in a minute.
    for (const [i, account] of DEMO_ACCOUNTS.entries()) {
      const res = await t.app.inject(
        loginRequest(account.username, DEMO_PASSWORD, { remoteAddress: `10.9.0.${i + 1}` }),
      );
      expect(res.statusCode, `${account.username}: ${res.body}`).toBe(200);
      const { user } = res.json() as { user: { username: string; roles: string[]; unitName: string } };
      expect(user).toMatchObject({
        username: account.username,
        roles: account.roles,
        unitName: account.unit,
      });
      const cookie = sessionCookie(res);
      expect((await me(t, cookie)).json().user.username).toBe(account.username);
    }
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site that lasts at most 12 hours', async () => {
    const res = await t.app.inject(loginRequest('leader', DEMO_PASSWORD));
    const raw = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('benpao_sid='));
    expect(raw).toBeDefined();
    expect(raw).toMatch(/;\s*HttpOnly/i);
    expect(raw).toMatch(/;\s*SameSite=Lax/i);
    expect(raw).toMatch(/;\s*Path=\/(;|$)/);
    expect(raw).toMatch(/;\s*Max-Age=43200(;|$)/);
    const c = res.cookies.find((x) => x.name === 'benpao_sid')!;
    expect(c.value.length).toBeGreaterThanOrEqual(40);
  });

  it('stores only a hash of the session token, so a stolen database copy holds no usable session', async () => {
    const res = await t.app.inject(loginRequest('supervisor', DEMO_PASSWORD));
    const token = res.cookies.find((x) => x.name === 'benpao_sid')!.value;
    const rows = await t.database.db.selectFrom('sessions').select('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).not.toContain(token);
    // The stored id used as a cookie opens nothing.
    for (const r of rows) expectError(await me(t, `benpao_sid=${r.id}`), 401);
  });

  it('answers a wrong password, an unknown user and a deactivated user identically', async () => {
    await t.database.db.updateTable('users').set({ active: 0 }).where('username', '=', 'zrzy').execute();
    const wrong = await t.app.inject(loginRequest('wangsong', 'Wrong#Password1'));
    const unknown = await t.app.inject(loginRequest('no_such_person', 'Wrong#Password1'));
    const inactive = await t.app.inject(loginRequest('zrzy', DEMO_PASSWORD));
    expectError(wrong, 401, 'invalid_credentials');
    for (const other of [unknown, inactive]) {
      expect(other.statusCode).toBe(wrong.statusCode);
      expect(other.body).toBe(wrong.body);
      expect(other.headers['content-type']).toBe(wrong.headers['content-type']);
      expect(other.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const en = await t.app.inject(
      loginRequest('no_such_person', 'x', { headers: { 'accept-language': 'en-US' } }),
    );
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('ends the session on logout, clears the cookie and leaves other sessions of the user alive', async () => {
    const sessionsOf = async () =>
      (
        await t.database.db
          .selectFrom('sessions')
          .select('id')
          .where('user_id', '=', await userId(t, 'wangsong'))
          .execute()
      ).length;
    const first = await t.login('wangsong');
    const second = await t.login('wangsong');
    const before = await sessionsOf();
    const out = await t.as(first, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'benpao_sid');
    expect(cleared?.value).toBe('');
    expectError(await me(t, first), 401, 'unauthenticated');
    expectError(await t.as(first, { method: 'GET', url: '/api/units' }), 401);
    expect((await me(t, second)).statusCode).toBe(200);
    expect(await sessionsOf()).toBe(before - 1);
  });

  it('refuses more than 30 login attempts a minute from one address with 429', async () => {
    const from = { remoteAddress: '10.20.30.40' };
    for (let i = 0; i < 30; i++) {
      const res = await t.app.inject(loginRequest('leader', '', from)); // 400: no argon2 work is spent
      expect(res.statusCode).toBe(400);
    }
    expectError(await t.app.inject(loginRequest('leader', DEMO_PASSWORD, from)), 429, 'rate_limited');
    // Another address is not affected.
    expect(
      (await t.app.inject(loginRequest('leader', DEMO_PASSWORD, { remoteAddress: '10.20.30.41' })))
        .statusCode,
    ).toBe(200);
  });
});

describe.skipIf(!pgAvailable)(`lockout after failed logins (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  // Every attempt from its own address, so that the per-address rate limit stays out of the way.
  let n = 0;
  const from = () => ({ remoteAddress: `10.1.${Math.floor(n / 250)}.${n++ % 250}` });
  const fail = (username: string) => t.app.inject(loginRequest(username, 'Wrong#Password1', from()));
  const succeed = (username: string) => t.app.inject(loginRequest(username, DEMO_PASSWORD, from()));

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    for (let i = 1; i <= 4; i++) expectError(await fail('dadongba'), 401, 'invalid_credentials');
    const fifth = expectError(await fail('dadongba'), 423, 'account_locked');
    expect(fifth.message).toContain('2022-04-15T01:15:00.000Z');
    expectError(await succeed('dadongba'), 423, 'account_locked');
    t.clock.advanceMinutes(14);
    expectError(await succeed('dadongba'), 423, 'account_locked');
    t.clock.advanceMinutes(2);
    const res = await succeed('dadongba');
    expect(res.statusCode, res.body).toBe(200);
  });

  it('counts consecutive failures only: a successful login starts the count again', async () => {
    for (let i = 0; i < 4; i++) expectError(await fail('xinxing'), 401);
    expect((await succeed('xinxing')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expectError(await fail('xinxing'), 401);
    expect((await succeed('xinxing')).statusCode).toBe(200);
  });

  it('locks only the account that was guessed at', async () => {
    for (let i = 0; i < 5; i++) await fail('wangsong');
    expectError(await succeed('wangsong'), 423);
    expect((await succeed('zrzy')).statusCode).toBe(200);
  });

  it('lets the system admin unlock a locked account at once', async () => {
    for (let i = 0; i < 5; i++) await fail('leader');
    expectError(await succeed('leader'), 423);
    const admin = await t.login('admin');
    const res = await t.as(admin, { method: 'POST', url: `/api/users/${await userId(t, 'leader')}/unlock` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    expect((await succeed('leader')).statusCode).toBe(200);
  });

  it('locks the account when the failures arrive at the same moment', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => fail('discipline')));
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 423)).toBe(true);
    expect(results.filter((r) => r.statusCode === 423).length).toBeGreaterThanOrEqual(1);
    expectError(await succeed('discipline'), 423, 'account_locked');
  });
});

describe.skipIf(!pgAvailable)(`session timeouts (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('expires a session after 30 minutes without requests', async () => {
    const cookie = await t.login('supervisor');
    t.clock.advanceMinutes(31);
    expectError(await me(t, cookie), 401, 'session_expired');
    // Gone for good, not just refused once.
    expectError(await me(t, cookie), 401, 'unauthenticated');
  });

  it('keeps a session alive while it is used at least every 30 minutes', async () => {
    const cookie = await t.login('leader');
    for (let i = 0; i < 6; i++) {
      t.clock.advanceMinutes(29);
      const res = await me(t, cookie);
      expect(res.statusCode, `after ${(i + 1) * 29} minutes: ${res.body}`).toBe(200);
    }
  });

  it('expires a session 12 hours after login even when it is used all the time', async () => {
    const cookie = await t.login('discipline');
    for (let minutes = 25; minutes <= 700; minutes += 25) {
      t.clock.advanceMinutes(25);
      expect((await me(t, cookie)).statusCode, `after ${minutes} minutes`).toBe(200);
    }
    t.clock.advanceMinutes(25); // 725 minutes: past 12 hours
    expectError(await me(t, cookie), 401, 'session_expired');
  });

  it('does not restart the 12-hour limit when the password is changed', async () => {
    const cookie = await t.login('wangsong');
    for (let i = 0; i < 26; i++) {
      t.clock.advanceMinutes(25);
      expect((await me(t, cookie)).statusCode).toBe(200);
    }
    const change = await t.as(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Renewed#Pass2022' },
    });
    expect(change.statusCode, change.body).toBe(204);
    t.clock.advanceMinutes(25); // 675 minutes
    expect((await me(t, cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(25); // 700 minutes
    expect((await me(t, cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(25); // 725 minutes after login, 25 minutes after the last request
    expectError(await me(t, cookie), 401, 'session_expired');
  });
});

describe.skipIf(!pgAvailable)(`Origin check on writes (${dialect})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp({ BENPAO_ALLOWED_ORIGINS: 'https://portal.example.gov.cn' });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const createUnit = (name: string, headers: Record<string, string>) =>
    t.as(admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name, kind: 'other' },
      headers: { host: 'benpao.example.gov.cn', ...headers },
    });

  it('fails with 403 when a write comes from a foreign origin, and writes nothing', async () => {
    const before = await count(t, 'units');
    for (const origin of [
      'https://evil.example.com',
      'null',
      'http://benpao.example.gov.cn.evil.com',
      'not a url',
    ]) {
      const res = await createUnit(`外来单位 ${origin}`, { origin });
      expectError(res, 403, 'origin_rejected');
    }
    expect(await count(t, 'units')).toBe(before);
  });

  it('accepts a write from its own origin, from a configured origin and from a client that sends none', async () => {
    expect((await createUnit('同源单位', { origin: 'http://benpao.example.gov.cn' })).statusCode).toBe(201);
    expect((await createUnit('门户单位', { origin: 'https://portal.example.gov.cn' })).statusCode).toBe(201);
    expect((await createUnit('命令行单位', {})).statusCode).toBe(201);
  });

  it('refuses a login posted from a foreign page, so that no session is planted', async () => {
    const before = await count(t, 'sessions');
    const res = await t.app.inject(
      loginRequest('leader', DEMO_PASSWORD, { headers: { origin: 'https://evil.example.com' } }),
    );
    expectError(res, 403, 'origin_rejected');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await count(t, 'sessions')).toBe(before);
  });

  it('refuses a logout posted from a foreign page and keeps the session', async () => {
    const res = await t.as(admin, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'https://evil.example.com' },
    });
    expectError(res, 403, 'origin_rejected');
    expect((await me(t, admin)).statusCode).toBe(200);
  });

  it('lets reads through whatever their origin', async () => {
    const res = await t.as(admin, {
      method: 'GET',
      url: '/api/units',
      headers: { origin: 'https://evil.example.com' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe.skipIf(!pgAvailable)(`changing one's own password (${dialect})`, () => {
  let t: TestApp;
  let cookie: string;
  let hashBefore: string;
  const change = (currentPassword: string, newPassword: string, lang?: string) =>
    t.as(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword, newPassword },
      ...(lang && { headers: { 'accept-language': lang } }),
    });
  const storedHash = async () =>
    (
      await t.database.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'zrzy')
        .executeTakeFirstOrThrow()
    ).password_hash;

  beforeAll(async () => {
    t = await testApp();
    cookie = await t.login('zrzy');
    hashBefore = await storedHash();
  });
  afterAll(() => t.close());

  it.each([
    ['Ab#1234', 'password_too_short', '10', 'at least 10 characters'],
    ['abcdefghijkl', 'password_too_few_classes', '三类', 'at least three of'],
    ['abcdefgh1234', 'password_too_few_classes', '三类', 'at least three of'],
    ['Zrzy#2022abc', 'password_contains_username', '用户名', 'username'],
  ])('refuses the new password %j with 400 %s naming newPassword', async (pw, code, zhPart, enPart) => {
    const zh = expectError(await change(DEMO_PASSWORD, pw), 400, code);
    expect(zh.field).toBe('newPassword');
    expect(zh.message).toMatch(HAN);
    expect(zh.message).toContain(zhPart);
    const en = expectError(await change(DEMO_PASSWORD, pw, 'en-US'), 400, code);
    expect(en.field).toBe('newPassword');
    expect(en.message).toContain(enPart);
    expect(await storedHash()).toBe(hashBefore);
  });

  it('refuses a wrong current password with 400 naming currentPassword', async () => {
    const err = expectError(await change('Wrong#Password1', 'Brand#NewPass1'), 400, 'wrong_current_password');
    expect(err.field).toBe('currentPassword');
    expect(await storedHash()).toBe(hashBefore);
  });

  it('changes the password: the new one works, the old one does not, other sessions end, this one stays', async () => {
    const other = await t.login('zrzy');
    expect((await change(DEMO_PASSWORD, 'Brand#NewPass1')).statusCode).toBe(204);
    expect((await me(t, cookie)).statusCode).toBe(200);
    expectError(await me(t, other), 401);
    expectError(await t.app.inject(loginRequest('zrzy', DEMO_PASSWORD)), 401, 'invalid_credentials');
    const res = await t.app.inject(loginRequest('zrzy', 'Brand#NewPass1'));
    expect(res.statusCode, res.body).toBe(200);
    expect(await storedHash()).not.toBe(hashBefore);
    expect(await storedHash()).toMatch(/^\$argon2id\$/);
  });
});
