import { dependencyStats, type CallerStats, type DependencyStats } from './caller-stats';
import { Dependency, FAIL_OUTCOME, FAIL_REASON, type Call, type CallerSettings, type CallOwner, type FailKind } from './call';
import type { Message } from '../../engine/message';
import type { SignalData, SimNode } from '../../engine/node';
import type { Rng } from '../../engine/rng';
import type { EventTarget } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import { LatencyHistogram, round } from '../../engine/stats';
import { SlotSet } from '../../engine/slot-set';
import { IdTable } from '../../engine/id-table';
import { backoffDelay, Bulkhead, CircuitBreaker, RetryBudget, type BreakerListener, type BreakerState } from './resilience';

const IDLE = 0;
const SENDING = 1;
const BACKOFF = 2;
const ENDED = 3;

const TIMEOUT = 1;
const RETRY = 2;
const HALF_OPEN = 3;
/** An attempt's timeout, a retry after backoff, a breaker's wait in the open state ending. */
type CallerTimers = { [TIMEOUT]: Call; [RETRY]: Call; [HALF_OPEN]: Dependency };

/**
 * The client side of synchronous HTTP, shared by every node that calls others: sends the
 * request over the link, waits for the response signal or its own timeout, retries with
 * backoff, and guards each dependency with a circuit breaker and a bulkhead, in resilience4j's
 * decorator order Retry(CircuitBreaker(TimeLimiter(Bulkhead(call)))): so a timeout or a full
 * bulkhead counts as a failure for the breaker. Calls refused by an open breaker or a full
 * bulkhead are not retried (as R4J does when told to ignore those exceptions): they fail fast.
 *
 * Message accounting: the caller owns the fate of its call's copy. A success leaves it done
 * at the callee. A failed attempt brings it back here (buffered) to wait for the retry,
 * which re-sends the same copy. After a timeout the copy may still be travelling or being
 * processed: that attempt's copy is dropped ("timeout") and a retry travels as a new copy.
 * A call that finally fails drops its copy with the reason, unless it is already dropped
 * (lost on the network) or done (processed, but the answer never came back in time).
 */
export class HttpCaller implements EventTarget, BreakerListener {
  readonly deps: Dependency[] = [];
  private readonly byCallee = new Map<string, Dependency>();
  /** Calls with a request out, by the id of the copy on the wire (an IdTable: looked up on every answer). */
  private readonly inflight = new IdTable<Call>();
  /** Calls begun and not ended. A SlotSet, not a Set added to and deleted from once per call (its table reallocated as it grew and shrank). */
  private readonly active = new SlotSet<Call>();
  /** Calls added to `active` so far: abortAll goes through them in that order. */
  private activated = 0;
  private budget: RetryBudget | undefined;
  private backoffCount = 0;
  private readonly rng: Rng;
  /** Caller-side latency of successful calls, from wanting to call to the final answer. */
  readonly latency = new LatencyHistogram();
  /** The same for failed calls: how long it took to learn of the failure. */
  readonly failedLatency = new LatencyHistogram();
  calls = 0;
  attempts = 0;
  retries = 0;
  succeeded = 0;
  timeouts = 0;
  lateResponses = 0;
  /** Calls abandoned because this node went offline. */
  aborted = 0;
  readonly failed: Record<FailKind, number> = {
    connection: 0, '5xx': 0, timeout: 0, circuitOpen: 0, bulkheadFull: 0, budgetExhausted: 0, rejected: 0,
  };

  constructor(
    readonly owner: CallOwner,
    public settings: CallerSettings,
  ) {
    this.rng = owner.sim.rng(`caller:${owner.id}`);
  }

  private get sim(): Simulation {
    return this.owner.sim;
  }

  /** Learns the dependencies from the owner's outgoing links (call from the owner's start()). */
  start(): void {
    for (const link of this.sim.outgoing(this.owner.id)) {
      const dep = new Dependency(link);
      this.deps.push(dep);
      this.byCallee.set(dep.id, dep);
    }
    this.applySettings(this.settings);
  }

  /** Applies new settings; a breaker whose settings changed starts again closed. */
  applySettings(s: CallerSettings): void {
    const old = this.settings;
    this.settings = s;
    if (JSON.stringify(old.retryBudget) !== JSON.stringify(s.retryBudget) || (s.retryBudget && !this.budget)) {
      this.budget = s.retryBudget ? new RetryBudget(s.retryBudget) : undefined;
    }
    for (const dep of this.deps) {
      if (!s.circuitBreaker) dep.breaker = undefined;
      else if (!dep.breaker || JSON.stringify(dep.breaker.settings) !== JSON.stringify(s.circuitBreaker)) {
        dep.breaker = new CircuitBreaker(s.circuitBreaker, this);
      }
      if (!s.bulkhead) dep.bulkhead = undefined;
      else if (dep.bulkhead) dep.bulkhead.max = s.bulkhead.maxConcurrentCalls;
      else dep.bulkhead = new Bulkhead(s.bulkhead.maxConcurrentCalls);
    }
  }

  /** A call of `msg` to `dep`, not started yet. `msg` must be buffered at the owner or in transit from it. */
  prepare(msg: Message, dep: Dependency, job?: unknown, index = 0): Call {
    // One key per call: its retries travel as copies of this message and carry it.
    if (this.settings.idempotencyKeys) msg.meta = { ...msg.meta, idempotencyKey: `${this.owner.id}/${dep.id}/${msg.id}` };
    return {
      msg, dep, attempt: 0, startedAt: this.sim.now, sentAt: 0, timer: undefined, prevDelay: 0, phase: IDLE,
      failure: undefined, handedOver: false, job, index, slot: -1, order: 0,
    };
  }

  /** Starts a prepared call. It may end before this returns (a zero-latency link, an open breaker). */
  begin(call: Call): void {
    this.activate(call);
    this.calls++;
    call.dep.calls++;
    call.prevDelay = this.settings.retry?.baseMs ?? 0;
    this.budget?.onRequest(this.sim.now);
    this.attempt(call);
  }

  /** Ends a prepared call that never got a slot: the owner was saturated. */
  reject(call: Call): void {
    this.calls++;
    call.dep.calls++;
    this.activate(call);
    this.end(call, 'rejected');
  }

  private activate(call: Call): void {
    call.order = ++this.activated;
    this.active.add(call);
  }

  private attempt(call: Call): void {
    const sim = this.sim;
    const dep = call.dep;
    const breaker = dep.breaker;
    if (breaker && !breaker.tryAcquire(sim.now)) {
      dep.shortCircuited++;
      this.end(call, 'circuitOpen');
      return;
    }
    if (dep.bulkhead && !dep.bulkhead.tryAcquire()) {
      // The breaker wraps the bulkhead, so it records the rejection as a failed call.
      breaker?.onResult(sim.now, true, 0);
      sim.emit({
        type: 'bulkhead.rejected', t: sim.now, node: this.owner.id, dependency: dep.id, msg: call.msg,
        inUse: dep.bulkhead.inUse, limit: dep.bulkhead.max,
      });
      this.end(call, 'bulkheadFull');
      return;
    }
    call.attempt++;
    call.sentAt = sim.now;
    call.phase = SENDING;
    this.attempts++;
    // Registered before sending: over a zero-latency link the answer arrives inside send().
    this.inflight.set(call.msg.id, call);
    const timeout = this.settings.timeoutMs;
    if (timeout !== undefined) call.timer = sim.scheduler.schedule(timeout, this, TIMEOUT, call);
    sim.emit({ type: 'http.request', t: sim.now, node: this.owner.id, to: dep.id, msg: call.msg, attempt: call.attempt });
    call.handedOver = !dep.link.to.answersRequests();
    sim.send(dep.link, call.msg, call.attempt === 1 ? 'request' : 'retry');
  }

  /** A response signal arrived from `from`. Answers to attempts already given up are counted and ignored. */
  onResponse(msg: Message | undefined, from: SimNode, data: SignalData | undefined): void {
    const sim = this.sim;
    const status = data?.status ?? 0;
    const call = msg ? this.inflight.get(msg.id) : undefined;
    if (!msg || call === undefined || call.dep.link.to !== from) {
      this.lateResponses++;
      sim.ledger.late++;
      if (msg) {
        sim.emit({
          type: 'http.response', t: sim.now, node: this.owner.id, from: from.id, msg, attempt: 0, status, latencyMs: 0, late: true,
        });
      }
      return;
    }
    this.inflight.delete(msg.id);
    if (call.timer) sim.scheduler.cancel(call.timer);
    call.timer = undefined;
    const dep = call.dep;
    dep.bulkhead?.release();
    const ok = data?.ok ?? (status >= 200 && status < 300);
    const rtt = sim.now - call.sentAt;
    dep.breaker?.onResult(sim.now, !ok, rtt);
    sim.emit({
      type: 'http.response', t: sim.now, node: this.owner.id, from: from.id, msg, attempt: call.attempt, status, latencyMs: rtt, late: false,
    });
    if (ok) this.end(call, undefined);
    else this.attemptFailed(call, status === 0 ? 'connection' : '5xx');
  }

  /** Scheduled timers: an attempt's timeout, a retry, a breaker going half-open. */
  handle(ev: Timer<CallerTimers>): void {
    if (ev.type === HALF_OPEN) {
      const dep = ev.data;
      dep.halfOpenTimer = undefined;
      dep.breaker?.toHalfOpen();
      return;
    }
    const call = ev.data;
    call.timer = undefined;
    if (ev.type === RETRY) {
      this.backoffCount--;
      this.attempt(call);
      return;
    }
    const sim = this.sim;
    this.inflight.delete(call.msg.id);
    this.timeouts++;
    call.dep.bulkhead?.release();
    const after = sim.now - call.sentAt;
    call.dep.breaker?.onResult(sim.now, true, after);
    sim.emit({ type: 'http.timeout', t: sim.now, node: this.owner.id, to: call.dep.id, msg: call.msg, attempt: call.attempt, afterMs: after });
    this.attemptFailed(call, 'timeout');
  }

  private attemptFailed(call: Call, kind: FailKind): void {
    const retry = this.settings.retry;
    if (!retry || call.attempt >= retry.maxAttempts) {
      this.end(call, kind);
      return;
    }
    const sim = this.sim;
    if (this.budget && !this.budget.tryRetry(sim.now)) {
      this.end(call, 'budgetExhausted');
      return;
    }
    const delay = backoffDelay(retry, call.attempt - 1, call.prevDelay, this.rng);
    call.prevDelay = delay;
    this.takeBack(call, kind === 'timeout');
    call.phase = BACKOFF;
    call.timer = sim.scheduler.schedule(delay, this, RETRY, call);
    this.retries++;
    this.backoffCount++;
    sim.emit({
      type: 'http.retry_scheduled', t: sim.now, node: this.owner.id, to: call.dep.id, msg: call.msg, attempt: call.attempt + 1, delayMs: delay,
    });
  }

  /** Brings the call's copy back to the owner, buffered, to wait for its retry. */
  private takeBack(call: Call, timedOut: boolean): void {
    const sim = this.sim;
    const msg = call.msg;
    if (msg.state === 'dropped' || msg.state === 'done' || call.handedOver) {
      call.msg = sim.copy(this.owner, msg, 'buffered');
    } else if (timedOut) {
      // The old copy is still out there and may yet be processed, as wasted work.
      sim.drop(this.owner, msg, FAIL_REASON.timeout, 'failed');
      call.msg = sim.copy(this.owner, msg, 'buffered');
    } else {
      sim.received(this.owner, msg, call.dep.link.to);
    }
    call.handedOver = false;
  }

  private end(call: Call, failure: FailKind | undefined): void {
    const sim = this.sim;
    call.phase = ENDED;
    call.failure = failure;
    this.active.delete(call);
    const latency = sim.now - call.startedAt;
    const msg = call.msg;
    if (failure === undefined) {
      this.succeeded++;
      call.dep.succeeded++;
      this.latency.record(latency);
    } else {
      this.failed[failure]++;
      call.dep.failed++;
      this.failedLatency.record(latency);
      if (!call.handedOver && msg.state !== 'dropped' && msg.state !== 'done') sim.drop(this.owner, msg, FAIL_REASON[failure], FAIL_OUTCOME[failure]);
    }
    sim.emit({
      type: 'http.call_ended', t: sim.now, node: this.owner.id, to: call.dep.id, msg, ok: failure === undefined,
      reason: failure === undefined ? undefined : FAIL_REASON[failure], attempts: call.attempt, latencyMs: latency,
    });
    this.owner.callEnded(call);
  }

  /** Abandons every running call (the owner went offline): timers stop and their copies are dropped with `reason`. */
  abortAll(reason: string): void {
    const sim = this.sim;
    // In the order the calls began (a SlotSet's own order changes as calls end).
    const calls = this.active.drain().sort((a, b) => a.order - b.order);
    for (const call of calls) {
      if (call.timer) sim.scheduler.cancel(call.timer);
      call.timer = undefined;
      if (call.phase === SENDING) {
        this.inflight.delete(call.msg.id);
        call.dep.bulkhead?.release();
        call.dep.breaker?.release();
      } else if (call.phase === BACKOFF) {
        this.backoffCount--;
      }
      call.phase = ENDED;
      this.aborted++;
      const msg = call.msg;
      if (!call.handedOver && msg.state !== 'dropped' && msg.state !== 'done') sim.drop(this.owner, msg, reason);
    }
  }

  /** Calls waiting for a retry right now. */
  get backingOff(): number {
    return this.backoffCount;
  }

  /** Calls with a request out right now. */
  get sending(): number {
    return this.inflight.size;
  }

  breakerChanged(breaker: CircuitBreaker, from: BreakerState, to: BreakerState): void {
    const dep = this.deps.find((d) => d.breaker === breaker);
    if (!dep) return;
    const sim = this.sim;
    if (dep.halfOpenTimer) {
      sim.scheduler.cancel(dep.halfOpenTimer);
      dep.halfOpenTimer = undefined;
    }
    const s = breaker.settings;
    if (to === 'open' && s.automaticTransitionFromOpenToHalfOpenEnabled) {
      dep.halfOpenTimer = sim.scheduler.schedule(s.waitDurationInOpenStateMs, this, HALF_OPEN, dep);
    }
    sim.emit({
      type: 'breaker.state_changed', t: sim.now, node: this.owner.id, dependency: dep.id, from, to,
      failureRate: round(Math.max(0, breaker.failureRate()), 1),
    });
  }

  /** The caller's figures: calls, outcomes by kind, latency, and each dependency's breaker and bulkhead. */
  stats(): CallerStats {
    const failed = { ...this.failed };
    let failedTotal = 0;
    for (const k in failed) failedTotal += failed[k as FailKind];
    const dependencies: Record<string, DependencyStats> = {};
    for (const dep of this.deps) dependencies[dep.id] = dependencyStats(dep);
    const s: CallerStats = {
      calls: this.calls, attempts: this.attempts, retries: this.retries, callsSucceeded: this.succeeded,
      callsFailed: failedTotal, failedBy: failed, callsAborted: this.aborted, timeouts: this.timeouts, lateResponses: this.lateResponses,
      sending: this.inflight.size, backingOff: this.backingOff, dependencies,
    };
    if (this.latency.count > 0) s.callLatencyMs = this.latency.summary();
    if (this.failedLatency.count > 0) s.failedLatencyMs = this.failedLatency.summary();
    return s;
  }

  /** The dependency that is the node `id`, if any. */
  dependency(id: string): Dependency | undefined {
    return this.byCallee.get(id);
  }
}

export type { CallerStats, DependencyStats } from './caller-stats';
