import { useApp } from '../store/appStore';
import { translator, type T } from './translate';
import type { Lang } from '../sim/engine/errors';

/** The current language and its translator; re-renders the caller when the language changes. */
export function useT(): { t: T; lang: Lang } {
  const lang = useApp((s) => s.lang);
  return { t: translator(lang), lang };
}
