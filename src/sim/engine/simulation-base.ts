import type { Catalog } from './kind';
import type { Link } from './link';
import { RunGuard } from './limits';
import { Ledger } from './message';
import type { SimNode } from './node';
import { streamRng, type Rng } from './rng';
import type { Scenario } from './scenario';
import { Scheduler } from './scheduler';
import { Topology } from './topology';
import type { TraceEvent, TraceListener } from './trace';

/**
 * What a run is made of and how it is observed: the clock and its scheduler, the message
 * ledger, the nodes and links, the random streams, and the trace. `Simulation` adds running,
 * actions and the message verbs on top.
 */
export abstract class SimulationBase {
  readonly scheduler = new Scheduler();
  readonly ledger = new Ledger();
  /** The nodes and links, by id (fixed for the run). */
  readonly topology = new Topology();
  readonly nodes = this.topology.nodes;
  /** Counts work per instant and synchronous hand-offs; throws a LimitError past a limit. */
  readonly guard = new RunGuard();
  private listeners: TraceListener[] = [];
  /** Trace events of the event being stepped (see Simulation.step), else null. */
  protected capture: TraceEvent[] | null = null;

  constructor(
    readonly catalog: Catalog,
    readonly scenario: Scenario,
    readonly seed: number,
  ) {}

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
    return this.topology.node(id);
  }

  /** Links leaving `id`, in scenario order. */
  outgoing(id: string): readonly Link[] {
    return this.topology.outgoing(id);
  }

  /** Links arriving at `id`, in scenario order. */
  incoming(id: string): readonly Link[] {
    return this.topology.incoming(id);
  }

  /** The link from `from` to `to`, if any. */
  link(from: string, to: string): Link | undefined {
    return this.topology.link(from, to);
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
    this.guard.count();
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(ev);
    if (this.capture) this.capture.push(ev);
  }
}
