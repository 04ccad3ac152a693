import { useNodesInitialized, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { layoutScenario, type Point, type Size } from '../../app/layout';
import type { Scenario } from '../../sim/engine/scenario';
import type { SimFlowNode } from '../nodes/types';
import { fitViewOptions } from './fitView';

/**
 * Once React Flow has measured the cards, lays the scenario out again with their real sizes
 * (dagre spaces by size, so tall cards do not overlap), fits the view, then reveals the
 * canvas. Reads the node array once, on demand, never by subscription.
 */
export function AutoLayout({ scenario, onDone }: { scenario: Scenario; onDone: () => void }) {
  const measured = useNodesInitialized();
  const flow = useReactFlow<SimFlowNode>();
  const store = useStoreApi<SimFlowNode>();
  const done = useRef(false);
  useEffect(() => {
    if (!measured || done.current) return;
    done.current = true;
    const sizes = new Map<string, Size>();
    for (const n of flow.getNodes()) if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
    const positions = layoutScenario(scenario, sizes);
    flow.setNodes((nodes) => nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })));
    const { width, height } = store.getState();
    const options = fitViewOptions(extent(positions, sizes), { width, height }, narrationBox());
    // Positions apply on the next render; fit after it.
    requestAnimationFrame(() => {
      void flow.fitView(options).then(onDone);
    });
  }, [measured, flow, store, scenario, onDone]);
  return null;
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
