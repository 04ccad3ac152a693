import type { Scenario } from '../sim/engine/scenario';
import type { Point, Size } from './layout';
import type { Bend } from './layoutWrap';

/**
 * The routes of the links running from the main flow down into the dead-letter lane (a queue
 * dead-lettering to its exchange, a subscription to its dead-letter topic). Drawn as a curve from
 * the source's right side to the lane card's left side, such a link ran back across the cards
 * of its own column. Routed instead: right out of its source into the gap before the next
 * column, down that gap into the room between the main flow and the lane, along it, and down
 * into the lane card from its left. Routes nest so they never cross each other: the rightmost
 * source, then the topmost, is outermost (it drops furthest right, runs lowest and enters
 * nearest its target). A link running back against the flow takes the same way under it and
 * climbs into its target from the left; its outermost route climbs furthest left.
 */

/** Vertical room per lane route between the main flow and the lane, px. */
export const RUN_STEP = 12;
/** The innermost way down into a lane card, left of it, and the distance between two of them, px. */
const ENTRY_IN = 16;
const ENTRY_STEP = 10;
/** The innermost way down from a column, right of it, and the distance between two of them, px. */
const EXIT_IN = 12;
const EXIT_STEP = 10;
/** Room kept right of a column when no column follows it, px. */
const LAST_GAP = 40;

type Link = Scenario['links'][number];

/**
 * The links routed under the main flow, outermost first: those from the main flow into the lane,
 * and those `back` says run back against the flow (a service publishing to the event bus it
 * consumes from, in a choreography), which take the same shape but climb into their target from
 * below: drawn as a curve, such a link ran back across every card between its ends.
 */
export function laneLinks(
  links: readonly Link[], lane: ReadonlySet<string>, positions: ReadonlyMap<string, Point>, size: (id: string) => Size,
  back: (l: Link) => boolean = () => false,
): Link[] {
  const right = (id: string) => positions.get(id)!.x + size(id).width;
  const mid = (id: string) => positions.get(id)!.y + size(id).height / 2;
  return links
    .filter((l) => !lane.has(l.from) && (lane.has(l.to) || back(l)) && positions.has(l.from))
    .sort((a, b) => right(b.from) - right(a.from) || mid(a.from) - mid(b.from));
}

/** The room between the main flow's bottom and the lane's top for `n` lane routes (one runs in the usual gap), px. */
export function laneGapFor(n: number, laneGap: number): number {
  return laneGap + Math.max(0, n - 1) * RUN_STEP;
}

/**
 * The routes (`exit`: x of the way down from the source; `y`: the run above the lane; `x`: the way
 * down into the target), keyed `from->to`. `main` are the main flow's cards (the gaps between
 * their columns take the ways down), `bottom` the main flow's bottom; the lane cards are placed.
 */
export function laneRoutes(
  routed: readonly Link[], main: readonly string[], positions: ReadonlyMap<string, Point>, size: (id: string) => Size,
  bottom: number, laneGap: number,
): Map<string, Bend> {
  const out = new Map<string, Bend>();
  const n = routed.length;
  const centre = (id: string) => Math.round(positions.get(id)!.x + size(id).width / 2);
  // The links leaving one column share the gap after it, the topmost furthest right.
  const byColumn = new Map<number, Link[]>();
  for (const l of routed) byColumn.set(centre(l.from), [...(byColumn.get(centre(l.from)) ?? []), l]);
  const exit = new Map<Link, number>();
  for (const [c, group] of byColumn) {
    const column = main.filter((id) => centre(id) === c);
    const colRight = Math.max(...column.map((id) => positions.get(id)!.x + size(id).width));
    const after = main.map((id) => positions.get(id)!.x).filter((x) => x > colRight);
    const nextLeft = after.length ? Math.min(...after) : colRight + LAST_GAP;
    // Near the source's column, clear of the arrowheads at the next one.
    const step = Math.min(EXIT_STEP, (nextLeft - colRight - 2 * EXIT_IN) / Math.max(1, group.length - 1));
    group.forEach((l, k) => exit.set(l, colRight + EXIT_IN + (group.length - 1 - k) * step));
  }
  routed.forEach((l, i) => {
    const target = positions.get(l.to)!;
    // A route climbing back into the main flow nests the other way: the lowest run rises furthest left.
    const up = target.y < bottom;
    out.set(`${l.from}->${l.to}`, {
      exit: exit.get(l)!,
      y: bottom + laneGap / 2 + (n - 1 - i) * RUN_STEP,
      x: target.x - ENTRY_IN - (up ? n - 1 - i : i) * ENTRY_STEP,
    });
  });
  return out;
}
