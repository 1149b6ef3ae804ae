// Bodies, calls and row counts shared by the items suites (items.test.ts, items-lifecycle.test.ts).
import type { ItemAction, ItemState } from '@benpao/domain';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../src/db/schema.ts';
import type { TestApp } from './helpers.ts';

export interface TransitionJson {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  at: string;
}

export interface RequestJson {
  id: string;
  kind: 'extension' | 'adjustment';
  reason: string;
  proposedDueDate: string | null;
  proposedChanges: Record<string, unknown> | null;
  status: 'pending' | 'approved' | 'refused';
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface ProgressJson {
  asOf: string;
  planned: number;
  actual: number;
  lag: number;
  overdue: boolean;
  investment: { plannedToDateFen: number; completedFen: number } | null;
  indicator: unknown;
}

export interface ItemJson {
  id: string;
  number: string;
  kind: 'work' | 'project' | 'indicator';
  title: string;
  status: ItemState;
  leadUnitId: string;
  leadUnitName: string;
  coUnitIds: string[];
  leaderUserId: string | null;
  leaderName: string | null;
  startDate: string;
  dueDate: string;
  progress: ProgressJson;
  access: { relation: 'county' | 'lead' | 'co_unit'; canReport: boolean };
  milestones: {
    id: string;
    seq: number;
    title: string;
    plannedDate: string;
    weight: number;
    overdueDays: number;
  }[];
  phase: string | null;
  plannedStart: string | null;
  plannedCompletion: string | null;
  totalInvestmentFen: number | null;
  annualPlanFen: number | null;
  monthlyPlan: { month: string; fen: number }[];
  measure: string | null;
  unitOfMeasure: string | null;
  direction: string | null;
  annualTarget: number | null;
  targetFrequency: string | null;
  targets: { periodKey: string; target: number }[];
  transitions: TransitionJson[];
  requests: RequestJson[];
  allowedActions: ItemAction[];
  rowVersion: number;
}

export interface ItemList {
  items: ItemJson[];
  total: number;
}

export const NUMBER_RE = /^DB-(\d{4})-(\d{4})$/;

/** A key work (重点工作) of 2022 with two milestones, 40 on 1 June and 60 on the due date. */
export const workBody = (leadUnitId: string, over: Record<string, unknown> = {}) => ({
  kind: 'work',
  title: '松材线虫病疫木清理',
  basisType: 'meeting',
  basisText: '县政府常务会议纪要〔2022〕5号',
  urgency: 'urgent',
  leadUnitId,
  startDate: '2022-04-01',
  dueDate: '2022-12-31',
  milestones: [
    { title: '完成疫木普查', plannedDate: '2022-06-01', weight: 40 },
    { title: '完成疫木清理', plannedDate: '2022-12-31', weight: 60 },
  ],
  ...over,
});

/** Twelve monthly amounts of `annual / 12` fen. */
export const evenMonthlyPlan = (year: number, annual: number) =>
  Array.from({ length: 12 }, (_, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    fen: annual / 12,
  }));

/** A key project (重点项目): 8 billion yuan in total — beyond 32-bit fen — 1.2 billion this year. */
export const projectBody = (leadUnitId: string, over: Record<string, unknown> = {}) => ({
  kind: 'project',
  title: '松阳县城北工业园区基础设施项目',
  basisType: 'document',
  leadUnitId,
  startDate: '2022-01-01',
  dueDate: '2024-12-31',
  milestones: [],
  phase: 'construction',
  plannedStart: '2022-03-01',
  plannedCompletion: '2024-10-31',
  totalInvestmentFen: 800_000_000_000,
  annualPlanFen: 120_000_000_000,
  monthlyPlan: evenMonthlyPlan(2022, 120_000_000_000),
  ...over,
});

/** A key indicator (重点指标), higher is better, with monthly cumulative targets. */
export const indicatorBody = (leadUnitId: string, over: Record<string, unknown> = {}) => ({
  kind: 'indicator',
  title: '规上工业增加值增速',
  basisType: 'instruction',
  leadUnitId,
  startDate: '2022-01-01',
  dueDate: '2022-12-31',
  measure: '规上工业增加值',
  unitOfMeasure: '亿元',
  direction: 'higher_better',
  annualTarget: 120,
  targetFrequency: 'monthly',
  targets: [
    { periodKey: '2022-03', target: 25 },
    { periodKey: '2022-06', target: 55.5 },
    { periodKey: '2022-09', target: 90 },
    { periodKey: '2022-12', target: 120 },
  ],
  ...over,
});

/** Every table an item write may touch, counted to prove that a refused request wrote nothing. */
export const ITEM_TABLES = [
  'items',
  'item_co_units',
  'milestones',
  'indicator_targets',
  'investment_plans',
  'item_transitions',
  'item_requests',
  'item_counters',
  'audit_log',
] as const satisfies readonly (keyof DB)[];

export async function rowCount(t: TestApp, table: keyof DB): Promise<number> {
  const r = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every item table's row count and the sum of the item counters, in one round trip. */
export async function itemTableCounts(t: TestApp): Promise<Record<string, number>> {
  const counts = ITEM_TABLES.map(
    (table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`,
  );
  // The counters' sum: a number handed out and then rolled back would show here.
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(counts)},
      (select coalesce(sum(last), 0) from item_counters) as item_counters_sum`.execute(t.database.db);
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}

/** Runs a request that must fail, and asserts that no item table and no audit row changed. */
export async function unchanged(
  t: TestApp,
  run: () => Promise<LightMyRequestResponse>,
): Promise<LightMyRequestResponse> {
  const before = await itemTableCounts(t);
  const res = await run();
  expect(await itemTableCounts(t), `${res.statusCode} ${res.body}`).toEqual(before);
  return res;
}

export async function createItem(t: TestApp, cookie: string, body: unknown): Promise<ItemJson> {
  const res = await t.as(cookie, { method: 'POST', url: '/api/items', payload: body as object });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ItemJson;
}

export async function getItem(t: TestApp, cookie: string, id: string): Promise<ItemJson> {
  const res = await t.as(cookie, { method: 'GET', url: `/api/items/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ItemJson;
}

export const transitionCall = (
  t: TestApp,
  cookie: string,
  id: string,
  action: ItemAction,
  reason?: string | null,
  headers: Record<string, string> = {},
) =>
  t.as(cookie, {
    method: 'POST',
    url: `/api/items/${id}/transitions`,
    payload: reason === undefined ? { action } : { action, reason },
    headers,
  });

/** Takes a transition that must succeed, one test-clock second after the previous one. */
export async function transition(
  t: TestApp,
  cookie: string,
  id: string,
  action: ItemAction,
  reason?: string,
): Promise<ItemJson> {
  t.clock.advanceMinutes(1 / 60);
  const res = await transitionCall(t, cookie, id, action, reason);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as ItemJson;
}

export interface LifecycleCookies {
  supervisor: string;
  manager: string;
}

/** The legal path from draft to each state. */
export const PATH_TO: Record<
  ItemState,
  { action: ItemAction; by: keyof LifecycleCookies; reason?: string }[]
> = {
  draft: [],
  assigned: [{ action: 'assign', by: 'supervisor' }],
  accepted: [
    { action: 'assign', by: 'supervisor' },
    { action: 'accept', by: 'manager' },
  ],
  in_progress: [
    { action: 'assign', by: 'supervisor' },
    { action: 'accept', by: 'manager' },
    { action: 'start', by: 'manager' },
  ],
  completion_requested: [
    { action: 'assign', by: 'supervisor' },
    { action: 'accept', by: 'manager' },
    { action: 'start', by: 'manager' },
    { action: 'request_completion', by: 'manager', reason: '各节点均已完成，申请办结' },
  ],
  completed: [
    { action: 'assign', by: 'supervisor' },
    { action: 'accept', by: 'manager' },
    { action: 'start', by: 'manager' },
    { action: 'request_completion', by: 'manager', reason: '各节点均已完成，申请办结' },
    { action: 'complete', by: 'supervisor' },
  ],
  cancelled: [{ action: 'cancel', by: 'supervisor', reason: '任务调整，不再督办' }],
};

/** Creates an item and drives it into `state` through legal transitions. */
export async function itemIn(
  t: TestApp,
  cookies: LifecycleCookies,
  state: ItemState,
  body: unknown,
): Promise<ItemJson> {
  let item = await createItem(t, cookies.supervisor, body);
  for (const step of PATH_TO[state]) {
    item = await transition(t, cookies[step.by], item.id, step.action, step.reason);
  }
  expect(item.status).toBe(state);
  return item;
}

/** Makes an account through the API as the administrators do: sys_admin creates, security_admin grants. */
export async function createAccount(
  t: TestApp,
  opts: { username: string; unitId: string; roles: string[] },
): Promise<string> {
  const admin = await t.login('admin');
  const security = await t.login('security');
  const password = 'Report#Pass2022';
  const created = await t.as(admin, {
    method: 'POST',
    url: '/api/users',
    payload: {
      username: opts.username,
      displayName: `${opts.username}（测试）`,
      unitId: opts.unitId,
      password,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { id: string }).id;
  const granted = await t.as(security, {
    method: 'PUT',
    url: `/api/users/${id}/roles`,
    payload: { roles: opts.roles },
  });
  expect(granted.statusCode, granted.body).toBe(200);
  return t.login(opts.username, password);
}

/** Makes the test clock decide the region's "today", should the demo data give the region a fixed date. */
export async function clockIsToday(t: TestApp): Promise<void> {
  await t.database.db.updateTable('region_settings').set({ demo_today: null }).execute();
}

/** A unit's id through the API, as a client finds it (GET /api/units?q=…). */
export async function unitByName(t: TestApp, cookie: string, name: string): Promise<string> {
  const res = await t.as(cookie, { method: 'GET', url: `/api/units?q=${encodeURIComponent(name)}` });
  expect(res.statusCode, res.body).toBe(200);
  const found = (res.json() as { items: { id: string; name: string }[] }).items.find((u) => u.name === name);
  if (!found) throw new Error(`no unit ${name}`);
  return found.id;
}

/** Audit entries about one entity, oldest first. */
export async function auditOf(t: TestApp, entityId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'entity', 'entity_id', 'actor_id', 'before_json', 'after_json', 'at'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}
