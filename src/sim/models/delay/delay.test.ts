import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../catalog';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { ms, runScenario } from '../../testing/harness';
import { DELAY_OFFLINE, type Delay } from './delay';

/** A producer → delay → service chain; `delay` is the hop's distribution. */
function chain(delay: unknown, extra: { actions?: unknown[]; ratePerSec?: number } = {}) {
  return runScenario({
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: extra.ratePerSec ?? 10, arrivals: 'constant', limit: 20 },
      { id: 'hop', kind: 'delay', delay },
      { id: 'svc', kind: 'service', serviceTime: ms(1) },
    ],
    links: [{ from: 'p', to: 'hop' }, { from: 'hop', to: 'svc' }],
    actions: extra.actions,
  });
}

describe('delay node', () => {
  it('a fixed 250 ms hop adds exactly 250 ms between arrival and forwarding', () => {
    const run = chain(ms(250));
    run.sim.runUntil(10_000);
    const received = run.of('message.received').filter((e) => e.node === 'hop');
    const forwarded = run.of('message.sent').filter((e) => e.from === 'hop');
    expect(received).toHaveLength(20);
    expect(forwarded).toHaveLength(20);
    forwarded.forEach((f, i) => expect(f.t - received[i]!.t).toBe(250));
    expect(run.of('message.processed').filter((e) => e.node === 'svc')).toHaveLength(20);
  });

  it('a random hop draws each delay within its range, from the seed', () => {
    const delays = (seed: number) => {
      const run = runScenario({
        seed,
        nodes: [
          { id: 'p', kind: 'producer', ratePerSec: 5, arrivals: 'constant', limit: 50 },
          { id: 'hop', kind: 'delay', delay: { dist: 'uniform', minMs: 100, maxMs: 900 } },
          { id: 'svc', kind: 'service' },
        ],
        links: [{ from: 'p', to: 'hop' }, { from: 'hop', to: 'svc' }],
      });
      run.sim.runUntil(60_000);
      const arrived = new Map(run.of('message.received').filter((e) => e.node === 'hop').map((e) => [e.msg.id, e.t]));
      return run.of('message.sent').filter((e) => e.from === 'hop').map((e) => e.t - arrived.get(e.msg.id)!);
    };
    const d = delays(3);
    expect(d).toHaveLength(50);
    expect(Math.min(...d)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...d)).toBeLessThanOrEqual(900);
    expect(new Set(d).size).toBeGreaterThan(40);
    expect(delays(3)).toEqual(d);
    expect(delays(4)).not.toEqual(d);
  });

  it('going offline drops what the hop holds, with a reason, and the ledger stays balanced', () => {
    const run = chain(ms(1_000), { actions: [{ at: 1_450, do: 'offline', node: 'hop' }] });
    checkInvariantEveryEvent(run.sim, 10_000);
    const dropped = run.of('message.dropped').filter((e) => e.node === 'hop');
    // Published at 100, 200, …: at 1450 ms the hop holds the ten sent from 500 ms to 1400 ms
    // (those at 100–400 left already); later arrivals are dropped on arrival.
    expect(dropped.filter((e) => e.t === 1_450)).toHaveLength(10);
    expect(dropped.every((e) => e.reason === DELAY_OFFLINE)).toBe(true);
    expect(dropped).toHaveLength(20 - 4);
    expect((run.sim.node('hop') as Delay).stats()).toMatchObject({ forwarded: 4, held: 0, dropped: 16 });
  });

  it('acks a queue upstream when it forwards, so the queue does not hold the message unacked', () => {
    const run = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', limit: 10 },
        { id: 'q', kind: 'queue' },
        { id: 'hop', kind: 'delay', delay: ms(50) },
        { id: 'svc', kind: 'service' },
      ],
      links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'hop' }, { from: 'hop', to: 'svc' }],
    });
    run.sim.runUntil(5_000);
    expect(run.of('signal.sent').filter((e) => e.from === 'hop' && e.signal === 'ack')).toHaveLength(10);
    expect(run.of('message.processed').filter((e) => e.node === 'svc')).toHaveLength(10);
  });

  it('rejects a link field that neither end declares', () => {
    const r = parseScenario({
      id: 'bad', title: 'bad',
      nodes: [{ id: 'p', kind: 'producer' }, { id: 'hop', kind: 'delay' }],
      links: [{ from: 'p', to: 'hop', bindingKey: 'x' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toBe('links[0].bindingKey');
  });
});
