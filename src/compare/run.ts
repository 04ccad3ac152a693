import { CATALOG } from '../sim/catalog';
import { Simulation } from '../sim/engine/simulation';
import type { Comparison } from './comparison';
import type { Column, Text } from './generate';
import { Scoreboard, type Figures } from './scoreboard';

/** The rows of the scoreboard that have a best value, and which way is better. */
export const RANKED_ROWS = {
  delivered: 'high',
  late: 'low',
  lost: 'low',
  failedCalls: 'low',
  duplicated: 'low',
  backlogMax: 'low',
  backlogNow: 'low',
  p50Ms: 'low',
  p99Ms: 'low',
  blockedMs: 'low',
  waitingMax: 'low',
  recoveryMs: 'low',
} as const satisfies Partial<Record<keyof Figures, 'high' | 'low'>>;

export type RankedRow = keyof typeof RANKED_ROWS;

/** The comparison's outcome: a column of figures per pattern or variant, and the best of each row. */
export interface ComparisonReport {
  comparison: string;
  seed: number;
  simulatedMs: number;
  columns: { id: string; label: Text; short: Text; events: number; figures: Figures }[];
  /** For each ranked row, the ids of the columns with its best value (ties share it); none when all are equal. */
  best: Record<RankedRow, string[]>;
}

/** How often, in simulated ms, the runner reads each column's backlog. */
export const SAMPLE_MS = 100;

/**
 * The columns of a comparison run together on one clock: independent simulations with the
 * same seed, advanced to the same simulated time in turn, each with its scoreboard.
 */
export class ComparisonRun {
  readonly sims: Simulation[];
  readonly boards: Scoreboard[];

  constructor(
    readonly comparison: Comparison,
    readonly columns: readonly Column[],
    readonly seed = comparison.compare === 'patterns' ? comparison.seed : columns[0]!.scenario.seed,
  ) {
    const outage = comparison.compare === 'patterns' ? comparison.outage : undefined;
    this.sims = columns.map((c) => new Simulation(CATALOG, c.scenario, { seed }));
    this.boards = this.sims.map((sim, i) => new Scoreboard(sim, columns[i]!, { lateAfterMs: comparison.lateAfterMs, outage }));
    for (const b of this.boards) b.sample();
  }

  /** The shared clock: every column has run to here. */
  get now(): number {
    return Math.min(...this.sims.map((s) => s.now));
  }

  /**
   * Runs every column to simulated time `t`, in slices of SAMPLE_MS so the backlog is read on
   * the same instants everywhere. `maxEvents` bounds the work of each column; returns false
   * when a column hit that bound before `t`.
   */
  runUntil(t: number, maxEvents = Infinity): boolean {
    let from = Math.max(...this.sims.map((s) => s.now));
    let budget = maxEvents;
    // At least one pass, so the events due at `t` itself run even when the clock is there already.
    do {
      const to = from < t ? Math.min(t, (Math.floor(from / SAMPLE_MS) + 1) * SAMPLE_MS) : t;
      for (const [i, sim] of this.sims.entries()) {
        const before = sim.events;
        if (!sim.runUntil(to, budget)) return false;
        budget -= sim.events - before;
        this.boards[i]!.sample();
      }
      from = to;
    } while (from < t);
    return true;
  }

  /** The scoreboard as of now. */
  report(): ComparisonReport {
    const columns = this.columns.map((c, i) => ({ id: c.id, label: c.label, short: c.short, events: this.sims[i]!.events, figures: this.boards[i]!.figures() }));
    return {
      comparison: this.comparison.id,
      seed: this.seed,
      simulatedMs: this.now,
      columns,
      best: bestOf(columns),
    };
  }
}

/** Marks the best value of each ranked row; no mark where every column has the same value. */
export function bestOf(columns: readonly { id: string; figures: Figures }[]): Record<RankedRow, string[]> {
  const best = {} as Record<RankedRow, string[]>;
  for (const [row, better] of Object.entries(RANKED_ROWS) as [RankedRow, 'high' | 'low'][]) {
    const values = columns.map((c) => c.figures[row]).filter((v): v is number => v !== null);
    const distinct = new Set(values);
    if (distinct.size < 2 && values.length === columns.length) {
      best[row] = [];
      continue;
    }
    const target = better === 'high' ? Math.max(...values) : Math.min(...values);
    best[row] = columns.filter((c) => c.figures[row] === target).map((c) => c.id);
  }
  return best;
}
