import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/seed/demo-county.ts';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';

describe.skipIf(!pgAvailable)(`county leaders for the leader-in-charge picker (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('lists exactly the active accounts with the leader role to a supervisor', async () => {
    const res = await t.as(await t.login('supervisor'), { method: 'GET', url: '/api/leaders' });
    expect(res.statusCode).toBe(200);
    const expected = DEMO_ACCOUNTS.filter((a) => a.roles.includes('leader'))
      .map((a) => a.displayName)
      .sort();
    expect(
      res
        .json()
        .items.map((l: { displayName: string }) => l.displayName)
        .sort(),
    ).toEqual(expected);
  });

  it('leaves out a leader whose account was deactivated', async () => {
    const admin = await t.login('admin');
    const users = (await t.as(admin, { method: 'GET', url: '/api/users?role=leader' })).json().items as {
      id: string;
    }[];
    const patched = await t.as(admin, {
      method: 'PATCH',
      url: `/api/users/${users[0]!.id}`,
      payload: { active: false },
    });
    expect(patched.statusCode).toBe(200);
    const res = await t.as(await t.login('dadongba'), { method: 'GET', url: '/api/leaders' });
    expect(res.json().items.map((l: { id: string }) => l.id)).not.toContain(users[0]!.id);
  });
});
