import dagre from '@dagrejs/dagre';
import type { Scenario } from '../sim/engine/scenario';
import { laneGapFor, laneLinks, laneRoutes } from './layoutLane';
import { bends, rowGap, secondRowColumns, secondRowRanks, turningLinks, type Bend } from './layoutWrap';
import { findConsumerGroups, findVariants } from './variants';

/** Extra room between two cards of a column that sit in different boxes (a variant, a consumer group): the box's padding and title. */
const BOX_GAP = 44;

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

/** Gaps between cards, px: within a column, between columns, above the dead-letter lane. */
interface Spacing {
  nodesep: number;
  ranksep: number;
  laneGap: number;
}
/** Full cards. */
const FULL: Spacing = { nodesep: 30, ranksep: 76, laneGap: 56 };
/** Compact cards (zoomed out): half the air, so the diagram fits larger. */
const COMPACT: Spacing = { nodesep: 20, ranksep: 40, laneGap: 30 };

/** Edge label size guessed from its text, px (12 px monospace, 7.3 px a character, plus padding). */
function labelSize(text: string): Size {
  return { width: Math.ceil(text.length * 7.3) + 18, height: 22 };
}

/**
 * The room the label drawn on a link needs, if it has one (see FlowEdge): a RabbitMQ binding
 * key, a REST caller's breaker state, a pub/sub subscription's "its own copy" (its longer,
 * Spanish form), a Kafka consumer's partitions ("P0 · P1 · P2"). dagre leaves that room between the two columns.
 */
function linkLabel(link: Scenario['links'][number], nodes: ReadonlyMap<string, Scenario['nodes'][number]>): Size | undefined {
  const key = (link as { bindingKey?: unknown }).bindingKey;
  if (typeof key === 'string' && key !== '') return labelSize(key);
  const source = nodes.get(link.from) as { kind: string; circuitBreaker?: unknown } | undefined;
  if (source?.circuitBreaker) return labelSize('breaker: half-open');
  const from = source?.kind, to = nodes.get(link.to)?.kind;
  if (from === 'pubsub-topic' && to === 'subscription') return labelSize('su propia copia');
  if (from === 'topic' && (link as { group?: unknown }).group) return labelSize('P0 · P1 · P2');
  return undefined;
}

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
 * Where each node goes: the scenario's own positions when every node has one (full cards only), otherwise a
 * left-to-right layered layout (dagre) following the links, spaced by each card's size
 * (measured when known, guessed before). Within a column, siblings keep the order of their
 * parents, then the scenario's order (Worker 1 above Worker 2), so links cross less; the
 * dead-letter exchanges, queues and topics get their own lane below the main flow.
 */
export function layoutScenario(
  scenario: Scenario, sizes?: ReadonlyMap<string, Size>, density: 'full' | 'compact' = 'full', wrapAt = 0,
): Map<string, Point> {
  return layoutDetailed(scenario, sizes, density, wrapAt).positions;
}

/** A layout, and the routes (`from->to`) of the links turning back from the first row to the second, if it wraps, and of those running down into the dead-letter lane. */
export interface Layout {
  positions: Map<string, Point>;
  bends: Map<string, Bend>;
}

/**
 * `layoutScenario`, and more: with `wrapAt` = k > 0 and more than k columns, a long flow wraps
 * onto a second row. Columns k and after are placed under the first k, from the left again,
 * re-ranked so that every card fed from the first row starts the second row (the links turning
 * back then all arrive at its first column, in their sources' order, and cross nothing).
 */
export function layoutDetailed(
  scenario: Scenario, sizes?: ReadonlyMap<string, Size>, density: 'full' | 'compact' = 'full', wrapAt = 0,
): Layout {
  const gap = density === 'compact' ? COMPACT : FULL;
  const out = new Map<string, Point>();
  // A scenario's own positions are drawn for full cards; compact cards get the automatic layout.
  if (density === 'full' && hasPositions(scenario)) {
    for (const n of scenario.nodes) out.set(n.id, n.position!);
    return { positions: out, bends: new Map() };
  }
  const size = (id: string) => sizes?.get(id) ?? GUESSED_SIZE;
  const dead = deadLetterNodes(scenario);
  const main = scenario.nodes.filter((n) => !dead.has(n.id));
  const order = new Map(scenario.nodes.map((n, i) => [n.id, i]));

  // Columns from dagre over the whole graph (so a dead-letter node sits right of what feeds it).
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const label = (l: Scenario['links'][number]) => linkLabel(l, byId);
  const all = runDagre(scenario.nodes.map((n) => n.id), scenario.links, size, gap, label);
  const mainLinks = scenario.links.filter((l) => !dead.has(l.from) && !dead.has(l.to));
  const flow = runDagre(main.map((n) => n.id), mainLinks, size, gap, label);
  const column = new Map<string, number>();
  for (const n of scenario.nodes) column.set(n.id, Math.round((dead.has(n.id) ? all : flow).get(n.id)!.x));

  // Which box (a variant, a consumer group) each node is drawn in, if any.
  const boxOf = new Map<string, number>();
  [...findVariants(scenario), ...findConsumerGroups(scenario)].forEach((b, i) => b.nodes.forEach((id) => boxOf.set(id, i)));

  const preds = new Map<string, string[]>();
  for (const l of mainLinks) preds.set(l.to, [...(preds.get(l.to) ?? []), l.from]);
  const row = new Map<string, number>();
  const place = (
    ids: readonly string[], x: (id: string) => number, sameRow: (a: string, b: string) => boolean,
    packed?: (id: string) => number | undefined,
  ) => {
    const columns = [...new Set(ids.map(x))].sort((a, b) => a - b);
    for (const cx of columns) {
      const here = ids.filter((id) => x(id) === cx);
      placeColumn(here, cx, { size, gap, order, boxOf, centre: flow, row, out, packed, preds: (id) => {
        const p = preds.get(id) ?? [];
        const near = p.filter((q) => sameRow(q, id));
        return near.length ? near : p;
      } });
    }
  };

  // The main flow: per column, left to right, stack the nodes in the order of their parents' rows.
  const xs = [...new Set(main.map((n) => column.get(n.id)!))].sort((a, b) => a - b);
  const split = wrapAt > 0 && wrapAt < xs.length ? xs[wrapAt]! : Infinity;
  const first = main.map((n) => n.id).filter((id) => column.get(id)! < split);
  const second = main.map((n) => n.id).filter((id) => column.get(id)! >= split);
  place(first, (id) => column.get(id)!, () => true);
  let routes = new Map<string, Bend>();
  if (second.length) {
    const rowTwo = new Set(second);
    const rank = secondRowRanks(second, preds, rowTwo, (id) => column.get(id)!);
    // Under the first row's right end (shorter runs for the links turning back; the canvas'
    // bottom-left corner holds the legend), never further left than the first row starts.
    const firstLeft = Math.min(...first.map((id) => out.get(id)!.x));
    const firstRight = Math.max(...first.map((id) => out.get(id)!.x + size(id).width));
    const atLeft = secondRowColumns(second, rank, mainLinks, size, gap.ranksep, label, firstLeft);
    const last = Math.max(...rank.values());
    const widest = (r: number) => Math.max(...second.filter((id) => rank.get(id) === r).map((id) => size(id).width));
    const left = Math.max(firstLeft, firstLeft + firstRight - (atLeft.get(last)! + widest(last) / 2));
    const x = secondRowColumns(second, rank, mainLinks, size, gap.ranksep, label, left);
    // The second row's first column takes the turning links' targets in the order their routes nest.
    const turning = turningLinks(mainLinks, rowTwo, out, size);
    const entry = (id: string) => {
      const i = turning.findIndex((l) => l.to === id);
      return i < 0 ? Infinity : i;
    };
    place(second, (id) => x.get(rank.get(id)!)!, (a, b) => rowTwo.has(a) === rowTwo.has(b), (id) => (rank.get(id) === 0 ? entry(id) : undefined));
    // Under the first row, with room between the two for the turning links' runs.
    const bottom = Math.max(...first.map((id) => out.get(id)!.y + size(id).height));
    const top = Math.min(...second.map((id) => out.get(id)!.y));
    const dy = bottom + rowGap(turning.length, gap.laneGap) - top;
    for (const id of second) {
      const p = out.get(id)!;
      out.set(id, { x: p.x, y: p.y + dy });
      row.set(id, row.get(id)! + dy);
    }
    routes = bends(turning, bottom, gap.laneGap, left);
  }

  // The dead-letter lane, under the lowest card of the main flow, with room above it for the
  // routes of the links running down into it.
  let bottom = -Infinity;
  for (const n of main) bottom = Math.max(bottom, out.get(n.id)!.y + size(n.id).height);
  if (!Number.isFinite(bottom)) bottom = 0;
  // With them, the links of the main flow that run back to an earlier column (or their own).
  const back = (l: Scenario['links'][number]) => !dead.has(l.to) && column.get(l.to)! <= column.get(l.from)!;
  const intoLane = laneLinks(scenario.links, dead, out, size, back);
  const laneTop = bottom + laneGapFor(intoLane.length, gap.laneGap);
  // The lane starts under the column that feeds it (one column earlier than dagre puts it), so
  // it never adds a column to the right of the main flow.
  const lane = scenario.nodes.filter((m) => dead.has(m.id));
  const feeders = scenario.links.filter((l) => dead.has(l.to) && !dead.has(l.from)).map((l) => column.get(l.from)!);
  const laneLeft = Math.min(...lane.map((n) => column.get(n.id)!));
  const shift = feeders.length && Number.isFinite(laneLeft) ? Math.max(0, laneLeft - Math.max(...feeders)) : 0;
  const laneColumns = new Map<number, number>();
  for (const n of lane) {
    const x = column.get(n.id)! - shift;
    const y = laneColumns.get(x) ?? laneTop;
    const s = size(n.id);
    out.set(n.id, { x: x - s.width / 2, y });
    laneColumns.set(x, y + s.height + gap.nodesep);
  }
  for (const [id, b] of laneRoutes(intoLane, main.map((n) => n.id), out, size, bottom, gap.laneGap)) routes.set(id, b);
  return { positions: out, bends: routes };
}

interface ColumnContext {
  size: (id: string) => Size;
  gap: Spacing;
  order: ReadonlyMap<string, number>;
  boxOf: ReadonlyMap<string, number>;
  /** dagre's centres: a column of cards with no placed parents stacks around theirs. */
  centre: ReadonlyMap<string, Point>;
  /** A card's place in a column packed in a given order (then it does not follow its parents' rows). */
  packed?: (id: string) => number | undefined;
  /** The parents whose rows a card follows. */
  preds: (id: string) => readonly string[];
  row: Map<string, number>;
  out: Map<string, Point>;
}

/** Stacks one column of cards at centre x `x`, in the order of their parents' rows (then the scenario's order). */
function placeColumn(here: string[], x: number, c: ColumnContext): void {
  const { size, gap, order, boxOf, row, out } = c;
  const centre = here.reduce((s, id) => s + c.centre.get(id)!.y, 0) / here.length;
  const key = (id: string) => {
    const pack = c.packed?.(id);
    if (pack !== undefined) return 1e9 + pack;
    const placed = c.preds(id).filter((p) => row.has(p));
    return placed.length ? placed.reduce((s, p) => s + row.get(p)!, 0) / placed.length : Infinity;
  };
  here.sort((a, b) => key(a) - key(b) || order.get(a)! - order.get(b)!);
  const total = here.reduce((s, id) => s + size(id).height, 0) + gap.nodesep * (here.length - 1);
  // Each card wants its centre level with its parents; cards with none pack after the others
  // (or, in a column of only those, around dagre's centre). Then the nearest non-overlapping rows.
  const wants: number[] = [];
  here.forEach((id, i) => {
    const k = key(id);
    const prev = i > 0 ? wants[i - 1]! + (size(here[i - 1]!).height + size(id).height) / 2 + gap.nodesep : centre - total / 2 + size(id).height / 2;
    wants.push(Number.isFinite(k) && k < 1e9 ? k : prev);
  });
  const tops = stack(
    here.map((id, i) => {
      const apart = i > 0 && boxOf.get(here[i - 1]!) !== boxOf.get(id);
      return { height: size(id).height, want: wants[i]!, gap: apart ? gap.nodesep + BOX_GAP : undefined };
    }),
    gap.nodesep,
  );
  here.forEach((id, i) => {
    const s = size(id);
    out.set(id, { x: x - s.width / 2, y: tops[i]! });
    row.set(id, tops[i]! + s.height / 2);
  });
}

/** How many columns the main flow has (a wrap splits them into two rows). */
export function columnCount(scenario: Scenario): number {
  const dead = deadLetterNodes(scenario);
  const ids = scenario.nodes.map((n) => n.id).filter((id) => !dead.has(id));
  const links = scenario.links.filter((l) => !dead.has(l.from) && !dead.has(l.to));
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const at = runDagre(ids, links, () => GUESSED_SIZE, COMPACT, (l) => linkLabel(l, byId));
  return new Set([...at.values()].map((p) => Math.round(p.x))).size;
}

/**
 * The tops of cards stacked in a column, in the given order, as near as can be to the centre
 * each wants, never closer than `gap` (or a card's own `gap` above it): cards that would overlap form a block centred on the
 * mean of their wishes (pool adjacent violators), merging with the block above while they
 * still overlap.
 */
export function stack(cards: readonly { height: number; want: number; gap?: number }[], gap: number): number[] {
  interface Block { first: number; count: number; height: number; sum: number; top: number }
  const blocks: Block[] = [];
  cards.forEach((c, i) => {
    let b: Block = { first: i, count: 1, height: c.height, sum: c.want - c.height / 2, top: c.want - c.height / 2 };
    for (let prev = blocks.at(-1); prev && prev.top + prev.height + gap > b.top; prev = blocks.at(-1)) {
      blocks.pop();
      const shift = prev.height + (cards[b.first]!.gap ?? gap);
      const sum = prev.sum + b.sum - b.count * shift;
      const count = prev.count + b.count;
      b = { first: prev.first, count, height: shift + b.height, sum, top: sum / count };
    }
    blocks.push(b);
  });
  const tops: number[] = [];
  for (const b of blocks) {
    let y = b.top;
    for (let i = b.first; i < b.first + b.count; i++) {
      tops.push(y);
      y += cards[i]!.height + (cards[i + 1]?.gap ?? gap);
    }
  }
  return tops;
}

function runDagre(
  ids: readonly string[], links: Scenario['links'], size: (id: string) => Size, gap: Spacing,
  label: (link: Scenario['links'][number]) => Size | undefined,
): Map<string, Point> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: gap.nodesep, ranksep: gap.ranksep, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { ...size(id) });
  // A labelled link gets its label's width between the two columns (dagre adds a label rank).
  for (const l of links) if (ids.includes(l.from) && ids.includes(l.to)) g.setEdge(l.from, l.to, { ...label(l), labelpos: 'c' });
  dagre.layout(g);
  // Centres.
  return new Map(ids.map((id) => [id, { x: g.node(id).x, y: g.node(id).y }]));
}
