import { FrameBudget } from './frameBudget';
import { Pacer } from './playback';
import type { Run } from './runHost';

/** Wall ms the engine may use per frame while playing. */
const PLAY_BUDGET_MS = 4;
/** Wall ms per frame while re-running the past for a seek (the user is waiting for it). */
const SEEK_BUDGET_MS = 24;

/** A seek under way: `run` is being run forward to simulated time `target`. */
interface SeekJob {
  run: Run;
  target: number;
}

/**
 * Where the run is going, frame by frame: playing at a speed (paced by a Pacer, within a
 * per-frame budget, stopping by itself at `stopAt`), or seeking (a run driven to a target time
 * over several frames with a larger budget). No stores and no React: the controller decides
 * what the screen says about it.
 */
export class Playhead {
  readonly pacer = new Pacer();
  private readonly budget: FrameBudget;
  private job: SeekJob | null = null;
  /** Where play stops by itself (a guided tour's moment), or null. */
  stopAt: number | null = null;

  constructor(wallClock: () => number) {
    this.budget = new FrameBudget(PLAY_BUDGET_MS, wallClock);
  }

  /** The time a seek is running toward, or null when not seeking. */
  get seekingTo(): number | null {
    return this.job ? this.job.target : null;
  }

  /** Starts running `run` toward `target` over the next frames. */
  seek(run: Run, target: number): void {
    this.job = { run, target };
  }

  /** Forgets any seek under way (a new run was installed). */
  cancelSeek(): void {
    this.job = null;
  }

  /**
   * Plays `dt` wall ms at `speed` within the play budget, never past `stopAt`. True when it
   * reached `stopAt`: the caller pauses there.
   */
  advance(run: Run, dt: number, speed: number): boolean {
    const sim = run.sim;
    const from = sim.now;
    const stop = this.stopAt;
    const wanted = this.pacer.target(from, dt, speed);
    const reached = this.budget.run(sim, stop === null ? wanted : Math.min(stop, wanted));
    this.pacer.played(from, sim.now, dt, reached);
    return stop !== null && reached && sim.now >= stop;
  }

  /** Runs the seek within the seek budget; the run once it has landed on its target, else null. */
  continueSeek(): Run | null {
    const job = this.job!;
    if (!this.budget.run(job.run.sim, job.target, SEEK_BUDGET_MS)) return null;
    this.job = null;
    return job.run;
  }
}
