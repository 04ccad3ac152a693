import { Ledger, type LedgerTotals, type Message, type MsgState } from './message';
import { Link } from './link';
import type { SimNode, NodeStats, SignalData } from './node';
import { nodeKind } from '../catalog';
import { streamRng, type Rng } from './rng';
import type { ActionSpec, Scenario, ScenarioAction } from './scenario';
import { Scheduler, type EventTarget } from './scheduler';
import type { Channel, SignalKind, TraceEvent, TraceListener } from './trace';

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

/**
 * One run of a scenario: the nodes, the links between them, the scheduler, the message
 * ledger, and the trace every observer subscribes to. Models change message state only
 * through the verbs here (publish, send, enqueue, ...), each of which moves the ledger and
 * emits exactly one trace event, so the trace always tells where every copy is.
 */
export class Simulation implements EventTarget {
  readonly scheduler = new Scheduler();
  readonly ledger = new Ledger();
  readonly seed: number;
  readonly nodes = new Map<string, SimNode>();
  /** Actions taken during this run (UI toggles), in order. */
  readonly recorded: RecordedAction[] = [];
  private readonly out = new Map<string, Link[]>();
  private readonly into = new Map<string, Link[]>();
  private readonly links = new Map<string, Map<string, Link>>();
  private listeners: TraceListener[] = [];
  private capture: TraceEvent[] | null = null;
  private replay: readonly RecordedAction[];
  private replayAt = 0;

  constructor(
    readonly scenario: Scenario,
    options: RunOptions = {},
  ) {
    this.seed = options.seed ?? scenario.seed;
    this.replay = options.recorded ?? [];
    for (const config of scenario.nodes) {
      const kind = nodeKind(config.kind);
      if (!kind) throw new Error(`unknown node kind ${config.kind}`);
      this.nodes.set(config.id, kind.create(this, config));
    }
    for (const config of scenario.links) {
      const link = new Link(this, this.node(config.from), this.node(config.to), config);
      let byTo = this.links.get(config.from);
      if (!byTo) this.links.set(config.from, (byTo = new Map()));
      byTo.set(config.to, link);
      push(this.out, config.from, link);
      push(this.into, config.to, link);
    }
    for (const action of scenario.actions) this.scheduler.schedule(action.at, this, ACTION, action, -1);
    for (const node of this.nodes.values()) node.start();
  }

  /** Current simulated time, ms. */
  get now(): number {
    return this.scheduler.now;
  }

  /** Events run so far. */
  get events(): number {
    return this.scheduler.executed;
  }

  /** The node with this id; throws if there is none. */
  node(id: string): SimNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  /** Links leaving `id`, in scenario order. */
  outgoing(id: string): readonly Link[] {
    return this.out.get(id) ?? EMPTY;
  }

  /** Links arriving at `id`, in scenario order. */
  incoming(id: string): readonly Link[] {
    return this.into.get(id) ?? EMPTY;
  }

  /** The link from `from` to `to`, if any. */
  link(from: string, to: string): Link | undefined {
    return this.links.get(from)?.get(to);
  }

  /** A random stream for `name` (a node, a link), independent of every other stream. */
  rng(name: string): Rng {
    return streamRng(this.seed, name);
  }

  // ---- the trace ----

  /** Subscribes to every trace event; returns the unsubscribe function. */
  on(listener: TraceListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Emits a trace event to every subscriber. Models call it for events of their own. */
  emit(ev: TraceEvent): void {
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(ev);
    if (this.capture) this.capture.push(ev);
  }

  // ---- running ----

  /** Runs exactly one event and returns what it emitted; null when nothing is pending. */
  step(): TraceEvent[] | null {
    const captured: TraceEvent[] = [];
    this.capture = captured;
    try {
      this.applyRecorded(Infinity);
      if (this.scheduler.pending === 0) return null;
      this.scheduler.step();
      return captured;
    } finally {
      this.capture = null;
    }
  }

  /**
   * Runs every event up to time `t` and sets the clock to `t`. With `maxEvents`, stops early
   * once that many have run and returns false (the caller is over its frame budget).
   */
  runUntil(t: number, maxEvents = Infinity): boolean {
    const s = this.scheduler;
    let budget = maxEvents;
    for (;;) {
      this.applyRecorded(t);
      if (s.peekTime() > t) break;
      if (budget-- <= 0) return false;
      s.step();
    }
    s.advanceTo(t);
    return true;
  }

  // ---- actions ----

  /** Takes an action now (a UI toggle), records it for replay, and applies it. */
  act(action: ActionSpec): void {
    const recorded = { ...action, at: this.now, step: this.events } as RecordedAction;
    this.recorded.push(recorded);
    this.apply(recorded);
  }

  private applyRecorded(until: number): void {
    while (this.replayAt < this.replay.length) {
      const a = this.replay[this.replayAt]!;
      if (a.step > this.events || a.at > until) return;
      this.replayAt++;
      this.scheduler.advanceTo(a.at);
      this.recorded.push(a);
      this.apply(a);
    }
  }

  /** Scheduled scenario action. */
  handle(type: number, data: unknown): void {
    if (type === ACTION) this.apply(data as ScenarioAction);
  }

  private apply(a: ActionSpec): void {
    switch (a.do) {
      case 'online':
      case 'offline': {
        const node = this.node(a.node);
        const on = a.do === 'online';
        if (node.online === on) return;
        node.applyOnline(on);
        this.emit({ type: on ? 'node.online' : 'node.offline', t: this.now, node: node.id });
        return;
      }
      case 'slow':
        this.node(a.node).slowFactor = a.factor;
        this.emit({ type: 'node.configured', t: this.now, node: a.node, patch: { slowFactor: a.factor } });
        return;
      case 'configure':
        this.node(a.node).configure(a.patch);
        this.emit({ type: 'node.configured', t: this.now, node: a.node, patch: a.patch });
        return;
      case 'partition':
      case 'heal': {
        const link = this.link(a.from, a.to);
        if (!link) throw new Error(`no link ${a.from} -> ${a.to}`);
        link.partitioned = a.do === 'partition';
        this.emit({ type: 'node.configured', t: this.now, node: a.from, patch: { partitioned: link.partitioned, to: a.to } });
        return;
      }
      case 'command':
        this.node(a.node).command(a.command, a.args ?? {});
        return;
    }
  }

  // ---- message verbs: the only ways a copy changes state ----

  /** A new message published by `node`, in transit. */
  publish(node: SimNode, type: string, key?: string, meta?: Record<string, unknown>): Message {
    const msg = this.ledger.create(type, key, node.id, this.now, meta);
    this.emit({ type: 'message.published', t: this.now, node: node.id, msg });
    return msg;
  }

  /** A new copy of `msg` made at `node`, starting in `state`: a fan-out copy, or with `redelivery` a second copy of one delivery. */
  copy(node: SimNode, msg: Message, state: MsgState = 'transit', redelivery = false): Message {
    const c = this.ledger.copy(msg, state, redelivery);
    this.emit({ type: 'message.copied', t: this.now, node: node.id, msg: c, from: msg.id, state });
    return c;
  }

  /** Sends `msg` along `link`; it arrives after the link's latency, or is lost on the way. */
  send(link: Link, msg: Message, channel: Channel): void {
    this.ledger.move(msg, 'transit');
    if (link.lost()) {
      this.emit({ type: 'message.sent', t: this.now, from: link.from.id, to: link.to.id, msg, channel, arriveAt: this.now });
      this.drop(link.from, msg, link.partitioned ? 'network partition' : 'lost on the network');
      return;
    }
    const delay = link.delay();
    this.emit({ type: 'message.sent', t: this.now, from: link.from.id, to: link.to.id, msg, channel, arriveAt: this.now + delay });
    link.carry(msg, channel, delay);
  }

  /** A broker hands `msg` to a consumer along `link`: a send that counts as a delivery. */
  deliver(link: Link, msg: Message, channel: Channel = 'delivery'): void {
    msg.deliveries++;
    this.ledger.delivered++;
    this.send(link, msg, channel);
  }

  /** Sends control traffic (an ack, a response) from `from` to `to`, over the link between them either way. */
  signal(from: SimNode, to: SimNode, kind: SignalKind, msg?: Message, data?: SignalData): void {
    const link = this.link(from.id, to.id) ?? this.link(to.id, from.id);
    const delay = link ? link.delay() : 0;
    const lost = link ? link.lost() : false;
    this.emit({
      type: 'signal.sent', t: this.now, from: from.id, to: to.id, signal: kind, arriveAt: this.now + delay,
      msgId: msg?.id, status: data?.status, ok: lost ? false : data?.ok,
    });
    if (lost) return;
    if (link) link.carrySignal(to, from, kind, msg, data, delay);
    else to.onSignal(kind, msg, from, data);
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
    node.latency.record(latencyMs);
    if (msg.via && msg.via !== node.id) {
      const via = this.nodes.get(msg.via);
      if (via) {
        via.processed++;
        via.latency.record(latencyMs);
      }
    }
    this.emit({ type: 'message.processed', t: this.now, node: node.id, msg, latencyMs, duplicate });
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

  /** `msg` is lost at `node`, with the reason. Final. */
  drop(node: SimNode, msg: Message, reason: string): void {
    this.ledger.move(msg, 'dropped');
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

const EMPTY: readonly Link[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
