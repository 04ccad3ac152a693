import { getNodesBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useApp } from '../../store/appStore';
import type { SimFlowNode } from '../nodes/types';

/** Space kept between the diagram and the canvas' top or the drawer, px. */
const MARGIN = 16;
/** Wall ms to wait for the drawer to finish opening (it grows in 220 ms, Drawer.tsx). */
const SETTLE_MS = 260;

/**
 * The drawer floats over the bottom of the canvas (so opening it never changes the zoom); this
 * slides the diagram up, at the same zoom, into the part of the canvas the drawer leaves
 * visible, clear of the narration card where they would overlap, and back down when it closes.
 * A diagram taller than what is left shows its top; the learner drags for the rest.
 * Renders nothing; must sit inside the ReactFlow component.
 */
export function ClearOfDrawer() {
  const open = useApp((s) => s.drawerOpen);
  const loadId = useApp((s) => s.loadId);
  const flow = useReactFlow<SimFlowNode>();
  const store = useStoreApi<SimFlowNode>();
  const moved = useRef(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      {
        const [x, y, zoom] = store.getState().transform;
        if (!open) {
          if (moved.current !== 0) void flow.setViewport({ x, y: y - moved.current, zoom }, { duration: 200 });
          moved.current = 0;
          return;
        }
        const pane = store.getState().domNode?.getBoundingClientRect();
        const body = document.querySelector('.drawer__body')?.getBoundingClientRect();
        if (!pane || !body || flow.getNodes().length === 0) return;
        const visible = body.top - pane.top;
        const b = getNodesBounds(flow.getNodes());
        const top = y + b.y * zoom, height = b.height * zoom;
        if (top + height <= visible - MARGIN) return;
        // Clear of the narration card when the diagram starts under it, not beside it.
        const narration = document.querySelector<HTMLElement>('.narration')?.getBoundingClientRect();
        const under = narration && x + b.x * zoom < narration.right - pane.left;
        const ceiling = under ? narration.bottom - pane.top + MARGIN : MARGIN + 20;
        const wanted = Math.max(ceiling, ceiling + (visible - ceiling - height) / 2);
        const dy = Math.min(0, wanted - top);
        if (dy === 0) return;
        moved.current += dy;
        void flow.setViewport({ x, y: y + dy, zoom }, { duration: 200 });
      }
    }, open ? SETTLE_MS : 0);
    return () => clearTimeout(timer);
  }, [open, loadId, flow, store]);
  return null;
}
