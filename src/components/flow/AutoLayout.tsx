import { getNodesBounds, useNodesInitialized, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { columnCount, GUESSED_SIZE, layoutDetailed, type Layout, type Point, type Size } from '../../app/layout';
import { crossings } from '../../app/layoutWrap';
import { findConsumerGroups, findVariants } from '../../app/variants';
import type { Scenario } from '../../sim/engine/scenario';
import type { SimFlowNode } from '../nodes/types';
import { compactBelow, fitViewOptions, fitZoom, FULL_ZOOM, PHONE_WIDTH, PHONE_ZOOM, READABLE_ZOOM } from './fitView';

type Density = 'full' | 'compact';

/** The mounted canvas's density check, run when the user (not a tour or a fit) has zoomed. */
let userZoomed: (() => void) | null = null;

/**
 * For ReactFlow's `onMoveEnd`: a zoom the user made (a wheel, a pinch, a drag: `event` is set)
 * may switch the cards' density; a programmatic one (a fit, a tour step) never does, so a tour
 * zooming in on its step does not re-lay the diagram out under it.
 */
export function onUserMoveEnd(event: MouseEvent | TouchEvent | null): void {
  if (event) userZoomed?.();
}

/** The mounted canvas's re-layout in the density it draws now, with the cards as measured now. */
let relayoutNow: (() => Promise<void>) | null = null;

/**
 * Lays the diagram on the canvas out again with the cards' measured sizes, in the density it
 * draws now (a tour's fit drew compact cards in full, bigger than the layout left room for).
 * Resolves false when no canvas is mounted or it is busy laying out already.
 */
export async function relayoutCanvas(): Promise<boolean> {
  if (!relayoutNow) return false;
  await relayoutNow();
  return true;
}

/** The mounted canvas's switch to full cards (laid out again around the card nearest the centre), if it draws compact ones. */
let fullNow: (() => Promise<boolean>) | null = null;

/**
 * Draws full cards if the canvas draws compact ones (a tour step that zoomed in on cards whose
 * figures it talks about: the learner walking there zoomed in, which turns them full). Resolves
 * true when it switched; false when no canvas is mounted, it is busy, or its cards are full already.
 */
export async function fullCardsNow(): Promise<boolean> {
  return fullNow ? fullNow() : false;
}


/**
 * Lays the scenario out with the cards' measured sizes and fits it, then keeps the layout
 * right for the cards' density (semantic zoom):
 * - on load, full cards if the diagram fits at FULL_ZOOM or more; otherwise compact cards
 *   (name, one key figure, state colour, the switch), laid out again with their own sizes and
 *   tighter gaps, and fitted: the diagram uses the canvas' width instead of shrinking the
 *   full cards until their text breaks;
 * - later, the user zooming in well past that fit turns the cards full, zooming out below
 *   FULL_ZOOM turns them compact (a programmatic zoom, a tour's, never switches); each switch lays the diagram out again around the card nearest the
 *   centre of the screen, which stays where it was.
 * Sets `data-zoom` on the canvas container (the CSS draws the density). Reads the node array on
 * demand, never by subscription. Reveals the canvas (`onDone`) after the first fit.
 */
export function AutoLayout({ scenario, onDone }: { scenario: Scenario; onDone: () => void }) {
  const measured = useNodesInitialized();
  const flow = useReactFlow<SimFlowNode>();
  const store = useStoreApi<SimFlowNode>();
  const started = useRef(false);
  useEffect(() => {
    if (!measured || started.current) return;
    started.current = true;
    let density: Density = 'full';
    let threshold = FULL_ZOOM;
    let busy = true;
    let live = true;

    const setDensity = (d: Density) => {
      density = d;
      const el = store.getState().domNode?.closest<HTMLElement>('.flow');
      if (el) el.dataset.zoom = d;
    };
    const sizes = () => {
      const out = new Map<string, Size>();
      for (const node of flow.getNodes()) if (node.measured?.width && node.measured.height) out.set(node.id, { width: node.measured.width, height: node.measured.height });
      return out;
    };
    const place = (d: Density) => {
      const s = sizes();
      const best = arrange(d, s);
      flow.setNodes((nodes) => nodes.map((node) => ({ ...node, position: best.positions.get(node.id) ?? node.position })));
      flow.setEdges((edges) => edges.map((edge) => (edge.data ? { ...edge, data: { ...edge.data, bend: best.bends.get(edge.id) } } : edge)));
      return extent(best.positions, s);
    };
    // Compact cards too small to read at fit: a long flow wraps onto a second row when that
    // fits bigger without more crossings (the split that fits biggest). Not on phones, which pan.
    const arrange = (d: Density, s: ReadonlyMap<string, Size>): Layout => {
      let best = layoutDetailed(scenario, s, d);
      if (d !== 'compact' || canvas().width < PHONE_WIDTH) return best;
      const zoomOf = (l: Layout) => fitZoom(extent(l.positions, s), canvas(), narrationBox(), extraTop);
      let zoom = zoomOf(best);
      if (zoom >= READABLE_ZOOM) return best;
      const size = (id: string) => s.get(id) ?? GUESSED_SIZE;
      const most = crossings(scenario.links, best.positions, size, best.bends);
      for (let k = 1, n = columnCount(scenario); k < n; k++) {
        const wrapped = layoutDetailed(scenario, s, d, k);
        const z = zoomOf(wrapped);
        if (z > zoom + 0.01 && crossings(scenario.links, wrapped.positions, size, wrapped.bends) <= most) {
          best = wrapped;
          zoom = z;
        }
      }
      return best;
    };
    const canvas = () => ({ width: store.getState().width, height: store.getState().height });
    // Boxes around variants and consumer groups have their title above the top cards.
    const extraTop = findVariants(scenario).length + findConsumerGroups(scenario).length > 0 ? 34 : 0;
    const fit = (diagram: Size) => fitViewOptions(diagram, canvas(), narrationBox(), extraTop);

    const load = async () => {
      setDensity('full');
      const full = place('full');
      await frames(1);
      if (fitZoom(full, canvas(), narrationBox(), extraTop) < FULL_ZOOM) {
        setDensity('compact');
        await measuredAgain();
        const compact = place('compact');
        await frames(1);
        await flow.fitView(fit(compact));
        if (canvas().width < PHONE_WIDTH && store.getState().transform[2] < PHONE_ZOOM) await readableOnPhone();
        threshold = compactBelow(store.getState().transform[2]);
      } else {
        await flow.fitView(fit(full));
      }
      if (!live) return;
      busy = false;
      onDone();
    };

    // On a phone: readable text, the diagram's left end in view, centred in the height left
    // between the narration card and the legend.
    const readableOnPhone = async () => {
      const b = getNodesBounds(flow.getNodes());
      const { height } = canvas();
      const top = narrationBox().height + 28;
      const bottom = height - 56;
      const y = Math.max(top, top + (bottom - top - b.height * PHONE_ZOOM) / 2);
      await flow.setViewport({ x: 16 - b.x * PHONE_ZOOM, y: y - b.y * PHONE_ZOOM, zoom: PHONE_ZOOM });
    };

    // A switch of density keeps the card nearest the screen's centre where it is on screen.
    const redraw = async (d: Density, recheck = true) => {
      busy = true;
      const anchor = nearestToCentre();
      setDensity(d);
      await measuredAgain();
      place(d);
      await frames(1);
      if (anchor) {
        const node = flow.getInternalNode(anchor.id);
        const [, , zoom] = store.getState().transform;
        if (node) {
          const { x, y } = centre(node.internals.positionAbsolute, node.measured);
          void flow.setViewport({ x: anchor.screenX - x * zoom, y: anchor.screenY - y * zoom, zoom });
        }
      }
      await frames(1);
      busy = false;
      if (recheck) check();
    };
    const nearestToCentre = () => {
      const [tx, ty, zoom] = store.getState().transform;
      const { width, height } = canvas();
      let best: { id: string; screenX: number; screenY: number; d: number } | null = null;
      for (const node of flow.getNodes()) {
        const internal = flow.getInternalNode(node.id);
        if (!internal) continue;
        const c = centre(internal.internals.positionAbsolute, node.measured);
        const screenX = tx + c.x * zoom, screenY = ty + c.y * zoom;
        const d = Math.hypot(screenX - width / 2, screenY - height / 2);
        if (!best || d < best.d) best = { id: node.id, screenX, screenY, d };
      }
      return best;
    };
    const check = () => {
      if (busy || !live) return;
      const want: Density = store.getState().transform[2] < threshold ? 'compact' : 'full';
      if (want !== density) void redraw(want);
    };
    userZoomed = check;
    const relayout = async () => {
      if (busy || !live) return;
      place(density);
      await frames(1);
    };
    relayoutNow = relayout;
    const full = async () => {
      if (busy || !live || density === 'full') return false;
      // Full until the user zooms (a programmatic zoom, the tour's refit, never switches back).
      await redraw('full', false);
      return true;
    };
    fullNow = full;
    // In a task of its own: React Flow's measuring (its resize observer's render, which made `measured`
    // true) and the layout's renders (the cards moved, the links drawn) made one long task on a slow phone.
    setTimeout(() => {
      if (live) void load();
    });
    return () => {
      live = false;
      if (userZoomed === check) userZoomed = null;
      if (relayoutNow === relayout) relayoutNow = null;
      if (fullNow === full) fullNow = null;
    };
  }, [measured, flow, store, scenario, onDone]);
  return null;
}

function frames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}

/** After a density switch: the CSS applies, the cards resize, React Flow measures them again. */
async function measuredAgain(): Promise<void> {
  await frames(2);
  await new Promise((resolve) => setTimeout(resolve, 30));
}

function centre(p: Point, size: { width?: number; height?: number } | undefined): Point {
  return { x: p.x + (size?.width ?? 0) / 2, y: p.y + (size?.height ?? 0) / 2 };
}

function extent(positions: ReadonlyMap<string, Point>, sizes: ReadonlyMap<string, Size>): Size {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [id, p] of positions) {
    const s = sizes.get(id) ?? { width: 0, height: 0 };
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + s.width);
    maxY = Math.max(maxY, p.y + s.height);
  }
  return { width: Math.max(1, maxX - minX), height: Math.max(1, maxY - minY) };
}

// The narration card floats over the canvas' top-left corner; the fit keeps the diagram clear of it.
function narrationBox(): Size {
  const el = document.querySelector<HTMLElement>('.narration');
  return el ? { width: el.offsetWidth, height: el.offsetHeight } : { width: 0, height: 0 };
}
