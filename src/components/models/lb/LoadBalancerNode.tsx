import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import type { DictKey } from '../../../i18n/en';
import { formatNumber } from '../../../i18n/format';
import { localize } from '../../../i18n/localize';
import { useT } from '../../../i18n/useT';
import { useApp } from '../../../store/appStore';
import { useNodeConfig } from '../../inspector/useNodeConfig';
import { Figures } from '../../nodes/Figures';
import { NodeCard } from '../../nodes/NodeCard';
import { num, rec } from '../../nodes/read';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';
import './lb.css';

interface ReplicaLive {
  sent?: number;
  outstanding?: number;
  ejected?: boolean;
}

/**
 * A load balancer: its policy as the tag, and one row per replica (the nodes it links to) with
 * the requests it was sent, those in flight now, and a mark when it is out of the rotation, so
 * a slow or dead replica and the load moving to its peers read off the card.
 */
export const LoadBalancerNode = memo(function LoadBalancerNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t, lang } = useT();
  const live = useNodeLive(id);
  const scenario = useApp((s) => s.scenario);
  const replicas = rec<ReplicaLive>(live, 'replicas') ?? {};
  const ids = scenario?.links.filter((l) => l.from === id).map((l) => l.to) ?? Object.keys(replicas);
  // The policy as the run has it now (an inspector edit, a tour step), not as the file had it.
  const policy = String((useNodeConfig(id) ?? data.config).policy ?? 'round-robin').replace(/-/g, '_');
  const label = (rid: string) => localize(scenario?.nodes.find((n) => n.id === rid)?.label, lang, rid);
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live} tag={t(`lbPolicy_${policy}` as DictKey)}>
      <div className="backlog lb-replicas" role="list" aria-label={t('lbReplicasA11y')} data-testid="lb-replicas">
        {ids.map((rid) => {
          const r = replicas[rid] ?? {};
          const sent = r.sent ?? 0;
          const inFlight = r.outstanding ?? 0;
          return (
            <div
              key={rid}
              role="listitem"
              className={`lb-replica${r.ejected ? ' lb-replica--ejected' : ''}`}
              data-replica={rid}
              data-sent={sent}
              data-ejected={r.ejected ? 'true' : 'false'}
              title={`${label(rid)}: ${t('lbReplicaLine', { sent, inFlight })}`}
            >
              <span className="lb-replica__name">{label(rid)}</span>
              <span className="lb-replica__sent">{formatNumber(sent, lang)}</span>
              {r.ejected ? (
                <span className="pill__state pill__state--bad">{t('lbEjected')}</span>
              ) : (
                <span className="lb-replica__now">{t('lbNow', { n: inFlight })}</span>
              )}
            </div>
          );
        })}
      </div>
      <Figures items={[['lbNoUpstream', num(live, 'noUpstream'), true], ['lbTimeouts', num(live, 'timeouts'), true]]} />
    </NodeCard>
  );
});
