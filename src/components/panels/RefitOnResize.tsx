import { getNodesBounds, useReactFlow, useStore, useStoreApi, type Rect } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { SimFlowNode } from '../nodes/types';
import { fitViewOptions } from '../flow/fitView';

/** Wall ms the canvas size must hold still (the panels animate) before refitting. */
const SETTLE_MS = 260;

/**
 * Keeps a fitted diagram fitted when the canvas changes size because a panel opened or
 * closed (the inspector, the drawer): if the whole diagram was in view before, it is fitted
 * again, clear of the narration, as on load. A view the user zoomed into stays as it is.
 * Renders nothing; must sit inside the ReactFlow component.
 */
export function RefitOnResize() {
  const flow = useReactFlow<SimFlowNode>();
  const store = useStoreApi<SimFlowNode>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const settled = useRef<{ width: number; height: number; fitted: boolean } | null>(null);
  useEffect(() => {
    if (width === 0 || height === 0) return;
    const fits = (w: number, h: number, b: Rect) => {
      const [x, y, zoom] = store.getState().transform;
      const slack = 2;
      return x + b.x * zoom >= -slack && y + b.y * zoom >= -slack && x + (b.x + b.width) * zoom <= w + slack && y + (b.y + b.height) * zoom <= h + slack;
    };
    const before = settled.current;
    if (!before) {
      settled.current = { width, height, fitted: fits(width, height, getNodesBounds(flow.getNodes())) };
      return;
    }
    const timer = setTimeout(() => {
      const bounds = getNodesBounds(flow.getNodes());
      settled.current = { width, height, fitted: before.fitted };
      if (!before.fitted || (before.width === width && before.height === height)) return;
      void flow.fitView({ ...fitViewOptions(bounds, { width, height }, narrationBox()), duration: 200 });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [width, height, flow, store]);
  // A pan or zoom by the user decides afresh whether the diagram counts as fitted.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.transform === prev.transform || !settled.current || s.width !== settled.current.width) return;
        const b = getNodesBounds(flow.getNodes());
        const [x, y, zoom] = s.transform;
        settled.current.fitted = x + b.x * zoom >= -2 && y + b.y * zoom >= -2 && x + (b.x + b.width) * zoom <= s.width + 2 && y + (b.y + b.height) * zoom <= s.height + 2;
      }),
    [flow, store],
  );
  return null;
}

// The narration card floats over the canvas' top-left corner; the fit keeps the diagram clear of it.
function narrationBox(): { width: number; height: number } {
  const el = document.querySelector<HTMLElement>('.narration');
  return el ? { width: el.offsetWidth, height: el.offsetHeight } : { width: 0, height: 0 };
}
