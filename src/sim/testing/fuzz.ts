import fc from 'fast-check';
import { BUILTIN_FILES } from '../../scenarios';
import { CATALOG, KINDS as NODE_KINDS, parseScenario } from '../catalog';
import type { Lang, ScenarioIssue } from '../engine/errors';
import { LIMITS, LimitError } from '../engine/limits';
import type { ActionSpec, Scenario } from '../engine/scenario';
import { Simulation } from '../engine/simulation';
import { InvariantChecker } from './invariant';

/**
 * The fuzzing properties of issue 13, shared by the unit tests (a few thousand cases) and
 * `npm run fuzz` (10,000 of each). The rule they enforce: nothing throws out of parsing or
 * running; every refusal is located and phrased in both languages; every run ends within
 * its limits; the ledger balances after every event.
 */

// ---- arbitraries ----

const kinds = NODE_KINDS.map((k) => k.kind);
const ids = ['a', 'b', 'c', 'd', 'e'];

/** Values that often break things: zero, negative, huge, wrong types, NaN-ish, deep. */
const nasty = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, 1e9, 1e15, 1e308, -1e308, 2 ** 53, '', 'x', 'auto', null, true, false, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ dist: fc.constantFrom('constant', 'uniform', 'exponential', 'normal', 'lognormal', 'weird') }, { requiredKeys: [] }),
  fc.record({ dist: fc.constant('lognormal'), meanMs: fc.double({ min: 1e-300, max: 1e300, noNaN: true }), sdMs: fc.double({ min: 0, max: 1e300, noNaN: true }) }),
);

/** A path into a document and a value to put there. */
const edit = fc.record({ path: fc.array(fc.oneof(fc.nat(6), fc.constantFrom('nodes', 'links', 'actions', 'kind', 'id', 'from', 'to', 'patch', 'serviceTime', 'burst', 'partitions', 'at', 'do')), { minLength: 1, maxLength: 4 }), value: nasty });

function applyEdit(doc: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const root = structuredClone(doc) as Record<string | number, unknown>;
  let cursor: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = cursor[path[i]!];
    if (!next || typeof next !== 'object') return root;
    cursor = next as Record<string | number, unknown>;
  }
  cursor[path[path.length - 1]!] = value;
  return root;
}

/** Documents that are mostly invalid: random JSON, and built-in scenarios with random edits. */
export const invalidDocument: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.tuple(fc.constantFrom(...BUILTIN_FILES), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([doc, edits]) =>
    edits.reduce<unknown>((d, e) => applyEdit(d, e.path, e.value), doc),
  ),
);

const settingValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 1, 2, 5, 50, 1000, true, false, null, 'auto', 'manual', 'fanout', 'direct', 'dead-letter') },
  { weight: 2, arbitrary: fc.record({ dist: fc.constant('constant'), ms: fc.constantFrom(0, 1, 10, 200) }) },
  { weight: 1, arbitrary: fc.record({ dist: fc.constant('exponential'), meanMs: fc.constantFrom(1, 20, 500) }) },
  { weight: 1, arbitrary: fc.record({ maxAttempts: fc.constantFrom(1, 3), baseMs: fc.constantFrom(0, 10) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: nasty },
);

/** The settings of a kind (its schema's own fields) to draw patches from. */
function fieldsOf(kind: string): string[] {
  const k = NODE_KINDS.find((x) => x.kind === kind)!;
  const own = Object.keys(k.schema.shape).filter((f) => !['id', 'kind', 'label', 'position', 'online'].includes(f));
  return own.length > 0 ? own : ['label', 'bogus'];
}

const patchFor = (kind: string) =>
  fc.dictionary(fc.constantFrom(...fieldsOf(kind)), settingValue, { minKeys: 1, maxKeys: 3 });

/** A random topology of up to five nodes of any kind, with random settings and links. */
const randomTopology: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 5 }),
    fc.array(fc.tuple(fc.nat(4), fc.nat(4), fc.constantFrom(0, 0, 5, 50)), { maxLength: 8 }),
    fc.nat(1000),
  )
  .chain(([nodeKinds, links, seed]) =>
    fc.tuple(...nodeKinds.map((k) => fc.option(patchFor(k), { freq: 2 }))).map((settings) => ({
      id: 'fuzz', title: 'fuzz', seed,
      nodes: nodeKinds.map((kind, i) => ({ id: ids[i], kind, ...(settings[i] ?? {}) })),
      links: links
        .filter(([a, b]) => a < nodeKinds.length && b < nodeKinds.length && a !== b)
        .map(([a, b, ms]) => ({ from: ids[a], to: ids[b], ...(ms ? { latency: { dist: 'constant', ms } } : {}) })),
    })),
  );

/** A valid scenario to run: a built-in one, or a random topology that passed validation. */
export const scenarioToRun: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...BUILTIN_FILES), randomTopology, randomTopology);

/** A user action at a random moment: online/offline, slow mode, a random settings patch, a partition, a command. */
export const actionPlan = fc.array(
  fc.record({
    afterEvents: fc.nat(400),
    node: fc.nat(20),
    other: fc.nat(20),
    what: fc.constantFrom('offline', 'online', 'slow', 'configure', 'configure', 'partition', 'heal', 'command'),
    patchSeed: fc.nat(),
    command: fc.constantFrom('purge', 'subscribe', 'unsubscribe', 'reset-offsets', 'leave', 'forge', 'replay', 'register', 'enable', 'nope'),
    args: fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom('group', 'member', 'toEarliest', 'subscription', 'endpoint', 'events'), settingValue, { maxKeys: 2 })),
  }),
  { maxLength: 6 },
);

// ---- properties ----

/** What went wrong in one case; undefined when the rule held. */
export type Verdict = string | undefined;

/** A refusal is located (a path, except for a document that is not even an object) and says something in both languages. */
function checkRefusal(en: readonly ScenarioIssue[], es: readonly ScenarioIssue[], rootIsObject: boolean): Verdict {
  if (en.length === 0) return 'refused with no issue';
  if (es.length !== en.length) return `${en.length} issues in English but ${es.length} in Spanish`;
  for (let i = 0; i < en.length; i++) {
    if (!en[i]!.message || !es[i]!.message) return `issue ${i} has no message`;
    if (rootIsObject && en[i]!.path === '') return `issue "${en[i]!.message}" has no location`;
    if (en[i]!.path !== es[i]!.path) return `issue ${i} is at ${en[i]!.path} in English, ${es[i]!.path} in Spanish`;
  }
  return undefined;
}

/** Parsing a document never throws; a refusal is located and bilingual. */
export function parseHolds(doc: unknown): Verdict {
  const en = parseScenario(doc, 'en');
  const es = parseScenario(doc, 'es');
  if (en.ok !== es.ok) return 'English and Spanish parses disagree';
  if (en.ok || es.ok) return undefined;
  return checkRefusal(en.issues, es.issues, !!doc && typeof doc === 'object' && !Array.isArray(doc));
}

/** Events one fuzz run may take: enough to reach outages, retries and rebalances, bounded for the suite's time. */
export const RUN_EVENTS = 3_000;

/**
 * Runs a scenario with random actions, checking the ledger after every event. Parsing and
 * running never throw anything but a LimitError, which must be bilingual; the run ends
 * within RUN_EVENTS events.
 */
export function runHolds(doc: unknown, plan: readonly PlanStep[], tally?: RunTally): Verdict {
  const parsed = parseScenario(doc, 'en');
  if (!parsed.ok) {
    if (tally) tally.refused++;
    return parseHolds(doc);
  }
  if (tally) tally.ran++;
  const limit = (e: unknown): Verdict => {
    if (tally && e instanceof LimitError) tally.limits++;
    return limitOnly(e);
  };
  const scenario = parsed.scenario;
  let sim: Simulation;
  try {
    sim = new Simulation(CATALOG, scenario);
  } catch (e) {
    return limit(e);
  }
  const checker = new InvariantChecker(sim);
  try {
    const until = Math.min(scenario.durationMs, 120_000);
    let next = 0;
    for (let events = 0; events < RUN_EVENTS; events++) {
      while (next < plan.length && plan[next]!.afterEvents <= events) {
        const problem = tryAct(sim, scenario, plan[next++]!, tally);
        if (problem) return problem;
      }
      if (sim.scheduler.peekTime() > until) break;
      try {
        if (sim.step() === null) break;
      } catch (e) {
        return limit(e);
      }
      checker.check();
      if (tally) tally.events++;
    }
    checker.checkFromScratch();
  } catch (e) {
    return `ledger: ${(e as Error).message}`;
  } finally {
    checker.dispose();
  }
  return undefined;
}

/** What a batch of runs did, for `npm run fuzz`'s report. */
export interface RunTally {
  /** Scenarios refused at load (located, bilingual). */
  refused: number;
  /** Scenarios that ran. */
  ran: number;
  /** Runs or actions stopped by a bilingual LimitError (a limit, a refused action). */
  limits: number;
  /** Events run, each followed by a ledger check. */
  events: number;
}

/** One step of an action plan. */
export interface PlanStep {
  afterEvents: number;
  node: number;
  other: number;
  what: string;
  patchSeed: number;
  command: string;
  args: Record<string, unknown>;
}

function tryAct(sim: Simulation, scenario: Scenario, step: PlanStep, tally?: RunTally): Verdict {
  const nodes = scenario.nodes;
  const node = nodes[step.node % nodes.length]!;
  const other = nodes[step.other % nodes.length]!;
  let action: ActionSpec;
  switch (step.what) {
    case 'offline':
    case 'online':
      action = { do: step.what, node: node.id };
      break;
    case 'slow':
      action = { do: 'slow', node: node.id, factor: 1 + (step.patchSeed % 10) };
      break;
    case 'configure':
      action = { do: 'configure', node: node.id, patch: fc.sample(patchFor(node.kind), { seed: step.patchSeed, numRuns: 1 })[0]! };
      break;
    case 'partition':
    case 'heal':
      action = { do: step.what, from: node.id, to: other.id };
      break;
    default:
      action = { do: 'command', node: node.id, command: step.command, args: step.args };
  }
  try {
    sim.act(action);
  } catch (e) {
    if (tally && e instanceof LimitError) tally.limits++;
    return limitOnly(e);
  }
  return undefined;
}

function limitOnly(e: unknown): Verdict {
  if (!(e instanceof LimitError)) return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  const langs: Lang[] = ['en', 'es'];
  if (langs.some((l) => !e.text(l))) return 'a limit without a message';
  if (e.text('en') === e.text('es')) return `a limit not translated: ${e.text('en')}`;
  return undefined;
}

/** The action-plan arbitrary, typed. */
export const plan = actionPlan as fc.Arbitrary<PlanStep[]>;

/** How a share link is damaged: cut short, characters replaced, or padded with junk. */
export const linkDamage = fc.record({
  scenario: fc.constantFrom(...BUILTIN_FILES.map((f) => (f as { id: string }).id)),
  custom: fc.boolean(),
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 2 }),
  garble: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('A', '_', '-', '%', '&', '=', '#', 'z=', 'a=', '\u00e9')), { maxLength: 3 }),
  append: fc.option(fc.string({ maxLength: 40 }), { freq: 2 }),
});

/** Applies a damage to a link hash. */
export function damage(hash: string, d: { cut: number | null; garble: [number, string][]; append: string | null }): string {
  let h = d.cut === null ? hash : hash.slice(0, Math.floor(hash.length * d.cut));
  for (const [at, ch] of d.garble) {
    const i = Math.floor(h.length * at);
    h = h.slice(0, i) + ch + h.slice(i + 1);
  }
  return d.append === null ? h : h + d.append;
}

/** A decoded link's refusal is located in both languages; undefined when it holds. */
export function linkRefusalHolds(issues: Record<Lang, readonly ScenarioIssue[]>): Verdict {
  return checkRefusal(issues.en, issues.es, false);
}

// ---- hostile links ----

/**
 * An inflation bomb for link tests: `mb` megabytes of spaces, deflate-raw'd as a stream (never
 * whole in memory) and base64url'd, as a share or comparison link carries it: a few dozen KB
 * that inflate to `mb` MB.
 */
export async function inflationBomb(mb: number): Promise<string> {
  const chunk = new TextEncoder().encode(' '.repeat(1 << 20));
  let left = mb;
  const source = new ReadableStream<BufferSource>({
    pull(controller) {
      if (left-- > 0) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const bytes = new Uint8Array(await new Response(source.pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}

/**
 * Opens each link with `decode`: the links that were not refused as too large in both
 * languages (an inflation bomb must be, before it is inflated).
 */
export async function decodeBombs(
  decode: (hash: string) => Promise<{ ok: true } | { ok: false; issues: Record<Lang, readonly ScenarioIssue[]> }>,
  hashes: readonly string[],
): Promise<string[]> {
  const notRefused: string[] = [];
  for (const hash of hashes) {
    const r = await decode(hash);
    const refused = !r.ok && r.issues.en[0]?.message.includes(`more than ${LIMITS.linkChars} characters`) && r.issues.es[0]?.message.includes('Demasiado grande');
    if (!refused) notRefused.push(hash.slice(0, 40));
  }
  return notRefused;
}
