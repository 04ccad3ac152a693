import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { debug } from '../../app/debug';
import { FlightPainter } from '../../app/drawFlights';
import { followStore, followWaiting } from '../../app/follow';
import { waitingAt } from '../../app/waiting';
import { observers } from '../../app/observers';
import { edgePaths } from '../../app/edgePaths';
import { controller } from '../../app/runtime';

let current: { painter: FlightPainter; canvas: HTMLCanvasElement } | null = null;

/** The root id of the moving message drawn nearest the page point (clientX, clientY), or -1. */
export function messageAt(clientX: number, clientY: number): number {
  if (!current) return -1;
  const r = current.canvas.getBoundingClientRect();
  return current.painter.hit(clientX - r.left, clientY - r.top, 12);
}

/**
 * Follows the `index`-th message waiting in `node` (the next to be delivered when there is no
 * such chip). A queue card's chips call it.
 */
followWaiting.at = (node, index) => {
  const waiting = waitingAt(node, observers.lives.values());
  const pick = waiting[index] ?? waiting[0];
  if (!pick) return;
  controller.follow(pick.root); // FollowHighlight lights the hops it made before
};

/**
 * The one animation layer for moving messages: a canvas over the flow, redrawn once per
 * frame by the controller's loop with React Flow's viewport transform, so it follows pan and
 * zoom. React renders it once; nothing per message or per frame goes through React.
 */
export function MessageLayer() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  useEffect(() => {
    const el = canvas.current!;
    // The drawing context and the canvas' size wait until needed: mounted with the canvas, on
    // the first load, they made its commit (hydration) longer, while nothing moves before Play.
    let ctx: CanvasRenderingContext2D | null = null;
    const painter = new FlightPainter(edgePaths);
    current = { painter, canvas: el };
    let dpr = 1;
    let blank = true;
    // Sized when the observer first reports (after the browser's own layout, so no forced one
    // during the commit), then on every resize.
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      dpr = window.devicePixelRatio || 1;
      el.width = Math.max(1, Math.round(entry.contentRect.width * dpr));
      el.height = Math.max(1, Math.round(entry.contentRect.height * dpr));
      // Resizing clears the canvas: the next frame draws what there is, and with nothing to draw
      // (the first frame of a load) it leaves the canvas alone, so a load never pays for its first use.
      blank = true;
    });
    observer.observe(el);
    // The edge labels' boxes, in flow coordinates, read again when the edges move and twice a
    // second (a label's text changes: a breaker's state, a consumer's partitions).
    let clearAt = -Infinity;
    let clearVersion = -1;
    const readLabels = (wall: number) => {
      if (wall - clearAt < 500 && clearVersion === edgePaths.version) return;
      clearAt = wall;
      clearVersion = edgePaths.version;
      const [tx, ty, zoom] = flow.getState().transform;
      const origin = el.getBoundingClientRect();
      painter.keepClear = [...document.querySelectorAll<HTMLElement>('.react-flow__edgelabel-renderer .edge-label')].map((label) => {
        const r = label.getBoundingClientRect();
        return { x: (r.left - origin.left - tx) / zoom, y: (r.top - origin.top - ty) / zoom, w: r.width / zoom, h: r.height / zoom };
      });
    };
    const off = controller.onFrame((shown, wall) => {
      const flights = controller.flights;
      if (flights.count === 0 && blank) return;
      readLabels(wall);
      const t0 = performance.now();
      const followed = followStore.getState().root ?? -1;
      const clock = { shown, wall, hopMs: controller.hopMs, followed, followedLabel: followed === -1 ? undefined : observers.lives.get(followed)?.type };
      ctx ??= el.getContext('2d')!;
      const drawn = painter.paint(ctx, flights, clock, flow.getState().transform, dpr);
      debug.draw(performance.now() - t0, drawn, painter.shapes);
      blank = drawn === 0;
    });
    return () => {
      current = null;
      off();
      observer.disconnect();
    };
  }, [flow]);
  return <canvas ref={canvas} className="message-layer" aria-hidden="true" />;
}
