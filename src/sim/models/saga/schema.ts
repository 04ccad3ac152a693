import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import { LIMITS } from '../../engine/limits';
import type { Message } from '../../engine/message';
import { serviceShape } from '../core/service';
import { lazySchema } from '../../engine/lazySchema';

// SEMANTICS §6 (Orchestration vs choreography): an orchestrator sends one command at a time
// and, on a failure, compensating commands in reverse order. Sources: Richardson, Microservices
// Patterns 2e ch. 10; Temporal sdk-java Saga.java; docs/encyclopedia/retry-policies.mdx.

/** A command name as a scenario writes it ("ReserveCredit"). */
const commandName = lazySchema(() => z.string().min(1).max(60));

/** One step of a saga: the command sent to a participant, and the command that undoes it. */
export const sagaStepSchema = lazySchema(() => z
  .object({
    /** The node that runs the command: a service the orchestrator links to. */
    participant: z.string().min(1).max(100),
    /** The command sent to it, e.g. "ReserveCredit". */
    command: commandName,
    /**
     * The command that undoes it once done, e.g. "ReleaseCredit": a new business action (a
     * refund), not a rollback. Absent for a step with nothing to undo (the last one, or a read).
     */
    compensation: commandName.optional(),
  })
  .strict());

/** One step as parsed. */
export type SagaStep = z.infer<typeof sagaStepSchema>;

/**
 * Temporal's activity retry policy (docs/encyclopedia/retry-policies.mdx): initial interval 1 s,
 * backoff coefficient 2.0, maximum interval 100 × the initial interval, maximum attempts 0,
 * which means unlimited. Activities get it by default; workflows get none.
 */
export const sagaRetrySchema = lazySchema(() => z
  .object({
    /** The wait before the first retry. Temporal: 1 s. */
    initialIntervalMs: z.number().positive().max(LIMITS.ms).default(1000),
    /** Each wait is the previous one times this. Temporal: 2.0. */
    backoffCoefficient: z.number().min(1).max(100).default(2),
    /** No wait exceeds this. Temporal: 100 × initialIntervalMs when absent. */
    maximumIntervalMs: z.number().positive().max(LIMITS.ms).optional(),
    /** Attempts including the first; 0 = unlimited, Temporal's default. */
    maximumAttempts: z.number().int().min(0).max(LIMITS.attempts).default(0),
  })
  .strict());

/** A retry policy as parsed. */
export type SagaRetry = z.infer<typeof sagaRetrySchema>;

/** Scenario fields of a saga orchestrator: for each order it receives, it runs `steps` in order. */
export const sagaOrchestratorSchema = nodeSchema('saga-orchestrator', () => ({
  steps: z.array(sagaStepSchema).min(1).max(8),
  /**
   * How long one attempt of a command may take before it counts as a transient failure and is
   * retried. Temporal has no default: every activity must set a start-to-close timeout. 2 s here.
   */
  timeoutMs: z.number().positive().max(LIMITS.ms).default(2000),
  /** Retries of a command or a compensation after a transient failure (a timeout, a 5xx, a refused connection). */
  retry: sagaRetrySchema.default({ initialIntervalMs: 1000, backoffCoefficient: 2, maximumAttempts: 0 }),
}));

/** An orchestrator's config as parsed. */
export type SagaOrchestratorConfig = z.infer<typeof sagaOrchestratorSchema>;

/**
 * Scenario fields of a saga participant: a service that may refuse a command for a business
 * reason (Richardson's Customer Service answering CreditLimitExceeded to ReserveCredit). Such a
 * refusal is an answer, not an error: the orchestrator does not retry it, it compensates.
 * `failureRate` stays a transient failure (a 500), which the orchestrator retries.
 */
export const sagaParticipantSchema = nodeSchema('saga-participant', () => ({
  ...serviceShape,
  /** The share of commands it refuses (compensations are never refused). */
  rejectProbability: z.number().min(0).max(1).default(0),
  /** The business reply it gives when it refuses, e.g. "CreditLimitExceeded". */
  rejectCode: z.string().min(1).max(60).default('Rejected'),
}));

/** A participant's config as parsed. */
export type SagaParticipantConfig = z.infer<typeof sagaParticipantSchema>;

/** An event name as a scenario writes it ("OrderCreated"). */
const eventName = lazySchema(() => z.string().min(1).max(60));

/**
 * One reaction of a choreography participant: when an event `on` reaches it, it does its work
 * and publishes `emit`, or, refusing for a business reason (a share `rejectProbability`),
 * publishes `rejectWith` instead (Richardson's Customer Service: OrderCreated → CreditReserved
 * or CreditLimitExceeded). No `emit`: the event ends its part of the saga.
 */
export const reactionSchema = lazySchema(() => z
  .object({
    on: eventName,
    emit: eventName.optional(),
    rejectWith: eventName.optional(),
    rejectProbability: z.number().min(0).max(1).default(0),
  })
  .strict());

/** One reaction as parsed. */
export type Reaction = z.infer<typeof reactionSchema>;

/**
 * Scenario fields of a choreography participant: a service that consumes events (from a queue or
 * a subscription) and publishes the events its `reactions` say to the brokers it links to. The
 * saga is the chain of these reactions: no node holds its whole flow (SEMANTICS §6).
 * `failureRate` stays a transient failure: the delivery is nacked and comes back.
 */
export const choreographyParticipantSchema = nodeSchema('choreography-participant', () => ({
  ...serviceShape,
  reactions: z.array(reactionSchema).min(1).max(8),
}));

/** A choreography participant's config as parsed. */
export type ChoreographyParticipantConfig = z.infer<typeof choreographyParticipantSchema>;

/** How a saga ended. */
export type SagaOutcome = 'completed' | 'compensated' | 'failed';

/** Trace events of sagas. `node` is the orchestrator, `msg` the order the saga is for, `step` 1-based. */
export type SagaTrace =
  | { type: 'saga.started'; t: number; node: string; msg: Message; saga: number; steps: number }
  /** The saga sent step `step`'s command (its first attempt) to `participant`. */
  | { type: 'saga.step'; t: number; node: string; msg: Message; saga: number; step: number; of: number; command: string; participant: string }
  /**
   * Step `step` failed: refused for a business reason (`code`, not retried), or failed for good
   * after its retries (`reason`, a failed call's).
   */
  | { type: 'saga.step_failed'; t: number; node: string; msg: Message; saga: number; step: number; participant: string; code?: string; reason?: string }
  /** The saga sent the compensation of completed step `step`; `undone` of `toUndo` completed steps are undone so far. */
  | {
      type: 'saga.compensate'; t: number; node: string; msg: Message; saga: number; step: number; command: string; participant: string;
      undone: number; toUndo: number;
    }
  /** The saga ended: every step done, every completed step compensated, or a compensation failed for good. */
  | { type: 'saga.done'; t: number; node: string; msg: Message; saga: number; outcome: SagaOutcome; undone: number };

/**
 * A choreography participant handled event `msg` (of type `on`): it published `emitted` (the
 * new message `emittedId`, caused by `msg`), refused it for a business reason (`refused`: what it
 * published is its `rejectWith`), or had nothing to publish (`emitted` absent).
 */
export type ChoreographyTrace = {
  type: 'saga.reacted'; t: number; node: string; msg: Message; on: string; refused: boolean; emitted?: string; emittedId?: number;
};

/** The trace types a saga orchestrator emits besides the engine's and the HTTP caller's. */
export const SAGA_TRACE = ['saga.started', 'saga.step', 'saga.step_failed', 'saga.compensate', 'saga.done'] as const;
