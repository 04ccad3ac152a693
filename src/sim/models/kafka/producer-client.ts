import { Fifo } from '../../engine/fifo';
import { z } from 'zod';
import type { Link } from '../../engine/link';
import { LIMITS } from '../../engine/limits';
import type { Message } from '../../engine/message';
import type { SimNode } from '../../engine/node';
import type { Rng } from '../../engine/rng';
import type { EventTarget } from '../../engine/scheduler';
import type { Timer } from '../../engine/timers';
import type { Topic } from './kafka';
import { lazySchema } from '../../engine/lazySchema';

const RETRY = 1;
const EXPIRE = 2;
const CUT_EXPIRE = 3;
/** A failed produce request's retry backoff ended; the oldest waiting record's delivery timeout is due; a record kept behind a cut link is due. */
type ProducerClientTimers = { [RETRY]: Held; [EXPIRE]: undefined; [CUT_EXPIRE]: Held };

/**
 * The producer configs of the clients that write to a topic (Kafka's producer side, modelled at
 * the topic because microsim's producers are not Kafka-specific). Defaults since Kafka 3.0
 * (K: ProducerConfig.java, SEMANTICS §2 and §8).
 */
export const producerShape = lazySchema(() => ({
  /**
   * `delivery.timeout.ms`=120000: how long a record may wait for the broker's ack, retries
   * included (`retries`=2147483647, so time, not a count, ends them). An outage shorter than
   * this loses nothing; a longer one fails the record in the producer's callback.
   */
  deliveryTimeoutMs: z.number().positive().max(LIMITS.ms).default(120_000),
  /** `retry.backoff.ms`=100: the wait before a failed produce request is sent again. */
  retryBackoffMs: z.number().nonnegative().max(LIMITS.ms).default(100),
  /**
   * `enable.idempotence`=true (since 3.0): the broker checks a sequence number per producer and
   * partition, so a retried batch keeps its place and later batches wait for it.
   */
  idempotence: z.boolean().default(true),
  /**
   * `max.in.flight.requests.per.connection`=5. ProducerConfig's own warning: retries with
   * idempotence off and more than 1 request in flight "will potentially change the ordering of
   * records" (the second batch succeeds while the first is retried). Idempotence allows at most 5.
   */
  maxInFlight: z.number().int().min(1).max(LIMITS.slots).default(5),
  /**
   * Not a Kafka setting: the share of produce requests the leader answers with a retriable error
   * (NOT_ENOUGH_REPLICAS, a request timeout), so retries can be seen. 0 by default.
   */
  produceErrorRate: z.number().min(0).max(1).default(0),
}));

/** The producer settings, as parsed. */
export interface ProducerSettings {
  deliveryTimeoutMs: number;
  retryBackoffMs: number;
  idempotence: boolean;
  maxInFlight: number;
  produceErrorRate: number;
}

interface Held {
  msg: Message;
  link: Link;
}

/** A failed request being retried, and the same partition's later records held behind it (ordered retries). */
interface Blocked {
  retrying: Message;
  behind: Held[];
}

/**
 * The Kafka producer client of every producer writing to one topic: records sent while the
 * topic is down, or while the producer's link to it is cut, wait at their producer and are sent
 * again when it is back, in order, unless `delivery.timeout.ms` runs out first (then they fail
 * at that moment); a retriable error is retried after `retry.backoff.ms`,
 * in order with idempotence (or one request in flight), possibly out of order without.
 * Records waiting here are still in transit: sent, not yet acknowledged.
 */
export class ProducerClient implements EventTarget {
  /** Records sent while the topic was offline, in arrival order, waiting for it at their producers. */
  private readonly waiting = new Fifo<Held>();
  /** Per producer and partition (laneKey): a retry in backoff, with records held behind it. */
  private readonly blocked = new Map<number, Blocked>();
  private expiryArmed = false;
  /** Records the producers sent again (after an error or an outage). */
  retries = 0;
  /** Records failed with delivery.timeout.ms. */
  expired = 0;
  /** Records that reached the log after a record published later by the same producer, in the same partition. */
  reordered = 0;
  /** Records waiting out retry.backoff.ms. */
  private inBackoff = 0;
  /** Records held behind a retry of their partition. */
  private heldBehind = 0;
  /** Per producer link that is cut: the records kept at the producer until it heals, in send order. */
  private readonly cut = new Map<Link, Set<Message>>();
  /** Records kept behind cut links. */
  private keptWhileCut = 0;
  /**
   * Per producer (by its index in the run) and partition: the highest publication id appended, to
   * count reordering. Arrays, not a Map keyed by a "producer/partition" string built per record.
   */
  private readonly lastAppended: number[][] = [];

  constructor(
    private readonly topic: Topic,
    private readonly rng: Rng,
  ) {}

  private get settings(): ProducerSettings {
    return this.topic.config;
  }

  /** Records waiting at producers for this topic: for an outage, a backoff, or a retry ahead of them. */
  get pending(): number {
    return this.waiting.length + this.inBackoff + this.heldBehind + this.keptWhileCut;
  }

  /**
   * A producer sends `msg` over `link` while the link is cut: the client keeps it (its
   * accumulator) and retries when the link heals. `delivery.timeout.ms` is the client's own
   * timer, from the send (KIP-91): a record still kept then fails at that moment, with the
   * reason, however long the partition lasts after it.
   */
  keepWhileCut(msg: Message, link: Link): void {
    let kept = this.cut.get(link);
    if (!kept) {
      kept = new Set();
      this.cut.set(link, kept);
      link.hold(() => this.linkHealed(link));
    }
    kept.add(msg);
    this.keptWhileCut++;
    const due = msg.publishedAt + this.settings.deliveryTimeoutMs - this.topic.sim.now;
    this.topic.sim.scheduler.schedule(Math.max(0, due), this, CUT_EXPIRE, { msg, link } satisfies Held);
  }

  /** `link` healed: what the client kept for it is sent now, in the order it was sent first. */
  private linkHealed(link: Link): void {
    const kept = this.cut.get(link);
    if (!kept) return;
    this.cut.delete(link);
    this.keptWhileCut -= kept.size;
    for (const msg of kept) {
      this.retries++;
      this.topic.sim.send(link, msg, 'publish', true);
    }
  }

  /** A record `from` sent reached the topic while it is down: it waits at its producer. Returns false if `from` has no link here (it is lost). */
  hold(msg: Message, from: SimNode): boolean {
    const link = this.topic.sim.link(from.id, this.topic.id);
    if (!link) return false;
    this.wait({ msg, link });
    return true;
  }

  /**
   * A record `from` sent arrives at the topic, which is up. Returns true if the topic appends it
   * now to partition `p` (then it appends `released()` after it); false if the client keeps it
   * (the request failed, or an earlier record of the same partition is being retried and the
   * order must hold).
   */
  accept(msg: Message, from: SimNode, p: number): boolean {
    // The common case, decided without a lookup: no retry to wait behind, and no request fails.
    if (this.blocked.size === 0 && this.settings.produceErrorRate === 0) return true;
    const link = this.topic.sim.link(from.id, this.topic.id);
    if (!link) return true;
    const key = laneKey(from, p);
    const block = this.blocked.get(key);
    if (block && block.retrying !== msg) {
      // Idempotence: the broker refuses a sequence number past the one it waits for (OutOfOrderSequence),
      // so this record goes again after the retried one; with one request in flight it was not sent yet.
      block.behind.push({ msg, link });
      this.heldBehind++;
      return false;
    }
    if (this.settings.produceErrorRate > 0 && this.rng.next() < this.settings.produceErrorRate) {
      const ordered = this.settings.idempotence || this.settings.maxInFlight === 1;
      if (ordered && !block) this.blocked.set(key, { retrying: msg, behind: [] });
      this.inBackoff++;
      this.topic.sim.scheduler.schedule(this.settings.retryBackoffMs, this, RETRY, { msg, link } satisfies Held);
      return false;
    }
    if (block) {
      this.blocked.delete(key);
      this.release = block.behind;
    }
    return true;
  }

  /** Records held behind a retry that just succeeded, for the topic to append after it. */
  private release: Held[] = [];

  /** Takes the records the last successful retry released, in order (once). */
  released(): Message[] {
    if (this.release.length === 0) return NONE;
    const out = this.release.map((h) => h.msg);
    this.heldBehind -= out.length;
    this.release = [];
    return out;
  }

  /** The topic appended `msg` from `producer` to partition `p`: counts it if a later record of the same producer got there first. */
  appended(msg: Message, producer: SimNode, p: number): void {
    const last = (this.lastAppended[producer.index] ??= []);
    if (msg.root < (last[p] ?? -1)) this.reordered++;
    else last[p] = msg.root;
  }

  /**
   * A record that reaches the topic after its `delivery.timeout.ms` (held by a network partition,
   * or retransmitted over a lossy link, for that long): the producer gave up on it meanwhile, so
   * it fails, with the reason, instead of being appended. Returns true if it did.
   */
  timedOut(msg: Message, from: SimNode): boolean {
    const limit = this.settings.deliveryTimeoutMs;
    if (this.topic.sim.now - msg.publishedAt < limit) return false;
    this.expired++;
    this.topic.sim.drop(from, msg, `delivery.timeout.ms (${limit} ms) ran out while the network to ${this.topic.id} was cut: the producer gave up`);
    return true;
  }

  private wait(h: Held): void {
    this.waiting.push(h);
    if (!this.expiryArmed) this.armExpiry();
  }

  private armExpiry(): void {
    const front = this.waiting.peekFront();
    if (!front) return;
    this.expiryArmed = true;
    const at = front.msg.publishedAt + this.settings.deliveryTimeoutMs;
    this.topic.sim.scheduler.schedule(Math.max(0, at - this.topic.sim.now), this, EXPIRE);
  }

  /** The topic is back: every waiting record is sent again, in the order it was first sent. */
  topicBack(): void {
    const all = this.waiting.toArray();
    this.waiting.clear();
    for (const h of all) this.resend(h);
  }

  private resend(h: Held): void {
    if (this.expire(h)) return;
    if (h.link.partitioned) {
      // The topic is back but the producer's link is cut: the client keeps it until the link heals.
      this.keepWhileCut(h.msg, h.link);
      return;
    }
    this.retries++;
    // 'publish', not 'retry': a retry channel is an HTTP retry, which a broker would answer with a 202.
    this.topic.sim.send(h.link, h.msg, 'publish');
  }

  /** Fails `h` if its delivery timeout has run out. */
  private expire(h: Held): boolean {
    const limit = this.settings.deliveryTimeoutMs;
    if (this.topic.sim.now - h.msg.publishedAt < limit) return false;
    this.expired++;
    this.topic.sim.drop(h.link.from, h.msg, `delivery.timeout.ms (${limit} ms) ran out while ${this.topic.id} was unavailable: the producer gave up`);
    return true;
  }

  handle(ev: Timer<ProducerClientTimers>): void {
    if (ev.type === CUT_EXPIRE) {
      // Still kept (the link has not healed): its delivery timeout ran out now.
      const { msg, link } = ev.data;
      if (!this.cut.get(link)?.delete(msg)) return;
      this.keptWhileCut--;
      this.expired++;
      const limit = this.settings.deliveryTimeoutMs;
      this.topic.sim.drop(link.from, msg, `delivery.timeout.ms (${limit} ms) ran out while the network to ${this.topic.id} was cut: the producer gave up`);
      return;
    }
    if (ev.type === EXPIRE) {
      this.expiryArmed = false;
      while (this.waiting.length > 0 && this.expire(this.waiting.peekFront()!)) this.waiting.shift();
      this.armExpiry();
      return;
    }
    this.inBackoff--;
    this.resend(ev.data);
  }
}

const NONE: Message[] = [];

/** One number per producer and partition (partitions are fewer than LIMITS.partitions), not a string built per record. */
function laneKey(producer: SimNode, p: number): number {
  return producer.index * LIMITS.partitions + p;
}
