import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../engine/simulation';
import { ms, runScenario } from '../../testing/harness';
import { checkInvariantEveryEvent, InvariantChecker } from '../../testing/invariant';

// issue #9, defect 1. RabbitMQ runs over TCP: a short network fault only delays deliveries and acks
// (TCP retransmits); a fault longer than the heartbeat timeout (60 s by default, RMQ/heartbeats;
// SEMANTICS §8 "Connection faults") closes the connection, and every unacked delivery is requeued
// with redelivered=true (RMQ/confirms). With manual acks nothing is lost, and delivery resumes once
// the network heals.

function build(prefetch: number, actions: unknown[], link: Record<string, unknown> = {}, seed = 3): Simulation {
  return runScenario({
    pattern: 'rabbitmq', seed,
    nodes: [
      { id: 'orders', kind: 'producer', ratePerSec: 10, arrivals: 'constant', limit: 1000 },
      { id: 'q', kind: 'queue', prefetch },
      { id: 'c', kind: 'service', serviceTime: ms(5) },
    ],
    links: [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c', latency: ms(10), ...link }],
    actions,
  }).sim;
}

const cut = (from: number, to: number) => [
  { at: from, do: 'partition', from: 'q', to: 'c' },
  { at: to, do: 'heal', from: 'q', to: 'c' },
];

/** Runs to `until`, checking after every event that every copy is accounted for. */
function runChecked(sim: Simulation, checker: InvariantChecker, until: number): void {
  while (sim.scheduler.peekTime() <= until && sim.step()) checker.check();
  sim.runUntil(until);
}

function stats(sim: Simulation) {
  return sim.node('q').stats() as unknown as Record<string, unknown> & { consumers: Record<string, { channel: string; unacked: number }> };
}

describe('a manual-ack queue across a network partition (RabbitMQ over TCP)', () => {
  for (const prefetch of [1, 50]) {
    for (const seconds of [1, 20, 59, 61, 90, 300]) {
      it(`prefetch ${prefetch}, partition of ${seconds} s: nothing is lost, nothing stays unacked, delivery resumes after the heal`, () => {
        const sim = build(prefetch, cut(10_000, 10_000 + seconds * 1000));
        const checker = new InvariantChecker(sim);
        runChecked(sim, checker, 10_000 + seconds * 1000 - 1);
        expect(stats(sim).consumers.c!.channel).toBe(seconds < 60 ? 'blocked' : 'closed');
        const during = sim.node('c').processed;
        runChecked(sim, checker, 10_000 + seconds * 1000 + 5_000);
        // Delivery resumed: the backlog built during the cut drains within seconds of the heal.
        expect(sim.node('c').processed).toBeGreaterThan(during);
        // Every copy accounted for after every event, to the end.
        runChecked(sim, checker, 400_000);
        const t = sim.ledger.totals();
        expect(t.published).toBe(1000);
        expect(t.dropped).toBe(0);
        expect(t.done).toBe(t.copies);
        expect(sim.node('c').processed - t.duplicates).toBe(1000);
        const s = stats(sim);
        expect(s.unacked).toBe(0);
        expect(s.consumers.c!.channel).toBe('open');
        // Longer than the heartbeat timeout: the channel was closed once and its deliveries requeued.
        expect(s.channelsClosed).toBe(seconds >= 60 ? 1 : 0);
      });
    }
  }

  it('a closed channel requeues what the consumer held unacked, marked redelivered', () => {
    // A slow consumer holds 50 unacked when the network goes for 90 s.
    const { sim } = runScenario({
      pattern: 'rabbitmq', seed: 1,
      nodes: [
        { id: 'orders', kind: 'producer', ratePerSec: 20, arrivals: 'constant', limit: 400 },
        { id: 'q', kind: 'queue', prefetch: 50 },
        { id: 'c', kind: 'service', serviceTime: ms(100) },
      ],
      links: [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c', latency: ms(10) }],
      actions: cut(5_000, 95_000),
    });
    sim.runUntil(66_000);
    const s = stats(sim);
    expect(s.consumers.c!.channel).toBe('closed');
    expect(s.unacked).toBe(0);
    expect(s.requeued as number).toBeGreaterThanOrEqual(45);
    sim.runUntil(200_000);
    const t = sim.ledger.totals();
    expect(t.dropped).toBe(0);
    expect(stats(sim).redelivered as number).toBeGreaterThanOrEqual(45);
    expect(sim.node('c').processed - t.duplicates).toBe(400);
  });

  it('a lossy consumer link (20% loss) loses no delivery and no ack: TCP retransmits, only latency grows', () => {
    const sim = build(50, [], { loss: 0.2 });
    checkInvariantEveryEvent(sim, 200_000);
    const t = sim.ledger.totals();
    expect(t).toMatchObject({ published: 1000, dropped: 0, duplicates: 0 });
    expect(sim.node('c').processed).toBe(1000);
    expect(stats(sim).unacked).toBe(0);
  });
});
