import type { Scenario } from '../sim/engine/scenario';
import { Simulation, type RecordedAction } from '../sim/engine/simulation';
import type { TraceListener } from '../sim/engine/trace';
import { CATALOG } from '../sim/catalog';
import type { FlightBuffer } from './flights';
import { addFollowedHop, followStore } from './follow';
import type { PublishedRun } from './publisher';
import { readerOf, type RunReader } from './runReader';

/** A run as its subscribers see it: its trace, and what they may read of its nodes. */
export interface RunHandle {
  /** Subscribes to the run's trace; returns the unsubscribe. */
  on(listener: TraceListener): () => void;
  reader: RunReader;
}

/** The running Simulation with its reader, built once per install. */
export interface Run extends PublishedRun {
  sim: Simulation;
}

/**
 * The engine for `scenario` from t = 0, replaying `recorded` actions at their events: the one
 * place the app builds a Simulation. Throws what the engine refuses.
 */
export function simulate(scenario: Scenario, seed: number, recorded: readonly RecordedAction[] = []): Simulation {
  return new Simulation(CATALOG, scenario, { seed, recorded });
}

function runOf(sim: Simulation): Run {
  return { sim, reader: readerOf(sim), get events() { return sim.events; }, totals: () => sim.ledger.totals() };
}

function handleOf(run: Run): RunHandle {
  return { on: (listener) => run.sim.on(listener), reader: run.reader };
}

/**
 * The run's lifecycle: holds the one Simulation the screen shows, wires a new one to the message
 * layer's flight buffer (and the followed message), and tells the run's subscribers (the event
 * log, the metrics sampler) about each new run before it runs any event.
 */
export class RunHost {
  private current: Run | null = null;
  private detach: () => void = () => {};
  private readonly listeners = new Set<(run: RunHandle) => void>();

  constructor(private readonly flights: FlightBuffer) {}

  /** The run on screen, or null before the first load. */
  get run(): Run | null {
    return this.current;
  }

  /**
   * Makes `sim` the run on screen: the old one's trace is let go, the flight buffer starts empty.
   * Call `announce` once the rest of the screen is reset for it.
   */
  install(sim: Simulation): Run {
    this.detach();
    this.flights.clear();
    this.flights.ignoreBefore = -Infinity;
    const run = runOf(sim);
    this.current = run;
    this.detach = sim.on(this.flights.listener);
    return run;
  }

  /** Follows the followed message into `run` and hands `run` to every subscriber. */
  announce(run: Run): void {
    this.flights.followed = followStore.getState().root ?? -1;
    this.flights.onFollowedHop = addFollowedHop;
    this.flights.commitTargets = new Set(run.reader.nodes.filter((n) => n.kind === 'topic').map((n) => n.id));
    for (const listener of this.listeners) listener(handleOf(run));
  }

  /**
   * Calls `listener` with the current run now (if any) and with every new one (load, reset,
   * seek back), before it runs any event. Returns the unsubscribe.
   */
  onRun(listener: (run: RunHandle) => void): () => void {
    this.listeners.add(listener);
    if (this.current) listener(handleOf(this.current));
    return () => this.listeners.delete(listener);
  }
}
