import type dagreModule from '@dagrejs/dagre';
import { LAYOUT_TABLE } from './firstScreen';
import { graphKey, placeFromTable, type GraphShape, type NodeSize } from './dagreTable';

/**
 * What the app's `@dagrejs/dagre` resolves to (vite.config.ts): dagre itself once the engine
 * chunk has brought it (dagreReal.ts installs it), and before that the default scenario's
 * layout from the build-time table (dagreTable.ts), for the graphs layout.ts gives dagre. Only
 * the default scenario is laid out before the engine arrives: a link, a file or the menu opens
 * a scenario through the engine, which brings dagre first. Unit tests use dagre directly.
 */
type Dagre = typeof dagreModule;
type Label = Record<string, unknown>;

let real: Dagre | null = null;

/** Hands over dagre itself (dagreReal.ts, in the engine chunk); null takes it back (tests). */
export function installDagre(dagre: Dagre | null): void {
  real = dagre;
}

/** The part of dagre's graph layout.ts uses, recorded for the table (and replayed to dagre). */
class TableGraph {
  constructor(readonly options?: unknown) {}
  label: Label = {};
  nodeLabels = new Map<string, Label>();
  edges: GraphShape['edges'][number][] = [];
  edgeLabel: () => Label = () => ({});
  setGraph(label: Label) {
    this.label = label;
    return this;
  }
  setDefaultEdgeLabel(f: () => Label) {
    this.edgeLabel = f;
    return this;
  }
  setNode(id: string, label?: Label) {
    this.nodeLabels.set(id, label ?? {});
    return this;
  }
  setEdge(from: string, to: string, label?: Label) {
    this.edges.push({ from, to, label: label ?? this.edgeLabel() });
    return this;
  }
  node(id: string) {
    return this.nodeLabels.get(id);
  }
}

function Graph(options?: unknown): unknown {
  return new TableGraph(options);
}

/**
 * Lays `g` out: from the table when it is one of the first screen's graphs, even once dagre is
 * there (the build checks the table against dagre, and the engine's arrival re-lays the default
 * scenario out: dagre took a long task of its own on a slow phone for the same answer), else
 * with dagre, the graph replayed to it as recorded.
 */
function layout(g: TableGraph, options?: unknown): void {
  const key = graphKey({ graph: g.label, nodes: [...g.nodeLabels.keys()], edges: g.edges });
  const entry = LAYOUT_TABLE[key];
  if (!entry) {
    if (!real) throw new Error('dagre has not arrived, and this graph is not in the first screen’s layout table');
    const d = new real.graphlib.Graph(g.options as never);
    d.setGraph(g.label);
    d.setDefaultEdgeLabel(g.edgeLabel);
    for (const [id, label] of g.nodeLabels) d.setNode(id, label);
    for (const e of g.edges) d.setEdge(e.from, e.to, e.label);
    real.layout(d, options as never);
    return;
  }
  const sizes = new Map<string, NodeSize>([...g.nodeLabels].map(([id, l]) => [id, { width: Number(l.width ?? 0), height: Number(l.height ?? 0) }]));
  for (const [id, p] of placeFromTable(entry, sizes)) Object.assign(g.nodeLabels.get(id)!, p);
}

export default { graphlib: { Graph }, layout } as unknown as Dagre;
