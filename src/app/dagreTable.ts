/**
 * dagre's answer for the first screen's graphs, without dagre. dagre (about 16 KB gzipped)
 * loads with the engine chunk (dagreReal.ts); the default scenario is laid out before it
 * arrives (AutoLayout, with the cards' measured sizes, which only the browser knows).
 *
 * For a given graph (nodes, links and their label sizes, the spacing), what layout.ts reads of
 * dagre's left-to-right result depends on the cards' sizes in a simple way: dagre's layers
 * (ranks) and the room for link labels do not depend on them, and each layer is as wide as its
 * widest card. So a node's centre is
 *   x = x0 + (widths of the widest cards of the layers left of its own) + (its layer's widest) / 2
 *   y = y0 + (the tallest card) / 2
 * where x0, y0 are dagre's answer with every card of size 0. The y rule holds for graphs
 * whose cards dagre puts on one line (a chain, as the default scenario is). At build time
 * (scripts/first-screen-data.ts) layout.ts's own functions lay the default scenario out with
 * dagre, every graph they give dagre is recorded with its zero-size answer, and the rule is
 * checked against dagre on random sizes; a graph it does not fit fails the build.
 */

/** One node or link of a graph, as layout.ts gives it to dagre. */
export interface GraphShape {
  graph: Readonly<Record<string, unknown>>;
  nodes: readonly string[];
  edges: readonly { from: string; to: string; label: Readonly<Record<string, unknown>> }[];
}

/** A node's size. */
export interface NodeSize {
  width: number;
  height: number;
}

/** dagre's answer with every card of size 0: each node's centre [x0, y0], by id. */
export type TableEntry = Readonly<Record<string, readonly [number, number]>>;

/** What identifies a graph: everything dagre reads except the nodes' sizes (sorted, so the order ids come in does not matter). */
export function graphKey(shape: GraphShape): string {
  const edges = shape.edges.map((e) => JSON.stringify([e.from, e.to, e.label])).sort();
  return JSON.stringify([shape.graph, [...shape.nodes].sort(), edges]);
}

/** The centres dagre gives the nodes with these sizes, from its zero-size answer (see above). */
export function placeFromTable(entry: TableEntry, sizes: ReadonlyMap<string, NodeSize>): Map<string, { x: number; y: number }> {
  const ids = [...sizes.keys()];
  const x0 = (id: string) => entry[id]![0];
  const layers = [...new Set(ids.map(x0))].sort((a, b) => a - b);
  const widest = layers.map((l) => Math.max(0, ...ids.filter((id) => x0(id) === l).map((id) => sizes.get(id)!.width)));
  const tallest = Math.max(0, ...[...sizes.values()].map((s) => s.height));
  return new Map(ids.map((id) => {
    const layer = layers.indexOf(x0(id));
    const left = widest.slice(0, layer).reduce((a, b) => a + b, 0);
    return [id, { x: x0(id) + left + widest[layer]! / 2, y: entry[id]![1] + tallest / 2 }];
  }));
}
