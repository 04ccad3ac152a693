import { controller } from '../runtime';
import { compareStore } from './compareStore';

/** The address-bar form of a comparison: `#compare=<id>`. */
export function compareHash(id: string): string {
  return `#compare=${encodeURIComponent(id)}`;
}

/** The comparison a hash opens, if it is a comparison link. */
export function comparisonOfHash(hash: string): string | null {
  const m = /^#compare=([^&]+)/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/** The built-in comparison shown when the header's Compare button is used. */
export const DEFAULT_COMPARISON = 'compare-order-created';

/**
 * Opens compare mode on comparison `id` (its code loads on first use). The ordinary view's run
 * pauses and stays as it was, to come back to. False when there is no such comparison.
 */
export async function openCompare(id: string = DEFAULT_COMPARISON): Promise<boolean> {
  const { compareController } = await import('./compareController');
  controller.pause();
  if (!compareController.open(id)) return false;
  history.replaceState(null, '', `${location.pathname}${location.search}${compareHash(id)}`);
  return true;
}

/** Leaves compare mode, back to the scenario that was on screen. */
export async function closeCompare(): Promise<void> {
  const { compareController } = await import('./compareController');
  compareController.close();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/** Whether compare mode is showing. */
export function isComparing(): boolean {
  return compareStore.getState().comparisonId !== null;
}
