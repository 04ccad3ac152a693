import { capital, termEn } from './glossary';

/**
 * The strings of the REST load balancer and idempotency keys, in English. Merged into the
 * interface dictionary (en.ts): the Spanish table (restEs.ts) must have them all.
 */
export const restEn = {
  lbPolicy_round_robin: 'round robin',
  lbPolicy_least_outstanding: 'least outstanding',
  lbPolicy_power_of_two: 'power of two',
  lbReplicaLine: '{sent} sent · {inFlight} in flight',
  lbNow: '{n} now',
  lbInRotation: 'in rotation',
  lbEjected: 'ejected',
  lbReplicasA11y: `Requests per ${termEn('replica')}`,
  lbNoUpstream: 'No replica (503)',
  lbTimeouts: `${capital(termEn('timeout'))}s (504)`,
  lbForwarded: 'Forwarded',
  hookRedeliver: 'Redeliver one',
  hookRedeliverNamed: 'Redeliver one: the oldest dead-lettered delivery of {name}',
  idemReplayed: 'Replayed',
  idemDuplicates: 'Run twice',
} as const;
