import { Fifo } from '../../engine/fifo';
import type { Message } from '../../engine/message';

/** A delivery the broker waits to hear about: acked, nacked, or its deadline passes. */
export interface Lease {
  msg: Message;
  /** Index of the subscriber it went to. */
  consumer: number;
  expiresAt: number;
  /** Acked, nacked, expired or discarded: nothing more to do. */
  settled: boolean;
  /** The subscriber went away holding it: the copy is back at the broker until the deadline passes. */
  returned: boolean;
  /** When it was delivered: a client library extends its deadline for at most so long from here. */
  since: number;
  /** The subscription's leases it belongs to (a message's `held` is checked against it). */
  owner: AckLeases;
}

/**
 * The deliveries a durable subscription waits on, in delivery order, with their ack deadlines
 * (one deadline for all, so the oldest expires first). A lease is found by message in O(1),
 * settled leases leave the head as soon as they get there, and leases are recycled, so a
 * steady stream of deliveries allocates nothing. A lease is found from its message's `held`
 * field: a Map keyed by message id, set and deleted once per delivery, reallocated its table.
 */
export class AckLeases {
  private readonly fifo = new Fifo<Lease>();
  private readonly pool: Lease[] = [];
  /** Leases not settled yet: delivered (or returned) and not acked, nacked or expired. */
  unsettled = 0;
  /** Per subscriber: unsettled leases it still holds (returned ones no longer count). */
  readonly outstanding: number[];

  constructor(consumers: number) {
    this.outstanding = new Array<number>(consumers).fill(0);
  }

  /** Starts waiting for an ack of `msg`, delivered to subscriber `consumer`. */
  open(msg: Message, consumer: number, expiresAt: number, since: number): void {
    const l = this.pool.pop() ?? { msg, consumer, expiresAt, settled: false, returned: false, since, owner: this };
    l.since = since;
    l.msg = msg;
    l.consumer = consumer;
    l.expiresAt = expiresAt;
    l.settled = false;
    l.returned = false;
    this.fifo.push(l);
    msg.held = l;
    this.outstanding[consumer]!++;
    this.unsettled++;
  }

  /** The lease of `msg` while its subscriber still holds it; undefined once settled or returned. */
  of(msg: Message): Lease | undefined {
    const l = msg.held as Lease | undefined;
    return l !== undefined && l.owner === this && l.msg === msg ? l : undefined;
  }

  /** The subscriber went away holding it: its slot is free, and the lease waits for its deadline. */
  release(l: Lease): void {
    l.returned = true;
    this.forget(l);
    this.outstanding[l.consumer]!--;
  }

  /** Stops waiting for this delivery (acked or nacked). */
  settle(l: Lease): void {
    this.close(l);
    // Acks come back roughly in delivery order: recycle settled leases at the head now, so the
    // FIFO holds little more than what is outstanding.
    const fifo = this.fifo;
    while (fifo.length > 0 && fifo.peekFront()!.settled) this.pool.push(fifo.shift()!);
  }

  /**
   * Removes and settles the oldest lease whose deadline is at or before `now`, and returns it;
   * undefined when none is due. Give it back with `recycle` once done with it.
   */
  takeDue(now: number): Lease | undefined {
    const fifo = this.fifo;
    while (fifo.length > 0 && fifo.peekFront()!.settled) this.pool.push(fifo.shift()!);
    const head = fifo.peekFront();
    if (!head || head.expiresAt > now) return undefined;
    fifo.shift();
    this.close(head);
    return head;
  }

  /** Returns a lease taken with `takeDue` for reuse. */
  recycle(l: Lease): void {
    this.pool.push(l);
  }

  /** The oldest lease not settled, if any. */
  oldest(): Lease | undefined {
    const fifo = this.fifo;
    while (fifo.length > 0 && fifo.peekFront()!.settled) this.pool.push(fifo.shift()!);
    return fifo.peekFront();
  }

  /** Forgets every lease; calls `returned` with each copy that was back at the broker. */
  clear(returned: (msg: Message) => void): void {
    while (this.fifo.length > 0) {
      const l = this.fifo.shift()!;
      if (!l.settled) {
        l.settled = true;
        if (l.returned) returned(l.msg);
      }
      this.forget(l);
      this.pool.push(l);
    }
    this.unsettled = 0;
    this.outstanding.fill(0);
  }

  private close(l: Lease): void {
    l.settled = true;
    this.forget(l);
    if (!l.returned) this.outstanding[l.consumer]!--;
    this.unsettled--;
  }

  /** Its message no longer points here (as a delete from a map by message would). */
  private forget(l: Lease): void {
    if (l.msg.held !== undefined && (l.msg.held as Lease).owner === this) l.msg.held = undefined;
  }
}
