import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { controller } from '../../../app/runtime';
import { localize } from '../../../i18n/localize';
import { useApp } from '../../../store/appStore';
import { formatClock } from '../../../i18n/format';
import { useT } from '../../../i18n/useT';
import { AnimatedCount } from '../../nodes/AnimatedCount';
import { Figures } from '../../nodes/Figures';
import { NodeCard } from '../../nodes/NodeCard';
import { num, total } from '../../nodes/read';
import { ServiceFigures } from '../../nodes/ServiceFigures';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';

/** A webhook sender: events, deliveries that failed, retries pending and when the next attempt is due. */
export const WebhookSenderNode = memo(function WebhookSenderNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t } = useT();
  const live = useNodeLive(id);
  const pending = num(live, 'pendingRetries') ?? 0;
  const next = num(live, 'nextAttemptAt');
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live}>
      <div className="backlog">
        <span className="backlog__name">{t('pendingRetries')}</span> <AnimatedCount className="backlog__value backlog__value--small" value={pending} />
        {pending > 0 && next !== undefined ? <span className="backlog__note">{t('nextAttempt', { time: formatClock(next) })}</span> : null}
      </div>
      <Figures items={[['eventsSent', num(live, 'events')], ['delivered', num(live, 'succeeded')]]} />
      <Figures
        items={[
          ['failed', total(live, 'failed'), true],
          ['deadLettered', num(live, 'deadLettered'), true],
          ['endpointsDisabled', num(live, 'endpointsDisabled'), true],
        ]}
      />
      {(num(live, 'redeliverable') ?? 0) > 0 ? <Redeliver id={id} label={data.config.label} /> : null}
    </NodeCard>
  );
});

/**
 * "Redeliver one": the oldest dead-lettered delivery is sent again, as from the provider's
 * dashboard. A recorded action (a "redeliver" command), so seeking and share links replay it.
 */
function Redeliver({ id, label }: { id: string; label: unknown }) {
  const { t, lang } = useT();
  const seeking = useApp((s) => s.seekingTo !== null);
  const name = localize(label as Parameters<typeof localize>[0], lang, id);
  return (
    <button type="button" className="publish-one nodrag" disabled={seeking} aria-label={t('hookRedeliverNamed', { name })} onClick={() => controller.act({ do: 'command', node: id, command: 'redeliver', args: {} })}>
      {t('hookRedeliver')}
    </button>
  );
}

/** A webhook receiver: a service that verifies what it receives, and deduplicates retries. */
export const WebhookReceiverNode = memo(function WebhookReceiverNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const live = useNodeLive(id);
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live}>
      <ServiceFigures live={live} concurrency={Number(data.config.concurrency ?? 1)} />
      <Figures items={[['received', num(live, 'received')], ['verified', num(live, 'verified')]]} />
      <Figures items={[['rejected', total(live, 'rejected'), true], ['duplicates', num(live, 'duplicates'), true]]} />
    </NodeCard>
  );
});

/** An attacker: forged or replayed webhooks sent, and how many the receiver turned away or let through. */
export const WebhookAttackerNode = memo(function WebhookAttackerNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t } = useT();
  const live = useNodeLive(id);
  const mode = data.config.mode === 'replay' ? t('attackReplay') : t('attackForge');
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live} tag={mode}>
      <Figures items={[['attacksSent', num(live, 'sent')], ['attacksRejected', num(live, 'rejected')]]} />
      <Figures items={[['attacksAccepted', num(live, 'accepted'), true]]} />
    </NodeCard>
  );
});
