import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../engine/simulation';
import type { TraceEvent } from '../../engine/trace';
import { producer as steady, runScenario } from '../../testing/harness';
import { topicMatches } from './exchange';

const build = (nodes: unknown[], links: unknown[]): Simulation => runScenario({ pattern: 'rabbitmq', nodes, links }).sim;

/** A producer publishing `limit` messages of `eventType`, evenly spaced. */
function producer(id: string, eventType: string, limit: number, more: Record<string, unknown> = {}) {
  return steady(id, 50, { eventType, limit, ...more });
}

/** Counts, per node, the message types enqueued there. */
function enqueuedByNode(sim: Simulation): Map<string, Map<string, number>> {
  const byNode = new Map<string, Map<string, number>>();
  sim.on((ev: TraceEvent) => {
    if (ev.type !== 'message.enqueued') return;
    const types = byNode.get(ev.node) ?? new Map<string, number>();
    types.set(ev.msg.type, (types.get(ev.msg.type) ?? 0) + 1);
    byNode.set(ev.node, types);
  });
  return byNode;
}

function total(types: Map<string, number> | undefined): number {
  let n = 0;
  for (const v of types?.values() ?? []) n += v;
  return n;
}

describe('topic binding patterns', () => {
  it('"*" stands for exactly one word and "#" for zero or more', () => {
    expect(topicMatches('order.*.created', 'order.eu.created')).toBe(true);
    expect(topicMatches('order.*.created', 'order.created')).toBe(false);
    expect(topicMatches('order.*.created', 'order.eu.west.created')).toBe(false);
    expect(topicMatches('order.#', 'order')).toBe(true);
    expect(topicMatches('order.#', 'order.eu.west.created')).toBe(true);
    expect(topicMatches('order.#.created', 'order.created')).toBe(true);
    expect(topicMatches('order.#.created', 'order.eu.west.created')).toBe(true);
    expect(topicMatches('order.#.created', 'order.eu.paid')).toBe(false);
    expect(topicMatches('#.created', 'created')).toBe(true);
    expect(topicMatches('*.created', 'created')).toBe(false);
    expect(topicMatches('order.eu.created', 'order.eu.created')).toBe(true);
    expect(topicMatches('order.eu.created', 'order.eu.created.v2')).toBe(false);
  });

  it('"#" alone binds everything, like a fanout, even the empty routing key', () => {
    for (const key of ['', 'a', 'order.eu.created', 'x.y.z.w']) expect(topicMatches('#', key)).toBe(true);
    expect(topicMatches('*', '')).toBe(false);
    expect(topicMatches('', '')).toBe(true);
  });
});

describe('the exchange', () => {
  it('a topic exchange sends order.eu.created to the queues bound with order.*.created, order.# and order.eu.*, not *.*.paid', () => {
    const sim = build(
      [
        producer('eu', 'order.eu.created', 20),
        producer('us', 'order.us.paid', 10),
        { id: 'orders', kind: 'exchange', type: 'topic' },
        { id: 'billing', kind: 'queue' },
        { id: 'audit', kind: 'queue' },
        { id: 'payments', kind: 'queue' },
        { id: 'eu-shipping', kind: 'queue' },
      ],
      [
        { from: 'eu', to: 'orders' },
        { from: 'us', to: 'orders' },
        { from: 'orders', to: 'billing', bindingKey: 'order.*.created' },
        { from: 'orders', to: 'audit', bindingKey: 'order.#' },
        { from: 'orders', to: 'payments', bindingKey: '*.*.paid' },
        { from: 'orders', to: 'eu-shipping', bindingKey: 'order.eu.*' },
      ],
    );
    const seen = enqueuedByNode(sim);
    sim.runUntil(10_000);
    expect(Object.fromEntries(seen.get('billing')!)).toEqual({ 'order.eu.created': 20 });
    expect(Object.fromEntries(seen.get('audit')!)).toEqual({ 'order.eu.created': 20, 'order.us.paid': 10 });
    expect(Object.fromEntries(seen.get('payments')!)).toEqual({ 'order.us.paid': 10 });
    expect(Object.fromEntries(seen.get('eu-shipping')!)).toEqual({ 'order.eu.created': 20 });
    // One publish landing in N queues is one message and N - 1 copies.
    const t = sim.ledger.totals();
    expect(t.published).toBe(30);
    expect(t.copies).toBe(20 * 3 + 10 * 2);
    expect(sim.node('orders').stats()).toMatchObject({ routed: 30, unroutable: 0, copies: t.copies - t.published });
  });

  it('a fanout exchange gives every bound queue its own copy of each message, whatever the binding key', () => {
    const sim = build(
      [
        producer('users', 'UserRegistered', 25),
        { id: 'signups', kind: 'exchange', type: 'fanout' },
        { id: 'email', kind: 'queue' },
        { id: 'crm', kind: 'queue' },
        { id: 'analytics', kind: 'queue' },
      ],
      [
        { from: 'users', to: 'signups' },
        { from: 'signups', to: 'email' },
        { from: 'signups', to: 'crm', bindingKey: 'ignored.by.fanout' },
        { from: 'signups', to: 'analytics', bindingKey: '' },
      ],
    );
    const roots = new Map<string, Set<number>>();
    const ids = new Set<number>();
    sim.on((ev) => {
      if (ev.type !== 'message.enqueued') return;
      ids.add(ev.msg.id);
      const set = roots.get(ev.node) ?? new Set<number>();
      set.add(ev.msg.root);
      roots.set(ev.node, set);
    });
    sim.runUntil(5_000);
    const published = sim.node('users').stats().published as number;
    expect(published).toBe(25);
    for (const q of ['email', 'crm', 'analytics']) {
      expect(roots.get(q)!.size, q).toBe(published);
      expect(sim.node(q).stats().ready, q).toBe(published);
    }
    // Three separate copies of each publication, not one shared message.
    expect(ids.size).toBe(3 * published);
    expect(roots.get('email')).toEqual(roots.get('crm'));
  });

  it('a direct exchange routes only on an exact, case-sensitive match of the whole key', () => {
    const sim = build(
      [
        producer('orders', 'order.created', 12),
        { id: 'x', kind: 'exchange', type: 'direct' },
        { id: 'exact', kind: 'queue' },
        { id: 'pattern', kind: 'queue' },
        { id: 'capital', kind: 'queue' },
        { id: 'longer', kind: 'queue' },
      ],
      [
        { from: 'orders', to: 'x' },
        { from: 'x', to: 'exact', bindingKey: 'order.created' },
        { from: 'x', to: 'pattern', bindingKey: 'order.*' },
        { from: 'x', to: 'capital', bindingKey: 'Order.created' },
        { from: 'x', to: 'longer', bindingKey: 'order.created.v2' },
      ],
    );
    const seen = enqueuedByNode(sim);
    sim.runUntil(5_000);
    expect(total(seen.get('exact'))).toBe(12);
    for (const q of ['pattern', 'capital', 'longer']) expect(total(seen.get(q)), q).toBe(0);
  });

  it('a message no binding matches is published and then vanishes, dropped as unroutable', () => {
    const sim = build(
      [
        producer('orders', 'order.cancelled', 15),
        { id: 'x', kind: 'exchange', type: 'topic' },
        { id: 'created', kind: 'queue' },
      ],
      [
        { from: 'orders', to: 'x' },
        { from: 'x', to: 'created', bindingKey: 'order.*.created' },
      ],
    );
    const reasons: string[] = [];
    const unroutable: string[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.dropped') reasons.push(`${ev.node}: ${ev.reason}`);
      if (ev.type === 'exchange.unroutable') unroutable.push(ev.routingKey);
    });
    sim.runUntil(5_000);
    expect(reasons).toEqual(Array(15).fill('x: unroutable'));
    expect(unroutable).toEqual(Array(15).fill('order.cancelled'));
    expect(sim.ledger.totals()).toMatchObject({ published: 15, dropped: 15, buffered: 0 });
    expect(sim.node('x').stats()).toMatchObject({ routed: 0, unroutable: 15, toAlternate: 0 });
  });

  it('with mandatory, an unroutable message is returned to its publisher (basic.return), which learns it was not delivered', () => {
    const sim = build(
      [
        producer('orders', 'order.cancelled', 15),
        { id: 'x', kind: 'exchange', type: 'topic', mandatory: true },
        { id: 'created', kind: 'queue' },
      ],
      [
        { from: 'orders', to: 'x' },
        { from: 'x', to: 'created', bindingKey: 'order.*.created' },
      ],
    );
    const reasons: string[] = [];
    const returnedTo: (string | undefined)[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.dropped') reasons.push(`${ev.node}: ${ev.reason}`);
      if (ev.type === 'exchange.unroutable') returnedTo.push(ev.returnedTo);
    });
    sim.runUntil(5_000);
    expect(reasons).toEqual(Array(15).fill('orders: returned by x (basic.return, NO_ROUTE): no binding matches “order.cancelled”'));
    expect(returnedTo).toEqual(Array(15).fill('orders'));
    expect(sim.node('x').stats()).toMatchObject({ unroutable: 15, returned: 15 });
  });

  it('an alternate exchange catches what no binding matches, so nothing is lost', () => {
    const sim = build(
      [
        producer('orders', 'order.eu.created', 10),
        producer('refunds', 'refund.issued', 6),
        { id: 'x', kind: 'exchange', type: 'topic', alternateExchange: 'ae' },
        { id: 'ae', kind: 'exchange', type: 'fanout' },
        { id: 'created', kind: 'queue' },
        { id: 'unrouted', kind: 'queue' },
      ],
      [
        { from: 'orders', to: 'x' },
        { from: 'refunds', to: 'x' },
        { from: 'x', to: 'created', bindingKey: 'order.*.created' },
        { from: 'x', to: 'ae' },
        { from: 'ae', to: 'unrouted' },
      ],
    );
    const seen = enqueuedByNode(sim);
    sim.runUntil(5_000);
    expect(Object.fromEntries(seen.get('created')!)).toEqual({ 'order.eu.created': 10 });
    expect(Object.fromEntries(seen.get('unrouted')!)).toEqual({ 'refund.issued': 6 });
    expect(sim.ledger.totals().dropped).toBe(0);
    expect(sim.node('x').stats()).toMatchObject({ routed: 10, unroutable: 6, toAlternate: 6 });
  });

  it('with routingKeyFrom "key", each message goes to the queue bound to its key', () => {
    const sim = build(
      [
        producer('orders', 'OrderCreated', 60, { keys: 3, keyPrefix: 'region' }),
        { id: 'x', kind: 'exchange', type: 'direct', routingKeyFrom: 'key' },
        { id: 'r1', kind: 'queue' },
        { id: 'r2', kind: 'queue' },
        { id: 'r3', kind: 'queue' },
      ],
      [
        { from: 'orders', to: 'x' },
        { from: 'x', to: 'r1', bindingKey: 'region-1' },
        { from: 'x', to: 'r2', bindingKey: 'region-2' },
        { from: 'x', to: 'r3', bindingKey: 'region-3' },
      ],
    );
    const keysPublished = new Map<string, number>();
    const wrong: string[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.published') keysPublished.set(ev.msg.key!, (keysPublished.get(ev.msg.key!) ?? 0) + 1);
      if (ev.type === 'message.enqueued' && ev.msg.key !== ev.node.replace('r', 'region-')) wrong.push(`${ev.msg.key} in ${ev.node}`);
    });
    sim.runUntil(5_000);
    expect(wrong).toEqual([]);
    for (const i of [1, 2, 3]) expect(sim.node(`r${i}`).stats().ready).toBe(keysPublished.get(`region-${i}`) ?? 0);
  });

  it('an exchange bound to itself through another exchange is refused at load, located (issue 13: the loop multiplied copies)', () => {
    expect(() => build(
      [
        producer('p', 'ping', 1),
        { id: 'a', kind: 'exchange', type: 'fanout' },
        { id: 'b', kind: 'exchange', type: 'fanout' },
      ],
      [
        { from: 'p', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    )).toThrow(/nodes\[1\] \("a"\): .*a → b/);
  });

  it.skip('an exchange bound to itself through another exchange stops the loop instead of hanging (now refused at load, above)', () => {
    const sim = build(
      [
        producer('p', 'ping', 1),
        { id: 'a', kind: 'exchange', type: 'fanout' },
        { id: 'b', kind: 'exchange', type: 'fanout' },
      ],
      [
        { from: 'p', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    );
    const reasons: string[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.dropped') reasons.push(ev.reason);
    });
    sim.runUntil(1_000);
    expect(reasons).toEqual(['routing loop']);
  });
});
