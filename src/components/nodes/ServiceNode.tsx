import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../app/debug';
import { formatDuration, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { ServiceIcon } from './icons';
import { Figure, NodeCard } from './NodeCard';
import { SlotBar } from './SlotBar';
import type { SimFlowNode } from './types';
import { useNodeLive } from './useNodeLive';

/** A service: busy and free slots, what waits for a slot, what it has processed and failed. */
export const ServiceNode = memo(function ServiceNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t, lang } = useT();
  const live = useNodeLive(id);
  const total = Number(data.config.concurrency ?? 1);
  const busy = Number(live?.busy ?? 0);
  const failed = Number(live?.failed ?? 0);
  const p50 = live?.latencyMs?.p50;
  return (
    <NodeCard id={id} config={data.config} live={live} accent="service" icon={<ServiceIcon />}>
      <div className="slots-row">
        <SlotBar busy={busy} total={total} />
        <span className="slots-row__text">{t('slotsBusy', { busy, total })}</span>
      </div>
      <div className="figures-row">
        <Figure name={t('waiting')} value={formatNumber(Number(live?.waiting ?? 0), lang)} />
        <Figure name={t('processed')} value={formatNumber(Number(live?.processed ?? 0), lang)} />
      </div>
      <div className="figures-row">
        {failed > 0 ? <Figure name={t('failed')} value={formatNumber(failed, lang)} tone="bad" /> : null}
        {p50 !== undefined ? <Figure name={t('latencyP50')} value={formatDuration(p50, lang)} tone="muted" /> : null}
      </div>
    </NodeCard>
  );
});
