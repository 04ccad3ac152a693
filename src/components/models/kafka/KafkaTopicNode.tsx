import type { NodeProps } from '@xyflow/react';
import { M } from '../../../app/motionLazy';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { formatNumber } from '../../../i18n/format';
import { useT } from '../../../i18n/useT';
import { LaneOwners, PositionAndCommit, useOwnerColours } from '../../flow/KafkaOwners';
import { NodeCard } from '../../nodes/NodeCard';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';

const MAX_LANES = 6;
/** Colours told apart for up to four consumer groups, then reused. */
const GROUP_COLOURS = ['#2563eb', '#7c3aed', '#0d9488', '#db2777'];

interface LogRange {
  partition: number;
  logStart: number;
  logEnd: number;
}

interface Group {
  assignment?: Record<string, number[]>;
  position?: number[];
  committed?: number[];
  lag?: number[];
  idle?: string[];
  down?: string[];
  rebalancing?: boolean;
  totalLag?: { now: number };
}

/**
 * A Kafka topic: one lane per partition showing its log up to the end offset, with a tick per
 * consumer group at its committed offset (the gap to the end is that group's lag), and each
 * group's total lag underneath.
 */
export const KafkaTopicNode = memo(function KafkaTopicNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { t, lang } = useT();
  const live = useNodeLive(id);
  const log = (Array.isArray(live?.log) ? live.log : []) as LogRange[];
  const groups = Object.entries((live?.groups ?? {}) as Record<string, Group>);
  const longest = Math.max(1, ...log.map((p) => p.logEnd));
  const colours = useOwnerColours();
  const producers = live?.producers as { retrying?: number; expired?: number } | undefined;
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live}>
      <div className="lanes">
        {log.slice(0, MAX_LANES).map((p) => (
          <div key={p.partition} className="lane">
            <LaneOwners partition={p.partition} groups={groups} colours={colours} />
            <span className="lane__name">{t('partitionLane', { n: p.partition })}</span>
            <span className="lane__track">
              <M.span
                className="lane__log"
                initial={false}
                animate={{ left: `${(100 * p.logStart) / longest}%`, width: `${(100 * (p.logEnd - p.logStart)) / longest}%` }}
                transition={{ duration: 0.2 }}
              />
              {groups.map(([name, g], gi) => {
                const committed = g.committed?.[p.partition];
                const position = g.position?.[p.partition];
                return committed === undefined ? null : (
                  <PositionAndCommit key={name} colour={GROUP_COLOURS[gi % GROUP_COLOURS.length]!} position={position} longest={longest}>
                  <M.span
                    key={name}
                    className="lane__tick"
                    style={{ backgroundColor: GROUP_COLOURS[gi % GROUP_COLOURS.length] }}
                    initial={false}
                    animate={{ left: `${(100 * committed) / longest}%` }}
                    transition={{ duration: 0.2 }}
                  />
                  </PositionAndCommit>
                );
              })}
            </span>
            <span className="lane__end">{formatNumber(p.logEnd, lang)}</span>
          </div>
        ))}
        {log.length > MAX_LANES ? <span className="lanes__more">{t('morePartitions', { count: log.length - MAX_LANES })}</span> : null}
      </div>
      {groups.map(([name, g], gi) => (
        <div key={name} className="group-line">
          <span className="group-line__dot" style={{ backgroundColor: GROUP_COLOURS[gi % GROUP_COLOURS.length] }} />
          <span>{t('groupLag', { group: name, lag: formatNumber(g.totalLag?.now ?? sum(g.lag), lang) })}</span>
          {g.idle?.length ? <span className="group-line__note">{t('groupIdle', { count: g.idle.length })}</span> : null}
          {g.down?.length ? <span className="group-line__note group-line__note--bad">{t('groupDown', { count: g.down.length })}</span> : null}
          {g.rebalancing ? <span className="group-line__note group-line__note--warn">{t('rebalancing')}</span> : null}
        </div>
      ))}
      {producers?.retrying || producers?.expired ? (
        <div className="group-line">
          {producers.retrying ? <span className="group-line__note group-line__note--warn">{t('producersRetrying', { count: formatNumber(producers.retrying, lang) })}</span> : null}
          {producers.expired ? <span className="group-line__note group-line__note--bad">{t('producersGaveUp', { count: formatNumber(producers.expired, lang) })}</span> : null}
        </div>
      ) : null}
    </NodeCard>
  );
});

function sum(values: number[] | undefined): number {
  return values ? values.reduce((a, b) => a + b, 0) : 0;
}
