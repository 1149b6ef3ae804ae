export interface TrendSeries {
  name: string;
  data: (number | null)[];
  type?: 'line' | 'bar';
  dashed?: boolean;
  color?: string;
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
