import type { SagaTrace } from '../../../sim/models/saga';
import { ServiceIcon } from '../../nodes/icons';
import { backlogChart, type FamilyUi } from '../kindUi';
import { phrasebook } from '../phraseStore';
import { ChoreographyNode } from './ChoreographyNode';
import { CHOREOGRAPHY_FIELDS, CHOREOGRAPHY_FIGURES, ORCHESTRATOR_FIELDS, ORCHESTRATOR_FIGURES, PARTICIPANT_FIELDS, PARTICIPANT_FIGURES } from './fields';
import type { PhraseKey } from './phrases';
import { SagaIcon } from './SagaIcon';
import { SagaOrchestratorNode } from './SagaOrchestratorNode';

const say = phrasebook<PhraseKey>('saga');

/**
 * Sagas: an orchestrator that runs each order's steps and compensates them in reverse, and its
 * participants; or, choreographed, participants that react to each other's events.
 */
export const sagaUi: FamilyUi<SagaTrace> = {
  family: 'saga',
  kinds: [
    {
      kind: 'saga-orchestrator', card: SagaOrchestratorNode, icon: SagaIcon, accent: 'service',
      name: { en: 'saga orchestrator', es: 'orquestador de sagas' }, fields: ORCHESTRATOR_FIELDS, figures: ORCHESTRATOR_FIGURES,
      chart: backlogChart,
    },
    {
      kind: 'saga-participant', card: 'generic', icon: ServiceIcon, accent: 'service',
      name: { en: 'saga participant', es: 'participante de saga' }, fields: PARTICIPANT_FIELDS, figures: PARTICIPANT_FIGURES,
    },
    {
      kind: 'choreography-participant', card: ChoreographyNode, icon: ServiceIcon, accent: 'service',
      name: { en: 'choreography participant', es: 'participante de coreografía' }, fields: CHOREOGRAPHY_FIELDS, figures: CHOREOGRAPHY_FIGURES,
    },
  ],
  traces: {
    'saga.started': { log: 'system', say: (ev, n) => say(n, 'started', { node: n.name(ev.node), msg: n.msg(ev.msg), steps: ev.steps }) },
    'saga.step': {
      log: 'request',
      say: (ev, n) =>
        say(n, 'step', { node: n.name(ev.node), command: ev.command, participant: n.name(ev.participant), step: ev.step, of: ev.of, msg: n.msg(ev.msg) }),
    },
    'saga.step_failed': {
      log: 'failure',
      say: (ev, n) => {
        const base = { node: n.name(ev.node), participant: n.name(ev.participant), step: ev.step, msg: n.msg(ev.msg) };
        return ev.code !== undefined
          ? say(n, 'refused', { ...base, code: ev.code })
          : say(n, 'failed', { ...base, reason: n.reason(ev.reason ?? '?') });
      },
    },
    'saga.compensate': {
      log: 'retry',
      say: (ev, n) =>
        say(n, 'compensate', {
          node: n.name(ev.node), command: ev.command, participant: n.name(ev.participant), step: ev.step, msg: n.msg(ev.msg),
          undone: ev.undone, toUndo: ev.toUndo,
        }),
    },
    'saga.reacted': {
      log: (ev) => (ev.refused ? 'failure' : 'event'),
      say: (ev, n) => {
        const base = { node: n.name(ev.node), msg: n.msg(ev.msg), emitted: ev.emitted ?? '', id: ev.emittedId ?? '' };
        if (ev.emitted === undefined) return say(n, 'reactedEnd', base);
        if (ev.emittedId === undefined) return say(n, 'reactedNowhere', base);
        return say(n, ev.refused ? 'reactedRefused' : 'reacted', base);
      },
    },
    'saga.done': {
      log: (ev) => (ev.outcome === 'completed' ? 'response' : 'failure'),
      say: (ev, n) =>
        say(n, ev.outcome === 'completed' ? 'completed' : ev.outcome === 'compensated' ? 'compensated' : 'sagaFailed', {
          msg: n.msg(ev.msg), undone: ev.undone,
        }),
    },
  },
};
