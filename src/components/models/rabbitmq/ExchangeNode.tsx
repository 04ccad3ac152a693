import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { Figures } from '../../nodes/Figures';
import { NodeCard } from '../../nodes/NodeCard';
import { num } from '../../nodes/read';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';

/** A RabbitMQ exchange: its type, how many it routed, and how many found no binding. */
export const ExchangeNode = memo(function ExchangeNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const live = useNodeLive(id);
  const type = typeof data.config.type === 'string' ? data.config.type : undefined;
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live} tag={type}>
      <Figures items={[['routed', num(live, 'routed')], ['copies', num(live, 'copies')], ['unroutable', num(live, 'unroutable'), true]]} />
    </NodeCard>
  );
});
