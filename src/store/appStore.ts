import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialLang, LANG_KEY } from '../i18n/translate';
import type { Lang } from '../sim/engine/errors';
import type { Scenario } from '../sim/engine/scenario';
import { langSlice, type LangSlice } from './slices/langSlice';
import { liveSlice, type LiveSlice } from './slices/liveSlice';
import { noticeSlice, type NoticeSlice } from './slices/noticeSlice';
import { panelsSlice, type PanelsSlice } from './slices/panelsSlice';
import { playbackSlice, type PlaybackSlice } from './slices/playbackSlice';
import { scenarioSlice, type ScenarioSlice } from './slices/scenarioSlice';
import { selectionSlice, type SelectionSlice } from './slices/selectionSlice';

/** Everything the UI draws from, composed of slices (PanelsSlice: the inspector, event log and charts). */
export type AppState = LangSlice & ScenarioSlice & PlaybackSlice & LiveSlice & NoticeSlice & SelectionSlice & PanelsSlice;

/** The app store's vanilla API: the controller writes through it without React. */
export type AppStore = StoreApi<AppState>;

/** Builds a fresh store (the app has one; tests may build more). */
export function createAppStore(lang: Lang = initialLang()): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...langSlice(lang)(...a),
    ...scenarioSlice(...a),
    ...playbackSlice(...a),
    ...liveSlice(...a),
    ...noticeSlice(...a),
    ...selectionSlice(...a),
    ...panelsSlice(...a),
  }));
  if (typeof document === 'undefined') return store; // unit tests run without a DOM
  store.subscribe((s, prev) => {
    if (s.lang === prev.lang) return;
    document.documentElement.lang = s.lang;
    try {
      localStorage.setItem(LANG_KEY, s.lang);
    } catch {
      // Not saved; the choice still holds for this visit.
    }
  });
  document.documentElement.lang = lang;
  return store;
}

/** The app's one store. */
export const appStore: AppStore = createAppStore();

/** Reads a narrow slice of the app store; re-renders only when the selected value changes. */
export function useApp<U>(selector: (s: AppState) => U): U {
  return useStore(appStore, selector);
}

/** The last scenario `drawnScenario` was given, and the one it gave for it. */
let seen: Scenario | null = null;
let drawn: Scenario | null = null;

/**
 * The scenario on screen as what does not draw its tour sees it (the canvas, its edges, the
 * narration, the totals, the log's names): the same object while only the tour changes. The
 * engine taking the first screen's copy of the default over adds its tour and changes nothing
 * else, so none of those draws again then. Compared once per scenario object, not per call.
 */
export function drawnScenario(s: AppState): Scenario | null {
  const next = s.scenario;
  if (next === seen) return drawn;
  seen = next;
  const was = drawn;
  if (!next || !was || Object.keys({ ...next, ...was }).some((k) => k !== 'tour' && next[k as keyof Scenario] !== was[k as keyof Scenario])) drawn = next;
  return drawn;
}
