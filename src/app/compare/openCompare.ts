import type { BilingualIssues } from '../../sim/engine/errors';
import { LIMITS } from '../../sim/engine/limits';
import type { DictKey } from '../../i18n/en';
import { controller } from '../runtime';
import { fetchOwnFile, opened, readInBothLanguages, refuse, setHash } from '../opening';
import { compareStore } from './compareStore';

// This module is on the first screen; the comparison code itself (schemas, runs, links) loads
// on first use, through the dynamic imports below.

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
  const { compareController } = await import('./compareController');
  if (!target.startsWith('#')) {
    if (!compareController.open(target)) return false;
    controller.pause();
    opened(compareHash(target));
    return true;
  }
  const { decodeCompareHash } = await import('./compareLink');
  const result = await decodeCompareHash(target);
  if (!result.ok) return refuseComparison('compareRejectedLink', result.issues);
  controller.pause();
  const { entry, file, actions } = result.shared;
  compareController.openEntry(entry, file, actions);
  opened(target);
  return true;
}

/**
 * Whether `text` is a comparison file rather than a scenario file: JSON whose top level says
 * what it compares. Cheap for a scenario (a text search first); false for text that is not
 * JSON, so the scenario parser reports it.
 */
export function isComparisonText(text: string): boolean {
  if (text.length > LIMITS.fileChars || !/"compare"\s*:/.test(text)) return false;
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null && !Array.isArray(data) && 'compare' in data;
  } catch {
    return false;
  }
}

/**
 * Opens the user's own comparison from a file, a paste or a drop, through the comparison
 * schema and every column's scenario schema. A bad one is rejected with its located problems
 * in both languages, and what is on screen stays as it was.
 */
export async function openComparisonText(text: string): Promise<boolean> {
  const [{ readComparisonText }, { compareController }, { encodeCompareHash }] = await Promise.all([
    import('../../compare/load'),
    import('./compareController'),
    import('./compareLink'),
  ]);
  const read = readInBothLanguages((lang) => readComparisonText(text, lang));
  if (!read.ok) return refuseComparison('compareRejected', read.issues);
  const file: unknown = JSON.parse(text);
  controller.pause();
  compareController.openEntry(read.entry, file);
  opened(await encodeCompareHash({ id: read.entry.comparison.id, file, actions: [] }));
  return true;
}

/**
 * Opens a comparison file the app itself serves (`?compare=comparisons/mine.json`): same
 * origin only, so a link cannot make the page fetch from elsewhere. Problems are reported like a file's.
 */
export async function openComparisonUrl(path: string): Promise<boolean> {
  const file = await fetchOwnFile(path, 'compare', 'compareUrlForeign');
  return file.ok ? openComparisonText(file.text) : refuseComparison('compareRejected', file.issues);
}

/** Leaves compare mode, back to the scenario that was on screen. */
export async function closeCompare(): Promise<void> {
  const { compareController } = await import('./compareController');
  compareController.close();
  setHash('');
}

/** Whether compare mode is showing. */
export function isComparing(): boolean {
  return compareStore.getState().comparisonId !== null;
}

/** Refuses a comparison: in compare view, the comparison on screen stays; else the scenario does. */
function refuseComparison(title: DictKey, issues: BilingualIssues): false {
  return refuse(title, issues, isComparing() ? undefined : 'unchanged');
}
