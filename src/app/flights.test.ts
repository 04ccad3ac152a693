import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation';
import { parseScenario } from '../sim/engine/scenario';
import { FlightBuffer, LOST_MARK_MS } from './flights';
import { STYLE } from './flightStyles';

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
    const sim = new Simulation(scenario());
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
    const sim = new Simulation(scenario(1));
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
    const sim = new Simulation(scenario());
    const flights = new FlightBuffer(64);
    sim.on(flights.listener);
    sim.runUntil(60_000);
    expect(flights.count).toBeLessThanOrEqual(64);
    expect(flights.overflow).toBe(0);
  });

  it('while a seek re-runs the past, keeps only flights still travelling at the target', () => {
    const sim = new Simulation(scenario());
    const flights = new FlightBuffer();
    flights.ignoreBefore = 5000;
    sim.on(flights.listener);
    sim.runUntil(5000);
    for (let i = 0; i < flights.count; i++) expect(flights.t1[i]).toBeGreaterThan(5000);
  });
});
