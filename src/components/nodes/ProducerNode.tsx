import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../app/debug';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { PublishOne } from '../flow/PublishOne';
import { ProducerIcon } from './icons';
import { Figure, NodeCard } from './NodeCard';
import type { SimFlowNode } from './types';
import { useNodeLabel, useNodeLive } from './useNodeLive';

/** A producer: how many it has published and at what rate. */
export const ProducerNode = memo(function ProducerNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t, lang } = useT();
  const live = useNodeLive(id);
  const rate = data.config.ratePerSec;
  const label = useNodeLabel(data.config);
  return (
    <NodeCard id={id} config={data.config} live={live} accent="producer" icon={<ProducerIcon />}>
      <Figure name={t('published')} value={formatNumber(Number(live?.published ?? 0), lang)} />
      {typeof rate === 'number' ? <Figure name={t('rateLabel')} value={t('rate', { rate: formatNumber(rate, lang, 2) })} tone="muted" /> : null}
      <PublishOne id={id} label={label} online={live?.online ?? data.config.online ?? true} />
    </NodeCard>
  );
});
