import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../dates.ts';
import { periodsBetween, type Frequency } from '../periods.ts';
import { evaluate, itemFactsAsOf } from './evaluate.ts';
import { applyChanges, previewDiff, reconcile, replay } from './reconcile.ts';
import { defaultRuleSet } from './rules.ts';
import { cal, finding, item, only, onTimeReports, warning } from './test-fixtures.ts';
import type { Finding, ItemFacts, RuleSet, WarningChange, WarningRecord } from './types.ts';

const asOf = '2022-04-20';
const units = [
  { id: 'u1', name: '大东坝镇' },
  { id: 'u2', name: '新兴镇' },
];
// 5 working days after Wed 20 Apr 2022: 21, 22, (Sun 24 调休), 25, 26.
const in5 = '2022-04-26';

function rec(
  findings: Finding[],
  warnings: WarningRecord[],
  opts: {
    items?: ItemFacts[];
    scope?: { itemIds: ReadonlySet<string>; unitIds: ReadonlySet<string> };
    ruleSet?: RuleSet;
  } = {},
): WarningChange[] {
  return reconcile({ asOf, calendar: cal, findings, warnings, items: opts.items ?? [item()], ...opts });
}

const counter = () => {
  let n = 0;
  return () => `n${++n}`;
};

describe('reconcile', () => {
  it('issues a finding without a warning, with a deadline in working days', () => {
    const f = finding();
    expect(rec([f], [])).toEqual([{ type: 'issue', finding: f, rectifyBy: in5 }]);
    expect(cal.addWorkingDays(asOf, 5)).toBe(in5);
  });

  it('escalates a yellow warning on a red finding, with a new deadline', () => {
    const f = finding({ colour: 'red', rectifyWorkingDays: 10 });
    expect(rec([f], [warning()])).toEqual([
      { type: 'escalate', warningId: 'w1', finding: f, rectifyBy: cal.addWorkingDays(asOf, 10) },
    ]);
  });

  it('falls a red warning back to yellow on a yellow finding', () => {
    const f = finding();
    expect(rec([f], [warning({ colour: 'red', wasRed: true })])).toEqual([
      { type: 'fall_back', warningId: 'w1', finding: f, rectifyBy: in5 },
    ]);
  });

  it('red falls back to yellow when the gap closes, and then waits for a re-check instead of clearing', () => {
    const red = warning({ colour: 'red', issuedColour: 'red', wasRed: true });
    const ruleSet = only('report-overdue'); // 5 working days
    const first = rec([], [red], { ruleSet });
    expect(first).toEqual([{ type: 'fall_back', warningId: 'w1', finding: null, rectifyBy: in5 }]);
    const after = applyChanges([red], first, asOf, counter());
    expect(after[0]).toMatchObject({ colour: 'yellow', wasRed: true, state: 'active', rectifyBy: in5 });
    expect(rec([], after)).toEqual([]);
    // A rule no longer in the set: 5 working days.
    expect(rec([], [{ ...red, ruleId: 'gone' }], { ruleSet })).toEqual([
      { type: 'fall_back', warningId: 'w1', finding: null, rectifyBy: in5 },
    ]);
    const progress = rec([], [{ ...red, ruleId: 'progress-lag' }], { ruleSet: defaultRuleSet() });
    expect(progress).toEqual([
      { type: 'fall_back', warningId: 'w1', finding: null, rectifyBy: cal.addWorkingDays(asOf, 15) },
    ]);
  });

  it('clears a yellow that was never red when its gap closes, or when its item closed', () => {
    expect(rec([], [warning()])).toEqual([{ type: 'clear', warningId: 'w1', reason: 'gap_closed' }]);
    const done = item({
      statusHistory: [
        { on: '2022-01-01', status: 'in_progress' },
        { on: '2022-04-18', status: 'completed' },
      ],
    });
    expect(rec([], [warning()], { items: [done] })).toEqual([
      { type: 'clear', warningId: 'w1', reason: 'item_closed' },
    ]);
  });

  it('leaves manual and persistent warnings to people, except for escalation', () => {
    const manual = warning({ key: 'manual|w1', origin: 'manual', ruleId: null });
    const card = warning({
      kind: 'card',
      key: 'yellow-card-lights|u1|2022-04',
      itemId: null,
      persistent: true,
    });
    const redPersistent = warning({ colour: 'red', wasRed: true, persistent: true });
    expect(rec([], [manual])).toEqual([]);
    expect(rec([], [card])).toEqual([]);
    expect(rec([], [redPersistent])).toEqual([]);
    expect(rec([finding()], [redPersistent])).toEqual([]); // no fall-back either
    const recount = finding({ key: card.key, kind: 'card', itemId: null, persistent: true, metric: 9 });
    expect(rec([recount], [card])).toEqual([]); // no refresh
    const escalation = finding({
      key: 'manual|w1',
      colour: 'red',
      persistent: true,
      ruleId: 'light-not-rectified',
    });
    expect(rec([escalation], [manual])).toEqual([
      { type: 'escalate', warningId: 'w1', finding: escalation, rectifyBy: in5 },
    ]);
  });

  it('refreshes only what changed', () => {
    const f = finding({ metric: 4 });
    const said = { metric: 3, inputs: f.inputs, thresholds: f.thresholds, explanation: f.explanation };
    expect(rec([f], [warning(said)])).toEqual([{ type: 'refresh', warningId: 'w1', finding: f }]);
    expect(rec([f], [warning({ ...said, metric: 4 })])).toEqual([]);
    expect(rec([f], [warning({ ...said, metric: 4, inputs: { periodKey: '2022-02' } })])).toHaveLength(1);
    expect(
      rec([f], [warning({ ...said, metric: 4, explanation: { 'zh-CN': '旧', 'en-US': 'old' } })]),
    ).toHaveLength(1);
    expect(rec([f], [warning({ ...said, metric: 4, since: '2022-04-11' })])).toHaveLength(1);
    // A record that carries nothing of what it said is compared on `since` only.
    expect(rec([f], [warning()])).toEqual([]);
  });

  describe('same-episode suppression', () => {
    const cleared = (overrides: Partial<WarningRecord> = {}) =>
      warning({ id: 'old', state: 'cleared', closedOn: '2022-04-15', ...overrides });

    it('does not re-issue an episode a supervisor cleared or an appeal revoked', () => {
      expect(rec([finding()], [cleared()])).toEqual([]);
      expect(rec([finding()], [cleared({ state: 'revoked' })])).toEqual([]);
      expect(rec([finding()], [cleared({ colour: 'red' })])).toEqual([]);
    });

    it('issues again for a new episode, a higher colour, or after an automatic clear', () => {
      expect(rec([finding({ since: '2022-04-19' })], [cleared()])).toHaveLength(1);
      expect(rec([finding({ colour: 'red' })], [cleared()])[0]!.type).toBe('issue');
      expect(rec([finding()], [cleared({ autoCleared: true })])[0]!.type).toBe('issue');
    });
  });

  it('touches only warnings in scope', () => {
    const scope = { itemIds: new Set(['i2']), unitIds: new Set(['u2']) };
    const outside = [
      warning(),
      warning({
        id: 'c1',
        kind: 'card',
        key: 'red-card-red-light|u1|w9',
        itemId: null,
        colour: 'red',
        wasRed: true,
      }),
    ];
    expect(rec([finding()], outside, { scope })).toEqual([]);
    const inside = warning({ id: 'w2', key: 'report-overdue|i2|2022-03', itemId: 'i2', unitId: 'u1' });
    expect(rec([], [...outside, inside], { scope })).toEqual([
      { type: 'clear', warningId: 'w2', reason: 'gap_closed' },
    ]);
  });

  it('orders changes by key', () => {
    const changes = rec(
      [finding({ key: 'b|i1|' }), finding({ key: 'a|i1|' })],
      [warning({ id: 'w9', key: 'c|i1|' }), warning({ id: 'w8', key: 'a0|i1|' })],
    );
    expect(
      changes.map((c) =>
        'finding' in c && c.finding ? c.finding.key : (c as { warningId: string }).warningId,
      ),
    ).toEqual(['w8', 'a|i1|', 'b|i1|', 'w9']); // 'a0|…' sorts before 'a|…' (code units)
  });
});

describe('applyChanges', () => {
  it('issues, escalates, falls back, clears and refreshes without touching its input', () => {
    const before = [
      warning(),
      warning({ id: 'w2', key: 'k2', colour: 'red', wasRed: true }),
      warning({ id: 'w3', key: 'k3' }),
    ];
    const frozen = JSON.parse(JSON.stringify(before)) as WarningRecord[];
    const issue = finding({ key: 'k4', colour: 'red', since: '2022-04-18' });
    const up = finding({
      colour: 'red',
      persistent: true,
      ruleId: 'light-not-rectified',
      since: '2022-04-19',
    });
    const down = finding({ key: 'k2', since: '2022-04-01' });
    const after = applyChanges(
      before,
      [
        { type: 'issue', finding: issue, rectifyBy: '2022-04-29' },
        { type: 'escalate', warningId: 'w1', finding: up, rectifyBy: '2022-04-27' },
        { type: 'fall_back', warningId: 'w2', finding: down },
        { type: 'clear', warningId: 'w3', reason: 'gap_closed' },
      ],
      asOf,
      counter(),
      cal,
    );
    expect(before).toEqual(frozen);
    expect(after[0]).toMatchObject({
      colour: 'red',
      wasRed: true,
      persistent: true, // a missed deadline: no fall-back when the gap closes
      state: 'active',
      rectifyBy: '2022-04-27',
      since: '2022-04-12', // the episode is the same
      issuedColour: 'yellow',
      metric: up.metric,
      explanation: up.explanation,
    });
    expect(after[1]).toMatchObject({ colour: 'yellow', rectifyBy: in5, since: '2022-04-01' });
    expect(after[2]).toMatchObject({ state: 'cleared', closedOn: asOf, autoCleared: true });
    expect(after[3]).toEqual({
      id: 'n1',
      key: 'k4',
      kind: 'light',
      origin: 'rule',
      ruleId: 'report-overdue',
      itemId: 'i1',
      unitId: 'u1',
      colour: 'red',
      issuedColour: 'red',
      state: 'active',
      issuedOn: asOf,
      since: '2022-04-18',
      rectifyBy: '2022-04-29',
      wasRed: true,
      persistent: false,
      closedOn: null,
      autoCleared: false,
      ruleVersion: 1,
      metric: issue.metric,
      inputs: issue.inputs,
      thresholds: issue.thresholds,
      explanation: issue.explanation,
    });
    const refreshed = applyChanges(
      after,
      [{ type: 'refresh', warningId: 'n1', finding: { ...issue, metric: 9 } }],
      asOf,
      counter(),
    );
    expect(refreshed[3]!.metric).toBe(9);
    expect(() =>
      applyChanges(after, [{ type: 'clear', warningId: 'nope', reason: 'gap_closed' }], asOf, counter()),
    ).toThrow();
  });
});

describe('previewDiff', () => {
  it('lists what appears, disappears and changes colour, by key', () => {
    const a = finding({ key: 'a' });
    const b = finding({ key: 'b' });
    const c = finding({ key: 'c' });
    expect(previewDiff([a, b], [{ ...b, colour: 'red' }, c, { ...a, metric: 99 }])).toEqual({
      appear: [c],
      disappear: [],
      recoloured: [{ before: b, after: { ...b, colour: 'red' } }],
    });
    expect(previewDiff([c, a], [])).toEqual({ appear: [], disappear: [a, c], recoloured: [] });
  });
});

describe('replay', () => {
  it('lights, counts a card, clears what caught up, escalates by deadline, day by day', () => {
    const monthly = item({ reports: onTimeReports('2022-01', '2022-02') });
    // The second item's March report is filed on the 14th, after its light but before the rectification deadline.
    const other = item({
      id: 'i2',
      number: 'DB-2022-0002',
      reports: [
        ...onTimeReports('2022-01', '2022-02'),
        { ...onTimeReports('2022-03')[0]!, submittedOn: '2022-04-14', acceptedOn: null },
      ],
    });
    // The defaults with a week (5 working days) to rectify a light before it turns red, so April shows it all.
    const ruleSet = defaultRuleSet();
    ruleSet.rules = ruleSet.rules.map((r) =>
      r.id === 'light-not-rectified' ? { ...r, rectifyWorkingDays: 5 } : r,
    );
    const { warnings, days } = replay({
      ruleSet,
      calendar: cal,
      items: [monthly, other],
      units,
      from: '2022-04-01',
      to: '2022-04-30',
      newId: counter(),
    });
    const log = days.flatMap((d) =>
      d.changes
        .filter((c) => c.type !== 'refresh') // the days-overdue count is refreshed daily
        .map((c) => [
          d.on,
          c.type,
          'finding' in c && c.finding
            ? `${c.finding.key} ${c.finding.colour}`
            : c.type === 'clear'
              ? `${c.warningId} ${c.reason}`
              : '',
        ]),
    );
    expect(log).toEqual([
      ['2022-04-12', 'issue', 'report-overdue|i1|2022-03 yellow'],
      ['2022-04-12', 'issue', 'report-overdue|i2|2022-03 yellow'],
      ['2022-04-12', 'issue', 'yellow-card-lights|u1|2022-04 yellow'], // two yellow lights in April
      ['2022-04-14', 'clear', 'n2 gap_closed'],
      // Rectify by Tue 19 Apr (5 working days); Wed 20 goes by, so it escalates on the 21st.
      ['2022-04-21', 'escalate', 'report-overdue|i1|2022-03 red'],
      // Rectify the red by the 27th (counting the Sunday 24th 调休); the 28th goes by: a red card.
      ['2022-04-29', 'issue', 'red-card-red-light|u1|n1 red'],
    ]);
    expect(warnings.map((w) => [w.id, w.key, w.colour, w.state, w.persistent])).toEqual([
      ['n1', 'report-overdue|i1|2022-03', 'red', 'active', true],
      ['n2', 'report-overdue|i2|2022-03', 'yellow', 'cleared', false],
      ['n3', 'yellow-card-lights|u1|2022-04', 'yellow', 'active', true],
      ['n4', 'red-card-red-light|u1|n1', 'red', 'active', true],
    ]);
  });
});

// -------------------------------------------------------------------------------------------------- properties

const DAY0 = '2022-01-01';
const on = (n: number): CalendarDate => addDays(DAY0, n);

/** A few items with random dated histories within 2022 (and a little around it). */
const itemArb = (id: string) =>
  fc
    .record({
      kind: fc.constantFrom<ItemFacts['kind']>('work', 'project', 'indicator'),
      unit: fc.constantFrom('u1', 'u2'),
      start: fc.integer({ min: 0, max: 150 }),
      length: fc.integer({ min: 10, max: 200 }),
      frequency: fc.constantFrom<Frequency>('weekly', 'monthly', 'quarterly'),
      deadlineWorkingDays: fc.integer({ min: 0, max: 5 }),
      assigned: fc.integer({ min: -20, max: 40 }),
      accepted: fc.option(fc.integer({ min: 0, max: 30 })),
      started: fc.option(fc.integer({ min: 0, max: 30 })),
      closing: fc.option(
        fc.record({
          after: fc.integer({ min: 0, max: 200 }),
          status: fc.constantFrom('completion_requested', 'completed', 'cancelled') as fc.Arbitrary<
            'completion_requested' | 'completed' | 'cancelled'
          >,
        }),
      ),
      milestones: fc.array(
        fc.record({
          at: fc.integer({ min: 0, max: 100 }),
          done: fc.option(fc.integer({ min: -20, max: 60 })),
        }),
        { maxLength: 3 },
      ),
      reports: fc.array(
        fc.record({
          submitted: fc.option(fc.integer({ min: -3, max: 25 })),
          accepted: fc.option(fc.integer({ min: 0, max: 8 })),
          progress: fc.integer({ min: 0, max: 100 }),
          value: fc.integer({ min: 0, max: 150 }),
        }),
        { maxLength: 14 },
      ),
      direction: fc.constantFrom('higher_better', 'lower_better') as fc.Arbitrary<
        'higher_better' | 'lower_better'
      >,
      plannedStart: fc.integer({ min: 0, max: 60 }),
      actualStart: fc.option(fc.integer({ min: -5, max: 120 })),
    })
    .map((g): ItemFacts => {
      const startDate = on(g.start);
      const dueDate = on(g.start + g.length);
      const history: ItemFacts['statusHistory'] = [
        { on: on(g.start - 25), status: 'draft' },
        { on: on(g.start + g.assigned), status: 'assigned' },
      ];
      let last = g.start + g.assigned;
      if (g.accepted !== null) {
        last += g.accepted;
        history.push({ on: on(last), status: 'accepted' });
        if (g.started !== null) {
          last += g.started;
          history.push({ on: on(last), status: 'in_progress' });
        }
      }
      if (g.closing) history.push({ on: on(last + g.closing.after), status: g.closing.status });
      const weights = [[], [100], [50, 50], [30, 30, 40]][g.milestones.length]!;
      const milestones = g.milestones
        .map((m, i) => {
          const planned = g.start + Math.round((m.at / 100) * g.length);
          return {
            id: `m${i}`,
            title: `节点${i}`,
            plannedDate: on(planned),
            weight: weights[i]!,
            doneDate: m.done === null ? null : on(planned + m.done),
          };
        })
        .sort((a, b) => (a.plannedDate < b.plannedDate ? -1 : 1));
      const periods = periodsBetween(startDate, dueDate, g.frequency);
      const reports = g.reports.slice(0, periods.length).map((r, i) => {
        const end = periods[i]!.end;
        const submittedOn = r.submitted === null ? null : addDays(end, r.submitted);
        return {
          periodKey: periods[i]!.key,
          submittedOn,
          acceptedOn: submittedOn !== null && r.accepted !== null ? addDays(submittedOn, r.accepted) : null,
          progress: r.progress,
          indicatorValue: r.value,
          completedInvestmentFen: null,
        };
      });
      const targetKeys =
        g.frequency === 'quarterly'
          ? ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']
          : [
              '2022-01',
              '2022-02',
              '2022-03',
              '2022-04',
              '2022-05',
              '2022-06',
              '2022-07',
              '2022-08',
              '2022-09',
            ];
      return item({
        id,
        number: `DB-2022-${id}`,
        kind: g.kind,
        leadUnitId: g.unit,
        startDate,
        dueDate,
        frequency: g.frequency,
        deadlineWorkingDays: g.deadlineWorkingDays,
        statusHistory: history,
        milestones,
        reports,
        indicator:
          g.kind === 'indicator'
            ? {
                direction: g.direction,
                annualTarget: 120,
                cumulativeTargets: targetKeys.map((k, i) => ({ periodKey: k, target: 10 * (i + 1) })),
              }
            : null,
        project:
          g.kind === 'project'
            ? {
                plannedStart: on(g.start + g.plannedStart),
                actualStart: g.actualStart === null ? null : on(g.start + g.plannedStart + g.actualStart),
              }
            : null,
      });
    });

const itemsArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(`i${i}`))));
const windowArb = fc.record({
  from: fc.integer({ min: 0, max: 250 }),
  span: fc.integer({ min: 20, max: 110 }),
});

/** A rule set with lower thresholds than the defaults, so that escalations and cards happen often. */
const eager: RuleSet = {
  version: 3,
  rules: defaultRuleSet().rules.map((r) =>
    r.id === 'yellow-card-lights'
      ? { ...r, thresholds: { yellow: 1, red: 3 } }
      : r.id === 'red-card-yellow-cards'
        ? { ...r, thresholds: { yellow: 1, red: 2 } }
        : { ...r, rectifyWorkingDays: Math.min(r.rectifyWorkingDays, 2) },
  ),
};

describe('properties', () => {
  it('evaluating and reconciling again after applying the changes changes nothing', () => {
    fc.assert(
      fc.property(itemsArb, windowArb, fc.constantFrom(defaultRuleSet(), eager), (items, w, ruleSet) => {
        const newId = counter();
        let warnings: WarningRecord[] = [];
        for (let d = on(w.from); d <= on(w.from + w.span); d = addDays(d, 1)) {
          const input = { ruleSet, asOf: d, calendar: cal, items, units };
          const changes = reconcile({
            ...input,
            findings: evaluate({ ...input, warnings }),
            warnings,
            ruleSet,
          });
          warnings = applyChanges(warnings, changes, d, newId);
          const again = reconcile({
            ...input,
            findings: evaluate({ ...input, warnings }),
            warnings,
            ruleSet,
          });
          expect(again).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('evaluating the full facts as of a day equals evaluating the facts as known that day', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 0, max: 364 }), (items, n) => {
        const input = { ruleSet: eager, asOf: on(n), calendar: cal, units, warnings: [] };
        expect(evaluate({ ...input, items })).toEqual(
          evaluate({ ...input, items: items.map((i) => itemFactsAsOf(i, on(n))) }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('replay as of a past day equals what the live engine recorded that day', () => {
    fc.assert(
      fc.property(itemsArb, windowArb, fc.integer({ min: 0, max: 1000 }), (items, w, pick) => {
        const from = on(w.from);
        const to = on(w.from + w.span);
        // The live engine: each day it knows only the facts recorded by then.
        const newId = counter();
        let live: WarningRecord[] = [];
        const liveDays: { on: CalendarDate; changes: WarningChange[] }[] = [];
        const snapshots = new Map<CalendarDate, WarningRecord[]>();
        for (let d = from; d <= to; d = addDays(d, 1)) {
          const known = items.map((i) => itemFactsAsOf(i, d));
          const input = { ruleSet: eager, asOf: d, calendar: cal, items: known, units };
          const changes = reconcile({
            ...input,
            findings: evaluate({ ...input, warnings: live }),
            warnings: live,
            ruleSet: eager,
          });
          live = applyChanges(live, changes, d, newId);
          liveDays.push({ on: d, changes });
          snapshots.set(d, live);
        }
        const full = replay({ ruleSet: eager, calendar: cal, items, units, from, to, newId: counter() });
        expect(full.days).toEqual(liveDays);
        expect(full.warnings).toEqual(live);
        const d = on(w.from + (pick % (w.span + 1)));
        const upTo = replay({ ruleSet: eager, calendar: cal, items, units, from, to: d, newId: counter() });
        expect(upTo.warnings).toEqual(snapshots.get(d));
        // …and the full replay's records that existed by d are those of the replay up to d, as far as d goes.
        expect(
          full.warnings.filter((x) => x.issuedOn <= d).map((x) => [x.id, x.key, x.issuedOn, x.issuedColour]),
        ).toEqual(upTo.warnings.map((x) => [x.id, x.key, x.issuedOn, x.issuedColour]));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
