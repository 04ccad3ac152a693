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

const NODESEP = 30;
const RANKSEP = 76;
/** Gap between the main flow and the dead-letter lane below it, px. */
const LANE_GAP = 56;

/** Whether the scenario places every node itself (then no automatic layout happens). */
export function hasPositions(scenario: Scenario): boolean {
  return scenario.nodes.every((n) => n.position);
}

/**
 * The dead-letter nodes: those another node names in a dead-letter setting
 * (`deadLetterExchange`, …) or that say they are one (`deadLetterQueue`), those a link runs
 * back up the pattern to (queue → exchange, subscription → topic), and everything reached
 * only through them. They go on their own lane below the main flow.
 */
export function deadLetterNodes(scenario: Scenario): Set<string> {
  const ids = new Set(scenario.nodes.map((n) => n.id));
  const dead = new Set<string>();
  for (const n of scenario.nodes) {
    for (const [key, value] of Object.entries(n as Record<string, unknown>)) {
      if (!/^deadLetter/i.test(key)) continue;
      if (typeof value === 'string' && ids.has(value)) dead.add(value);
      if (value === true) dead.add(n.id);
    }
  }
  // A link running back up the pattern is a dead-letter route: queue → exchange, subscription → topic.
  const kind = new Map(scenario.nodes.map((n) => [n.id, n.kind]));
  for (const l of scenario.links) {
    const from = kind.get(l.from), to = kind.get(l.to);
    if ((from === 'queue' && to === 'exchange') || (from === 'subscription' && to === 'pubsub-topic')) dead.add(l.to);
  }
  // Downstream of a dead-letter node, and fed by nothing else: part of the lane too.
  const preds = new Map<string, string[]>();
  for (const l of scenario.links) preds.set(l.to, [...(preds.get(l.to) ?? []), l.from]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of scenario.nodes) {
      const p = preds.get(n.id);
      if (dead.has(n.id) || !p?.length || !p.every((id) => dead.has(id))) continue;
      dead.add(n.id);
      grew = true;
    }
  }
  // A scenario that is all dead letters has no main flow to sit under.
  return dead.size === scenario.nodes.length ? new Set() : dead;
}

/**
 * Where each node goes: the scenario's own positions when every node has one, otherwise a
 * left-to-right layered layout (dagre) following the links, spaced by each card's size
 * (measured when known, guessed before). Within a column, siblings keep the order of their
 * parents, then the scenario's order (Worker 1 above Worker 2), so links cross less; the
 * dead-letter exchanges, queues and topics get their own lane below the main flow.
 */
export function layoutScenario(scenario: Scenario, sizes?: ReadonlyMap<string, Size>): Map<string, Point> {
  const out = new Map<string, Point>();
  if (hasPositions(scenario)) {
    for (const n of scenario.nodes) out.set(n.id, n.position!);
    return out;
  }
  const size = (id: string) => sizes?.get(id) ?? GUESSED_SIZE;
  const dead = deadLetterNodes(scenario);
  const main = scenario.nodes.filter((n) => !dead.has(n.id));
  const order = new Map(scenario.nodes.map((n, i) => [n.id, i]));

  // Columns from dagre over the whole graph (so a dead-letter node sits right of what feeds it).
  const all = runDagre(scenario.nodes.map((n) => n.id), scenario.links, size);
  const mainLinks = scenario.links.filter((l) => !dead.has(l.from) && !dead.has(l.to));
  const flow = runDagre(main.map((n) => n.id), mainLinks, size);
  const column = new Map<string, number>();
  for (const n of scenario.nodes) column.set(n.id, Math.round((dead.has(n.id) ? all : flow).get(n.id)!.x));

  // The main flow: per column, left to right, stack the nodes in the order of their parents' rows.
  const preds = new Map<string, string[]>();
  for (const l of mainLinks) preds.set(l.to, [...(preds.get(l.to) ?? []), l.from]);
  const row = new Map<string, number>();
  const columns = [...new Set(main.map((n) => column.get(n.id)!))].sort((a, b) => a - b);
  for (const x of columns) {
    const here = main.filter((n) => column.get(n.id) === x).map((n) => n.id);
    const centre = here.reduce((s, id) => s + flow.get(id)!.y, 0) / here.length;
    const key = (id: string) => {
      const placed = (preds.get(id) ?? []).filter((p) => row.has(p));
      return placed.length ? placed.reduce((s, p) => s + row.get(p)!, 0) / placed.length : Infinity;
    };
    here.sort((a, b) => key(a) - key(b) || order.get(a)! - order.get(b)!);
    const total = here.reduce((s, id) => s + size(id).height, 0) + NODESEP * (here.length - 1);
    let y = centre - total / 2;
    for (const id of here) {
      const s = size(id);
      out.set(id, { x: x - s.width / 2, y });
      row.set(id, y + s.height / 2);
      y += s.height + NODESEP;
    }
  }

  // The dead-letter lane, under the lowest card of the main flow.
  let bottom = -Infinity;
  for (const n of main) bottom = Math.max(bottom, out.get(n.id)!.y + size(n.id).height);
  const laneTop = (Number.isFinite(bottom) ? bottom : 0) + LANE_GAP;
  const laneColumns = new Map<number, number>();
  for (const n of scenario.nodes.filter((m) => dead.has(m.id))) {
    const x = column.get(n.id)!;
    const y = laneColumns.get(x) ?? laneTop;
    const s = size(n.id);
    out.set(n.id, { x: x - s.width / 2, y });
    laneColumns.set(x, y + s.height + NODESEP);
  }
  return out;
}

function runDagre(
  ids: readonly string[], links: readonly { from: string; to: string }[], size: (id: string) => Size,
): Map<string, Point> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: NODESEP, ranksep: RANKSEP, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { ...size(id) });
  for (const l of links) if (ids.includes(l.from) && ids.includes(l.to)) g.setEdge(l.from, l.to);
  dagre.layout(g);
  // Centres.
  return new Map(ids.map((id) => [id, { x: g.node(id).x, y: g.node(id).y }]));
}
