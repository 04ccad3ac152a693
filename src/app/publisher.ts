import type { LedgerTotals } from '../sim/engine/message';
import type { NodeConfig } from '../sim/engine/scenario';
import type { AppStore } from '../store/appStore';
import type { FrameStore } from '../store/frameStore';
import type { NodeLive } from '../store/slices/liveSlice';
import type { RunReader } from './runReader';

/** A run as the publisher reads it. */
export interface PublishedRun {
  reader: RunReader;
  readonly events: number;
  totals(): LedgerTotals;
}

/** What the controller tells the publisher about this frame. */
export interface FrameFacts {
  /** Re-publish everything now (after a step, an action, a load). */
  force: boolean;
  /** A seek is re-running toward this time: the screen shows where it is going. */
  seekingTo: number | null;
  /** The engine's pacing, for the status line. */
  behind: (saidBehind: boolean) => boolean;
  actualSpeed: number;
  /** Whether node figures are due (throttled by the caller). */
  liveDue: (force: boolean) => boolean;
  /** Wall time of this frame, ms. */
  wall: number;
  /**
   * Show the figures taken now at once instead of `hopMs` later (a load, a reset, the end of
   * a seek: nothing is in flight on screen to wait for).
   */
  immediate?: boolean;
  /** The user just acted: the cards' online switch and slow mode show the new state now. */
  switchesNow?: boolean;
}

/**
 * Projects a run into the stores: the frame store each frame it changed (clock, event count,
 * totals, horizon, pacing), and node figures and settings into the app store when due, each
 * node's entry keeping its identity while unchanged. The only writer of those fields.
 *
 * Cause before effect: node figures are taken when due but shown `hopMs` of wall time later,
 * once the moving message that changed them has arrived on screen (docs/ARCHITECTURE.md,
 * "Drawing messages"). Settings, the online switch and slow mode are the user's own controls
 * and show at once.
 */
export class StorePublisher {
  private liveKeys = new Map<string, string>();
  private horizon = 0;
  /** The newest figures taken; an unchanged node keeps its object. */
  private built: Record<string, NodeLive> = {};
  /** Figures taken, waiting `hopMs` before the cards show them. */
  private pending: { wall: number; live: Record<string, NodeLive> }[] = [];
  /** Where the run was when figures were last taken: a frame that finds it there (paused, idle) takes none. */
  private takenAt: { reader: RunReader; events: number; now: number } | null = null;

  constructor(
    private readonly app: AppStore,
    private readonly frame: FrameStore,
    /** Wall ms the cards lag behind the engine (0: no lag). */
    public hopMs = 0,
  ) {}

  /** A new run from t = 0: forget the old one's figures and horizon. */
  reset(): void {
    this.liveKeys = new Map();
    this.built = {};
    this.pending = [];
    this.horizon = 0;
    this.takenAt = null;
  }

  /** Drops figures waiting to be shown (the screen's clock jumped: a seek landed). */
  dropPending(): void {
    this.pending = [];
  }

  /** Publishes `run` as `facts` say. */
  publish(run: PublishedRun, facts: FrameFacts): void {
    const seeking = facts.seekingTo !== null;
    const now = seeking ? facts.seekingTo! : run.reader.now;
    if (!seeking) this.horizon = Math.max(this.horizon, now);
    const f = this.frame.getState();
    const behind = facts.behind(f.behind);
    if (facts.force || f.now !== now || f.events !== run.events || f.behind !== behind) {
      this.frame.setState({
        now, events: run.events, totals: run.totals(), horizon: Math.max(this.horizon, now), behind, actualSpeed: facts.actualSpeed,
      });
    }
    if (seeking) return;
    const reader = run.reader;
    // Unforced, figures are taken only if the run has moved since: an action, a step or a load forces.
    if (facts.liveDue(facts.force) && (facts.force || this.moved(run))) {
      this.takenAt = { reader, events: run.events, now: reader.now };
      this.publishConfigs(reader);
      const live = this.take(reader);
      if (facts.immediate || this.hopMs <= 0) {
        this.pending = [];
        this.show(reader, live);
        return;
      }
      this.pending.push({ wall: facts.wall, live });
    }
    if (!this.showDue(reader, facts.wall) && facts.switchesNow) this.show(reader, this.app.getState().live);
  }

  /** Whether `run` has run an event or moved its clock since figures were last taken. */
  private moved(run: PublishedRun): boolean {
    const at = this.takenAt;
    return !at || at.reader !== run.reader || at.events !== run.events || at.now !== run.reader.now;
  }

  /** The figures now; a node whose figures did not change keeps the same object (no re-render). */
  private take(reader: RunReader): Record<string, NodeLive> {
    const prev = this.built;
    const next: Record<string, NodeLive> = {};
    let changed = Object.keys(prev).length !== reader.nodes.length;
    for (const { id } of reader.nodes) {
      const stats = reader.stats(id)!;
      const key = JSON.stringify(stats);
      if (key === this.liveKeys.get(id) && prev[id]) next[id] = prev[id];
      else {
        next[id] = stats;
        this.liveKeys.set(id, key);
        changed = true;
      }
    }
    if (changed) this.built = next;
    return this.built;
  }

  /** Shows the newest figures taken at least `hopMs` ago; returns whether it showed any. */
  private showDue(reader: RunReader, wall: number): boolean {
    const q = this.pending;
    let due = -1;
    while (due + 1 < q.length && q[due + 1]!.wall <= wall - this.hopMs) due++;
    if (due < 0) return false;
    const { live } = q[due]!;
    q.splice(0, due + 1);
    this.show(reader, live);
    return true;
  }

  /** Puts `live` on the cards, with each node's online switch and slow mode as they are now. */
  private show(reader: RunReader, live: Record<string, NodeLive>): void {
    const prev = this.app.getState().live;
    let out = live;
    for (const { id } of reader.nodes) {
      const l = out[id];
      const now = reader.switches(id);
      if (l && now && (l.online !== now.online || l.slowFactor !== now.slowFactor)) {
        if (out === live) out = { ...live };
        const fixed = { ...l, online: now.online, slowFactor: now.slowFactor };
        out[id] = prev[id] && JSON.stringify(prev[id]) === JSON.stringify(fixed) ? prev[id] : fixed;
      }
    }
    if (out === prev) return;
    const keys = Object.keys(out);
    if (keys.length === Object.keys(prev).length && keys.every((k) => out[k] === prev[k])) return;
    this.app.setState({ live: out });
  }

  /** Each node's settings; the engine replaces a node's config object on each change, so identity says it all. */
  private publishConfigs(reader: RunReader): void {
    const prev = this.app.getState().configs;
    const configs: Record<string, Readonly<NodeConfig>> = {};
    let changed = Object.keys(prev).length !== reader.nodes.length;
    for (const { id } of reader.nodes) {
      const config = reader.config(id)!;
      configs[id] = config;
      if (prev[id] !== config) changed = true;
    }
    if (changed) this.app.setState({ configs });
  }
}
