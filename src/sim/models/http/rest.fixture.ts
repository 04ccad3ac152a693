import { formatIssues } from '../../engine/errors';
import { Simulation } from '../../engine/simulation';
import type { TraceEvent } from '../../engine/trace';
import type { RestClient, RestService } from './rest';
import type { Service } from '../core/service';
import { CATALOG, parseScenario } from '../../catalog';

/** Shared by the REST tests (rest*.test.ts): a run of a small scenario, and what it traced. */
export function simOf(spec: Record<string, unknown>, seed?: number): Simulation {
  const r = parseScenario({ id: 't', title: 't', ...spec });
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return new Simulation(CATALOG, r.scenario, seed === undefined ? {} : { seed });
}

export type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** Every trace event of type `type` from now on. */
export function collect<T extends TraceEvent['type']>(sim: Simulation, type: T): Ev<T>[] {
  const out: Ev<T>[] = [];
  sim.on((ev) => {
    if (ev.type === type) out.push(ev as Ev<T>);
  });
  return out;
}

export const client = (sim: Simulation, id: string) => sim.node(id) as RestClient;
export const service = (sim: Simulation, id: string) => sim.node(id) as Service;
export const restService = (sim: Simulation, id: string) => sim.node(id) as RestService;
export const constant = (ms: number) => ({ dist: 'constant', ms });
export const oneClick = { id: 'user', kind: 'producer', interarrival: constant(1000), limit: 1 };
