// Bad input never reaches the database and never becomes a 500: 400 with the field named (in the caller's
// language), 404 for unknown ids, 409 for duplicates naming the field, 413 for oversized bodies.
import { UNIT_KINDS } from '@benpao/domain';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { counts, expectError, HAN, unitId, userId } from './fixtures.ts';

type Who = 'admin' | 'security' | 'anonymous';

interface Case {
  name: string;
  who: Who;
  method: InjectOptions['method'];
  url: string | ((ids: Ids) => string);
  payload?: unknown;
  status: number;
  code: string;
  field?: string;
}

interface Ids {
  unit: string;
  user: string;
}

const long = (n: number, ch = '字') => ch.repeat(n);
const unitBody = { name: '测试单位', kind: 'town' };
const userBody = (over: Record<string, unknown> = {}) => ({
  username: 'new_user',
  displayName: '新用户（测试）',
  unitId: 'UNIT',
  password: 'Good#Pass2022',
  ...over,
});

/** Every case: status, error code and the field it must name. `UNIT` in a payload becomes a real unit id. */
const CASES: Case[] = [
  // POST /api/units
  {
    name: 'unit without a name',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { kind: 'town' },
    status: 400,
    code: 'required',
    field: 'name',
  },
  {
    name: 'unit without a kind',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { name: '测试单位' },
    status: 400,
    code: 'required',
    field: 'kind',
  },
  {
    name: 'unit with an unknown field',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, colour: 'red' },
    status: 400,
    code: 'unknown_field',
    field: 'colour',
  },
  {
    name: 'unit name of the wrong type',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, name: 42 },
    status: 400,
    code: 'invalid_type',
    field: 'name',
  },
  {
    name: 'unit name over 100 characters',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, name: long(101) },
    status: 400,
    code: 'too_big_string',
    field: 'name',
  },
  {
    name: 'unit name of blanks only',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, name: '   ' },
    status: 400,
    code: 'too_small_string',
    field: 'name',
  },
  {
    name: 'unit short name over 50 characters',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, shortName: long(51) },
    status: 400,
    code: 'too_big_string',
    field: 'shortName',
  },
  {
    name: 'negative sort order',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, sortOrder: -1 },
    status: 400,
    code: 'too_small_number',
    field: 'sortOrder',
  },
  {
    name: 'sort order over 1,000,000',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, sortOrder: 1_000_001 },
    status: 400,
    code: 'too_big_number',
    field: 'sortOrder',
  },
  {
    name: 'fractional sort order',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, sortOrder: 1.5 },
    status: 400,
    code: 'invalid_type',
    field: 'sortOrder',
  },
  {
    name: 'unknown unit kind',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, kind: 'city' },
    status: 400,
    code: 'invalid_value',
    field: 'kind',
  },
  {
    name: 'unknown ranking category',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, categoryId: 'no-such-category' },
    status: 400,
    code: 'not_found',
    field: 'categoryId',
  },
  {
    name: 'unknown parent unit',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, parentId: 'no-such-unit' },
    status: 400,
    code: 'not_found',
    field: 'parentId',
  },
  {
    name: 'duplicate unit name',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { name: '大东坝镇', kind: 'town' },
    status: 409,
    code: 'conflict_unique',
    field: 'name',
  },
  // PATCH /api/units/:id
  {
    name: 'renaming a unit to an existing name',
    who: 'admin',
    method: 'PATCH',
    url: (ids) => `/api/units/${ids.unit}`,
    payload: { name: '新兴镇' },
    status: 409,
    code: 'conflict_unique',
    field: 'name',
  },
  {
    name: 'unknown unit id',
    who: 'admin',
    method: 'PATCH',
    url: '/api/units/no-such-unit',
    payload: { sortOrder: 1 },
    status: 404,
    code: 'not_found',
    field: 'id',
  },
  {
    name: 'empty parent unit reference',
    who: 'admin',
    method: 'PATCH',
    url: (ids) => `/api/units/${ids.unit}`,
    payload: { parentId: '' },
    status: 400,
    code: 'too_small_string',
    field: 'parentId',
  },
  {
    name: 'empty ranking category reference',
    who: 'admin',
    method: 'POST',
    url: '/api/units',
    payload: { ...unitBody, categoryId: '' },
    status: 400,
    code: 'too_small_string',
    field: 'categoryId',
  },
  {
    name: 'unit active of the wrong type',
    who: 'admin',
    method: 'PATCH',
    url: (ids) => `/api/units/${ids.unit}`,
    payload: { active: 'no' },
    status: 400,
    code: 'invalid_type',
    field: 'active',
  },
  // POST /api/users
  {
    name: 'user without a username',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ username: undefined }),
    status: 400,
    code: 'required',
    field: 'username',
  },
  {
    name: 'user without a password',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ password: undefined }),
    status: 400,
    code: 'required',
    field: 'password',
  },
  {
    name: 'roles given at account creation',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ roles: ['sys_admin'] }),
    status: 400,
    code: 'unknown_field',
    field: 'roles',
  },
  {
    name: 'password of the wrong type',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ password: 1234567890 }),
    status: 400,
    code: 'invalid_type',
    field: 'password',
  },
  {
    name: 'username over 64 characters',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ username: long(65, 'a') }),
    status: 400,
    code: 'too_big_string',
    field: 'username',
  },
  {
    name: 'username under 3 characters',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ username: 'ab' }),
    status: 400,
    code: 'too_small_string',
    field: 'username',
  },
  {
    name: 'username with a space',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ username: 'new user' }),
    status: 400,
    code: 'invalid_format',
    field: 'username',
  },
  {
    name: 'display name over 100 characters',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ displayName: long(101) }),
    status: 400,
    code: 'too_big_string',
    field: 'displayName',
  },
  {
    name: 'password over 128 characters',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ password: `Aa#1${long(125, 'x')}` }),
    status: 400,
    code: 'too_big_string',
    field: 'password',
  },
  {
    name: 'password under 10 characters',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ password: 'Ab#12345' }),
    status: 400,
    code: 'password_too_short',
    field: 'password',
  },
  {
    name: 'password of two character classes',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ password: 'abcdefgh1234' }),
    status: 400,
    code: 'password_too_few_classes',
    field: 'password',
  },
  {
    name: 'password containing the username',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ password: 'New_User#2022' }),
    status: 400,
    code: 'password_contains_username',
    field: 'password',
  },
  {
    name: 'user in an unknown unit',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ unitId: 'no-such-unit' }),
    status: 400,
    code: 'not_found',
    field: 'unitId',
  },
  {
    name: 'duplicate username',
    who: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: userBody({ username: 'leader' }),
    status: 409,
    code: 'conflict_unique',
    field: 'username',
  },
  // PATCH /api/users/:id
  {
    name: 'changing the username',
    who: 'admin',
    method: 'PATCH',
    url: (ids) => `/api/users/${ids.user}`,
    payload: { username: 'renamed' },
    status: 400,
    code: 'unknown_field',
    field: 'username',
  },
  {
    name: 'user active of the wrong type',
    who: 'admin',
    method: 'PATCH',
    url: (ids) => `/api/users/${ids.user}`,
    payload: { active: 'yes' },
    status: 400,
    code: 'invalid_type',
    field: 'active',
  },
  {
    name: 'empty display name',
    who: 'admin',
    method: 'PATCH',
    url: (ids) => `/api/users/${ids.user}`,
    payload: { displayName: '' },
    status: 400,
    code: 'too_small_string',
    field: 'displayName',
  },
  {
    name: 'display name over 100 characters on update',
    who: 'admin',
    method: 'PATCH',
    url: (ids) => `/api/users/${ids.user}`,
    payload: { displayName: long(101) },
    status: 400,
    code: 'too_big_string',
    field: 'displayName',
  },
  {
    name: 'moving a user to an unknown unit',
    who: 'admin',
    method: 'PATCH',
    url: (ids) => `/api/users/${ids.user}`,
    payload: { unitId: 'no-such-unit' },
    status: 400,
    code: 'not_found',
    field: 'unitId',
  },
  {
    name: 'unknown user id',
    who: 'admin',
    method: 'PATCH',
    url: '/api/users/no-such-user',
    payload: { displayName: '无' },
    status: 404,
    code: 'not_found',
    field: 'id',
  },
  {
    name: 'user id over 64 characters',
    who: 'admin',
    method: 'PATCH',
    url: `/api/users/${long(65, 'x')}`,
    payload: { displayName: '无' },
    status: 400,
    code: 'too_big_string',
    field: 'id',
  },
  // PUT /api/users/:id/roles
  {
    name: 'role grant without roles',
    who: 'security',
    method: 'PUT',
    url: (ids) => `/api/users/${ids.user}/roles`,
    payload: {},
    status: 400,
    code: 'required',
    field: 'roles',
  },
  {
    name: 'roles as a string',
    who: 'security',
    method: 'PUT',
    url: (ids) => `/api/users/${ids.user}/roles`,
    payload: { roles: 'supervisor' },
    status: 400,
    code: 'invalid_type',
    field: 'roles',
  },
  {
    name: 'unknown role',
    who: 'security',
    method: 'PUT',
    url: (ids) => `/api/users/${ids.user}/roles`,
    payload: { roles: ['supervisor', 'king'] },
    status: 400,
    code: 'invalid_value',
    field: 'roles.1',
  },
  {
    name: 'more roles than exist',
    who: 'security',
    method: 'PUT',
    url: (ids) => `/api/users/${ids.user}/roles`,
    payload: { roles: Array(9).fill('leader') },
    status: 400,
    code: 'too_big_array',
    field: 'roles',
  },
  {
    name: 'unknown field in a role grant',
    who: 'security',
    method: 'PUT',
    url: (ids) => `/api/users/${ids.user}/roles`,
    payload: { roles: [], unitId: 'x' },
    status: 400,
    code: 'unknown_field',
    field: 'unitId',
  },
  {
    name: 'an admin role with another role',
    who: 'security',
    method: 'PUT',
    url: (ids) => `/api/users/${ids.user}/roles`,
    payload: { roles: ['audit_admin', 'leader'] },
    status: 400,
    code: 'admin_roles_exclusive',
    field: 'roles',
  },
  {
    name: 'roles of an unknown user',
    who: 'security',
    method: 'PUT',
    url: '/api/users/no-such-user/roles',
    payload: { roles: ['leader'] },
    status: 404,
    code: 'not_found',
    field: 'id',
  },
  // POST /api/auth/login
  {
    name: 'login without a password',
    who: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin' },
    status: 400,
    code: 'required',
    field: 'password',
  },
  {
    name: 'login with an empty username',
    who: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: '', password: 'x' },
    status: 400,
    code: 'too_small_string',
    field: 'username',
  },
  {
    name: 'login username of the wrong type',
    who: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: ['admin'], password: 'x' },
    status: 400,
    code: 'invalid_type',
    field: 'username',
  },
  {
    name: 'login password over 128 characters',
    who: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: long(129, 'x') },
    status: 400,
    code: 'too_big_string',
    field: 'password',
  },
  {
    name: 'login with an unknown field',
    who: 'anonymous',
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: 'x', remember: true },
    status: 400,
    code: 'unknown_field',
    field: 'remember',
  },
  // GET /api/units?…
  {
    name: 'page size 0',
    who: 'admin',
    method: 'GET',
    url: '/api/units?pageSize=0',
    status: 400,
    code: 'too_small_number',
    field: 'pageSize',
  },
  {
    name: 'page size 501',
    who: 'admin',
    method: 'GET',
    url: '/api/units?pageSize=501',
    status: 400,
    code: 'too_big_number',
    field: 'pageSize',
  },
  {
    name: 'negative page size',
    who: 'admin',
    method: 'GET',
    url: '/api/units?pageSize=-5',
    status: 400,
    code: 'too_small_number',
    field: 'pageSize',
  },
  {
    name: 'page size not a number',
    who: 'admin',
    method: 'GET',
    url: '/api/units?pageSize=abc',
    status: 400,
    code: 'invalid_type',
    field: 'pageSize',
  },
  {
    name: 'fractional page size',
    who: 'admin',
    method: 'GET',
    url: '/api/units?pageSize=2.5',
    status: 400,
    code: 'invalid_type',
    field: 'pageSize',
  },
  {
    name: 'page 0',
    who: 'admin',
    method: 'GET',
    url: '/api/units?page=0',
    status: 400,
    code: 'too_small_number',
    field: 'page',
  },
  {
    name: 'unknown unit kind filter',
    who: 'admin',
    method: 'GET',
    url: '/api/units?kind=city',
    status: 400,
    code: 'invalid_value',
    field: 'kind',
  },
  {
    name: 'unknown query parameter',
    who: 'admin',
    method: 'GET',
    url: '/api/units?colour=red',
    status: 400,
    code: 'unknown_field',
    field: 'colour',
  },
  // unknown ids
  {
    name: 'unknown unit',
    who: 'admin',
    method: 'GET',
    url: '/api/units/no-such-unit',
    status: 404,
    code: 'not_found',
    field: 'id',
  },
  {
    name: 'unknown user',
    who: 'admin',
    method: 'GET',
    url: '/api/users/no-such-user',
    status: 404,
    code: 'not_found',
    field: 'id',
  },
  {
    name: 'unlocking an unknown user',
    who: 'admin',
    method: 'POST',
    url: '/api/users/no-such-user/unlock',
    status: 404,
    code: 'not_found',
    field: 'id',
  },
  {
    name: 'resetting the password of an unknown user',
    who: 'admin',
    method: 'POST',
    url: '/api/users/no-such-user/password',
    payload: { password: 'Good#Pass2022' },
    status: 404,
    code: 'not_found',
    field: 'id',
  },
];

/** The entity a reference error names, in both languages. */
const ENTITY: Record<string, [string, string]> = {
  categoryId: ['排名类别', 'Ranking category'],
  parentId: ['单位', 'Unit'],
  unitId: ['单位', 'Unit'],
};

describe.skipIf(!pgAvailable)(`bad input (${dialect})`, () => {
  let t: TestApp;
  let ids: Ids;
  const cookies: Record<Who, string | null> = { admin: null, security: null, anonymous: null };

  const send = (c: Case, lang?: string) => {
    const url = typeof c.url === 'function' ? c.url(ids) : c.url;
    const payload =
      c.payload && typeof c.payload === 'object'
        ? JSON.parse(JSON.stringify(c.payload).replaceAll('"UNIT"', JSON.stringify(ids.unit)))
        : c.payload;
    return t.as(cookies[c.who], {
      method: c.method,
      url,
      ...(payload !== undefined && { payload }),
      ...(lang && { headers: { 'accept-language': lang } }),
    });
  };

  /** Runs a request and asserts that it changed no row of any table. */
  const unchanged = async (run: () => Promise<LightMyRequestResponse>) => {
    const before = await counts(t);
    const res = await run();
    expect(await counts(t), `${res.statusCode} ${res.body}`).toEqual(before);
    return res;
  };

  beforeAll(async () => {
    t = await testApp();
    cookies.admin = await t.login('admin');
    cookies.security = await t.login('security');
    ids = { unit: await unitId(t, '大东坝镇'), user: await userId(t, 'dadongba') };
  });
  afterAll(() => t.close());

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s → the status, code and field, in Chinese by default and English on request, writing nothing',
    async (_name, c) => {
      const zh = expectError(await unchanged(() => send(c)), c.status, c.code);
      const en = expectError(await unchanged(() => send(c, 'en-US,en;q=0.9')), c.status, c.code);
      expect(zh.field).toBe(c.field);
      expect(en.field).toBe(c.field);
      expect(zh.message, 'zh-CN message').toMatch(HAN);
      expect(en.message, 'en-US message').not.toBe(zh.message);
      expect(en.message.replace(/"[^"]*"/g, ''), 'en-US message').not.toMatch(HAN);
      const field = c.field!;
      const entity = ENTITY[field];
      if (c.code === 'not_found' && entity) {
        // A reference to something that does not exist names what is missing.
        expect(zh.message).toContain(entity[0]);
        expect(en.message).toContain(entity[1]);
      } else if (
        !c.code.startsWith('password_') &&
        c.code !== 'admin_roles_exclusive' &&
        c.code !== 'not_found'
      ) {
        expect(zh.message).toContain(field);
        expect(en.message).toContain(field);
      }
    },
  );

  it('words the messages as a person would read them', async () => {
    const missing = CASES.find((c) => c.name === 'unit without a name')!;
    expect((await send(missing)).json().error.message).toBe('字段 name 必填');
    expect((await send(missing, 'en-US')).json().error.message).toBe('Field name is required');
    const long = CASES.find((c) => c.name === 'unit name over 100 characters')!;
    expect((await send(long)).json().error.message).toBe('字段 name 最多 100 个字符');
    expect((await send(long, 'en-US')).json().error.message).toBe(
      'Field name must have at most 100 characters',
    );
    const dup = CASES.find((c) => c.name === 'duplicate username')!;
    const dupMessage = (await send(dup, 'en-US')).json().error.message as string;
    expect(dupMessage).toContain('username');
    expect(dupMessage).toContain('"leader" already exists');
    const kind = CASES.find((c) => c.name === 'unknown unit kind')!;
    expect((await send(kind, 'en-US')).json().error.message).toBe(
      `Field kind has an invalid value; allowed: ${UNIT_KINDS.join(', ')}`,
    );
  });

  it('accepts the edges of every range it refuses beyond', async () => {
    const res = await t.as(cookies.admin, { method: 'GET', url: '/api/units?pageSize=500&page=1' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(42);
    const created = await t.as(cookies.admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name: long(100), shortName: long(50), kind: 'other', sortOrder: 1_000_000 },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: long(100), sortOrder: 1_000_000 });
  });

  it('fails with 413 naming the limit when a body is over 1 MB, before anything is written', async () => {
    const big = { name: 'x'.repeat(1024 * 1024 + 10), kind: 'other' };
    const asAdmin = await unchanged(() =>
      t.as(cookies.admin, { method: 'POST', url: '/api/units', payload: big }),
    );
    expect(expectError(asAdmin, 413, 'body_too_large').message).toContain('1 MB');
    const login = await unchanged(() =>
      t.as(null, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: 'p'.repeat(1024 * 1024 + 10) },
        headers: { 'accept-language': 'en-US' },
      }),
    );
    expect(expectError(login, 413, 'body_too_large').message).toBe('Request body too large (limit 1 MB)');
  });

  it('fails with 400 invalid_json on malformed, empty or prototype-polluting JSON', async () => {
    for (const body of [
      '{"name": "测试", "kind": ',
      '',
      '{"name":"a","kind":"town","__proto__":{"admin":true}}',
      '{"name":"a",}',
    ]) {
      const res = await unchanged(() =>
        t.as(cookies.admin, {
          method: 'POST',
          url: '/api/units',
          payload: body,
          headers: { 'content-type': 'application/json' },
        }),
      );
      expectError(res, 400, 'invalid_json');
    }
  });

  it('fails with 400, not a crash, on a deeply nested body', async () => {
    const depth = 100_000;
    for (const inner of ['', '"\\u0000"']) {
      const body = `{"name":"深","kind":"town","shortName":${'['.repeat(depth)}${inner}${']'.repeat(depth)}}`;
      const started = Date.now();
      const res = await unchanged(() =>
        t.as(cookies.admin, {
          method: 'POST',
          url: '/api/units',
          payload: body,
          headers: { 'content-type': 'application/json' },
        }),
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it('fails with 400 when the body is JSON but not an object', async () => {
    for (const body of ['null', '[]', '"大东坝镇"', '42', 'true']) {
      const res = await unchanged(() =>
        t.as(cookies.admin, {
          method: 'POST',
          url: '/api/units',
          payload: body,
          headers: { 'content-type': 'application/json' },
        }),
      );
      expect(res.statusCode, `${body}: ${res.body}`).toBe(400);
    }
  });

  it('fails with 415 on a body that is not JSON', async () => {
    const res = await unchanged(() =>
      t.as(cookies.admin, {
        method: 'POST',
        url: '/api/units',
        payload: 'name=x&kind=town',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expectError(res, 415, 'unsupported_media_type');
  });

  it('fails with 400 naming the field, never 500, on text with a NUL character', async () => {
    const cases: [Who, InjectOptions][] = [
      ['admin', { method: 'POST', url: '/api/units', payload: { name: '大东坝\u0000镇', kind: 'town' } }],
      ['admin', { method: 'PATCH', url: `/api/users/${ids.user}`, payload: { displayName: '吴\u0000镇长' } }],
      [
        'admin',
        {
          method: 'POST',
          url: '/api/users',
          payload: userBody({ unitId: ids.unit, displayName: 'a\u0000b' }),
        },
      ],
      [
        'admin',
        { method: 'POST', url: '/api/units', payload: { name: '测试', kind: 'town', parentId: 'x\u0000y' } },
      ],
      [
        'anonymous',
        {
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'admin\u0000', password: 'Benpao#2022' },
        },
      ],
      ['admin', { method: 'GET', url: '/api/units?q=%00' }],
      ['admin', { method: 'GET', url: '/api/users/%00' }],
    ];
    for (const [who, opts] of cases) {
      const res = await unchanged(() => t.as(cookies[who], opts));
      expect(res.statusCode, `${opts.method} ${opts.url}: ${res.body}`).toBe(400);
      expect(res.json().error.field, `${opts.method} ${opts.url}: ${res.body}`).toBeTruthy();
    }
  });

  it('answers duplicate names sent at the same moment with one 201 and 409s, never 500', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.as(cookies.admin, {
          method: 'POST',
          url: '/api/units',
          payload: { name: '同时新建的单位', kind: 'other' },
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses, results.map((r) => r.body).join('\n')).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.field).toBe('name');
    const rows = await t.database.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '同时新建的单位')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('answers duplicate usernames sent at the same moment with one 201 and 409s, never 500', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.as(cookies.admin, {
          method: 'POST',
          url: '/api/users',
          payload: userBody({ username: 'twin_user', unitId: ids.unit }),
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses, results.map((r) => r.body).join('\n')).toEqual([201, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.field).toBe('username');
  });

  it('never answers 500 to arbitrary bodies on the write endpoints', async () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
      fc.constantFrom<unknown>(...UNIT_KINDS, 'supervisor', 'leader', ids.unit, ids.user, '', ' '),
    );
    const bodyOf = (keys: string[]) =>
      fc.oneof(
        fc.dictionary(fc.constantFrom(...keys, 'extra'), value, { maxKeys: keys.length + 1 }),
        fc.jsonValue({ maxDepth: 2 }),
      );
    const endpoints: [Who, InjectOptions['method'], string, string[]][] = [
      ['admin', 'POST', '/api/units', ['name', 'shortName', 'kind', 'categoryId', 'parentId', 'sortOrder']],
      [
        'admin',
        'PATCH',
        `/api/units/${ids.unit}`,
        ['name', 'shortName', 'kind', 'categoryId', 'parentId', 'sortOrder', 'active'],
      ],
      ['admin', 'POST', '/api/users', ['username', 'displayName', 'unitId', 'password']],
      ['admin', 'PATCH', `/api/users/${ids.user}`, ['displayName', 'unitId']],
      ['security', 'PUT', `/api/users/${ids.user}/roles`, ['roles']],
      ['admin', 'POST', '/api/ranking-categories', ['name', 'sortOrder']],
    ];
    for (const [who, method, url, keys] of endpoints) {
      await fc.assert(
        fc.asyncProperty(bodyOf(keys), async (payload) => {
          const res = await t.as(cookies[who], {
            method,
            url,
            payload: JSON.stringify(payload),
            headers: { 'content-type': 'application/json' },
          });
          expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`).toBeLessThan(
            500,
          );
          if (res.statusCode >= 400) expect(res.json().error.code).toEqual(expect.any(String));
        }),
        { numRuns: 40 },
      );
    }
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bodyOf(['username', 'password']), async (payload) => {
        const res = await t.as(null, {
          method: 'POST',
          url: '/api/auth/login',
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
          remoteAddress: `10.77.0.${n++ % 250}`,
        });
        expect(res.statusCode, `login ${JSON.stringify(payload)}: ${res.body}`).toBeLessThan(500);
      }),
      { numRuns: 25 },
    );
  });
});
