import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { InvariantChecker } from '../../testing/invariant';
import { simulate, stat } from '../../testing/harness';

// Message accounting on random RabbitMQ topologies: every copy in one place after every event.

const ROUTING_KEYS = ['order.eu.created', 'order.us.created', 'order.eu.paid', 'user.registered'];
const BINDINGS = ['order.*.created', 'order.#', '#', 'order.eu.*', '*.*.paid', 'user.registered', 'order.eu.created', ''];

/**
 * A random RabbitMQ topology drawn from `seed`: producers publishing to an exchange or straight to
 * a queue; queues with random prefetch, ack mode, TTL, max length, overflow, nack handling,
 * delivery limits and a dead-letter exchange (whose queue may send its dead letters back through
 * a TTL: the delayed-retry loop); consumers with random speed and failure rates; lossy or slow
 * links; consumers, queues and the exchange going offline; a link partitioned for a while.
 */
export function randomRabbitScenario(seed: number): unknown {
  const r = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)]!;
  const maybe = (p: number) => r.next() < p;
  const latency = () => (maybe(0.5) ? undefined : { dist: 'uniform', minMs: 0, maxMs: 1 + r.int(60) });
  const nodes: Record<string, unknown>[] = [
    { id: 'x', kind: 'exchange', type: pick(['direct', 'fanout', 'topic', 'topic']), ...(maybe(0.3) ? { alternateExchange: 'ae' } : {}) },
    { id: 'ae', kind: 'exchange', type: 'fanout' },
    { id: 'unrouted', kind: 'queue', deadLetterQueue: true },
    { id: 'dlx', kind: 'exchange', type: 'fanout' },
  ];
  const links: Record<string, unknown>[] = [
    { from: 'x', to: 'ae' },
    { from: 'ae', to: 'unrouted' },
  ];
  const actions: Record<string, unknown>[] = [];
  const outage = (node: string) => {
    const at = r.int(8_000);
    actions.push({ at, do: 'offline', node }, { at: at + r.int(3_000), do: 'online', node });
  };
  const queues = 1 + r.int(3);
  for (let i = 0; i < queues; i++) {
    const q = `q${i}`;
    nodes.push({
      id: q, kind: 'queue', prefetch: r.int(4), ack: maybe(0.2) ? 'auto' : 'manual', queueType: maybe(0.3) ? 'quorum' : 'classic',
      onNack: maybe(0.5) ? 'requeue' : 'dead-letter',
      ...(maybe(0.3) ? { messageTtlMs: r.int(2_000) } : {}),
      ...(maybe(0.3) ? { maxLength: r.int(30), overflow: pick(['drop-head', 'reject-publish']) } : {}),
      ...(maybe(0.6) ? { deadLetterExchange: 'dlx' } : {}),
      ...(maybe(0.3) ? { queueType: 'quorum', deliveryLimit: r.int(5) - 1 } : {}),
    });
    links.push({ from: 'x', to: q, bindingKey: pick(BINDINGS), latency: latency() });
    links.push({ from: q, to: 'dlx', latency: latency() });
    for (let c = r.int(4); c > 0; c--) {
      const id = `${q}-c${c}`;
      nodes.push({
        id, kind: 'service', concurrency: 1 + r.int(3), failureRate: maybe(0.4) ? r.next() * 0.5 : 0,
        serviceTime: { dist: 'exponential', meanMs: 5 + r.int(150) },
      });
      links.push({ from: q, to: id, latency: latency(), ...(maybe(0.1) ? { loss: 0.02 } : {}) });
      for (let k = r.int(3); k > 0; k--) outage(id);
    }
    if (maybe(0.1)) outage(q);
  }
  // The dead-letter queue parks, or feeds a delayed retry back into the exchange.
  const retry = maybe(0.4);
  nodes.push({ id: 'dlq', kind: 'queue', deadLetterQueue: !retry, ...(retry ? { messageTtlMs: 200 + r.int(800), deadLetterExchange: 'x' } : {}) });
  links.push({ from: 'dlx', to: 'dlq' });
  if (retry) links.push({ from: 'dlq', to: 'x' });
  for (let p = 1 + r.int(2); p > 0; p--) {
    const id = `p${p}`;
    nodes.push({ id, kind: 'producer', ratePerSec: 1 + r.int(40), burst: 1 + r.int(3), eventType: pick(ROUTING_KEYS) });
    links.push({ from: id, to: maybe(0.8) ? 'x' : `q${r.int(queues)}`, latency: latency() });
  }
  if (maybe(0.2)) outage('x');
  if (maybe(0.2)) {
    const at = r.int(8_000);
    actions.push({ at, do: 'partition', from: 'x', to: 'q0' }, { at: at + r.int(2_000), do: 'heal', from: 'x', to: 'q0' });
  }
  return { id: `random-rabbit-${seed}`, title: 'random rabbit', pattern: 'rabbitmq', seed, nodes, links, actions };
}

describe('message accounting', () => {
  it('on 120 random RabbitMQ topologies with outages, failures, TTLs, limits and dead letters, every copy is accounted for after every event', () => {
    let events = 0;
    let deadLettered = 0;
    let duplicates = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const sim = simulate(randomRabbitScenario(seed));
      const queues = sim.scenario.nodes.filter((n) => n.kind === 'queue').map((n) => n.id);
      // A second oracle, by place: how many copies the trace says wait or are parked in each queue.
      const waitingIn = new Map<number, string>();
      const held = new Map<string, number>(queues.map((q) => [q, 0]));
      sim.on((ev) => {
        if (!('msg' in ev)) return;
        const was = waitingIn.get(ev.msg.id);
        if (was !== undefined) {
          waitingIn.delete(ev.msg.id);
          held.set(was, held.get(was)! - 1);
        }
        if ((ev.type === 'message.enqueued' || ev.type === 'message.requeued' || ev.type === 'message.dead_lettered') && held.has(ev.node)) {
          waitingIn.set(ev.msg.id, ev.node);
          held.set(ev.node, held.get(ev.node)! + 1);
        }
      });
      const checker = new InvariantChecker(sim);
      try {
        while (sim.scheduler.peekTime() <= 10_000 && sim.step()) {
          events++;
          checker.check();
          for (const q of queues) {
            const n = sim.node(q).backlogNow();
            if (n !== held.get(q)) throw new Error(`seed ${seed}, t=${sim.now}: ${q} holds ${n}, the trace says ${held.get(q)}`);
          }
        }
        checker.checkFromScratch();
      } finally {
        checker.dispose();
      }
      let parked = 0;
      for (const q of queues) parked += stat(sim, q, 'parked');
      expect(sim.ledger.totals().deadLettered, `seed ${seed}`).toBe(parked);
      deadLettered += parked;
      duplicates += sim.ledger.duplicates;
    }
    // The runs did exercise what they claim to.
    expect(events).toBeGreaterThan(100_000);
    expect(deadLettered).toBeGreaterThan(100);
    expect(duplicates).toBeGreaterThan(0);
  }, 120_000);
});
