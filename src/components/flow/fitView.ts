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
 */
export function fitViewOptions(diagram?: Box, canvas?: Box, narration?: Box): FitViewOptions<SimFlowNode> {
  const base = { maxZoom: 1.1, minZoom: 0.3 };
  if (!diagram || !canvas || !narration || narration.height === 0) return { ...base, padding: px(EDGE) };
  const beside = { ...EDGE, left: narration.width + GAP + 14 };
  const below = { ...EDGE, top: narration.height + GAP + 14 };
  const zoom = (p: typeof EDGE) =>
    Math.min((canvas.width - p.left - p.right) / diagram.width, (canvas.height - p.top - p.bottom) / diagram.height);
  return { ...base, padding: px(zoom(beside) >= zoom(below) ? beside : below) };
}

function px(p: typeof EDGE) {
  return { top: `${p.top}px`, right: `${p.right}px`, bottom: `${p.bottom}px`, left: `${p.left}px` } as const;
}

/** Zoom at and above which cards are drawn in full. */
const FULL_ZOOM = 0.96;
/** Smallest text a card shows in full, px: below FULL_ZOOM it would draw under 11 px. */
const SMALLEST_PX = 11.5;

/**
 * How much a compact card enlarges what it keeps, at `zoom`: 1 when cards are drawn in full,
 * else enough that its smallest kept text still draws at 11 px or more (in steps of 0.05, so
 * zooming re-renders rarely).
 */
export function compactScale(zoom: number): number {
  if (zoom >= FULL_ZOOM) return 1;
  return Math.min(3, Math.ceil((SMALLEST_PX / 11 / zoom) * 20) / 20);
}
