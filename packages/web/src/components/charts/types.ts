export interface TrendSeries {
  name: string;
  data: (number | null)[];
  type?: 'line' | 'bar';
  dashed?: boolean;
  color?: string;
  /** bars with the same stack name are stacked */
  stack?: string;
}

export interface TrendChartProps {
  categories: string[];
  series: TrendSeries[];
  yAxisName?: string;
  yMax?: number;
  /** axis and tooltip labels */
  format?: (value: number) => string;
  height?: number;
}
