import { controller } from '../runtime';
import { compareStore } from './compareStore';

// This module is on the first screen; the comparison code itself (schemas, runs, links) and
// what opening or refusing one needs (opening.ts, the limits and their messages in both
// languages: openCompareFile.ts) load on first use, through the dynamic imports below.

/** The address-bar form of a built-in comparison: `#compare=<id>`. */
export function compareHash(id: string): string {
  return `#compare=${encodeURIComponent(id)}`;
}

/**
 * The comparison link in a hash (`#compare=<id>[&z=<file>][&a=<actions>]`), as `openCompare`
 * takes it, or null when the hash is not a comparison link.
 */
export function comparisonOfHash(hash: string): string | null {
  return /^#compare=[^&]/.test(hash) ? hash : null;
}

/** The built-in comparison shown when the header's Compare button is used. */
export const DEFAULT_COMPARISON = 'compare-order-created';

/**
 * Opens compare mode on a built-in comparison's id, or on a comparison link's hash (which may
 * carry the comparison itself and the user's actions). The ordinary view's run pauses and stays
 * as it was, to come back to. A link that cannot be opened is reported, located, in both
 * languages, and what is on screen stays. False when nothing was opened.
 */
export async function openCompare(target: string = DEFAULT_COMPARISON): Promise<boolean> {
  const [{ compareController }, { opened }] = await Promise.all([import('./compareController'), import('../opening')]);
  if (!target.startsWith('#')) {
    if (!compareController.open(target)) return false;
    controller.pause();
    opened(compareHash(target));
    return true;
  }
  const { decodeCompareHash } = await import('./compareLink');
  const result = await decodeCompareHash(target);
  if (!result.ok) return (await import('./openCompareFile')).refuseComparison('compareRejectedLink', result.issues);
  controller.pause();
  const { entry, file, actions } = result.shared;
  compareController.openEntry(entry, file, actions);
  opened(target);
  return true;
}

/** Leaves compare mode, back to the scenario that was on screen. */
export async function closeCompare(): Promise<void> {
  const [{ compareController }, { setHash }] = await Promise.all([import('./compareController'), import('../opening')]);
  compareController.close();
  setHash('');
}

/** Whether compare mode is showing. */
export function isComparing(): boolean {
  return compareStore.getState().comparisonId !== null;
}
