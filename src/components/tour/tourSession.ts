import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { controller } from '../../app/runtime';
import type { Scenario } from '../../sim/engine/scenario';
import type { Tour, TourApply, TourStep } from '../../sim/engine/tour';
import { appStore } from '../../store/appStore';
import { actionFor, momentFrom, recordedWith, satisfies, walkTour, type StepMark } from './tourMoment';

/** Where the learner is in the scenario's tour. */
export interface TourState {
  /** The load (appStore.loadId) this session belongs to; another load ends it. */
  loadId: number;
  /** The tour panel is shown. */
  open: boolean;
  /** The current step, 0-based; while closed, the step to resume at. */
  step: number;
  /** The state each visited step shows, for Back and resume. */
  marks: readonly (StepMark | undefined)[];
  /** The current step waits for the learner's action, not yet done. */
  waiting: boolean;
}

/** The tour session store (one per page). */
export const tourStore = createStore<TourState>()(() => ({ loadId: -1, open: false, step: 0, marks: [], waiting: false }));

/** Reads a narrow slice of the tour state in a component. */
export function useTour<U>(selector: (s: TourState) => U): U {
  return useStore(tourStore, selector);
}

const SAVED = (id: string) => `microsim.tour.${id}`;

/** The tour of the scenario on screen, if it has one. */
export function currentTour(): { scenario: Scenario; tour: Tour } | null {
  const scenario = appStore.getState().scenario;
  return scenario?.tour ? { scenario, tour: scenario.tour } : null;
}

/** The step the learner left the tour of `scenario` at, in an earlier visit (saved in the browser), or null. */
export function savedStep(scenario: Scenario): number | null {
  try {
    const v = Number(localStorage.getItem(SAVED(scenario.id)));
    return Number.isInteger(v) && v > 0 && scenario.tour && v < scenario.tour.steps.length ? v : null;
  } catch {
    return null;
  }
}

function save(step: number | null): void {
  const s = appStore.getState().scenario;
  if (!s) return;
  try {
    if (step === null) localStorage.removeItem(SAVED(s.id));
    else localStorage.setItem(SAVED(s.id), String(step));
  } catch {
    // Not saved: resuming still works for this visit.
  }
}

/** The time the screen is at or going to (a seek in progress counts as its target). */
function liveTime(): number {
  return appStore.getState().seekingTo ?? controller.now;
}

/**
 * Opens the tour at `step` (0 = the start), in the state that step shows when the tour is
 * followed as written from t = 0, or at the time `t` of the run on screen (a share link).
 */
export function openTourAt(step: number, t?: number): void {
  const current = currentTour();
  if (!current) return;
  const { scenario, tour } = current;
  const last = Math.max(0, Math.min(step, tour.steps.length - 1));
  const marks: (StepMark | undefined)[] = walkTour(scenario, tour, appStore.getState().seed, last);
  if (t !== undefined) marks[last] = { t, recorded: [...controller.recorded] };
  const mark = marks[last]!;
  controller.rewind(mark.t, mark.recorded);
  tourStore.setState({ loadId: appStore.getState().loadId, open: true, step: last, marks, waiting: !!tour.steps[last]!.waitFor });
  save(last);
}

/** Starts the tour from its first step (and t = 0). */
export function startTour(): void {
  openTourAt(0);
}

/** Enters step `i` from where the run is now: runs to its moment (if it has one) and pauses there. */
function enter(i: number): void {
  const current = currentTour();
  if (!current) return;
  const { scenario, tour } = current;
  const s = tourStore.getState();
  const step: TourStep = tour.steps[i]!;
  const start = Math.max(liveTime(), s.marks[i - 1]?.t ?? 0);
  const seed = appStore.getState().seed;
  if (step.apply) takeActions(scenario, seed, step.apply, start);
  const recorded = [...controller.recorded];
  const t = step.run ? momentFrom(scenario, seed, recorded, step.run, start) : start;
  const marks = [...s.marks.slice(0, i), { t, recorded }];
  tourStore.setState({ step: i, marks, waiting: !!step.waitFor });
  save(i);
  if (liveTime() < t) {
    if (step.run) controller.playUntil(t);
    else {
      controller.pause();
      controller.seekTo(t);
    }
  } else controller.pause();
}

/**
 * Takes a step's own actions at time `start`: on the live run when it stands there, otherwise
 * (a seek under way, or Next pressed before the last moment) by a re-run to `start` with them.
 */
function takeActions(scenario: Scenario, seed: number, apply: readonly TourApply[], start: number): void {
  if (appStore.getState().seekingTo === null && controller.now === start) {
    controller.pause();
    for (const a of apply) controller.act(a);
    return;
  }
  controller.rewind(start, recordedWith(scenario, seed, controller.recorded, apply, start));
}

/** Goes to the next step. */
export function nextStep(): void {
  const current = currentTour();
  const { step, waiting } = tourStore.getState();
  if (!current || waiting || step + 1 >= current.tour.steps.length) return;
  enter(step + 1);
}

/** Goes back one step, to exactly the state it showed (a deterministic re-run from the start). */
export function previousStep(): void {
  const { step, marks } = tourStore.getState();
  const current = currentTour();
  if (!current || step === 0) return;
  const mark = marks[step - 1] ?? walkTour(current.scenario, current.tour, appStore.getState().seed, step - 1)[step - 1]!;
  controller.rewind(mark.t, mark.recorded);
  tourStore.setState({ step: step - 1, marks: [...marks.slice(0, step - 1), mark], waiting: !!current.tour.steps[step - 1]!.waitFor });
  save(step - 1);
}

/** Jumps straight to the current step's moment instead of waiting for the run to get there. */
export function skipToMoment(): void {
  const { step, marks } = tourStore.getState();
  const mark = marks[step];
  if (!mark) return;
  controller.pause();
  if (liveTime() < mark.t) controller.seekTo(mark.t);
}

/** Does what the current step waits for (for a learner who cannot or would rather not). */
export function doItForMe(): void {
  const current = currentTour();
  const { step } = tourStore.getState();
  const wait = current?.tour.steps[step]?.waitFor;
  if (!current || !wait) return;
  controller.act(actionFor(wait, current.scenario));
}

/** Leaves the tour to explore freely; it can be resumed at the same step. */
export function leaveTour(): void {
  tourStore.setState({ open: false });
}

/** Reopens the tour at the step it was left at, in that step's state. */
export function resumeTour(): void {
  const s = tourStore.getState();
  const current = currentTour();
  if (!current) return;
  const sameRun = s.loadId === appStore.getState().loadId;
  const step = sameRun ? s.step : (savedStep(current.scenario) ?? 0);
  const mark = sameRun ? s.marks[step] : undefined;
  if (!mark) return openTourAt(step);
  controller.rewind(mark.t, mark.recorded);
  tourStore.setState({ open: true, waiting: !!current.tour.steps[step]!.waitFor });
}

/**
 * Watches the run for the learner's action a step waits for, and moves on when it is done.
 * Call once per frame.
 */
export function watchForAction(): void {
  const s = tourStore.getState();
  if (!s.open || !s.waiting) return;
  const current = currentTour();
  const wait = current?.tour.steps[s.step]?.waitFor;
  const mark = s.marks[s.step];
  if (!current || !wait || !mark) return;
  const recorded = controller.recorded;
  for (let i = mark.recorded.length; i < recorded.length; i++) {
    if (!satisfies(recorded[i]!, wait)) continue;
    if (s.step + 1 < current.tour.steps.length) {
      tourStore.setState({ waiting: false });
      enter(s.step + 1);
    } else tourStore.setState({ waiting: false });
    return;
  }
}

// Another scenario loaded ends the session (its steps belong to the scenario that was shown).
appStore.subscribe((s, prev) => {
  if (s.loadId !== prev.loadId && tourStore.getState().loadId !== s.loadId) {
    tourStore.setState({ open: false, loadId: -1, marks: [], step: 0, waiting: false });
  }
});
