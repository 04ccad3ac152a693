import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { formatNumber } from '../../../i18n/format';
import { useT } from '../../../i18n/useT';
import { PublishOne } from '../../flow/PublishOne';
import { Figures } from '../../nodes/Figures';
import { Figure, NodeCard } from '../../nodes/NodeCard';
import { num } from '../../nodes/read';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLabel, useNodeLive, useNodeSettings } from '../../nodes/useNodeLive';

/** A producer: how many it has published and at what rate (its current one, after an edit); with publisher confirms, how many are unconfirmed, confirmed and nacked. */
export const ProducerNode = memo(function ProducerNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t, lang } = useT();
  const live = useNodeLive(id);
  const rate = useNodeSettings(data.config).ratePerSec;
  const label = useNodeLabel(data.config);
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live}>
      <Figure name={t('published')} value={formatNumber(Number(live?.published ?? 0), lang)} />
      <Figures
        items={[
          ['unconfirmed', num(live, 'unconfirmed')],
          ['confirmed', num(live, 'confirmed')],
          ['confirmNacked', num(live, 'nacked'), true],
        ]}
      />
      {typeof rate === 'number' ? <Figure name={t('rateLabel')} value={t('rate', { rate: formatNumber(rate, lang, 2) })} tone="muted" /> : null}
      <PublishOne id={id} label={label} online={live?.online ?? data.config.online ?? true} />
    </NodeCard>
  );
});
