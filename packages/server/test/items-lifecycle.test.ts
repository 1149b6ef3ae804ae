// The item lifecycle through the API against the domain's transition table: every state × action × role gets
// exactly the outcome ITEM_TRANSITIONS gives it (200 with the new state, 409 illegal_transition naming what is
// allowed, 403, or 400 reason_required), and every transition taken is logged and audited.
import {
  actionsFrom,
  ITEM_ACTIONS,
  ITEM_STATES,
  ITEM_TRANSITIONS,
  type ItemAction,
  type ItemActor,
  type ItemState,
} from '@benpao/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { expectError, HAN, userId } from './fixtures.ts';
import {
  auditOf,
  clockIsToday,
  createAccount,
  getItem,
  itemIn,
  transitionCall,
  unitByName,
  workBody,
  type ItemJson,
} from './items-fixtures.ts';

type Role = 'supervisor' | 'manager' | 'reporter' | 'other_manager' | 'leader';
const ROLES: Role[] = ['supervisor', 'manager', 'reporter', 'other_manager', 'leader'];

/** The capacity in which each role acts on an item of 大东坝镇 (none: not its item, or not a role that acts). */
const CAPACITY: Record<Role, ItemActor | null> = {
  supervisor: 'task_force',
  manager: 'unit_manager',
  reporter: 'unit_reporter',
  other_manager: null,
  leader: null,
};

/** The roles of a unit: a draft (before 交办) does not exist for them yet. */
const UNIT_ROLES: readonly Role[] = ['manager', 'reporter', 'other_manager'];
const hidden = (state: ItemState, role: Role) => state === 'draft' && UNIT_ROLES.includes(role);

type Outcome =
  | { status: 200; to: ItemState }
  | { status: 409; code: 'illegal_transition' }
  | { status: 403; code: 'forbidden' }
  | { status: 404; code: 'not_found' }
  | { status: 400; code: 'reason_required' };

/** What the transition table says, for a request without a reason. */
function expected(state: ItemState, action: ItemAction, role: Role): Outcome {
  if (hidden(state, role)) return { status: 404, code: 'not_found' };
  const capacity = CAPACITY[role];
  // Not the caller's item (another unit), or a role with no transition permission at all (the leader).
  if (capacity === null) return { status: 403, code: 'forbidden' };
  const t = ITEM_TRANSITIONS[action];
  if (!t.from.includes(state)) return { status: 409, code: 'illegal_transition' };
  if (!t.by.includes(capacity)) return { status: 403, code: 'forbidden' };
  if (t.reasonRequired) return { status: 400, code: 'reason_required' };
  return { status: 200, to: t.to };
}

/** The cells where the role may take the action from the state (with a reason where one is required). */
const LEGAL = ITEM_STATES.flatMap((state) =>
  ITEM_ACTIONS.flatMap((action) =>
    ROLES.filter((role) => {
      const capacity = CAPACITY[role];
      const t = ITEM_TRANSITIONS[action];
      return capacity !== null && t.from.includes(state) && t.by.includes(capacity);
    }).map((role) => ({ state, action, role })),
  ),
);

const EN_ACTION: Record<ItemAction, string> = {
  assign: 'assign',
  accept: 'accept',
  start: 'start',
  request_completion: 'request completion',
  complete: 'complete',
  send_back: 'send back',
  cancel: 'cancel',
};
const ZH_ACTION: Record<ItemAction, string> = {
  assign: '交办',
  accept: '签收',
  start: '开始推进',
  request_completion: '申请办结',
  complete: '办结销号',
  send_back: '退回',
  cancel: '撤销',
};

describe.skipIf(!pgAvailable)(`the item lifecycle against the transition table (${dialect})`, () => {
  let t: TestApp;
  const c = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  let ddb: string;
  /** One item in each state, for the cells that must leave it untouched. */
  const probe = {} as Record<ItemState, ItemJson>;

  const drive = (state: ItemState, title: string) =>
    itemIn(t, { supervisor: c.supervisor, manager: c.manager }, state, workBody(ddb, { title }));
  /** The item's state and version with the log and audit row counts, in one round trip. */
  const snapshot = async (id: string) => {
    const { rows } = await sql<Record<string, unknown>>`select status, row_version, updated_at,
        (select count(*) from item_transitions) as transitions,
        (select count(*) from audit_log) as audit
      from items where id = ${id}`.execute(t.database.db);
    const r = rows[0]!;
    return {
      item: { status: r.status, row_version: Number(r.row_version), updated_at: r.updated_at },
      transitions: Number(r.transitions),
      audit: Number(r.audit),
    };
  };

  beforeAll(async () => {
    t = await testApp();
    await clockIsToday(t);
    c.supervisor = await t.login('supervisor');
    c.manager = await t.login('dadongba');
    c.other_manager = await t.login('xinxing');
    c.leader = await t.login('leader');
    ddb = await unitByName(t, c.supervisor, '大东坝镇');
    c.reporter = await createAccount(t, { username: 'ddb_lifecycle', unitId: ddb, roles: ['unit_reporter'] });
    userIds.supervisor = await userId(t, 'supervisor');
    userIds.manager = await userId(t, 'dadongba');
    userIds.reporter = await userId(t, 'ddb_lifecycle');
    for (const state of ITEM_STATES) probe[state] = await drive(state, `状态探针：${state}`);
  });
  afterAll(() => t.close());

  it('reaches every state through legal transitions, each logged with its actor, reason and time', async () => {
    const item = await getItem(t, c.supervisor, probe.completed.id);
    expect(item.transitions.map((x) => [x.action, x.fromStatus, x.toStatus])).toEqual([
      ['create', null, 'draft'],
      ['assign', 'draft', 'assigned'],
      ['accept', 'assigned', 'accepted'],
      ['start', 'accepted', 'in_progress'],
      ['request_completion', 'in_progress', 'completion_requested'],
      ['complete', 'completion_requested', 'completed'],
    ]);
    expect(item.transitions.map((x) => x.actorId)).toEqual([
      userIds.supervisor,
      userIds.supervisor,
      userIds.manager,
      userIds.manager,
      userIds.manager,
      userIds.supervisor,
    ]);
    expect(item.transitions.map((x) => x.actorName)).toEqual([
      '周督查（虚构）',
      '周督查（虚构）',
      '吴镇长（虚构）',
      '吴镇长（虚构）',
      '吴镇长（虚构）',
      '周督查（虚构）',
    ]);
    expect(item.transitions[4]!.reason).toBe('各节点均已完成，申请办结');
    const times = item.transitions.map((x) => Date.parse(x.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    expect((await auditOf(t, item.id)).map((a) => a.action)).toEqual([
      'item.create',
      'item.assign',
      'item.accept',
      'item.start',
      'item.request_completion',
      'item.complete',
    ]);
  });

  it('offers each role exactly the actions the table allows it from each state (GET allowedActions)', async () => {
    for (const state of ITEM_STATES) {
      for (const role of ROLES) {
        const res = await t.as(c[role], { method: 'GET', url: `/api/items/${probe[state].id}` });
        if (hidden(state, role)) {
          expectError(res, 404, 'not_found');
          continue;
        }
        if (role === 'other_manager') {
          expectError(res, 403, 'forbidden');
          continue;
        }
        expect(res.statusCode, res.body).toBe(200);
        const capacity = CAPACITY[role];
        const allowed = ITEM_ACTIONS.filter(
          (a) =>
            capacity !== null &&
            ITEM_TRANSITIONS[a].from.includes(state) &&
            ITEM_TRANSITIONS[a].by.includes(capacity),
        );
        expect((res.json() as ItemJson).allowedActions, `${state} as ${role}`).toEqual(allowed);
      }
    }
  });

  describe.each(ITEM_STATES.map((s) => [s] as const))('from %s', (state) => {
    it('refuses every action the table refuses, with 409 / 403 / 400 and nothing written', async () => {
      const item = probe[state];
      let refused = 0;
      for (const action of ITEM_ACTIONS) {
        for (const role of ROLES) {
          const want = expected(state, action, role);
          if (want.status === 200) continue;
          refused++;
          const label = `${state} × ${action} × ${role}`;
          const before = await snapshot(item.id);
          const res = await transitionCall(t, c[role], item.id, action, undefined, {
            'accept-language': 'en-US',
          });
          const error = expectError(res, want.status, want.code);
          expect(await snapshot(item.id), label).toEqual(before);
          if (want.status === 409) {
            // The message names what can be done from here (in the caller's language), whoever may do it.
            const allowed = error.message.split('allowed from here: ')[1];
            expect(allowed, `${label}: ${error.message}`).toBeDefined();
            const names = actionsFrom(state).map((a) => EN_ACTION[a]);
            expect(allowed!.split(', ').sort(), label).toEqual(names.length ? names.sort() : ['—']);
          }
          if (want.status === 400) expect(error.field, label).toBe('reason');
        }
      }
      // Every cell of this state is either refused here or taken in the test below.
      expect(
        refused + LEGAL.filter((l) => l.state === state && !ITEM_TRANSITIONS[l.action].reasonRequired).length,
      ).toBe(ITEM_ACTIONS.length * ROLES.length);
    });

    it('names the allowed actions in Chinese by default when an action is illegal from here', async () => {
      const illegal = ITEM_ACTIONS.find((a) => !ITEM_TRANSITIONS[a].from.includes(state))!;
      const res = await transitionCall(t, c.supervisor, probe[state].id, illegal, '理由');
      const error = expectError(res, 409, 'illegal_transition');
      expect(error.message).toMatch(HAN);
      expect(error.message).toContain(ZH_ACTION[illegal]);
      const allowed = actionsFrom(state);
      for (const a of allowed) expect(error.message, a).toContain(ZH_ACTION[a]);
      if (allowed.length === 0) expect(error.message).toContain('—');
      expect(error.message).not.toContain(state);
    });

    const legal = LEGAL.filter((l) => l.state === state);
    if (legal.length > 0) {
      it.each(legal.map((l) => [l.action, l.role, l] as const))(
        'lets %s by %s through to the next state, logging and auditing it',
        async (_a, _r, { action, role }) => {
          const item = await drive(state, `合法迁移：${state} ${action} ${role}`);
          const rule = ITEM_TRANSITIONS[action];
          if (rule.reasonRequired) {
            for (const reason of [undefined, '', '   ']) {
              const before = await snapshot(item.id);
              expectError(await transitionCall(t, c[role], item.id, action, reason), 400, 'reason_required');
              expect(await snapshot(item.id)).toEqual(before);
            }
          }
          const reason = rule.reasonRequired ? `理由：${action}` : undefined;
          const before = await snapshot(item.id);
          t.clock.advanceMinutes(1 / 60);
          const res = await transitionCall(t, c[role], item.id, action, reason);
          expect(res.statusCode, res.body).toBe(200);
          const moved = res.json() as ItemJson;
          expect(moved.status).toBe(rule.to);
          expect(moved.rowVersion).toBe(item.rowVersion + 1);
          expect(moved.transitions).toHaveLength(item.transitions.length + 1);
          expect(moved.transitions.at(-1)).toMatchObject({
            action,
            fromStatus: state,
            toStatus: rule.to,
            actorId: userIds[role],
            reason: reason ?? null,
            at: t.clock.now().toISOString(),
          });
          expect(moved.transitions.at(-1)!.actorName).toBeTruthy();
          const after = await snapshot(item.id);
          expect(after.transitions).toBe(before.transitions + 1);
          expect(after.audit).toBe(before.audit + 1);
          const audit = (await auditOf(t, item.id)).at(-1)!;
          expect(audit).toMatchObject({ action: `item.${action}`, entity: 'item', actor_id: userIds[role] });
          expect(JSON.parse(audit.before_json!)).toEqual({ status: state });
          expect(JSON.parse(audit.after_json!)).toEqual({ status: rule.to, reason: reason ?? null });
          // What the others now see: the same state, the history in GET.
          const seen = await getItem(t, c.leader, item.id);
          expect(seen.status).toBe(rule.to);
          expect(seen.transitions).toEqual(moved.transitions);
        },
      );
    }
  });

  it('lets a sent-back item be asked for completion again, and completes it after that', async () => {
    const item = await drive('completion_requested', '退回后再申请办结');
    const steps: [Role, ItemAction, string | undefined, ItemState][] = [
      ['supervisor', 'send_back', '佐证材料不全', 'in_progress'],
      ['manager', 'request_completion', '已补充佐证材料', 'completion_requested'],
      ['supervisor', 'complete', undefined, 'completed'],
    ];
    for (const [role, action, reason, to] of steps) {
      t.clock.advanceMinutes(1 / 60);
      const res = await transitionCall(t, c[role], item.id, action, reason);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as ItemJson).status).toBe(to);
    }
    const done = await getItem(t, c.manager, item.id);
    expect(done.transitions.map((x) => x.action).slice(-3)).toEqual([
      'send_back',
      'request_completion',
      'complete',
    ]);
    expect(done.transitions.find((x) => x.action === 'send_back')!.reason).toBe('佐证材料不全');
    expect(done.allowedActions).toEqual([]);
  });

  it('refuses changes to a completed or cancelled item with 409 item_closed', async () => {
    for (const state of ['completed', 'cancelled'] as const) {
      const item = await getItem(t, c.supervisor, probe[state].id);
      const before = await snapshot(item.id);
      const res = await t.as(c.supervisor, {
        method: 'PATCH',
        url: `/api/items/${item.id}`,
        payload: { rowVersion: item.rowVersion, title: '关闭后修改' },
      });
      expectError(res, 409, 'item_closed');
      expect(await snapshot(item.id)).toEqual(before);
    }
  });

  it('lets exactly one of two simultaneous accepts through; the other gets 409 and no second log row', async () => {
    const item = await drive('assigned', '同时签收');
    const before = await snapshot(item.id);
    const results = await Promise.all([
      transitionCall(t, c.manager, item.id, 'accept'),
      transitionCall(t, c.manager, item.id, 'accept'),
    ]);
    expect(results.map((r) => r.statusCode).sort(), results.map((r) => r.body).join('\n')).toEqual([
      200, 409,
    ]);
    const after = await snapshot(item.id);
    expect(after.item.status).toBe('accepted');
    expect(after.transitions).toBe(before.transitions + 1);
    expect(after.audit).toBe(before.audit + 1);
  });
});
