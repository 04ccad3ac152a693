import { describe, expect, it } from 'vitest';
import { webhookMeta } from './webhook-meta';
import type { WebhookAttacker } from './webhook-attacker';
import { ms, webhookRun } from '../../testing/harness';
import type { WebhookReceiver } from './webhook-receiver';
import { checkout as oneASecond, orders as sender, shipping } from './webhook.fixture';

const checkout = oneASecond({ ratePerSec: 1 });
const orders = sender();
const base = [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(20) }];

describe('forged requests', () => {
  it('a request signed with a guessed secret is rejected 401 and never processed', () => {
    const run = webhookRun({
      nodes: [checkout, orders, shipping(), { id: 'mallory', kind: 'webhook-attacker', mode: 'forge', startMs: 1500, everyMs: 2000 }],
      links: [...base, { from: 'mallory', to: 'shipping', latency: ms(30) }],
    });
    run.sim.runUntil(10_000);
    const rejected = run.of('webhook.rejected');
    expect(rejected.map((r) => [r.t, r.status, r.from])).toEqual([1530, 3530, 5530, 7530, 9530].map((t) => [t, 401, 'mallory']));
    expect(rejected.every((r) => r.reason === 'signature does not match')).toBe(true);
    expect(run.of('message.processed').every((p) => p.msg.origin === 'checkout')).toBe(true);
    expect((run.sim.node('shipping') as WebhookReceiver).stats()).toMatchObject({ rejected: { badSignature: 5, replay: 0 } });
    expect((run.sim.node('mallory') as WebhookAttacker).stats()).toMatchObject({ sent: 5, rejected: 5, accepted: 0 });
    expect(run.of('message.dropped').filter((d) => d.node === 'mallory')).toHaveLength(5);
  });

  it('a receiver that does not verify signatures processes the forgeries', () => {
    const run = webhookRun({
      nodes: [checkout, orders, shipping({ verify: false }), { id: 'mallory', kind: 'webhook-attacker', startMs: 1500, everyMs: 2000 }],
      links: [...base, { from: 'mallory', to: 'shipping' }],
    });
    run.sim.runUntil(10_000);
    expect(run.of('message.processed').filter((p) => p.msg.origin === 'mallory')).toHaveLength(5);
    expect((run.sim.node('mallory') as WebhookAttacker).accepted).toBe(5);
  });
});

describe('replayed requests', () => {
  // The eavesdropper records the request of t≈1 s at 1.5 s and re-sends it, unchanged, later.
  const replay = (everyMs: number, receiver: object) =>
    webhookRun({
      nodes: [checkout, orders, shipping(receiver), { id: 'eve', kind: 'webhook-attacker', mode: 'replay', startMs: 1500, everyMs, limit: 3 }],
      links: [...base, { from: 'eve', to: 'shipping' }],
    });

  it('a replay older than the 5-minute tolerance is rejected 400', () => {
    const run = replay(301_000, {});
    run.sim.runUntil(1_000_000);
    const rejected = run.of('webhook.rejected');
    expect(rejected.map((r) => [r.status, r.reason, r.deliveryId])).toEqual([
      [400, 'timestamp too old: a replay?', 'msg_1'], [400, 'timestamp too old: a replay?', 'msg_1'], [400, 'timestamp too old: a replay?', 'msg_1'],
    ]);
    expect((run.sim.node('shipping') as WebhookReceiver).stats()).toMatchObject({ rejected: { replay: 3, badSignature: 0 } });
  });

  it('inside the tolerance a replay passes the signature check: processed again without dedupe, answered from memory with it', () => {
    const open = replay(60_000, {});
    open.sim.runUntil(200_000);
    const processedIds = open.of('message.processed').map((p) => webhookMeta(p.msg)!.deliveryId);
    expect(processedIds.filter((id) => id === 'msg_1')).toHaveLength(4);
    expect((open.sim.node('eve') as WebhookAttacker).accepted).toBe(3);

    const guarded = replay(60_000, { dedupe: true });
    guarded.sim.runUntil(200_000);
    expect(guarded.of('message.processed').filter((p) => webhookMeta(p.msg)!.deliveryId === 'msg_1')).toHaveLength(1);
    expect((guarded.sim.node('shipping') as WebhookReceiver).deduplicated).toBe(3);
  });

  it('with the schedule scaled to 1/1000, the tolerance shrinks too, to its floor of 1 s', () => {
    const run = replay(3000, { timeScale: 0.001 });
    run.sim.runUntil(20_000);
    expect(run.of('webhook.rejected').map((r) => r.status)).toEqual([400, 400, 400]);
    expect((run.sim.node('shipping') as WebhookReceiver).toleranceSec).toBe(1);
  });
});

describe('secrets', () => {
  it('a receiver that rotates its secret without registering again rejects deliveries 401 until it does', () => {
    const run = webhookRun({
      nodes: [checkout, { ...orders, retry: { initialMs: 500, maxAttempts: 20 } }, shipping()],
      links: base,
      actions: [
        { at: 3500, do: 'configure', node: 'shipping', patch: { secret: 'whsec_bmV3LXNlY3JldC1hZnRlci1yb3RhdGlvbg==' } },
        { at: 6200, do: 'command', node: 'shipping', command: 'register' },
      ],
    });
    run.sim.runUntil(10_000);
    const rejected = run.of('webhook.rejected');
    expect(rejected.length).toBeGreaterThan(3);
    expect(rejected.every((r) => r.status === 401 && r.t > 3500 && r.t < 6240)).toBe(true);
    const failed = run.of('webhook.failed');
    expect(failed.every((f) => f.status === 401)).toBe(true);
    expect(run.of('webhook.delivered').filter((d) => d.t > 6240).length).toBeGreaterThanOrEqual(4);
    expect(run.of('message.dead_lettered')).toHaveLength(0);
  });

  it('Stripe-style headers (t=…,v1=<hex>) verify end to end', () => {
    const run = webhookRun({
      nodes: [checkout, { ...orders, signature: 'stripe', retry: 'stripe' }, shipping({ signature: 'stripe' })],
      links: base,
    });
    run.sim.runUntil(5500);
    expect(run.of('webhook.delivered')).toHaveLength(5);
    const header = String(webhookMeta(run.of('webhook.delivered')[0]!.msg)!.signature);
    expect(header).toMatch(/^t=1704067201,v1=[0-9a-f]{64}$/);
  });
});

describe('GitHub and Shopify signatures', () => {
  it('GitHub-style (sha256=<hex>) and Shopify-style (<base64>) headers verify end to end', () => {
    for (const [scheme, pattern] of [['github', /^sha256=[0-9a-f]{64}$/], ['shopify', /^[A-Za-z0-9+/]{43}=$/]] as const) {
      const run = webhookRun({
        nodes: [checkout, { ...orders, signature: scheme, retry: scheme }, shipping({ signature: scheme, secret: 'shpss_or_github_secret' })],
        links: base,
      });
      run.sim.runUntil(5500);
      expect(run.of('webhook.delivered')).toHaveLength(5);
      expect(run.of('webhook.rejected')).toHaveLength(0);
      expect(String(webhookMeta(run.of('webhook.delivered')[0]!.msg)!.signature)).toMatch(pattern);
    }
  });

  it('GitHub signs no timestamp: a replay 10 minutes later still verifies, and only dedupe on the delivery id stops it', () => {
    const run = (receiver: object) =>
      webhookRun({
        nodes: [
          checkout, { ...orders, signature: 'github', retry: 'github' }, shipping({ signature: 'github', ...receiver }),
          { id: 'eve', kind: 'webhook-attacker', mode: 'replay', signature: 'github', startMs: 1500, everyMs: 600_000, limit: 1 },
        ],
        links: [...base, { from: 'eve', to: 'shipping' }],
      });
    const open = run({});
    open.sim.runUntil(700_000);
    expect(open.of('webhook.rejected')).toHaveLength(0);
    expect((open.sim.node('eve') as WebhookAttacker).accepted).toBe(1);
    const guarded = run({ dedupe: true });
    guarded.sim.runUntil(700_000);
    expect((guarded.sim.node('shipping') as WebhookReceiver).deduplicated).toBe(1);
  });
});
