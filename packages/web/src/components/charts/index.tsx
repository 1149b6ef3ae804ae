// The lazy door to the charts: ECharts (≈ 300 KB gzip even tree-shaken) loads only when a chart is shown.
import { Skeleton } from 'antd';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { TrendChartProps } from './types';

const TrendChartImpl = lazy(() => import('./TrendChart'));

export type { TrendChartProps, TrendSeries } from './types';

const noSubscription = () => () => undefined;

/**
 * False while the server draws the first screen (ssr.tsx) and while the browser hydrates that drawing, true after:
 * ECharts draws on a canvas, which the server has not, so both show the placeholder until the browser takes over.
 */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function TrendChart(props: TrendChartProps) {
  const placeholder = <Skeleton.Node active style={{ width: '100%', height: props.height ?? 280 }} />;
  if (!useInBrowser()) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <div data-testid="trend-chart">
        <TrendChartImpl {...props} />
      </div>
    </Suspense>
  );
}
