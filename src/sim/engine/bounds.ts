import { phrase, type Lang, type ScenarioIssue } from './errors';
import { LIMITS } from './limits';

/**
 * Checks, before any schema, that a parsed document is of a size the app can afford: no
 * value nested deeper than LIMITS.depth (a 100,000-deep value breaks JSON.stringify in the
 * event log and in Share), and no more nodes, links or actions than the caps. Linear in the
 * size of the document, and stops at the first value too deep, so a hostile document costs
 * no more than reading it.
 */
export function boundsIssues(data: unknown, lang: Lang): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const doc = data as Record<string, unknown>;
    for (const [field, max] of [['nodes', LIMITS.nodes], ['links', LIMITS.links], ['actions', LIMITS.actions]] as const) {
      const list = doc[field];
      if (Array.isArray(list) && list.length > max) {
        issues.push({ path: field, message: phrase(lang, 'tooMany', { count: list.length, max }) });
      }
    }
  }
  // Too many entries already says enough, without reading them all.
  return issues.length > 0 ? issues : depthIssues(data, lang);
}

/** The value nested deeper than LIMITS.depth, located, or no issue: the guard every untrusted document passes first. */
export function depthIssues(data: unknown, lang: Lang): ScenarioIssue[] {
  const deep = tooDeepAt(data, LIMITS.depth);
  return deep === undefined ? [] : [{ path: deep, message: phrase(lang, 'tooDeep', { max: LIMITS.depth }) }];
}

/** Untrusted JSON text (a file, a paste) parsed, or its one problem: more than LIMITS.fileChars characters, or not JSON. */
export type JsonRead = { ok: true; data: unknown } | { ok: false; issues: ScenarioIssue[] };

/** Reads untrusted JSON text of at most LIMITS.fileChars characters. Never throws. */
export function readJsonText(text: string, lang: Lang): JsonRead {
  if (text.length > LIMITS.fileChars) return { ok: false, issues: [{ path: '', message: phrase(lang, 'tooLarge', { max: LIMITS.fileChars }) }] };
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: phrase(lang, 'notJson', { detail: (e as Error).message }) }] };
  }
}

/**
 * The path of the first value nested deeper than `max` levels, or undefined. Iterative, so
 * a deep document cannot overflow the stack here.
 */
export function tooDeepAt(data: unknown, max: number): string | undefined {
  // First without paths (cheap); the path is rebuilt only for a document that is too deep.
  const values: unknown[] = [data];
  const depths: number[] = [0];
  let found = false;
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth >= max) {
      found = true;
      break;
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child && typeof child === 'object') {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return found ? pathToDepth(data, max) : undefined;
}

function pathToDepth(data: unknown, max: number): string {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: data, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth >= max) return path;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: depth + 1, path: `${path}[${i}]` });
    } else {
      for (const key of Object.keys(value)) {
        stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return '';
}
