import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { cal, item, report } from '../warnings/test-fixtures.ts';
import { computeMonth } from './compute.ts';
import { IndexFactsContext, indexItemFacts, indexItemFactsOf, monthBounds } from './from-engine-facts.ts';
import { defaultIndexModel } from './model.ts';

const ctx = (knownOn = '2022-07-10') => new IndexFactsContext('2022-06', knownOn, cal);

describe('indexItemFacts', () => {
  it('reads a work item as of the month end: planned, actual from the latest accepted report, reports due', () => {
    const w = item({
      reports: [
        report('2022-04', { submittedOn: '2022-05-05', acceptedOn: '2022-05-06', progress: 30 }),
        report('2022-05', { submittedOn: '2022-06-06', acceptedOn: '2022-06-07', progress: 40 }),
        report('2022-06', { submittedOn: '2022-07-08', acceptedOn: '2022-07-09', progress: 45 }),
      ],
    });
    const facts = indexItemFacts(w, ctx());
    expect(facts).toEqual({
      id: 'i1',
      number: 'DB-2022-0001',
      title: '松材线虫病疫木清理',
      leadUnitId: 'u1',
      kind: 'work',
      // Linear from 1 January to 31 December: 180 of 364 days by 30 June.
      progress: { planned: 49.5, actual: 45 },
      indicator: null,
      // May's report was due 3 working days after 31 May, the Dragon Boat Festival (3 June) skipped.
      reports: [{ periodKey: '2022-05', deadline: '2022-06-06', submittedOn: '2022-06-06' }],
      milestones: [],
    });
    // Known only by the month end, June's report is not in yet: May's progress counts.
    expect(indexItemFacts(w, ctx('2022-06-30'))!.progress).toEqual({ planned: 49.5, actual: 40 });
  });

  it('reads milestones planned in the month and progress from milestones', () => {
    const facts = indexItemFacts(
      item({
        kind: 'project',
        milestones: [
          { id: 'm1', title: '开工', plannedDate: '2022-03-31', weight: 30, doneDate: '2022-03-30' },
          { id: 'm2', title: '主体', plannedDate: '2022-06-15', weight: 40, doneDate: '2022-06-20' },
          { id: 'm3', title: '竣工', plannedDate: '2022-12-31', weight: 30, doneDate: null },
        ],
      }),
      ctx(),
    )!;
    expect(facts.progress).toEqual({ planned: 70, actual: 70 });
    expect(facts.milestones).toEqual([{ id: 'm2', plannedDate: '2022-06-15', doneDate: '2022-06-20' }]);
  });

  it('reads an indicator against the cumulative target of the latest period ended, with that period’s value', () => {
    const indicatorItem = item({
      kind: 'indicator',
      indicator: {
        direction: 'higher_better',
        annualTarget: 120,
        cumulativeTargets: [
          { periodKey: '2022-05', target: 50 },
          { periodKey: '2022-06', target: 60 },
          { periodKey: '2022-07', target: 70 },
        ],
      },
      reports: [
        report('2022-05', { submittedOn: '2022-06-02', acceptedOn: '2022-06-02', indicatorValue: 52 }),
        report('2022-06', { submittedOn: '2022-07-05', acceptedOn: '2022-07-06', indicatorValue: 55 }),
      ],
    });
    expect(indexItemFacts(indicatorItem, ctx())!.indicator).toEqual({
      direction: 'higher_better',
      periodKey: '2022-06',
      target: 60,
      actual: 55,
    });
    expect(indexItemFacts(indicatorItem, ctx())!.progress).toBeNull();
    // Not known yet: no value for June, which scores 0 rather than borrowing May's.
    expect(indexItemFacts(indicatorItem, ctx('2022-07-05'))!.indicator!.actual).toBeNull();
  });

  it('scores items open at the month end or completed in it, not those closed before or cancelled', () => {
    const history = (...steps: [string, string][]) =>
      steps.map(([on, status]) => ({ on, status })) as ReturnType<typeof item>['statusHistory'];
    const open = item();
    const doneInJune = item({
      id: 'i2',
      statusHistory: history(['2022-01-01', 'in_progress'], ['2022-06-20', 'completed']),
    });
    const doneInMay = item({
      id: 'i3',
      statusHistory: history(['2022-01-01', 'in_progress'], ['2022-05-20', 'completed']),
    });
    const cancelled = item({
      id: 'i4',
      statusHistory: history(['2022-01-01', 'in_progress'], ['2022-06-10', 'cancelled']),
    });
    const draft = item({ id: 'i5', statusHistory: history(['2022-01-01', 'draft']) });
    const out = indexItemFactsOf([open, doneInJune, doneInMay, cancelled, draft], ctx());
    expect(out.map((f) => f.id)).toEqual(['i1', 'i2']);
    expect(out[1]!.progress!.actual).toBe(100);
  });

  it('feeds computeMonth', () => {
    const items = indexItemFactsOf(
      [
        item({
          reports: [report('2022-05', { submittedOn: '2022-06-06', acceptedOn: '2022-06-07', progress: 40 })],
        }),
      ],
      ctx(),
    );
    const r = computeMonth({
      model: defaultIndexModel(),
      month: '2022-06',
      units: [{ id: 'u1', name: '大东坝镇', categoryId: 'towns' }],
      items,
    });
    const s = r.scores[0]!;
    expect(s.components.progress!.items[0]!.inputs).toEqual({ planned: 49.5, actual: 40 });
    expect(s.components.timeliness!.score).toBe(100);
    // Progress 40 / 49.5 of 40 points and timeliness 15 of 15, re-weighted from 55 to 100.
    expect(s.total).toBe(86);
  });

  it('refuses a day before the month end and a bad month', () => {
    expect(() => new IndexFactsContext('2022-06', '2022-06-29', cal)).toThrow(DomainError);
    expect(() => monthBounds('2022-6')).toThrow(DomainError);
    expect(monthBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });
});
