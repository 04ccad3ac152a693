import type { StateCreator } from 'zustand';
import type { Lang, ScenarioIssue } from '../../sim/engine/errors';
import type { DictKey } from '../../i18n/en';

/** An error the user caused (a bad file, a broken link), phrased in both languages, each issue located. */
export interface Notice {
  title: DictKey;
  issues: Readonly<Record<Lang, readonly ScenarioIssue[]>>;
  /** What is on screen instead: the scenario as it was, the default (nothing was shown yet), or nothing to say. */
  instead?: 'unchanged' | 'default';
}

/** The error banner's content. */
export interface NoticeSlice {
  notice: Notice | null;
  dismissNotice: () => void;
}

/** No error showing. */
export const noticeSlice: StateCreator<NoticeSlice> = (set) => ({
  notice: null,
  dismissNotice: () => set({ notice: null }),
});
