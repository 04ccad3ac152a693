import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { formatNumber } from '../../../i18n/format';
import { useT } from '../../../i18n/useT';
import { useNodeConfig } from '../../inspector/useNodeConfig';
import { Figure, NodeCard } from '../../nodes/NodeCard';
import { num } from '../../nodes/read';
import { ServiceFigures } from '../../nodes/ServiceFigures';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';
import { CHOREOGRAPHY_CARD } from './card';
import './saga.css';

interface ReactionConfig {
  on: string;
  emit?: string;
  rejectWith?: string;
  rejectProbability?: number;
}

interface ReactionLive {
  on: string;
  handled: number;
  refused: number;
}

const fill = (s: string, p: Readonly<Record<string, string | number>>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

/** An event name that may break between its words on a narrow card: Credit·Limit·Exceeded, never mid-word. */
function EventName({ name }: { name: string }) {
  const words = name.split(/(?=[A-Z])/);
  return (
    <>
      {words.map((w, i) => (
        <span key={i}>
          {i > 0 ? <wbr /> : null}
          {w}
        </span>
      ))}
    </>
  );
}

/**
 * A choreography participant: the events it reacts to and what it publishes for each (the
 * refusal's event below, in the bad colour), with how many it has handled and refused, then a
 * service's figures. The saga's flow is nowhere else: reading the cards one after the other is
 * the only way to follow it, which is the lesson of choreography.
 */
export const ChoreographyNode = memo(function ChoreographyNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { lang } = useT();
  const c = CHOREOGRAPHY_CARD[lang];
  const live = useNodeLive(id);
  const config = useNodeConfig(id) ?? data.config;
  const reactions = (Array.isArray(config.reactions) ? config.reactions : []) as ReactionConfig[];
  const views = (Array.isArray(live?.reactions) ? live.reactions : []) as ReactionLive[];
  const refused = num(live, 'refused') ?? 0;
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live} tag={fill(c.tag, { n: reactions.length })}>
      <ul className="backlog choreo-reactions" aria-label={c.reactions} data-testid="reactions">
        {reactions.map((r) => {
          const v = views.find((x) => x.on === r.on);
          const handled = v?.handled ?? 0;
          const no = v?.refused ?? 0;
          const what = r.emit ? fill(c.row, { on: r.on, emit: r.emit }) + (r.rejectWith ? fill(c.rowRefusal, { rejectWith: r.rejectWith }) : '') : fill(c.rowEnd, { on: r.on });
          return (
            <li key={r.on} className="choreo-reaction" title={what} aria-label={`${what}: ${fill(c.handled, { n: handled })}${no > 0 ? `, ${fill(c.refused, { n: no })}` : ''}`}>
              <span className="choreo-reaction__on"><EventName name={r.on} /></span>
              <span className="choreo-reaction__n" aria-hidden="true">{formatNumber(handled, lang)}</span>
              <span className="choreo-reaction__out" aria-hidden="true">→{'\u00a0'}{r.emit ? <EventName name={r.emit} /> : c.end}</span>
              {r.rejectWith ? (
                <span className={`choreo-reaction__no${no > 0 ? ' choreo-reaction__no--seen' : ''}`} aria-hidden="true">
                  ✗{'\u00a0'}<EventName name={r.rejectWith} />{no > 0 ? `\u00a0·\u00a0${formatNumber(no, lang)}` : ''}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ServiceFigures live={live} concurrency={Number(data.config.concurrency ?? 1)} />
      <div className="figures-row">
        <Figure name={c.published} value={formatNumber(num(live, 'published') ?? 0, lang)} />
        <Figure name={c.refusedFig} value={formatNumber(refused, lang)} tone={refused > 0 ? 'bad' : 'muted'} />
      </div>
    </NodeCard>
  );
});
