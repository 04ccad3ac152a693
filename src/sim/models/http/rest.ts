import { Fifo } from '../../engine/fifo';
import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import type { Message } from '../../engine/message';
import { mergePatch, SimNode, type NodeStats, type SignalData } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import type { Channel, SignalKind } from '../../engine/trace';
import { callerShape, type Call, type CallOwner, type FailKind } from './call';
import { HttpCaller, type CallerStats } from './caller';
import type { BreakerState } from './resilience';
import { isHttp, Service, serviceShape, type Job } from '../core/service';
import { LIMITS } from '../../engine/limits';
import { IdempotencyStore, idempotencySchema, OperationCounter } from './idempotency';

/** Trace events of synchronous HTTP calls and their protections. `node` is always the caller. */
export type RestTrace =
  | { type: 'http.request'; t: number; node: string; to: string; msg: Message; attempt: number }
  /** An answer to an attempt; `late` when the caller had already given up on it (then `attempt` is 0). */
  | { type: 'http.response'; t: number; node: string; from: string; msg: Message; attempt: number; status: number; latencyMs: number; late: boolean }
  | { type: 'http.timeout'; t: number; node: string; to: string; msg: Message; attempt: number; afterMs: number }
  | { type: 'http.retry_scheduled'; t: number; node: string; to: string; msg: Message; attempt: number; delayMs: number }
  /** A call's final outcome, after all its attempts; `latencyMs` is caller-side, from wanting to call. */
  | { type: 'http.call_ended'; t: number; node: string; to: string; msg: Message; ok: boolean; reason: string | undefined; attempts: number; latencyMs: number }
  | { type: 'breaker.state_changed'; t: number; node: string; dependency: string; from: BreakerState; to: BreakerState; failureRate: number }
  | { type: 'bulkhead.rejected'; t: number; node: string; dependency: string; msg: Message; inUse: number; limit: number }
  /** A server (`node`) answered a retry from its stored result for the request's idempotency key, without running it again. */
  | { type: 'http.replayed'; t: number; node: string; to: string; msg: Message; key: string; status: number }
  /** A server (`node`) refused a request whose idempotency key is still being executed: 409 Conflict. */
  | { type: 'http.key_in_use'; t: number; node: string; to: string; msg: Message; key: string };

// ---- rest-client ----

/** A REST client's figures: its slots and line, and its calls. */
export type RestClientStats = NodeStats & CallerStats & { inFlight: number; waiting: number; maxConcurrent: number };

/** Scenario fields of a REST client: a service that turns each piece of work it gets into calls. */
export const restClientSchema = nodeSchema('rest-client', () => ({
  /** Calls in flight at once: its threads or connections. A small pool, so saturation shows. */
  maxConcurrent: z.number().int().positive().max(LIMITS.slots).default(10),
  /** When every slot is busy: wait in line for one, or fail the call at once. */
  overflow: z.enum(['queue', 'reject']).default('queue'),
  /** With overflow 'queue': how many calls may wait; past it they are rejected. Unlimited when absent. */
  maxWaiting: z.number().int().nonnegative().max(LIMITS.count).optional(),
  /** With several dependencies: call each of them for every piece of work, or take turns. */
  route: z.enum(['all', 'round-robin']).default('all'),
  ...callerShape,
}));

/** A REST client's config as parsed. */
export type RestClientConfig = z.infer<typeof restClientSchema>;

/**
 * A caller at the edge: each message it receives (from a producer: a user's click) becomes a
 * synchronous call to its dependencies, the nodes it links to. The message itself is the
 * call: it is done when the callee has processed it, or dropped here with the reason the
 * call failed. A call holds one of `maxConcurrent` slots from its first attempt to its final
 * answer, backoff waits included; calls past that wait in line, or fail at once.
 */
export class RestClient extends SimNode<RestClientConfig> implements CallOwner {
  readonly caller: HttpCaller;
  private readonly waitingCalls = new Fifo<Call>();
  /** Slots in use. */
  inFlight = 0;
  private turn = 0;
  private pumping = false;

  constructor(sim: Simulation, config: RestClientConfig) {
    super(sim, config);
    this.caller = new HttpCaller(this, config);
  }

  override start(): void {
    this.caller.start();
  }

  override receive(msg: Message, from: SimNode, _channel: Channel): void {
    if (!this.online) {
      this.sim.drop(this, msg, 'client offline');
      return;
    }
    const deps = this.caller.deps;
    if (deps.length === 0) {
      this.sim.drop(this, msg, 'no dependency to call');
      return;
    }
    this.sim.received(this, msg, from);
    if (this.config.route === 'round-robin') {
      this.enqueue(this.caller.prepare(msg, deps[this.turn++ % deps.length]!));
      return;
    }
    for (let i = 0; i < deps.length; i++) {
      const copy = i === 0 ? msg : this.sim.copy(this, msg, 'buffered');
      this.enqueue(this.caller.prepare(copy, deps[i]!));
    }
  }

  private enqueue(call: Call): void {
    const c = this.config;
    const full = this.inFlight >= c.maxConcurrent || this.waitingCalls.length > 0;
    if (full && (c.overflow === 'reject' || (c.maxWaiting !== undefined && this.waitingCalls.length >= c.maxWaiting))) {
      this.caller.reject(call);
      return;
    }
    this.waitingCalls.push(call);
    this.setBacklog(this.waitingCalls.length);
    this.pump();
  }

  /** Starts waiting calls while slots are free. Calls that end inside begin() free their slot for this loop. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.inFlight < this.config.maxConcurrent && this.waitingCalls.length > 0) {
        const call = this.waitingCalls.shift()!;
        this.setBacklog(this.waitingCalls.length);
        this.inFlight++;
        this.caller.begin(call);
      }
    } finally {
      this.pumping = false;
    }
  }

  callEnded(call: Call): void {
    if (call.failure === 'rejected') return;
    this.inFlight--;
    this.pump();
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode, data: SignalData | undefined): void {
    if (kind === 'response') this.caller.onResponse(msg, from, data);
  }

  protected override onlineChanged(): void {
    if (this.online) return;
    // The process died: calls waiting for a slot and calls under way are lost with it.
    while (this.waitingCalls.length > 0) this.sim.drop(this, this.waitingCalls.shift()!.msg, 'client offline');
    this.setBacklog(0);
    this.caller.abortAll('client offline');
    this.inFlight = 0;
  }

  override configure(patch: Record<string, unknown>): void {
    const parsed = restClientSchema.safeParse(mergePatch(this.config, patch));
    if (!parsed.success) return;
    this.config = parsed.data;
    this.caller.applySettings(parsed.data);
    this.pump();
  }

  override stats(): RestClientStats {
    const calls = this.caller.stats();
    const s: RestClientStats = {
      kind: this.kind, online: this.online, inFlight: this.inFlight, waiting: this.waitingCalls.length,
      maxConcurrent: this.config.maxConcurrent, backlog: this.backlog.summary(this.sim.now), ...calls,
    };
    if (calls.callLatencyMs) s.latencyMs = calls.callLatencyMs;
    return s;
  }
}

// ---- rest-service ----

/** Scenario fields of a REST service: a service that calls its own dependencies while serving a request. */
export const restServiceSchema = nodeSchema('rest-service', () => ({
  ...serviceShape,
  /** The request name of its downstream calls, e.g. "ChargePayment"; by default the incoming request's. */
  callType: z.string().min(1).optional(),
  /** Honour callers' `Idempotency-Key`s (Stripe style): off when absent, as a plain server does. */
  idempotency: idempotencySchema.optional(),
  ...callerShape,
}));

/** A REST service's config as parsed. */
export type RestServiceConfig = z.infer<typeof restServiceSchema>;

/** A REST service's figures: a service's, a caller's, and what it executed (twice, or replayed from a key). */
export type RestServiceStats = NodeStats & CallerStats & {
  executions: number;
  duplicateExecutions: number;
  replayed: number;
  keyConflicts: number;
};

/** The status a rest-service answers upstream when its own call failed (RFC 9110 §15.6). */
const UPSTREAM_STATUS: Readonly<Record<FailKind, number>> = {
  connection: 502, // Bad Gateway: the dependency gave no valid answer
  '5xx': 502,
  timeout: 504, // Gateway Timeout
  circuitOpen: 503, // Service Unavailable: failing fast
  bulkheadFull: 503,
  budgetExhausted: 503,
  rejected: 503,
};

/**
 * A service in the middle of a chain (B in A → B → C): for each request it takes a slot, does
 * its own work, then calls its dependencies one after another, synchronously, holding the slot
 * while it waits; it answers upstream once they all succeeded (200), or when one finally
 * failed (502, 503 or 504). That held slot is the coupling: when C hangs, B's slots fill with
 * waiting requests, then A's. Each downstream call is a message of its own, published here.
 */
export class RestService extends Service<RestServiceConfig> implements CallOwner {
  readonly caller: HttpCaller;
  private readonly keys: IdempotencyStore;
  private readonly operations = new OperationCounter();
  /** Requests whose own work ran to success (a payment service: charges made), orphaned ones included. */
  executions = 0;
  /** Of those, operations run again: a retry of a request already executed (a double charge). */
  duplicateExecutions = 0;
  /** Retries answered from a stored idempotency result. */
  replayed = 0;
  /** Requests refused with 409 because their key was still being executed. */
  keyConflicts = 0;

  constructor(sim: Simulation, config: RestServiceConfig) {
    super(sim, config);
    this.caller = new HttpCaller(this, config);
    this.keys = new IdempotencyStore(config.idempotency?.retentionMs ?? 0);
  }

  override start(): void {
    this.caller.start();
  }

  /** The idempotency key this server honours on `msg`, if it honours keys and the request has one. */
  private keyOf(msg: Message, channel: Channel): string | undefined {
    if (!this.config.idempotency || !isHttp(channel)) return undefined;
    const key = msg.meta?.idempotencyKey;
    return typeof key === 'string' ? key : undefined;
  }

  override receive(msg: Message, from: SimNode, channel: Channel): void {
    const key = this.online ? this.keyOf(msg, channel) : undefined;
    if (key === undefined) {
      super.receive(msg, from, channel);
      return;
    }
    const sim = this.sim;
    const stored = this.keys.result(key, sim.now);
    if (stored) {
      this.replayed++;
      if (msg.state !== 'dropped') {
        sim.received(this, msg, from);
        sim.suppress(this, msg, 'idempotency key replayed');
      }
      sim.emit({ type: 'http.replayed', t: sim.now, node: this.id, to: from.id, msg, key, status: stored.status });
      sim.signal(this, from, 'response', msg, { status: stored.status, ok: stored.ok });
      return;
    }
    if (this.keys.isRunning(key)) {
      this.keyConflicts++;
      sim.emit({ type: 'http.key_in_use', t: sim.now, node: this.id, to: from.id, msg, key });
      sim.signal(this, from, 'response', msg, { status: 409, ok: false, error: 'idempotency key in use' });
      return;
    }
    const rejected = this.rejected;
    super.receive(msg, from, channel);
    // Stripe stores a result only once the request started executing: not for a 503 at the door.
    if (this.rejected === rejected) this.keys.begin(key);
  }

  protected override workDone(job: Job): void {
    if (this.drawFailure()) {
      this.finish(job, false, 500);
      return;
    }
    this.executions++;
    if (this.operations.executed(job.msg.root)) this.duplicateExecutions++;
    this.callNext(job, 0);
  }

  protected override finish(job: Job, ok: boolean, status = 500): void {
    const key = this.keyOf(job.msg, job.channel);
    if (key !== undefined) this.keys.finish(key, ok ? 200 : status, ok, this.sim.now);
    super.finish(job, ok, status);
  }

  private callNext(job: Job, index: number): void {
    const deps = this.caller.deps;
    if (index >= deps.length) {
      this.finish(job, true);
      return;
    }
    const up = job.msg;
    const msg = this.sim.publish(this, this.config.callType ?? up.type, up.key);
    this.caller.begin(this.caller.prepare(msg, deps[index]!, job, index));
  }

  callEnded(call: Call): void {
    const job = call.job as Job;
    if (!this.active.has(job)) return;
    if (call.failure === undefined) this.callNext(job, call.index + 1);
    else this.finish(job, false, UPSTREAM_STATUS[call.failure]);
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode, data: SignalData | undefined): void {
    if (kind === 'response') this.caller.onResponse(msg, from, data);
  }

  protected override onlineChanged(): void {
    super.onlineChanged();
    if (!this.online) {
      this.caller.abortAll('caller went offline');
      this.keys.abandonRunning();
    }
  }

  override configure(patch: Record<string, unknown>): void {
    const parsed = restServiceSchema.safeParse(mergePatch(this.config, patch));
    if (!parsed.success) return;
    super.configure(parsed.data);
    this.caller.applySettings(parsed.data);
    this.keys.retentionMs = parsed.data.idempotency?.retentionMs ?? 0;
  }

  override stats(): RestServiceStats {
    return {
      ...super.stats(), ...this.caller.stats(), executions: this.executions, duplicateExecutions: this.duplicateExecutions,
      replayed: this.replayed, keyConflicts: this.keyConflicts,
    };
  }
}
