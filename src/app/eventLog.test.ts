import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { Simulation } from '../sim/engine/simulation';
import { EventLog } from './eventLog';
import { LOG_KINDS, type LogKind } from './logKinds';

function logged(id: string, capacity?: number) {
  const sim = new Simulation(builtin(id)!);
  const log = new EventLog(capacity);
  sim.on(log.listener);
  return { sim, log };
}

const all = new Set(LOG_KINDS);

describe('the event log', () => {
  it('keeps the whole trace in order while under capacity, newest last', () => {
    const { sim, log } = logged('user-registered-queue');
    const trace: string[] = [];
    sim.on((e) => trace.push(e.type));
    sim.runUntil(5000);
    expect(log.length).toBe(trace.length);
    expect(log.select({ node: null, kinds: all }).map((i) => log.get(i)!.ev.type)).toEqual(trace);
    expect(log.dropped).toBe(0);
  });

  it('keeps only the last 5,000 entries of a long run and counts the rest as dropped', () => {
    const { sim, log } = logged('mmc');
    sim.runUntil(120_000);
    expect(log.length).toBe(5000);
    expect(log.dropped).toBe(log.total - 5000);
    expect(log.get(4999)!.seq).toBe(log.total);
  });

  it('filters by node: the email service sees its deliveries, its work and its acks, never the publication', () => {
    const { sim, log } = logged('user-registered-queue');
    sim.runUntil(5000);
    const types = new Set(log.select({ node: 'email', kinds: all }).map((i) => log.get(i)!.ev.type));
    expect(types).toEqual(new Set(['message.sent', 'message.received', 'message.processing', 'message.processed', 'signal.sent']));
  });

  it('filters by kind: acks are acks, REST calls are requests and responses, a timeout is a failure', () => {
    const queue = logged('user-registered-queue');
    queue.sim.runUntil(5000);
    const acks = queue.log.select({ node: null, kinds: new Set<LogKind>(['ack']) }).map((i) => queue.log.get(i)!.ev);
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.every((e) => e.type === 'signal.sent' && e.signal === 'ack')).toBe(true);

    // The payments host becomes unreachable at 5 s: the orders service's calls to it time out.
    const rest = logged('rest-order-chain', 100_000);
    rest.sim.runUntil(5000);
    rest.sim.act({ do: 'configure', node: 'payments', patch: { whenOffline: 'hang' } });
    rest.sim.act({ do: 'offline', node: 'payments' });
    rest.sim.runUntil(30_000);
    const kindsOf = (type: string) => new Set(rest.log.select({ node: null, kinds: all }).map((i) => rest.log.get(i)!).filter((e) => e.ev.type === type).map((e) => e.kind));
    expect(kindsOf('http.timeout')).toEqual(new Set(['failure']));
    expect([...kindsOf('http.request')].every((k) => k === 'request' || k === 'retry')).toBe(true);
    const processed = kindsOf('message.processed');
    expect(processed.has('request')).toBe(true);
  });

  it('forgets everything on reset (a new run)', () => {
    const { sim, log } = logged('user-registered-queue');
    sim.runUntil(2000);
    const v = log.version;
    log.reset();
    expect(log.length).toBe(0);
    expect(log.version).toBeGreaterThan(v);
  });
});
