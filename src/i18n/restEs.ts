import { capital, termEs } from './glossary';
import type { restEn } from './restEn';

/** The strings of the REST load balancer and idempotency keys, in Spanish (see restEn.ts). */
export const restEs: Readonly<Record<keyof typeof restEn, string>> = {
  lbPolicy_round_robin: 'turno rotatorio',
  lbPolicy_least_outstanding: 'menos pendientes',
  lbPolicy_power_of_two: 'dos al azar',
  lbReplicaLine: '{sent} enviadas · {inFlight} en curso',
  lbNow: '{n} ahora',
  lbInRotation: 'en rotación',
  lbEjected: 'expulsada',
  lbReplicasA11y: `Peticiones por ${termEs('replica')}`,
  lbNoUpstream: 'Sin réplica (503)',
  lbTimeouts: `${capital(termEs('timeout'))} (504)`,
  lbForwarded: 'Reenviadas',
  hookRedeliver: 'Reenviar una',
  hookRedeliverNamed: 'Reenviar una: la entrega muerta más antigua de {name}',
  idemReplayed: 'Repetidas',
  idemDuplicates: 'Ejecutadas dos veces',
};
