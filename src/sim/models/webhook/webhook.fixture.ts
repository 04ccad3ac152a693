import { parseScenario } from '../../engine/scenario';
import { Simulation } from '../../engine/simulation';
import type { TraceEvent, TraceType } from '../../engine/trace';

/** A trace event of one type, narrowed. */
export type Ev<T extends TraceType> = Extract<TraceEvent, { type: T }>;

/** A webhook test run: the simulation and everything it traced. */
export interface WebhookRun {
  sim: Simulation;
  trace: TraceEvent[];
  /** Trace events of one type, in order. */
  of<T extends TraceType>(type: T): Ev<T>[];
}

/**
 * Builds a scenario from its nodes, links and actions (tests only), starts it, and records the
 * trace. Call `sim.runUntil` on the result.
 */
export function webhookRun(s: { nodes: unknown[]; links: unknown[]; actions?: unknown[]; seed?: number }): WebhookRun {
  const parsed = parseScenario({ id: 'webhook-test', title: 'webhook test', pattern: 'webhook', ...s });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const sim = new Simulation(parsed.scenario);
  const trace: TraceEvent[] = [];
  sim.on((ev) => trace.push(ev));
  return { sim, trace, of: <T extends TraceType>(type: T) => trace.filter((e): e is Ev<T> => e.type === type) };
}

/** A constant one-way latency for links. */
export function ms(n: number): { dist: 'constant'; ms: number } {
  return { dist: 'constant', ms: n };
}
