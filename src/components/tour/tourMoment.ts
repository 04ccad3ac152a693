import { CATALOG } from '../../sim/catalog';
import type { Scenario, ActionSpec } from '../../sim/engine/scenario';
import { Simulation, type RecordedAction } from '../../sim/engine/simulation';
import type { Tour, TourApply, TourPause, TourWait } from '../../sim/engine/tour';

/** How far past its start a step looks for its moment before giving up and pausing there, simulated ms. */
export const MOMENT_HORIZON_MS = 10 * 60_000;

/** The state a tour step shows: a simulated time, and the learner's actions recorded until then. */
export interface StepMark {
  t: number;
  recorded: readonly RecordedAction[];
}

/**
 * Runs `sim` (already at `start`) to the step's moment and returns its time: the time itself,
 * or the first event after which the condition holds. Every event at that instant has run.
 */
export function runToMoment(sim: Simulation, pause: TourPause, start: number): number {
  let t: number;
  if (pause.until === 'time') t = Math.max(start, pause.ms);
  else if (pause.until === 'elapsed') t = start + pause.ms;
  else t = firstMoment(sim, pause, start);
  sim.runUntil(t);
  return t;
}

function firstMoment(sim: Simulation, pause: Extract<TourPause, { until: 'stat' | 'event' }>, start: number): number {
  const limit = start + MOMENT_HORIZON_MS;
  const holds =
    pause.until === 'stat'
      ? () => readStat(sim.node(pause.node).stats(), pause.stat) > pause.above
      : () => false;
  if (holds()) return start;
  for (;;) {
    if (sim.scheduler.peekTime() > limit) return limit;
    const events = sim.step();
    if (events === null) return Math.max(start, sim.now);
    if (pause.until === 'event') {
      const hit = events.some((e) => e.type === pause.event && (pause.node === undefined || eventNode(e) === pause.node));
      if (hit) return sim.now;
    } else if (holds()) return sim.now;
  }
}

function eventNode(e: object): string | undefined {
  const r = e as { node?: string; from?: string };
  return r.node ?? r.from;
}

/** A number in a node's live figures by dotted path ("backlog.now"); NaN when there is none. */
export function readStat(stats: object, path: string): number {
  let v: unknown = stats;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' ? v : NaN;
}

/** The action that does what a step waits for (the "do it for me" button, and a walk through the tour). */
export function actionFor(wait: TourWait, scenario: Scenario): ActionSpec {
  switch (wait.do) {
    case 'offline':
    case 'online':
      return { do: wait.do, node: wait.node };
    case 'slow':
      return { do: 'slow', node: wait.node, factor: 5 };
    case 'configure': {
      const config = scenario.nodes.find((n) => n.id === wait.node) as Record<string, unknown> | undefined;
      const field = wait.field ?? 'online';
      return { do: 'configure', node: wait.node, patch: { [field]: wait.value ?? config?.[field] ?? null } };
    }
  }
}

/** Whether `action` (recorded while the step waited) is what the step asked for. */
export function satisfies(action: ActionSpec, wait: TourWait): boolean {
  if (!('node' in action) || action.node !== wait.node) return false;
  if (wait.do === 'configure') {
    if (action.do !== 'configure') return false;
    if (wait.field === undefined) return true;
    return wait.field in action.patch && (wait.value === undefined || action.patch[wait.field] === wait.value);
  }
  if (wait.do === 'slow') return action.do === 'slow' && action.factor !== 1;
  return action.do === wait.do;
}

/**
 * The states of steps 0..`upTo` when the learner follows the tour as written from t = 0: each
 * step takes its own actions (`apply`) as it starts and runs to its moment, and each action a
 * step waits for is taken at that step's moment.
 * Used when no live history exists (a share link, a resume after reload).
 */
export function walkTour(scenario: Scenario, tour: Tour, seed: number, upTo: number): StepMark[] {
  const sim = new Simulation(CATALOG, scenario, { seed });
  const marks: StepMark[] = [];
  let start = 0;
  for (let i = 0; i <= upTo && i < tour.steps.length; i++) {
    const step = tour.steps[i]!;
    for (const a of step.apply ?? []) sim.act(a);
    const t = step.run ? runToMoment(sim, step.run, start) : start;
    sim.runUntil(t);
    marks.push({ t, recorded: [...sim.recorded] });
    if (step.waitFor && i < upTo) sim.act(actionFor(step.waitFor, scenario));
    start = t;
  }
  return marks;
}

/**
 * The learner's actions after the tour takes `apply` at time `start` of the run given by
 * `recorded`: a fresh simulation replays the run to `start` and acts there.
 */
export function recordedWith(scenario: Scenario, seed: number, recorded: readonly RecordedAction[], apply: readonly TourApply[], start: number): RecordedAction[] {
  const sim = new Simulation(CATALOG, scenario, { seed, recorded });
  sim.runUntil(start);
  for (const a of apply) sim.act(a);
  return [...sim.recorded];
}

/**
 * The moment of step `step` starting at `start` on the run given by `recorded`: a time is
 * known at once; for a condition, a fresh simulation replays the run to `start`, then looks
 * ahead. The live run is not touched.
 */
export function momentFrom(scenario: Scenario, seed: number, recorded: readonly RecordedAction[], pause: TourPause, start: number): number {
  // A time is known without replaying anything (the replay froze Next for a fraction of a second).
  if (pause.until === 'time') return Math.max(start, pause.ms);
  if (pause.until === 'elapsed') return start + pause.ms;
  const sim = new Simulation(CATALOG, scenario, { seed, recorded });
  sim.runUntil(start);
  return runToMoment(sim, pause, start);
}
