import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import type { DictKey } from '../../../i18n/en';
import { localize } from '../../../i18n/localize';
import { useT } from '../../../i18n/useT';
import { useApp } from '../../../store/appStore';
import { Figures } from '../../nodes/Figures';
import { NodeCard } from '../../nodes/NodeCard';
import { num, rec } from '../../nodes/read';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';

interface ReplicaLive {
  sent?: number;
  outstanding?: number;
  ejected?: boolean;
}

/**
 * A load balancer: its policy as the tag, and one row per replica with the requests it was
 * sent, those in flight now and whether it is in the rotation, so a slow or dead replica and
 * the load moving to its peers can be read off the card.
 */
export const LoadBalancerNode = memo(function LoadBalancerNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t, lang } = useT();
  const live = useNodeLive(id);
  const scenario = useApp((s) => s.scenario);
  const replicas = rec<ReplicaLive>(live, 'replicas') ?? {};
  const policy = String(data.config.policy ?? 'round-robin').replace(/-/g, '_');
  const label = (rid: string) => localize(scenario?.nodes.find((n) => n.id === rid)?.label, lang, rid);
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live} tag={t(`lbPolicy_${policy}` as DictKey)}>
      <div className="pills" role="list" aria-label={t('lbReplicasA11y')} data-testid="lb-replicas">
        {Object.entries(replicas).map(([rid, r]) => (
          <span key={rid} className="pill" role="listitem" data-replica={rid} data-sent={r.sent ?? 0} data-ejected={r.ejected ? 'true' : 'false'}>
            <span className="pill__name" title={label(rid)}>
              {label(rid)}: {t('lbReplicaLine', { sent: r.sent ?? 0, inFlight: r.outstanding ?? 0 })}
            </span>
            <span className={`pill__state pill__state--${r.ejected ? 'bad' : 'ok'}`}>{r.ejected ? t('lbEjected') : t('lbInRotation')}</span>
          </span>
        ))}
      </div>
      <Figures items={[['lbNoUpstream', num(live, 'noUpstream'), true], ['lbTimeouts', num(live, 'timeouts'), true]]} />
    </NodeCard>
  );
});
