import type { Lang, ScenarioIssue } from '../../sim/engine/errors';
import { LIMITS } from '../../sim/engine/limits';
import { translate } from '../../i18n/translate';
import type { DictKey } from '../../i18n/en';
import { appStore } from '../../store/appStore';
import { controller } from '../runtime';
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
    appStore.setState({ notice: null });
    setHash(compareHash(target));
    return true;
  }
  const { decodeCompareHash } = await import('./compareLink');
  const result = await decodeCompareHash(target);
  if (!result.ok) {
    reject('compareRejectedLink', result.issues);
    return false;
  }
  controller.pause();
  const { entry, file, actions } = result.shared;
  compareController.openEntry(entry, file, actions);
  appStore.setState({ notice: null });
  setHash(target);
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
  const en = readComparisonText(text, 'en');
  if (!en.ok) {
    const es = readComparisonText(text, 'es');
    reject('compareRejected', { en: en.issues, es: es.ok ? [] : es.issues });
    return false;
  }
  const file: unknown = JSON.parse(text);
  controller.pause();
  compareController.openEntry(en.entry, file);
  appStore.setState({ notice: null });
  setHash(await encodeCompareHash({ id: en.entry.comparison.id, file, actions: [] }));
  return true;
}

/**
 * Opens a comparison file the app itself serves (`?compare=comparisons/mine.json`): same
 * origin only, so a link cannot make the page fetch from elsewhere. Problems are reported like a file's.
 */
export async function openComparisonUrl(path: string): Promise<boolean> {
  const fail = (key: 'scenarioUrlError' | 'compareUrlForeign', detail = '') => {
    const issue = (lang: Lang) => [{ path: 'compare', message: translate(lang, key, { url: path, detail }) }];
    reject('compareRejected', { en: issue('en'), es: issue('es') });
    return false;
  };
  let url: URL;
  try {
    url = new URL(path, location.href);
  } catch (e) {
    return fail('scenarioUrlError', (e as Error).message);
  }
  if (url.origin !== location.origin) return fail('compareUrlForeign');
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) return fail('scenarioUrlError', `HTTP ${response.status}`);
    text = await response.text();
  } catch (e) {
    return fail('scenarioUrlError', (e as Error).message);
  }
  return openComparisonText(text);
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

/** Reports a comparison that was not opened: in compare view, the comparison on screen stays; else the scenario does. */
function reject(title: DictKey, issues: Record<Lang, readonly ScenarioIssue[]>): void {
  appStore.setState({ notice: { title, issues, instead: isComparing() ? undefined : 'unchanged' } });
}

// replaceState does not fire hashchange: only links the user opens are loaded.
function setHash(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}
