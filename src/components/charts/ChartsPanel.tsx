import { useMemo } from 'react';
import type { AlignedData } from 'uplot';
import type { BacklogSeries, MetricsSampler } from '../../app/metrics';
import { observers } from '../../app/observers';
import { controller } from '../../app/runtime';
import { formatDuration, formatNumber } from '../../i18n/format';
import type { T } from '../../i18n/translate';
import { translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import type { Lang } from '../../sim/engine/errors';
import { useApp } from '../../store/appStore';
import { useNameOf } from '../log/useNameOf';
import type { NameOf } from '../../app/describe';
import { TimeChart, type ChartFrame, type ChartSeries } from './TimeChart';

const PALETTE = ['#2563eb', '#d97706', '#16a34a', '#7c3aed', '#db2777', '#0d9488', '#64748b', '#dc2626'];

/**
 * The Charts tab: backlog or lag per broker, throughput, and end-to-end latency p50/p99, from
 * the metrics sampler, each with a summary in words and a cursor at the current time.
 */
export function ChartsPanel() {
  const { t, lang } = useT();
  const name = useNameOf();
  const loadId = useApp((s) => s.loadId);
  const { metrics } = observers;
  const interval = formatDuration(metrics.intervalMs, lang);
  // A new scenario brings new brokers: the sampler has re-attached by the time loadId changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const lines = useMemo(() => [...metrics.backlog], [metrics, loadId]);
  const backlogSeries = useMemo<ChartSeries[]>(
    () => lines.map((s, i) => ({ label: seriesLabel(s, t, name), color: PALETTE[i % PALETTE.length]! })),
    [lines, t, name],
  );
  const throughputSeries = useMemo<ChartSeries[]>(() => [{ label: t('seriesProcessed'), color: '#16a34a' }], [t]);
  const latencySeries = useMemo<ChartSeries[]>(
    () => [{ label: t('seriesP50'), color: '#2563eb' }, { label: t('seriesP99'), color: '#dc2626', dash: [5, 3] }],
    [t],
  );
  const version = () => metrics.version;
  return (
    <div className="charts">
      <p className="charts__note">{t('chartEvery', { interval })}</p>
      <div className="charts__row">
        {lines.length > 0 ? (
          <TimeChart
            title={t('chartBacklog')} hint={t('chartBacklogHint')} series={backlogSeries} version={version}
            read={() => backlogFrame(metrics, lines, backlogSeries, lang)}
          />
        ) : (
          <figure className="chart chart--empty">
            <figcaption className="chart__head">
              <span className="chart__title">{t('chartBacklog')}</span>
            </figcaption>
            <p className="chart__summary">{t('chartNoBroker')}</p>
          </figure>
        )}
        <TimeChart
          title={t('chartThroughput')} hint={t('chartThroughputHint')} series={throughputSeries} version={version}
          read={() => throughputFrame(metrics, lang)}
        />
        <TimeChart
          title={t('chartLatency')} hint={t('chartLatencyHint')} series={latencySeries} version={version}
          read={() => latencyFrame(metrics, lang)}
        />
      </div>
    </div>
  );
}

function seriesLabel(s: BacklogSeries, t: T, name: NameOf): string {
  if (s.measure === 'lag') return t('seriesLag', { node: name(s.node), group: s.group ?? '' });
  if (s.measure === 'pending') return t('seriesPending', { node: name(s.node) });
  return t('seriesBacklog', { node: name(s.node) });
}

function seconds(metrics: MetricsSampler): number[] {
  const xs: number[] = new Array(metrics.times.length);
  for (let i = 0; i < xs.length; i++) xs[i] = metrics.times.get(i) / 1000;
  return xs;
}

/** Backlog lines up to the last sample, then on to the current time with the values now. */
function backlogFrame(metrics: MetricsSampler, lines: readonly BacklogSeries[], series: readonly ChartSeries[], lang: Lang): ChartFrame {
  const xs = seconds(metrics);
  const now = metrics.current();
  const tail = controller.now / 1000;
  const withTail = xs.length === 0 || tail > xs[xs.length - 1]!;
  if (withTail) xs.push(tail);
  const ys = lines.map((s, i) => {
    const values = s.values.copyTo([]);
    if (withTail) values.push(now[i] ?? null);
    return values;
  });
  const summary = lines
    .map((s, i) => {
      const max = ys[i]!.reduce<number>((m, v) => (v !== null && v > m ? v : m), 0);
      const key = s.measure === 'lag' ? 'summaryLag' : s.measure === 'pending' ? 'summaryPending' : 'summaryBacklog';
      return translate(lang, key, { series: series[i]!.label, now: formatNumber(now[i] ?? 0, lang), max: formatNumber(max, lang) });
    })
    .join(' ');
  return { data: [xs, ...ys] as AlignedData, summary };
}

function throughputFrame(metrics: MetricsSampler, lang: Lang): ChartFrame {
  const ys = metrics.throughput.copyTo([]);
  const last = ys.length > 0 ? (ys[ys.length - 1] ?? 0) : 0;
  const max = ys.reduce<number>((m, v) => (v !== null && v > m ? v : m), 0);
  const summary = translate(lang, 'summaryThroughput', { now: formatNumber(last, lang, 1), max: formatNumber(max, lang, 1) });
  return { data: [seconds(metrics), ys] as AlignedData, summary };
}

function latencyFrame(metrics: MetricsSampler, lang: Lang): ChartFrame {
  const p50 = metrics.p50.copyTo([]);
  const p99 = metrics.p99.copyTo([]);
  const say = (v: number | null | undefined) => (v === null || v === undefined ? translate(lang, 'summaryNone') : formatDuration(v, lang));
  const summary = translate(lang, 'summaryLatency', { p50: say(p50[p50.length - 1]), p99: say(p99[p99.length - 1]) });
  return { data: [seconds(metrics), p50, p99] as AlignedData, summary };
}
