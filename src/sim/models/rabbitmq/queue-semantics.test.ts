import { describe, expect, it } from 'vitest';
import { runScenario, ms, type TestRun } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';

// issue #9, RabbitMQ semantics learners ask about (SEMANTICS §1 and §8; RMQ/consumers, RMQ/queues).

const stat = (run: TestRun, node: string, field: string): unknown => run.sim.node(node).stats()[field];

describe('consumer_timeout (30 min): a delivery held unacked too long closes the channel', () => {
  /** One order, published at 1 s, to a consumer that takes `workMs` over it. */
  function slow(workMs: number, queue: Record<string, unknown> = {}): TestRun {
    const run = runScenario({
      pattern: 'rabbitmq',
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 1, arrivals: 'constant', limit: 1 },
        { id: 'q', kind: 'queue', ...queue },
        { id: 'c', kind: 'service', serviceTime: ms(workMs) },
      ],
      links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
    });
    checkInvariantEveryEvent(run.sim, 3 * 3_600_000);
    return run;
  }

  it('a consumer taking 35 min per message loses its channel at the first check past 30 min, and the message is redelivered', () => {
    const run = slow(35 * 60_000);
    const closed = run.of('queue.channel_closed');
    // Delivered at 1 s; checked each minute from then; strictly past 30 min at 31 min 1 s.
    expect(closed[0]).toMatchObject({ t: 1_861_000, consumer: 'c', requeued: 1, reason: 'consumer_timeout' });
    expect(run.of('message.requeued')[0]!.reason).toBe('consumer_timeout: c held a delivery unacked over 1800000 ms');
    // The slow consumer finishes the first copy (its ack is stale), then the redelivery: a duplicate.
    expect(run.sim.ledger.totals()).toMatchObject({ published: 1, dropped: 0 });
    expect(run.sim.ledger.totals().duplicates).toBeGreaterThanOrEqual(1);
    expect(stat(run, 'q', 'consumerTimeouts')).toBeGreaterThanOrEqual(2);
  });

  it('a consumer taking 20 min never hits it; with consumerTimeoutMs 0 not even a 35 min one does', () => {
    expect(slow(20 * 60_000).of('queue.channel_closed')).toEqual([]);
    const off = slow(35 * 60_000, { consumerTimeoutMs: 0 });
    expect(off.of('queue.channel_closed')).toEqual([]);
    expect(off.sim.ledger.totals()).toMatchObject({ published: 1, processed: 1, duplicates: 0 });
  });
});

describe('a broker restart: persistent messages in durable queues survive, transient ones do not', () => {
  /** 100 orders wait in the queue (its consumer is down until 20 s); the broker restarts at 15 s. */
  function restart(queue: Record<string, unknown>): TestRun {
    const run = runScenario({
      pattern: 'rabbitmq',
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', limit: 100 },
        { id: 'q', kind: 'queue', ...queue },
        { id: 'c', kind: 'service', online: false, serviceTime: ms(5) },
      ],
      links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
      actions: [{ at: 15_000, do: 'command', node: 'q', command: 'restart' }, { at: 20_000, do: 'online', node: 'c' }],
    });
    checkInvariantEveryEvent(run.sim, 60_000);
    return run;
  }

  it('durable queue, persistent messages: all 100 are still there after the restart and get processed', () => {
    const run = restart({ deliveryMode: 'persistent' });
    expect(run.sim.ledger.totals()).toMatchObject({ published: 100, processed: 100, dropped: 0 });
  });

  it('durable queue, transient messages (the AMQP default): the restart discards all 100', () => {
    const run = restart({});
    expect(run.sim.ledger.totals()).toMatchObject({ published: 100, processed: 0, dropped: 100 });
    expect(stat(run, 'q', 'dropped')).toEqual({ 'broker restart: transient message': 100 });
  });

  it('a transient queue loses even persistent messages; a quorum queue keeps even transient ones', () => {
    expect(stat(restart({ durable: false, deliveryMode: 'persistent' }), 'q', 'dropped')).toEqual({ 'broker restart: transient queue deleted': 100 });
    expect(restart({ queueType: 'quorum' }).sim.ledger.totals()).toMatchObject({ processed: 100, dropped: 0 });
  });

  it('unacked persistent deliveries come back redelivered; a consumer mid-message finishes it and its ack is stale', () => {
    const run = runScenario({
      pattern: 'rabbitmq',
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', limit: 20 },
        { id: 'q', kind: 'queue', deliveryMode: 'persistent', prefetch: 5 },
        { id: 'c', kind: 'service', serviceTime: ms(1000) },
      ],
      links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
      actions: [{ at: 1_550, do: 'command', node: 'q', command: 'restart' }],
    });
    checkInvariantEveryEvent(run.sim, 60_000);
    expect(run.of('queue.channel_closed')).toMatchObject([{ t: 1_550, consumer: 'c', requeued: 5, reason: 'restart' }]);
    expect(run.sim.ledger.totals()).toMatchObject({ published: 20, dropped: 0 });
    // The 5 unacked at the restart are processed again: the one in progress, and 4 from the consumer's buffer.
    expect(run.sim.ledger.totals().duplicates).toBe(5);
    expect(stat(run, 'q', 'staleAcks')).toBeGreaterThan(0);
  });
});
