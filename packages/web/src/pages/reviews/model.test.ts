import { describe, expect, it } from 'vitest';
import { fenToWan, plannedActualCharts, timelineHref } from './model';

describe('review page helpers', () => {
  it('links warnings and cases to their pages and the rest to the item', () => {
    expect(timelineHref({ type: 'warning', id: 'w1' }, 'i1')).toBe('/warnings/w1');
    expect(timelineHref({ type: 'case', id: 'c1' }, 'i1')).toBe('/cases/c1');
    expect(timelineHref({ type: 'item', id: 'i2' }, 'i1')).toBe('/items/i2');
    expect(timelineHref({ type: 'report', id: 'r1' }, 'i1')).toBe('/items/i1');
    expect(timelineHref({ type: 'milestone', id: 'm1' }, 'i1')).toBe('/items/i1');
    expect(timelineHref({ type: 'talk', id: 't1' }, 'i1')).toBe('/admonitions?talk=t1');
  });

  it('converts fen to 万元 with two decimals', () => {
    expect(fenToWan(1_000_000)).toBe(1);
    expect(fenToWan(123_456_789)).toBe(123.46);
    expect(fenToWan(0)).toBe(0);
  });

  it('draws only the series the server sent, keeping missing actuals as gaps', () => {
    expect(plannedActualCharts({ progress: null, investment: null, indicator: null })).toEqual([]);
    const charts = plannedActualCharts({
      progress: [
        { month: '2022-01', planned: 20, actual: 18 },
        { month: '2022-02', planned: 40, actual: null },
      ],
      investment: [{ month: '2022-01', plannedFen: 5_000_000, completedFen: null }],
      indicator: [],
    });
    expect(charts.map((c) => c.key)).toEqual(['progress', 'investment']);
    expect(charts[0]).toMatchObject({
      categories: ['2022-01', '2022-02'],
      planned: [20, 40],
      actual: [18, null],
      unit: '%',
    });
    expect(charts[1]).toMatchObject({ planned: [5], actual: [null], unit: 'wan' });
  });
});
