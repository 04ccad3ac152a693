/** What the engine must offer for the budget to drive it: `Simulation` fits. */
export interface Runnable {
  readonly events: number;
  runUntil(t: number, maxEvents?: number): boolean;
}

/**
 * Runs a simulation toward a target time within a wall-clock budget per frame. It works in
 * chunks of events sized to take about `sliceMs` each (learned from the last chunk), checking
 * the clock between chunks, so one frame never stalls however dense the scenario.
 */
export class FrameBudget {
  /** Events per chunk; adapts to the engine's measured speed. */
  chunk = 256;

  constructor(
    readonly budgetMs = 4,
    private readonly clock: () => number = () => performance.now(),
    readonly sliceMs = 1,
  ) {}

  /** Runs `sim` toward `target`; true when it got there, false when the budget ran out first. */
  run(sim: Runnable, target: number, budgetMs = this.budgetMs): boolean {
    const start = this.clock();
    for (;;) {
      const before = sim.events;
      const t0 = this.clock();
      const done = sim.runUntil(target, this.chunk);
      const t1 = this.clock();
      this.adapt(sim.events - before, t1 - t0);
      if (done) return true;
      if (t1 - start >= budgetMs) return false;
    }
  }

  private adapt(ran: number, ms: number): void {
    if (ran < this.chunk) return; // finished early: says nothing about speed
    const next = ms > 0 ? Math.round((ran / ms) * this.sliceMs) : this.chunk * 2;
    this.chunk = Math.min(200_000, Math.max(32, next));
  }
}
