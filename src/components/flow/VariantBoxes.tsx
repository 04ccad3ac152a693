import { useNodes, ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { findConsumerGroups, findVariants } from '../../app/variants';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';
import type { Scenario } from '../../sim/engine/scenario';
import './flow-visual.css';

const PAD = 10;

/**
 * A labelled box around each variant of a scenario that runs the same system twice (the
 * cascade without and with protection), so its two "Catalog" cards cannot be confused; and
 * one around each Kafka consumer group of two or more members.
 * Re-renders when nodes move or are measured, never per frame.
 */
export function VariantBoxes({ scenario }: { scenario: Scenario }) {
  const { t, lang } = useT();
  const variants = useMemo(
    () => [
      ...findVariants(scenario).map((v) => ({ ...v, title: null as string | null })),
      ...findConsumerGroups(scenario).map((g) => ({ nodes: g.nodes, title: g.group })),
    ],
    [scenario],
  );
  const nodes = useNodes();
  if (variants.length === 0) return null;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <ViewportPortal>
      {variants.map((v) => {
        const placed = v.nodes.map((id) => byId.get(id)).filter((n) => n !== undefined);
        if (placed.length === 0) return null;
        const x0 = Math.min(...placed.map((n) => n.position.x)) - PAD;
        const y0 = Math.min(...placed.map((n) => n.position.y)) - PAD - 8;
        const x1 = Math.max(...placed.map((n) => n.position.x + (n.measured?.width ?? 232))) + PAD;
        const y1 = Math.max(...placed.map((n) => n.position.y + (n.measured?.height ?? 180))) + PAD;
        const first = scenario.nodes.find((n) => n.id === v.nodes[0]);
        const title = v.title !== null ? t('groupBox', { group: v.title }) : t('variantBox', { name: localize(first?.label, lang, v.nodes[0]!) });
        return (
          <div
            key={v.nodes.join()}
            className={`variant-box${v.title !== null ? ' variant-box--group' : ''}`}
            data-testid="variant-box"
            style={{ position: 'absolute', transform: `translate(${x0}px, ${y0}px)`, width: x1 - x0, height: y1 - y0, zIndex: -1 }}
          >
            <span className="variant-box__title">{title}</span>
          </div>
        );
      })}
    </ViewportPortal>
  );
}
