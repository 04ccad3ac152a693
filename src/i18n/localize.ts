import type { Lang } from '../sim/engine/errors';

/** Text as scenario files carry it: one string for both languages, or one per language. */
export type Localizable = string | { en: string; es: string } | undefined;

/** The text in `lang`; `fallback` when there is none. */
export function localize(text: Localizable, lang: Lang, fallback = ''): string {
  if (text === undefined) return fallback;
  return typeof text === 'string' ? text : text[lang];
}
