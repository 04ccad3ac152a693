import { distSchema, sampler, type Sampler } from '../../engine/distributions';
import { nodeSchema } from '../../engine/kind';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats } from '../../engine/node';
import type { Rng } from '../../engine/rng';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { Channel } from '../../engine/trace';
import type { z } from 'zod';

const RELEASE = 1;
/** A held message's time is up. */
type DelayTimers = { [RELEASE]: Message };

/** Why a delay node drops a message (the `reason` of its `message.dropped`). */
export const DELAY_OFFLINE = 'delay hop offline';
export const DELAY_NO_ROUTE = 'delay hop has no outgoing link';
export const DELAY_HTTP = 'delay hop does not relay HTTP requests (use link latency)';

/**
 * Scenario fields of a delay node: a hop that holds each message for a drawn time, then
 * forwards it. Models a network segment, a proxy or a batching step that adds latency
 * without doing work (nothing is processed here, so nothing is acked from downstream).
 */
export const delaySchema = nodeSchema('delay', () => ({
  /** How long each message is held, drawn per message: `{ "dist": "constant", "ms": 50 }` for a fixed hop. */
  delay: distSchema.default({ dist: 'constant', ms: 100 }),
}));

/** A delay node's config as parsed from a scenario. */
export type DelayConfig = z.infer<typeof delaySchema>;

/** What a delay node reports. */
export interface DelayStats extends NodeStats {
  /** Messages forwarded downstream so far. */
  forwarded: number;
  /** Messages held right now. */
  held: number;
  /** Messages dropped (offline, no route, HTTP). */
  dropped: number;
}

interface Held {
  msg: Message;
  timer: ScheduledEvent;
}

/**
 * Holds each arriving message for a drawn delay, then forwards it along its outgoing links in
 * turn (round robin; one link is the usual case). It acks upstream when it forwards (it took
 * responsibility for the message, as a store-and-forward hop does), and asks no ack of the
 * next node. Going offline drops what it holds; while offline it drops what arrives.
 */
export class Delay extends SimNode<DelayConfig> {
  forwarded = 0;
  dropped = 0;
  private draw: Sampler;
  private readonly rng: Rng;
  private next = 0;
  private readonly held = new Map<number, Held & { from: SimNode }>();

  constructor(sim: Simulation, config: DelayConfig) {
    super(sim, config);
    this.rng = sim.rng(`node:${config.id}`);
    this.draw = sampler(config.delay, this.rng);
  }

  override receive(msg: Message, from: SimNode, channel: Channel): void {
    if (channel === 'request' || channel === 'webhook' || channel === 'retry') return this.lose(msg, DELAY_HTTP);
    if (!this.online) return this.lose(msg, DELAY_OFFLINE);
    this.sim.received(this, msg, from);
    const timer = this.sim.scheduler.schedule(this.draw(), this, RELEASE, msg);
    this.held.set(msg.id, { msg, timer, from });
    this.setBacklog(this.held.size);
  }

  override handle(ev: Timer<DelayTimers>): void {
    const held = this.held.get(ev.data.id);
    if (!held) return;
    this.held.delete(held.msg.id);
    this.setBacklog(this.held.size);
    const out = this.sim.outgoing(this.id);
    if (out.length === 0) return this.lose(held.msg, DELAY_NO_ROUTE);
    const link = out[this.next++ % out.length]!;
    this.forwarded++;
    if (held.from.acksWanted(this)) this.sim.signal(this, held.from, 'ack', held.msg);
    this.sim.send(link, held.msg, 'forward');
  }

  override acksWanted(): boolean {
    return false;
  }

  protected override onlineChanged(): void {
    if (this.online) return;
    for (const { msg, timer } of this.held.values()) {
      this.sim.scheduler.cancel(timer);
      this.lose(msg, DELAY_OFFLINE);
    }
    this.held.clear();
    this.setBacklog(0);
  }

  override configure(patch: Record<string, unknown>): void {
    super.configure(patch);
    this.draw = sampler(this.config.delay, this.rng);
  }

  private lose(msg: Message, reason: string): void {
    this.dropped++;
    this.sim.drop(this, msg, reason);
  }

  override stats(): DelayStats {
    return { ...super.stats(), forwarded: this.forwarded, held: this.held.size, dropped: this.dropped };
  }
}
