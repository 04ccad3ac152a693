import type { StateCreator } from 'zustand';
import type { Lang } from '../../sim/engine/errors';

/** The interface language. */
export interface LangSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

/** Starts in `initial` (the saved choice or the browser's language). */
export const langSlice =
  (initial: Lang): StateCreator<LangSlice> =>
  (set) => ({
    lang: initial,
    setLang: (lang) => set({ lang }),
  });
