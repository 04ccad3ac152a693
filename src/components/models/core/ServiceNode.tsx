import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { NodeCard } from '../../nodes/NodeCard';
import { ServiceFigures } from '../../nodes/ServiceFigures';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';

/** A service: busy and free slots, what waits for a slot, what it has processed and failed. */
export const ServiceNode = memo(function ServiceNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const live = useNodeLive(id);
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live}>
      <ServiceFigures live={live} concurrency={Number(data.config.concurrency ?? 1)} />
    </NodeCard>
  );
});
