import type { FitViewOptions } from '@xyflow/react';
import type { SimFlowNode } from '../nodes/types';

/** Room the narration card takes on the left of the canvas when open, in px. */
const NARRATION_ROOM = 392;

/** How the canvas fits the diagram: clear of the narration card (left) and the legend and zoom controls (bottom). */
export function fitViewOptions(narrationOpen = true): FitViewOptions<SimFlowNode> {
  return {
    padding: { top: '28px', right: '56px', bottom: '64px', left: narrationOpen ? `${NARRATION_ROOM}px` : '40px' },
    maxZoom: 1.1,
    minZoom: 0.3,
  };
}
