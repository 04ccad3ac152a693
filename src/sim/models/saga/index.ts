import { defineKind } from '../../engine/kind';
import { SagaOrchestrator } from './orchestrator';
import { ChoreographyParticipant } from './choreography';
import { SagaParticipant } from './participant';
import {
  choreographyParticipantSchema, SAGA_TRACE, sagaOrchestratorSchema, sagaParticipantSchema, type ChoreographyTrace, type SagaTrace as Trace,
} from './schema';

/** The HTTP caller's trace types: the orchestrator's commands travel as calls. */
const HTTP_CALLER_TRACE = ['http.request', 'http.response', 'http.timeout', 'http.retry_scheduled', 'http.call_ended'] as const;

/** `saga-orchestrator`: runs each order's saga, a command per step, compensating in reverse on a failure. */
export const sagaOrchestratorKind = defineKind(sagaOrchestratorSchema, (sim, config) => new SagaOrchestrator(sim, config), {
  role: 'service',
  // Its state is durable (Temporal's event history): a crash resumes each saga, so no offline switch.
  onlineSwitch: false,
  backlog: 'held',
  // Each step's participant must exist and be linked from the orchestrator: its commands are HTTP calls along that link.
  nodeRefs: ['steps[].participant'],
  traceTypes: [...SAGA_TRACE, ...HTTP_CALLER_TRACE],
});

/** `saga-participant`: a service that runs a saga's commands and compensations, refusing some commands for a business reason. */
export const sagaParticipantKind = defineKind(sagaParticipantSchema, (sim, config) => new SagaParticipant(sim, config), {
  role: 'service',
  slowable: true,
  backlog: 'none',
  traceTypes: [],
});

/**
 * `choreography-participant`: a service in a choreographed saga, which consumes events and
 * publishes the next ones (its `reactions`) to the brokers it links to.
 */
export const choreographyParticipantKind = defineKind(choreographyParticipantSchema, (sim, config) => new ChoreographyParticipant(sim, config), {
  role: 'service',
  slowable: true,
  backlog: 'none',
  traceTypes: ['saga.reacted'],
});

/** The saga kinds: orchestrated (an orchestrator and its participants) and choreographed. */
export const sagaKinds = [sagaOrchestratorKind, sagaParticipantKind, choreographyParticipantKind] as const;

/** Trace events of sagas. */
export type SagaTrace = Trace | ChoreographyTrace;
