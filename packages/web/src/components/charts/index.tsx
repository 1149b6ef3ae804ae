// The lazy door to the charts: ECharts (≈ 300 KB gzip even tree-shaken) loads only when a chart is shown.
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { TrendChartProps } from './types';

const TrendChartImpl = lazy(() => import('./TrendChart'));

export type { TrendChartProps, TrendSeries } from './types';

export function TrendChart(props: TrendChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 280 }} />}>
      <div data-testid="trend-chart">
        <TrendChartImpl {...props} />
      </div>
    </Suspense>
  );
}
