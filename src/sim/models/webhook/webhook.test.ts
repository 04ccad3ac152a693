import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { webhookMeta } from './webhook-meta';
import { ms, webhookRun } from '../../testing/harness';
import type { WebhookSender } from './webhook-sender';
import type { WebhookReceiver } from './webhook-receiver';
import { checkout, orders, shipping } from './webhook.fixture';


describe('registration', () => {
  it('a receiver registers its URL with the sender over the network; events published before that are not sent to it', () => {
    const run = webhookRun({
      nodes: [checkout(), orders(), shipping({ url: 'https://shipping.test/hooks', events: ['order.paid'], registerAtMs: 1000 })],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(50) }],
    });
    run.sim.runUntil(3000);
    const reg = run.of('signal.sent').find((s) => s.signal === 'register')!;
    expect(reg).toMatchObject({ from: 'shipping', to: 'orders', t: 1000, arriveAt: 1050 });
    const registered = run.of('webhook.registered');
    expect(registered).toEqual([
      { type: 'webhook.registered', t: 1050, node: 'orders', endpoint: 'shipping', url: 'https://shipping.test/hooks', events: ['order.paid'] },
    ]);
    const unrouted = run.of('message.dropped').filter((d) => d.node === 'orders');
    expect(unrouted.length).toBe(10); // one every 100 ms from 100 ms to 1000 ms
    expect(unrouted.every((d) => d.t < 1050 && d.reason === 'no endpoint registered for order.paid')).toBe(true);
    expect(run.of('webhook.attempt').every((a) => a.t >= 1050)).toBe(true);
    expect((run.sim.node('orders') as WebhookSender).unrouted).toBe(10);
  });

  it('each event goes to every endpoint registered for its type, one copy each, all with the same delivery id', () => {
    const run = webhookRun({
      nodes: [
        checkout({ id: 'paid', ratePerSec: 2, eventType: 'order.paid' }),
        checkout({ id: 'created', ratePerSec: 3, eventType: 'order.created' }),
        orders(),
        shipping({ id: 'only-created', events: ['order.created'] }),
        shipping({ id: 'both', events: ['order.created', 'order.paid'] }),
        shipping({ id: 'everything' }),
      ],
      links: [
        { from: 'paid', to: 'orders' }, { from: 'created', to: 'orders' },
        { from: 'orders', to: 'only-created' }, { from: 'orders', to: 'both' }, { from: 'orders', to: 'everything' },
      ],
    });
    run.sim.runUntil(10_000);
    const delivered = run.of('webhook.delivered');
    const types = (endpoint: string) => new Set(delivered.filter((d) => d.endpoint === endpoint).map((d) => d.msg.type));
    expect(types('only-created')).toEqual(new Set(['order.created']));
    expect(types('both')).toEqual(new Set(['order.created', 'order.paid']));
    expect(types('everything')).toEqual(new Set(['order.created', 'order.paid']));
    const byId = new Map<string, string[]>();
    for (const d of delivered) byId.set(d.deliveryId, [...(byId.get(d.deliveryId) ?? []), d.endpoint]);
    for (const [id, endpoints] of byId) {
      const root = Number(id.slice('msg_'.length));
      const type = delivered.find((d) => d.msg.root === root)!.msg.type;
      expect(endpoints.sort()).toEqual(type === 'order.paid' ? ['both', 'everything'] : ['both', 'everything', 'only-created']);
    }
    const copies = new Set(delivered.map((d) => d.msg.id));
    expect(copies.size).toBe(delivered.length);
  });

  it('after the receiver unregisters (a command), events no longer reach it', () => {
    const run = webhookRun({
      nodes: [checkout(), orders(), shipping()],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(20) }],
      actions: [{ at: 2000, do: 'command', node: 'shipping', command: 'unregister' }],
    });
    run.sim.runUntil(4000);
    expect(run.of('webhook.unregistered')).toMatchObject([{ t: 2020, endpoint: 'shipping' }]);
    expect(run.of('webhook.attempt').every((a) => a.t < 2020)).toBe(true);
    // Events every 100 ms: 2100 … 4000 find no endpoint.
    expect(run.of('message.dropped').filter((d) => d.t > 2020 && d.reason.startsWith('no endpoint')).length).toBe(20);
  });
});

describe('delivery', () => {
  it("the receiver's 200 OK travels back over the link and completes the delivery in one attempt", () => {
    const run = webhookRun({
      nodes: [checkout({ limit: 1 }), orders(), shipping({ serviceTime: ms(100) })],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(40) }],
    });
    run.sim.runUntil(2000);
    const [attempt] = run.of('webhook.attempt');
    const answer = run.of('signal.sent').find((s) => s.signal === 'response')!;
    expect(answer).toMatchObject({ from: 'shipping', to: 'orders', status: 200, ok: true, t: attempt!.t + 140 });
    expect(run.of('webhook.delivered')).toMatchObject([{ attempt: 1, t: attempt!.t + 180, afterMs: 180 }]);
    expect(run.sim.ledger.totals()).toMatchObject({ processed: 1, done: 1, buffered: 0, inTransit: 0 });
  });

  it('a receiver that always fails (500) is retried on the schedule, then the delivery is dead-lettered', () => {
    const run = webhookRun({
      nodes: [
        checkout({ limit: 1 }),
        orders({ retry: { initialMs: 1000, factor: 2, maxAttempts: 4 } }),
        shipping({ failureRate: 1 }),
      ],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
    });
    run.sim.runUntil(20_000);
    const attempts = run.of('webhook.attempt').map((a) => a.t);
    const t0 = attempts[0]!;
    // Each attempt takes 10 ms to fail, then waits 1 s, 2 s, 4 s.
    expect(attempts).toEqual([t0, t0 + 1010, t0 + 3020, t0 + 7030]);
    expect(run.of('webhook.retry_scheduled').map((r) => [r.attempt, r.at])).toEqual([[2, t0 + 1010], [3, t0 + 3020], [4, t0 + 7030]]);
    expect(run.of('webhook.failed').map((f) => f.status)).toEqual([500, 500, 500, 500]);
    expect(run.of('message.dead_lettered')).toMatchObject([{ t: t0 + 7040, node: 'orders', reason: 'retries exhausted after 4 attempts' }]);
    expect(run.sim.ledger.totals()).toMatchObject({ processed: 0, deadLettered: 1 });
    expect((run.sim.node('orders') as WebhookSender).stats()).toMatchObject({ deadLettered: 1, retriesScheduled: 3, failed: { http5xx: 4 } });
  });

  it('an attempt unanswered within the timeout fails as a timeout and is retried', () => {
    const run = webhookRun({
      nodes: [
        checkout({ limit: 1 }),
        orders({ timeoutMs: 1000, retry: { initialMs: 500, maxAttempts: 2 } }),
        shipping({ serviceTime: ms(3000) }),
      ],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
    });
    run.sim.runUntil(10_000);
    const [first, second] = run.of('webhook.attempt');
    expect(run.of('webhook.failed')[0]).toMatchObject({ t: first!.t + 1000, status: undefined, reason: 'timeout after 1000 ms' });
    expect(second!.t).toBe(first!.t + 1500);
  });

  it('while the receiver is down the connection is refused and the delivery waits at the sender, buffered, until the retry', () => {
    const run = webhookRun({
      nodes: [checkout({ limit: 1 }), orders({ retry: { initialMs: 2000, maxAttempts: 3 } }), shipping()],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(10) }],
      actions: [{ at: 50, do: 'offline', node: 'shipping' }, { at: 1500, do: 'online', node: 'shipping' }],
    });
    run.sim.runUntil(100);
    run.sim.runUntil(1000);
    expect(run.of('webhook.failed')).toMatchObject([{ status: 0, reason: 'connection refused' }]);
    expect(run.of('message.requeued')).toMatchObject([{ node: 'orders' }]);
    expect(run.sim.ledger.totals()).toMatchObject({ buffered: 1, inTransit: 0 });
    expect((run.sim.node('orders') as WebhookSender).stats()).toMatchObject({ pendingRetries: 1, nextAttemptAt: 100 + 20 + 2000 });
    run.sim.runUntil(5000);
    expect(run.of('webhook.delivered')).toMatchObject([{ attempt: 2 }]);
  });

  it("a receiver whose host is unreachable ('hang') answers nothing: the sender waits out its timeout, then retries", () => {
    const run = webhookRun({
      nodes: [checkout({ limit: 1 }), orders({ timeoutMs: 1000, retry: { initialMs: 500, maxAttempts: 3 } }), shipping({ whenOffline: 'hang' })],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(10) }],
      actions: [{ at: 50, do: 'offline', node: 'shipping' }, { at: 1200, do: 'online', node: 'shipping' }],
    });
    run.sim.runUntil(5000);
    expect(run.of('message.dropped')).toMatchObject([{ node: 'shipping', t: 110, reason: 'host unreachable' }]);
    expect(run.of('webhook.failed')).toMatchObject([{ t: 1100, status: undefined }]);
    // The lost copy cannot be sent again: the retry is a fresh copy of the same delivery.
    expect(run.of('message.copied')).toMatchObject([{ node: 'orders', t: 1600, state: 'buffered' }]);
    expect(run.of('webhook.delivered')).toMatchObject([{ attempt: 2, t: 1600 + 10 + 10 + 10, deliveryId: 'msg_1' }]);
  });

  it('while the sender is down, events reaching it are dropped and due retries wait for it', () => {
    const run = webhookRun({
      nodes: [checkout({ ratePerSec: 1 }), orders({ retry: { initialMs: 1000, maxAttempts: 5 } }), shipping()],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
      actions: [
        { at: 500, do: 'offline', node: 'shipping' }, { at: 1500, do: 'offline', node: 'orders' },
        { at: 1600, do: 'online', node: 'shipping' }, { at: 4500, do: 'online', node: 'orders' },
      ],
    });
    run.sim.runUntil(6000);
    const whileDown = run.of('message.dropped').filter((d) => d.node === 'orders');
    expect(whileDown.map((d) => d.t)).toEqual([2000, 3000, 4000]);
    expect(whileDown.every((d) => d.reason === 'webhook sender offline')).toBe(true);
    // The event of t=1000 failed, was due again at 2000 while the sender was down, and went out
    // when it came back at 4500 (answered 10 ms later).
    expect(run.of('webhook.delivered').map((d) => [d.msg.publishedAt, d.t, d.attempt])).toEqual([[1000, 4510, 2], [5000, 5010, 1]]);
  });
});

describe('disabling a failing endpoint', () => {
  it('after N consecutive failed attempts the endpoint is disabled: waiting deliveries are dead-lettered and later events dropped', () => {
    const run = webhookRun({
      nodes: [
        checkout({ ratePerSec: 1 }),
        orders({ retry: { initialMs: 1500, maxAttempts: 10 }, disable: { failedAttempts: 5 } }),
        shipping({ failureRate: 1 }),
      ],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
    });
    run.sim.runUntil(20_000);
    const failed = run.of('webhook.failed');
    const [disabled] = run.of('webhook.endpoint_disabled');
    expect(disabled!.t).toBe(failed[4]!.t);
    expect(failed.filter((f) => f.t <= disabled!.t)).toHaveLength(5);
    const sender = run.sim.node('orders') as WebhookSender;
    const dead = run.of('message.dead_lettered');
    expect(dead.length).toBeGreaterThan(0);
    expect(dead.every((d) => d.reason === 'endpoint https://shipping.example.com/webhooks disabled')).toBe(true);
    const later = run.of('message.dropped').filter((d) => d.t > disabled!.t);
    expect(later.length).toBe(sender.droppedDisabled);
    expect(later.length).toBeGreaterThan(10);
    expect(sender.stats()).toMatchObject({ endpointsDisabled: 1, endpoints: 0, pendingRetries: 0 });
    expect(sender.openDeliveries).toBe(0);
  });

  it('Shopify drops an endpoint once a delivery has failed its 9 tries, 8 of them retries (at 1/1000 speed)', () => {
    const run = webhookRun({
      nodes: [checkout({ limit: 1 }), orders({ retry: 'shopify', timeScale: 0.001 }), shipping({ failureRate: 1 })],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
    });
    run.sim.runUntil(60_000);
    expect(run.of('webhook.attempt')).toHaveLength(9);
    expect(run.of('webhook.endpoint_disabled')).toHaveLength(1);
    expect(run.of('webhook.endpoint_disabled')[0]!.t).toBe(run.of('webhook.failed')[8]!.t);
  });

  it('Svix disables an endpoint that has failed every attempt for 5 days: 432 s at 1/1000 speed', () => {
    const run = webhookRun({
      nodes: [checkout({ ratePerSec: 1 }), orders({ retry: 'svix', timeScale: 0.001 }), shipping({ failureRate: 1 })],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
    });
    run.sim.runUntil(600_000);
    const firstFailure = run.of('webhook.failed')[0]!.t;
    const [disabled] = run.of('webhook.endpoint_disabled');
    expect(disabled!.t - firstFailure).toBeGreaterThanOrEqual(432_000);
    expect(disabled!.t - firstFailure).toBeLessThan(433_000); // an event a second keeps attempts coming
  });

  it('the "enable" command turns a disabled endpoint back on', () => {
    const run = webhookRun({
      nodes: [
        checkout({ ratePerSec: 2 }),
        orders({ retry: { initialMs: 100, maxAttempts: 2 }, disable: { failedAttempts: 2 } }),
        shipping(),
      ],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
      actions: [
        { at: 1000, do: 'offline', node: 'shipping' }, { at: 3000, do: 'online', node: 'shipping' },
        { at: 4000, do: 'command', node: 'orders', command: 'enable', args: { endpoint: 'shipping' } },
      ],
    });
    run.sim.runUntil(6000);
    const delivered = run.of('webhook.delivered').map((d) => d.t);
    expect(run.of('webhook.endpoint_disabled')).toHaveLength(1);
    expect(delivered.some((t) => t > 1000 && t < 4000)).toBe(false);
    expect(delivered.filter((t) => t > 4000)).toHaveLength(4);
  });
});

describe('duplicates', () => {
  // The event of t=1 s takes 1.5 s to process (the receiver is slow), past the 1 s timeout:
  // the receiver processes it at 2.5 s, but the sender has counted a failure and retries at 4 s.
  const slowFirstAnswer = (dedupe: boolean) =>
    webhookRun({
      nodes: [
        checkout({ ratePerSec: 1, limit: 1 }),
        orders({ timeoutMs: 1000, retry: { initialMs: 2000, maxAttempts: 3 } }),
        shipping({ serviceTime: ms(100), dedupe }),
      ],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
      actions: [{ at: 0, do: 'slow', node: 'shipping', factor: 15 }, { at: 1800, do: 'slow', node: 'shipping', factor: 1 }],
    });

  it('without dedupe, an answer that comes after the timeout makes the receiver process the event twice', () => {
    const run = slowFirstAnswer(false);
    run.sim.runUntil(10_000);
    expect(run.of('webhook.failed')).toMatchObject([{ reason: 'timeout after 1000 ms' }]);
    const processed = run.of('message.processed');
    expect(processed.map((p) => [p.t, p.duplicate])).toEqual([[2500, false], [4100, true]]);
    expect(processed[0]!.msg).toBe(processed[1]!.msg);
    expect(run.sim.ledger.totals()).toMatchObject({ processed: 2, duplicates: 1 });
    expect((run.sim.node('shipping') as WebhookReceiver).stats()).toMatchObject({ duplicates: 1, deduplicated: 0 });
    expect(run.of('webhook.delivered')).toMatchObject([{ attempt: 2 }]);
  });

  it('with dedupe, the retry is answered 200 from memory without processing it again', () => {
    const run = slowFirstAnswer(true);
    run.sim.runUntil(10_000);
    expect(run.of('message.processed').map((p) => p.t)).toEqual([2500]);
    expect(run.sim.ledger.totals()).toMatchObject({ processed: 1, duplicates: 0 });
    expect((run.sim.node('shipping') as WebhookReceiver).stats()).toMatchObject({ duplicates: 0, deduplicated: 1 });
    // The processed copy sent again is a duplicate attempt suppressed, not a loss (issue 9, defect 7).
    expect(run.of('message.dropped')).toEqual([]);
    const suppressed = run.of('message.suppressed');
    expect(suppressed).toMatchObject([{ node: 'shipping', t: 4000 }]);
    expect(suppressed[0]!.reason).toContain('already processed');
    expect(run.sim.ledger.totals()).toMatchObject({ done: 1, dropped: 0, suppressed: 1, delivered: 1 });
    expect(run.of('webhook.delivered')).toMatchObject([{ attempt: 2, t: 4000 }]);
  });

  it('every delivery carries the same id on every retry', () => {
    const run = webhookRun({
      nodes: [checkout({ limit: 3 }), orders({ retry: { initialMs: 100, maxAttempts: 4 } }), shipping({ failureRate: 1 })],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
    });
    run.sim.runUntil(5000);
    const sent = run.of('message.sent').filter((s) => s.from === 'orders');
    expect(sent).toHaveLength(12);
    for (const s of sent) expect(webhookMeta(s.msg)!.deliveryId).toBe(`msg_${s.msg.root}`);
    expect(new Set(sent.map((s) => webhookMeta(s.msg)!.deliveryId)).size).toBe(3);
    for (const id of new Set(sent.map((s) => webhookMeta(s.msg)!.deliveryId))) {
      const mine = sent.filter((s) => webhookMeta(s.msg)!.deliveryId === id);
      expect(mine.map((s) => s.channel)).toEqual(['webhook', 'retry', 'retry', 'retry']);
      expect(new Set(mine.map((s) => s.msg.id)).size).toBe(1);
      expect(mine[0]!.msg.deliveries).toBe(4);
    }
    // Every POST is an attempt (msg.deliveries), none a delivery: all failed (issue 9, defect 7).
    expect(run.sim.ledger.totals().delivered).toBe(0);
  });
});

describe('what travels', () => {
  it("a POST's body is the event as JSON, signed as Svix does: HMAC-SHA256 of id.timestamp.body (checked with node:crypto)", () => {
    const run = webhookRun({
      nodes: [checkout({ limit: 2, keys: 3, keyPrefix: 'order', startMs: 2000 }), orders(), shipping({ secret: 'whsec_c2hpcHBpbmctc2VjcmV0' })],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(1500) }],
    });
    run.sim.runUntil(5000);
    const posts = run.of('message.sent').filter((s) => s.from === 'orders');
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      const meta = webhookMeta(post.msg)!;
      const body = JSON.parse(String(meta.body)) as { id: string; type: string; key: string };
      expect(body).toEqual({ id: `evt_${post.msg.root}`, type: 'order.paid', key: post.msg.key });
      expect(meta.timestamp).toBe(1_704_067_200 + Math.floor(post.t / 1000));
      const key = Buffer.from('c2hpcHBpbmctc2VjcmV0', 'base64');
      const mac = createHmac('sha256', key).update(`${meta.deliveryId}.${meta.timestamp}.${String(meta.body)}`).digest('base64');
      expect(String(meta.signature)).toBe(`v1,${mac}`);
    }
  });
});

describe('stats', () => {
  it('the sender and the receiver report every counter the inspector shows', () => {
    const run = webhookRun({
      nodes: [checkout(), orders(), shipping({ dedupe: true })],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }],
    });
    expect(checkInvariantEveryEvent(run.sim, 10_000)).toBeGreaterThan(150);
    const sender = run.sim.node('orders').stats();
    for (const k of [
      'events', 'deliveries', 'attempts', 'succeeded', 'failed', 'retriesScheduled', 'pendingRetries', 'nextAttemptAt',
      'deadLettered', 'droppedDisabled', 'endpointsDisabled',
    ]) {
      expect(sender).toHaveProperty(k);
    }
    expect(Object.keys(sender.failed as object).sort()).toEqual(['connection', 'http4xx', 'http5xx', 'other', 'timeout']);
    const receiver = run.sim.node('shipping').stats();
    for (const k of ['received', 'verified', 'rejected', 'processed', 'deduplicated']) expect(receiver).toHaveProperty(k);
    expect(Object.keys(receiver.rejected as object).sort()).toEqual(['badSignature', 'malformed', 'replay']);
    expect(sender.succeeded).toBe(receiver.processed);
  });
});
