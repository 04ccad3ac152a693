import { BUILTIN_IDS } from '../scenarios';
import { appStore } from '../store/appStore';
import { controller } from './runtime';
import { builtinHash, decodeShareHash, encodeShareHash } from './shareLink';
import { parseScenarioText } from '../sim/catalog';
import { tourHashParams, openTourFromHash } from '../components/tour/tourLink';
import { closeCompare, isComparing } from './compare/openCompare';
import { isComparisonText, openComparisonText, openComparisonUrl } from './compare/openCompareFile';
import { builtinScenario } from './loaderBuiltins';
import { fetchOwnFile, opened, readInBothLanguages, readUserFile, refuse, setHash } from './opening';

/** The scenario shown when nothing else is asked for. */
export const DEFAULT_SCENARIO = BUILTIN_IDS[0]!;

/** Opens the built-in scenario `id` and puts it in the address bar. */
export function openBuiltin(id: string): void {
  if (loadBuiltin(id)) showBuiltin(id);
}

/**
 * Loads the built-in scenario `id`, the address bar left as it is (and, with `figuresLater`, the
 * cards' figures until `controller.showFigures()`); returns whether it loaded.
 */
export function loadBuiltin(id: string, figuresLater = false): boolean {
  const scenario = builtinScenario(id);
  return scenario !== undefined && controller.load(scenario, { source: { kind: 'builtin', id }, figuresLater });
}

/** Puts the built-in scenario `id` in the address bar. */
export function showBuiltin(id: string): void {
  setHash(builtinHash(id));
}

/**
 * Opens scenario JSON from a file, a paste or a drop. A malformed scenario is rejected with
 * its located problems in both languages, and the scenario on screen stays as it was.
 * A comparison file (it says what it `compare`s) opens compare mode instead, asynchronously.
 */
export function openScenarioText(text: string): boolean | Promise<boolean> {
  if (isComparisonText(text)) return openComparisonText(text);
  const read = readInBothLanguages((lang) => parseScenarioText(text, lang));
  if (!read.ok) return refuse('rejectedFile', read.issues, 'unchanged');
  if (!controller.load(read.scenario, { source: { kind: 'custom' } })) return false;
  opened('');
  if (isComparing()) void closeCompare();
  return true;
}

/**
 * Opens a scenario file the app itself serves (`?scenario=scenarios/mm1.json`): same origin
 * only, so a link cannot make the page fetch from elsewhere. Problems are reported like a file's.
 */
export async function openScenarioUrl(path: string): Promise<boolean> {
  const file = await fetchOwnFile(path, 'scenario', 'scenarioUrlForeign');
  return file.ok ? openScenarioText(file.text) : refuse('rejectedFile', file.issues, 'unchanged');
}

/** Reads a file the user picked or dropped, then opens it. */
export async function openScenarioFile(file: File): Promise<boolean> {
  const read = await readUserFile(file);
  return read.ok ? openScenarioText(read.text) : refuse('rejectedFile', read.issues, 'unchanged');
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
      const scenario = builtinScenario(DEFAULT_SCENARIO)!;
      controller.load(scenario, { source: { kind: 'builtin', id: scenario.id } });
    }
    refuse('rejectedLink', result.issues, first ? 'default' : 'unchanged');
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
