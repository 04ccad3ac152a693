/**
 * The first screen's layout table (src/app/dagreTable.ts): layout.ts's own functions lay the
 * default scenario out with dagre, in both densities and every wrap, and each graph they give
 * dagre is recorded with dagre's answer for cards of size 0. The table's rule is then checked
 * against dagre on random card sizes; a graph it does not fit stops the build, with the reason.
 */
import dagre from '@dagrejs/dagre';
import { graphKey, placeFromTable, type GraphShape, type NodeSize, type TableEntry } from '../src/app/dagreTable';
import { columnCount, layoutDetailed } from '../src/app/layout';
import type { Scenario } from '../src/sim/engine/scenario';

const layoutWithDagre = dagre.layout;

type Graph = InstanceType<typeof dagre.graphlib.Graph>;

function shapeOf(g: Graph): GraphShape {
  return {
    graph: { ...(g.graph() as Record<string, unknown>) },
    nodes: g.nodes(),
    edges: g.edges().map((e: { v: string; w: string }) => ({ from: e.v, to: e.w, label: { ...(g.edge(e) as Record<string, unknown>) } })),
  };
}

/** dagre's centres for `shape` with these sizes. */
function dagreCentres(shape: GraphShape, sizes: ReadonlyMap<string, NodeSize>): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ ...shape.graph });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of shape.nodes) g.setNode(id, { ...sizes.get(id)! });
  for (const e of shape.edges) g.setEdge(e.from, e.to, { ...e.label });
  layoutWithDagre(g);
  return new Map(shape.nodes.map((id) => [id, { x: g.node(id).x, y: g.node(id).y }]));
}

/** A seeded stream of sizes (a small LCG: the check is the same on every build). */
function sizesFor(ids: readonly string[], seed: number): Map<string, NodeSize> {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return new Map(ids.map((id) => [id, { width: Math.round(120 + 300 * next()), height: Math.round(40 + 280 * next()) }]));
}

/** Every graph layout.ts gives dagre for `scenario`, keyed by graphKey, with its zero-size answer. */
export function layoutTable(scenario: Scenario): Record<string, TableEntry> {
  const shapes = new Map<string, GraphShape>();
  dagre.layout = (g, options) => {
    const shape = shapeOf(g);
    shapes.set(graphKey(shape), shape);
    return layoutWithDagre(g, options);
  };
  try {
    const columns = columnCount(scenario);
    for (const density of ['full', 'compact'] as const) for (let k = 0; k < Math.max(1, columns); k++) layoutDetailed(scenario, undefined, density, k);
  } finally {
    dagre.layout = layoutWithDagre;
  }
  const table: Record<string, TableEntry> = {};
  for (const [key, shape] of shapes) {
    const zero = dagreCentres(shape, new Map(shape.nodes.map((id) => [id, { width: 0, height: 0 }])));
    const entry: TableEntry = Object.fromEntries([...zero].map(([id, p]) => [id, [p.x, p.y] as const]));
    for (let seed = 1; seed <= 40; seed++) {
      const sizes = sizesFor(shape.nodes, seed);
      const want = dagreCentres(shape, sizes);
      const got = placeFromTable(entry, sizes);
      for (const id of shape.nodes) {
        const a = want.get(id)!, b = got.get(id)!;
        if (Math.abs(a.x - b.x) > 1e-6 || Math.abs(a.y - b.y) > 1e-6) {
          throw new Error(
            `first screen: the layout table does not fit dagre for ${scenario.id} (node ${id}: dagre ${a.x},${a.y}, table ${b.x},${b.y}). ` +
              'src/app/dagreTable.ts says which graphs it fits; the default scenario must be one, or the first screen needs dagre.',
          );
        }
      }
    }
    table[key] = entry;
  }
  return table;
}
