/**
 * The headless runner: `npm run sim -- <scenario or comparison file, or built-in id> [--until 60s] [--seed 42]
 * [--json] [--max-events 50000000] [--max-wall 60s] [--lang en|es]`.
 * Runs a scenario in Node, with no browser, and prints a summary (or one JSON document). A
 * comparison (file or built-in id) runs all its columns on one clock and prints the scoreboard.
 * A bad argument or file, or a run stopped by a limit (the engine's own, or --max-events /
 * --max-wall), prints what is wrong and exits with code 2; never a stack trace. Errors are in
 * English or Spanish: `--lang`, else the environment's locale (LC_ALL, LC_MESSAGES, LANG).
 */
import './jitless';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ComparisonRun } from '../compare/run';
import { ComparisonInputError, loadComparison } from '../compare/load';
import { scoreboardText } from '../compare/table';
import { BUILTIN_IDS, builtin } from '../scenarios';
import { formatIssues, phrase, type Lang, type MessageKey } from '../sim/engine/errors';
import { type Scenario } from '../sim/engine/scenario';
import { Simulation, type RunReport } from '../sim/engine/simulation';
import { CATALOG, parseScenarioText } from '../sim/catalog';
import { LimitError } from '../sim/engine/limits';
import { langFlag, langOf } from './lang';

/** Events a run may take by default: a sweep in CI can never hang (mm1 for an hour is about 0.1 M). */
export const DEFAULT_MAX_EVENTS = 50_000_000;
/** Wall-clock time a run may take by default, ms. */
export const DEFAULT_MAX_WALL_MS = 60_000;
/** Events run between two looks at the wall clock. */
const CHUNK = 50_000;

/** What the runner writes to; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  /** Wall-clock ms, for --max-wall; tests pass a fake one. */
  wallMs?: () => number;
  /** The environment whose locale picks the language when there is no --lang (process.env by default). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A bad argument or file: its message in either language (`message` is the English one). */
class UsageError extends Error {
  constructor(readonly text: (lang: Lang) => string) {
    super(text('en'));
  }

  static of(key: MessageKey, params: Record<string, string | number> = {}): UsageError {
    return new UsageError((lang) => phrase(lang, key, params));
  }
}

/** Parses "90s", "5m", "1h", "250ms" or a bare number of milliseconds into ms. */
export function parseDuration(text: string, option = '--until'): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw UsageError.of('badDuration', { option, text });
  const n = Number(m[1]);
  const unit = m[2] ?? 'ms';
  return n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
}

function loadScenario(target: string, io: Io, lang: Lang): Scenario {
  const known = builtin(target);
  if (known) return known;
  let text: string;
  try {
    text = io.readFile(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !target.includes('/') && !target.endsWith('.json')) {
      throw new UsageError((l) => phrase(l, 'unknownBuiltin', { id: target, ids: BUILTIN_IDS.join(', ') }));
    }
    throw UsageError.of('cannotRead', { file: target, detail: (e as Error).message });
  }
  const result = parseScenarioText(text, lang);
  if (!result.ok) throw new UsageError((l) => `${phrase(l, 'notScenario', { file: target })}\n${formatIssues(result.issues)}`);
  return result.scenario;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export function main(argv: string[], io: Io): number {
  // The language first, so that every message, even about the other arguments, is in it.
  const chosen = langOf(langFlag(argv), io.env ?? process.env);
  const lang: Lang = typeof chosen === 'string' ? chosen : 'en';
  try {
    if (typeof chosen !== 'string') throw UsageError.of('badLang', { text: chosen.bad });
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        until: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean', default: false },
        'max-events': { type: 'string' }, 'max-wall': { type: 'string' }, lang: { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw UsageError.of(positionals.length === 0 ? 'noScenario' : 'oneScenario');
    let seed: number | undefined;
    if (values.seed !== undefined) {
      if (!/^-?\d+$/.test(values.seed)) throw UsageError.of('badSeed', { text: values.seed });
      seed = Number(values.seed);
    }
    let maxEvents = DEFAULT_MAX_EVENTS;
    if (values['max-events'] !== undefined) {
      if (!/^\d+$/.test(values['max-events']) || Number(values['max-events']) < 1) {
        throw UsageError.of('badMaxEvents', { text: values['max-events'] });
      }
      maxEvents = Number(values['max-events']);
    }
    const maxWall = values['max-wall'] !== undefined ? parseDuration(values['max-wall'], '--max-wall') : DEFAULT_MAX_WALL_MS;
    const comparison = loadComparison(positionals[0]!, io.readFile, lang);
    if (comparison) {
      const run = new ComparisonRun(comparison.comparison, comparison.columns, seed);
      const until = values.until !== undefined ? parseDuration(values.until) : comparison.columns[0]!.scenario.durationMs;
      runComparisonBounded(run, until, maxEvents, maxWall, io.wallMs ?? (() => performance.now()));
      const report = run.report();
      io.out(values.json ? JSON.stringify(report, null, 2) : scoreboardText(report));
      return 0;
    }
    const scenario = loadScenario(positionals[0]!, io, lang);
    const until = values.until !== undefined ? parseDuration(values.until) : scenario.durationMs;
    const sim = new Simulation(CATALOG, scenario, { seed });
    runBounded(sim, until, maxEvents, maxWall, io.wallMs ?? (() => performance.now()));
    const report = sim.report();
    io.out(values.json ? JSON.stringify(report, null, 2) : summary(report));
    return 0;
  } catch (e) {
    const usage = phrase(lang, 'usage');
    if (e instanceof UsageError) {
      io.err(`${e.text(lang)}\n${usage}`);
      return 2;
    }
    if (e instanceof ComparisonInputError) {
      io.err(`${e.message}\n${usage}`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${argumentsText(e as Error, code, lang)}\n${usage}`);
      return 2;
    }
    if (e instanceof LimitError) {
      io.err(e.text(lang));
      return 2;
    }
    // A bug, not bad input: say so in one line, without a stack trace.
    io.err(phrase(lang, 'internal', { detail: e instanceof Error ? e.message : String(e) }));
    return 1;
  }
}

/** Node's parseArgs errors are in English: the runner names the option in the chosen language. */
function argumentsText(e: Error, code: string, lang: Lang): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  if (option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return phrase(lang, 'unknownOption', { option });
  if (option && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return phrase(lang, 'optionValue', { option });
  return phrase(lang, 'badArguments', { detail: e.message });
}

/** The same bounds for a comparison: its columns' events together, and the wall clock, checked a second of simulated time at a time. */
function runComparisonBounded(run: ComparisonRun, until: number, maxEvents: number, maxWallMs: number, wallMs: () => number): void {
  const start = wallMs();
  const events = () => run.sims.reduce((n, sim) => n + sim.events, 0);
  for (let t = Math.min(until, run.now + 1000); ; t = Math.min(until, t + 1000)) {
    if (!run.runUntil(t, maxEvents - events())) throw LimitError.of('limitEvents', { max: maxEvents, t: run.now });
    if (wallMs() - start > maxWallMs) throw LimitError.of('limitWall', { max: maxWallMs, t: run.now });
    if (t >= until) return;
  }
}

/** Runs `sim` to `until` in chunks, throwing a LimitError past `maxEvents` events or `maxWallMs` of wall time. */
export function runBounded(sim: Simulation, until: number, maxEvents: number, maxWallMs: number, wallMs: () => number): void {
  const start = wallMs();
  for (;;) {
    const left = maxEvents - sim.events;
    if (sim.runUntil(until, Math.min(CHUNK, left))) return;
    if (sim.events >= maxEvents) throw LimitError.of('limitEvents', { max: maxEvents, t: sim.now });
    if (wallMs() - start > maxWallMs) throw LimitError.of('limitWall', { max: maxWallMs, t: sim.now });
  }
}

const SHOWN = new Set(['kind', 'online', 'backlog', 'processed', 'latencyMs']);

/**
 * `n` with at most three decimals and commas between thousands, as `toLocaleString('en')` writes it.
 * Written out because the first `toLocaleString` call loads ICU's number formatting, about 25 ms of
 * a start-up the issue budgets at 300 ms.
 */
export function grouped(n: number): string {
  const [whole, frac] = String(Math.round(n * 1000) / 1000).split('.');
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

/** A readable summary of a run for the terminal. */
export function summary(r: RunReport): string {
  const t = r.totals;
  const lines = [
    `${r.scenario}  seed ${r.seed}  ${grouped(r.simulatedMs / 1000)} s simulated  ${grouped(r.events)} events`,
    '',
    `published ${t.published}  copies ${t.copies}  delivered ${t.delivered}  processed ${t.processed}  duplicates ${t.duplicates}`,
    `now: in transit ${t.inTransit}  buffered ${t.buffered}  processing ${t.processing}  done ${t.done}  dead-lettered ${t.deadLettered}  dropped ${t.dropped}`,
    '',
  ];
  for (const [id, n] of Object.entries(r.nodes)) {
    const parts = [`${id} (${n.kind}${n.online ? '' : ', offline'})`];
    if (n.backlog) parts.push(`backlog now ${n.backlog.now}, max ${n.backlog.max}, mean ${n.backlog.timeAvg}`);
    if (n.processed) parts.push(`processed ${n.processed}`);
    if (n.latencyMs) parts.push(`latency ms mean ${n.latencyMs.mean}, p50 ${n.latencyMs.p50}, p95 ${n.latencyMs.p95}, p99 ${n.latencyMs.p99}, max ${n.latencyMs.max}`);
    // The model's own counters (published, redelivered, lag, retries, ...), when they are plain numbers or words.
    const own = Object.entries(n).filter(([k, v]) => !SHOWN.has(k) && (typeof v === 'number' || typeof v === 'string') && v !== 0);
    if (own.length > 0) parts.push(own.map(([k, v]) => `${k} ${v}`).join(', '));
    lines.push(parts.join('  ·  '));
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2), {
    out: (s) => console.log(s),
    err: (s) => console.error(s),
    readFile: (p) => readFileSync(p, 'utf8'),
  });
}
