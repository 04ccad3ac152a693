import Denque from 'denque';
import { z } from 'zod';
import { defineKind, nodeSchema } from '../kind';
import type { Message } from '../message';
import { SimNode, type NodeStats } from '../node';
import type { Simulation } from '../simulation';
import type { SignalKind } from '../trace';

/** Scenario fields of a queue: a FIFO buffer between producers and competing consumers. */
export const queueSchema = nodeSchema(
  'queue',
  {
    /**
     * Unacked deliveries each consumer may hold. RabbitMQ's own default is 0 (unlimited,
     * RMQ/confirms); microsim defaults to 1, the most conservative value the docs name, so
     * a backlog stays visible in the queue rather than in the consumers' buffers.
     */
    prefetch: z.number().int().nonnegative().default(1),
    /** Manual ack (the consumer acks after processing) or auto-ack (done once sent: RMQ/confirms). */
    ack: z.enum(['manual', 'auto']).default('manual'),
  },
);

/** A queue's config as parsed from a scenario. */
export type QueueConfig = z.infer<typeof queueSchema>;

/**
 * A FIFO queue with competing consumers: each message goes to one consumer, round-robin
 * among those online with room under their prefetch (RMQ/consumer-priority). With manual ack a
 * consumer that goes away holding messages gets them requeued at the head, marked
 * redelivered; with auto-ack they are lost.
 */
export class Queue<C extends QueueConfig = QueueConfig> extends SimNode<C> {
  protected readonly ready = new Denque<Message>();
  /** Unacked deliveries per consumer id. */
  protected readonly unacked = new Map<string, number>();
  private cursor = 0;
  private dispatching = false;

  constructor(sim: Simulation, config: C) {
    super(sim, config);
  }

  protected override isBroker(): boolean {
    return true;
  }

  override receive(msg: Message): void {
    this.ready.push(msg);
    this.setBacklog(this.ready.length);
    this.sim.enqueue(this, msg, this.ready.length);
    this.dispatch();
  }

  override acksWanted(): boolean {
    return this.config.ack === 'manual';
  }

  /** Hands ready messages to consumers with room, round-robin. Re-entrant calls are ignored. */
  protected dispatch(): void {
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      const links = this.sim.outgoing(this.id);
      const n = links.length;
      while (this.ready.length > 0 && n > 0) {
        let chosen = -1;
        for (let i = 0; i < n; i++) {
          const k = (this.cursor + i) % n;
          if (this.hasRoom(links[k]!.to)) {
            chosen = k;
            break;
          }
        }
        if (chosen < 0) break;
        this.cursor = (chosen + 1) % n;
        const link = links[chosen]!;
        const msg = this.ready.shift()!;
        this.setBacklog(this.ready.length);
        if (this.config.ack === 'manual') this.unacked.set(link.to.id, (this.unacked.get(link.to.id) ?? 0) + 1);
        this.sim.deliver(link, msg);
      }
    } finally {
      this.dispatching = false;
    }
  }

  private hasRoom(consumer: SimNode): boolean {
    if (!consumer.online) return false;
    // Auto-ack ignores prefetch: the broker pushes as fast as it can (RMQ/confirms).
    if (this.config.ack === 'auto') return true;
    const prefetch = this.config.prefetch;
    return prefetch === 0 || (this.unacked.get(consumer.id) ?? 0) < prefetch;
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode): void {
    if (!msg) return;
    if (kind === 'ack') {
      this.settle(from);
    } else if (kind === 'nack') {
      this.settle(from);
      this.requeue(msg, 'nack');
    }
    this.dispatch();
  }

  override onConsumerLost(msg: Message, consumer: SimNode): void {
    if (this.config.ack === 'auto') {
      this.sim.drop(this, msg, 'auto-ack: consumer went offline holding it');
      return;
    }
    this.settle(consumer);
    this.requeue(msg, `consumer ${consumer.id} went offline`);
    this.dispatch();
  }

  /** Puts a message back at the head of the queue, marked redelivered. */
  protected requeue(msg: Message, reason: string): void {
    msg.redelivered = true;
    this.ready.unshift(msg);
    this.setBacklog(this.ready.length);
    this.sim.requeue(this, msg, reason);
  }

  private settle(consumer: SimNode): void {
    const n = this.unacked.get(consumer.id) ?? 0;
    if (n > 0) this.unacked.set(consumer.id, n - 1);
  }

  override wake(): void {
    this.dispatch();
  }

  override stats(): NodeStats {
    let unacked = 0;
    for (const n of this.unacked.values()) unacked += n;
    return { ...super.stats(), ready: this.ready.length, unacked };
  }
}

/** The `queue` node kind. */
export const queueKind = defineKind(queueSchema, (sim, config) => new Queue(sim, config));
