import {
  Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, type AriaLabelConfig, type NodeMouseHandler,
} from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { useRenderCount } from '../../app/debug';
import { edgeId } from '../../app/edgePaths';
import { layoutScenario } from '../../app/layout';
import { localize } from '../../i18n/localize';
import type { T } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import type { Scenario } from '../../sim/engine/scenario';
import { appStore, drawnScenario, useApp } from '../../store/appStore';
import { Narration } from '../Narration';
import { RefitOnResize } from '../panels/RefitOnResize';
import { kindUi } from '../models/catalog';
import { nodeTypeFor, nodeTypes } from '../nodes/registry';
import type { SimFlowNode } from '../nodes/types';
import { AutoLayout, onUserMoveEnd } from './AutoLayout';
import { ClearOfDrawer } from './ClearOfDrawer';
import { fitViewOptions } from './fitView';
import { edgeTypes, type SimFlowEdge } from './FlowEdge';
import { Legend } from './Legend';
import { controller } from '../../app/runtime';
import { FollowHighlight } from './FollowHighlight';
import { VariantBoxes } from './VariantBoxes';
import { MessageLayer, messageAt } from './MessageLayer';

// The tour replays the run ahead with the engine, which arrives after the first paint (app/runtime.ts).
const TourLayer = lazy(() => import('../tour/TourLayer').then((m) => ({ default: m.TourLayer })));

const defaultEdgeOptions = { type: 'sim', markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' } };
const initialFit = fitViewOptions();
const proOptions = { hideAttribution: false };
// React Flow's credit stays (it asks for it without a Pro subscription), at the bottom's middle:
// in a corner it sat against the zoom controls (bottom-right), the legend (bottom-left) or the
// narration (top), and Lighthouse's touch-target audit (WCAG 2.5.8: 24 px of room) failed.

// A click on a card's own control (its switch, its slow-mode menu) works that control; anywhere else on the card selects it.
const onNodeClick: NodeMouseHandler = (e, node) => {
  if ((e.target as Element).closest('button, select, input, label')) return;
  appStore.getState().select(node.id);
};
// A click on a moving message follows it; anywhere else on the pane clears the selection.
const onPaneClick = (e: ReactMouseEvent) => {
  const root = messageAt(e.clientX, e.clientY);
  if (root >= 0) controller.follow(root);
  else appStore.getState().select(null);
};
// Moving messages sit on edges: a click on an edge may be a click on one.
const onEdgeClick = (e: ReactMouseEvent) => {
  const root = messageAt(e.clientX, e.clientY);
  if (root >= 0) controller.follow(root);
};

/**
 * The canvas: React Flow draws the scenario's nodes (one card component per kind) and links,
 * laid out by dagre when the scenario has no positions; the message layer draws traffic on
 * top. Uncontrolled (React Flow owns the node array, so no component of ours reads it), and
 * remounted when a new scenario loads.
 */
export function FlowCanvas() {
  useRenderCount();
  const scenario = useApp(drawnScenario);
  const loadId = useApp((s) => s.loadId);
  // Hidden until laid out with measured sizes, so the first arrangement never flashes.
  const [shownFor, setShownFor] = useState(-1);
  const reveal = useCallback(() => setShownFor(loadId), [loadId]);
  const { t } = useT();
  const graph = useMemo(() => (scenario ? toGraph(scenario) : null), [scenario]);
  const ariaLabelConfig = useMemo(() => canvasLabels(t), [t]);
  if (!scenario || !graph) return null;
  return (
    <div className={`flow${shownFor === loadId ? ' flow--shown' : ''}`}>
      <ReactFlowProvider key={loadId} defaultNodes={graph.nodes} defaultEdges={graph.edges}>
        <ReactFlow
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          fitView
          fitViewOptions={initialFit}
          minZoom={0.2}
          maxZoom={2.5}
          nodesConnectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          panActivationKeyCode={null}
          nodesFocusable={false}
          disableKeyboardA11y
          onNodeClick={onNodeClick}
          onPaneClick={onPaneClick}
          onEdgeClick={onEdgeClick}
          onMoveEnd={onUserMoveEnd}
          proOptions={proOptions}
          attributionPosition="bottom-center"
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background gap={24} size={1.2} color="#d7dde6" />
          <VariantBoxes scenario={scenario} />
          <MessageLayer />
          <AutoLayout scenario={scenario} onDone={reveal} />
          <RefitOnResize />
          <ClearOfDrawer />
          <EdgeNames scenario={scenario} />
          <Controls showInteractive={false} position="bottom-right" />
        </ReactFlow>
        <Narration />
        <Suspense fallback={null}>
          <TourLayer />
        </Suspense>
        <Legend />
        <FollowHighlight />
      </ReactFlowProvider>
    </div>
  );
}

/**
 * Names each link for screen readers in the current language, from the nodes' labels
 * ("Link from User service to user.registered queue"), again when the language changes.
 */
function EdgeNames({ scenario }: { scenario: Scenario }) {
  const { t, lang } = useT();
  const flow = useReactFlow();
  // On its nodes, not the scenario: the engine taking the first screen's scenario over (the same
  // nodes, its tour added) renames nothing, so every edge is not drawn again.
  const nodes = scenario.nodes;
  useEffect(() => {
    const name = new Map(nodes.map((n) => [n.id, localize(n.label, lang, n.id)]));
    flow.setEdges((edges) =>
      edges.map((e) => ({ ...e, ariaLabel: t('edgeLabel', { from: name.get(e.source) ?? e.source, to: name.get(e.target) ?? e.target }) })),
    );
  }, [nodes, t, lang, flow]);
  return null;
}

function canvasLabels(t: T): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('nodeA11y'),
    'node.a11yDescription.keyboardDisabled': t('nodeA11y'),
    'edge.a11yDescription.default': t('edgeA11y'),
    'controls.ariaLabel': t('canvasControls'),
    'controls.zoomIn.ariaLabel': t('zoomIn'),
    'controls.zoomOut.ariaLabel': t('zoomOut'),
    'controls.fitView.ariaLabel': t('fitView'),
    'handle.ariaLabel': t('handleA11y'),
  };
}

function toGraph(scenario: Scenario): { nodes: SimFlowNode[]; edges: SimFlowEdge[] } {
  const positions = layoutScenario(scenario);
  const nodes: SimFlowNode[] = scenario.nodes.map((config) => ({
    id: config.id,
    type: nodeTypeFor(config.kind),
    position: positions.get(config.id)!,
    data: { config, ui: kindUi(config.kind) },
  }));
  const kindOf = new Map(scenario.nodes.map((n) => [n.id, n.kind]));
  const edges: SimFlowEdge[] = scenario.links.map((l) => ({
    id: edgeId(l.from, l.to), source: l.from, target: l.to, type: 'sim',
    data: { link: l, fromKind: kindOf.get(l.from) ?? '', toKind: kindOf.get(l.to) ?? '' },
  }));
  return { nodes, edges };
}
