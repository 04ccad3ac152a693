import type { BilingualIssues } from '../../sim/engine/errors';
import { LIMITS } from '../../sim/engine/limits';
import type { DictKey } from '../../i18n/en';
import { controller } from '../runtime';
import { fetchOwnFile, opened, readInBothLanguages, refuse } from '../opening';
import { compareStore } from './compareStore';

// Opening the user's own comparison (a file, a paste, a URL) and refusing one: loaded with the
// engine (loader.ts) or on a refused link, not on the first screen (see openCompare.ts).

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

/** Refuses a comparison: in compare view, the comparison on screen stays; else the scenario does. */
export function refuseComparison(title: DictKey, issues: BilingualIssues): false {
  return refuse(title, issues, compareStore.getState().comparisonId !== null ? undefined : 'unchanged');
}
