// Small lookups and assertions shared by the server suites. They read the real database of a TestApp.
import type { Role } from '@benpao/domain';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { insertUser } from '../src/seed/bootstrap.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNITS } from '../src/seed/demo-county.ts';
import type { TestApp } from './helpers.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };
export const DEMO_UNITS_COUNT = DEMO_UNITS.length;

/** Han characters: a zh-CN message has some, an en-US message has none of its own. */
export const HAN = /[\u4e00-\u9fff]/;

export type Table = 'units' | 'users' | 'user_roles' | 'sessions' | 'audit_log' | 'ranking_categories';

/** The region the test app was seeded with: the demo county, else the one region (some tests add others). */
export async function regionId(t: TestApp): Promise<string> {
  const r = await t.database.db
    .selectFrom('regions')
    .select('id')
    .orderBy('is_demo', 'desc')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function unitId(t: TestApp, name: string): Promise<string> {
  const r = await t.database.db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst();
  if (!r) throw new Error(`no unit ${name}`);
  return r.id;
}

export async function userId(t: TestApp, username: string): Promise<string> {
  const r = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!r) throw new Error(`no user ${username}`);
  return r.id;
}

export async function count(t: TestApp, table: Table): Promise<number> {
  const r = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function counts(
  t: TestApp,
  tables: readonly Table[] = ['units', 'users', 'user_roles', 'sessions', 'audit_log', 'ranking_categories'],
) {
  const out: Partial<Record<Table, number>> = {};
  for (const table of tables) out[table] = await count(t, table);
  return out;
}

/**
 * Adds an account straight into the database (no API, no audit entry) with the demo password,
 * reusing the demo accounts' argon2 hash so that no hashing time is spent.
 */
export async function addUser(
  t: TestApp,
  opts: { username: string; unit: string; roles: Role[]; displayName?: string },
) {
  const db = t.database.db;
  const admin = await db
    .selectFrom('users')
    .select(['password_hash', 'region_id'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  return insertUser(db, {
    regionId: admin.region_id,
    unitId: await unitId(t, opts.unit),
    username: opts.username,
    displayName: opts.displayName ?? `${opts.username}（测试）`,
    passwordHash: admin.password_hash,
    roles: opts.roles,
    at: t.clock.now().toISOString(),
  });
}

export interface ErrorJson {
  error: { code: string; message: string; field?: string };
}

/** Asserts the standard error body and returns it. */
export function expectError(
  res: LightMyRequestResponse,
  status: number,
  code?: string,
  field?: string,
): ErrorJson['error'] {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as ErrorJson;
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code !== undefined) expect(body.error.code, res.body).toBe(code);
  if (field !== undefined) {
    expect(body.error.field, res.body).toBe(field);
    expect(body.error.message, res.body).toContain(field);
  }
  return body.error;
}

/** The session cookie a login response sets, as a Cookie header value. */
export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'benpao_sid');
  if (!c) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `benpao_sid=${c.value}`;
}
