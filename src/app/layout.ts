import dagre from '@dagrejs/dagre';
import type { Scenario } from '../sim/scenario';

/** A node's place on the canvas (its top-left corner). */
export interface Point {
  x: number;
  y: number;
}

/** The card size each kind is laid out with; cards are about this big on screen. */
export function cardSize(kind: string): { width: number; height: number } {
  switch (kind) {
    case 'producer':
      return { width: 232, height: 130 };
    case 'queue':
      return { width: 232, height: 170 };
    case 'service':
      return { width: 232, height: 190 };
    default:
      return { width: 232, height: 200 };
  }
}

/**
 * Where each node goes: the scenario's own positions when every node has one, otherwise a
 * left-to-right layered layout (dagre) following the links.
 */
export function layoutScenario(scenario: Scenario): Map<string, Point> {
  const out = new Map<string, Point>();
  if (scenario.nodes.every((n) => n.position)) {
    for (const n of scenario.nodes) out.set(n.id, n.position!);
    return out;
  }
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 120, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of scenario.nodes) g.setNode(n.id, cardSize(n.kind));
  for (const l of scenario.links) g.setEdge(l.from, l.to);
  dagre.layout(g);
  for (const n of scenario.nodes) {
    const { x, y, width, height } = g.node(n.id);
    out.set(n.id, { x: x - width / 2, y: y - height / 2 });
  }
  return out;
}
