import { bothLanguages } from '../sim/engine/errors';
import { LimitError } from '../sim/engine/limits';
import type { DictKey } from '../i18n/en';
import { translate } from '../i18n/translate';
import type { Notice } from '../store/slices/noticeSlice';

/**
 * The notice for what the engine threw: a run stopped at a limit or a refused action says why
 * in both languages, anything else is shown as an engine error. A scenario the engine refused
 * to load (`rejectedFile`) leaves the one on screen unchanged.
 */
export function engineNotice(e: unknown, title: DictKey = 'engineStopped'): Notice {
  const detail = e instanceof Error ? e.message : String(e);
  const issues = bothLanguages('', (lang) => (e instanceof LimitError ? e.text(lang) : translate(lang, 'engineError', { detail })));
  return { title, issues, instead: title === 'rejectedFile' ? 'unchanged' : undefined };
}
