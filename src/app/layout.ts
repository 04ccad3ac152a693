import dagre from '@dagrejs/dagre';
import type { Scenario } from '../sim/engine/scenario';

/** A node's place on the canvas (its top-left corner). */
export interface Point {
  x: number;
  y: number;
}

/** A node's size on screen. */
export interface Size {
  width: number;
  height: number;
}

/** The size a card is guessed to have before it is measured. */
export const GUESSED_SIZE: Size = { width: 232, height: 180 };

/** Whether the scenario places every node itself (then no automatic layout happens). */
export function hasPositions(scenario: Scenario): boolean {
  return scenario.nodes.every((n) => n.position);
}

/**
 * Where each node goes: the scenario's own positions when every node has one, otherwise a
 * left-to-right layered layout (dagre) following the links, spaced by each card's size
 * (measured when known, guessed before).
 */
export function layoutScenario(scenario: Scenario, sizes?: ReadonlyMap<string, Size>): Map<string, Point> {
  const out = new Map<string, Point>();
  if (hasPositions(scenario)) {
    for (const n of scenario.nodes) out.set(n.id, n.position!);
    return out;
  }
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 76, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of scenario.nodes) g.setNode(n.id, { ...(sizes?.get(n.id) ?? GUESSED_SIZE) });
  for (const l of scenario.links) g.setEdge(l.from, l.to);
  dagre.layout(g);
  for (const n of scenario.nodes) {
    const { x, y, width, height } = g.node(n.id);
    out.set(n.id, { x: x - width / 2, y: y - height / 2 });
  }
  return out;
}
