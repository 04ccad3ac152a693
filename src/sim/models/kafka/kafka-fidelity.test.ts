import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario';
import { Simulation } from '../../engine/simulation';
import type { TraceEvent } from '../../engine/trace';
import { InvariantChecker } from '../../testing/invariant';
import type { KafkaMeta, Topic, TopicStats } from './kafka';

// issue #9, Kafka defects. Defaults cited from SEMANTICS.md §2 and §8 (K: ConsumerConfig.java,
// ProducerConfig.java, docs/configuration).

type Spec = { nodes: unknown[]; links: unknown[]; actions?: unknown[]; seed?: number };

function build({ nodes, links, actions = [], seed = 1 }: Spec): Simulation {
  const r = parseScenario({ id: 'kafka-fidelity', title: 'kafka fidelity', seed, nodes, links, actions });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return new Simulation(r.scenario);
}

function topicStats(sim: Simulation, id = 't'): TopicStats {
  return (sim.node(id) as Topic).stats();
}

describe('defect 2: a lost fetch skips nothing', () => {
  it('at-least-once over a link losing 30% of crossings: every record is processed, once, in offset order', () => {
    // A consumer fetches from its position; the fetch travels over TCP, so a lost segment is
    // retransmitted, and a failed fetch is sent again from the same position (SEMANTICS §8
    // "A lost fetch": nothing is skipped).
    const sim = build({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', limit: 300 },
        { id: 't', kind: 'topic', autoOffsetReset: 'earliest' },
        { id: 'c', kind: 'service', serviceTime: { dist: 'constant', ms: 5 } },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g', loss: 0.3, latency: { dist: 'constant', ms: 10 } }],
    });
    const checker = new InvariantChecker(sim);
    const offsets: number[] = [];
    sim.on((ev: TraceEvent) => {
      if (ev.type === 'message.processed') offsets.push((ev.msg.meta as KafkaMeta).offset);
    });
    while (sim.scheduler.peekTime() <= 120_000 && sim.step()) checker.check();
    const g = topicStats(sim).groups.g!;
    expect(g.lost).toBe(0);
    expect(offsets).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(sim.ledger.totals()).toMatchObject({ published: 300, dropped: 0, duplicates: 0 });
  });
});
