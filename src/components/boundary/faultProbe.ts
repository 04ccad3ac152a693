import { useSyncExternalStore } from 'react';

/** The regions of the page that fail alone. */
export type Region = 'canvas' | 'panel' | 'inspector';

const armed = new Set<Region>();
const listeners = new Set<() => void>();

/**
 * Makes the next render of `region` throw, as a real bug would. Only the debug hook
 * (`?debug`) calls it, so the browser tests can check that a failure stays in its region.
 */
export function injectFault(region: Region): void {
  armed.add(region);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The region's boundary caught the fault: the next render of the region is a normal one. */
export function clearFault(region: Region): void {
  armed.delete(region);
}

/**
 * Throws while its region is armed by `injectFault` (React renders a failed tree twice before
 * it gives up, so the fault stays until the boundary clears it); renders nothing otherwise.
 */
export function FaultProbe({ region }: { region: Region }): null {
  const armedNow = () => armed.has(region);
  // The same answer for a prerendered first screen (scripts/prerender-app.tsx) and its hydration.
  const fail = useSyncExternalStore(subscribe, armedNow, armedNow);
  if (fail) throw new Error(`injected fault in the ${region}`);
  return null;
}
