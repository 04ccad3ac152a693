import { describe, expect, it } from 'vitest';
import { main } from '../cli/sim';
import { builtin } from '../scenarios';
import type { TraceEvent } from '../sim/engine/trace';
import { builtinComparison } from './builtins';
import { parseComparison, type PatternComparison } from './comparison';
import { comparisonColumns, QUEUE_PREFETCH } from './generate';
import { ComparisonRun } from './run';

/** A pattern comparison from its fields, parsed as a file would be. */
function patterns(fields: Record<string, unknown>): PatternComparison {
  const parsed = parseComparison({
    id: 'test', title: 'test', compare: 'patterns', seed: 3, durationMs: 60_000,
    producer: { id: 'orders', label: 'Orders', ratePerSec: 10, eventType: 'OrderCreated', keys: 100 },
    services: [{ id: 'billing', label: 'Billing', serviceTime: { dist: 'exponential', meanMs: 40 } }],
    ...fields,
  });
  if (!parsed.ok || parsed.comparison.compare !== 'patterns') throw new Error(JSON.stringify(parsed));
  return parsed.comparison;
}

function run(c: PatternComparison, until = c.durationMs): ComparisonRun {
  const columns = comparisonColumns(c, builtin);
  if (!columns.ok) throw new Error(JSON.stringify(columns.issues));
  const r = new ComparisonRun(c, columns.columns);
  r.runUntil(until);
  return r;
}

describe('a pattern comparison', () => {
  it('puts the same publications, at the same instants, through every pattern', () => {
    const { comparison, columns } = builtinComparison('compare-order-created')!;
    const r = new ComparisonRun(comparison, columns);
    const published = r.sims.map((sim) => {
      const seen: string[] = [];
      sim.on((ev: TraceEvent) => {
        if (ev.type === 'message.published') seen.push(`${ev.t}:${ev.msg.key}:${ev.msg.type}`);
      });
      return seen;
    });
    r.runUntil(30_000);
    expect(published[0]!.length).toBeGreaterThan(250);
    for (const p of published) expect(p).toEqual(published[0]);
    expect(columns.map((c) => c.id)).toEqual(['queue', 'kafka', 'pubsub', 'webhook', 'rest']);
  });

  it('shows what each pattern does with a consumer that is down for 10 s', () => {
    const { comparison, columns } = builtinComparison('compare-order-created')!;
    const r = new ComparisonRun(comparison, columns);
    r.runUntil(comparison.compare === 'patterns' ? comparison.durationMs : 0);
    const f = Object.fromEntries(r.report().columns.map((c) => [c.id, c.figures]));
    // Brokers buffer the down consumer's share (about 10/s × 10 s) and drain it afterwards.
    for (const p of ['queue', 'kafka', 'pubsub']) {
      expect(f[p]!.backlogMax, p).toBeGreaterThan(70);
      expect(f[p]!.backlogNow, p).toBeLessThan(10);
      expect(f[p]!.recoveryMs, p).not.toBeNull();
      expect(f[p]!.late, p).toBeGreaterThan(50);
    }
    // Webhooks retry on their schedule: deliveries arrive late, some not yet.
    expect(f.webhook!.late).toBeGreaterThan(10);
    expect(f.webhook!.failedCalls).toBe(0);
    // REST: the caller sees its calls to the down service fail; nothing waits anywhere.
    expect(f.rest!.failedCalls).toBeGreaterThan(70);
    expect(f.rest!.backlogMax).toBe(0);
    // Nothing is lost: durable patterns keep, REST reports.
    for (const p of Object.keys(f)) expect(f[p]!.lost, p).toBe(0);
    expect(f.rest!.coupling).toEqual({ addresses: 3, mustBeUp: true });
    expect(f.queue!.coupling).toEqual({ addresses: 1, mustBeUp: false });
  });

  it('queue column: backlog peak ≈ λ·T and drain time ≈ (B − prefetch)/(μ−λ), within 5 %', () => {
    // λ = 10/s evenly spaced; one consumer at a constant 50 ms (μ = 20/s); down for T = 10 s.
    const c = patterns({
      patterns: ['queue'],
      producer: { id: 'orders', label: 'Orders', ratePerSec: 10, arrivals: 'constant', eventType: 'OrderCreated' },
      services: [{ id: 'billing', label: 'Billing', serviceTime: { dist: 'constant', ms: 50 } }],
      latency: { dist: 'constant', ms: 1 },
      outage: { node: 'billing', fromMs: 10_000, toMs: 20_000 },
    });
    const f = run(c).report().columns[0]!.figures;
    const lambda = 10, mu = 20, T = 10;
    const peak = lambda * T;
    expect(Math.abs(f.backlogMax - peak) / peak).toBeLessThan(0.05);
    // The backlog counts messages ready in the queue. When the consumer returns it takes its
    // prefetch at once; the rest drains at the net rate μ − λ.
    const drainMs = ((f.backlogMax - QUEUE_PREFETCH) / (mu - lambda)) * 1000;
    expect(f.recoveryMs).not.toBeNull();
    expect(Math.abs(f.recoveryMs! - drainMs) / drainMs).toBeLessThan(0.05);
  });

  it('refuses a bad comparison with a located message in both languages', () => {
    const bad = { id: 'x', title: 'x', compare: 'patterns', producer: { label: 'P', ratePerSec: 1, eventType: 'E' }, services: [{ id: 'a', label: 'A', serviceTime: { dist: 'constant', ms: 1 } }], outage: { node: 'nobody', fromMs: 1, toMs: 2 } };
    const en = parseComparison(bad, 'en');
    const es = parseComparison(bad, 'es');
    expect(en.ok || es.ok).toBe(false);
    if (en.ok || es.ok) return;
    expect(en.issues[0]).toEqual({ path: 'outage.node', message: '"nobody" is not one of the services' });
    expect(es.issues[0]!.message).toBe('"nobody" no es uno de los servicios');
    const wrongRate = parseComparison({ ...bad, producer: { label: 'P', ratePerSec: -1, eventType: 'E' } });
    expect(wrongRate.ok).toBe(false);
    if (!wrongRate.ok) expect(wrongRate.issues[0]!.path).toBe('producer.ratePerSec');
  });
});

describe('a variant comparison', () => {
  it('shows the unprotected shop failing and blocking far more than the protected one', () => {
    const { comparison, columns } = builtinComparison('compare-cascade')!;
    const r = new ComparisonRun(comparison, columns);
    r.runUntil(60_000);
    const [unprotected, protectedShop] = r.report().columns.map((c) => c.figures);
    expect(unprotected!.waitingMax).toBeGreaterThan(5 * protectedShop!.waitingMax);
    expect(unprotected!.failedCalls).toBeGreaterThan(2 * protectedShop!.failedCalls);
    expect(protectedShop!.delivered).toBeGreaterThan(2 * unprotected!.delivered);
  });

  it('checks each variant as a scenario, and says where a patch is wrong', () => {
    const parsed = parseComparison({
      id: 'v', title: 'v', compare: 'variants', scenario: 'rest-order-chain',
      variants: [
        { id: 'a', label: 'A', patch: {} },
        { id: 'b', label: 'B', patch: { orders: { timeoutMs: 'soon' } } },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const columns = comparisonColumns(parsed.comparison, builtin);
    expect(columns.ok).toBe(false);
    if (!columns.ok) expect(columns.issues[0]!.path).toMatch(/^variants\[1\] \("b"\) → nodes\[\d\] \("orders"\)\.timeoutMs$/);
  });
});

describe('the headless runner', () => {
  it('prints the same comparison JSON twice, byte for byte', () => {
    const once = () => {
      let out = '';
      const code = main(['compare-order-created', '--until', '20s', '--json'], { out: (s) => (out += s), err: () => undefined, readFile: () => '' });
      expect(code).toBe(0);
      return out;
    };
    const a = once();
    expect(JSON.parse(a).columns).toHaveLength(5);
    expect(once()).toBe(a);
  });

  it('exits 2 with the located problem for a bad comparison file', () => {
    let err = '';
    const file = JSON.stringify({ id: 'x', title: 'x', compare: 'variants', scenario: 'nope', variants: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] });
    const code = main(['bad.json'], { out: () => undefined, err: (s) => (err += s), readFile: () => file });
    expect(code).toBe(2);
    expect(err).toContain('scenario: No built-in scenario is called "nope"');
  });
});
