import type { Message } from '../../engine/message';
import { mergePatch, SimNode, type NodeStats, type SignalData } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import type { Channel, SignalKind } from '../../engine/trace';
import { FAIL_REASON, type Call, type CallerSettings, type CallOwner } from '../http/call';
import { HttpCaller, type CallerStats } from '../http/caller';
import { isHttp } from '../core/service';
import { sagaOrchestratorSchema, type SagaOrchestratorConfig, type SagaOutcome, type SagaRetry } from './schema';

/** Where one saga is: running a step, or compensating the steps it completed. */
export type SagaPhase = 'running' | 'compensating';

/** One order's saga, as the card shows it. */
export interface SagaView {
  saga: number;
  /** The order's message id and type. */
  order: number;
  type: string;
  phase: SagaPhase;
  /** Running: the step under way (1-based). Compensating: the step being undone. */
  step: number;
  /** Completed steps undone so far, of `toUndo`: between the two the saga is partially compensated. */
  undone: number;
  toUndo: number;
}

/** A saga orchestrator's figures. */
export type SagaStats = NodeStats & CallerStats & {
  started: number;
  completed: number;
  compensated: number;
  /** Sagas whose compensation failed for good (only with maximumAttempts set). */
  failedSagas: number;
  inFlight: number;
  /** Of those, compensating now: partially compensated, visible to everyone (sagas have no isolation). */
  compensating: number;
  /** Sagas at each step now (running), and being undone at each step (compensating). */
  atStep: number[];
  undoingStep: number[];
  /** A few sagas in flight, oldest first, those compensating before those running. */
  sagas: SagaView[];
};

interface Saga {
  id: number;
  order: Message;
  from: SimNode;
  phase: SagaPhase;
  /** Running: the step under way (0-based). Compensating: the step being undone. */
  step: number;
  /** Steps completed before the failure: the ones to compensate. */
  completed: number;
  undone: number;
  toUndo: number;
}

/** What a call of the orchestrator is for. */
interface SagaCall {
  saga: Saga;
  compensation: boolean;
}

/** Why an order's saga ended without completing (the `reason` of its `message.dropped`). */
export const SAGA_NO_LINK = 'no link to participant {node}';

/** Sagas listed in the stats, at most. */
const LISTED = 4;

/** Temporal's retry policy as the HTTP caller's: no jitter, exponential, capped; 0 attempts = unlimited. */
export function callerSettings(c: SagaOrchestratorConfig): CallerSettings {
  const r: SagaRetry = c.retry;
  return {
    timeoutMs: c.timeoutMs,
    retry: {
      maxAttempts: r.maximumAttempts === 0 ? Number.POSITIVE_INFINITY : r.maximumAttempts,
      jitter: 'none',
      baseMs: r.initialIntervalMs,
      multiplier: r.backoffCoefficient,
      // Temporal: "Default is 100x of the initial interval".
      capMs: r.maximumIntervalMs ?? 100 * r.initialIntervalMs,
    },
  };
}

/**
 * A saga orchestrator (SEMANTICS §6, "Flow (Create Order)", the orchestration column): each
 * order it receives starts a saga that sends its steps' commands one at a time, each to its
 * participant over the HTTP caller (a command and its reply), waiting for the reply before the
 * next. A business refusal (the participant's reply says CreditLimitExceeded) is final: it is
 * not retried. A transient failure (a timeout, a 5xx, a refused connection) is retried with
 * Temporal's activity retry policy. When a step fails, the compensations of the steps that
 * COMPLETED run one at a time in REVERSE order, each retried like a command; the failed step
 * itself is not compensated. This is Temporal's Saga with its defaults
 * (temporalio/sdk-java Saga.java: parallelCompensation=false, continueWithError=false, so a
 * compensation that fails for good stops the others and the saga fails).
 *
 * Ledger: the order is processed here for the whole saga; it is done when the saga completes,
 * dropped as rejected when it was compensated, dropped as failed when a compensation failed.
 * Each command and each compensation is a message of its own, published here.
 * The orchestrator keeps its state durably, as Temporal's history does: it has no offline switch.
 */
export class SagaOrchestrator extends SimNode<SagaOrchestratorConfig> implements CallOwner {
  readonly caller: HttpCaller;
  private readonly running = new Map<number, Saga>();
  /** Business replies read off response signals, by command message id, while the caller handles them. */
  private readonly replies = new Map<number, SignalData | undefined>();
  private nextId = 1;
  started = 0;
  completed = 0;
  compensated = 0;
  failedSagas = 0;

  constructor(sim: Simulation, config: SagaOrchestratorConfig) {
    super(sim, config);
    this.caller = new HttpCaller(this, callerSettings(config));
  }

  override start(): void {
    this.caller.start();
  }

  override receive(msg: Message, from: SimNode, channel: Channel): void {
    const sim = this.sim;
    // The kind has no offline switch; should a node be set offline all the same, it starts no new saga.
    if (!this.online) {
      sim.drop(this, msg, 'saga orchestrator offline');
      return;
    }
    sim.received(this, msg, from);
    // Started asynchronously, as a workflow is: an HTTP caller hears 202 Accepted at once.
    if (isHttp(channel)) sim.signal(this, from, 'response', msg, { status: 202, ok: true });
    sim.startProcessing(this, msg);
    const saga: Saga = { id: this.nextId++, order: msg, from, phase: 'running', step: 0, completed: 0, undone: 0, toUndo: 0 };
    this.running.set(saga.id, saga);
    this.started++;
    this.setBacklog(this.running.size);
    sim.emit({ type: 'saga.started', t: sim.now, node: this.id, msg, saga: saga.id, steps: this.config.steps.length });
    this.runStep(saga);
  }

  private runStep(saga: Saga): void {
    const steps = this.config.steps;
    if (saga.step >= steps.length) {
      this.end(saga, 'completed');
      return;
    }
    const step = steps[saga.step]!;
    const sim = this.sim;
    sim.emit({
      type: 'saga.step', t: sim.now, node: this.id, msg: saga.order, saga: saga.id, step: saga.step + 1, of: steps.length,
      command: step.command, participant: step.participant,
    });
    const dep = this.caller.dependency(step.participant);
    if (!dep) {
      this.stepFailed(saga, undefined, SAGA_NO_LINK.replace('{node}', step.participant));
      return;
    }
    const command = sim.publish(this, step.command, saga.order.key, { saga: saga.id, order: saga.order.id });
    const job: SagaCall = { saga, compensation: false };
    this.caller.begin(this.caller.prepare(command, dep, job, saga.step));
  }

  /** Step `saga.step` failed: compensate the steps completed before it, last first. */
  private stepFailed(saga: Saga, code: string | undefined, why: string | undefined): void {
    const sim = this.sim;
    const step = this.config.steps[saga.step]!;
    sim.emit({
      type: 'saga.step_failed', t: sim.now, node: this.id, msg: saga.order, saga: saga.id, step: saga.step + 1,
      participant: step.participant, code, reason: why,
    });
    saga.phase = 'compensating';
    saga.completed = saga.step;
    saga.toUndo = this.config.steps.slice(0, saga.completed).filter((s) => s.compensation !== undefined).length;
    saga.step = saga.completed;
    this.compensateNext(saga);
  }

  /** Sends the compensation of the next completed step, going backwards; steps with nothing to undo are passed. */
  private compensateNext(saga: Saga): void {
    const steps = this.config.steps;
    const sim = this.sim;
    for (saga.step--; saga.step >= 0; saga.step--) {
      const step = steps[saga.step]!;
      if (step.compensation === undefined) continue;
      sim.emit({
        type: 'saga.compensate', t: sim.now, node: this.id, msg: saga.order, saga: saga.id, step: saga.step + 1,
        command: step.compensation, participant: step.participant, undone: saga.undone, toUndo: saga.toUndo,
      });
      const dep = this.caller.dependency(step.participant)!;
      const command = sim.publish(this, step.compensation, saga.order.key, { saga: saga.id, order: saga.order.id, compensation: true });
      const job: SagaCall = { saga, compensation: true };
      this.caller.begin(this.caller.prepare(command, dep, job, saga.step));
      return;
    }
    this.end(saga, 'compensated');
  }

  callEnded(call: Call): void {
    const { saga, compensation } = call.job as SagaCall;
    if (!this.running.has(saga.id)) return;
    const reply = this.replies.get(call.msg.id);
    if (compensation) {
      if (call.failure !== undefined) {
        // continueWithError=false: the first compensation that fails for good ends the saga.
        this.end(saga, 'failed', FAIL_REASON[call.failure], this.config.steps[saga.step]!.participant);
        return;
      }
      saga.undone++;
      this.compensateNext(saga);
      return;
    }
    if (call.failure !== undefined) {
      this.stepFailed(saga, undefined, FAIL_REASON[call.failure]);
      return;
    }
    if (reply?.reply === 'failure') {
      this.stepFailed(saga, typeof reply.code === 'string' ? reply.code : 'Rejected', undefined);
      return;
    }
    saga.step++;
    this.runStep(saga);
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode, data: SignalData | undefined): void {
    if (kind !== 'response') return;
    // The caller settles the call; its reply body (a business refusal) is read in callEnded.
    if (msg) this.replies.set(msg.id, data);
    this.caller.onResponse(msg, from, data);
    if (msg) this.replies.delete(msg.id);
  }

  private end(saga: Saga, outcome: SagaOutcome, why?: string, at?: string): void {
    const sim = this.sim;
    this.running.delete(saga.id);
    this.setBacklog(this.running.size);
    const order = saga.order;
    if (outcome === 'completed') {
      this.completed++;
      sim.finishProcessing(this, order);
    } else if (outcome === 'compensated') {
      this.compensated++;
      sim.drop(this, order, 'saga compensated', 'rejected');
    } else {
      this.failedSagas++;
      sim.drop(this, order, `compensation failed at ${at ?? '?'} (${why ?? '?'}): saga failed`, 'failed');
    }
    if (saga.from.acksWanted(this)) sim.signal(this, saga.from, 'ack', order);
    sim.emit({ type: 'saga.done', t: sim.now, node: this.id, msg: order, saga: saga.id, outcome, undone: saga.undone });
  }

  override configure(patch: Record<string, unknown>): void {
    const parsed = sagaOrchestratorSchema.safeParse(mergePatch(this.config, patch));
    if (!parsed.success) return;
    this.config = parsed.data;
    this.caller.applySettings(callerSettings(parsed.data));
  }

  override stats(): SagaStats {
    const n = this.config.steps.length;
    const atStep = new Array<number>(n).fill(0);
    const undoingStep = new Array<number>(n).fill(0);
    let compensating = 0;
    const sagas: SagaView[] = [];
    for (const s of this.running.values()) {
      if (s.phase === 'running') atStep[s.step]!++;
      else {
        compensating++;
        if (s.step >= 0) undoingStep[s.step]!++;
      }
      if (sagas.length < LISTED) {
        sagas.push({ saga: s.id, order: s.order.id, type: s.order.type, phase: s.phase, step: s.step + 1, undone: s.undone, toUndo: s.toUndo });
      }
    }
    // Those compensating first: a partially compensated saga is what the card must show.
    if (compensating > 0) {
      sagas.length = 0;
      for (const phase of ['compensating', 'running'] as const) {
        for (const s of this.running.values()) {
          if (s.phase !== phase || sagas.length >= LISTED) continue;
          sagas.push({ saga: s.id, order: s.order.id, type: s.order.type, phase: s.phase, step: s.step + 1, undone: s.undone, toUndo: s.toUndo });
        }
      }
    }
    // The sagas' figures first, then the calls that carried their commands.
    return {
      ...super.stats(), started: this.started, completed: this.completed, compensated: this.compensated,
      failedSagas: this.failedSagas, inFlight: this.running.size, compensating, atStep, undoingStep, sagas, ...this.caller.stats(),
    };
  }
}
