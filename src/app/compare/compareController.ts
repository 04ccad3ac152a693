import { builtinComparison, type BuiltinComparison } from '../../compare/builtins';
import { ComparisonRun } from '../../compare/run';
import type { TraceEvent } from '../../sim/engine/trace';
import type { CompareAction } from './compareLink';
import { compareStore, type CompareState, type NodeFigure } from './compareStore';

/** A message on its way along one edge of one column. */
export interface CompareFlight {
  from: string;
  to: string;
  /** Wall time it appeared, ms (performance.now()). */
  wallStart: number;
  /** How long it is drawn, wall ms: its simulated hop, or the readable minimum. */
  wallMs: number;
  failed: boolean;
}

/** The shortest time a hop is drawn for, wall ms: shorter hops would be an invisible flicker. */
export const MIN_HOP_WALL_MS = 400;
/** Shapes kept per column; past it, older ones go (the edges' counts still say how busy they are). */
const MAX_FLIGHTS = 300;
/** Events every column may run in one frame, together: the frame budget. */
const EVENTS_PER_FRAME = 120_000;
/** How often the store (and so React) hears of the figures, wall ms. */
const PUBLISH_MS = 200;

/**
 * Runs a comparison in the browser: every column on one clock, one Play/Pause, one Step, one
 * timeline and one speed, one outage switch and one slow mode for the shared consumer. It
 * writes throttled figures to the compare store and keeps the moving messages per column for
 * the canvases, which draw them every frame without React.
 */
export class CompareController {
  private entry: BuiltinComparison | null = null;
  /** The file of a comparison that is not built in, as given: a share link carries it whole. */
  private file: unknown = undefined;
  private run: ComparisonRun | null = null;
  /** The user's actions on the shared clock, in time order; a seek or a link replays them at their instants. */
  private actions: CompareAction[] = [];
  /** How many of `actions` the current run has applied. */
  private applied = 0;
  /** Per column, the messages on screen. */
  readonly flights: CompareFlight[][] = [];
  /** Per column and edge ("from>to"), hops seen in the last second, for the edge's intensity. */
  readonly traffic: Map<string, number>[] = [];
  private recording = true;
  private raf = 0;
  private lastWall = 0;
  private lastPublish = 0;
  private detachers: (() => void)[] = [];

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly store = compareStore,
  ) {}

  /** Opens the built-in comparison `id`; false when there is none. */
  open(id: string): boolean {
    const entry = builtinComparison(id);
    if (!entry) return false;
    this.openEntry(entry);
    return true;
  }

  /**
   * Opens a checked comparison: a built-in, or the user's own `file` (from a file, a paste or
   * a link). `actions` (from a link) replay on the shared clock as it reaches them.
   */
  openEntry(entry: BuiltinComparison, file?: unknown, actions: readonly CompareAction[] = []): void {
    this.pause();
    this.entry = entry;
    this.file = file;
    this.actions = [...actions].sort((x, y) => x.at - y.at);
    const consumers = entry.columns[0]!.consumers;
    const outage = entry.comparison.compare === 'patterns' ? entry.comparison.outage?.node : undefined;
    this.store.setState({
      comparisonId: entry.comparison.id,
      custom: file !== undefined,
      playing: false,
      ended: false,
      durationMs: entry.columns[0]!.scenario.durationMs,
      target: outage ?? consumers[0] ?? null,
      offline: {},
      slow: {},
      lateAfterMs: entry.comparison.lateAfterMs,
    });
    this.rebuild(0);
  }

  /** The comparison on screen with its file (when not built in), for the CSV's name and the share link. */
  get current(): { entry: BuiltinComparison; file: unknown } | null {
    return this.entry ? { entry: this.entry, file: this.file } : null;
  }

  /** The user's actions so far (those the clock has reached), for the share link. */
  get recorded(): readonly CompareAction[] {
    return this.actions.slice(0, this.applied);
  }

  /** Leaves the compare view. */
  close(): void {
    this.pause();
    this.detach();
    this.run = null;
    this.entry = null;
    this.file = undefined;
    this.store.setState({ comparisonId: null, custom: false, report: null, figures: {} });
  }

  get columns() {
    return this.entry?.columns ?? [];
  }

  play(): void {
    if (!this.run || this.store.getState().playing) return;
    // At the end, Play goes on past the comparison's duration (the timeline grows).
    this.store.setState({ playing: true, ended: false });
    this.lastWall = this.now();
    if (typeof requestAnimationFrame !== 'undefined') this.raf = requestAnimationFrame(this.frame);
  }

  pause(): void {
    if (this.raf && typeof cancelAnimationFrame !== 'undefined') cancelAnimationFrame(this.raf);
    this.raf = 0;
    if (this.store.getState().playing) this.store.setState({ playing: false });
    this.publish(true);
  }

  toggle(): void {
    if (this.store.getState().playing) this.pause();
    else this.play();
  }

  /** Runs every column to the next event of any of them. */
  step(): void {
    const run = this.run;
    if (!run) return;
    this.pause();
    const pending = this.actions[this.applied]?.at ?? Infinity;
    const next = Math.min(pending, ...run.sims.map((s) => s.scheduler.peekTime()));
    if (!Number.isFinite(next)) return;
    this.advance(Math.max(next, run.now));
    this.publish(true);
  }

  setSpeed(speed: number): void {
    if (speed > 0 && Number.isFinite(speed)) this.store.setState({ speed });
  }

  /**
   * Rewinds or fast-forwards to simulated time `t`: a fresh run replays to it, the user's
   * actions at their instants. Actions past `t` stay and replay when the clock gets there again.
   */
  seek(t: number): void {
    if (!this.entry) return;
    this.rebuild(Math.max(0, t));
  }

  /** Back to t = 0; the user's actions are forgotten. */
  reset(): void {
    this.pause();
    this.actions = [];
    this.store.setState({ offline: {}, slow: {}, ended: false });
    this.rebuild(0);
  }

  /** Takes the consumer `node` offline or back online, in every column at once. */
  setOnline(node: string, online: boolean): void {
    this.act({ at: this.clock(), do: online ? 'online' : 'offline', node });
  }

  /** Slows the consumer `node`'s service time by `factor` in every column (1 = normal). */
  setSlow(node: string, factor: number): void {
    this.act({ at: this.clock(), do: 'slow', node, factor });
  }

  /** Picks the consumer the switch and slow mode act on. */
  setTarget(node: string): void {
    this.store.setState({ target: node });
  }

  /** The scoreboard as CSV: a row per figure, a column per pattern. */
  csv(lang: 'en' | 'es', rows: readonly { name: Record<'en' | 'es', string>; format: (f: never, l: 'en' | 'es') => string }[]): string {
    const report = this.run?.report();
    if (!report) return '';
    const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = [['', ...report.columns.map((c) => c.label[lang])].map(cell).join(',')];
    for (const row of rows) lines.push([row.name[lang], ...report.columns.map((c) => row.format(c.figures as never, lang))].map(cell).join(','));
    return `${lines.join('\n')}\n`;
  }

  private clock(): number {
    return this.run?.now ?? 0;
  }

  /** A new action now: the actions recorded past now (from a link or before a rewind) give way to it. */
  private act(a: CompareAction): void {
    const run = this.run;
    if (!run) return;
    this.actions.length = this.applied;
    this.actions.push(a);
    this.applied++;
    apply(run, a);
    this.publish(true);
  }

  /** Runs every column to `t`, applying the recorded actions due on the way; false when the event budget ran out first. */
  private advance(t: number, maxEvents = Infinity): boolean {
    const run = this.run!;
    let budget = maxEvents;
    for (let next = this.actions[this.applied]; next && next.at <= t; next = this.actions[this.applied]) {
      const before = run.sims.reduce((n, s) => n + s.events, 0);
      if (!run.runUntil(next.at, budget)) return false;
      budget -= run.sims.reduce((n, s) => n + s.events, 0) - before;
      apply(run, next);
      this.applied++;
    }
    return run.runUntil(t, budget);
  }

  private rebuild(t: number): void {
    const entry = this.entry!;
    this.detach();
    const run = new ComparisonRun(entry.comparison, entry.columns);
    this.run = run;
    this.flights.length = 0;
    this.traffic.length = 0;
    run.sims.forEach((sim) => {
      const flights: CompareFlight[] = [];
      const traffic = new Map<string, number>();
      this.flights.push(flights);
      this.traffic.push(traffic);
      this.detachers.push(sim.on((ev) => this.record(ev, flights, traffic)));
    });
    // Replaying to the seek target draws nothing: only what happens from here on moves.
    this.recording = false;
    this.applied = 0;
    this.advance(t);
    this.recording = true;
    this.publish(true);
  }

  private record(ev: TraceEvent, flights: CompareFlight[], traffic: Map<string, number>): void {
    if (!this.recording || ev.type !== 'message.sent') return;
    const key = `${ev.from}>${ev.to}`;
    traffic.set(key, (traffic.get(key) ?? 0) + 1);
    const speed = this.store.getState().speed;
    flights.push({
      from: ev.from, to: ev.to, wallStart: this.now(),
      wallMs: Math.max(MIN_HOP_WALL_MS, (ev.arriveAt - ev.t) / speed), failed: ev.channel === 'retry' || ev.channel === 'dead-letter',
    });
    if (flights.length > MAX_FLIGHTS) flights.splice(0, flights.length - MAX_FLIGHTS);
  }

  private readonly frame = (): void => {
    const run = this.run;
    if (!run || !this.store.getState().playing) return;
    const wall = this.now();
    const dt = Math.min(wall - this.lastWall, 100); // a hidden tab does not make a burst
    this.lastWall = wall;
    const { speed, durationMs, ended } = this.store.getState();
    let target = run.now + dt * speed;
    const stopAtEnd = run.now < durationMs && !ended && target >= durationMs;
    if (stopAtEnd) target = durationMs;
    this.advance(target, EVENTS_PER_FRAME);
    if (stopAtEnd) {
      this.store.setState({ ended: true });
      this.pause();
      return;
    }
    this.publish(false);
    this.raf = requestAnimationFrame(this.frame);
  };

  private publish(force: boolean): void {
    const run = this.run;
    if (!run) return;
    const wall = this.now();
    if (!force && wall - this.lastPublish < PUBLISH_MS) return;
    this.lastPublish = wall;
    const figures: CompareState['figures'] = {};
    run.columns.forEach((col, i) => {
      const sim = run.sims[i]!;
      const byNode: Record<string, NodeFigure> = {};
      for (const n of col.scenario.nodes) {
        const node = sim.node(n.id);
        const value = n.id === col.producer
          ? ((node.stats() as { published?: number }).published ?? 0)
          : col.consumers.includes(n.id) ? node.processed : node.backlogNow();
        byNode[n.id] = { online: node.online, value };
      }
      figures[col.id] = byNode;
    });
    // The switch and slow mode show what the actions applied so far did.
    const offline: Record<string, boolean> = {};
    const slow: Record<string, number> = {};
    for (const a of this.recorded) {
      if (a.do === 'slow') slow[a.node] = a.factor ?? 1;
      else offline[a.node] = a.do === 'offline';
    }
    this.store.setState({ now: run.now, report: run.report(), figures, offline, slow });
  }

  private detach(): void {
    for (const d of this.detachers) d();
    this.detachers = [];
  }
}

function apply(run: ComparisonRun, a: CompareAction): void {
  for (const sim of run.sims) {
    if (a.do === 'slow') sim.act({ do: 'slow', node: a.node, factor: a.factor ?? 1 });
    else sim.act({ do: a.do, node: a.node });
  }
}

/** The app's compare controller. */
export const compareController = new CompareController();
