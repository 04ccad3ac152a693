import { z } from 'zod';
import type { Link } from '../../engine/link';
import type { DropOutcome, Message } from '../../engine/message';
import type { SimNode } from '../../engine/node';
import type { ScheduledEvent } from '../../engine/scheduler';
import { breakerSchema, bulkheadSchema, retryBudgetSchema, retrySchema, type Bulkhead, type CircuitBreaker } from './resilience';
import { LIMITS } from '../../engine/limits';
import { lazySchema } from '../../engine/lazySchema';

/**
 * Scenario fields of anything that makes synchronous HTTP calls to the nodes it links to.
 * Every protection is off unless present; `{}` turns one on with resilience4j's defaults.
 */
export const callerShape = lazySchema(() => ({
  /**
   * Per-attempt timeout. Absent: wait forever, as plain HTTP clients do by default.
   * R4J's TimeLimiter default is 1000 ms.
   */
  timeoutMs: z.number().positive().max(LIMITS.ms).optional(),
  /** Retries with backoff; absent: no retries. */
  retry: retrySchema.optional(),
  /** A circuit breaker per dependency. */
  circuitBreaker: breakerSchema.optional(),
  /** A semaphore bulkhead per dependency. */
  bulkhead: bulkheadSchema.optional(),
  /** One retry budget for all this node's calls. */
  retryBudget: retryBudgetSchema.optional(),
  /**
   * Send an `Idempotency-Key` with each call, the same on all its retries, so a server that
   * honours keys runs it once. Off when absent, as in plain HTTP clients; Stripe's own client
   * libraries add one to every POST they may retry (stripe-node: "network retries").
   */
  idempotencyKeys: z.boolean().optional(),
}));

/** A caller's settings as parsed. */
export type CallerSettings = z.infer<z.ZodObject<typeof callerShape>>;

/** Why a call finally failed. */
export type FailKind = 'connection' | '5xx' | 'timeout' | 'circuitOpen' | 'bulkheadFull' | 'budgetExhausted' | 'rejected';

/** The drop reason written in the trace for each way a call fails. */
export const FAIL_REASON: Readonly<Record<FailKind, string>> = {
  connection: 'connection refused',
  '5xx': '5xx',
  timeout: 'timeout',
  circuitOpen: 'circuit open',
  bulkheadFull: 'bulkhead full',
  budgetExhausted: 'retry budget exhausted',
  rejected: 'caller saturated',
};

/**
 * How the totals count each way a call fails: refused before it was sent (fail fast, as
 * resilience4j's CallNotPermittedException and BulkheadFullException do), or failed.
 */
export const FAIL_OUTCOME: Readonly<Record<FailKind, DropOutcome>> = {
  connection: 'failed', '5xx': 'failed', timeout: 'failed', budgetExhausted: 'failed',
  circuitOpen: 'rejected', bulkheadFull: 'rejected', rejected: 'rejected',
};

/** One dependency of a caller: the link to it and the breaker and bulkhead guarding it. */
export class Dependency {
  calls = 0;
  succeeded = 0;
  failed = 0;
  shortCircuited = 0;
  breaker: CircuitBreaker | undefined;
  bulkhead: Bulkhead | undefined;
  /** The automatic open→half-open timer, when one is pending. */
  halfOpenTimer: ScheduledEvent | undefined;

  constructor(readonly link: Link) {}

  /** The callee's node id. */
  get id(): string {
    return this.link.to.id;
  }
}

/** One synchronous call: a request and its retries, until a final answer. */
export interface Call {
  /** The copy on the wire now (a retry after a timeout travels as a new copy: the old one may still be out there). */
  msg: Message;
  dep: Dependency;
  /** Attempts sent so far. */
  attempt: number;
  /** When the caller wanted to make the call: caller-side latency is measured from here. */
  startedAt: number;
  /** When the current attempt was sent. */
  sentAt: number;
  timer: ScheduledEvent | undefined;
  /** The last backoff wait (decorrelated jitter). */
  prevDelay: number;
  phase: number;
  /** The final outcome: undefined while running or on success. */
  failure: FailKind | undefined;
  /**
   * The copy on the wire went to a node that is not an HTTP server (a broker): it is the
   * broker's from then on, so a timeout or a failure must not drop it (see SimNode.answersRequests).
   */
  handedOver: boolean;
  /** The owner's data: the upstream request a rest-service is serving, and which dependency it is at. */
  job: unknown;
  index: number;
  /** Its index among its caller's active calls, -1 outside (see SlotSet). */
  slot: number;
  /** When it became active, as a count of calls at its caller: the order abortAll ends them in. */
  order: number;
}

/** A node that makes calls through an HttpCaller. */
export interface CallOwner extends SimNode {
  /** A call ended, with `call.failure` undefined on success. Not called for calls aborted by `abortAll`. */
  callEnded(call: Call): void;
}
