import { injectFault, type Region } from '../components/boundary/faultProbe';
import { frameStore } from '../store/frameStore';
import type { SimController } from './controller';
import { debug } from './debug';
import { edgePaths } from './edgePaths';

/** What `window.__microsim` offers the performance checks. */
export interface DebugHook {
  /** Counters and timings since the last reset. */
  summary: () => ReturnType<typeof debug.summary> & { now: number; events: number; inFlight: number; overflow: number; edgeVersion: number };
  /** Zeroes the counters. */
  reset: () => void;
  /** Makes the next render of a region of the page throw (tests of the error boundaries). */
  fault: (region: Region) => void;
}

declare global {
  interface Window {
    __microsim?: DebugHook;
  }
}

/** Exposes the debug counters on `window.__microsim` (dev builds, or any build opened with `?debug`). */
export function installDebugHook(controller: SimController): void {
  window.__microsim = {
    summary: () => {
      const f = frameStore.getState();
      return {
        ...debug.summary(), now: f.now, events: f.events, inFlight: controller.flights.count, overflow: controller.flights.overflow,
        edgeVersion: edgePaths.version,
      };
    },
    reset: () => debug.reset(),
    fault: injectFault,
  };
}
