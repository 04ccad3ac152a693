import { builtin, BUILTIN_IDS } from '../scenarios';
import type { Lang, ScenarioIssue } from '../sim/engine/errors';
import { appStore } from '../store/appStore';
import { translate } from '../i18n/translate';
import { controller } from './runtime';
import { builtinHash, decodeShareHash, encodeShareHash } from './shareLink';
import { parseScenarioText } from '../sim/catalog';
import { tourHashParams, openTourFromHash } from '../components/tour/tourLink';
import { closeCompare, isComparing, isComparisonText, openComparisonText, openComparisonUrl } from './compare/openCompare';

/** The scenario shown when nothing else is asked for. */
export const DEFAULT_SCENARIO = BUILTIN_IDS[0]!;

/** Opens the built-in scenario `id` and puts it in the address bar. */
export function openBuiltin(id: string): void {
  const scenario = builtin(id);
  if (!scenario) return;
  if (controller.load(scenario, { source: { kind: 'builtin', id } })) setHash(builtinHash(id));
}

/**
 * Opens scenario JSON from a file, a paste or a drop. A malformed scenario is rejected with
 * its located problems in both languages, and the scenario on screen stays as it was.
 * A comparison file (it says what it `compare`s) opens compare mode instead, asynchronously.
 */
export function openScenarioText(text: string): boolean | Promise<boolean> {
  if (isComparisonText(text)) return openComparisonText(text);
  const en = parseScenarioText(text, 'en');
  if (!en.ok) {
    const es = parseScenarioText(text, 'es');
    reject('rejectedFile', { en: en.issues, es: es.ok ? [] : es.issues });
    return false;
  }
  if (!controller.load(en.scenario, { source: { kind: 'custom' } })) return false;
  appStore.setState({ notice: null });
  setHash('');
  if (isComparing()) void closeCompare();
  return true;
}

/**
 * Opens a scenario file the app itself serves (`?scenario=scenarios/mm1.json`): same origin
 * only, so a link cannot make the page fetch from elsewhere. Problems are reported like a file's.
 */
export async function openScenarioUrl(path: string): Promise<boolean> {
  const url = new URL(path, location.href);
  const fail = (key: 'scenarioUrlError' | 'scenarioUrlForeign', detail = '') => {
    const issue = (lang: Lang) => [{ path: 'scenario', message: translate(lang, key, { url: path, detail }) }];
    reject('rejectedFile', { en: issue('en'), es: issue('es') });
    return false;
  };
  if (url.origin !== location.origin) return fail('scenarioUrlForeign');
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) return fail('scenarioUrlError', `HTTP ${response.status}`);
    text = await response.text();
  } catch (e) {
    return fail('scenarioUrlError', (e as Error).message);
  }
  return openScenarioText(text);
}

/** Reads a file the user picked or dropped, then opens it. */
export async function openScenarioFile(file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    const issue = (lang: Lang) => [{ path: file.name, message: translate(lang, 'fileReadError', { detail: (e as Error).message }) }];
    reject('rejectedFile', { en: issue('en'), es: issue('es') });
    return false;
  }
  return openScenarioText(text);
}

/**
 * Opens a share link's hash. An empty hash opens the default scenario when nothing is shown
 * yet; a broken link is reported and the scenario on screen stays.
 */
export async function openHash(hash: string): Promise<void> {
  if (hash.replace(/^#/, '') === '') {
    const search = new URLSearchParams(location.search);
    const url = search.get('scenario');
    if (!appStore.getState().scenario && url !== null) await openScenarioUrl(url);
    if (!appStore.getState().scenario) openBuiltin(DEFAULT_SCENARIO);
    // `?compare=comparisons/mine.json` opens compare mode over the scenario, as a comparison link does.
    const comparison = search.get('compare');
    if (comparison !== null && !isComparing()) await openComparisonUrl(comparison);
    return;
  }
  const result = await decodeShareHash(hash);
  if (!result.ok) {
    const first = !appStore.getState().scenario;
    if (first) {
      const scenario = builtin(DEFAULT_SCENARIO)!;
      controller.load(scenario, { source: { kind: 'builtin', id: scenario.id } });
    }
    reject('rejectedLink', result.issues, first ? 'default' : 'unchanged');
    return;
  }
  const { scenario, builtinId, seed, recorded } = result.run;
  const source = builtinId ? ({ kind: 'builtin', id: builtinId } as const) : ({ kind: 'custom' } as const);
  if (controller.load(scenario, { source, seed, recorded })) {
    appStore.setState({ notice: null });
    openTourFromHash(hash);
  }
}

/** The full share link of what is on screen: scenario, seed and recorded actions. */
export async function shareLink(): Promise<string> {
  const { scenario, source, seed } = appStore.getState();
  if (!scenario) return location.href;
  const hash = await encodeShareHash({
    scenario, builtinId: source.kind === 'builtin' ? source.id : undefined, seed, recorded: [...controller.recorded],
  });
  return `${location.origin}${location.pathname}${location.search}${hash}${tourHashParams()}`;
}

function reject(
  title: 'rejectedFile' | 'rejectedLink',
  issues: Record<Lang, readonly ScenarioIssue[]>,
  instead: 'unchanged' | 'default' = 'unchanged',
): void {
  appStore.setState({ notice: { title, issues, instead } });
}

// replaceState does not fire hashchange: only links the user opens are loaded.
function setHash(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}
