import { describe, expect, it } from 'vitest';
import { CATALOG, parseScenario } from '../sim/catalog';
import { Simulation } from '../sim/engine/simulation';
import { MessageLifeCollector } from './messageLife';
import { waitingAt } from './waiting';

// A producer at 10 messages a second into a queue whose consumer goes offline at 1 s.
function run(untilMs: number) {
  const r = parseScenario({
    id: 'w',
    title: 'w',
    seed: 3,
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant' },
      { id: 'q', kind: 'queue' },
      { id: 's', kind: 'service', serviceTime: { dist: 'constant', ms: 5 } },
    ],
    links: [
      { from: 'p', to: 'q', latency: { dist: 'constant', ms: 2 } },
      { from: 'q', to: 's', latency: { dist: 'constant', ms: 2 } },
    ],
    actions: [{ at: 1000, do: 'offline', node: 's' }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const sim = new Simulation(CATALOG, r.scenario);
  const lives = new MessageLifeCollector();
  sim.on(lives.listener);
  sim.runUntil(untilMs);
  return { sim, lives };
}

describe('the messages waiting in a queue (its chips)', () => {
  it('are the ones enqueued there and not delivered yet, the next to be delivered first', () => {
    const { lives } = run(3050);
    const waiting = waitingAt('q', lives.values());
    // About 2 s of arrivals since the consumer went offline at 1 s.
    expect(waiting.length).toBeGreaterThanOrEqual(19);
    expect(waiting.length).toBeLessThanOrEqual(21);
    const times = waiting.map((w) => w.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(1000);
    // Nothing waits in the producer or the service.
    expect(waitingAt('s', lives.values())).toEqual([]);
  });

  it('while the consumer is online, nothing stays waiting long: the queue is empty between arrivals', () => {
    const { lives } = run(950);
    expect(waitingAt('q', lives.values())).toEqual([]);
  });

});
