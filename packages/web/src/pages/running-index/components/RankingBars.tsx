// The lazy door to a category's bar chart: ECharts loads only when a ranking is drawn.
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { BoardMark } from '../model';

export interface RankingBarsProps {
  names: string[];
  totals: number[];
  /** the board of each bar (same order) */
  marks: (BoardMark | null)[];
  /** a bar was clicked (its index) */
  onSelect?: (index: number) => void;
}

const Impl = lazy(() => import('./RankingBarsImpl'));

export function RankingBars(props: RankingBarsProps) {
  const height = Math.max(120, props.names.length * 28 + 40);
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      <div data-testid="index-chart">
        <Impl {...props} />
      </div>
    </Suspense>
  );
}
