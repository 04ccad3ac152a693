import { useMemo, type ReactNode } from 'react';
import { ownerColours, ownerOf, type GroupLive } from '../../app/owners';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';
import { drawnScenario, useApp } from '../../store/appStore';
import './flow-visual.css';

/** The scenario's colour per Kafka consumer. */
export function useOwnerColours(): Map<string, string> {
  const scenario = useApp(drawnScenario);
  return useMemo(() => ownerColours(scenario), [scenario]);
}

/**
 * Who owns a partition, one square per consumer group in the owner's colour (the same colour
 * as the owner's edge and its partitions label there). On a rebalance the square fades to the
 * new owner's colour, so partitions are seen moving from one member to another. Its title says
 * the owner, the committed offset and the position (the next offset to fetch).
 */
export function LaneOwners({ partition, groups, colours }: { partition: number; groups: [string, GroupLive][]; colours: Map<string, string> }) {
  const { t, lang } = useT();
  const scenario = useApp(drawnScenario);
  const name = (id: string) => localize(scenario?.nodes.find((n) => n.id === id)?.label, lang, id);
  return (
    <span className="lane__owners">
      {groups.map(([group, g]) => {
        const owner = ownerOf(g, partition);
        const colour = owner ? (colours.get(owner) ?? '#64748b') : 'transparent';
        const title = `${group} · ${owner ? t('partitionOwner', { n: partition, owner: name(owner) }) : t('partitionUnowned', { n: partition })} · ${t(
          'committedVsPosition',
          { committed: g.committed?.[partition] ?? 0, position: g.position?.[partition] ?? 0 },
        )}`;
        return (
          <span
            key={group}
            className="lane__owner"
            data-testid="lane-owner"
            data-partition={partition}
            data-group={group}
            data-owner={owner ?? ''}
            title={title}
            style={{ backgroundColor: colour, outline: owner ? undefined : '1px dashed #94a3b8' }}
          />
        );
      })}
    </span>
  );
}

/**
 * A group's position on a partition lane (a hollow mark: the next offset it will fetch) next
 * to its committed offset (the filled tick, its child): the gap between them is what it has
 * read but not committed yet. A commit is seen as the tick jumping up to the mark.
 */
export function PositionAndCommit({ colour, position, longest, children }: { colour: string; position: number | undefined; longest: number; children: ReactNode }) {
  return (
    <>
      {position === undefined ? null : (
        <span className="lane__pos" data-testid="lane-position" style={{ left: `${(100 * position) / longest}%`, borderColor: colour }} />
      )}
      {children}
    </>
  );
}
