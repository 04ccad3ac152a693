import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { Simulation } from '../sim/engine/simulation';
import { MetricsSampler, percentile } from './metrics';

/** Runs `sim` to 30 s with the email service taken offline from 10 s to 20 s, as a user would. */
function withOutage(sim: Simulation): void {
  sim.runUntil(10_000);
  sim.act({ do: 'offline', node: 'email' });
  sim.runUntil(20_000);
  sim.act({ do: 'online', node: 'email' });
  sim.runUntil(30_000);
}

/** A run of a built-in scenario with a sampler on its trace. */
function sampled(id: string, intervalMs = 500, capacity = 2400) {
  const sim = new Simulation(builtin(id)!);
  const metrics = new MetricsSampler(intervalMs, capacity);
  metrics.attach(sim);
  sim.on(metrics.listener);
  return { sim, metrics };
}

function series(metrics: MetricsSampler) {
  return {
    times: Array.from({ length: metrics.times.length }, (_, i) => metrics.times.get(i)),
    backlog: metrics.backlog.map((s) => Array.from({ length: s.values.length }, (_, i) => s.values.get(i))),
    throughput: Array.from({ length: metrics.throughput.length }, (_, i) => metrics.throughput.get(i)),
    p99: Array.from({ length: metrics.p99.length }, (_, i) => metrics.p99.get(i)),
  };
}

describe('the metrics sampler', () => {
  it('samples every 500 ms of simulated time: an email outage from 10 s to 20 s shows as a backlog that rises then drains', () => {
    const { sim, metrics } = sampled('user-registered-queue');
    withOutage(sim);
    expect(metrics.backlog.map((s) => [s.node, s.measure])).toEqual([['signups', 'backlog']]);
    const { times, backlog } = series(metrics);
    expect(times[0]).toBe(500);
    expect(times.at(-1)).toBeGreaterThanOrEqual(29_500);
    times.forEach((t, i) => expect(t).toBe(500 * (i + 1)));
    const at = (ms: number) => backlog[0]![times.indexOf(ms)]!;
    // 4 sign-ups per second pile up while the email service is away...
    expect(at(19_500)).toBeGreaterThan(25);
    expect(at(19_500)).toBeGreaterThan(at(12_000));
    // ...and drain once it is back.
    expect(at(29_500)).toBeLessThan(at(19_500) / 4);
  });

  it('counts throughput per second and the latency percentiles of each interval; an interval with nothing processed is a gap', () => {
    const { sim, metrics } = sampled('user-registered-queue', 1000);
    const processedAt: number[] = [];
    sim.on((e) => {
      if (e.type === 'message.processed') processedAt.push(e.t);
    });
    withOutage(sim);
    const { times, throughput, p99 } = series(metrics);
    const during = times.indexOf(15_000);
    expect(throughput[during]).toBe(0);
    expect(p99[during]).toBeNaN();
    const total = throughput.reduce((a, b) => a + b, 0);
    expect(total).toBe(processedAt.filter((t) => t < times.at(-1)!).length);
    // Just after the outage, the messages that waited in the queue are 10 s old or more.
    const after = times.indexOf(21_000);
    expect(p99[after]).toBeGreaterThan(5000);
  });

  it('gives the same history however the run is cut into frames (a seek re-run matches the first run)', () => {
    const whole = sampled('rabbitmq-order-created');
    whole.sim.runUntil(40_000);
    const framed = sampled('rabbitmq-order-created');
    for (let t = 0; t < 40_000; t += 16.7) framed.sim.runUntil(t, 7);
    framed.sim.runUntil(40_000);
    expect(series(framed.metrics)).toEqual(series(whole.metrics));
  });

  it('keeps at most its capacity of samples, the newest', () => {
    const { sim, metrics } = sampled('mmc', 500, 100);
    sim.runUntil(120_000);
    expect(metrics.times.length).toBe(100);
    expect(metrics.times.get(99)).toBeGreaterThanOrEqual(119_000);
    expect(metrics.times.get(0)).toBe(metrics.times.get(99) - 99 * 500);
  });

  it('draws a lag line per Kafka consumer group and a pending-retries line per webhook sender', () => {
    const kafka = sampled('kafka-order-events');
    expect(kafka.metrics.backlog.map((s) => `${s.node}/${s.group}/${s.measure}`)).toEqual(['orders/billing/lag', 'orders/analytics/lag']);
    kafka.sim.runUntil(10_000);
    expect(kafka.metrics.times.length).toBe(20);
    const webhook = sampled('webhook-order-paid');
    expect(webhook.metrics.backlog.map((s) => `${s.node}/${s.measure}`)).toContain('orders/pending');
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.99)).toBe(4);
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
