import { CATALOG } from '../sim/catalog';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation';
import { builtin } from './index';

const scenario = builtin('user-registered-fanout')!;
const SHARED = ['email-shared', 'profile-shared', 'stats-shared'];
const OWN = ['email', 'profile', 'stats'];

/** Which services processed each published event (by message root), per design. */
function whoProcessed(untilMs: number, seed = scenario.seed) {
  const sim = new Simulation(CATALOG, scenario, { seed });
  const byRoot = new Map<number, string[]>();
  const lane = new Map<number, 'top' | 'bottom'>();
  sim.on((e) => {
    if (e.type === 'message.sent' && e.from === 'users' && e.t <= untilMs) lane.set(e.msg.root, e.to === 'shared' ? 'top' : 'bottom');
    if (e.type === 'message.processed') byRoot.set(e.msg.root, [...(byRoot.get(e.msg.root) ?? []), e.node]);
  });
  sim.runUntil(untilMs);
  // Events published in the last 2 s may still be on their way: count the settled ones.
  sim.runUntil(untilMs + 2000);
  return { byRoot, lane };
}

describe('user registered: a shared queue against a queue per service', () => {
  it('the shared queue delivers each event to exactly one of the three services', () => {
    const { byRoot, lane } = whoProcessed(30_000);
    const top = [...lane].filter(([, l]) => l === 'top').map(([root]) => root);
    expect(top.length).toBeGreaterThan(60);
    for (const root of top) {
      const who = byRoot.get(root) ?? [];
      expect(who).toHaveLength(1);
      expect(SHARED).toContain(who[0]);
    }
    // Each service saw only part of the sign-ups: none saw even half of them.
    for (const svc of SHARED) expect(top.filter((r) => byRoot.get(r)?.[0] === svc).length).toBeLessThan(top.length / 2);
  });

  it('the fanout exchange delivers each event to all three services, once each', () => {
    const { byRoot, lane } = whoProcessed(30_000);
    const bottom = [...lane].filter(([, l]) => l === 'bottom').map(([root]) => root);
    expect(bottom.length).toBeGreaterThan(60);
    for (const root of bottom) expect([...(byRoot.get(root) ?? [])].sort()).toEqual([...OWN].sort());
  });

  it('with Profile down for 10 s at 3 sign-ups a second, only its queue grows, by about 30', () => {
    const sim = new Simulation(CATALOG, scenario);
    sim.runUntil(10_000);
    sim.act({ do: 'offline', node: 'profile' });
    sim.runUntil(20_000);
    const backlog = (id: string) => (sim.node(id).stats().backlog as { now: number }).now;
    expect(backlog('profile-queue')).toBeGreaterThanOrEqual(20);
    expect(backlog('profile-queue')).toBeLessThanOrEqual(45);
    expect(backlog('email-queue')).toBeLessThanOrEqual(2);
    expect(backlog('stats-queue')).toBeLessThanOrEqual(2);
    sim.act({ do: 'online', node: 'profile' });
    sim.runUntil(30_000);
    expect(backlog('profile-queue')).toBeLessThanOrEqual(2);
  });
});
