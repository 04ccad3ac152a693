import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { frameStore } from '../../store/frameStore';
import { useFrame } from '../panels/useFrame';

/** One line of a chart. */
export interface ChartSeries {
  label: string;
  color: string;
  dash?: number[];
}

/** What a chart shows at a refresh: its data (x in seconds), and its summary in words. */
export interface ChartFrame {
  data: AlignedData;
  summary: string;
}

interface TimeChartProps {
  title: string;
  hint: string;
  series: readonly ChartSeries[];
  /** Reads the current data; called a few times a second, and only when something changed. */
  read: () => ChartFrame;
  /** Changes whenever new data may be there (the sampler's version). */
  version: () => number;
}

/** How often the chart looks for new samples, wall ms. */
const EVERY_MS = 250;

/**
 * A uPlot time chart tied to the timeline: x from the first sample to the furthest time
 * reached, a dashed cursor at the current simulated time. React renders it once; new data
 * goes in through uPlot's own API (setData), a few times a second, never per frame. Its
 * summary line says the figures in words, for screen readers and tests.
 */
export function TimeChart({ title, hint, series, read, version }: TimeChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  const plot = useRef<uPlot | null>(null);
  const cursorAt = useRef(0);
  const drawn = useRef('');
  const refresh = () => {
    const u = plot.current;
    if (!u) return;
    const f = frameStore.getState();
    const key = `${version()}:${f.now}:${f.horizon}`;
    if (key === drawn.current) return;
    drawn.current = key;
    const { data, summary: text } = read();
    cursorAt.current = f.now / 1000;
    const xs = data[0] as ArrayLike<number>;
    const min = xs.length > 0 ? Math.min(xs[0]!, f.now / 1000) : 0;
    const max = Math.max(f.horizon / 1000, f.now / 1000, min + 1);
    u.batch(() => {
      u.setData(data, true);
      u.setScale('x', { min, max });
    });
    if (summary.current && summary.current.textContent !== text) summary.current.textContent = text;
  };
  useEffect(() => {
    const el = box.current!;
    const u = new uPlot(options(series, el.clientWidth, el.clientHeight, cursorAt), [[], ...series.map(() => [])], el);
    plot.current = u;
    drawn.current = '';
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: el.clientHeight }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [series]);
  useFrame(refresh, EVERY_MS);
  return (
    <figure className="chart">
      <figcaption className="chart__head">
        <span className="chart__title">{title}</span>
        <span className="chart__hint">{hint}</span>
      </figcaption>
      <ul className="chart__legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.label}>
            <span className="chart__swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <div className="chart__plot" ref={box} aria-hidden="true" />
      <p className="chart__summary" ref={summary} />
    </figure>
  );
}

/** Tick steps for counts: never a half message. */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6];

const AXIS = { stroke: '#5b6b82', grid: { stroke: '#eef2f7', width: 1 }, ticks: { stroke: '#e2e8f0', width: 1, size: 4 }, font: '11px Inter, system-ui, sans-serif' };

function options(series: readonly ChartSeries[], width: number, height: number, cursorAt: { current: number }): Options {
  return {
    width: Math.max(width, 100),
    height: Math.max(height, 60),
    padding: [8, 10, 0, 0],
    legend: { show: false },
    cursor: { show: false },
    // Counts and milliseconds: every y axis starts at 0 and ticks on whole numbers.
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max > 0 ? Math.ceil(max * 1.08) : 1] } },
    series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.6, dash: s.dash, points: { show: false }, spanGaps: false }))],
    axes: [
      { ...AXIS, size: 26, values: (_u, splits) => splits.map(clockLabel) },
      { ...AXIS, size: 40, incrs: WHOLE_STEPS, values: (_u, splits) => splits.map((v) => compact(v)) },
    ],
    hooks: {
      // The timeline cursor: a dashed line at the current simulated time.
      draw: [
        (u) => {
          const x = u.valToPos(cursorAt.current, 'x', true);
          if (!Number.isFinite(x)) return;
          const { ctx, bbox } = u;
          ctx.save();
          ctx.strokeStyle = '#0f172a';
          ctx.globalAlpha = 0.55;
          ctx.lineWidth = Math.max(1, devicePixelRatio);
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(Math.round(x) + 0.5, bbox.top);
          ctx.lineTo(Math.round(x) + 0.5, bbox.top + bbox.height);
          ctx.stroke();
          ctx.restore();
        },
      ],
    },
  };
}

/** Seconds on the time axis as a clock: 0:30, 2:05, 1:00:00. */
function clockLabel(sec: number): string {
  if (!Number.isFinite(sec)) return '';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** Axis numbers, short: 950, 1.2k, 35k. */
function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 10_000) return `${Math.round(v / 1000)}k`;
  if (a >= 1000) return `${(v / 1000).toFixed(1)}k`;
  return String(Math.round(v * 100) / 100);
}
