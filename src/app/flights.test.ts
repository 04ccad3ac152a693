import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation';
import { progress } from './drawFlights';
import { FlightBuffer, HOP_MS, LOST_MARK_MS } from './flights';
import { STYLE } from './flightStyles';
import { CATALOG, parseScenario } from '../sim/catalog';

function scenario(loss = 0) {
  const r = parseScenario({
    id: 'f',
    title: 'f',
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: 100, arrivals: 'constant' },
      { id: 'q', kind: 'queue' },
      { id: 's', kind: 'service', serviceTime: { dist: 'constant', ms: 5 } },
    ],
    links: [
      { from: 'p', to: 'q', latency: { dist: 'constant', ms: 100 }, loss },
      { from: 'q', to: 's', latency: { dist: 'constant', ms: 10 } },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('the flight buffer', () => {
  it('holds what is on the wire: 100 msg/s over a 100 ms link keeps about 10 publications in flight', () => {
    const sim = new Simulation(CATALOG, scenario());
    const flights = new FlightBuffer();
    sim.on(flights.listener);
    sim.runUntil(2000);
    flights.prune(sim.now);
    let publications = 0;
    for (let i = 0; i < flights.count; i++) if (flights.style[i] === STYLE.event && flights.routes[flights.route[i]!]![0] === 'p') publications++;
    expect(publications).toBeGreaterThanOrEqual(9);
    expect(publications).toBeLessThanOrEqual(11);
  });

  it('marks a message lost on the network where it was lost, for a moment', () => {
    const sim = new Simulation(CATALOG, scenario(1));
    const flights = new FlightBuffer();
    sim.on(flights.listener);
    sim.runUntil(100);
    flights.prune(sim.now);
    expect(flights.count).toBeGreaterThan(0);
    for (let i = 0; i < flights.count; i++) {
      expect(flights.style[i]).toBe(STYLE.failed);
      expect(flights.still[i]).toBe(1);
      expect(flights.t1[i]! - flights.t0[i]!).toBe(LOST_MARK_MS);
    }
  });

  it('stays within its capacity on a long run, dropping only what has landed', () => {
    const sim = new Simulation(CATALOG, scenario());
    const flights = new FlightBuffer(64);
    sim.on(flights.listener);
    sim.runUntil(60_000);
    expect(flights.count).toBeLessThanOrEqual(64);
    expect(flights.overflow).toBe(0);
  });

  it('while a seek re-runs the past, keeps only flights still travelling at the target', () => {
    const sim = new Simulation(CATALOG, scenario());
    const flights = new FlightBuffer();
    flights.ignoreBefore = 5000;
    sim.on(flights.listener);
    sim.runUntil(5000);
    for (let i = 0; i < flights.count; i++) expect(flights.t1[i]).toBeGreaterThan(5000);
  });
});

describe('hops drawn slower than they happen', () => {
  const rabbit = () => {
    const r = parseScenario({
      id: 'x',
      title: 'x',
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 1, arrivals: 'constant', eventType: 'order.eu.created' },
        { id: 'x', kind: 'exchange', type: 'fanout' },
        { id: 'a', kind: 'queue' },
        { id: 'b', kind: 'queue' },
      ],
      links: [
        { from: 'p', to: 'x', latency: { dist: 'constant', ms: 2 } },
        { from: 'x', to: 'a' },
        { from: 'x', to: 'b' },
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.scenario;
  };

  it('keeps the 0 ms exchange → queue hops (one per bound queue) and draws each for HOP_MS of wall time', () => {
    const sim = new Simulation(CATALOG, rabbit());
    const flights = new FlightBuffer();
    sim.on(flights.listener);
    sim.runUntil(1002); // the first publication (t = 1000) has crossed the 2 ms link and fanned out
    flights.settle(sim.now, 5000, HOP_MS);
    const routes = Array.from({ length: flights.count }, (_, i) => flights.routes[flights.route[i]!]!.join('→'));
    expect(routes.sort()).toEqual(['p→x', 'x→a', 'x→b']);
    const fanout = Array.from({ length: flights.count }, (_, i) => i).find((i) => routes[i] === 'x→a')!;
    const clock = (wall: number) => ({ shown: sim.now - 1, wall, hopMs: HOP_MS, followed: -1 });
    expect(progress(flights, fanout, clock(5000))).toBe(0);
    expect(progress(flights, fanout, clock(5000 + HOP_MS / 2))).toBeCloseTo(0.5, 6);
    expect(progress(flights, fanout, clock(5000 + HOP_MS - 1))).toBeGreaterThan(0.99);
    expect(progress(flights, fanout, clock(5000 + HOP_MS))).toBe(-1);
    flights.settle(sim.now, 5000 + HOP_MS, HOP_MS);
    expect(flights.count).toBe(0);
  });

  it('a slow hop moves with the shown clock: half way through its latency, it is half way along', () => {
    const sim = new Simulation(CATALOG, scenario());
    const flights = new FlightBuffer();
    sim.on(flights.listener);
    sim.runUntil(10); // the first publication is on the 100 ms link
    flights.settle(sim.now, 0, HOP_MS);
    const i = Array.from({ length: flights.count }, (_, k) => k).find((k) => flights.routes[flights.route[k]!]![0] === 'p')!;
    const t0 = flights.t0[i]!;
    expect(progress(flights, i, { shown: t0 + 50, wall: 0, hopMs: HOP_MS, followed: -1 })).toBeCloseTo(0.5, 6);
    expect(progress(flights, i, { shown: t0 - 1, wall: 0, hopMs: HOP_MS, followed: -1 })).toBe(-1);
  });

  it('at a high rate merges hops close in time on one link into one pulse that still counts every message', () => {
    const sim = new Simulation(CATALOG, scenario());
    const flights = new FlightBuffer();
    flights.mergeWithinMs = 1000; // as at 250×
    sim.on(flights.listener);
    sim.runUntil(600);
    const published = sim.ledger.totals().published;
    let pulses = 0;
    let carried = 0;
    for (let i = 0; i < flights.count; i++) {
      if (flights.routes[flights.route[i]!]![0] !== 'p') continue;
      pulses++;
      carried += flights.n[i]!;
    }
    expect(carried).toBe(published);
    expect(pulses).toBeLessThan(published / 10);
  });

  it('never merges the followed message into a pulse', () => {
    const sim = new Simulation(CATALOG, scenario());
    const flights = new FlightBuffer();
    flights.mergeWithinMs = 1000;
    flights.followed = 3;
    const hops: string[] = [];
    flights.onFollowedHop = (from, to) => hops.push(`${from}→${to}`);
    sim.on(flights.listener);
    sim.runUntil(600);
    const mine = Array.from({ length: flights.count }, (_, i) => i).filter((i) => flights.root[i] === 3);
    expect(mine.length).toBeGreaterThan(0);
    for (const i of mine) expect(flights.n[i]).toBe(1);
    expect(hops[0]).toBe('p→q');
  });
});
