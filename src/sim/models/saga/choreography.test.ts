import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../catalog';
import { ms, runScenario, type TestRun } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import type { ChoreographyParticipant } from './choreography';

// SEMANTICS §6, "Flow (Create Order)", the choreography column (Richardson, Microservices
// Patterns 2e ch. 10): Order publishes OrderCreated → Customer reserves credit and publishes
// CreditReserved or CreditLimitExceeded → Order approves or rejects. Here with a stock step whose
// refusal is compensated by another event (Customer releases the credit), as the tour shows.

interface Choreo {
  orders?: number;
  refuseCredit?: number;
  refuseStock?: number;
  stockFailureRate?: number;
  actions?: unknown[];
  seed?: number;
}

/** Orders → a fanout event bus → one queue per service; each service publishes back to the bus. */
function choreography(c: Choreo = {}): TestRun {
  const service = (id: string, reactions: unknown[], more: Record<string, unknown> = {}) => ({
    id, kind: 'choreography-participant', concurrency: 2, serviceTime: ms(10), reactions, ...more,
  });
  const services = ['customers', 'stock', 'status'];
  return runScenario({
    pattern: 'saga',
    seed: c.seed ?? 5,
    nodes: [
      { id: 'orders', kind: 'producer', eventType: 'OrderCreated', ratePerSec: 10, arrivals: 'constant', limit: c.orders ?? 1, keys: 100 },
      { id: 'bus', kind: 'exchange', type: 'fanout' },
      ...services.map((s) => ({ id: `${s}-q`, kind: 'queue' })),
      service('customers', [
        { on: 'OrderCreated', emit: 'CreditReserved', rejectWith: 'CreditLimitExceeded', rejectProbability: c.refuseCredit ?? 0 },
        { on: 'OutOfStock', emit: 'CreditReleased' },
      ]),
      service('stock', [{ on: 'CreditReserved', emit: 'StockReserved', rejectWith: 'OutOfStock', rejectProbability: c.refuseStock ?? 0 }], {
        failureRate: c.stockFailureRate ?? 0,
      }),
      service('status', [{ on: 'StockReserved' }, { on: 'CreditLimitExceeded' }, { on: 'CreditReleased' }]),
    ],
    links: [
      { from: 'orders', to: 'bus', latency: ms(2) },
      ...services.flatMap((s) => [
        { from: 'bus', to: `${s}-q` },
        { from: `${s}-q`, to: s, latency: ms(2) },
        { from: s, to: 'bus', latency: ms(2) },
      ]),
    ],
    actions: c.actions,
  });
}

/** The events published, in order, as "type" (the producer's and the services'). */
const published = (run: TestRun) => run.of('message.published').map((e) => e.msg.type);
const handled = (run: TestRun, node: string, on: string) =>
  (run.sim.node(node) as ChoreographyParticipant).stats().reactions.find((r) => r.on === on)?.handled ?? 0;

describe('a choreographed saga: services react to events, nobody holds the flow', () => {
  it('OrderCreated → CreditReserved → StockReserved, each published by the service that reacted, and the order ends approved', () => {
    const run = choreography();
    checkInvariantEveryEvent(run.sim, 5_000);
    expect(published(run)).toEqual(['OrderCreated', 'CreditReserved', 'StockReserved']);
    expect(run.of('saga.reacted').map((e) => [e.node, e.on, e.emitted ?? null])).toEqual([
      ['customers', 'OrderCreated', 'CreditReserved'],
      ['stock', 'CreditReserved', 'StockReserved'],
      ['status', 'StockReserved', null],
    ]);
    // Each event was published after the one that caused it was handled, and says which it was.
    const events = run.of('message.published');
    expect(events[1]!.msg.meta).toMatchObject({ cause: expect.any(Number), order: events[0]!.msg.id });
    expect(events[2]!.msg.meta).toMatchObject({ order: events[0]!.msg.id });
    // The bus fans every event out to every service; each ignores those it has no reaction for.
    expect(run.sim.node('customers').stats()).toMatchObject({ handled: 1, ignored: 2, published: 1 });
    expect(handled(run, 'status', 'StockReserved')).toBe(1);
  });

  it('a credit refusal publishes CreditLimitExceeded instead, and the order is rejected: nothing else happens', () => {
    const run = choreography({ refuseCredit: 1 });
    run.sim.runUntil(5_000);
    expect(published(run)).toEqual(['OrderCreated', 'CreditLimitExceeded']);
    expect(run.of('saga.reacted')).toMatchObject([
      { node: 'customers', on: 'OrderCreated', refused: true, emitted: 'CreditLimitExceeded' },
      { node: 'status', on: 'CreditLimitExceeded', refused: false },
    ]);
    expect(run.sim.node('customers').stats()).toMatchObject({ refused: 1 });
  });

  it('a stock refusal is compensated by an event: Customers hears OutOfStock and releases the credit, then the order is rejected', () => {
    const run = choreography({ refuseStock: 1 });
    run.sim.runUntil(5_000);
    expect(published(run)).toEqual(['OrderCreated', 'CreditReserved', 'OutOfStock', 'CreditReleased']);
    expect(handled(run, 'customers', 'OutOfStock')).toBe(1);
    expect(handled(run, 'status', 'CreditReleased')).toBe(1);
    expect(handled(run, 'status', 'StockReserved')).toBe(0);
  });

  it('refusals are drawn per event: with a share of 0.2, about a fifth of 500 orders are refused credit (seeded)', () => {
    const run = choreography({ orders: 500, refuseCredit: 0.2 });
    checkInvariantEveryEvent(run.sim, 120_000);
    const s = run.sim.node('customers').stats();
    expect(handled(run, 'customers', 'OrderCreated')).toBe(500);
    expect(Number(s.refused)).toBeGreaterThan(75);
    expect(Number(s.refused)).toBeLessThan(125);
    // Every order ends once at the status service: approved or rejected.
    expect(handled(run, 'status', 'StockReserved') + handled(run, 'status', 'CreditLimitExceeded')).toBe(500);
  });

  it('a service that is offline lets its events wait in its queue; when it returns the sagas carry on where they were', () => {
    const run = choreography({ orders: 20, actions: [{ at: 0, do: 'offline', node: 'stock' }, { at: 10_000, do: 'online', node: 'stock' }] });
    run.sim.runUntil(9_000);
    // Every order has its credit reserved, and waits for Stock in its queue: no timeout, no compensation.
    expect(handled(run, 'customers', 'OrderCreated')).toBe(20);
    // (The bus gives Stock every event: 20 OrderCreated it has no reaction for, 20 CreditReserved.)
    expect(run.sim.node('stock-q').stats()).toMatchObject({ ready: 40 });
    expect(handled(run, 'status', 'StockReserved')).toBe(0);
    run.sim.runUntil(15_000);
    expect(handled(run, 'status', 'StockReserved')).toBe(20);
  });

  it('a transient failure is a nack and a redelivery, not a refusal: the event is handled again and the order still goes through', () => {
    const run = choreography({ orders: 50, stockFailureRate: 0.3 });
    checkInvariantEveryEvent(run.sim, 60_000);
    expect(Number(run.sim.node('stock').stats().failed)).toBeGreaterThan(5);
    expect(handled(run, 'status', 'StockReserved')).toBe(50);
  });

  it('refuses two reactions to one event, and a refusal share with no event to publish, each located in both languages', () => {
    const base = {
      id: 'x', title: 'x', pattern: 'saga', nodes: [
        { id: 'p', kind: 'producer', eventType: 'A' },
        { id: 'c', kind: 'choreography-participant', reactions: [{ on: 'A', emit: 'B' }, { on: 'A', emit: 'C' }, { on: 'D', rejectProbability: 0.5 }] },
      ], links: [{ from: 'p', to: 'c' }],
    };
    for (const lang of ['en', 'es'] as const) {
      const r = parseScenario(base, lang);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const paths = r.issues.map((i) => i.path);
      expect(paths).toContain('nodes[1] ("c").reactions[1].on');
      expect(paths).toContain('nodes[1] ("c").reactions[2].rejectWith');
      const text = r.issues.map((i) => i.message).join(' ');
      expect(text).toContain(lang === 'en' ? 'one reaction per event' : 'una reacción por evento');
    }
  });
});
