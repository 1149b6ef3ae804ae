// Playing demo history through the services, as the people involved would have done it in Benpao: a demo account's
// session, and "acting on a day" — the demo region lives on that day (its `demo_today`) while the step is taken, so
// that everything the service dates by the region's today (deadlines, business dates) falls on the story's day.
import type { Role } from '@benpao/domain';
import type { Db } from '../db/index.ts';
import type { RequestContext, SessionUser } from '../context.ts';

export async function sessionOf(db: Db, regionId: string, username: string): Promise<SessionUser> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'unit_id', 'display_name'])
    .where('region_id', '=', regionId)
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', u.id).execute();
  return {
    id: u.id,
    regionId,
    unitId: u.unit_id,
    roles: roles.map((r) => r.role as Role),
    username,
    displayName: u.display_name,
    sessionId: 'demo-seed',
  };
}

/**
 * Runs `story` with a way to act as someone on a given day (at a working hour, Asia/Shanghai), then puts the
 * region back on `demoToday` whatever happens.
 */
export async function actingInDemo<T>(
  db: Db,
  regionId: string,
  demoToday: string,
  story: (on: (day: string, actor: SessionUser, hour?: number) => Promise<RequestContext>) => Promise<T>,
): Promise<T> {
  const setDay = (day: string) =>
    db.updateTable('region_settings').set({ demo_today: day }).where('region_id', '=', regionId).execute();
  try {
    return await story(async (day, actor, hour = 10) => {
      await setDay(day);
      return { actor, ip: null, now: new Date(`${day}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`) };
    });
  } finally {
    await setDay(demoToday);
  }
}
