import type { Lang } from '../sim/engine/errors';

/**
 * What the headless runner says about its own arguments, in both languages. Problems in a
 * scenario or comparison file, and runs stopped by a limit, use the engine's own bilingual
 * texts (engine/errors.ts), the same the app shows.
 */
const CLI_MESSAGES = {
  usage: {
    en: 'usage: npm run sim -- <scenario.json | comparison.json | built-in id> [--until 60s] [--seed 42] [--json] [--max-events 50000000] [--max-wall 60s] [--lang en|es]',
    es: 'uso: npm run sim -- <escenario.json | comparación.json | id incorporado> [--until 60s] [--seed 42] [--json] [--max-events 50000000] [--max-wall 60s] [--lang en|es]',
  },
  noScenario: { en: 'no scenario given', es: 'no se ha indicado ningún escenario' },
  oneScenario: { en: 'give one scenario only', es: 'indica un solo escenario' },
  badDuration: {
    en: '{option}: "{text}" is not a duration (try 60s, 5m, 1h or 250ms)',
    es: '{option}: "{text}" no es una duración (prueba 60s, 5m, 1h o 250ms)',
  },
  badSeed: { en: '--seed: "{text}" is not an integer', es: '--seed: "{text}" no es un número entero' },
  badMaxEvents: { en: '--max-events: "{text}" is not a positive integer', es: '--max-events: "{text}" no es un entero positivo' },
  badLang: { en: '--lang: "{text}" is not a language microsim speaks (en, es)', es: '--lang: "{text}" no es un idioma de microsim (en, es)' },
  unknownOption: { en: 'unknown option {option}', es: 'opción desconocida {option}' },
  optionValue: { en: 'the option {option} needs a value', es: 'la opción {option} necesita un valor' },
  badArguments: { en: 'bad arguments: {detail}', es: 'argumentos incorrectos: {detail}' },
  cannotRead: { en: 'cannot read {file}: {detail}', es: 'no se puede leer {file}: {detail}' },
  notScenario: { en: '{file} is not a valid scenario:', es: '{file} no es un escenario válido:' },
  internal: {
    en: 'microsim stopped on an internal error (please report it): {detail}',
    es: 'microsim se detuvo por un error interno (avísanos, por favor): {detail}',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** The key of one of the runner's own messages. */
export type CliMessageKey = keyof typeof CLI_MESSAGES;

/** Phrases the runner's message `key` in `lang`, filling `{name}` placeholders from `params`. */
export function cliPhrase(lang: Lang, key: CliMessageKey, params: Record<string, string | number> = {}): string {
  return CLI_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

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
