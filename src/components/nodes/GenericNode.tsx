import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../app/debug';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import type { Lang } from '../../sim/errors';
import type { NodeLive } from '../../store/slices/liveSlice';
import { GenericIcon } from './icons';
import { Figure, NodeCard } from './NodeCard';
import { SERVICE_KINDS, type SimFlowNode } from './types';
import { useNodeLive } from './useNodeLive';

const MAX_FIELDS = 8;
const SKIP = new Set(['kind', 'online', 'slowFactor']);

/**
 * Any kind without a card of its own: its `stats()` fields as "name value" lines, nested
 * objects flattened one level (`backlog.now`). A new kind shows up here until it gets a card.
 */
export const GenericNode = memo(function GenericNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { lang } = useT();
  const live = useNodeLive(id);
  const fields = live ? flatten(live, lang).slice(0, MAX_FIELDS) : [];
  const accent = SERVICE_KINDS.has(data.config.kind) ? 'service' : 'other';
  return (
    <NodeCard id={id} config={data.config} live={live} accent={accent} icon={<GenericIcon />}>
      {fields.map(([name, value]) => (
        <Figure key={name} name={name} value={value} />
      ))}
    </NodeCard>
  );
});

function flatten(live: NodeLive, lang: Lang): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(live)) {
    if (SKIP.has(key)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) out.push([`${key}.${k}`, show(v, lang)]);
    } else out.push([key, show(value, lang)]);
  }
  return out;
}

function show(v: unknown, lang: Lang): string {
  if (typeof v === 'number') return formatNumber(v, lang, 2);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
