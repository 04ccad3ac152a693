import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { deadLetterNodes, layoutScenario } from './layout';

const layout = (id: string) => {
  const s = builtin(id)!;
  return { s, at: layoutScenario(s) };
};

describe('layoutScenario', () => {
  it('puts the dead-letter exchange and queue on a lane below the whole main flow', () => {
    const { s, at } = layout('rabbitmq-order-created');
    expect([...deadLetterNodes(s)].sort()).toEqual(['orders-dlq', 'orders-dlx']);
    const mainBottom = Math.max(...s.nodes.filter((n) => !n.id.startsWith('orders-dl')).map((n) => at.get(n.id)!.y + 180));
    expect(at.get('orders-dlx')!.y).toBeGreaterThan(mainBottom);
    expect(at.get('orders-dlq')!.y).toBeGreaterThan(mainBottom);
    // The queue sits right of the exchange that feeds it.
    expect(at.get('orders-dlq')!.x).toBeGreaterThan(at.get('orders-dlx')!.x);
  });

  it('follows a pub/sub dead-letter topic downstream: its subscription and reader join the lane', () => {
    const { s } = layout('pubsub-ack-deadline');
    expect([...deadLetterNodes(s)].sort()).toEqual(['dlq-sub', 'ops', 'user-events-dlt']);
  });

  it('keeps siblings in the scenario order, and children in their parents’ order', () => {
    const { at } = layout('mmc');
    expect(at.get('worker-1')!.y).toBeLessThan(at.get('worker-2')!.y);
    const r = layout('rabbitmq-order-created').at;
    const ys = (ids: string[]) => ids.map((id) => r.get(id)!.y);
    const queues = ys(['billing', 'shipping', 'notifications']);
    expect(queues).toEqual([...queues].sort((a, b) => a - b));
    const services = ys(['billing-svc', 'shipping-svc', 'notify-svc']);
    expect(services).toEqual([...services].sort((a, b) => a - b));
  });

  it('follows the flow: every link goes left to right', () => {
    for (const id of ['rabbitmq-order-created', 'rest-cascade', 'pubsub-ack-deadline', 'kafka-order-events']) {
      const { s, at } = layout(id);
      for (const l of s.links) expect(at.get(l.to)!.x, `${id}: ${l.from} → ${l.to}`).toBeGreaterThan(at.get(l.from)!.x);
    }
  });
});
