// Shared by the calendar, notifications and to-do suites: items made through the API, "today" set through the
// settings API, and report rows written straight into the database (the reports API is another suite's business).
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { newId } from '../src/ids.ts';
import type { TestApp } from './helpers.ts';
import { regionId, unitId, userId } from './fixtures.ts';

export function ok<T = Record<string, unknown>>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/** The region's "today" (demo regions): set by the system administrator through PATCH /api/settings. */
export async function setToday(t: TestApp, admin: string, date: string | null): Promise<void> {
  ok(await t.as(admin, { method: 'PATCH', url: '/api/settings', payload: { demoToday: date } }));
}

export interface ItemOpts {
  unit: string;
  title?: string;
  startDate: string;
  dueDate: string;
  frequency?: 'weekly' | 'monthly' | 'quarterly';
  deadlineWorkingDays?: number;
}

/** A key-work item registered by the supervisor (draft). */
export async function createItem(
  t: TestApp,
  supervisor: string,
  o: ItemOpts,
): Promise<{ id: string; number: string }> {
  const res = await t.as(supervisor, {
    method: 'POST',
    url: '/api/items',
    payload: {
      kind: 'work',
      title: o.title ?? `测试事项（虚构）${o.unit}${o.startDate}`,
      basisType: 'meeting',
      leadUnitId: await unitId(t, o.unit),
      startDate: o.startDate,
      dueDate: o.dueDate,
      frequency: o.frequency ?? 'monthly',
      ...(o.deadlineWorkingDays !== undefined && { deadlineWorkingDays: o.deadlineWorkingDays }),
    },
  });
  const body = ok<{ id: string; number: string }>(res, 201);
  return { id: body.id, number: body.number };
}

export async function transition(
  t: TestApp,
  cookie: string,
  itemId: string,
  action: string,
  reason?: string,
) {
  return ok<{ status: string }>(
    await t.as(cookie, {
      method: 'POST',
      url: `/api/items/${itemId}/transitions`,
      payload: { action, ...(reason && { reason }) },
    }),
  );
}

/** Created by the supervisor, assigned, and (with `manager`) accepted by the lead unit's manager. */
export async function openItem(
  t: TestApp,
  supervisor: string,
  manager: string | null,
  o: ItemOpts,
): Promise<{ id: string; number: string }> {
  const item = await createItem(t, supervisor, o);
  await transition(t, supervisor, item.id, 'assign');
  if (manager) await transition(t, manager, item.id, 'accept');
  return item;
}

/** A report row for (item, period), as the reports module would store it. */
export async function insertReport(
  t: TestApp,
  o: {
    itemId: string;
    unit: string;
    periodKey: string;
    status: string;
    deadline: string;
    late?: boolean;
    /** a correction (更正): a later version, not in force until it is accepted */
    version?: number;
  },
): Promise<string> {
  const id = newId();
  const at = t.clock.now().toISOString();
  const submitted = o.status === 'submitted' || o.status === 'accepted';
  await t.database.db
    .insertInto('reports')
    .values({
      id,
      region_id: await regionId(t),
      item_id: o.itemId,
      unit_id: await unitId(t, o.unit),
      period_key: o.periodKey,
      version: o.version ?? 1,
      current: (o.version ?? 1) > 1 ? 0 : 1,
      status: o.status,
      progress: null,
      indicator_value: null,
      completed_investment_fen: null,
      work_progress: '测试（虚构）',
      problems: null,
      next_steps: null,
      deadline: o.deadline,
      deadline_estimated: 0,
      submitted_at: submitted ? at : null,
      submitted_on: submitted ? o.deadline : null,
      submitted_by: null,
      late: o.late === undefined ? null : o.late ? 1 : 0,
      working_days_late: null,
      approved_by: null,
      reviewed_by: null,
      reviewed_at: null,
      reviewed_on: null,
      return_reason: o.status === 'returned' ? '测试退回' : null,
      created_by: await userId(t, 'supervisor'),
      created_at: at,
      updated_at: at,
      row_version: 1,
    })
    .execute();
  return id;
}

export interface NotificationRow {
  user: string;
  kind: string;
  itemId: string | null;
  dedupeKey: string;
  params: Record<string, unknown>;
}

/** Notifications about the given items, with the recipient's username, in a stable order. */
export async function notificationsAbout(t: TestApp, itemIds: string[]): Promise<NotificationRow[]> {
  if (itemIds.length === 0) return [];
  const rows = await t.database.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select([
      'users.username',
      'notifications.kind',
      'notifications.item_id',
      'notifications.dedupe_key',
      'notifications.params',
    ])
    .where('notifications.item_id', 'in', itemIds)
    .execute();
  return rows
    .map((r) => ({
      user: r.username,
      kind: r.kind,
      itemId: r.item_id,
      dedupeKey: r.dedupe_key,
      params: JSON.parse(r.params) as Record<string, unknown>,
    }))
    .sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey) || a.user.localeCompare(b.user));
}

export async function countNotifications(t: TestApp): Promise<number> {
  const r = await t.database.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function auditActions(
  t: TestApp,
  prefix: string,
): Promise<{ action: string; after: unknown }[]> {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'after_json'])
    .where('action', 'like', `${prefix}%`)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
  }));
}

/** Usernames of a unit's active accounts holding one of `roles` (the demo may add accounts: never hard-code them). */
export async function unitStaff(
  t: TestApp,
  unit: string,
  roles: readonly string[] = ['unit_manager', 'unit_reporter'],
): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select('users.username')
    .distinct()
    .where('units.name', '=', unit)
    .where('users.active', '=', 1)
    .where('user_roles.role', 'in', [...roles])
    .execute();
  return rows.map((r) => r.username).sort();
}
