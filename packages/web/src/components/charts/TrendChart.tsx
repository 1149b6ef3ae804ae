// A small line/bar chart on ECharts (tree-shaken core: line, bar, grid, tooltip, legend, canvas). Loaded lazily
// through ./index.tsx so that ECharts never weighs on the first screen. The React binding is these few lines
// (init, setOption, resize with its box, dispose): echarts-for-react 3.0.6 requires an undeclared `tslib`.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TrendChartProps } from './types';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export default function TrendChart({
  categories,
  series,
  yAxisName,
  yMax,
  format,
  height = 280,
}: TrendChartProps) {
  const option = {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value: unknown) =>
        typeof value === 'number' ? (format ? format(value) : String(value)) : '—',
    },
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      ...(yAxisName ? { name: yAxisName } : {}),
      ...(yMax !== undefined ? { max: yMax } : {}),
      ...(format ? { axisLabel: { formatter: (v: number) => format(v) } } : {}),
    },
    series: series.map((s) => ({
      name: s.name,
      type: s.type ?? 'line',
      data: s.data,
      connectNulls: false,
      smooth: false,
      symbolSize: 6,
      ...(s.color ? { itemStyle: { color: s.color } } : {}),
      ...(s.dashed ? { lineStyle: { type: 'dashed' } } : {}),
      ...(s.stack ? { stack: s.stack } : {}),
      barMaxWidth: 24,
    })),
  };
  return <EChart option={option} height={height} />;
}

function EChart({ option, height }: { option: echarts.EChartsCoreOption; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ height, width: '100%' }} />;
}
