import type { ConfirmTrace } from './confirms';
import { defineKind } from '../../engine/kind';
import { Producer, producerSchema } from './producer';
import { Service, serviceSchema } from './service';

/** `producer`: publishes messages at a rate, to every outgoing link. */
export const producerKind = defineKind(producerSchema, (sim, config) => new Producer(sim, config), {
  role: 'edge',
  backlog: 'none',
  /** Only in confirm mode (`confirms` set): the broker's confirm frames, as the publisher hears them. */
  traceTypes: ['confirm.acked', 'confirm.nacked', 'confirm.republished'],
});

/** `service`: a consumer with worker slots and a service time; acks what it processed. */
export const serviceKind = defineKind(serviceSchema, (sim, config) => new Service(sim, config), {
  role: 'service',
  slowable: true,
  backlog: 'none',
  traceTypes: [],
});

/** The core kinds. */
export const coreKinds = [producerKind, serviceKind] as const;

/** Besides the engine's own trace events, a producer in confirm mode emits its confirm frames. */
export type CoreModelTrace = ConfirmTrace;
