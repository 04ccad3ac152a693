import type { Scenario } from '../sim/engine/scenario';
import type { Point, Size } from './layout';

/**
 * A long flow wrapped onto a second row (see `layoutDetailed`): the second row's columns, and
 * the route of each link turning back from the first row to the second. Such a link leaves its
 * source to the right, drops into the gap between the rows, runs left past the second row's
 * left end, and comes down into its target from the left. Routes nest (the link from the
 * rightmost source runs lowest and enters innermost, at the top of the second row's first
 * column), so they never cross each other.
 */

/**
 * Where a routed link runs: `y` of its horizontal run in the gap between the rows (or above the
 * dead-letter lane), `x` of its way down to the target, and `exit` the x of its way down from
 * the source when it is not BEND_EXIT right of it (a lane route, `layoutLane.ts`).
 */
export interface Bend {
  x: number;
  y: number;
  exit?: number;
}

/** The corners of a routed link, from its source's right side to its target's left side. */
export function bendPoints(sx: number, sy: number, b: Bend, tx: number, ty: number): [number, number][] {
  const ex = b.exit ?? sx + BEND_EXIT;
  return [[sx, sy], [ex, sy], [ex, b.y], [b.x, b.y], [b.x, ty], [tx, ty]];
}

/** How far right of its source a turning link goes before it drops, px. */
export const BEND_EXIT = 16;
/** Vertical room per turning link in the gap between the rows (a label is 22 px high), px. */
export const BEND_STEP = 26;
/** The innermost way down, left of the second row, and the distance between two of them, px. */
const LANE_IN = 18;
const LANE_STEP = 12;

type Link = Scenario['links'][number];

/**
 * The second row's columns: a card fed from the first row (or by nothing) starts it (rank 0),
 * the others sit one column right of their last parent in the second row.
 */
export function secondRowRanks(
  ids: readonly string[], preds: ReadonlyMap<string, string[]>, rowTwo: ReadonlySet<string>, column: (id: string) => number,
): Map<string, number> {
  const rank = new Map<string, number>();
  for (const id of [...ids].sort((a, b) => column(a) - column(b))) {
    const inRow = (preds.get(id) ?? []).filter((p) => rowTwo.has(p) && rank.has(p));
    rank.set(id, inRow.length ? Math.max(...inRow.map((p) => rank.get(p)! + 1)) : 0);
  }
  return rank;
}

/** Centre x of each second-row column, from `left`: each as wide as its widest card, the gaps as dagre leaves them (room for a link's label). */
export function secondRowColumns(
  ids: readonly string[], rank: ReadonlyMap<string, number>, links: readonly Link[], size: (id: string) => Size, ranksep: number,
  label: (link: Link) => Size | undefined, left: number,
): Map<number, number> {
  const last = Math.max(...rank.values());
  const width = (r: number) => Math.max(0, ...ids.filter((id) => rank.get(id) === r).map((id) => size(id).width));
  const labelAfter = (r: number) => Math.max(0, ...links.filter((l) => rank.get(l.from) === r && rank.has(l.to)).map((l) => label(l)?.width ?? 0));
  const x = new Map<number, number>();
  let edge = left;
  for (let r = 0; r <= last; r++) {
    x.set(r, edge + width(r) / 2);
    edge += width(r) + ranksep + labelAfter(r);
  }
  return x;
}

/** The links turning back (first row → second), innermost first: the rightmost source first, then the lowest. */
export function turningLinks(links: readonly Link[], rowTwo: ReadonlySet<string>, positions: ReadonlyMap<string, Point>, size: (id: string) => Size): Link[] {
  const right = (id: string) => positions.get(id)!.x + size(id).width;
  const mid = (id: string) => positions.get(id)!.y + size(id).height / 2;
  return links
    .filter((l) => !rowTwo.has(l.from) && rowTwo.has(l.to) && positions.has(l.from))
    .sort((a, b) => right(b.from) - right(a.from) || mid(b.from) - mid(a.from));
}

/** The routes of the turning links (innermost first), given the first row's bottom and the second row's left end. */
export function bends(turning: readonly Link[], firstBottom: number, laneGap: number, left: number): Map<string, Bend> {
  const out = new Map<string, Bend>();
  const n = turning.length;
  turning.forEach((l, i) => {
    out.set(`${l.from}->${l.to}`, { x: left - LANE_IN - i * LANE_STEP, y: firstBottom + laneGap / 2 + (n - 1 - i + 0.5) * BEND_STEP });
  });
  return out;
}

/** The room between the two rows for `n` turning links, px. */
export function rowGap(n: number, laneGap: number): number {
  return laneGap + n * BEND_STEP;
}

/**
 * Edge crossings of a layout, as `e2e/measure.spec.ts` counts them on screen: each link the
 * straight line from its source's right side to its target's left side, or, turning back or
 * running into the dead-letter lane, its route; links sharing a node never cross.
 */
export function crossings(
  links: readonly Link[], positions: ReadonlyMap<string, Point>, size: (id: string) => Size, routes: ReadonlyMap<string, Bend> = new Map(),
): number {
  const lines = links.flatMap((l) => {
    const s = positions.get(l.from), t = positions.get(l.to);
    if (!s || !t) return [];
    const sx = s.x + size(l.from).width, sy = s.y + size(l.from).height / 2, tx = t.x, ty = t.y + size(l.to).height / 2;
    const b = routes.get(`${l.from}->${l.to}`);
    const pts: [number, number][] = b ? bendPoints(sx, sy, b, tx, ty) : [[sx, sy], [tx, ty]];
    return [{ a: l.from, b: l.to, pts }];
  });
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const p = lines[i]!, q = lines[j]!;
      if (p.a === q.a || p.a === q.b || p.b === q.a || p.b === q.b) continue;
      if (polylinesCross(p.pts, q.pts)) n++;
    }
  }
  return n;
}

/** Whether two polylines cross (touching or running along each other does not count). */
export function polylinesCross(p: readonly (readonly [number, number])[], q: readonly (readonly [number, number])[]): boolean {
  const d = (a: readonly number[], b: readonly number[], c: readonly number[]) => (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
  for (let i = 1; i < p.length; i++) {
    for (let j = 1; j < q.length; j++) {
      const a = p[i - 1]!, b = p[i]!, c = q[j - 1]!, e = q[j]!;
      if (d(a, b, c) * d(a, b, e) < 0 && d(c, e, a) * d(c, e, b) < 0) return true;
    }
  }
  return false;
}
