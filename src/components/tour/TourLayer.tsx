import { getNodesBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { controller } from '../../app/runtime';
import { edgeId } from '../../app/edgePaths';
import { hasPositions } from '../../app/layout';
import type { Scenario } from '../../sim/engine/scenario';
import type { TourStep } from '../../sim/engine/tour';
import { useApp } from '../../store/appStore';
import { fullCardsNow, relayoutCanvas } from '../flow/AutoLayout';
import { FULL_ZOOM, fitViewOptions, readableStepView } from '../flow/fitView';
import type { SimFlowNode } from '../nodes/types';
import { TourPanel } from './TourPanel';
import { useTour, watchForAction } from './tourSession';
import './tour.css';

/** Frames to wait for the canvas' first layout before fitting a step's nodes. */
const MAX_WAIT_FRAMES = 120;

/**
 * The tour on the canvas: its panel, the highlight of the step's nodes and links (the rest
 * dimmed), and a view fitted to them clear of the panel. Must sit inside the ReactFlow provider.
 */
export function TourLayer() {
  const scenario = useApp((s) => s.scenario);
  const open = useTour((s) => s.open);
  const step = useTour((s) => s.step);
  useEffect(() => controller.onFrame(watchForAction), []);
  const current = open ? scenario?.tour?.steps[step] : undefined;
  useFitStep(current, scenario ?? undefined);
  if (!scenario?.tour || !current) return null;
  return (
    <>
      <style>{highlightCss(current)}</style>
      <TourPanel scenario={scenario} />
    </>
  );
}

/** Fits the view to the step's nodes (or the whole diagram), clear of the tour panel, once the canvas is laid out. */
function useFitStep(step: TourStep | undefined, scenario: Scenario | undefined) {
  const flow = useReactFlow<SimFlowNode>();
  const store = useStoreApi<SimFlowNode>();
  useEffect(() => {
    if (!step || !scenario) return;
    let frames = 0;
    let raf = 0;
    let alive = true;
    const fit = () => {
      const panel = document.querySelector<HTMLElement>('.tour-panel');
      if (!document.querySelector('.flow--shown') || !panel) {
        if (++frames < MAX_WAIT_FRAMES) raf = requestAnimationFrame(fit);
        return;
      }
      const ids = new Set([...step.highlight.nodes, ...step.highlight.links.flatMap((l) => [l.from, l.to])]);
      const { width, height } = store.getState();
      const fitTo = (duration: number) => {
        const shown = flow.getNodes().filter((n) => ids.size === 0 || ids.has(n.id));
        const bounds = getNodesBounds(shown);
        const panelBox = { width: panel.offsetWidth, height: panel.offsetHeight };
        // On a phone, a step about several cards keeps them readable rather than whole.
        const target = step.waitFor && flow.getNode(step.waitFor.node);
        const focus = target ? getNodesBounds([target]) : undefined;
        const readable = ids.size > 0 ? readableStepView(bounds, { width, height }, panelBox, focus) : null;
        if (readable) return flow.setViewport(readable, { duration });
        const options = fitViewOptions(bounds, { width, height }, panelBox);
        return flow.fitView({ ...options, nodes: shown.map((n) => ({ id: n.id })), duration });
      };
      void fitTo(350).then(() => {
        if (!alive) return;
        // The zoom may have drawn the cards bigger than the layout left room for (compact cards
        // in full): once measured again, the canvas lays the diagram out with their new sizes
        // (AutoLayout, the one layout path) and the step is fitted again.
        raf = requestAnimationFrame(() => {
          raf = requestAnimationFrame(() => {
            if (!alive) return;
            // A step about some cards, zoomed in far enough for full ones: their figures are what
            // the step talks about ("Run twice"), and compact cards hide them. Walking there, the
            // learner's zoom turned them full; opened straight from a link, this does.
            if (wantsFullCards(step, store.getState().transform[2])) {
              void fullCardsNow().then((done) => {
                if (done && alive) raf = requestAnimationFrame(() => void fitTo(200));
              });
              return;
            }
            if (!needsRelayout(flow.getNodes(), scenario)) return;
            void relayoutCanvas().then((done) => {
              if (done && alive) raf = requestAnimationFrame(() => void fitTo(200));
            });
          });
        });
      });
    };
    raf = requestAnimationFrame(fit);
    return () => {
      alive = false;
      cancelAnimationFrame(raf);
    };
  }, [step, scenario, flow, store]);
}

/** Whether a step's view wants full cards where the canvas draws compact ones: it is about some cards, and zoomed in to full cards' size. */
function wantsFullCards(step: TourStep, zoom: number): boolean {
  return step.highlight.nodes.length > 0 && zoom >= FULL_ZOOM && document.querySelector<HTMLElement>('.flow')?.dataset.zoom === 'compact';
}

/**
 * Whether two cards now overlap and the diagram may be laid out again: a scenario that places
 * its nodes itself keeps its places, unless the canvas draws compact cards (laid out by us).
 */
function needsRelayout(nodes: readonly SimFlowNode[], scenario: Scenario): boolean {
  const box = (n: SimFlowNode) => ({ x: n.position.x, y: n.position.y, w: n.measured?.width ?? 0, h: n.measured?.height ?? 0 });
  const boxes = nodes.map(box);
  const overlap = boxes.some((a, i) => boxes.some((b, j) => j > i && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
  return overlap && (!hasPositions(scenario) || document.querySelector<HTMLElement>('.flow')?.dataset.zoom === 'compact');
}

/** CSS that rings the step's nodes and links and dims the rest (ids are escaped). */
export function highlightCss(step: TourStep): string {
  const nodes = step.highlight.nodes.map((id) => `.react-flow__node[data-id="${CSS.escape(id)}"]`);
  const edges = step.highlight.links.map((l) => `.react-flow__edge[data-id="${CSS.escape(edgeId(l.from, l.to))}"]`);
  if (nodes.length === 0 && edges.length === 0) return '';
  const rules = [
    '.flow .react-flow__node { opacity: 0.35; transition: opacity 0.3s; }',
    '.flow .react-flow__edge { opacity: 0.3; transition: opacity 0.3s; }',
  ];
  if (nodes.length > 0) {
    rules.push(`${nodes.join(', ')} { opacity: 1; z-index: 2 !important; }`);
    rules.push(`${nodes.map((n) => `${n} .card`).join(', ')} { box-shadow: 0 0 0 3px var(--tour-ring), 0 0 0 9px var(--tour-glow) !important; }`);
  }
  if (edges.length > 0) {
    rules.push(`${edges.join(', ')} { opacity: 1; }`);
    rules.push(`${edges.map((e) => `${e} .flow-edge`).join(', ')} { stroke: var(--tour-ring) !important; stroke-width: 4 !important; }`);
  }
  return rules.join('\n');
}
