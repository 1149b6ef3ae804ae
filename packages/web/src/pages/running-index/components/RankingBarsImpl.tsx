// A category's totals as horizontal bars (unit names read on a phone, which a category axis of 10+ Chinese names
// along the bottom would not), red board bars red and black board bars dark. ECharts' tree-shaken core, loaded
// lazily through RankingBars.tsx like the shared TrendChart.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { RankingBarsProps } from './RankingBars';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const RED = '#cf1322';
const BLACK = '#262626';
const PLAIN = '#1677ff';

export default function RankingBarsImpl({ names, totals, marks, onSelect }: RankingBarsProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const height = Math.max(120, names.length * 28 + 40);

  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      xAxis: { type: 'value', max: 100 },
      // best at the top
      yAxis: {
        type: 'category',
        inverse: true,
        data: names,
        axisLabel: { width: 96, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: totals.map((value, i) => ({
            value,
            itemStyle: { color: marks[i] === 'red' ? RED : marks[i] === 'black' ? BLACK : PLAIN },
          })),
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [names, totals, marks],
  );

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      if (typeof p.dataIndex === 'number') select.current?.(p.dataIndex);
    });
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
    chart.current?.resize();
  }, [option]);

  return <div ref={box} style={{ height, width: '100%' }} />;
}
