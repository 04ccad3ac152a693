/**
 * The headless runner: `npm run sim -- <scenario file or built-in id> [--until 60s] [--seed 42] [--json]`.
 * Runs a scenario in Node, with no browser, and prints a summary (or one JSON document).
 * A bad argument or file prints what is wrong and exits with code 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { BUILTINS, builtin } from '../scenarios';
import { formatIssues, phrase } from '../sim/engine/errors';
import { parseScenarioText, type Scenario } from '../sim/engine/scenario';
import { Simulation, type RunReport } from '../sim/engine/simulation';

const USAGE = 'usage: npm run sim -- <scenario.json | built-in id> [--until 60s] [--seed 42] [--json]';

/** What the runner writes to; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

class UsageError extends Error {}

/** Parses "90s", "5m", "1h", "250ms" or a bare number of milliseconds into ms. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new UsageError(`--until: "${text}" is not a duration (try 60s, 5m, 1h or 250ms)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 'ms';
  return n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
}

function loadScenario(target: string, io: Io): Scenario {
  const known = builtin(target);
  if (known) return known;
  let text: string;
  try {
    text = io.readFile(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !target.includes('/') && !target.endsWith('.json')) {
      throw new UsageError(phrase('en', 'unknownBuiltin', { id: target, ids: BUILTINS.map((s) => s.id).join(', ') }));
    }
    throw new UsageError(`cannot read ${target}: ${(e as Error).message}`);
  }
  const result = parseScenarioText(text);
  if (!result.ok) throw new UsageError(`${target} is not a valid scenario:\n${formatIssues(result.issues)}`);
  return result.scenario;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export function main(argv: string[], io: Io): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { until: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no scenario given' : 'give one scenario only');
    const scenario = loadScenario(positionals[0]!, io);
    let seed: number | undefined;
    if (values.seed !== undefined) {
      if (!/^-?\d+$/.test(values.seed)) throw new UsageError(`--seed: "${values.seed}" is not an integer`);
      seed = Number(values.seed);
    }
    const until = values.until !== undefined ? parseDuration(values.until) : scenario.durationMs;
    const sim = new Simulation(scenario, { seed });
    sim.runUntil(until);
    const report = sim.report();
    io.out(values.json ? JSON.stringify(report, null, 2) : summary(report));
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

const SHOWN = new Set(['kind', 'online', 'backlog', 'processed', 'latencyMs']);

/** A readable summary of a run for the terminal. */
export function summary(r: RunReport): string {
  const t = r.totals;
  const lines = [
    `${r.scenario}  seed ${r.seed}  ${(r.simulatedMs / 1000).toLocaleString('en')} s simulated  ${r.events.toLocaleString('en')} events`,
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
