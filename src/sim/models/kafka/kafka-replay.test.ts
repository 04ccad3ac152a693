import { describe, expect, it } from 'vitest';
import type { Message } from '../../engine/message';
import { runBuiltin, runScenario, type TestScenario } from '../../testing/harness';
import { fast, topicStats } from './kafka.fixture';

// Replay and retention: offset resets, retention deleting old records, and the built-in Kafka scenario.

describe('replay and retention', () => {
  const twoGroups = (actions: unknown[], topic: Record<string, unknown> = {}): TestScenario => ({
    nodes: [
      { id: 'orders', kind: 'producer', ratePerSec: 10, keys: 40, stopMs: 15_000 },
      { id: 't', kind: 'topic', partitions: 3, ...topic },
      { id: 'billing', kind: 'service', serviceTime: fast },
      { id: 'analytics', kind: 'service', serviceTime: { dist: 'exponential', meanMs: 20 } },
    ],
    links: [
      { from: 'orders', to: 't' },
      { from: 't', to: 'billing', group: 'billing' },
      { from: 't', to: 'analytics', group: 'analytics' },
    ],
    actions,
  });

  it("resetting a group's offsets to the earliest replays every record for that group only", () => {
    const { sim, trace: events } = runScenario(twoGroups([{ at: 20_000, do: 'command', node: 't', command: 'reset-offsets', args: { group: 'analytics', toEarliest: true } }]));
    sim.runUntil(40_000);
    const published = events.filter((e) => e.type === 'message.published').length;
    const s = topicStats(sim);
    expect(s.groups.analytics!.replayed).toBe(published);
    expect(s.groups.analytics!.duplicates).toBe(published);
    expect(s.groups.billing!.duplicates).toBe(0);
    expect(sim.ledger.duplicates).toBe(published);
    expect(events.some((e) => e.type === 'kafka.offsets_reset' && e.group === 'analytics')).toBe(true);
  });

  it('resetting to a time replays exactly the records published at or after it', () => {
    const { sim, trace: events } = runScenario(twoGroups([{ at: 20_000, do: 'command', node: 't', command: 'reset-offsets', args: { group: 'analytics', toTimeMs: 8000 } }]));
    sim.runUntil(40_000);
    const since = events.filter((e) => e.type === 'message.published' && e.msg.publishedAt >= 8000).length;
    expect(since).toBeGreaterThan(40);
    expect(topicStats(sim).groups.analytics!.duplicates).toBe(since);
  });

  it('retention deletes old records but consumption deletes none; a group that never read them loses them', () => {
    const { sim, trace: events } = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10 },
        { id: 't', kind: 'topic', partitions: 2, retentionMs: 5000, retentionCheckMs: 1000 },
        { id: 'reader', kind: 'service', serviceTime: fast },
        { id: 'away', kind: 'service', online: false },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'reader', group: 'fast' }, { from: 't', to: 'away', group: 'away' }],
    });
    sim.runUntil(4000);
    let s = topicStats(sim);
    // Everything read and committed long ago, and still all there.
    expect(s.log.every((l) => l.logStart === 0)).toBe(true);
    expect(s.appended).toBeGreaterThan(20);
    expect(s.groups.fast!.processed.reader).toBeGreaterThan(s.appended - 5);

    sim.runUntil(30_000);
    s = topicStats(sim);
    const publishedAt = events.filter((e) => e.type === 'message.published').map((e) => (e as { msg: Message }).msg.publishedAt);
    // Deleted once older than retention, at a check at most 1 s later.
    expect(s.retentionDeleted).toBeGreaterThanOrEqual(publishedAt.filter((t) => t < 30_000 - 5000 - 1000).length);
    expect(s.retentionDeleted).toBeLessThanOrEqual(publishedAt.filter((t) => t < 30_000 - 5000).length);
    expect(s.log.reduce((n, l) => n + l.logStart, 0)).toBe(s.retentionDeleted);
    const dropped = events.filter((e) => e.type === 'message.dropped') as { reason: string }[];
    expect(dropped).toHaveLength(s.retentionDeleted);
    for (const d of dropped) expect(d.reason).toMatch(/retention before group away/);
    expect(s.groups.away!.expiredUnread).toBe(s.retentionDeleted);
    expect(s.groups.fast!.expiredUnread).toBe(0);
  });

  it('records a consumer held when it went offline go back to the log unread, and retention deletes them as unread', () => {
    const { sim, trace: events } = runScenario({
      nodes: [
        // Every record is fetched before the consumer goes: the position is at the log end when retention comes.
        { id: 'p', kind: 'producer', ratePerSec: 20, stopMs: 400 },
        { id: 't', kind: 'topic', partitions: 1, retentionMs: 5000, retentionCheckMs: 1000 },
        { id: 'slow', kind: 'service', serviceTime: { dist: 'constant', ms: 400 } },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'slow', group: 'g' }],
      // Back well within the session timeout (45 s): the group keeps its position past the records it lost.
      actions: [{ at: 1000, do: 'offline', node: 'slow' }, { at: 20_000, do: 'online', node: 'slow' }],
    });
    sim.runUntil(15_000);
    const s = topicStats(sim);
    expect(s.log[0]!.logStart).toBe(s.appended);
    const requeued = events.filter((e) => e.type === 'message.requeued').length;
    expect(requeued).toBeGreaterThan(1);
    const processed = events.filter((e) => e.type === 'message.processed').length;
    // Every record is processed or deleted unread: none is left waiting in a log that no longer holds it.
    expect(s.groups.g!.expiredUnread).toBe(s.appended - processed);
    expect(sim.ledger.count('buffered')).toBe(0);
  });
});

describe('the built-in kafka-order-events scenario', () => {
  it('shows a billing rebalance after a crash, an analytics replay and retention at work, and loses nothing', () => {
    const { sim, scenario, trace: events } = runBuiltin('kafka-order-events');
    sim.runUntil(scenario.durationMs);
    const s = topicStats(sim, 'orders');
    expect(s.partitions).toBe(3);
    expect(s.groups.billing!.rebalances).toBeGreaterThanOrEqual(2);
    expect(s.groups.analytics!.replayed).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'kafka.rebalance_finished' && e.group === 'billing')).toBe(true);
    // Both groups read every record long before retention deleted it.
    expect(s.retentionDeleted).toBeGreaterThan(0);
    expect(sim.ledger.totals().dropped).toBe(0);
  }, 30_000);
});
