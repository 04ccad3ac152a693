import type { Lang } from '../../sim/engine/errors';
import { installReasons } from './reasonLookup';
import { REASONS } from './reasonTable';

/** How a node id reads in a reason (its label); the id itself when not given. */
type NameOf = (id: string) => string;
/** How a kind id reads in a reason (its name in the reader's language); the id itself when not given. */
type KindNameOf = (kind: string) => string;

interface Pattern {
  /** The key as the model writes it, with `{placeholders}`. */
  key: string;
  re: RegExp;
  names: string[];
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** What each placeholder matches, by its name's start (see REASONS). */
function partOf(name: string): string {
  if (name.startsWith('node')) return '([^\\s:()“”,;]+)';
  if (name.startsWith('kind')) return '([\\w-]+)';
  if (name.startsWith('n')) return '(-?\\d+(?:\\.\\d+)?)';
  if (name.startsWith('reason')) return '(.+)';
  return '(.+?)';
}

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** The keys with placeholders, compiled; the most literal text first, so "a: {reason}" wins over "{node}: {reason}". */
const PATTERNS: readonly Pattern[] = Object.keys(REASONS)
  .filter((key) => key.includes('{'))
  .map((key) => {
    const names: string[] = [];
    let source = '';
    let at = 0;
    for (const m of key.matchAll(PLACEHOLDER)) {
      source += escape(key.slice(at, m.index)) + partOf(m[1]!);
      names.push(m[1]!);
      at = m.index + m[0].length;
    }
    source += escape(key.slice(at));
    return { key, re: new RegExp(`^${source}$`), names };
  })
  .sort((a, b) => b.key.replace(PLACEHOLDER, '').length - a.key.replace(PLACEHOLDER, '').length);

/** The reason in `lang`, or undefined when the table does not know it (nested reasons included). */
export function knownReason(reason: string, lang: Lang, name: NameOf = (id) => id, kindName: KindNameOf = (kind) => kind): string | undefined {
  const exact = REASONS[reason];
  if (exact !== undefined) return lang === 'es' ? exact : reason;
  for (const p of PATTERNS) {
    const m = p.re.exec(reason);
    if (!m) continue;
    const values: Record<string, string> = {};
    let ok = true;
    p.names.forEach((placeholder, i) => {
      const raw = m[i + 1]!;
      if (placeholder.startsWith('reason')) {
        const inner = knownReason(raw, lang, name, kindName);
        if (inner === undefined) ok = false;
        else values[placeholder] = inner;
      } else values[placeholder] = placeholder.startsWith('node') ? name(raw) : placeholder.startsWith('kind') ? kindName(raw) : raw;
    });
    if (!ok) continue;
    const template = lang === 'es' ? REASONS[p.key]! : p.key;
    return template.replace(PLACEHOLDER, (_, placeholder: string) => values[placeholder] ?? `{${placeholder}}`);
  }
  return undefined;
}

/**
 * A reason from the trace as the UI shows it: in `lang`, node ids as their labels, kind ids as
 * the kinds' names. A reason the table lacks (a test keeps that from happening) is shown as the
 * model wrote it.
 */
export function reasonText(reason: string, lang: Lang, name?: NameOf, kindName?: KindNameOf): string {
  return knownReason(reason, lang, name, kindName) ?? reason;
}

// The narrators (catalog.ts) read reasons through reasonLookup.ts once this module has loaded.
installReasons(reasonText);
