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
}

/**
 * Projects a run into the stores: the frame store each frame it changed (clock, event count,
 * totals, horizon, pacing), and node figures and settings into the app store when due, each
 * node's entry keeping its identity while unchanged. The only writer of those fields.
 */
export class StorePublisher {
  private liveKeys = new Map<string, string>();
  private horizon = 0;

  constructor(
    private readonly app: AppStore,
    private readonly frame: FrameStore,
  ) {}

  /** A new run from t = 0: forget the old one's figures and horizon. */
  reset(): void {
    this.liveKeys = new Map();
    this.horizon = 0;
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
    if (seeking || !facts.liveDue(facts.force)) return;
    this.publishNodes(run.reader);
  }

  private publishNodes(reader: RunReader): void {
    const { live: prevLive, configs: prevConfigs } = this.app.getState();
    const live: Record<string, NodeLive> = {};
    const configs: Record<string, Readonly<NodeConfig>> = {};
    let liveChanged = Object.keys(prevLive).length !== reader.nodes.length;
    let configsChanged = Object.keys(prevConfigs).length !== reader.nodes.length;
    for (const { id } of reader.nodes) {
      const stats = reader.stats(id)!;
      const key = JSON.stringify(stats);
      if (key === this.liveKeys.get(id) && prevLive[id]) live[id] = prevLive[id];
      else {
        live[id] = stats;
        this.liveKeys.set(id, key);
        liveChanged = true;
      }
      // The engine replaces a node's config object on each change, so identity says it all.
      const config = reader.config(id)!;
      configs[id] = config;
      if (prevConfigs[id] !== config) configsChanged = true;
    }
    if (liveChanged || configsChanged) this.app.setState({ ...(liveChanged ? { live } : {}), ...(configsChanged ? { configs } : {}) });
  }
}
