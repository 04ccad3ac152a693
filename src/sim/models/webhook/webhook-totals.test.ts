import { describe, expect, it } from 'vitest';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { ms, webhookRun } from '../../testing/harness';
import type { WebhookSender } from './webhook-sender';
import { checkout, orders, shipping as receiver } from './webhook.fixture';

/**
 * Issue 9, defect 7: the ledger's totals say what happened to webhook deliveries. A late 200
 * leaves a processed copy done; a retry answered from the receiver's dedupe memory is a
 * duplicate attempt suppressed, not a loss; a sender that gives up while the receiver still
 * processes shows failed at the sender and processed at the receiver, counted once; and a
 * failed POST attempt is not a delivery.
 */
const shipping = (extra: object = {}) => receiver({ serviceTime: ms(100), concurrency: 1000, ...extra });
const links = [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping' }];

describe('webhook totals add up (issue 9, defect 7)', () => {
  it('156 deliveries processed once each, every first answer late, retries deduplicated: 156 done and 156 duplicates suppressed, none dropped', () => {
    // Each event takes 1.5 s at the receiver, past the sender's 1 s timeout: the 200 comes late,
    // the sender retries 2 s later, and the receiver answers the retry from its dedupe memory.
    const run = webhookRun({
      nodes: [checkout({ limit: 156 }), orders({ timeoutMs: 1000, retry: { initialMs: 2000, maxAttempts: 3 } }), shipping({ dedupe: true })],
      links,
      actions: [{ at: 0, do: 'slow', node: 'shipping', factor: 15 }],
    });
    checkInvariantEveryEvent(run.sim, 40_000);
    const t = run.sim.ledger.totals();
    expect(t).toMatchObject({ published: 156, processed: 156, duplicates: 0, done: 156, suppressed: 156, dropped: 0, deadLettered: 0, delivered: 156 });
    expect(t.copies).toBe(156);
    expect((run.sim.node('orders') as WebhookSender).succeeded).toBe(156);
    // The late 200s left the processed copies done: none went back to the sender's buffer.
    expect(run.of('message.requeued')).toEqual([]);
    expect((run.sim.node('orders') as WebhookSender).lateAnswers).toBe(156);
  });

  it('a GitHub-style sender that times out while the receiver still processes: failed at the sender, processed at the receiver, counted once', () => {
    // GitHub: no automatic retries and a 10 s timeout (docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries).
    // The receiver takes 15 s.
    const run = webhookRun({
      nodes: [checkout({ limit: 1 }), orders({ retry: 'github' }), shipping()],
      links,
      actions: [{ at: 0, do: 'slow', node: 'shipping', factor: 150 }],
    });
    checkInvariantEveryEvent(run.sim, 30_000);
    expect(run.of('webhook.failed')).toMatchObject([{ attempt: 1, reason: 'timeout after 10000 ms' }]);
    expect(run.of('webhook.gave_up')).toHaveLength(1);
    expect((run.sim.node('orders') as WebhookSender).stats()).toMatchObject({ deadLettered: 1, succeeded: 0 });
    expect(run.sim.ledger.totals()).toMatchObject({ copies: 1, processed: 1, done: 1, deadLettered: 0, dropped: 0, delivered: 0 });
  });

  it('the same sender, the receiver failing after the sender gave up: dead-lettered once, never processed', () => {
    const run = webhookRun({
      nodes: [checkout({ limit: 1 }), orders({ retry: 'github' }), shipping({ failureRate: 1 })],
      links,
      actions: [{ at: 0, do: 'slow', node: 'shipping', factor: 150 }],
    });
    checkInvariantEveryEvent(run.sim, 30_000);
    expect(run.sim.ledger.totals()).toMatchObject({ copies: 1, processed: 0, done: 0, deadLettered: 1, dropped: 0 });
  });

  it('1 event with 4 failed attempts and a fifth that succeeds is delivered once, not 5 times', () => {
    // Attempts at 1.0, 1.1, 1.3, 1.7 and 2.5 s; the receiver refuses connections from 0.9 to 2 s.
    const run = webhookRun({
      nodes: [checkout({ limit: 1, startMs: 1000 }), orders({ retry: { initialMs: 100, maxAttempts: 5 } }), shipping()],
      links,
      actions: [{ at: 900, do: 'offline', node: 'shipping' }, { at: 2000, do: 'online', node: 'shipping' }],
    });
    checkInvariantEveryEvent(run.sim, 5000);
    expect(run.of('webhook.failed')).toHaveLength(4);
    expect(run.of('webhook.delivered')).toMatchObject([{ attempt: 5 }]);
    expect(run.of('webhook.delivered')[0]!.msg.deliveries).toBe(5); // attempts, on the copy
    expect(run.sim.ledger.totals()).toMatchObject({ delivered: 1, processed: 1, done: 1 });
  });
});
