import type { FitViewOptions } from '@xyflow/react';
import type { SimFlowNode } from '../nodes/types';

/** Space kept clear around the diagram, px: room for the zoom controls (right) and the legend (bottom). */
const EDGE = { top: 28, right: 56, bottom: 64, left: 40 };
/** Gap between the narration card and the diagram, px. */
const GAP = 24;

/** Width and height, px. */
export interface Box {
  width: number;
  height: number;
}

/**
 * How to fit the diagram clear of the narration card in the top-left corner: beside it or
 * below it, whichever shows the diagram bigger (wide chains go below, tall graphs beside).
 * `extraTop` keeps room above the cards for what is drawn there (a group box's title).
 */
export function fitViewOptions(diagram?: Box, canvas?: Box, narration?: Box, extraTop = 0): FitViewOptions<SimFlowNode> {
  const base = { maxZoom: 1.1, minZoom: 0.3 };
  const edge = { ...EDGE, top: EDGE.top + extraTop };
  if (!diagram || !canvas || !narration || narration.height === 0) return { ...base, padding: px(edge) };
  const beside = { ...edge, left: narration.width + GAP + 14 };
  const below = { ...edge, top: narration.height + GAP + 14 + extraTop };
  const zoom = (p: typeof EDGE) =>
    Math.min((canvas.width - p.left - p.right) / diagram.width, (canvas.height - p.top - p.bottom) / diagram.height);
  return { ...base, padding: px(zoom(beside) >= zoom(below) ? beside : below) };
}

function px(p: typeof EDGE) {
  return { top: `${p.top}px`, right: `${p.right}px`, bottom: `${p.bottom}px`, left: `${p.left}px` } as const;
}

/** Zoom at which compact cards' smallest text (12.5 px) draws at 11 px: a fit below it is too small to read. */
export const READABLE_ZOOM = 11 / 12.5;

/** Zoom below which a diagram laid out with full cards is drawn with compact ones instead. */
export const FULL_ZOOM = 0.96;
/**
 * How far a compact diagram may be zoomed in past its fit before its cards turn full again:
 * the compact fit is often above FULL_ZOOM (compact cards are small), so the switch back
 * waits until the user has clearly zoomed in to read more.
 */
const COMPACT_HEADROOM = 1.2;

/** The zoom under which cards are compact, after a compact diagram was fitted at `fitZoom`. */
export function compactBelow(fitZoom: number): number {
  return Math.max(FULL_ZOOM, fitZoom * COMPACT_HEADROOM);
}

/** The zoom `fitViewOptions` lands on for this diagram, canvas and narration card. */
export function fitZoom(diagram: Box, canvas: Box, narration: Box, extraTop = 0): number {
  const p = fitViewOptions(diagram, canvas, narration, extraTop).padding as Record<'top' | 'right' | 'bottom' | 'left', string>;
  const n = (v: string) => parseFloat(v);
  const zoom = Math.min((canvas.width - n(p.left) - n(p.right)) / diagram.width, (canvas.height - n(p.top) - n(p.bottom)) / diagram.height);
  return Math.min(1.1, Math.max(0.3, zoom));
}

/**
 * The view (x, y, zoom) that fits the diagram's bounds `b` into the top `height` px of a canvas
 * `width` px wide (what the drawer leaves), clear of the narration card (beside or below it,
 * whichever shows it bigger) and with `extraTop` above the cards, never zoomed in past `most`,
 * nor out below `least` (where the cards' smallest text would draw under 11 px). A diagram that
 * does not fit at `least` keeps that zoom, placed where its whole width still shows (beside the
 * card if it can, else below it), from its top: the learner drags for the rest.
 */
export function fitAbove(
  b: { x: number; y: number; width: number; height: number }, width: number, height: number,
  extraTop: number, narration: Box | undefined, most: number, least = 0,
): { x: number; y: number; zoom: number } {
  // The legend's room at the bottom is under the drawer: the diagram may go down to `height`.
  const edge = { ...EDGE, top: EDGE.top + extraTop, bottom: 0 };
  const arrangements = narration && narration.height > 0
    ? [{ ...edge, left: narration.width + GAP + 14 }, { ...edge, top: narration.height + GAP + 14 + extraTop }]
    : [edge];
  const fits = (p: typeof EDGE) => Math.min((width - p.left - p.right) / b.width, (height - p.top - p.bottom) / b.height);
  const widthFits = (p: typeof EDGE) => (width - p.left - p.right) / b.width >= least;
  const ranked = [...arrangements].sort((p, q) => fits(q) - fits(p));
  const pad = ranked.find((p) => fits(p) >= least) ?? ranked.find(widthFits) ?? ranked[0]!;
  const zoom = Math.max(0.1, Math.min(most, Math.max(least, fits(pad))));
  // Centred where it fits; from its top (and left) where it does not.
  const x = pad.left + Math.max(0, (width - pad.left - pad.right - b.width * zoom) / 2) - b.x * zoom;
  const y = pad.top + Math.max(0, (height - pad.top - pad.bottom - b.height * zoom) / 2) - b.y * zoom;
  return { x, y, zoom };
}

/** Canvases narrower than this are phones: a diagram is not shrunk below PHONE_ZOOM to fit. */
export const PHONE_WIDTH = 640;
/**
 * The smallest zoom a phone fits to: compact text (12.5 px at least) stays at 11 px or more.
 * A wider diagram starts at its left end, and the learner pans (drags) to see the rest.
 */
export const PHONE_ZOOM = 0.9;

/**
 * The view for a tour step about some cards on a phone, when fitting them all into what the
 * tour panel leaves would draw them too small to read (a third of their size, often): PHONE_ZOOM, the group shown from its top-left card (where its
 * story starts, in a left-to-right flow), clear of the panel; the learner drags for the rest.
 * `focus`, the card the step asks the learner to use, is moved into view if that start leaves it
 * out. Null where the ordinary fit is readable, or the canvas is not a phone's.
 */
export function readableStepView(
  b: { x: number; y: number; width: number; height: number }, canvas: Box, panel: Box,
  focus?: { x: number; y: number; width: number; height: number },
): { x: number; y: number; zoom: number } | null {
  if (canvas.width >= PHONE_WIDTH || fitZoom(b, canvas, panel) >= PHONE_ZOOM) return null;
  const view = fitAbove(b, canvas.width, canvas.height, 0, panel, PHONE_ZOOM, PHONE_ZOOM);
  if (!focus) return view;
  const z = view.zoom;
  // The room the view leaves for cards: below the panel, clear of the zoom controls on the right.
  const room = { left: EDGE.left, right: canvas.width - EDGE.right, top: panel.height + GAP, bottom: canvas.height - EDGE.bottom };
  const shift = (start: number, size: number, lo: number, hi: number) =>
    start + size > hi ? Math.max(lo - start, hi - (start + size)) : start < lo ? lo - start : 0;
  return {
    zoom: z,
    x: view.x + shift(focus.x * z + view.x, focus.width * z, room.left, room.right),
    y: view.y + shift(focus.y * z + view.y, focus.height * z, room.top, room.bottom),
  };
}
