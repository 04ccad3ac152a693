import type { NodeConfig } from '../sim/engine/scenario';
import type { Simulation } from '../sim/engine/simulation';
import type { NodeLive } from '../store/slices/liveSlice';

/**
 * What the UI may read of a running simulation, by node id: its kind, settings, figures and
 * backlog. The one place that reaches into `Simulation`'s nodes; the controller hands it to
 * the panels' subscribers, and publishes its snapshots to the stores.
 */
export interface RunReader {
  /** Simulated time now, ms. */
  readonly now: number;
  /** Every node, in scenario order, with its kind. */
  readonly nodes: readonly { id: string; kind: string }[];
  /** A node's current settings (a new object after each change), or undefined for an unknown id. */
  config(id: string): Readonly<NodeConfig> | undefined;
  /** A node's figures now, with its slow-mode factor. */
  stats(id: string): NodeLive | undefined;
  /** A node's user-set switches now (online, slow-mode factor), which the cards show without delay. */
  switches(id: string): { online: boolean; slowFactor: number } | undefined;
  /** Messages waiting at a node now (for a webhook sender: its pending retries). */
  backlog(id: string): number;
}

/** A reader over `sim`. */
export function readerOf(sim: Simulation): RunReader {
  const nodes = [...sim.nodes.values()].map((n) => ({ id: n.id, kind: n.kind }));
  return {
    get now() {
      return sim.now;
    },
    nodes,
    config: (id) => sim.nodes.get(id)?.config as Readonly<NodeConfig> | undefined,
    stats: (id) => {
      const node = sim.nodes.get(id);
      return node ? { ...node.stats(), slowFactor: node.slowFactor } : undefined;
    },
    switches: (id) => {
      const node = sim.nodes.get(id);
      return node ? { online: node.online, slowFactor: node.slowFactor } : undefined;
    },
    backlog: (id) => sim.nodes.get(id)?.backlogNow() ?? NaN,
  };
}
