import type { Lang } from '../sim/engine/errors';
import type { Scenario } from '../sim/engine/scenario';
import { Simulation, type RecordedAction } from '../sim/engine/simulation';
import { LimitError } from '../sim/engine/limits';
import type { ActionSpec } from '../sim/engine/scenario';
import type { TraceListener } from '../sim/engine/trace';
import type { AppStore } from '../store/appStore';
import type { FrameStore } from '../store/frameStore';
import type { ScenarioSource } from '../store/slices/scenarioSlice';
import type { DictKey } from '../i18n/en';
import { translate } from '../i18n/translate';
import { debug } from './debug';
import { FlightBuffer, HOP_MS } from './flights';
import { addFollowedHop, followStore } from './follow';
import { FrameBudget } from './frameBudget';
import { FrameLoop } from './frameLoop';
import { ShownClock } from './shownClock';
import { clampSpeed, Pacer, planSeek, Throttle } from './playback';
import { StorePublisher, type PublishedRun } from './publisher';
import { readerOf, type RunReader } from './runReader';
import { CATALOG } from '../sim/catalog';

export { MAX_SPEED, MIN_SPEED } from './playback';

/** Wall ms the engine may use per frame while playing. */
const PLAY_BUDGET_MS = 4;
/** Wall ms per frame while re-running the past for a seek (the user is waiting for it). */
const SEEK_BUDGET_MS = 24;
/** Node figures go to React at most this often while playing (wall ms)… */
const LIVE_EVERY_MS = 100;
/** …and at most once in this many frames, so a slow machine's frames do not all re-render. */
const LIVE_EVERY_FRAMES = 4;

/** A run as its subscribers see it: its trace, and what they may read of its nodes. */
export interface RunHandle {
  /** Subscribes to the run's trace; returns the unsubscribe. */
  on(listener: TraceListener): () => void;
  reader: RunReader;
}

/** How to load a scenario. */
export interface LoadOptions {
  source: ScenarioSource;
  seed?: number;
  /** Actions recorded in an earlier run (a share link), replayed at the same events. */
  recorded?: readonly RecordedAction[];
}

interface SeekJob {
  run: Run;
  target: number;
}

/** The running Simulation with its reader, built once per install. */
interface Run extends PublishedRun {
  sim: Simulation;
}

function runOf(sim: Simulation): Run {
  return { sim, reader: readerOf(sim), get events() { return sim.events; }, totals: () => sim.ledger.totals() };
}

/**
 * Runs the simulation for the UI, with no React in it: owns the Simulation's lifecycle, the
 * user's actions (recorded so a run replays identically) and seeking (a deterministic re-run
 * from the start). Pacing is a Pacer, the loop a FrameLoop, and what the UI draws is written
 * to the stores by a StorePublisher; frame listeners (the message layer) are called once per
 * animation frame after the engine has run. No component sees the Simulation: they read the
 * stores, and trace subscribers get a RunHandle.
 */
export class SimController {
  /** What is travelling along links right now, for the message layer. */
  readonly flights = new FlightBuffer();
  private run: Run | null = null;
  private timeline: readonly RecordedAction[] = [];
  private detach: () => void = () => {};
  private job: SeekJob | null = null;
  private readonly budget: FrameBudget;
  private readonly pacer = new Pacer();
  private readonly liveThrottle: Throttle;
  private readonly publisher: StorePublisher;
  private readonly loop = new FrameLoop((wall) => this.tick(wall));
  private readonly frameListeners = new Set<(shown: number, wall: number) => void>();
  private readonly runListeners = new Set<(run: RunHandle) => void>();
  /** Where play stops by itself (a guided tour's moment), or null. */
  private stopAt: number | null = null;
  /** The simulated time the screen shows (the engine's, `hopMs` of wall time ago). */
  private readonly shown = new ShownClock(HOP_MS);

  constructor(
    private readonly app: AppStore,
    frame: FrameStore,
    private readonly wallClock: () => number = () => performance.now(),
  ) {
    this.budget = new FrameBudget(PLAY_BUDGET_MS, wallClock);
    this.liveThrottle = new Throttle(wallClock, LIVE_EVERY_MS, LIVE_EVERY_FRAMES);
    this.publisher = new StorePublisher(app, frame, HOP_MS);
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
    return this.timeline;
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
      sim = new Simulation(CATALOG, scenario, { seed, recorded });
    } catch (e) {
      this.fail(e, 'rejectedFile');
      return false;
    }
    this.timeline = recorded;
    this.install(sim);
    const loadId = this.app.getState().loadId + 1;
    this.app.setState({ scenario, source: options.source, seed, loadId, playing: false, lastStep: null, seekingTo: null, selected: null });
    this.publish(true, this.wallClock(), true);
    return true;
  }

  /** Back to t = 0 with the same scenario and seed; manual actions are forgotten. */
  reset(): void {
    const { scenario, seed } = this.app.getState();
    if (!scenario) return;
    this.stopAt = null;
    this.timeline = [];
    this.install(new Simulation(CATALOG, scenario, { seed }));
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
    this.detach();
    this.job = null;
    this.flights.clear();
    this.flights.ignoreBefore = -Infinity;
    const run = runOf(sim);
    this.run = run;
    this.detach = sim.on(this.flights.listener);
    if (!keepHorizon) this.publisher.reset();
    else this.publisher.dropPending();
    this.shown.reset(sim.now);
    this.flights.followed = followStore.getState().root ?? -1;
    this.flights.onFollowedHop = addFollowedHop;
    this.flights.commitTargets = new Set(run.reader.nodes.filter((n) => n.kind === 'topic').map((n) => n.id));
    for (const listener of this.runListeners) listener(this.handle(run));
    return run;
  }

  private handle(run: Run): RunHandle {
    return { on: (listener) => run.sim.on(listener), reader: run.reader };
  }

  /**
   * Calls `listener` with the current run now (if any) and with every new one the controller
   * installs (load, reset, seek back), before it runs any event: trace subscribers such as the
   * event log and the metrics sampler attach there. Returns the unsubscribe.
   */
  onRun(listener: (run: RunHandle) => void): () => void {
    this.runListeners.add(listener);
    if (this.run) listener(this.handle(this.run));
    return () => this.runListeners.delete(listener);
  }

  // ---- playback ----

  /** Starts playing (ignored while nothing is loaded). */
  play(): void {
    if (this.sim) this.app.setState({ playing: true });
  }

  /** Pauses. */
  pause(): void {
    this.stopAt = null;
    this.app.setState({ playing: false });
  }

  /** Plays and pauses exactly at simulated time `t` (a guided tour's moment); at once if already there. */
  playUntil(t: number): void {
    if (!this.sim) return;
    if (!this.job && this.sim.now >= t) return this.pause();
    this.app.setState({ playing: true });
    this.stopAt = t;
  }

  /**
   * Re-runs from the start with `recorded` as the learner's actions (an earlier prefix of this
   * run's, for a tour's Back) and lands on time `t`: exactly the state that run has there.
   */
  rewind(t: number, recorded: readonly RecordedAction[]): void {
    const { scenario, seed } = this.app.getState();
    if (!scenario) return;
    this.pause();
    this.timeline = recorded;
    const run = this.install(new Simulation(CATALOG, scenario, { seed, recorded: this.timeline }));
    this.flights.ignoreBefore = t;
    this.job = { run, target: Math.max(0, t) };
    this.app.setState({ seekingTo: this.job.target, lastStep: null });
  }

  /** Play/pause. */
  toggle(): void {
    if (this.app.getState().playing) this.pause();
    else this.play();
  }

  /** Sets the playback speed, clamped to [MIN_SPEED, MAX_SPEED]. */
  setSpeed(speed: number): void {
    this.app.setState({ speed: clampSpeed(speed) });
    this.pacer.resetBehind();
  }

  /** Pauses and runs exactly one event; the store's `lastStep` says what it did. */
  step(): void {
    const sim = this.sim;
    if (!sim || this.job) return;
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
    this.stopAt = null;
    const plan = planSeek(this.sim.now, target, this.job !== null);
    if (plan === 'none') return;
    const run = plan === 'rerun' ? this.install(new Simulation(CATALOG, scenario, { seed, recorded: this.timeline }), true) : this.run!;
    this.flights.ignoreBefore = target;
    this.job = { run, target };
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
    followStore.setState({ root, edges: [], nodes: [] });
  }

  // ---- actions ----

  /** A producer publishes exactly one message now (recorded like any action, so a replay repeats it). */
  publishOne(node: string): void {
    this.act({ do: 'command', node, command: 'publish-one' });
  }

  /** A webhook sender sends its oldest dead-lettered delivery again, by hand (recorded like any action). */
  redeliver(node: string): void {
    this.act({ do: 'command', node, command: 'redeliver', args: {} });
  }

  /** A RabbitMQ broker restarts under queue `node` (its `restart` command; recorded like any action). */
  restartBroker(node: string): void {
    this.act({ do: 'command', node, command: 'restart' });
  }

  /** Takes `node` online or offline now; recorded, so the run replays identically. */
  setOnline(node: string, online: boolean): void {
    this.act({ do: online ? 'online' : 'offline', node });
  }

  /** Slow mode: multiplies `node`'s service time by `factor` (1 = normal). */
  setSlow(node: string, factor: number): void {
    this.act({ do: 'slow', node, factor });
  }

  /** Changes `node`'s settings now (an already validated patch); recorded, so a replay or seek reproduces it. */
  configure(node: string, patch: Record<string, unknown>): void {
    this.act({ do: 'configure', node, patch });
  }

  private act(action: ActionSpec): void {
    const sim = this.sim;
    if (!sim || this.job) return;
    try {
      sim.act(action);
    } catch (e) {
      this.fail(e);
      return;
    }
    // Acting now starts a new branch: recorded actions after this moment no longer happen.
    this.timeline = [...sim.recorded];
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
    this.pacer.stop();
  }

  /** One frame: run the engine within budget, publish, then let the frame listeners draw. */
  tick(wall: number): void {
    const dt = this.pacer.frame(wall);
    debug.frameStart();
    const sim = this.sim;
    if (!sim) return;
    const t0 = this.wallClock();
    try {
      if (this.job) this.runJob();
      else if (this.app.getState().playing && dt > 0) this.advance(sim, dt);
    } catch (e) {
      this.fail(e);
    }
    debug.engine(this.wallClock() - t0);
    if (!this.job) {
      this.shown.note(wall, sim.now);
      this.flights.settle(sim.now, wall, this.hopMs);
    }
    this.publish(false, wall);
    const shown = this.job ? this.now : this.shownAt(wall);
    for (const listener of this.frameListeners) listener(shown, wall);
  }

  private advance(sim: Simulation, dt: number): void {
    const from = sim.now;
    const stop = this.stopAt;
    const speed = this.app.getState().speed;
    // Hops closer than a quarter frame on one link are drawn as one pulse.
    this.flights.mergeWithinMs = speed * 4;
    const wanted = this.pacer.target(from, dt, speed);
    const reached = this.budget.run(sim, stop === null ? wanted : Math.min(stop, wanted));
    this.pacer.played(from, sim.now, dt, reached);
    if (stop !== null && reached && sim.now >= stop) this.pause();
  }

  private runJob(): void {
    const job = this.job!;
    if (!this.budget.run(job.run.sim, job.target, SEEK_BUDGET_MS)) return;
    this.job = null;
    this.flights.ignoreBefore = -Infinity;
    this.flights.prune(job.run.sim.now);
    this.shown.reset(job.run.sim.now);
    this.app.setState({ seekingTo: null });
    this.publish(true, this.wallClock(), true);
  }

  // ---- publishing ----

  private publish(force: boolean, wall = this.wallClock(), immediate = false, switchesNow = false): void {
    if (!this.run) return;
    const playing = this.app.getState().playing;
    this.publisher.publish(this.run, {
      force,
      seekingTo: this.job ? this.job.target : null,
      behind: (said) => this.pacer.behind(playing, said),
      actualSpeed: this.pacer.actualSpeed,
      liveDue: (f) => this.liveThrottle.due(f),
      wall,
      immediate,
      switchesNow,
    });
  }

  private fail(e: unknown, title: DictKey = 'engineStopped'): void {
    const detail = e instanceof Error ? e.message : String(e);
    // A limit or a refused action says why in both languages; anything else is an engine error.
    const issue = (lang: Lang) => [{ path: '', message: e instanceof LimitError ? e.text(lang) : translate(lang, 'engineError', { detail }) }];
    const instead = title === 'rejectedFile' ? 'unchanged' : undefined;
    this.app.setState({ playing: false, notice: { title, issues: { en: issue('en'), es: issue('es') }, instead } });
  }
}
