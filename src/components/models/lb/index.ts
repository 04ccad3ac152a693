import type { LbTrace } from '../../../sim/models/lb';
import { ServiceIcon } from '../../nodes/icons';
import { backlogChart, type FamilyUi } from '../kindUi';
import { phrasebook } from '../phraseStore';
import { LB_FIELDS } from './fields';
import { LoadBalancerNode } from './LoadBalancerNode';
import type { PhraseKey } from './phrases';

const say = phrasebook<PhraseKey>('lb');

/** A load balancer in front of a service's replicas: its policy, each replica's share, ejections. */
export const lbUi: FamilyUi<LbTrace> = {
  family: 'lb',
  kinds: [
    {
      kind: 'load-balancer', card: LoadBalancerNode, icon: ServiceIcon, accent: 'service',
      name: { en: 'load balancer', es: 'balanceador de carga' }, fields: LB_FIELDS, chart: backlogChart,
      figures: {
        forwarded: { en: 'Forwarded', es: 'Reenviadas' },
        inFlight: { en: 'In flight', es: 'En curso' },
        noUpstream: { en: 'No replica (503)', es: 'Sin réplica (503)' },
        replicas: { en: 'Replicas', es: 'Réplicas' },
      },
    },
  ],
  traces: {
    'lb.ejected': {
      log: 'failure',
      say: (ev, n) =>
        say(n, 'ejected', { node: n.name(ev.node), replica: n.name(ev.replica), failures: ev.failures, until: n.clock(ev.untilT), n: ev.ejections }),
    },
    'lb.returned': { log: 'system', say: (ev, n) => say(n, 'returned', { node: n.name(ev.node), replica: n.name(ev.replica) }) },
    'lb.timeout': {
      log: 'failure',
      say: (ev, n) => say(n, 'timeout', { node: n.name(ev.node), replica: n.name(ev.replica), msg: n.msg(ev.msg), after: n.dur(ev.afterMs) }),
    },
  },
};
