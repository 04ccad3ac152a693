import { getNodesBounds, useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useApp } from '../../store/appStore';
import type { SimFlowNode } from '../nodes/types';
import { fitAbove, PHONE_WIDTH } from './fitView';

/** Space kept between the diagram and the canvas' top or the drawer, px. */
const MARGIN = 16;
/** Wall ms to wait for the drawer to finish opening (it grows in 220 ms, Drawer.tsx). */
const SETTLE_MS = 260;
/** Room above the cards for a variant's or a consumer group's box title, px. */
const BOX_TITLE = 34;

/**
 * The drawer floats over the bottom of the canvas; this keeps the whole diagram in the part of
 * the canvas it leaves visible, and puts the view back as it was when the drawer closes:
 * - a diagram that fits there at its zoom slides up, at the same zoom, clear of the narration
 *   card where they would overlap;
 * - a taller one (a long flow wrapped onto a second row) is fitted into that part, smaller,
 *   but never so small that its text draws under 11 px: what still does not fit shows its top
 *   and the learner drags for the rest (a phone keeps its readable zoom, shows the diagram's
 *   top and pans).
 * Renders nothing; must sit inside the ReactFlow component.
 */
export function ClearOfDrawer() {
  const open = useApp((s) => s.drawerOpen);
  const loadId = useApp((s) => s.loadId);
  const flow = useReactFlow<SimFlowNode>();
  const store = useStoreApi<SimFlowNode>();
  /** The view before the drawer moved it, and the view it moved to (a view the learner has moved since is left alone). */
  const moved = useRef<{ before: Viewport; after: Viewport } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const [x, y, zoom] = store.getState().transform;
      if (!open) {
        const m = moved.current;
        moved.current = null;
        if (m && Math.abs(m.after.x - x) < 1 && Math.abs(m.after.y - y) < 1 && Math.abs(m.after.zoom - zoom) < 1e-3) {
          void flow.setViewport(m.before, { duration: 200 });
        }
        return;
      }
      const pane = store.getState().domNode?.getBoundingClientRect();
      const body = document.querySelector('.drawer__body')?.getBoundingClientRect();
      if (!pane || !body || flow.getNodes().length === 0) return;
      const visible = body.top - pane.top;
      const b = getNodesBounds(flow.getNodes());
      const boxes = document.querySelector('.variant-box') ? BOX_TITLE : 0;
      const top = y + (b.y * zoom) - boxes, height = b.height * zoom + boxes;
      if (top + height <= visible - MARGIN) return;
      const before = { x, y, zoom };
      // Clear of the narration card when the diagram starts under it, not beside it.
      const narration = document.querySelector<HTMLElement>('.narration')?.getBoundingClientRect();
      const under = narration && x + b.x * zoom < narration.right - pane.left;
      const ceiling = under ? narration.bottom - pane.top + MARGIN : MARGIN + 20;
      let after: Viewport;
      // A phone keeps its readable zoom and shows the diagram's top; the learner pans (AutoLayout).
      if (height <= visible - MARGIN - ceiling || pane.width < PHONE_WIDTH) {
        const wanted = Math.max(ceiling, ceiling + (visible - ceiling - height) / 2);
        const dy = Math.min(0, wanted - top);
        if (dy === 0) return;
        after = { x, y: y + dy, zoom };
      } else {
        // Smaller, but never below the zoom where the cards' smallest text still reads at 11 px.
        const least = Math.min(zoom, readableZoom(store.getState().domNode));
        after = fitAbove(b, pane.width, visible - MARGIN, boxes, narration ? { width: narration.width, height: narration.height } : undefined, zoom, least);
      }
      moved.current = { before, after };
      void flow.setViewport(after, { duration: 200 });
    }, open ? SETTLE_MS : 0);
    return () => clearTimeout(timer);
  }, [open, loadId, flow, store]);
  return null;
}

/** Canvas text is kept at this size or more, px (the visual-lesson issue's floor). */
const SMALLEST_TEXT_PX = 11;

/** The zoom at which the smallest text on the cards draws at SMALLEST_TEXT_PX (0 when there is none). */
function readableZoom(pane: Element | null | undefined): number {
  let smallest = Infinity;
  for (const el of pane?.querySelectorAll<HTMLElement>('.react-flow__node *') ?? []) {
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (hasText && el.getClientRects().length > 0) smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
  }
  return Number.isFinite(smallest) ? SMALLEST_TEXT_PX / smallest : 0;
}
