import type { Lang } from '../sim/engine/errors';
import type { Dict, DictKey } from './en';

export type { Lang };

/**
 * The interface's strings, one chunk per language (en.ts, es.ts): only the language shown is
 * in the first load. The app waits for it before it renders (App.tsx, `LanguageReady`) and
 * before the engine does anything (lazyLoader.ts); the other is fetched when the browser is
 * idle, so a switch is instant, and `setLang` (langSlice.ts) waits for it if it is not there
 * yet. Unit tests load both first (src/i18n/testSetup.ts).
 */
const DICTS: Partial<Record<Lang, Dict>> = {};
const LOADERS: Readonly<Record<Lang, () => Promise<Dict>>> = {
  en: () => import('./en').then((m) => m.en),
  es: () => import('./es').then((m) => m.es),
};
const loading = new Map<Lang, Promise<void>>();

/** Whether `lang`'s strings are there. */
export function hasLang(lang: Lang): boolean {
  return DICTS[lang] !== undefined;
}

/** Loads `lang`'s strings (once); resolves when `translate` can use them (the same promise every call). */
export function loadLang(lang: Lang): Promise<void> {
  let done = loading.get(lang);
  if (!done) {
    done = LOADERS[lang]().then((dict) => void (DICTS[lang] = dict));
    loading.set(lang, done);
  }
  return done;
}

/** The languages the interface speaks, in switcher order, each named in itself. */
export const LANGS: readonly { lang: Lang; name: string; short: string }[] = [
  { lang: 'en', name: 'English', short: 'EN' },
  { lang: 'es', name: 'Español', short: 'ES' },
];

/** Placeholder values for a phrase. */
export type Params = Readonly<Record<string, string | number>>;

/** A bound translator: the phrase for `key` in one language, placeholders filled. */
export type T = (key: DictKey, params?: Params) => string;

/** The phrase for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(lang: Lang, key: DictKey, params?: Params): string {
  // A language is loaded before the store can switch to it (langSlice.ts); English is the fallback.
  const text = (DICTS[lang] ?? DICTS.en ?? DICTS.es)![key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

const bound = new Map<Lang, T>(
  (['en', 'es'] as const).map((lang) => [lang, (key: DictKey, params?: Params) => translate(lang, key, params)]),
);

/** A stable translator for `lang` (the same function every call, so it can be a hook dependency). */
export function translator(lang: Lang): T {
  return bound.get(lang)!;
}

/** The browser's preferred language if microsim speaks it, else English. */
export function browserLang(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().slice(0, 2);
    if (base === 'es' || base === 'en') return base;
  }
  return 'en';
}

/** Where the learner's choice of language is kept. */
export const LANG_KEY = 'microsim.lang';

/** The language the interface opens in: the learner's last choice, else the browser's. */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'en' || saved === 'es') return saved;
  } catch {
    // Storage can be blocked (or absent, without a DOM); the browser's language is a fine default.
  }
  return browserLang();
}

/**
 * Starts loading the language the interface opens in, then the other one when the browser is
 * idle; resolves when the first is there.
 */
export function loadInitialLang(): Promise<void> {
  const first = initialLang();
  const other = LANGS.find((l) => l.lang !== first)!.lang;
  return loadLang(first).then(() => {
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback : (f: () => void) => setTimeout(f, 200);
    idle(() => void loadLang(other));
  });
}

// In the browser, the strings start loading with the first screen's code.
if (typeof document !== 'undefined') void loadInitialLang();
