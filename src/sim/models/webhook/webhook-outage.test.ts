import { describe, expect, it } from 'vitest';
import orderPaid from '../../../scenarios/webhook-order-paid.json';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import type { WebhookAttacker } from './webhook-attacker';
import { ms, recordRun, simulate, webhookRun } from '../../testing/harness';
import type { WebhookReceiver } from './webhook-receiver';
import { attemptOffsets, resolvePolicy } from './webhook-schedule';
import type { WebhookSender } from './webhook-sender';

// The brokers' outage: 10 events/s, the receiver down from 10 s to 20 s.
const DOWN = 10_000;
const UP = 20_000;
const LATENCY = 20; // each way
const WORK = 50; // processing time at the receiver
const SCALE = 0.001; // Svix's schedule at 1/1000: 5 s → 5 ms, 5 min → 300 ms, 10 h → 36 s

function outage() {
  return webhookRun({
    nodes: [
      { id: 'checkout', kind: 'producer', arrivals: 'constant', ratePerSec: 10, eventType: 'order.paid', stopMs: 30_001 },
      { id: 'orders', kind: 'webhook-sender', retry: 'svix', timeScale: SCALE },
      { id: 'shipping', kind: 'webhook-receiver', concurrency: 20, serviceTime: ms(WORK), timeScale: SCALE },
    ],
    links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(LATENCY) }],
    actions: [{ at: DOWN, do: 'offline', node: 'shipping' }, { at: UP, do: 'online', node: 'shipping' }],
  });
}

/**
 * When an event first POSTed at `t` is delivered (its 200 OK back at the sender), worked out
 * from the schedule alone: a request reaching the receiver while it is down is refused (the
 * refusal takes one crossing back); one it holds when it goes down is reset at that instant;
 * after each failure the next attempt waits the schedule's next delay.
 */
function predictedDelivery(t: number, delays: readonly number[]): { at: number; attempt: number } {
  let sent = t;
  for (let attempt = 1; ; attempt++) {
    const arrives = sent + LATENCY;
    let failedAt: number;
    if (arrives >= DOWN && arrives < UP) failedAt = arrives + LATENCY; // refused
    else if (arrives < DOWN && arrives + WORK >= DOWN) failedAt = DOWN + LATENCY; // reset
    else return { at: arrives + WORK + LATENCY, attempt };
    if (attempt > delays.length) throw new Error(`event of ${t} ms would be dead-lettered`);
    sent = failedAt + delays[attempt - 1]!;
  }
}

describe('a receiver outage (10 events/s, receiver down from 10 s to 20 s)', () => {
  it('with Svix’s schedule at 1/1000 every event arrives, the late ones exactly when the schedule says, none dead-lettered', () => {
    const run = outage();
    expect(checkInvariantEveryEvent(run.sim, 60_000)).toBeGreaterThan(1000);
    const delays = resolvePolicy('svix', SCALE).delays;
    const delivered = new Map<number, { t: number; attempt: number }>();
    for (const d of run.of('webhook.delivered')) delivered.set(d.msg.root, { t: d.t, attempt: d.attempt });
    const published = run.of('message.published');
    expect(published).toHaveLength(300);
    for (const p of published) {
      const want = predictedDelivery(p.t, delays);
      const got = delivered.get(p.msg.root)!;
      expect(got.attempt).toBe(want.attempt);
      expect(got.t).toBeCloseTo(want.at, 6);
    }
    expect(run.sim.ledger.totals()).toMatchObject({ published: 300, processed: 300, duplicates: 0, deadLettered: 0, dropped: 0 });

    // How late they were: normally a round trip (90 ms); the outage's events much later.
    const late = published.map((p) => delivered.get(p.msg.root)!.t - p.t);
    const normal = 2 * LATENCY + WORK;
    const lateOnes = late.filter((l) => l > normal + 1);
    // Late: exactly those whose first POST reached the receiver while it was down, 10 s × 10/s.
    const duringOutage = published.filter((p) => p.t + LATENCY >= DOWN && p.t + LATENCY < UP);
    expect(lateOnes).toHaveLength(duringOutage.length);
    expect(duringOutage).toHaveLength(100);
    // The worst: an event failing right at 10 s fails attempts 1-5 (the 5th at +9.3 s, still
    // inside the outage) and gets through with the 6th, 27.3 s later plus five refused round
    // trips and the successful one: 27.6 s late.
    const offsets = attemptOffsets(resolvePolicy('svix', SCALE));
    expect(Math.max(...late)).toBeCloseTo(offsets[5]! + 5 * 2 * LATENCY + normal, 6);
    expect(Math.max(...late) / 1000).toBeCloseTo(27.6, 1);
    // Those that first failed after about 10.7 s got through with the 5th attempt, just after 20 s.
    expect(lateOnes.filter((l) => l > 20_000).length).toBeGreaterThan(0);
    expect(lateOnes.filter((l) => l < 10_000).length).toBeGreaterThan(lateOnes.length / 2);
    const sender = run.sim.node('orders') as WebhookSender;
    expect(sender.stats()).toMatchObject({ deadLettered: 0, pendingRetries: 0, endpointsDisabled: 0 });
  });

  it('with Svix’s real (unscaled) schedule the same outage leaves events waiting hours: still pending after a minute', () => {
    const run = webhookRun({
      nodes: [
        { id: 'checkout', kind: 'producer', arrivals: 'constant', ratePerSec: 10, eventType: 'order.paid', stopMs: 30_001 },
        { id: 'orders', kind: 'webhook-sender', retry: 'svix' },
        { id: 'shipping', kind: 'webhook-receiver', concurrency: 20, serviceTime: ms(WORK) },
      ],
      links: [{ from: 'checkout', to: 'orders' }, { from: 'orders', to: 'shipping', latency: ms(LATENCY) }],
      actions: [{ at: DOWN, do: 'offline', node: 'shipping' }, { at: UP, do: 'online', node: 'shipping' }],
    });
    run.sim.runUntil(60_000);
    const sender = run.sim.node('orders') as WebhookSender;
    // Attempt 2 comes 5 s after the first failure: events failing before 15 s (≈50) failed again
    // and now wait 5 min for attempt 3; the rest got through on attempt 2, after the outage.
    const pending = sender.pendingRetries;
    expect(pending).toBeGreaterThan(45);
    expect(pending).toBeLessThan(55);
    expect(run.sim.ledger.totals().buffered).toBe(pending);
    expect(sender.nextAttemptAt()).toBeGreaterThan(300_000);
    run.sim.runUntil(400_000);
    expect(sender.pendingRetries).toBe(0);
    expect(run.sim.ledger.totals()).toMatchObject({ processed: 300, deadLettered: 0 });
  });
});

describe('the built-in scenario "order paid"', () => {
  it('gives up on the outage\'s first orders (dead letters), delivers every other one late, and rejects the forgery (401) and the replay (400)', () => {
    const { sim, trace } = recordRun(simulate(orderPaid));
    // A little past the scenario's end, so the last retries' POSTs have been handled.
    sim.runUntil(sim.scenario.durationMs + 20_000);
    const sender = sim.node('orders') as WebhookSender;
    const receiver = sim.node('shipping') as WebhookReceiver;
    expect(trace.some((e) => e.type === 'webhook.registered')).toBe(true);
    expect(sender.failed.connection).toBeGreaterThan(50);
    // Shipping is down from 10 s to 112 s, longer than Svix's ~99 s of retries (at 1/1000).
    const published = new Map(trace.flatMap((e) => (e.type === 'message.published' && e.node === 'checkout' ? [[e.msg.root, e.t] as const] : [])));
    const dead = trace.flatMap((e) => (e.type === 'message.dead_lettered' && e.node === 'orders' ? [e] : []));
    expect(sender.stats()).toMatchObject({ deadLettered: dead.length, endpointsDisabled: 0 });
    expect(dead.length).toBeGreaterThan(10);
    for (const d of dead) {
      expect(d.t).toBeGreaterThan(10_000 + 99_000);
      expect(published.get(d.msg.root)!).toBeLessThan(13_000); // only the first seconds' orders run out of retries
    }
    const delivered = new Set(trace.flatMap((e) => (e.type === 'webhook.delivered' ? [e.msg.root] : [])));
    const given = new Set(dead.map((d) => d.msg.root));
    // Every other order published after the registration and in time for a retry before the end arrives.
    const due = [...published].filter(([root, t]) => t > 600 && t < 140_000 && !given.has(root));
    expect(due.every(([root]) => delivered.has(root))).toBe(true);
    expect(receiver.stats()).toMatchObject({ rejected: { badSignature: 4, replay: 4 } }); // those that came while it was up
    expect((sim.node('forger') as WebhookAttacker).accepted).toBe(0);
    expect((sim.node('replayer') as WebhookAttacker).accepted).toBe(0);
  });
});
