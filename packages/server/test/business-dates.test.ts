// A demo region lives on its configured day while the real clock runs on: what people do in it is dated by the
// region's day, so that when the demo's day moves on, the warning engine sees each thing on the day it happened
// and lives through the days in between.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { ok, openItem, setToday } from './todo-fixtures.ts';

interface Warning {
  ruleId: string | null;
  itemId: string | null;
  issuedOn: string;
  kind: string;
}

describe.skipIf(dialect === 'postgres' && !pgAvailable)(
  `business dates in a demo region (${dialect})`,
  () => {
    let t: TestApp;
    let admin: string;
    let supervisor: string;
    let manager: string;
    let itemId = '';
    beforeAll(async () => {
      t = await testApp();
      // Years after the demo's 2022: every instant written now is later than any day the demo lives on.
      t.clock.t = new Date('2026-11-27T02:00:00.000Z');
      [admin, supervisor, manager] = await Promise.all([
        t.login('admin'),
        t.login('supervisor'),
        t.login('dadongba'),
      ]);
    });
    afterAll(() => t.close());

    it('dates transitions by the demo day and lights an overdue report on the day it fell due', async () => {
      await setToday(t, admin, '2022-04-20');
      const item = await openItem(t, supervisor, manager, {
        unit: '大东坝镇',
        title: '业务日期测试事项（虚构）',
        startDate: '2022-04-20',
        dueDate: '2022-12-31',
      });
      itemId = item.id;
      const transitions = await t.database.db
        .selectFrom('item_transitions')
        .select(['action', 'on_date', 'at'])
        .where('item_id', '=', item.id)
        .execute();
      expect(transitions.map((x) => x.on_date)).toEqual(['2022-04-20', '2022-04-20', '2022-04-20']);
      expect(transitions[0]!.at.startsWith('2026-')).toBe(true);

      // A month on, with no April report: the engine lives through the days in between.
      await setToday(t, admin, '2022-05-20');
      const state = await t.database.db
        .selectFrom('warning_engine_state')
        .select('evaluated_through')
        .executeTakeFirstOrThrow();
      expect(state.evaluated_through).toBe('2022-05-20');
      const list = ok<{ items: Warning[] }>(
        await t.as(supervisor, { method: 'GET', url: `/api/warnings?itemId=${item.id}` }),
      );
      const overdue = list.items.filter((w) => w.ruleId === 'report-overdue');
      expect(overdue.length, JSON.stringify(list.items)).toBe(1);
      // Issued the day the April report became overdue by the rule, not the day the demo moved to.
      expect(overdue[0]!.issuedOn > '2022-05-04').toBe(true);
      expect(overdue[0]!.issuedOn < '2022-05-20').toBe(true);
    });

    it('an escalated light carries the condition whose metric it shows', async () => {
      // Nothing filed: the report-overdue light misses its rectification deadline and turns red.
      await setToday(t, admin, '2022-06-10');
      const list = ok<{
        items: (Warning & { id: string; colour: string; condition: string; metric: number })[];
      }>(await t.as(supervisor, { method: 'GET', url: `/api/warnings?itemId=${itemId}` }));
      const light = list.items.find((w) => w.ruleId === 'report-overdue' && w.issuedOn < '2022-05-20')!;
      expect(light.colour).toBe('red');
      expect(light.condition).toBe('light_not_rectified');
      // As of a day before, the board says what the light said then: yellow, for the missing report.
      const before = ok<{
        items: (Warning & { id: string; colour: string; explanation: Record<string, string> })[];
      }>(
        await t.as(supervisor, { method: 'GET', url: `/api/warnings?itemId=${itemId}&asOf=2022-05-20` }),
      ).items.find((w) => w.id === light.id)!;
      expect(before.colour).toBe('yellow');
      expect(before.explanation['en-US']).not.toBe(
        (light as unknown as { explanation: Record<string, string> }).explanation['en-US'],
      );
    });

    it('evaluates the skipped days too when asked to evaluate now', async () => {
      await t.database.db.updateTable('region_settings').set({ demo_today: '2022-06-15' }).execute();
      const res = ok<{ asOf: string; days: number }>(
        await t.as(supervisor, { method: 'POST', url: '/api/warnings/evaluate' }),
      );
      expect(res.asOf).toBe('2022-06-15');
      expect(res.days).toBe(5);
    });
  },
);
