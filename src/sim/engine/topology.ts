import type { Link } from './link';
import type { SimNode } from './node';

const EMPTY: readonly Link[] = [];

/**
 * The nodes of a run and the links between them, looked up by id. Fixed once the run is built:
 * actions partition and heal links, they never add or remove one.
 */
export class Topology {
  readonly nodes = new Map<string, SimNode>();
  private readonly out = new Map<string, Link[]>();
  private readonly into = new Map<string, Link[]>();
  private readonly links = new Map<string, Map<string, Link>>();
  /**
   * signalLink()'s answer for each (from, to) pair, found once: by the nodes' indexes, so the
   * lookup on every ack and response is two array reads, not two Map lookups keyed by object.
   */
  private readonly signalLinks: (Link | null | undefined)[][] = [];

  addNode(node: SimNode): void {
    node.index = this.nodes.size;
    this.nodes.set(node.id, node);
  }

  addLink(link: Link): void {
    const from = link.from.id;
    const to = link.to.id;
    let byTo = this.links.get(from);
    if (!byTo) this.links.set(from, (byTo = new Map()));
    byTo.set(to, link);
    push(this.out, from, link);
    push(this.into, to, link);
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

  /** The link a signal from `from` to `to` crosses: theirs, else the reverse one, else none (null). */
  signalLink(from: SimNode, to: SimNode): Link | null {
    const byTo = (this.signalLinks[from.index] ??= []);
    let link = byTo[to.index];
    if (link === undefined) {
      link = this.link(from.id, to.id) ?? this.link(to.id, from.id) ?? null;
      byTo[to.index] = link;
    }
    return link;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
