import type { Message } from '../../engine/message';
import type { NodeStats } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import { Service, type Job } from '../core/service';
import type { ChoreographyParticipantConfig, Reaction } from './schema';

/** What one reaction has done so far, as the card shows it. */
export interface ReactionView {
  on: string;
  emit: string | undefined;
  rejectWith: string | undefined;
  /** Events of type `on` handled (duplicates included: each is handled again). */
  handled: number;
  /** Of those, refused for a business reason (`rejectWith` published). */
  refused: number;
}

/** A choreography participant's figures: a service's, its reactions', and the events it had no reaction for. */
export type ChoreographyStats = NodeStats & { handled: number; published: number; refused: number; ignored: number; reactions: ReactionView[] };

/**
 * A service in a choreographed saga (SEMANTICS §6; Richardson, Microservices Patterns 2e ch. 10):
 * it consumes events like any consumer (acked once handled) and, for each, publishes the next
 * event of the saga to every broker it links to: `emit` when its local step succeeds, `rejectWith`
 * when it refuses for a business reason. Nobody holds the whole flow: each participant knows
 * only the events it reacts to, which is why a choreography is simple with few steps and hard to
 * follow as they grow. A redelivered event is handled again and publishes again: an event-driven
 * participant must be idempotent, or its reaction happens twice.
 */
export class ChoreographyParticipant extends Service<ChoreographyParticipantConfig> {
  private views: ReactionView[] = [];
  /** Each event type's reaction and its figures (the first reaction to a type: the check refuses two). */
  private byEvent = new Map<string, { reaction: Reaction; view: ReactionView }>();
  private published = 0;
  private ignored = 0;

  constructor(sim: Simulation, config: ChoreographyParticipantConfig) {
    super(sim, config);
    this.learn();
  }

  /** A settings change may change the reactions: each keeps its figures while it reacts to the same event. */
  override configure(patch: Record<string, unknown>): void {
    super.configure(patch);
    this.learn();
  }

  /** Reads the reactions from the config, keeping the figures of those still there. */
  private learn(): void {
    const before = this.byEvent;
    this.byEvent = new Map();
    for (const reaction of this.config.reactions) {
      if (this.byEvent.has(reaction.on)) continue;
      const kept = before.get(reaction.on)?.view;
      const view = { on: reaction.on, emit: reaction.emit, rejectWith: reaction.rejectWith, handled: kept?.handled ?? 0, refused: kept?.refused ?? 0 };
      this.byEvent.set(reaction.on, { reaction, view });
    }
    this.views = [...this.byEvent.values()].map((e) => e.view);
  }

  protected override complete(job: Job): void {
    super.complete(job);
    // A copy its source already gave up on (dropped) was handled outside the ledger: it starts nothing.
    if (job.msg.state === 'dropped') return;
    this.react(job.msg);
  }

  /** Handles `msg` by the reaction for its type: publishes what it says, or nothing. */
  private react(msg: Message): void {
    const entry = this.byEvent.get(msg.type);
    if (!entry) {
      this.ignored++;
      return;
    }
    const { reaction, view } = entry;
    view.handled++;
    const refused = reaction.rejectProbability > 0 && this.rng.next() < reaction.rejectProbability;
    if (refused) view.refused++;
    const emitted = refused ? reaction.rejectWith : reaction.emit;
    const links = this.sim.outgoing(this.id);
    // With no link out the event has nowhere to go: the trace says so, and nothing is published.
    const out = emitted === undefined || links.length === 0 ? undefined : this.sim.publish(this, emitted, msg.key, { cause: msg.id, order: orderOf(msg) });
    this.sim.emit({ type: 'saga.reacted', t: this.sim.now, node: this.id, msg, on: msg.type, refused, emitted, emittedId: out?.id });
    if (!out) return;
    this.published++;
    links.forEach((link, i) => {
      // Every broker it links to gets the event: the first link takes the message published,
      // each other one a copy. Kafka's producer client retries within delivery.timeout.ms, so
      // a record crosses a cut link late rather than lost (as a producer's does).
      this.sim.send(link, i === 0 ? out : this.sim.copy(this, out), 'publish', link.to.kind === 'topic');
    });
  }

  override stats(): ChoreographyStats {
    let handled = 0;
    let refused = 0;
    for (const v of this.views) {
      handled += v.handled;
      refused += v.refused;
    }
    return { ...super.stats(), handled, published: this.published, refused, ignored: this.ignored, reactions: this.views.map((v) => ({ ...v })) };
  }
}

/** The order a saga's event is about: the id of the chain's first event, carried by each reaction. */
export function orderOf(msg: Message): number {
  const order = msg.meta?.order;
  return typeof order === 'number' ? order : msg.root;
}
