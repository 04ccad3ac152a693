import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../app/debug';
import { ServiceIcon } from './icons';
import { NodeCard } from './NodeCard';
import { ServiceFigures } from './ServiceFigures';
import type { SimFlowNode } from './types';
import { useNodeLive } from './useNodeLive';

/** A service: busy and free slots, what waits for a slot, what it has processed and failed. */
export const ServiceNode = memo(function ServiceNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const live = useNodeLive(id);
  return (
    <NodeCard id={id} config={data.config} live={live} accent="service" icon={<ServiceIcon />}>
      <ServiceFigures live={live} concurrency={Number(data.config.concurrency ?? 1)} />
    </NodeCard>
  );
});
