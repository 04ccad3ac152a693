import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { simulate } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';

/** A random queue scenario: rates, consumers, prefetch, ack mode, latency, failures and outages all drawn from `seed`. */
export function randomQueueScenario(seed: number): unknown {
  const r = new Rng(seed);
  const consumers = 1 + r.int(4);
  const ack = r.next() < 0.3 ? 'auto' : 'manual';
  const latency = r.next() < 0.5 ? undefined : { dist: 'uniform', minMs: 0, maxMs: 1 + r.int(80) };
  const nodes: unknown[] = [
    { id: 'p', kind: 'producer', ratePerSec: 1 + r.int(40), burst: 1 + r.int(3) },
    { id: 'q', kind: 'queue', prefetch: r.int(4), ack },
  ];
  const links: unknown[] = [{ from: 'p', to: 'q', latency }];
  const actions: unknown[] = [];
  for (let i = 0; i < consumers; i++) {
    const id = `c${i}`;
    nodes.push({
      id, kind: 'service', concurrency: 1 + r.int(3), failureRate: r.next() < 0.3 ? r.next() * 0.3 : 0,
      serviceTime: { dist: 'exponential', meanMs: 5 + r.int(200) },
    });
    links.push({ from: 'q', to: id, latency });
    for (let k = r.int(3); k > 0; k--) {
      const at = r.int(8000);
      actions.push({ at, do: 'offline', node: id }, { at: at + r.int(3000), do: 'online', node: id });
    }
  }
  return { id: `random-${seed}`, title: 'random', seed, nodes, links, actions };
}

describe('message accounting on the queue model', () => {
  it('every copy is in exactly one state after every event, on 120 random runs with outages and failures', () => {
    let events = 0;
    for (let seed = 1; seed <= 120; seed++) {
      events += checkInvariantEveryEvent(simulate(randomQueueScenario(seed)), 10_000);
    }
    expect(events).toBeGreaterThan(50_000);
    // About 4 s alone; more on a shared machine, past vitest's 5 s default.
  }, 60_000);
});
