import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect } from 'react';
import { edgePaths } from '../../app/edgePaths';

/**
 * A link between two nodes: a quiet bezier curve (never `animated`: moving messages are the
 * message layer's job). It reports its path to the message layer whenever it changes.
 */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd } = props;
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  useLayoutEffect(() => edgePaths.set(id, path), [id, path]);
  useEffect(() => () => edgePaths.delete(id), [id]);
  return <BaseEdge id={id} path={path} markerEnd={markerEnd} className="flow-edge" />;
});

/** Edge kinds on the canvas; module scope for React Flow. */
export const edgeTypes = { sim: FlowEdge };
