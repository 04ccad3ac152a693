import type { ActionSpec } from '../sim/engine/scenario';
import type { RecordedAction, Simulation } from '../sim/engine/simulation';

/**
 * The learner's actions in this run (switches, slow mode, settings, commands), each recorded at
 * the event it happened after, so a seek back, a tour's Back and a share link replay the run
 * exactly.
 */
export class ActionTimeline {
  private list: readonly RecordedAction[] = [];

  /** The actions so far, as a share link carries them. */
  get recorded(): readonly RecordedAction[] {
    return this.list;
  }

  /** Starts over with `recorded` (a share link's, a prefix for a tour's Back), or with none. */
  restart(recorded: readonly RecordedAction[] = []): void {
    this.list = recorded;
  }

  /**
   * Does `action` on `sim` now and records it. Acting starts a new branch: recorded actions
   * after this moment no longer happen. Throws what the engine refuses, recording nothing.
   */
  act(sim: Simulation, action: ActionSpec): void {
    sim.act(action);
    this.list = [...sim.recorded];
  }
}
