import type { StateCreator } from 'zustand';
import type { Lang } from '../../sim/engine/errors';
import { loadLang } from '../../i18n/translate';

/** The interface language. */
export interface LangSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

/** Starts in `initial` (the saved choice or the browser's language); a switch waits for the language's strings (preloaded when idle). */
export const langSlice =
  (initial: Lang): StateCreator<LangSlice> =>
  (set) => ({
    lang: initial,
    setLang: (lang) => void loadLang(lang).then(() => set({ lang })),
  });
