import { CATALOG } from '../../catalog';
import { Simulation } from '../../engine/simulation';
import type { TraceEvent } from '../../engine/trace';
import { ms, scenarioOf, type Ev } from '../../testing/harness';
import type { RestClient, RestService } from './rest';
import type { Service } from '../core/service';

/** Shared by the REST tests (rest*.test.ts): a small scenario started, at `seed` when given (the harness validates it). */
export function simOf(spec: Record<string, unknown>, seed?: number): Simulation {
  return new Simulation(CATALOG, scenarioOf({ id: 't', title: 't', ...spec }), seed === undefined ? {} : { seed });
}

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
export const constant = ms;
export const oneClick = { id: 'user', kind: 'producer', interarrival: constant(1000), limit: 1 };
