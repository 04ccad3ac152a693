import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import type { Link } from '../../engine/link';
import type { LinkConfig } from '../../engine/scenario';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import type { Channel } from '../../engine/trace';
import type { QueueTrace } from './queue';
import { addTargets, settleConfirm } from '../core/confirms';

/** Trace events of the RabbitMQ model: the exchange's own and the queue's. */
export type ExchangeTrace =
  | { type: 'exchange.unroutable'; t: number; node: string; msgId: number; routingKey: string; alternate?: string; returnedTo?: string }
  | QueueTrace;

/** The link fields of a binding (declared as the exchange kind's `linkFields`). */
type BindingConfig = LinkConfig & { bindingKey?: string };

/** Scenario fields of an exchange. Its links to queues (or exchanges) are its bindings, each with a `bindingKey`. */
export const exchangeSchema = nodeSchema('exchange', () => ({
  /** direct: the key equals the binding key. fanout: every binding, key ignored. topic: `*` one word, `#` zero or more (RMQ/exchanges). */
  type: z.enum(['direct', 'fanout', 'topic']).default('direct'),
  /**
   * Where a message's routing key comes from: its event type (e.g. `order.eu.created`) or its
   * key. A dead letter whose queue sets `deadLetterRoutingKey` carries that key instead.
   */
  routingKeyFrom: z.enum(['type', 'key']).default('type'),
  /** `alternate-exchange`: the id of an exchange this one links to, which gets what no binding matches (RMQ/ae). */
  alternateExchange: z.string().optional(),
  /**
   * The `mandatory` flag its publishers set. false (the default): an unroutable message vanishes
   * silently. true: the broker returns it to its publisher (`basic.return`, NO_ROUTE), which
   * learns that it was not delivered (RMQ/publishers). An alternate exchange takes it first.
   */
  mandatory: z.boolean().default(false),
}));

/** An exchange's config as parsed from a scenario. */
export type ExchangeConfig = z.infer<typeof exchangeSchema>;

interface Binding {
  readonly link: Link;
  readonly key: string;
  readonly words: readonly string[];
  routed: number;
}

/** Exchanges hand a message on synchronously over zero-latency links; a binding cycle would never end. */
const MAX_HOPS = 16;
/** Distinct routing keys remembered; past it the route cache starts again. */
const ROUTE_CACHE = 4096;

/**
 * A RabbitMQ exchange (SEMANTICS §1). It holds nothing: each message that arrives is routed at
 * once to every binding that matches its routing key, the first match getting the message and
 * each other one a copy (`sim.copy`). Nothing matching (with `mandatory=false`, the default) it
 * goes to the alternate exchange if there is one, else it is dropped as `unroutable`: published,
 * then vanished (RMQ/publishers). A binding with no `bindingKey` has the empty key, which only the
 * empty routing key matches, as in RabbitMQ. The default exchange needs no node: a producer linked
 * straight to a queue publishes to it through the default exchange, which binds every queue by
 * its name (RMQ/exchanges).
 */
export class Exchange extends SimNode<ExchangeConfig> {
  private bindings: Binding[] = [];
  private alternate: Link | undefined;
  /** Routing key → matching bindings; routing keys are few (event types, keys), so this is nearly always a hit. */
  private readonly routes = new Map<string, Binding[]>();
  private depth = 0;
  private routed = 0;
  private unroutable = 0;
  private toAlternate = 0;
  /** Unroutable messages returned to their publisher (mandatory). */
  private returned = 0;
  private copies = 0;
  private dropped = 0;

  constructor(sim: Simulation, config: ExchangeConfig) {
    super(sim, config);
  }

  override start(): void {
    this.wire();
  }

  private wire(): void {
    this.routes.clear();
    this.alternate = undefined;
    this.bindings = [];
    for (const link of this.sim.outgoing(this.id)) {
      if (link.to.id === this.config.alternateExchange) {
        this.alternate = link;
        continue;
      }
      const key = (link.config as BindingConfig).bindingKey ?? '';
      this.bindings.push({ link, key, words: words(key), routed: 0 });
    }
  }

  override receive(msg: Message, from: SimNode, channel: Channel): void {
    if (!this.online) {
      settleConfirm(msg, false, this.id, 0, 'exchange offline');
      this.drop(msg, 'exchange offline');
      return;
    }
    if (this.depth >= MAX_HOPS) {
      settleConfirm(msg, false, this.id, 0, 'routing loop');
      this.drop(msg, 'routing loop');
      return;
    }
    const key = this.routingKey(msg);
    const targets = this.route(key);
    this.depth++;
    try {
      if (targets.length === 0) {
        this.unroutableMsg(msg, key, channel, from);
        return;
      }
      this.routed++;
      // A publisher using confirms waits for every queue this reaches (RMQ/confirms).
      addTargets(msg, targets.length);
      // Copies first, each sent before the next is made, then the original: a zero-latency
      // hop may change the message it carries, and copies must start from the original.
      for (let i = 1; i < targets.length; i++) {
        const b = targets[i]!;
        b.routed++;
        this.copies++;
        this.sim.send(b.link, this.sim.copy(this, msg), channel);
      }
      targets[0]!.routed++;
      this.sim.send(targets[0]!.link, msg, channel);
    } finally {
      this.depth--;
    }
  }

  private routingKey(msg: Message): string {
    const rk = msg.meta?.routingKey;
    if (typeof rk === 'string') return rk;
    return this.config.routingKeyFrom === 'key' ? (msg.key ?? '') : msg.type;
  }

  /** The bindings `key` matches, from the cache. */
  private route(key: string): Binding[] {
    return this.routes.get(key) ?? this.match(key);
  }

  /** The bindings `key` matches, cached (apart from route: its closure over `key` would cost a context on every hit). */
  private match(key: string): Binding[] {
    const type = this.config.type;
    const keyWords = type === 'topic' ? words(key) : [];
    const found = this.bindings.filter((b) => {
      if (type === 'fanout') return true;
      if (type === 'direct') return b.key === key;
      return topicWordsMatch(b.words, 0, keyWords, 0);
    });
    if (this.routes.size >= ROUTE_CACHE) this.routes.clear();
    this.routes.set(key, found);
    return found;
  }

  private unroutableMsg(msg: Message, key: string, channel: Channel, from: SimNode): void {
    this.unroutable++;
    const alt = this.alternate;
    // basic.return goes to the publisher that set mandatory; an exchange forwarding it is not one.
    const returnTo = !alt && this.config.mandatory && channel === 'publish' && from.kind !== 'exchange' ? from : undefined;
    this.sim.emit({
      type: 'exchange.unroutable', t: this.sim.now, node: this.id, msgId: msg.id, routingKey: key, alternate: alt?.to.id,
      ...(returnTo ? { returnedTo: returnTo.id } : {}),
    });
    if (returnTo) {
      this.returned++;
      // basic.return first, then basic.ack: an unroutable message is confirmed at once (RMQ/confirms).
      settleConfirm(msg, true, this.id);
      this.sim.drop(returnTo, msg, `returned by ${this.id} (basic.return, NO_ROUTE): no binding matches “${key}”`);
    } else if (alt) {
      this.toAlternate++;
      this.sim.send(alt, msg, channel);
    } else {
      settleConfirm(msg, true, this.id);
      this.drop(msg, 'unroutable');
    }
  }

  private drop(msg: Message, reason: string): void {
    this.dropped++;
    this.sim.drop(this, msg, reason);
  }

  override configure(patch: Record<string, unknown>): void {
    super.configure(patch);
    this.wire();
  }

  override stats(): NodeStats {
    const routedTo: Record<string, number> = {};
    for (const b of this.bindings) routedTo[b.link.to.id] = b.routed;
    return {
      ...super.stats(),
      routed: this.routed,
      unroutable: this.unroutable,
      toAlternate: this.toAlternate,
      returned: this.returned,
      copies: this.copies,
      dropped: this.dropped,
      routedTo,
    };
  }
}

/** The words of a routing key or binding pattern; the empty key has none. */
function words(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/** Whether a topic binding pattern matches a routing key: `.`-separated words, `*` exactly one, `#` zero or more (RMQ/exchanges). */
export function topicMatches(pattern: string, routingKey: string): boolean {
  return topicWordsMatch(words(pattern), 0, words(routingKey), 0);
}

function topicWordsMatch(p: readonly string[], pi: number, k: readonly string[], ki: number): boolean {
  while (pi < p.length) {
    const w = p[pi]!;
    if (w === '#') {
      while (pi + 1 < p.length && p[pi + 1] === '#') pi++;
      if (pi === p.length - 1) return true;
      for (let j = ki; j <= k.length; j++) if (topicWordsMatch(p, pi + 1, k, j)) return true;
      return false;
    }
    if (ki >= k.length || (w !== '*' && w !== k[ki])) return false;
    pi++;
    ki++;
  }
  return ki === k.length;
}
