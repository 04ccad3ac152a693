/**
 * The engine checked against queueing theory (SEMANTICS.md §7), the way an engineer would
 * trust it. Each figure is estimated by batch means: the run is cut into batches, and the
 * spread of the batch averages gives the estimate's standard error from the run itself.
 * The tolerance is 4 standard errors (a false alarm about once in 16,000 runs), so a longer
 * run gives a tighter check, and the seed is fixed so a failure replays.
 */
import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import type { Scenario } from './engine/scenario';
import { Simulation } from './engine/simulation';

const BATCHES = 20;

interface Estimate {
  mean: number;
  se: number;
}

function batchMeans(values: number[]): Estimate {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

/** Runs `scenario` for `batchMs` × (BATCHES + 1), dropping the first batch as warm-up. */
function measure(scenario: Scenario, batchMs: number) {
  const sim = new Simulation(scenario);
  const queue = sim.node('queue');
  const enqueuedAt = new Map<number, number>();
  let waitSum = 0;
  let waitCount = 0;
  let inSystem = 0;
  let inSystemArea = 0;
  let lastT = 0;
  let timeSum = 0;
  let arrivals = 0;
  sim.on((ev) => {
    if (ev.type === 'message.published') {
      inSystemArea += inSystem * (ev.t - lastT);
      lastT = ev.t;
      inSystem++;
      arrivals++;
    } else if (ev.type === 'message.enqueued') {
      enqueuedAt.set(ev.msg.id, ev.t);
    } else if (ev.type === 'message.processing') {
      waitSum += ev.t - enqueuedAt.get(ev.msg.id)!;
      waitCount++;
      enqueuedAt.delete(ev.msg.id);
    } else if (ev.type === 'message.processed') {
      inSystemArea += inSystem * (ev.t - lastT);
      lastT = ev.t;
      inSystem--;
      timeSum += ev.latencyMs;
    }
  });
  const wq: number[] = [];
  const lq: number[] = [];
  let lastArea = 0;
  for (let b = 0; b <= BATCHES; b++) {
    waitSum = 0;
    waitCount = 0;
    const end = (b + 1) * batchMs;
    sim.runUntil(end);
    const area = queue.backlog.mean(end) * end;
    if (b > 0) {
      wq.push(waitSum / waitCount / 1000);
      lq.push((area - lastArea) / batchMs);
    }
    lastArea = area;
  }
  inSystemArea += inSystem * (sim.now - lastT);
  const seconds = sim.now / 1000;
  return {
    wq: batchMeans(wq),
    lq: batchMeans(lq),
    /** Little's law over the whole run: time-average number in system, arrival rate, mean time in system. */
    little: { L: inSystemArea / sim.now, lambda: arrivals / seconds, W: timeSum / sim.ledger.processed / 1000 },
  };
}

function expectWithin(est: Estimate, expected: number): void {
  expect(Math.abs(est.mean - expected), `estimate ${est.mean} ± ${est.se} vs theory ${expected}`).toBeLessThan(4 * est.se);
  // And the run is long enough for the check to mean something: the standard error is under 3 %.
  expect(est.se / expected).toBeLessThan(0.03);
}

// Long runs by design (that is what makes the tolerances tight): allow them time on a busy machine.
describe('queueing theory', { timeout: 60_000 }, () => {
  it('M/M/1 at 8/s with service at 10/s: 3.2 messages wait on average, each for 0.4 s', () => {
    const m = measure(builtin('mm1')!, 5000_000);
    expectWithin(m.wq, 0.4);
    expectWithin(m.lq, 3.2);
  });

  it('M/M/c at 15/s with two consumers at 10/s each: 1.929 wait on average, each for 0.1286 s (Erlang C)', () => {
    const lambda = 15;
    const mu = 10;
    const c = 2;
    const a = lambda / mu;
    const rho = a / c;
    // Erlang C, computed here rather than copied, so the expected figures show their origin.
    let sum = 0;
    let fact = 1;
    for (let k = 0; k < c; k++) {
      if (k > 0) fact *= k;
      sum += a ** k / fact;
    }
    const top = (a ** c / (fact * c)) / (1 - rho);
    const C = top / (sum + top);
    const Wq = C / (c * mu - lambda);
    const Lq = (C * rho) / (1 - rho);
    expect(Wq).toBeCloseTo(0.1286, 4);
    expect(Lq).toBeCloseTo(1.929, 3);
    const m = measure(builtin('mmc')!, 2500_000);
    expectWithin(m.wq, Wq);
    expectWithin(m.lq, Lq);
  });

  it("Little's law holds on a stable run: mean number in the system = arrival rate × mean time in it", () => {
    for (const id of ['mm1', 'mmc']) {
      const { little } = measure(builtin(id)!, 200_000);
      // Sample-path identity; the only error is messages still inside at the end.
      expect(little.L).toBeCloseTo(little.lambda * little.W, 1);
      expect(Math.abs(little.L - little.lambda * little.W) / little.L).toBeLessThan(0.01);
    }
  });
});
