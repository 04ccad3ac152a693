import { describe, expect, it } from 'vitest';
import { parseScenario } from './engine/scenario';
import { Simulation } from './engine/simulation';

function ttlScenario() {
  const r = parseScenario({
    id: 'ttl', title: 'TTL',
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant' },
      { id: 'q', kind: 'queue', messageTtlMs: 1000 },
      { id: 'c', kind: 'service', online: false },
    ],
    links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('changing settings while running', () => {
  it('a setting patched to null is unset: a queue whose TTL is removed keeps every message', () => {
    const kept = new Simulation(ttlScenario());
    kept.act({ do: 'configure', node: 'q', patch: { messageTtlMs: null } });
    kept.runUntil(5_000);
    expect('messageTtlMs' in kept.node('q').config).toBe(false);
    expect(kept.node('q').stats().expired).toBe(0);
    expect(kept.node('q').backlogNow()).toBe(50);

    // The same run without the change: messages older than 1 s expire at the head.
    const expiring = new Simulation(ttlScenario());
    expiring.runUntil(5_000);
    expect(expiring.node('q').stats().expired).toBeGreaterThan(30);
  });

  it('the change replays: the recorded patch survives JSON (a share link) and gives the same run', () => {
    const live = new Simulation(ttlScenario());
    live.runUntil(2_000);
    live.act({ do: 'configure', node: 'q', patch: { messageTtlMs: null } });
    live.runUntil(5_000);
    const recorded = JSON.parse(JSON.stringify(live.recorded));
    const replay = new Simulation(ttlScenario(), { recorded });
    replay.runUntil(5_000);
    expect(replay.report()).toEqual(live.report());
  });
});
