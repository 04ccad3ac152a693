import { defineKind } from '../../engine/kind';
import { LoadBalancer, loadBalancerSchema, type LbTrace } from './load-balancer';

/** `load-balancer`: a reverse proxy spreading requests over the replicas it links to. */
export const loadBalancerKind = defineKind(loadBalancerSchema, (sim, config) => new LoadBalancer(sim, config), {
  role: 'service',
  onlineSwitch: true,
  backlog: 'waiting',
  traceTypes: ['lb.ejected', 'lb.returned', 'lb.timeout'],
});

/** The load-balancing kinds. */
export const lbKinds = [loadBalancerKind] as const;

export type { LbTrace };
