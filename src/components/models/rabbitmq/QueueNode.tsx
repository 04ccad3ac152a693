import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { formatNumber } from '../../../i18n/format';
import { useT } from '../../../i18n/useT';
import { AnimatedCount } from '../../nodes/AnimatedCount';
import { BacklogChips } from '../../nodes/BacklogChips';
import { Figures } from '../../nodes/Figures';
import { Figure, NodeCard } from '../../nodes/NodeCard';
import { num, total } from '../../nodes/read';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLabel, useNodeLive } from '../../nodes/useNodeLive';
import { controller } from '../../../app/runtime';
import { useApp } from '../../../store/appStore';

/** A queue: its backlog as a number and a stack of chips, its unacked deliveries, what passed through. */
export const QueueNode = memo(function QueueNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t, lang } = useT();
  const live = useNodeLive(id);
  const backlog = Number(live?.ready ?? live?.backlog?.now ?? 0);
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live}>
      <div className="backlog">
        <span className="backlog__name">{t('backlog')}</span> <AnimatedCount className="backlog__value" value={backlog} />
      </div>
      <BacklogChips count={backlog} />
      <div className="figures-row">
        <Figure name={t('unacked')} value={formatNumber(Number(live?.unacked ?? 0), lang)} tone="muted" />
        <Figure name={t('processed')} value={formatNumber(Number(live?.processed ?? 0), lang)} tone="muted" />
      </div>
      <Figures
        items={[
          ['parked', num(live, 'parked')],
          ['redelivered', num(live, 'redelivered'), true],
          ['channelsDown', num(live, 'channelsDown'), true],
          ['deadLettered', total(live, 'deadLettered'), true],
          ['dropped', total(live, 'dropped'), true],
        ]}
      />
      <RestartBroker id={id} name={useNodeLabel(data.config)} />
    </NodeCard>
  );
});

/**
 * "Restart": the broker restarts (the queue's recorded `restart` command, so seeking and share
 * links replay it). Persistent messages in a durable queue come back; transient ones are gone.
 */
function RestartBroker({ id, name }: { id: string; name: string }) {
  const { t } = useT();
  const seeking = useApp((s) => s.seekingTo !== null);
  return (
    <button type="button" className="publish-one restart-broker nodrag" disabled={seeking} aria-label={t('restartBrokerNamed', { name })} onClick={() => controller.act({ do: 'command', node: id, command: 'restart' })}>
      {t('restartBroker')}
    </button>
  );
}
