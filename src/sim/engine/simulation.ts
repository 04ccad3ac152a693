import { applyAction, refuseBadAction } from './actions';
import { LIMITS, LimitError } from './limits';
import type { DropOutcome, LedgerTotals, Message, MsgState } from './message';
import { Link } from './link';
import type { SimNode, NodeStats, SignalData } from './node';
import type { Catalog } from './kind';
import type { ActionSpec, Scenario, ScenarioAction } from './scenario';
import type { EventTarget } from './scheduler';
import type { Timer } from './timers';
import { SimulationBase } from './simulation-base';
import { bucketOf } from './stats';
import type { Channel, SignalKind, TraceEvent } from './trace';

/** An action taken while running (from the UI), pinned to the exact event count so a replay matches. */
export type RecordedAction = ActionSpec & { at: number; step: number };

/** Options for one run. */
export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Actions recorded in an earlier run of the same scenario, replayed at the same events. */
  recorded?: readonly RecordedAction[];
}

/** The headless runner's summary of a run. */
export interface RunReport {
  scenario: string;
  seed: number;
  simulatedMs: number;
  events: number;
  totals: LedgerTotals;
  nodes: Record<string, NodeStats>;
}

const ACTION = 1;
/** runReplaying's answers other than a budget: the budget ran out; the clock reached the end. */
const OUT_OF_BUDGET = -1;
const REACHED = -2;

/**
 * One run of a scenario: the nodes, the links between them, the scheduler, the message
 * ledger, and the trace every observer subscribes to (those in SimulationBase). Models change
 * message state only through the verbs here (publish, send, enqueue, ...), each of which moves
 * the ledger and emits exactly one trace event, so the trace always tells where every copy is.
 */
export class Simulation extends SimulationBase implements EventTarget {
  /** Actions taken during this run (UI toggles), in order. */
  readonly recorded: RecordedAction[] = [];
  /** Why the run stopped for good (a limit, a refused action); every later run call throws it again. */
  halted: Error | undefined;
  private replay: readonly RecordedAction[];
  private replayAt = 0;

  constructor(catalog: Catalog, scenario: Scenario, options: RunOptions = {}) {
    super(catalog, scenario, options.seed ?? scenario.seed);
    this.replay = options.recorded ?? [];
    for (const config of scenario.nodes) {
      const kind = catalog.kind(config.kind);
      if (!kind) throw new Error(`unknown node kind ${config.kind}`);
      this.topology.addNode(kind.create(this, config));
    }
    for (const config of scenario.links) this.topology.addLink(new Link(this, this.node(config.from), this.node(config.to), config));
    for (const action of scenario.actions) this.scheduler.schedule(action.at, this, ACTION, action, -1);
    for (const node of this.nodes.values()) node.start();
  }

  // ---- running ----

  /** Runs exactly one event and returns what it emitted; null when nothing is pending. */
  step(): TraceEvent[] | null {
    if (this.halted) throw this.halted;
    const captured: TraceEvent[] = [];
    this.capture = captured;
    try {
      this.applyRecorded(Infinity);
      if (this.scheduler.pending === 0) return null;
      this.guard.tick(this.scheduler.peekTime());
      this.scheduler.step();
      return captured;
    } catch (e) {
      throw this.halt(e);
    } finally {
      this.capture = null;
    }
  }

  /** Marks the run as stopped by `e` for good: an event cut short leaves the state half-done. */
  private halt(e: unknown): unknown {
    this.halted ??= e instanceof Error ? e : new Error(String(e));
    return e;
  }

  /**
   * Runs every event up to time `t` and sets the clock to `t`. With `maxEvents`, stops early
   * once that many have run and returns false (the caller is over its frame budget).
   */
  runUntil(t: number, maxEvents = Infinity): boolean {
    if (this.halted) throw this.halted;
    let budget = maxEvents;
    try {
      if (this.replayAt < this.replay.length) {
        budget = this.runReplaying(t, budget);
        if (budget < 0) return budget === REACHED;
      }
      // None left: the scheduler's own loop, which runs the same events in the same order.
      if (!this.scheduler.runWithin(t, budget, this.guard)) return false;
    } catch (e) {
      throw this.halt(e);
    }
    this.advanceTo(t);
    return true;
  }

  /**
   * runUntil while recorded actions remain: each may fall due at any event (by time or by event
   * count). Returns the budget left once none remains, or OUT_OF_BUDGET, or REACHED (the clock
   * is at `t`). Apart from runUntil, so the compiler's inlining budget for runUntil goes to the
   * scheduler's loop and the handlers it calls.
   */
  private runReplaying(t: number, budget: number): number {
    const s = this.scheduler;
    while (this.replayAt < this.replay.length) {
      this.applyRecorded(t);
      const next = s.peekTime();
      if (next > t) {
        this.advanceTo(t);
        return REACHED;
      }
      if (budget-- <= 0) return OUT_OF_BUDGET;
      this.guard.tick(next);
      s.step();
    }
    return budget;
  }

  /** Moves the clock to `t` between events (the trace events of an action then count at `t`: see RunGuard). */
  private advanceTo(t: number): void {
    this.scheduler.advanceTo(t);
    this.guard.at(this.scheduler.now);
  }

  // ---- actions ----

  /** Takes an action now (a UI toggle), records it for replay, and applies it. */
  act(action: ActionSpec): void {
    if (this.halted) throw this.halted;
    const recorded = { ...action, at: this.now, step: this.events } as RecordedAction;
    refuseBadAction(this, recorded);
    this.recorded.push(recorded);
    try {
      applyAction(this, recorded);
    } catch (e) {
      throw this.halt(e);
    }
  }

  private applyRecorded(until: number): void {
    while (this.replayAt < this.replay.length) {
      const a = this.replay[this.replayAt]!;
      if (a.step > this.events || a.at > until) return;
      this.replayAt++;
      this.advanceTo(a.at);
      refuseBadAction(this, a);
      this.recorded.push(a);
      applyAction(this, a);
    }
  }

  /** Scheduled scenario action. */
  handle(ev: Timer<{ [ACTION]: ScenarioAction }>): void {
    refuseBadAction(this, ev.data);
    applyAction(this, ev.data);
  }

  // ---- message verbs: the only ways a copy changes state ----

  /** A new message published by `node`, in transit. */
  publish(node: SimNode, type: string, key?: string, meta?: Record<string, unknown>): Message {
    if (this.ledger.live >= LIMITS.liveMessages) throw LimitError.of('limitLiveMessages', { max: LIMITS.liveMessages, t: this.now });
    const msg = this.ledger.create(type, key, node.id, this.now, meta);
    this.emit({ type: 'message.published', t: this.now, node: node.id, msg });
    return msg;
  }

  /**
   * A new copy of `msg` made at `node`, starting in `state`: a fan-out copy, or with `redelivery` a
   * second copy of one delivery. With `shareMeta`, the copy keeps `msg`'s meta object instead of a
   * clone of it (for a model that never changes it per copy).
   */
  copy(node: SimNode, msg: Message, state: MsgState = 'transit', redelivery = false, shareMeta = false): Message {
    if (this.ledger.live >= LIMITS.liveMessages) throw LimitError.of('limitLiveMessages', { max: LIMITS.liveMessages, t: this.now });
    const c = this.ledger.copy(msg, state, redelivery, shareMeta);
    if (c.lineage!.copies > LIMITS.copiesPerPublication) {
      throw LimitError.of('limitCopies', { root: msg.root, max: LIMITS.copiesPerPublication, t: this.now });
    }
    this.emit({ type: 'message.copied', t: this.now, node: node.id, msg: c, from: msg.id, state });
    return c;
  }

  /**
   * Sends `msg` along `link`; it arrives after the link's latency, or is lost on the way. With
   * `reliable` (a TCP connection, as AMQP uses) nothing is lost: random loss costs retransmission
   * time, and a partition holds the message until it heals.
   */
  send(link: Link, msg: Message, channel: Channel, reliable = false): void {
    if (reliable && link.partitioned) {
      // It stays where it is until the connection can carry it.
      link.hold(() => this.send(link, msg, channel, true));
      return;
    }
    this.ledger.move(msg, 'transit');
    if (reliable) {
      this.carryNow(link, msg, channel, link.retransmitDelay());
      return;
    }
    if (link.lost()) {
      this.emit({ type: 'message.sent', t: this.now, from: link.from.id, to: link.to.id, msg, channel, arriveAt: this.now });
      this.emit({ type: 'link.lost', t: this.now, from: link.from.id, to: link.to.id, what: 'message', cause: link.partitioned ? 'partition' : 'loss', msgId: msg.id });
      this.drop(link.from, msg, link.partitioned ? 'network partition' : 'lost on the network');
      return;
    }
    this.carryNow(link, msg, channel, 0);
  }

  private carryNow(link: Link, msg: Message, channel: Channel, extra: number): void {
    const delay = link.delay() + extra;
    this.emit({ type: 'message.sent', t: this.now, from: link.from.id, to: link.to.id, msg, channel, arriveAt: this.now + delay });
    link.carry(msg, channel, delay);
  }

  /** A broker hands `msg` to a consumer along `link`: a send that counts as a delivery (see `send` for `reliable`). */
  deliver(link: Link, msg: Message, channel: Channel = 'delivery', reliable = false): void {
    msg.deliveries++;
    msg.deliveredAt = this.now;
    this.ledger.delivered++;
    this.send(link, msg, channel, reliable);
  }

  /**
   * A broker hands a batch to a consumer along `link` as one response (a Kafka poll): one
   * latency draw for all, over a connection (see `send` with `reliable`), arriving in order.
   */
  deliverBatch(link: Link, msgs: readonly Message[], channel: Channel = 'delivery'): void {
    if (link.partitioned) {
      link.hold(() => this.deliverBatch(link, msgs, channel));
      return;
    }
    const delay = link.delay() + link.retransmitDelay();
    for (const msg of msgs) {
      msg.deliveries++;
      msg.deliveredAt = this.now;
      this.ledger.delivered++;
      this.ledger.move(msg, 'transit');
      this.emit({ type: 'message.sent', t: this.now, from: link.from.id, to: link.to.id, msg, channel, arriveAt: this.now + delay });
    }
    for (const msg of msgs) link.carry(msg, channel, delay);
  }

  /** Sends control traffic (an ack, a response) from `from` to `to`, over the link between them either way. */
  signal(from: SimNode, to: SimNode, kind: SignalKind, msg?: Message, data?: SignalData): void {
    const link = this.topology.signalLink(from, to);
    if (link && to.reliableSignals(from)) {
      // A connection: a partition holds it until it heals, random loss costs retransmissions.
      if (link.partitioned) {
        link.hold(() => this.signal(from, to, kind, msg, data));
        return;
      }
      const delay = link.delay() + link.retransmitDelay();
      this.emit({ type: 'signal.sent', t: this.now, from: from.id, to: to.id, signal: kind, arriveAt: this.now + delay, msgId: msg?.id, status: data?.status, ok: data?.ok });
      link.carrySignal(to, from, kind, msg, data, delay);
      return;
    }
    const delay = link ? link.delay() : 0;
    const lost = link ? link.lost() : false;
    this.emit({
      type: 'signal.sent', t: this.now, from: from.id, to: to.id, signal: kind, arriveAt: this.now + delay,
      msgId: msg?.id, status: data?.status, ok: lost ? false : data?.ok,
    });
    if (lost) {
      this.emit({ type: 'link.lost', t: this.now, from: from.id, to: to.id, what: 'signal', cause: link!.partitioned ? 'partition' : 'loss', msgId: msg?.id, signal: kind });
      return;
    }
    if (link && delay > 0) link.carrySignal(to, from, kind, msg, data, delay);
    else this.signalArrived(to, from, kind, msg, data, this.now);
  }

  /** A signal sent at `sentAt` reaches `to`: traced, then handed to it. Called by links on arrival. */
  signalArrived(to: SimNode, from: SimNode, kind: SignalKind, msg: Message | undefined, data: SignalData | undefined, sentAt: number): void {
    this.emit({ type: 'signal.arrived', t: this.now, from: from.id, to: to.id, signal: kind, sentAt, msgId: msg?.id });
    this.guard.enter(this.now);
    try {
      to.onSignal(kind, msg, from, data);
    } finally {
      this.guard.leave();
    }
  }

  /** `msg` now waits in `node` (a broker), which holds `backlog` messages. */
  enqueue(node: SimNode, msg: Message, backlog: number): void {
    this.ledger.move(msg, 'buffered');
    msg.via = node.id;
    this.emit({ type: 'message.enqueued', t: this.now, node: node.id, msg, backlog });
  }

  /** `msg` arrived at a consumer and waits there for a free slot. */
  received(node: SimNode, msg: Message, from: SimNode): void {
    this.ledger.move(msg, 'buffered');
    this.emit({ type: 'message.received', t: this.now, node: node.id, msg, from: from.id });
  }

  /** `node` starts processing `msg`. */
  startProcessing(node: SimNode, msg: Message): void {
    this.ledger.move(msg, 'processing');
    this.emit({ type: 'message.processing', t: this.now, node: node.id, msg });
  }

  /** `node` finished processing `msg`: latency is counted from publication, at the node and its broker. */
  finishProcessing(node: SimNode, msg: Message): void {
    this.ledger.move(msg, 'done');
    const family = msg.family;
    const duplicate = (family ? family.processed : msg.processedCount) > 0;
    msg.processedCount++;
    if (family) family.processed++;
    this.ledger.processed++;
    if (duplicate) this.ledger.duplicates++;
    const latencyMs = this.now - msg.publishedAt;
    node.processed++;
    const bucket = bucketOf(latencyMs);
    node.latency.recordIn(latencyMs, bucket);
    const viaId = msg.via;
    if (viaId && viaId !== node.id) {
      // The broker of the last copy processed at this node is most often this one's too: no Map lookup then.
      const last = node.lastVia;
      const via = last !== undefined && last.id === viaId ? last : (node.lastVia = this.nodes.get(viaId));
      if (via) {
        via.processed++;
        via.latency.recordIn(latencyMs, bucket);
      }
    }
    this.emit({ type: 'message.processed', t: this.now, node: node.id, msg, latencyMs, duplicate });
  }

  /**
   * A copy already processed reached `node` again (a retried delivery) and `node` answered it
   * without processing it again: it is done again, and counted as a suppressed duplicate, not lost.
   */
  suppress(node: SimNode, msg: Message, reason: string): void {
    this.ledger.move(msg, 'done');
    this.ledger.suppressed++;
    this.emit({ type: 'message.suppressed', t: this.now, node: node.id, msg, reason });
  }

  /** A delivery attempt that the consumer accepted (an HTTP 2xx) counts as delivered; see `send` for attempts that do not. */
  confirmDelivered(): void {
    this.ledger.delivered++;
  }

  /** `msg` goes back into `node`'s buffer to be delivered again. */
  requeue(node: SimNode, msg: Message, reason: string): void {
    this.ledger.move(msg, 'buffered');
    this.emit({ type: 'message.requeued', t: this.now, node: node.id, msg, reason });
  }

  /** `msg` is set aside at `node` as undeliverable, with the reason (rejected, expired, maxlen, ...). */
  deadLetter(node: SimNode, msg: Message, reason: string): void {
    this.ledger.move(msg, 'dead');
    this.emit({ type: 'message.dead_lettered', t: this.now, node: node.id, msg, reason });
  }

  /**
   * `msg` is gone at `node`, with the reason. Final. `outcome` tells a loss from a request that
   * failed or was refused (the totals count those apart: a failed call is not a lost message).
   */
  drop(node: SimNode, msg: Message, reason: string, outcome: DropOutcome = 'lost'): void {
    this.ledger.drop(msg, outcome);
    this.emit({ type: 'message.dropped', t: this.now, node: node.id, msg, reason });
  }

  // ---- reporting ----

  /** The runner's summary of the run so far. */
  report(): RunReport {
    const nodes: Record<string, NodeStats> = {};
    for (const [id, node] of this.nodes) nodes[id] = node.stats();
    return {
      scenario: this.scenario.id, seed: this.seed, simulatedMs: this.now, events: this.events,
      totals: this.ledger.totals(), nodes,
    };
  }
}
