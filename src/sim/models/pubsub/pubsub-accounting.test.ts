import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import type { Simulation } from '../../engine/simulation';
import { runScenario } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';

// Message accounting on random pub/sub systems, and a pinned regression seed.

/** A random pub/sub system: topics, durable and fire-and-forget subscriptions, outages, failures, deadlines, (un)subscriptions. */
function randomPubSub(seed: number): Simulation {
  const r = new Rng(seed);
  const latency = r.next() < 0.5 ? undefined : { dist: 'uniform', minMs: 0, maxMs: 1 + r.int(300) };
  const loss = r.next() < 0.2 ? r.next() * 0.1 : undefined;
  const nodes: unknown[] = [
    { id: 'p', kind: 'producer', ratePerSec: 1 + r.int(40), burst: 1 + r.int(3) },
    { id: 't', kind: 'pubsub-topic' },
    { id: 'dlt', kind: 'pubsub-topic' },
    { id: 'dlq', kind: 'subscription', subscribed: r.next() < 0.7 },
    { id: 'ops', kind: 'service' },
  ];
  const links: unknown[] = [{ from: 'p', to: 't', latency }, { from: 'dlt', to: 'dlq' }, { from: 'dlq', to: 'ops' }];
  const actions: unknown[] = [];
  const subs = 1 + r.int(3);
  for (let i = 0; i < subs; i++) {
    const sub = `s${i}`;
    nodes.push({
      id: sub, kind: 'subscription', mode: r.next() < 0.6 ? 'durable' : 'fire-and-forget', subscribed: r.next() < 0.8,
      ackDeadlineMs: 50 + r.int(2000), maxDeliveryAttempts: r.int(6), maxOutstanding: 1 + r.int(5), retentionMs: 500 + r.int(10_000),
    });
    links.push({ from: 't', to: sub, latency, loss });
    if (r.next() < 0.5) links.push({ from: sub, to: 'dlt' });
    for (let k = r.int(3); k > 0; k--) {
      const at = r.int(8000);
      actions.push({ at, do: 'command', node: 't', command: r.next() < 0.5 ? 'subscribe' : 'unsubscribe', args: { subscription: sub } });
    }
    if (r.next() < 0.2) actions.push({ at: r.int(8000), do: 'offline', node: sub }, { at: r.int(10_000), do: 'online', node: sub });
    for (let c = 1 + r.int(2); c > 0; c--) {
      const id = `${sub}c${c}`;
      nodes.push({
        id, kind: 'service', concurrency: 1 + r.int(3), failureRate: r.next() < 0.4 ? r.next() * 0.5 : 0,
        serviceTime: { dist: 'exponential', meanMs: 5 + r.int(800) },
      });
      links.push({ from: sub, to: id, latency, loss });
      for (let k = r.int(3); k > 0; k--) {
        const at = r.int(8000);
        actions.push({ at, do: 'offline', node: id }, { at: at + r.int(4000), do: 'online', node: id });
      }
    }
  }
  if (r.next() < 0.2) actions.push({ at: r.int(8000), do: 'offline', node: 't' }, { at: r.int(10_000), do: 'online', node: 't' });
  return runScenario({ nodes, links, actions, seed }).sim;
}

describe('message accounting on the pub/sub model', () => {
  it('every copy is in exactly one state after every event, on 120 random runs with outages, failures, deadlines and (un)subscriptions', () => {
    let events = 0;
    let deadlines = 0;
    let duplicates = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const s = randomPubSub(seed);
      s.on((e) => {
        if (e.type === 'pubsub.ack_deadline_expired') deadlines++;
        if (e.type === 'pubsub.late_ack' && e.duplicate) duplicates++;
      });
      events += checkInvariantEveryEvent(s, 12_000);
    }
    expect(events).toBeGreaterThan(100_000);
    // The random runs do reach the hard paths.
    expect(deadlines).toBeGreaterThan(100);
    expect(duplicates).toBeGreaterThan(10);
  }, 60_000);

  it('regression, seed 128: a retention timer that fires a hair early in floating point does not re-arm itself forever', () => {
    const s = randomPubSub(128);
    expect(s.runUntil(12_000, 1_000_000)).toBe(true);
  });
});
