// Pure helpers of the post-mortem review (复盘) pages: where a timeline event leads, and the planned-vs-actual
// series as the chart wrapper draws them (progress in %, investment in 万元 from fen, an indicator's target and
// actual by period).
import type { PlannedActual, TimelineEvent } from '../../api/reviews';

/** The page a timeline event opens: its own record where the web has a page for it, else the item. */
export function timelineHref(link: TimelineEvent['link'], itemId: string): string {
  switch (link.type) {
    case 'warning':
      return `/warnings/${encodeURIComponent(link.id)}`;
    case 'case':
      return `/cases/${encodeURIComponent(link.id)}`;
    case 'talk':
      return `/admonitions?talk=${encodeURIComponent(link.id)}`;
    case 'item':
      return `/items/${encodeURIComponent(link.id)}`;
    default:
      return `/items/${encodeURIComponent(itemId)}`;
  }
}

export interface ChartSpec {
  key: 'progress' | 'investment' | 'indicator';
  categories: string[];
  planned: number[];
  actual: (number | null)[];
  /** `%` for progress, `wan` (万元) for investment, `value` for an indicator's own unit. */
  unit: '%' | 'wan' | 'value';
}

/** 1 万元 = 10,000 yuan = 1,000,000 fen; two decimals. */
export const fenToWan = (fen: number): number => Math.round(fen / 10_000) / 100;

/** The charts a review shows, in this order, for the series the server sent (none for an empty one). */
export function plannedActualCharts(pa: PlannedActual): ChartSpec[] {
  const out: ChartSpec[] = [];
  if (pa.progress?.length)
    out.push({
      key: 'progress',
      categories: pa.progress.map((p) => p.month),
      planned: pa.progress.map((p) => p.planned),
      actual: pa.progress.map((p) => p.actual),
      unit: '%',
    });
  if (pa.investment?.length)
    out.push({
      key: 'investment',
      categories: pa.investment.map((p) => p.month),
      planned: pa.investment.map((p) => fenToWan(p.plannedFen)),
      actual: pa.investment.map((p) => (p.completedFen === null ? null : fenToWan(p.completedFen))),
      unit: 'wan',
    });
  if (pa.indicator?.length)
    out.push({
      key: 'indicator',
      categories: pa.indicator.map((p) => p.periodKey),
      planned: pa.indicator.map((p) => p.target),
      actual: pa.indicator.map((p) => p.actual),
      unit: 'value',
    });
  return out;
}
