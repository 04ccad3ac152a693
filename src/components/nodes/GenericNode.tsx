import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../app/debug';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import type { Lang } from '../../sim/engine/errors';
import type { NodeLive } from '../../store/slices/liveSlice';
import { GenericIcon } from './icons';
import { Figure, NodeCard } from './NodeCard';
import { SERVICE_KINDS, type SimFlowNode } from './types';
import { useNodeLive } from './useNodeLive';

const MAX_FIELDS = 6;
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

// Scalars first; of a nested summary only its headline (`backlog.now`, `latencyMs.p50`), so the card stays small.
function flatten(live: NodeLive, lang: Lang): [string, string][] {
  const scalars: [string, string][] = [];
  const nested: [string, string][] = [];
  for (const [key, value] of Object.entries(live)) {
    if (SKIP.has(key)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      const headline = 'now' in v ? 'now' : 'p50' in v ? 'p50' : undefined;
      if (headline) nested.push([`${key}.${headline}`, show(v[headline], lang)]);
    } else if (!Array.isArray(value)) scalars.push([key, show(value, lang)]);
  }
  return [...scalars, ...nested];
}

function show(v: unknown, lang: Lang): string {
  if (typeof v === 'number') return formatNumber(v, lang, 2);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
