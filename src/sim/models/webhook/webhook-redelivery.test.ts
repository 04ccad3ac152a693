import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine/simulation';
import { CATALOG } from '../../catalog';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { ms, webhookRun } from '../../testing/harness';
import { webhookMeta } from './webhook-meta';
import type { WebhookReceiver } from './webhook-receiver';
import type { WebhookSender } from './webhook-sender';

/** 3 events at 1, 2, 3 s to a receiver that is down until 20 s; 2 attempts 1 s apart, so all 3 die. */
function deadLetters(receiver: object = {}, actions: unknown[] = []) {
  return webhookRun({
    nodes: [
      { id: 'checkout', kind: 'producer', arrivals: 'constant', ratePerSec: 1, limit: 3, eventType: 'order.paid' },
      { id: 'orders', kind: 'webhook-sender', retry: { initialMs: 1000, maxAttempts: 2 } },
      { id: 'shipping', kind: 'webhook-receiver', serviceTime: ms(10), ...receiver },
    ],
    links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(20) }],
    actions: [{ at: 500, do: 'offline', node: 'shipping' }, { at: 20_000, do: 'online', node: 'shipping' }, ...actions],
  });
}

const redeliver = (at: number, deliveryId?: string) => ({
  at, do: 'command', node: 'orders', command: 'redeliver', args: deliveryId ? { deliveryId } : {},
});

describe('manual redelivery of a dead-lettered webhook', () => {
  it('sends the oldest dead letter once more, with its delivery id: it is delivered and leaves the dead letters', () => {
    const run = deadLetters({}, [redeliver(25_000)]);
    checkInvariantEveryEvent(run.sim, 30_000);
    const sender = run.sim.node('orders') as WebhookSender;
    expect(sender.deadLettered).toBe(3);
    const again = run.of('webhook.redelivered');
    expect(again.map((e) => e.deliveryId)).toEqual([webhookMeta(run.of('message.dead_lettered')[0]!.msg)!.deliveryId]);
    const delivered = run.of('webhook.delivered');
    expect(delivered.map((e) => [e.deliveryId, e.attempt])).toEqual([[again[0]!.deliveryId, 1]]);
    expect(sender.stats()).toMatchObject({ redelivered: 1, redeliverable: 2 });
    const totals = run.sim.report().totals;
    expect([totals.deadLettered, totals.done]).toEqual([2, 1]);
  });

  it('redelivers the delivery named, and a failed redelivery is one attempt that goes back to the dead letters', () => {
    const run = deadLetters({}, [redeliver(10_000, 'msg_3')]);
    run.sim.runUntil(15_000);
    const tries = run.of('webhook.attempt').filter((e) => e.t >= 10_000);
    expect(tries.map((e) => [e.deliveryId, e.attempt])).toEqual([['msg_3', 1]]);
    expect(run.of('webhook.retry_scheduled').filter((e) => e.t >= 10_000)).toHaveLength(0);
    expect((run.sim.node('orders') as WebhookSender).stats()).toMatchObject({ redeliverable: 3, deadLettered: 4 });
  });

  it('a receiver that deduplicates recognises a redelivery of what it already processed, by its delivery id', () => {
    // Up again at 20 s but answering slower than Svix's 15 s timeout would need; here: a lost answer.
    const run = webhookRun({
      nodes: [
        { id: 'checkout', kind: 'producer', arrivals: 'constant', ratePerSec: 1, limit: 1, eventType: 'order.paid' },
        { id: 'orders', kind: 'webhook-sender', retry: { initialMs: 1000, maxAttempts: 1 } },
        { id: 'shipping', kind: 'webhook-receiver', serviceTime: ms(10), dedupe: true },
      ],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(20) }],
      actions: [{ at: 1025, do: 'partition', from: 'orders', to: 'shipping' }, { at: 1100, do: 'heal', from: 'orders', to: 'shipping' }, redeliver(60_000)],
    });
    run.sim.runUntil(70_000);
    expect((run.sim.node('shipping') as WebhookReceiver).deduplicated).toBe(1);
    expect(run.of('message.processed')).toHaveLength(1);
  });

  it('is a recorded action: a run replayed with it gives the same trace', () => {
    const run = deadLetters();
    run.sim.runUntil(22_000);
    run.sim.act({ do: 'command', node: 'orders', command: 'redeliver', args: {} });
    run.sim.runUntil(30_000);
    const again = new Simulation(CATALOG, run.sim.scenario, { recorded: run.sim.recorded });
    const events: string[] = [];
    again.on((e) => events.push(e.type));
    again.runUntil(30_000);
    expect(events.filter((e) => e === 'webhook.redelivered')).toHaveLength(1);
    expect(events.filter((e) => e === 'webhook.delivered')).toHaveLength(1);
  });
});
