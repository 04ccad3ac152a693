import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { Simulation } from '../sim/engine/simulation';
import { MessageLifeCollector } from './messageLife';
import { CATALOG, type TraceEvent } from '../sim/catalog';
import { runScenario, ms } from '../sim/testing/harness';

function collected(id: string, maxMessages?: number, maxSteps?: number) {
  const sim = new Simulation(CATALOG, builtin(id)!);
  const lives = new MessageLifeCollector(maxMessages, maxSteps);
  sim.on(lives.listener);
  return { sim, lives };
}

describe('the message life collector', () => {
  it('tells a sign-up from publication to ack: published, sent, enqueued, delivered, processing, processed, acked', () => {
    const { sim, lives } = collected('user-registered-queue');
    sim.runUntil(5000);
    const life = lives.get(1)!;
    expect(life.type).toBe('UserRegistered');
    const steps = life.steps.map((e) => (e.type === 'message.sent' ? `sent:${e.channel}` : e.type === 'signal.sent' ? `signal:${e.signal}` : e.type));
    expect(steps).toEqual([
      'message.published', 'sent:publish', 'message.enqueued', 'sent:delivery', 'message.received', 'message.processing',
      'message.processed', 'signal:ack',
    ]);
    for (let i = 1; i < life.steps.length; i++) expect(life.steps[i]!.t).toBeGreaterThanOrEqual(life.steps[i - 1]!.t);
  });

  it('shows every copy of a fanned-out message together, under its root', () => {
    const { sim, lives } = collected('pubsub-order-created');
    sim.runUntil(5000);
    const life = lives.get(1)!;
    expect(life.copies.length).toBe(3); // one per subscription: the original goes on as one of them
    const processedAt = new Set(life.steps.filter((e) => e.type === 'message.processed').map((e) => (e as { node: string }).node));
    expect(processedAt).toEqual(new Set(['billing', 'notifications', 'shipping']));
    // Any copy's id leads to the same life.
    expect(lives.get(life.copies[1]!)).toBe(life);
  });

  it('keeps a dropped message with its reason', () => {
    const { sim, lives } = collected('rest-order-chain');
    const dropped: number[] = [];
    sim.on((e) => {
      if (e.type === 'message.dropped') dropped.push(e.msg.id);
    });
    sim.runUntil(60_000);
    expect(dropped.length).toBeGreaterThan(0);
    const life = lives.get(dropped.at(-1)!)!;
    const last = life.steps.find((e) => e.type === 'message.dropped');
    expect(last && 'reason' in last && last.reason).toBeTruthy();
  });

  it('holds at most its bound of messages, forgetting the oldest first, and caps the steps of each', () => {
    const { sim, lives } = collected('mmc', 50, 4);
    sim.runUntil(30_000);
    expect(lives.size).toBe(50);
    expect(lives.get(1)).toBeUndefined();
    const newest = [...Array(2000).keys()].reverse().map((i) => lives.get(i)).find((l) => l && l.more > 0)!;
    expect(newest.steps.length).toBe(4);
    expect(newest.more).toBeGreaterThan(0);
  });

  it("shows a publish's confirm frames (RMQ/confirms): a multiple ack in every message it covers, a nack and the republish in both messages", () => {
    const lives = new MessageLifeCollector();
    // 200/s with confirms into a persistent queue of 5 that refuses the overflow (reject-publish).
    const run = runScenario({
      pattern: 'rabbitmq',
      seed: 5,
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 200, arrivals: 'constant', limit: 60, confirms: {} },
        { id: 'q', kind: 'queue', maxLength: 5, overflow: 'reject-publish', deliveryMode: 'persistent' },
        { id: 'c', kind: 'service', serviceTime: ms(10) },
      ],
      links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
    });
    run.sim.on(lives.listener);
    run.sim.runUntil(10_000);
    const types = (id: number): TraceEvent['type'][] => lives.get(id)!.steps.map((s) => s.type);
    const multi = run.of('confirm.acked').find((a) => a.multiple)!;
    expect(multi.msgIds.length).toBeGreaterThan(1);
    for (const id of multi.msgIds) expect(types(id)).toContain('confirm.acked');
    const nack = run.of('confirm.nacked')[0]!;
    const republish = run.of('confirm.republished').find((r) => r.seq === nack.seq)!;
    expect(types(nack.msgId)).toEqual(expect.arrayContaining(['message.dropped', 'confirm.nacked', 'confirm.republished']));
    expect(types(republish.newMsgId)).toEqual(expect.arrayContaining(['message.published', 'confirm.republished']));
  });
});
