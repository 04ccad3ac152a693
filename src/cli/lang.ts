import type { Lang } from '../sim/engine/errors';

/**
 * The language to speak: `--lang` when given, else the locale of the environment (LC_ALL, then
 * LC_MESSAGES, then LANG, as POSIX reads them): Spanish for any es* locale, English otherwise.
 */
export function langOf(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | { bad: string } {
  if (flag !== undefined) return flag === 'en' || flag === 'es' ? flag : { bad: flag };
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^es(?:[_.@-]|$)/i.test(locale) ? 'es' : 'en';
}

/** `--lang`'s value in raw arguments (`--lang es` or `--lang=es`), read before the rest so every message can use it. */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (a === '--lang') return argv[i + 1] ?? '';
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}
