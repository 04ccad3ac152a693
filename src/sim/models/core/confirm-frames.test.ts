import { describe, expect, it } from 'vitest';
import { runScenario, ms, type TestRun } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';

// issue #9: publisher confirms in the trace (RMQ/confirms): one event per confirm frame the
// publisher hears, basic.ack (with `multiple`) and basic.nack with its reason, and the republish.

/** Checkout publishes `limit` OrderPlaced at `rate`/s with confirms to queue q (settings `queue`), read by c. */
function confirmed(opts: { rate: number; limit: number; queue?: Record<string, unknown>; serviceMs?: number; actions?: unknown[] }): TestRun {
  return runScenario({
    pattern: 'rabbitmq',
    seed: 5,
    nodes: [
      { id: 'p', kind: 'producer', eventType: 'OrderPlaced', ratePerSec: opts.rate, arrivals: 'constant', limit: opts.limit, confirms: {} },
      { id: 'q', kind: 'queue', ...opts.queue },
      { id: 'c', kind: 'service', serviceTime: ms(opts.serviceMs ?? 5) },
    ],
    links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
    actions: opts.actions,
  });
}

/**
 * Follows the publisher's outstanding publishes through the trace and fails if a `multiple` ack
 * covers less than every publish up to its sequence number that the broker had not answered.
 */
function checkMultipleFlag(run: TestRun): void {
  const outstanding = new Map<number, number>(); // seq → message id, not answered yet
  run.sim.on((ev) => {
    if (ev.type === 'message.published') {
      const seq = (ev.msg.meta?.confirm as { seq: number } | undefined)?.seq;
      if (seq !== undefined) outstanding.set(seq, ev.msg.id);
    }
    if (ev.type === 'confirm.nacked') outstanding.delete(ev.seq);
    if (ev.type !== 'confirm.acked') return;
    const ids = new Set(ev.msgIds);
    expect(ids.size).toBe(ev.count);
    for (const [seq, id] of outstanding) {
      if (ids.has(id)) outstanding.delete(seq);
      else if (ev.multiple) expect(seq, `multiple ack up to ${ev.seq} leaves ${seq} out`).toBeGreaterThan(ev.seq);
    }
  });
}

describe('publisher confirms in the trace: one event per confirm frame', () => {
  it('persistent messages confirmed per 200 ms fsync batch: one basic.ack multiple per batch, not one row per message', () => {
    // 50 per second: 10 publishes join each 200 ms batch.
    const run = confirmed({ rate: 50, limit: 500, queue: { deliveryMode: 'persistent' } });
    checkMultipleFlag(run);
    checkInvariantEveryEvent(run.sim, 20_000);
    const acks = run.of('confirm.acked');
    const covered = acks.reduce((n, a) => n + a.count, 0);
    expect(covered).toBe(500);
    expect(run.sim.node('p').stats()).toMatchObject({ confirmed: 500, unconfirmed: 0 });
    // About one frame per batch: 10 s of publishing in 200 ms batches.
    expect(acks.length).toBeGreaterThanOrEqual(49);
    expect(acks.length).toBeLessThanOrEqual(52);
    expect(acks.filter((a) => a.multiple).length).toBeGreaterThanOrEqual(48);
    for (const a of acks) expect(a.t % 200).toBe(0);
    expect(acks[10]).toMatchObject({ node: 'p', broker: 'q', eventType: 'OrderPlaced', multiple: true, count: 10 });
    expect(run.of('confirm.nacked')).toEqual([]);
  });

  it('transient messages are confirmed one by one as the queue takes them: basic.ack without multiple, seq 1, 2, 3…', () => {
    const run = confirmed({ rate: 10, limit: 30 });
    run.sim.runUntil(10_000);
    const acks = run.of('confirm.acked');
    expect(acks.map((a) => a.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(acks.every((a) => !a.multiple && a.count === 1)).toBe(true);
    // Each ack names the message it confirms, heard as the queue took it.
    const enqueuedAt = new Map(run.of('message.enqueued').map((e) => [e.msg.id, e.t]));
    for (const a of acks) expect(a.t).toBe(enqueuedAt.get(a.msgId));
  });

  it('a full reject-publish queue: each refused publish is a basic.nack with the reason, then published again 100 ms later as a new message', () => {
    const run = confirmed({ rate: 200, limit: 300, queue: { maxLength: 10, overflow: 'reject-publish' }, serviceMs: 10 });
    checkMultipleFlag(run);
    checkInvariantEveryEvent(run.sim, 60_000);
    const nacks = run.of('confirm.nacked');
    const again = run.of('confirm.republished');
    expect(nacks.length).toBe(run.sim.node('p').stats().nacked);
    expect(nacks.length).toBeGreaterThan(50);
    for (const n of nacks) expect(n).toMatchObject({ node: 'p', by: 'q', broker: 'q', reason: 'queue full (x-overflow reject-publish)' });
    // Every nack is followed by its republish, republishAfterMs (100 ms) later, under a new sequence number.
    expect(again.map((r) => r.seq)).toEqual(nacks.map((n) => n.seq));
    for (let i = 0; i < nacks.length; i++) {
      expect(again[i]!.t - nacks[i]!.t).toBe(100);
      expect(again[i]!.newSeq).toBeGreaterThan(again[i]!.seq);
    }
    const publishedIds = new Set(run.of('message.published').map((e) => e.msg.id));
    for (const r of again) expect(publishedIds.has(r.newMsgId)).toBe(true);
    // Nothing lost: the acks cover the 300 orders once each.
    expect(run.of('confirm.acked').reduce((n, a) => n + a.count, 0)).toBe(300);
  });

  it('a broker that is offline nacks: the reason says which node and why', () => {
    const run = runScenario({
      pattern: 'rabbitmq',
      seed: 5,
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', limit: 40, confirms: {} },
        { id: 'x', kind: 'exchange', type: 'fanout' },
        { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'service', serviceTime: ms(1) },
      ],
      links: [{ from: 'p', to: 'x' }, { from: 'x', to: 'q' }, { from: 'q', to: 'c' }],
      actions: [{ at: 1_000, do: 'offline', node: 'q' }, { at: 1_500, do: 'online', node: 'q' }, { at: 2_000, do: 'offline', node: 'x' }, { at: 2_500, do: 'online', node: 'x' }],
    });
    checkInvariantEveryEvent(run.sim, 10_000);
    const nacks = run.of('confirm.nacked');
    const reasons = new Set(nacks.map((n) => `${n.by}: ${n.reason}`));
    expect(reasons).toEqual(new Set(['q: queue offline', 'x: exchange offline']));
    expect(nacks.every((n) => n.broker === 'x')).toBe(true);
    expect(run.sim.ledger.totals().processed).toBe(40);
  });

  it('without confirms the producer emits no confirm events', () => {
    const run = runScenario({
      pattern: 'rabbitmq',
      nodes: [{ id: 'p', kind: 'producer', ratePerSec: 300, limit: 300 }, { id: 'q', kind: 'queue', maxLength: 5, overflow: 'reject-publish' }, { id: 'c', kind: 'service', serviceTime: ms(10) }],
      links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
    });
    run.sim.runUntil(10_000);
    expect(run.trace.filter((e) => e.type.startsWith('confirm.'))).toEqual([]);
    expect(run.of('message.dropped').length).toBeGreaterThan(0);
  });
});
