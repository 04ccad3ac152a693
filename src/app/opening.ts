import { bothLanguages, type BilingualIssues, type Lang, type ScenarioIssue } from '../sim/engine/errors';
import type { DictKey } from '../i18n/en';
import { translate } from '../i18n/translate';
import { appStore } from '../store/appStore';
import type { Notice } from '../store/slices/noticeSlice';

// The one path by which scenarios and comparisons are opened from what the user gives (a file,
// a paste, a drop, a same-origin URL, a link): read it, and either show it or refuse it with its
// problems located in both languages while what is on screen stays. loader.ts (scenarios) and
// compare/openCompare.ts (comparisons) differ only in what they read and what they show.

/** A read of untrusted input that failed: its problems in both languages. */
export interface Refused {
  ok: false;
  issues: BilingualIssues;
}

type Read = { ok: true } | { ok: false; issues: ScenarioIssue[] };

/**
 * Reads untrusted input with `read` (a parser that phrases its problems in one language): the
 * English result when it is accepted, else its problems in both languages. The Spanish reading
 * runs only for a refusal.
 */
export function readInBothLanguages<R extends Read>(read: (lang: Lang) => R): Extract<R, { ok: true }> | Refused {
  const en: Read = read('en');
  if (en.ok) return en as Extract<R, { ok: true }>;
  const es: Read = read('es');
  return { ok: false, issues: { en: en.issues, es: es.ok ? [] : es.issues } };
}

/**
 * The text of a file the app itself serves (`?scenario=…`, `?compare=…`), or why not, located at
 * `where`. Same origin only (`foreign` says so otherwise), so a link cannot make the page fetch
 * from elsewhere.
 */
export async function fetchOwnFile(path: string, where: string, foreign: DictKey): Promise<{ ok: true; text: string } | Refused> {
  const fail = (key: DictKey, detail = ''): Refused => ({
    ok: false,
    issues: bothLanguages(where, (lang) => translate(lang, key, { url: path, detail })),
  });
  let url: URL;
  try {
    url = new URL(path, location.href);
  } catch (e) {
    return fail('scenarioUrlError', (e as Error).message);
  }
  if (url.origin !== location.origin) return fail(foreign);
  try {
    const response = await fetch(url);
    if (!response.ok) return fail('scenarioUrlError', `HTTP ${response.status}`);
    return { ok: true, text: await response.text() };
  } catch (e) {
    return fail('scenarioUrlError', (e as Error).message);
  }
}

/** The text of a file the user picked or dropped, or why it cannot be read, located at its name. */
export async function readUserFile(file: File): Promise<{ ok: true; text: string } | Refused> {
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, issues: bothLanguages(file.name, (lang) => translate(lang, 'fileReadError', { detail: (e as Error).message })) };
  }
}

/**
 * Refuses an input: the notice says what was not opened (`title`) and each problem, and what is
 * on screen `instead`. Nothing else changes. Returns false, for the opener to return.
 */
export function refuse(title: DictKey, issues: BilingualIssues, instead?: Notice['instead']): false {
  appStore.setState({ notice: { title, issues, instead } });
  return false;
}

/** An input was opened: any earlier notice goes, and the address bar says what is shown. */
export function opened(hash: string): void {
  appStore.setState({ notice: null });
  setHash(hash);
}

/** Puts `hash` in the address bar. replaceState does not fire hashchange: only links the user opens are loaded. */
export function setHash(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}
