import { describe, expect, it } from 'vitest';
import { runScenario, ms, type TestRun } from '../../testing/harness';

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
