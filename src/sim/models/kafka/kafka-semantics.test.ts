import { describe, expect, it } from 'vitest';
import { runBuiltin, runScenario, ms, type TestRun } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import type { Topic } from './kafka';

// issue #9, Kafka semantics learners ask about (SEMANTICS §8; K: GroupCoordinatorConfig.java).

describe('group.initial.rebalance.delay.ms (3 s): a new group waits for more members before its first rebalance', () => {
  /** A group of two consumers, both down at the start, coming up at 10 s and 12 s. */
  function newGroup(topic: Record<string, unknown> = {}): TestRun {
    const run = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant' },
        { id: 't', kind: 'topic', partitions: 2, ...topic },
        { id: 'a', kind: 'service', online: false, serviceTime: ms(1) },
        { id: 'b', kind: 'service', online: false, serviceTime: ms(1) },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'a', group: 'g' }, { from: 't', to: 'b', group: 'g' }],
      actions: [{ at: 10_000, do: 'online', node: 'a' }, { at: 12_000, do: 'online', node: 'b' }],
    });
    run.sim.runUntil(20_000);
    return run;
  }

  it('by default the first member waits, the second restarts the wait, and one rebalance at 16 s gives each a partition', () => {
    const run = newGroup();
    const finished = run.of('kafka.rebalance_finished');
    expect(finished).toHaveLength(1);
    // Joined at 12 s + 3 s of delay + the 1 s join and sync pause.
    expect(finished[0]!.t).toBe(16_000);
    expect(finished[0]!.assignment).toEqual({ a: [0], b: [1] });
    expect(run.of('message.processed').every((e) => e.t >= 16_000)).toBe(true);
  });

  it('with the delay at 0 each member that joins costs a rebalance of its own', () => {
    const run = newGroup({ initialRebalanceDelayMs: 0 });
    const finished = run.of('kafka.rebalance_finished');
    expect(finished.map((e) => e.t)).toEqual([11_000, 13_000]);
    expect(finished[0]!.assignment).toEqual({ a: [0, 1] });
  });
});

describe('a poison record: one the consumer cannot deserialize', () => {
  const stats = (run: TestRun, id: string) => (run.sim.node(id) as Topic).stats();

  /** 10 records/s into one partition; every 100th record is poison. */
  function poisoned(topic: Record<string, unknown> = {}, more: { nodes?: unknown[]; links?: unknown[] } = {}): TestRun {
    const run = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', limit: 600 },
        { id: 't', kind: 'topic', autoOffsetReset: 'earliest', poisonEvery: 100, ...topic },
        { id: 'c', kind: 'service', serviceTime: ms(5) },
        ...(more.nodes ?? []),
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g' }, ...(more.links ?? [])],
    });
    checkInvariantEveryEvent(run.sim, 90_000);
    return run;
  }

  it('without a dead-letter topic every poll fails on it: its partition is stuck at offset 99 for good and the lag grows to 501', () => {
    const run = poisoned();
    expect(run.sim.node('c').processed).toBe(99);
    expect(run.of('kafka.poll_failed')).toMatchObject([{ group: 'g', member: 'c', partition: 0, offset: 99 }]);
    const g = stats(run, 't').groups.g!;
    expect(g.stuck).toEqual([{ partition: 0, offset: 99 }]);
    expect(g.totalLag.now).toBe(501);
  });

  it('the usual cure, a dead-letter topic: the error handler publishes the 6 poison records there and the partition moves on', () => {
    const run = poisoned({ deadLetterTopic: 'dlt' }, {
      nodes: [{ id: 'dlt', kind: 'topic', autoOffsetReset: 'earliest' }, { id: 'ops', kind: 'service', serviceTime: ms(5) }],
      links: [{ from: 't', to: 'dlt' }, { from: 'dlt', to: 'ops', group: 'ops' }],
    });
    expect(run.sim.node('c').processed).toBe(594);
    expect(run.sim.node('ops').processed).toBe(6);
    const g = stats(run, 't').groups.g!;
    expect(g).toMatchObject({ deadLettered: 6, stuck: [] });
    expect(g.totalLag.now).toBe(0);
    expect(run.of('message.dead_lettered').map((e) => e.reason)[0]).toBe('could not be deserialized at 0@99: sent to dlt');
  });

  it('failing processing with a retry topic and a dead-letter topic: a failure never holds its partition up, 3 more tries, then the DLT', () => {
    // Spring Kafka's non-blocking retries: the main topic gives a failed record up at once
    // (maxAttempts 1) to a retry topic, which tries it 3 times before the dead-letter topic.
    const run = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', limit: 1000 },
        { id: 't', kind: 'topic', autoOffsetReset: 'earliest', deadLetterTopic: 'retry', maxAttempts: 1 },
        { id: 'retry', kind: 'topic', autoOffsetReset: 'earliest', deadLetterTopic: 'dlt', maxAttempts: 3 },
        { id: 'dlt', kind: 'topic', autoOffsetReset: 'earliest' },
        { id: 'c', kind: 'service', serviceTime: ms(5), failureRate: 0.3 },
        { id: 'ops', kind: 'service', serviceTime: ms(5) },
      ],
      links: [
        { from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g' }, { from: 't', to: 'retry' },
        { from: 'retry', to: 'c', group: 'g-retry' }, { from: 'retry', to: 'dlt' }, { from: 'dlt', to: 'ops', group: 'ops' },
      ],
    });
    checkInvariantEveryEvent(run.sim, 150_000);
    const main = stats(run, 't').groups.g!;
    const retry = stats(run, 'retry').groups['g-retry']!;
    // About 30% fail the first time; of those, 0.3³ fail three more times.
    expect(main.deadLettered).toBeGreaterThan(250);
    expect(main.deadLettered).toBeLessThan(350);
    expect(retry.deadLettered).toBeGreaterThan(0);
    expect(retry.deadLettered).toBeLessThan(main.deadLettered / 10);
    expect(run.sim.node('ops').processed).toBe(retry.deadLettered);
    // Every record ends processed once by the worker, or in the dead-letter topic.
    expect(run.sim.node('c').processed).toBe(1000 - retry.deadLettered);
    expect(main.totalLag.now + retry.totalLag.now).toBe(0);
  });
});

describe('the built-in kafka-poison-record scenario', () => {
  it('does what its description says: one partition stuck at 15 s, both by 30 s, both drained within 15 s of the cure at 40 s', () => {
    const { sim, scenario } = runBuiltin('kafka-poison-record');
    const group = () => (sim.node('payments') as Topic).stats().groups.payments!;
    sim.runUntil(20_000);
    expect(group().stuck).toHaveLength(1);
    sim.runUntil(39_000);
    expect(group().stuck).toHaveLength(2);
    expect(group().totalLag.now).toBeGreaterThan(50);
    sim.runUntil(41_000);
    expect(group().stuck).toEqual([]);
    sim.runUntil(55_000);
    expect(group().totalLag.now).toBeLessThan(20);
    sim.runUntil(scenario.durationMs);
    expect(group().deadLettered).toBe(5);
    expect(sim.node('ops').processed).toBe(5);
    expect(sim.ledger.totals().dropped).toBe(0);
  });
});
