import { defineKind } from '../../engine/kind';
import { RestClient, restClientSchema, RestService, restServiceSchema, type RestTrace } from './rest';

const HTTP_TRACE = [
  'http.request', 'http.response', 'http.timeout', 'http.retry_scheduled', 'http.call_ended',
  'breaker.state_changed', 'bulkhead.rejected', 'http.replayed', 'http.key_in_use',
] as const;

/** `rest-client`: sends requests at a rate and waits for each answer (timeouts, retries, breaker). */
export const restClientKind = defineKind(restClientSchema, (sim, config) => new RestClient(sim, config), {
  role: 'edge',
  backlog: 'waiting',
  traceTypes: HTTP_TRACE,
});

/** `rest-service`: answers requests, calling its own dependencies with the same resilience. */
export const restServiceKind = defineKind(restServiceSchema, (sim, config) => new RestService(sim, config), {
  role: 'service',
  slowable: true,
  backlog: 'none',
  traceTypes: HTTP_TRACE,
});

/** The HTTP kinds. */
export const httpKinds = [restClientKind, restServiceKind] as const;

/** Trace events of the HTTP models. */
export type HttpTrace = RestTrace;
