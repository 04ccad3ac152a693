import { loadPhrases } from '../components/models/phraseStore';
import { loadFieldNames } from '../i18n/fieldNames';
import { loadLang } from '../i18n/translate';
import type { Scenario } from '../sim/engine/scenario';
import { appStore } from '../store/appStore';
import type { ScenarioSource } from '../store/slices/scenarioSlice';
import { nextTask } from './idle';
import { controller } from './runtime';
import { DEFAULT_BUILTIN, DEFAULT_SCENARIO } from './firstScreen';

/**
 * The loader (loader.ts) as the first screen calls it: each entry point waits for the engine
 * chunk (engineRuntime.ts, which brings the loader and the real controller), so nothing on the
 * first screen imports the engine. The chunk is requested once; later calls find it there.
 * It also waits for the strings of the language shown (their own chunk, see translate.ts), which
 * what it opens or refuses may need, and for the families' event sentences (phraseStore.ts) and the setting names (fieldNames.ts).
 */
export const engine = () =>
  Promise.all([import('./engineRuntime'), loadLang(appStore.getState().lang), loadPhrases(), loadFieldNames()]).then(([loader]) => loader);

/** Opens the built-in scenario `id` (the scenario picker). */
export async function openBuiltin(id: string): Promise<void> {
  (await engine()).openBuiltin(id);
}

/** Opens a scenario file the user picked or dropped. */
export async function openScenarioFile(file: File): Promise<boolean> {
  return (await engine()).openScenarioFile(file);
}

/** Opens scenario (or comparison) JSON from a paste. */
export async function openScenarioText(text: string): Promise<boolean> {
  return (await engine()).openScenarioText(text);
}

/** Opens a share link's hash (see loader.ts). */
export async function openHash(hash: string): Promise<void> {
  return (await engine()).openHash(hash);
}

/** The share link of what is on screen. */
export async function shareLink(): Promise<string> {
  return (await engine()).shareLink();
}

/**
 * Whether the page opens on the default scenario: no share link (or exactly the default's own,
 * `#s=<id>`, which the address bar shows after a first visit), no `?scenario=` or `?compare=`.
 * Then the first screen is drawn from the build-time copy before the engine arrives.
 */
export function opensOnDefault(): boolean {
  const search = new URLSearchParams(location.search);
  const hash = location.hash.replace(/^#/, '');
  return (hash === '' || hash === `s=${encodeURIComponent(DEFAULT_SCENARIO)}`) && !search.has('scenario') && !search.has('compare');
}

/**
 * Draws the default scenario before the engine has arrived: the cards, links and controls show
 * its t = 0 state from the build-time copy (firstScreen.ts). Play, Step and the rest wait for the
 * controller (runtime.ts).
 */
export function showDefaultFirst(): void {
  const scenario: Scenario = DEFAULT_BUILTIN;
  appStore.setState({ scenario, source: { kind: 'builtin', id: DEFAULT_SCENARIO }, seed: scenario.seed, loadId: 1 });
}

/**
 * When the engine arrives: loads the default scenario for real (with its tour, parsed at build
 * time like the first screen's copy: loaderBuiltins.ts), keeping the canvas as laid out (same
 * load id), the card picked and the scenario picker as they are, unless the user already opened
 * something else. Three tasks, one store update each, so that none is long on a slow phone: the
 * run and its tour (what draws only from the scenario's nodes and links is not drawn again:
 * drawnScenario), the cards' figures, the address bar.
 */
export async function adoptDefault(): Promise<void> {
  const loader = await engine();
  const { loadId, source, selected } = appStore.getState();
  if (!isFirstScreen(loadId, source)) return;
  if (!loader.loadBuiltin(DEFAULT_SCENARIO, true)) return;
  // The same scenario: a card picked before the engine came stays picked (its inspector open).
  appStore.setState({ loadId, selected, source });
  // Then, each in a task of its own: the cards' figures, and the address bar.
  await nextTask();
  if (!isFirstScreen(appStore.getState().loadId, appStore.getState().source)) return;
  controller.showFigures();
  await nextTask();
  if (isFirstScreen(appStore.getState().loadId, appStore.getState().source)) loader.showBuiltin(DEFAULT_SCENARIO);
}

/** Whether the screen still shows the first screen's default (the user has opened nothing else). */
function isFirstScreen(loadId: number, source: ScenarioSource): boolean {
  return loadId === 1 && source.kind === 'builtin' && source.id === DEFAULT_SCENARIO;
}
