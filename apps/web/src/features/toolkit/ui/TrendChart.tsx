import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Line colours that keep contrast on both the light and the dark background. */
const PALETTE = ['#c0620f', '#2f7fc1', '#3c9a5f', '#b2408f', '#7a6bd1', '#a08a17', '#d1453b', '#4a9ea0'];

/** One line of a chart. */
export type ChartSeries = Readonly<{ label: string; values: readonly (number | null)[] }>;

function cssVar(el: Element, name: string, fallback: string): string {
  const v = getComputedStyle(el).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

/**
 * A line chart drawn with uPlot. It is decoration for sighted readers: the
 * canvas is hidden from assistive technology, and every caller renders the
 * same numbers as a table next to it.
 *
 * @param x seconds since the epoch, ascending
 */
export function TrendChart({
  x,
  series,
  yMax,
  formatX,
}: {
  readonly x: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly yMax: number;
  readonly formatX: (seconds: number) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null || x.length === 0 || series.length === 0) return;
    const text = cssVar(el, '--text', '#2b2420');
    const grid = cssVar(el, '--border', '#e2d8ca');
    const width = Math.max(240, el.clientWidth);
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    const plot = new uPlot(
      {
        width,
        height: 220,
        scales: { x: { time: false }, y: { range: [0, yMax] } },
        axes: [{ ...axis, values: (_u, ticks) => ticks.map((v) => formatX(v)) }, axis],
        cursor: { show: false },
        legend: { show: true },
        series: [
          { label: '' },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: PALETTE[i % PALETTE.length] ?? text,
            width: 2,
            spanGaps: true,
            points: { show: true, size: 6 },
          })),
        ],
      },
      [x.slice(), ...series.map((s) => s.values.slice())] as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(240, el.clientWidth), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, series, yMax, formatX]);
  return <div ref={ref} className="toolkit-chart" aria-hidden="true" />;
}
