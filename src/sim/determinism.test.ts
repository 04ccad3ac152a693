import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import type { Scenario } from './engine/scenario';
import { Simulation, type RecordedAction } from './engine/simulation';
import type { TraceEvent } from './engine/trace';

/** Serialises a trace event with message ids instead of the (mutable) message objects. */
function line(ev: TraceEvent): string {
  return JSON.stringify(ev, (k, v) => (k === 'msg' ? `${v.id}/${v.root}:${v.type}:${v.key ?? ''}` : v));
}

/** Runs a scenario to `untilMs` and hashes its whole trace. */
function traceHash(scenario: Scenario, untilMs: number, options: { seed?: number; recorded?: readonly RecordedAction[] } = {}): string {
  const sim = new Simulation(scenario, options);
  const h = createHash('sha256');
  sim.on((ev) => h.update(line(ev)).update('\n'));
  sim.runUntil(untilMs);
  return h.digest('hex');
}

describe('determinism', () => {
  const scenario = builtin('user-registered-queue')!;

  it('the same scenario and seed give the same trace, byte for byte', () => {
    expect(traceHash(scenario, 40_000)).toBe(traceHash(scenario, 40_000));
  });

  it('another seed gives another trace', () => {
    expect(traceHash(scenario, 40_000, { seed: 1 })).not.toBe(traceHash(scenario, 40_000, { seed: 2 }));
  });

  it('a run with actions taken by hand replays identically from its recorded actions', () => {
    const live = new Simulation(builtin('mmc')!);
    const h = createHash('sha256');
    live.on((ev) => h.update(line(ev)).update('\n'));
    // Toggle a consumer at awkward moments: between frames, mid-burst, after single steps.
    live.runUntil(3_217.5);
    live.act({ do: 'offline', node: 'worker-1' });
    for (let i = 0; i < 7; i++) live.step();
    live.act({ do: 'slow', node: 'worker-2', factor: 3 });
    live.runUntil(9_000);
    live.act({ do: 'online', node: 'worker-1' });
    live.runUntil(20_000);
    const liveHash = h.digest('hex');

    expect(traceHash(builtin('mmc')!, 20_000, { recorded: live.recorded })).toBe(liveHash);
    // And the actions mattered: without them the trace differs.
    expect(traceHash(builtin('mmc')!, 20_000)).not.toBe(liveHash);
  });

  it('running in one go or in many small slices gives the same trace', () => {
    const oneGo = traceHash(scenario, 30_000);
    const sim = new Simulation(scenario);
    const h = createHash('sha256');
    sim.on((ev) => h.update(line(ev)).update('\n'));
    for (let t = 0; t <= 30_000; t += 16.7) sim.runUntil(t, 3);
    sim.runUntil(30_000);
    expect(h.digest('hex')).toBe(oneGo);
  });
});
