// Start-up data: the demo county in demo mode, or one empty region otherwise. Idempotent.
import type { Role } from '@benpao/domain';
import type { Db, Queryable } from '../db/index.ts';
import { systemContext } from '../context.ts';
import { newId } from '../ids.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { DEFAULT_SETTINGS } from '../modules/settings/schema.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { catchUpRegion } from '../modules/warnings/engine.ts';
import { publishRegionMonth } from '../modules/running-index/service.ts';
import { DEMO_EVALUATION_START, DEMO_TODAY, seedDemo2022 } from './demo-2022.ts';
import { DEMO_ACCOUNTS, DEMO_CATEGORIES, DEMO_PASSWORD, DEMO_REGION, DEMO_UNITS } from './demo-county.ts';
import { seedDemoRatings } from './demo-ratings.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoConduct } from '../modules/admonitions/demo.ts';
import { seedDemoReview } from '../modules/reviews/demo.ts';

export const ADMIN_UNIT_NAME = '系统管理';
/** The demo's running-index months published at seed time. */
export const DEMO_INDEX_PUBLISHED = ['2022-01', '2022-02', '2022-03'] as const;

export async function insertRegion(
  db: Queryable,
  input: { code: string; name: string; isDemo: boolean; at: string },
) {
  const id = newId();
  await db
    .insertInto('regions')
    .values({
      id,
      region_id: id,
      code: input.code,
      name: input.name,
      is_demo: input.isDemo ? 1 : 0,
      created_at: input.at,
    })
    .execute();
  return id;
}

export async function regionCount(db: Queryable): Promise<number> {
  const r = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Seeds the demo county unless it is there already. Returns false when it existed. */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
  const existing = await db
    .selectFrom('regions')
    .select('id')
    .where('code', '=', DEMO_REGION.code)
    .executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = now.toISOString();
  const regionId = await db.transaction().execute(async (trx) => {
    const regionId = await insertRegion(trx, { ...DEMO_REGION, isDemo: true, at });
    const categoryIds = new Map<string, string>();
    for (const c of DEMO_CATEGORIES) {
      const id = newId();
      categoryIds.set(c.key, id);
      await trx
        .insertInto('ranking_categories')
        .values({ id, region_id: regionId, name: c.name, sort_order: c.sortOrder, created_at: at })
        .execute();
    }
    const unitIds = new Map<string, string>();
    await trx
      .insertInto('units')
      .values(
        DEMO_UNITS.map((u, i) => {
          const id = newId();
          unitIds.set(u.name, id);
          return {
            id,
            region_id: regionId,
            name: u.name,
            short_name: u.shortName,
            kind: u.kind,
            category_id: u.category ? categoryIds.get(u.category)! : null,
            parent_id: null,
            active: 1,
            sort_order: (i + 1) * 10,
            created_at: at,
            updated_at: at,
          };
        }),
      )
      .execute();
    const users = new Map<string, { id: string; displayName: string }>();
    for (const a of DEMO_ACCOUNTS) {
      const id = await insertUser(trx, {
        regionId,
        unitId: unitIds.get(a.unit)!,
        username: a.username,
        displayName: a.displayName,
        passwordHash,
        roles: a.roles,
        at,
      });
      users.set(a.username, { id, displayName: a.displayName });
    }
    // The demo lives on 2022-04-20 so that its 2022 story stays in 2022.
    await trx
      .insertInto('region_settings')
      .values({
        region_id: regionId,
        report_approval_required: 0,
        reminder_days_before: 2,
        evidence_max_bytes: DEFAULT_SETTINGS.evidenceMaxBytes,
        demo_today: DEMO_TODAY,
        updated_at: at,
      })
      .execute();
    const story = await seedDemo2022(trx, regionId, { unitIds, users });
    // Enterprises' service ratings (服务评议) of January–April, with their follow-ups; all invented.
    await seedDemoRatings(trx, regionId, { unitIds, users });
    await recordAudit(trx, systemContext(now), {
      regionId,
      action: 'seed.demo',
      entity: 'region',
      entityId: regionId,
      after: {
        name: DEMO_REGION.name,
        units: DEMO_UNITS.length,
        users: DEMO_ACCOUNTS.map((a) => a.username),
        demoToday: DEMO_TODAY,
        items: story.items,
        reports: story.reports,
      },
    });
    return regionId;
  });
  // The Wangcun Bridge verification case, played through the cases service on the days it happened; then the
  // street's admonition talks and the bridge's post-mortem review on April's meeting agenda.
  await seedDemoCases(db, regionId, DEMO_TODAY);
  await db.transaction().execute(async (trx) => {
    await seedDemoConduct(trx, regionId, at);
    await seedDemoReview(trx, regionId, at);
  });
  // Lights and cards are not seeded: the engine derives them from the facts, day by day since the items were
  // assigned, as the daily run would have done, so that their history and as-of replay are real.
  await catchUpRegion(db, regionId, { now, from: DEMO_EVALUATION_START });
  // The running index's published months (January–March) give the trend its history; April is not over: a preview.
  for (const month of DEMO_INDEX_PUBLISHED)
    await publishRegionMonth(db, systemContext(now), regionId, month, null);
  // March's and April's meetings, and the year's bulletins drafted from the warnings the engine issued.
  await seedDemoMeetings(db, regionId, DEMO_TODAY);
  return true;
}

export async function insertUser(
  db: Queryable,
  u: {
    regionId: string;
    unitId: string;
    username: string;
    displayName: string;
    passwordHash: string;
    roles: Role[];
    at: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      region_id: u.regionId,
      unit_id: u.unitId,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: u.at,
      created_at: u.at,
      updated_at: u.at,
    })
    .execute();
  if (u.roles.length) {
    await db
      .insertInto('user_roles')
      .values(
        u.roles.map((role) => ({
          region_id: u.regionId,
          user_id: id,
          role,
          granted_by: null,
          granted_at: u.at,
        })),
      )
      .execute();
  }
  return id;
}

/** Without the demo, an empty database gets one region with a unit for its administrators. */
export async function ensureRegion(db: Db, name: string, now = new Date()): Promise<void> {
  if ((await regionCount(db)) > 0) return;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const regionId = await insertRegion(trx, { code: 'default', name, isDemo: false, at });
    await trx
      .insertInto('units')
      .values({
        id: newId(),
        region_id: regionId,
        name: ADMIN_UNIT_NAME,
        short_name: null,
        kind: 'other',
        category_id: null,
        parent_id: null,
        active: 1,
        sort_order: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(trx, systemContext(now), {
      regionId,
      action: 'region.create',
      entity: 'region',
      entityId: regionId,
      after: { name },
    });
  });
}
