import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { layoutScenario, type Size } from '../../app/layout';
import type { Scenario } from '../../sim/scenario';
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
  const done = useRef(false);
  useEffect(() => {
    if (!measured || done.current) return;
    done.current = true;
    const sizes = new Map<string, Size>();
    for (const n of flow.getNodes()) if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
    const positions = layoutScenario(scenario, sizes);
    flow.setNodes((nodes) => nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })));
    // Positions apply on the next render; fit after it.
    requestAnimationFrame(() => {
      void flow.fitView(fitViewOptions()).then(onDone);
    });
  }, [measured, flow, scenario, onDone]);
  return null;
}
