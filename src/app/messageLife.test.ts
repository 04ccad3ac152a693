import { describe, expect, it } from 'vitest';
import { builtin } from '../scenarios';
import { Simulation } from '../sim/engine/simulation';
import { MessageLifeCollector } from './messageLife';
import { CATALOG } from '../sim/catalog';

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
});
