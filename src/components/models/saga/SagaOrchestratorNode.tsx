import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRenderCount } from '../../../app/debug';
import { formatNumber } from '../../../i18n/format';
import { localize } from '../../../i18n/localize';
import { useT } from '../../../i18n/useT';
import { useApp } from '../../../store/appStore';
import { useNodeConfig } from '../../inspector/useNodeConfig';
import { Figure, NodeCard } from '../../nodes/NodeCard';
import { num } from '../../nodes/read';
import type { SimFlowNode } from '../../nodes/types';
import { useNodeLive } from '../../nodes/useNodeLive';
import { CARD } from './card';
import './saga.css';

interface StepConfig {
  participant: string;
  command: string;
  compensation?: string;
}

interface SagaLive {
  order: number;
  type: string;
  phase: 'running' | 'compensating';
  step: number;
  undone: number;
  toUndo: number;
}

const fill = (s: string, p: Readonly<Record<string, string | number>>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? x : 0)) : []);

/**
 * A saga orchestrator: its steps in order (command → participant, and the compensation that
 * undoes it), how many sagas are at each step now and how many are being undone there, the
 * oldest saga in flight (one compensating, if any) in words ("compensating, 1 of 2 undone": partially compensated, which
 * everyone can see, as sagas have no isolation), and its totals.
 */
export const SagaOrchestratorNode = memo(function SagaOrchestratorNode({ id, data }: NodeProps<SimFlowNode>) {
  useRenderCount();
  const { lang } = useT();
  const c = CARD[lang];
  const live = useNodeLive(id);
  const scenario = useApp((s) => s.scenario);
  const config = useNodeConfig(id) ?? data.config;
  const steps = (Array.isArray(config.steps) ? config.steps : []) as StepConfig[];
  const atStep = numbers(live?.atStep);
  const undoing = numbers(live?.undoingStep);
  const sagas = (Array.isArray(live?.sagas) ? live.sagas : []) as SagaLive[];
  const label = (nid: string) => localize(scenario?.nodes.find((n) => n.id === nid)?.label, lang, nid);
  const oldest = sagas[0];
  const state = !oldest
    ? c.idle
    : oldest.phase === 'running'
      ? fill(c.running, { msg: `${oldest.type} #${oldest.order}`, step: oldest.step, of: steps.length })
      : fill(c.compensating, { msg: `${oldest.type} #${oldest.order}`, undone: oldest.undone, toUndo: oldest.toUndo });
  const partial = oldest?.phase === 'compensating' && oldest.undone > 0;
  const fig = (key: 'started' | 'completed' | 'compensated' | 'inFlight', bad = false) => {
    const v = num(live, key) ?? 0;
    return <Figure name={c[key]} value={formatNumber(v, lang)} tone={bad ? (v > 0 ? 'bad' : 'muted') : undefined} />;
  };
  return (
    <NodeCard id={id} config={data.config} ui={data.ui} live={live} tag={fill(c.steps, { n: steps.length })}>
      <ol className="backlog saga-steps" aria-label={c.stepsA11y} data-testid="saga-steps">
        {steps.map((s, i) => {
          const now = atStep[i] ?? 0;
          const back = undoing[i] ?? 0;
          const what = `${i + 1}. ${s.command} → ${label(s.participant)}${s.compensation ? ` (↩ ${s.compensation})` : ''}`;
          return (
            <li key={i} className="saga-step" data-step={i + 1} data-now={now} data-undoing={back} title={`${what}: ${fill(c.now, { n: now })}${back > 0 ? `, ${fill(c.undoing, { n: back })}` : ''}`}>
              <span className="saga-step__n">{i + 1}</span>
              <span className="saga-step__what">{s.command}</span>
              <span className={`saga-step__now${now > 0 ? ' saga-step__now--busy' : ''}`} aria-label={fill(c.now, { n: now })}>{now}</span>
              <span className="saga-step__undo">{s.compensation ? `↩ ${s.compensation}` : c.noUndo}</span>
              {back > 0 ? <span className="saga-step__undoing" aria-label={fill(c.undoing, { n: back })}>↩ {back}</span> : null}
            </li>
          );
        })}
      </ol>
      {/* Kept on a compact card while a saga is compensating (a `.backlog`): the partial state is the lesson. */}
      <div
        className={`saga-state${oldest?.phase === 'compensating' ? ' backlog saga-state--compensating' : ''}`}
        data-testid="saga-state"
        data-phase={oldest?.phase ?? 'idle'}
      >
        <span className="saga-state__text">{state}</span>
        {partial ? <span className="saga-state__partial">{c.partial}</span> : null}
      </div>
      <div className="figures-row">
        {fig('started')}
        {fig('completed')}
        {fig('compensated', true)}
        {fig('inFlight')}
      </div>
    </NodeCard>
  );
});
