import type { Lang } from '../sim/engine/errors';
import type { Scenario } from '../sim/engine/scenario';
import { Simulation, type RecordedAction } from '../sim/engine/simulation';
import type { ActionSpec } from '../sim/engine/scenario';
import type { AppStore } from '../store/appStore';
import type { FrameStore } from '../store/frameStore';
import type { NodeLive } from '../store/slices/liveSlice';
import type { ScenarioSource } from '../store/slices/scenarioSlice';
import type { DictKey } from '../i18n/en';
import { translate } from '../i18n/translate';
import { debug } from './debug';
import { FlightBuffer, HOP_MS } from './flights';
import { addFollowedHop, followStore } from './follow';
import { FrameBudget } from './frameBudget';

/** Slowest and fastest playback, simulated ms per wall ms. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
/** Wall ms the engine may use per frame while playing. */
const PLAY_BUDGET_MS = 4;
/** Wall ms per frame while re-running the past for a seek (the user is waiting for it). */
const SEEK_BUDGET_MS = 24;
/** Node figures go to React at most this often while playing (wall ms)… */
const LIVE_EVERY_MS = 100;
/** …and at most once in this many frames, so a slow machine's frames do not all re-render. */
const LIVE_EVERY_FRAMES = 4;
/** A frame longer than this (a background tab) counts as this long. */
const MAX_FRAME_MS = 100;

/** How to load a scenario. */
export interface LoadOptions {
  source: ScenarioSource;
  seed?: number;
  /** Actions recorded in an earlier run (a share link), replayed at the same events. */
  recorded?: readonly RecordedAction[];
}

interface SeekJob {
  sim: Simulation;
  target: number;
}

/**
 * Runs the simulation for the UI, with no React in it: owns the Simulation, the frame loop,
 * the frame budget, seeking (a deterministic re-run from the start), and the user's actions,
 * which it records so a run replays identically. It writes what the UI draws into the app
 * store (on change) and the frame store (per frame), and calls frame listeners (the message
 * layer) once per animation frame after the engine has run.
 */
export class SimController {
  /** What is travelling along links right now, for the message layer. */
  readonly flights = new FlightBuffer();
  private sim: Simulation | null = null;
  private timeline: readonly RecordedAction[] = [];
  private detach: () => void = () => {};
  private job: SeekJob | null = null;
  private readonly budget = new FrameBudget(PLAY_BUDGET_MS);
  private readonly frameListeners = new Set<(shown: number, wall: number) => void>();
  private readonly simListeners = new Set<(sim: Simulation) => void>();
  private rafId = 0;
  private lastWall = -1;
  private lastLive = -Infinity;
  private framesSinceLive = 0;
  private liveKeys = new Map<string, string>();
  private horizon = 0;
  private behindScore = 0;
  private actualSpeed = 0;
  /**
   * Wall ms the cards lag behind the engine, so that a card never changes before the moving
   * message that changes it has arrived on screen (docs/ARCHITECTURE.md, "Drawing messages").
   */
  hopMs = HOP_MS;
  /** Recent (wall, simulated time) pairs, for the time the screen shows. */
  private clock: { wall: number; sim: number }[] = [];
  /** Node figures taken, waiting `hopMs` before the cards show them. */
  private pendingLive: { wall: number; live: Record<string, NodeLive> }[] = [];
  private builtLive: Record<string, NodeLive> = {};

  constructor(
    private readonly app: AppStore,
    private readonly frame: FrameStore,
    private readonly wallClock: () => number = () => performance.now(),
  ) {}

  /** The running simulation (null before the first load). */
  get simulation(): Simulation | null {
    return this.sim;
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
      sim = new Simulation(scenario, { seed, recorded });
    } catch (e) {
      this.fail(e, 'rejectedFile');
      return false;
    }
    this.timeline = recorded;
    this.install(sim);
    const loadId = this.app.getState().loadId + 1;
    this.app.setState({ scenario, source: options.source, seed, loadId, playing: false, lastStep: null, seekingTo: null, selected: null });
    this.horizon = 0;
    this.publish(true, this.wallClock(), true);
    return true;
  }

  /** Back to t = 0 with the same scenario and seed; manual actions are forgotten. */
  reset(): void {
    const { scenario, seed } = this.app.getState();
    if (!scenario) return;
    this.timeline = [];
    this.install(new Simulation(scenario, { seed }));
    this.horizon = 0;
    this.app.setState({ playing: false, lastStep: null, seekingTo: null });
    this.publish(true, this.wallClock(), true);
  }

  /** Back to t = 0 with the same scenario and another seed: the same workload, other random draws. */
  reseed(seed: number): void {
    if (!Number.isInteger(seed)) return;
    this.app.setState({ seed });
    this.reset();
  }

  private install(sim: Simulation): void {
    this.detach();
    this.job = null;
    this.flights.clear();
    this.flights.ignoreBefore = -Infinity;
    this.sim = sim;
    this.detach = sim.on(this.flights.listener);
    this.liveKeys = new Map();
    this.builtLive = {};
    this.resetShownClock(sim.now);
    this.flights.followed = followStore.getState().root ?? -1;
    this.flights.onFollowedHop = addFollowedHop;
    this.flights.commitTargets = new Set([...sim.nodes].filter(([, n]) => n.kind === 'topic').map(([id]) => id));
    for (const listener of this.simListeners) listener(sim);
  }

  /**
   * Calls `listener` with the running Simulation now (if any) and with every new one the
   * controller installs (load, reset, seek back), before it runs any event: trace subscribers
   * such as the event log and the metrics sampler attach there. Returns the unsubscribe.
   */
  onSimulation(listener: (sim: Simulation) => void): () => void {
    this.simListeners.add(listener);
    if (this.sim) listener(this.sim);
    return () => this.simListeners.delete(listener);
  }

  // ---- playback ----

  /** Starts playing (ignored while nothing is loaded). */
  play(): void {
    if (this.sim) this.app.setState({ playing: true });
  }

  /** Pauses. */
  pause(): void {
    this.app.setState({ playing: false });
  }

  /** Play/pause. */
  toggle(): void {
    if (this.app.getState().playing) this.pause();
    else this.play();
  }

  /** Sets the playback speed, clamped to [MIN_SPEED, MAX_SPEED]. */
  setSpeed(speed: number): void {
    this.app.setState({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) });
    this.behindScore = 0;
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
      this.noteClock(wall, before);
      this.noteClock(wall, sim.now);
      this.flights.flush();
      // An ack or response arriving is an event with no trace of its own: name it from the flights.
      const landed = events?.length === 0 ? this.flights.landingAt(sim.now).map(([from, to, style]) => ({ from, to, style })) : [];
      this.app.setState({ lastStep: events ? { kind: 'events', t: sim.now, events, landed } : { kind: 'end', t: sim.now } });
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
    if (target === this.sim.now && !this.job) return;
    let sim = this.sim;
    if (target < this.sim.now) {
      sim = new Simulation(scenario, { seed, recorded: this.timeline });
      this.install(sim);
    }
    this.flights.ignoreBefore = target;
    this.job = { sim, target };
    this.app.setState({ seekingTo: target, lastStep: null });
  }

  // ---- what the screen shows ----

  /**
   * The simulated time the screen shows at wall time `wall`: the engine's time `hopMs` ago
   * (interpolated between frames). Moving messages are drawn against it, and the cards show
   * figures taken then, so a card changes only once the message that changed it has arrived.
   */
  shownAt(wall: number): number {
    const at = wall - this.hopMs;
    const c = this.clock;
    let i = c.length - 1;
    while (i > 0 && c[i]!.wall > at) i--;
    const a = c[i];
    if (!a) return this.now;
    if (a.wall > at) return a.sim;
    const b = c[i + 1];
    if (!b || b.wall <= a.wall) return a.sim;
    return a.sim + ((b.sim - a.sim) * (at - a.wall)) / (b.wall - a.wall);
  }

  private resetShownClock(now: number): void {
    this.clock = [{ wall: -Infinity, sim: now }];
    this.pendingLive = [];
  }

  private noteClock(wall: number, now: number): void {
    const c = this.clock;
    const last = c[c.length - 1];
    if (last && last.sim === now && c.length > 1 && c[c.length - 2]!.sim === now) last.wall = wall;
    else c.push({ wall, sim: now });
    // Keep one pair older than the delay, for interpolation.
    let drop = 0;
    while (drop < c.length - 2 && c[drop + 1]!.wall <= wall - this.hopMs) drop++;
    if (drop > 0) c.splice(0, drop);
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
    this.publish(true);
    this.showLive(sim, this.app.getState().live);
  }

  // ---- the frame loop ----

  /** Calls `listener` once per animation frame with the simulated time; returns the unsubscribe. */
  onFrame(listener: (shown: number, wall: number) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Starts the animation-frame loop. */
  start(): void {
    if (this.rafId) return;
    const loop = (wall: number) => {
      this.rafId = requestAnimationFrame(loop);
      this.tick(wall);
    };
    this.rafId = requestAnimationFrame(loop);
  }

  /** Stops the loop. */
  stop(): void {
    cancelAnimationFrame(this.rafId);
    this.rafId = 0;
    this.lastWall = -1;
  }

  /** One frame: run the engine within budget, publish, then let the frame listeners draw. */
  tick(wall: number): void {
    const dt = this.lastWall < 0 ? 0 : Math.min(MAX_FRAME_MS, wall - this.lastWall);
    this.lastWall = wall;
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
      this.noteClock(wall, sim.now);
      this.flights.settle(sim.now, wall, this.hopMs);
    }
    this.publish(false, wall);
    const shown = this.job ? this.now : this.shownAt(wall);
    for (const listener of this.frameListeners) listener(shown, wall);
  }

  private advance(sim: Simulation, dt: number): void {
    const from = sim.now;
    const wanted = this.app.getState().speed;
    // Hops closer than a quarter frame on one link are drawn as one pulse.
    this.flights.mergeWithinMs = wanted * 4;
    const reached = this.budget.run(sim, from + dt * wanted);
    // When short, the clock stays at the last event run: the debt is dropped, not carried, so
    // the run slows down instead of freezing to catch up.
    this.behindScore = this.behindScore * 0.9 + (reached ? 0 : 0.1);
    this.actualSpeed = this.actualSpeed * 0.8 + ((sim.now - from) / dt) * 0.2;
  }

  private runJob(): void {
    const job = this.job!;
    if (!this.budget.run(job.sim, job.target, SEEK_BUDGET_MS)) return;
    this.job = null;
    this.flights.ignoreBefore = -Infinity;
    this.flights.prune(job.sim.now);
    this.resetShownClock(job.sim.now);
    this.app.setState({ seekingTo: null });
    this.publish(true, this.wallClock(), true);
  }

  // ---- publishing ----

  private publish(force: boolean, wall = this.wallClock(), immediate = false): void {
    const sim = this.sim;
    if (!sim) return;
    const job = this.job;
    // While a seek re-runs the past, the screen keeps showing where it is going.
    const now = job ? job.target : sim.now;
    if (!job) this.horizon = Math.max(this.horizon, now);
    const f = this.frame.getState();
    const behind = this.app.getState().playing && (f.behind ? this.behindScore > 0.1 : this.behindScore > 0.3);
    if (force || f.now !== now || f.events !== sim.events || f.behind !== behind) {
      this.frame.setState({
        now, events: sim.events, totals: sim.ledger.totals(), horizon: Math.max(this.horizon, now), behind,
        actualSpeed: this.actualSpeed,
      });
    }
    if (job) return;
    this.framesSinceLive++;
    if (force || (wall - this.lastLive >= LIVE_EVERY_MS && this.framesSinceLive >= LIVE_EVERY_FRAMES)) {
      this.lastLive = wall;
      this.framesSinceLive = 0;
      const live = this.takeLive(sim);
      if (immediate || this.hopMs <= 0) {
        this.pendingLive = [];
        this.showLive(sim, live);
        return;
      }
      this.pendingLive.push({ wall, live });
    }
    this.showDueLive(sim, wall);
  }

  /** The cards' figures now; a node whose figures did not change keeps the same object (no re-render). */
  private takeLive(sim: Simulation): Record<string, NodeLive> {
    const prev = this.builtLive;
    const next: Record<string, NodeLive> = {};
    let changed = Object.keys(prev).length !== sim.nodes.size;
    for (const [id, node] of sim.nodes) {
      const live: NodeLive = { ...node.stats(), slowFactor: node.slowFactor };
      const key = JSON.stringify(live);
      if (key === this.liveKeys.get(id) && prev[id]) {
        next[id] = prev[id];
      } else {
        next[id] = live;
        this.liveKeys.set(id, key);
        changed = true;
      }
    }
    if (changed) this.builtLive = next;
    return this.builtLive;
  }

  /** Shows the newest figures taken at least `hopMs` ago. */
  private showDueLive(sim: Simulation, wall: number): void {
    const q = this.pendingLive;
    let due = -1;
    while (due + 1 < q.length && q[due + 1]!.wall <= wall - this.hopMs) due++;
    if (due < 0) return;
    const { live } = q[due]!;
    q.splice(0, due + 1);
    this.showLive(sim, live);
  }

  /**
   * Puts `live` on the cards. The online switch and slow mode are the user's own controls:
   * they show the node's state now, not `hopMs` ago.
   */
  private showLive(sim: Simulation, live: Record<string, NodeLive>): void {
    const prev = this.app.getState().live;
    let out = live;
    for (const [id, node] of sim.nodes) {
      const l = out[id];
      if (l && (l.online !== node.online || l.slowFactor !== node.slowFactor)) {
        if (out === live) out = { ...live };
        const fixed = { ...l, online: node.online, slowFactor: node.slowFactor };
        out[id] = prev[id] && JSON.stringify(prev[id]) === JSON.stringify(fixed) ? prev[id] : fixed;
      }
    }
    if (out === prev) return;
    const keys = Object.keys(out);
    if (keys.length === Object.keys(prev).length && keys.every((k) => out[k] === prev[k])) return;
    this.app.setState({ live: out });
  }

  private fail(e: unknown, title: DictKey = 'engineStopped'): void {
    const detail = e instanceof Error ? e.message : String(e);
    const issue = (lang: Lang) => [{ path: '', message: translate(lang, 'engineError', { detail }) }];
    const instead = title === 'rejectedFile' ? 'unchanged' : undefined;
    this.app.setState({ playing: false, notice: { title, issues: { en: issue('en'), es: issue('es') }, instead } });
  }
}
