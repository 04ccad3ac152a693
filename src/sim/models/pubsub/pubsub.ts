import type { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import type { Link } from '../../engine/link';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import type { Channel } from '../../engine/trace';
import { Subscription } from './subscription';

export { Subscription, SUBSCRIBER_OFFLINE, SUBSCRIPTION_DELETED, SUPERSEDED, type SubscriptionConfig } from './subscription';

/** Why a topic lost a message: no subscription existed when it was published (GPS). */
export const NO_SUBSCRIPTION = 'no subscription';

/** Trace events of the publish/subscribe model. */
export type PubSubTrace =
  /** A subscription was created on its topic; it gets what is published from now on. */
  | { type: 'pubsub.subscribed'; t: number; node: string }
  /** A subscription was deleted; `discarded` messages of its backlog were dropped with it. */
  | { type: 'pubsub.unsubscribed'; t: number; node: string; discarded: number }
  /** Copy `msgId`, delivered to `consumer`, was not acked in time; it is redelivered or dead-lettered. */
  | { type: 'pubsub.ack_deadline_expired'; t: number; node: string; msgId: number; consumer: string; attempts: number }
  /** An ack came after its deadline; `duplicate` when another copy of the message had been acked already. */
  | { type: 'pubsub.late_ack'; t: number; node: string; msgId: number; consumer: string; duplicate: boolean }
  /** The subscriber's client library extended the ack deadline of a message it is still processing, to `untilT`. */
  | { type: 'pubsub.deadline_extended'; t: number; node: string; msgId: number; consumer: string; untilT: number };

/** Scenario fields of a topic: none beyond the base ones; its subscriptions are the nodes it links to. */
export const topicSchema = nodeSchema('pubsub-topic', {});

/** A topic's config as parsed from a scenario. */
export type TopicConfig = z.infer<typeof topicSchema>;

/**
 * A publish/subscribe topic (an event bus channel). Each message published to it is copied
 * to every subscription that exists at that moment; a subscription created later gets only
 * what is published after. With no subscription the message is lost: Google Pub/Sub keeps
 * nothing for a topic nobody subscribes to (GPS), and neither do Redis or NATS core.
 * Links to nodes that are not subscriptions are ignored. Offline, it accepts nothing.
 *
 * Commands: "subscribe" / "unsubscribe" with `{ subscription: id }` create and delete one
 * of its subscriptions (the subscription node takes the same commands without arguments).
 */
export class Topic extends SimNode<TopicConfig> {
  /** Messages published to it. */
  published = 0;
  /** Copies handed to subscriptions, the original included. */
  fannedOut = 0;
  droppedNoSubscription = 0;
  droppedOffline = 0;
  private subs: Subscription[] = [];
  private subLinks: Link[] = [];

  constructor(sim: Simulation, config: TopicConfig) {
    super(sim, config);
  }

  override start(): void {
    for (const link of this.sim.outgoing(this.id)) {
      if (link.to instanceof Subscription) {
        this.subs.push(link.to);
        this.subLinks.push(link);
      }
    }
  }

  override receive(msg: Message, _from: SimNode, _channel: Channel): void {
    if (!this.online) {
      this.droppedOffline++;
      this.sim.drop(this, msg, 'topic unavailable');
      return;
    }
    this.published++;
    const subs = this.subs;
    let last = -1;
    for (let i = 0; i < subs.length; i++) if (subs[i]!.attached) last = i;
    if (last < 0) {
      this.droppedNoSubscription++;
      this.sim.drop(this, msg, NO_SUBSCRIPTION);
      return;
    }
    // Copies first, the original last, so every copy is made from the message as published.
    for (let i = 0; i <= last; i++) {
      if (!subs[i]!.attached) continue;
      this.fannedOut++;
      this.sim.send(this.subLinks[i]!, i === last ? msg : this.sim.copy(this, msg), 'forward');
    }
  }

  /** How many subscriptions exist on it now. */
  subscriptionCount(): number {
    let n = 0;
    for (const s of this.subs) if (s.attached) n++;
    return n;
  }

  override command(name: string, args: Record<string, unknown>): void {
    if (name !== 'subscribe' && name !== 'unsubscribe') return;
    const sub = this.subs.find((s) => s.id === args.subscription);
    if (!sub) return;
    if (name === 'subscribe') sub.attach();
    else sub.detach();
  }

  override stats(): NodeStats {
    return {
      kind: this.kind, online: this.online, published: this.published, fannedOut: this.fannedOut,
      droppedNoSubscription: this.droppedNoSubscription, droppedOffline: this.droppedOffline,
      subscriptions: this.subscriptionCount(),
    };
  }
}
