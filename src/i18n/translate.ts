import type { Lang } from '../sim/engine/errors';
import { en, type Dict, type DictKey } from './en';
import { es } from './es';

export type { Lang };

const DICTS: Readonly<Record<Lang, Dict>> = { en, es };

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
  const text = DICTS[lang][key];
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
