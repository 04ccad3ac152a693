import type { Scenario } from '../sim/engine/scenario';
import type { RecordedAction, Simulation } from '../sim/engine/simulation';
import type { ActionSpec } from '../sim/engine/scenario';
import type { AppStore } from '../store/appStore';
import type { FrameStore } from '../store/frameStore';
import type { ScenarioSource } from '../store/slices/scenarioSlice';
import type { DictKey } from '../i18n/en';
import { ActionTimeline } from './actionTimeline';
import { debug } from './debug';
import { engineNotice } from './engineNotice';
import { FlightBuffer, HOP_MS } from './flights';
import { followStore } from './follow';
import { FrameLoop } from './frameLoop';
import { Playhead } from './playhead';
import { ShownClock } from './shownClock';
import { clampSpeed, planSeek, Throttle } from './playback';
import { StorePublisher } from './publisher';
import { RunHost, simulate, type Run, type RunHandle } from './runHost';
import type { RunReader } from './runReader';

export { MAX_SPEED, MIN_SPEED } from './playback';
export type { RunHandle } from './runHost';

/** Node figures go to React at most this often while playing (wall ms)… */
const LIVE_EVERY_MS = 100;
/** …and at most once in this many frames, so a slow machine's frames do not all re-render. */
const LIVE_EVERY_FRAMES = 4;

/** How to load a scenario. */
export interface LoadOptions {
  source: ScenarioSource;
  seed?: number;
  /** Actions recorded in an earlier run (a share link), replayed at the same events. */
  recorded?: readonly RecordedAction[];
  /**
   * Leave the cards' figures as they are until `showFigures` (the engine taking the first
   * screen's copy over: the cards are drawn, and their figures follow in a task of their own).
   */
  figuresLater?: boolean;
}

/**
 * Runs the simulation for the UI, with no React in it: the one object components talk to,
 * wiring five parts: the run's lifecycle (runHost.ts), playback and seeking (playhead.ts,
 * playback.ts), the learner's action timeline (actionTimeline.ts), the frame loop (frameLoop.ts
 * driving `tick`) and the projection into the stores (publisher.ts, engineNotice.ts). No
 * component sees the Simulation: they read the stores; trace subscribers get a RunHandle.
 */
export class SimController {
  /** What is travelling along links right now, for the message layer. */
  readonly flights = new FlightBuffer();
  private readonly runs = new RunHost(this.flights);
  private readonly timeline = new ActionTimeline();
  private readonly playhead: Playhead;
  private readonly liveThrottle: Throttle;
  private readonly publisher: StorePublisher;
  private readonly loop = new FrameLoop((wall) => this.tick(wall));
  private readonly frameListeners = new Set<(shown: number, wall: number) => void>();
  /** The simulated time the screen shows (the engine's, `hopMs` of wall time ago). */
  private readonly shown = new ShownClock(HOP_MS);

  constructor(
    private readonly app: AppStore,
    frame: FrameStore,
    private readonly wallClock: () => number = () => performance.now(),
  ) {
    this.playhead = new Playhead(wallClock);
    this.liveThrottle = new Throttle(wallClock, LIVE_EVERY_MS, LIVE_EVERY_FRAMES);
    this.publisher = new StorePublisher(app, frame, HOP_MS);
  }

  private get run(): Run | null {
    return this.runs.run;
  }

  private get sim(): Simulation | null {
    return this.run?.sim ?? null;
  }

  /** What the UI may read of the running simulation's nodes (null before the first load). */
  get reader(): RunReader | null {
    return this.run?.reader ?? null;
  }

  /** Simulated time now, ms. */
  get now(): number {
    return this.sim?.now ?? 0;
  }

  /** The recorded user actions of this run, as a share link carries them. */
  get recorded(): readonly RecordedAction[] {
    return this.timeline.recorded;
  }

  // ---- loading ----

  /**
   * Shows `scenario` from t = 0. If the engine refuses it, the scenario on screen stays and
   * the error is shown; returns whether it loaded.
   */
  load(scenario: Scenario, options: LoadOptions): boolean {
    const seed = options.seed ?? scenario.seed;
    const recorded = options.recorded ?? [];
    let sim: Simulation;
    try {
      sim = simulate(scenario, seed, recorded);
    } catch (e) {
      this.fail(e, 'rejectedFile');
      return false;
    }
    this.timeline.restart(recorded);
    this.install(sim);
    const loadId = this.app.getState().loadId + 1;
    this.app.setState({ scenario, source: options.source, seed, loadId, playing: false, lastStep: null, seekingTo: null, selected: null });
    this.publish(true, this.wallClock(), true, false, !options.figuresLater);
    return true;
  }

  /** Puts the run's figures on the cards now (after a load told to leave them for later). */
  showFigures(): void {
    this.publish(true, this.wallClock(), true);
  }

  /** Back to t = 0 with the same scenario and seed; manual actions are forgotten. */
  reset(): void {
    const { scenario, seed } = this.app.getState();
    if (!scenario) return;
    this.playhead.stopAt = null;
    this.timeline.restart();
    this.install(simulate(scenario, seed));
    this.app.setState({ playing: false, lastStep: null, seekingTo: null });
    this.publish(true, this.wallClock(), true);
  }

  /** Back to t = 0 with the same scenario and another seed: the same workload, other random draws. */
  reseed(seed: number): void {
    if (!Number.isInteger(seed)) return;
    this.app.setState({ seed });
    this.reset();
  }

  /** Installs a fresh run from t = 0 (load, reset, seek back); `keepHorizon` while seeking back. */
  private install(sim: Simulation, keepHorizon = false): Run {
    const run = this.runs.install(sim);
    this.playhead.cancelSeek();
    if (!keepHorizon) this.publisher.reset();
    else this.publisher.dropPending();
    this.shown.reset(sim.now);
    this.runs.announce(run);
    return run;
  }

  /**
   * Calls `listener` with the current run now (if any) and with every new one the controller
   * installs (load, reset, seek back), before it runs any event: trace subscribers such as the
   * event log and the metrics sampler attach there. Returns the unsubscribe.
   */
  onRun(listener: (run: RunHandle) => void): () => void {
    return this.runs.onRun(listener);
  }

  // ---- playback ----

  /**
   * Starts playing (ignored while nothing is loaded). Before the scenario's end, playing stops
   * there exactly, once (its scripted story is told): the engine never runs past it, so no
   * re-run has to come back to it and undo an action taken meanwhile. Past it, play runs on.
   */
  play(): void {
    if (!this.sim) return;
    const end = this.app.getState().scenario?.durationMs;
    this.playhead.stopAt = end !== undefined && this.sim.now < end ? end : null;
    this.app.setState({ playing: true });
  }

  /** Pauses. */
  pause(): void {
    this.playhead.stopAt = null;
    const wasPlaying = this.app.getState().playing;
    this.app.setState({ playing: false });
    // Take the figures of the paused instant now: they reach the cards `hopMs` later, as the
    // screen's clock reaches the engine's, instead of one throttle interval after it.
    if (wasPlaying) this.publish(true);
  }

  /** Plays and pauses exactly at simulated time `t` (a guided tour's moment); at once if already there. */
  playUntil(t: number): void {
    if (!this.sim) return;
    if (this.playhead.seekingTo === null && this.sim.now >= t) return this.pause();
    this.app.setState({ playing: true });
    this.playhead.stopAt = t;
  }

  /**
   * Re-runs from the start with `recorded` as the learner's actions (an earlier prefix of this
   * run's, for a tour's Back) and lands on time `t`: exactly the state that run has there.
   */
  rewind(t: number, recorded: readonly RecordedAction[]): void {
    const { scenario, seed } = this.app.getState();
    if (!scenario) return;
    this.pause();
    this.timeline.restart(recorded);
    const run = this.install(simulate(scenario, seed, recorded));
    this.flights.ignoreBefore = t;
    this.playhead.seek(run, Math.max(0, t));
    this.app.setState({ seekingTo: this.playhead.seekingTo, lastStep: null });
  }

  /** Play/pause. */
  toggle(): void {
    if (this.app.getState().playing) this.pause();
    else this.play();
  }

  /** Sets the playback speed, clamped to [MIN_SPEED, MAX_SPEED]. */
  setSpeed(speed: number): void {
    this.app.setState({ speed: clampSpeed(speed) });
    this.playhead.pacer.resetBehind();
  }

  /** Pauses and runs exactly one event; the store's `lastStep` says what it did. */
  step(): void {
    const sim = this.sim;
    if (!sim || this.playhead.seekingTo !== null) return;
    this.pause();
    try {
      const before = sim.now;
      const events = sim.step();
      const wall = this.wallClock();
      this.shown.note(wall, before);
      this.shown.note(wall, sim.now);
      this.flights.flush();
      // An ack or response arriving is in the trace (signal.arrived): nothing to infer from the flights.
      this.app.setState({ lastStep: events ? { kind: 'events', t: sim.now, events, landed: [] } : { kind: 'end', t: sim.now } });
    } catch (e) {
      this.fail(e);
    }
    this.publish(true);
  }

  /**
   * Goes to simulated time `t`. Forward, the run continues; backward, a new Simulation with
   * the same scenario, seed and recorded actions re-runs from the start, spread over frames,
   * and lands on exactly the state the first run had at `t`.
   */
  seekTo(t: number): void {
    const { scenario, seed } = this.app.getState();
    if (!this.sim || !scenario) return;
    const target = Math.max(0, t);
    this.playhead.stopAt = null;
    const plan = planSeek(this.sim.now, target, this.playhead.seekingTo !== null);
    if (plan === 'none') return;
    const run = plan === 'rerun' ? this.install(simulate(scenario, seed, this.timeline.recorded), true) : this.run!;
    this.flights.ignoreBefore = target;
    this.playhead.seek(run, target);
    this.app.setState({ seekingTo: target, lastStep: null });
  }

  // ---- what the screen shows ----

  /**
   * Wall ms the cards and moving messages lag behind the engine, so that a card never changes
   * before the moving message that changes it has arrived on screen (docs/ARCHITECTURE.md,
   * "Drawing messages"). 0 shows everything as it happens.
   */
  get hopMs(): number {
    return this.shown.hopMs;
  }

  set hopMs(ms: number) {
    this.shown.hopMs = ms;
    this.publisher.hopMs = ms;
  }

  /**
   * The simulated time the screen shows at wall time `wall`: the engine's time `hopMs` ago
   * (interpolated between frames). Moving messages are drawn against it, and the cards show
   * figures taken then.
   */
  shownAt(wall: number): number {
    return this.sim ? this.shown.at(wall) : 0;
  }

  // ---- following one message ----

  /** Follows the publication `root` (all its copies), or stops following with null. */
  follow(root: number | null): void {
    this.flights.followed = root ?? -1;
    // Following nothing while nothing is followed changes nothing (the canvas asks once at start).
    const was = followStore.getState();
    if (root === null && was.root === null && was.edges.length === 0 && was.nodes.length === 0) return;
    followStore.setState({ root, edges: [], nodes: [] });
  }

  // ---- actions ----

  /**
   * Takes a learner's action now: a node online or offline, slow mode, new settings (an already
   * validated patch), or a kind's command (publish one, redeliver, restart the broker). Recorded,
   * so a replay, a seek back or a share link reproduces it at the same event.
   */
  act(action: ActionSpec): void {
    const sim = this.sim;
    if (!sim || this.playhead.seekingTo !== null) return;
    try {
      this.timeline.act(sim, action);
    } catch (e) {
      this.fail(e);
      return;
    }
    // The online switch and slow mode show the new state now; the figures follow `hopMs` later.
    this.publish(true, this.wallClock(), false, true);
  }

  // ---- the frame loop ----

  /**
   * Calls `listener` once per animation frame with the simulated time the screen shows (see
   * `shownAt`; the engine's own during a seek) and the frame's wall time; returns the unsubscribe.
   */
  onFrame(listener: (shown: number, wall: number) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Starts the animation-frame loop. */
  start(): void {
    this.loop.start();
  }

  /** Stops the loop. */
  stop(): void {
    this.loop.stop();
    this.playhead.pacer.stop();
  }

  /** One frame: run the engine within budget, publish, then let the frame listeners draw. */
  tick(wall: number): void {
    const dt = this.playhead.pacer.frame(wall);
    debug.frameStart();
    const run = this.run;
    if (!run) return;
    const t0 = this.wallClock();
    try {
      if (this.playhead.seekingTo !== null) this.continueSeek();
      else if (this.app.getState().playing && dt > 0) this.advance(run, dt);
    } catch (e) {
      this.fail(e);
    }
    debug.engine(this.wallClock() - t0);
    const seeking = this.playhead.seekingTo !== null;
    if (!seeking) {
      this.shown.note(wall, run.sim.now);
      this.flights.settle(run.sim.now, wall, this.hopMs);
    }
    this.publish(false, wall);
    const shown = seeking ? this.now : this.shownAt(wall);
    for (const listener of this.frameListeners) listener(shown, wall);
  }

  private advance(run: Run, dt: number): void {
    const speed = this.app.getState().speed;
    // Hops closer than a quarter frame on one link are drawn as one pulse.
    this.flights.mergeWithinMs = speed * 4;
    if (this.playhead.advance(run, dt, speed)) this.pause();
  }

  private continueSeek(): void {
    const run = this.playhead.continueSeek();
    if (!run) return;
    this.flights.ignoreBefore = -Infinity;
    this.flights.prune(run.sim.now);
    this.shown.reset(run.sim.now);
    this.app.setState({ seekingTo: null });
    this.publish(true, this.wallClock(), true);
  }

  // ---- publishing ----

  private publish(force: boolean, wall = this.wallClock(), immediate = false, switchesNow = false, figures = true): void {
    if (!this.run) return;
    const playing = this.app.getState().playing;
    const pacer = this.playhead.pacer;
    this.publisher.publish(this.run, {
      force,
      seekingTo: this.playhead.seekingTo,
      behind: (said) => pacer.behind(playing, said),
      actualSpeed: pacer.actualSpeed,
      liveDue: (f) => figures && this.liveThrottle.due(f),
      wall,
      immediate,
      switchesNow,
    });
  }

  private fail(e: unknown, title: DictKey = 'engineStopped'): void {
    this.app.setState({ playing: false, notice: engineNotice(e, title) });
  }
}
