import { builtin } from '../../scenarios';
import { CATALOG, parseScenario, type TraceEvent } from '../catalog';
import { formatIssues } from '../engine/errors';
import type { Scenario } from '../engine/scenario';
import { Simulation } from '../engine/simulation';
import type { TraceType } from '../engine/trace';

/** A trace event of one type, narrowed. */
export type Ev<T extends TraceType> = Extract<TraceEvent, { type: T }>;

/** A test run: the simulation and everything it traced. */
export interface TestRun {
  sim: Simulation;
  trace: TraceEvent[];
  /** Trace events of one type, in order. */
  of<T extends TraceType>(type: T): Ev<T>[];
}

/** What a test writes: nodes, links and actions; id, title and seed are filled in. */
export interface TestScenario {
  nodes: unknown[];
  links: unknown[];
  actions?: unknown[];
  seed?: number;
  pattern?: string;
}

/**
 * A scenario document validated with the app's catalog, as the app would load it. Throws with
 * every issue when it is invalid (a random scenario builder that drew a bad one, say).
 */
export function scenarioOf(data: unknown): Scenario {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
  return parsed.scenario;
}

/** A scenario document validated (see `scenarioOf`) and started, its trace not recorded: for runs in bulk. */
export function simulate(data: unknown): Simulation {
  return new Simulation(CATALOG, scenarioOf(data));
}

/** Records everything `sim` traces from now on; call it before running the simulation. */
export function recordRun(sim: Simulation): TestRun {
  const trace: TraceEvent[] = [];
  sim.on((ev) => trace.push(ev));
  return { sim, trace, of: <T extends TraceType>(type: T) => trace.filter((e): e is Ev<T> => e.type === type) };
}

/**
 * The one harness model tests share: validates a small scenario with the app's catalog (so a
 * test scenario obeys the same schema as a user's file), starts it and records its trace.
 * Call `sim.runUntil` on the result. Throws with every issue when the scenario is invalid.
 */
export function runScenario(s: TestScenario): TestRun {
  return recordRun(new Simulation(CATALOG, scenarioOf({ id: 'test', title: 'test', ...s })));
}

/** A built-in scenario, started at its own seed, with its trace recorded. Throws if there is no such scenario. */
export function runBuiltin(id: string): TestRun & { scenario: Scenario } {
  const scenario = builtin(id);
  if (!scenario) throw new Error(`no built-in scenario ${id}`);
  return { ...recordRun(new Simulation(CATALOG, scenario)), scenario };
}

/** A webhook test run (pattern `webhook`). */
export function webhookRun(s: TestScenario): TestRun {
  return runScenario({ pattern: 'webhook', ...s });
}

/** One field of a node's stats, read as `T` (a number unless told). */
export function stat<T = number>(sim: Simulation, node: string, field: string): T {
  return sim.node(node).stats()[field] as T;
}

/** A constant latency or delay of `n` ms, as a scenario writes it. */
export function ms(n: number): { dist: 'constant'; ms: number } {
  return { dist: 'constant', ms: n };
}

/** A producer publishing `eventType` evenly at `ratePerSec` (the tests' usual publisher); `more` adds or overrides fields. */
export function producer(id: string, ratePerSec: number, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, kind: 'producer', ratePerSec, arrivals: 'constant', eventType: 'OrderCreated', ...more };
}

/** A service taking a constant `workMs` per message, one at a time unless `more` says otherwise. */
export function service(id: string, workMs: number, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, kind: 'service', serviceTime: ms(workMs), ...more };
}
