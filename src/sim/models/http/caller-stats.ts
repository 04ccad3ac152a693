import { round, type LatencySummary } from '../../engine/stats';
import type { Dependency, FailKind } from './call';
import type { BreakerState } from './resilience';

/** One dependency's figures: its calls and outcomes, its breaker and its bulkhead. */
export function dependencyStats(dep: Dependency): DependencyStats {
  const d: DependencyStats = { calls: dep.calls, succeeded: dep.succeeded, failed: dep.failed };
  if (dep.breaker) {
    d.breaker = dep.breaker.state;
    d.breakerTransitions = dep.breaker.transitions;
    d.failureRate = round(dep.breaker.failureRate(), 1);
    d.shortCircuited = dep.shortCircuited;
  }
  if (dep.bulkhead) {
    d.bulkheadInUse = dep.bulkhead.inUse;
    d.bulkheadRejected = dep.bulkhead.rejected;
  }
  return d;
}

/** Figures of one dependency of a caller. */
export interface DependencyStats {
  calls: number;
  succeeded: number;
  failed: number;
  breaker?: BreakerState;
  breakerTransitions?: number;
  /** Failure rate in % over the breaker's window; -1 below its minimum number of calls. */
  failureRate?: number;
  shortCircuited?: number;
  bulkheadInUse?: number;
  bulkheadRejected?: number;
}

/** A caller's figures, merged into its node's stats. */
export interface CallerStats {
  /** Calls made (each may take several attempts). */
  calls: number;
  /** Requests sent, retries included. */
  attempts: number;
  retries: number;
  callsSucceeded: number;
  callsFailed: number;
  /** Calls that finally failed, by why. */
  failedBy: Record<FailKind, number>;
  /** Calls abandoned when this node went offline (neither succeeded nor failed: the process died). */
  callsAborted: number;
  /** Attempts that timed out (a retried attempt counts too). */
  timeouts: number;
  /** Answers that came after the caller had given up on the attempt. */
  lateResponses: number;
  /** Calls waiting for an answer now. */
  sending: number;
  /** Calls waiting for a retry now. */
  backingOff: number;
  callLatencyMs?: LatencySummary;
  failedLatencyMs?: LatencySummary;
  dependencies: Record<string, DependencyStats>;
}
