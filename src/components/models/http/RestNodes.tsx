import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { useT } from '../../../i18n/useT';
import { AnimatedCount } from '../../nodes/AnimatedCount';
import { BacklogChips } from '../../nodes/BacklogChips';
import { BreakerPills } from './BreakerPills';
import { Figures } from '../../nodes/Figures';
import { NodeCard } from '../../nodes/NodeCard';
import { num, total } from '../../nodes/read';
import { ServiceFigures } from '../../nodes/ServiceFigures';
import { SlotBar } from '../../nodes/SlotBar';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';

/** A REST caller (a storefront): calls in flight against its limit, requests waiting for a slot, outcomes, breakers. */
export const RestClientNode = memo(function RestClientNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t } = useT();
  const live = useNodeLive(id);
  const inFlight = num(live, 'inFlight') ?? num(live, 'sending') ?? 0;
  const max = num(live, 'maxConcurrent') ?? Number(data.config.maxConcurrent ?? 0);
  const waiting = num(live, 'waiting') ?? 0;
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live}>
      {max > 0 ? (
        <div className="slots-row">
          <SlotBar busy={inFlight} total={max} />
          <span className="slots-row__text">{t('inFlightOf', { count: inFlight, max })}</span>
        </div>
      ) : null}
      <div className="backlog">
        <span className="backlog__name">{t('waiting')}</span> <AnimatedCount className="backlog__value backlog__value--small" value={waiting} />
      </div>
      <BacklogChips count={waiting} />
      <Figures
        items={[
          ['callsOk', num(live, 'callsSucceeded')],
          ['callsFailed', total(live, 'callsFailed'), true],
          ['retries', num(live, 'retries'), true],
          ['timeouts', num(live, 'timeouts'), true],
        ]}
      />
      <BreakerPills live={live} />
    </NodeCard>
  );
});

/** A REST service that calls others in turn: its own slots and work, plus its outgoing calls and breakers. */
export const RestServiceNode = memo(function RestServiceNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const live = useNodeLive(id);
  // What idempotency keys are about: requests run twice, and retries answered from a stored result.
  const keys = data.config.idempotency !== undefined;
  const twice = num(live, 'duplicateExecutions') ?? 0;
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live}>
      <ServiceFigures live={live} concurrency={Number(data.config.concurrency ?? 1)} />
      <Figures
        items={[
          ['callsFailed', total(live, 'callsFailed'), true],
          ['retries', num(live, 'retries'), true],
          ['timeouts', num(live, 'timeouts'), true],
        ]}
      />
      {keys || twice > 0 ? <Figures items={[['idemDuplicates', twice, true], ['idemReplayed', keys ? num(live, 'replayed') : undefined]]} /> : null}
      <BreakerPills live={live} />
    </NodeCard>
  );
});
