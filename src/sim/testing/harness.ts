import { CATALOG, parseScenario, type TraceEvent } from '../catalog';
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
 * The one harness model tests share: validates a small scenario with the app's catalog (so a
 * test scenario obeys the same schema as a user's file), starts it and records its trace.
 * Call `sim.runUntil` on the result. Throws with every issue when the scenario is invalid.
 */
export function runScenario(s: TestScenario): TestRun {
  const parsed = parseScenario({ id: 'test', title: 'test', ...s });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const sim = new Simulation(CATALOG, parsed.scenario);
  const trace: TraceEvent[] = [];
  sim.on((ev) => trace.push(ev));
  return { sim, trace, of: <T extends TraceType>(type: T) => trace.filter((e): e is Ev<T> => e.type === type) };
}

/** A webhook test run (pattern `webhook`). */
export function webhookRun(s: TestScenario): TestRun {
  return runScenario({ pattern: 'webhook', ...s });
}

/** A constant latency or delay of `n` ms, as a scenario writes it. */
export function ms(n: number): { dist: 'constant'; ms: number } {
  return { dist: 'constant', ms: n };
}
