import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps, type Edge } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect, useMemo } from 'react';
import { edgePaths } from '../../app/edgePaths';
import { BEND_EXIT, bendPoints, type Bend } from '../../app/layoutWrap';
import { ownerColours, type GroupLive } from '../../app/owners';
import type { DictKey } from '../../i18n/en';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';
import type { LinkConfig } from '../../sim/engine/scenario';
import { drawnScenario, useApp } from '../../store/appStore';

/** What an edge knows of its link: the scenario's link and the kinds at both ends. */
export interface SimEdgeData extends Record<string, unknown> {
  link: LinkConfig;
  fromKind: string;
  toKind: string;
  /** The route of a link turning back onto the second row of a wrapped flow (AutoLayout sets it). */
  bend?: Bend;
}

/** A canvas edge. */
export type SimFlowEdge = Edge<SimEdgeData, 'sim'>;

/**
 * A link between two nodes: a quiet bezier curve (never `animated`: moving messages are the
 * message layer's job). It reports its path to the message layer whenever it changes, and
 * draws the mechanics that live on the link: a RabbitMQ binding key, the circuit breaker
 * guarding a REST dependency, the Kafka partitions a consumer owns (in its colour), a pub/sub
 * subscription's own copy.
 */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<SimFlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data } = props;
  const bend = data?.bend;
  const [bezier, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const path = bend ? turnPath(sourceX, sourceY, bend, targetX, targetY) : bezier;
  useLayoutEffect(() => edgePaths.set(id, path), [id, path]);
  useEffect(() => () => edgePaths.delete(id), [id]);
  const owner = useOwnedPartitions(data, source, target);
  const style = owner ? { stroke: owner.colour, strokeWidth: 2.5 } : undefined;
  // Labels sit at about 70 % of the way: siblings leaving one node fan apart there, and the
  // label is read next to the node it concerns (the bound queue, the owning consumer).
  // On a link turning back, on its run between the rows, nearer its target's end.
  const [x, y] = bend
    ? [(bend.exit ?? sourceX + BEND_EXIT) + 0.6 * (bend.x - (bend.exit ?? sourceX + BEND_EXIT)), bend.y]
    : pointAt(0.7, sourceX, sourceY, targetX, targetY, labelX, labelY);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={bend?.exit === undefined ? 'flow-edge' : 'flow-edge flow-edge--lane'} style={style} />
      <EdgeLabelRenderer>
        <EdgeMechanics data={data} source={source} target={target} x={x} y={y} owner={owner} />
      </EdgeLabelRenderer>
    </>
  );
});

function useOwnedPartitions(data: SimEdgeData | undefined, source: string, target: string): { colour: string; parts: string } | null {
  const isKafka = data?.fromKind === 'topic';
  const group = typeof data?.link.group === 'string' ? data.link.group : undefined;
  const scenario = useApp(drawnScenario);
  const colours = useMemo(() => ownerColours(isKafka ? scenario : null), [isKafka, scenario]);
  const parts = useApp((s) => {
    if (!isKafka || !group) return null;
    const g = (s.live[source]?.groups as Record<string, GroupLive> | undefined)?.[group];
    const owned = g?.assignment?.[target];
    return owned ? owned.map((p) => `P${p}`).join(' · ') : '';
  });
  if (!isKafka || parts === null) return null;
  return { colour: colours.get(target) ?? '#64748b', parts };
}

function EdgeMechanics({ data, source, target, x, y, owner }: {
  data: SimEdgeData | undefined; source: string; target: string; x: number; y: number; owner: { colour: string; parts: string } | null;
}) {
  const { t, lang } = useT();
  const breaker = useApp((s) => {
    const deps = s.live[source]?.dependencies as Record<string, { breaker?: string }> | undefined;
    return deps?.[target]?.breaker;
  });
  const targetLabel = useApp((s) => localize(s.scenario?.nodes.find((n) => n.id === target)?.label, lang, target));
  const pos = { transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` };
  if (!data) return null;
  const bindingKey = typeof data.link.bindingKey === 'string' ? data.link.bindingKey : '';
  if (data.fromKind === 'exchange' && bindingKey !== '') {
    return (
      <div className="edge-label edge-label--binding" style={pos} data-testid="binding-key" aria-label={t('bindingKeyA11y', { key: bindingKey })}>
        {bindingKey}
      </div>
    );
  }
  if (breaker) {
    const state = breaker.toLowerCase().replace(/[^a-z]+/g, '_');
    const known = ['closed', 'open', 'half_open'].includes(state);
    const text = t('edgeBreaker', { state: known ? t(`breaker_${state}` as DictKey) : breaker });
    // Above the link, so moving calls stay visible; its full name is in the tooltip and on the card.
    return (
      <div
        className={`edge-label edge-label--breaker-${state.replace('_', '-')}`}
        style={{ transform: `translate(-50%, -100%) translate(${x}px, ${y - 8}px)` }}
        title={t('breakerTo', { name: targetLabel })}
        data-testid="edge-breaker"
        data-state={state}
      >
        {text}
      </div>
    );
  }
  if (owner) {
    return owner.parts ? (
      <div className="edge-label edge-label--owner" style={{ ...pos, backgroundColor: owner.colour }} data-testid="edge-owner" data-owner={target} data-colour={owner.colour}>
        {owner.parts}
      </div>
    ) : null;
  }
  if (data.fromKind === 'pubsub-topic' && data.toKind === 'subscription') {
    return (
      <div className="edge-label edge-label--fanout" style={pos}>
        {t('fanOutCopy')}
      </div>
    );
  }
  return null;
}

/**
 * The point at parameter `t` of React Flow's left-to-right bezier (control points half the
 * horizontal distance out, level with each end); for a link drawn backwards, a point on the
 * straight line through the midpoint.
 */
function pointAt(t: number, sx: number, sy: number, tx: number, ty: number, mx: number, my: number): [number, number] {
  const dx = tx - sx;
  if (dx < 0) return [mx + (tx - mx) * (2 * t - 1), my + (ty - my) * (2 * t - 1)];
  const u = 1 - t;
  const c1x = sx + dx / 2;
  const c2x = tx - dx / 2;
  const x = u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * tx;
  const y = u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ty + t * t * t * ty;
  return [x, y];
}

/**
 * The route of a link turning back onto a wrapped flow's second row (right out of its source,
 * down into the gap between the rows, left past the second row's start, down, and right into
 * its target) or running down into the dead-letter lane (the same shape); corners rounded.
 */
export function turnPath(sx: number, sy: number, bend: Bend, tx: number, ty: number): string {
  const pts = bendPoints(sx, sy, bend, tx, ty);
  let d = `M ${sx} ${sy}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const [px, py] = pts[i - 1]!, [cx, cy] = pts[i]!, [nx, ny] = pts[i + 1]!;
    const r = Math.min(8, Math.hypot(cx - px, cy - py) / 2, Math.hypot(nx - cx, ny - cy) / 2);
    const into = toward(cx, cy, px, py, r), out = toward(cx, cy, nx, ny, r);
    d += ` L ${into[0]} ${into[1]} Q ${cx} ${cy} ${out[0]} ${out[1]}`;
  }
  return `${d} L ${tx} ${ty}`;
}

function toward(x: number, y: number, tx: number, ty: number, r: number): [number, number] {
  const len = Math.hypot(tx - x, ty - y) || 1;
  return [x + ((tx - x) / len) * r, y + ((ty - y) / len) * r];
}

/** Edge kinds on the canvas; module scope for React Flow. */
export const edgeTypes = { sim: FlowEdge };
