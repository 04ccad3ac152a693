import type { Simulation } from '../sim/engine/simulation';
import type { TraceEvent } from '../sim/engine/trace';
import type { SimController } from './controller';
import { EventLog } from './eventLog';
import { MessageLifeCollector } from './messageLife';
import { MetricsSampler } from './metrics';
import { controller } from './runtime';

/** The trace subscribers behind the panels: the event log, message lives and the metrics sampler. */
export interface Observers {
  log: EventLog;
  lives: MessageLifeCollector;
  metrics: MetricsSampler;
}

/**
 * Builds the panels' trace subscribers and attaches them to every Simulation `controller`
 * installs, so after a load, reset or seek back they hold exactly the re-run's history.
 * One trace listener fans out to the three (one call per event instead of three).
 */
export function attachObservers(ctl: SimController, observers: Observers = create()): Observers {
  const { log, lives, metrics } = observers;
  const listener = (ev: TraceEvent) => {
    metrics.listener(ev);
    log.listener(ev);
    lives.listener(ev);
  };
  ctl.onSimulation((sim: Simulation) => {
    log.reset();
    lives.reset();
    metrics.attach(sim);
    sim.on(listener);
  });
  return observers;
}

function create(): Observers {
  return { log: new EventLog(), lives: new MessageLifeCollector(), metrics: new MetricsSampler() };
}

/** The app's observers, attached to the app's controller. */
export const observers: Observers = attachObservers(controller);
