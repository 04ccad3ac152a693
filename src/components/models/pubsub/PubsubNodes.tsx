import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { useT } from '../../../i18n/useT';
import { AnimatedCount } from '../../nodes/AnimatedCount';
import { BacklogChips } from '../../nodes/BacklogChips';
import { Figures } from '../../nodes/Figures';
import { NodeCard } from '../../nodes/NodeCard';
import { num } from '../../nodes/read';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';

/** A pub/sub topic: what was published, the copies fanned out to subscriptions, what was lost. */
export const PubsubTopicNode = memo(function PubsubTopicNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const live = useNodeLive(id);
  const lost = (num(live, 'droppedNoSubscription') ?? 0) + (num(live, 'droppedOffline') ?? 0);
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live}>
      <Figures items={[['published', num(live, 'published')], ['fannedOut', num(live, 'fannedOut')]]} />
      <Figures items={[['subscriptions', num(live, 'subscriptions')], ['dropped', lost, true]]} />
    </NodeCard>
  );
});

/** A subscription: its backlog as chips, what is out unacked, and redeliveries, missed deadlines and losses. */
export const SubscriptionNode = memo(function SubscriptionNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t } = useT();
  const live = useNodeLive(id);
  const backlog = num(live, 'ready') ?? live?.backlog?.now ?? 0;
  const mode = typeof live?.mode === 'string' ? live.mode : undefined;
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live} tag={mode}>
      <div className="backlog">
        <span className="backlog__name">{t('backlog')}</span> <AnimatedCount className="backlog__value" value={backlog} />
      </div>
      <BacklogChips count={backlog} />
      <Figures items={[['unacked', num(live, 'unacked')], ['processed', live?.processed]]} />
      <Figures
        items={[
          ['redelivered', num(live, 'redelivered'), true],
          ['deadlinesMissed', num(live, 'deadlinesMissed'), true],
          ['dropped', num(live, 'dropped'), true],
        ]}
      />
    </NodeCard>
  );
});
