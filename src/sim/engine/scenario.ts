import { z } from 'zod';
import { distSchema } from './distributions';
import { phrase, type Lang, type ScenarioIssue } from './errors';
import { textSchema } from './kind';
import type { BaseNodeConfig } from './node';
import { NODE_KINDS, nodeKind } from '../catalog';

/** A link between two nodes: who publishes, delivers or calls whom, and the network between them. */
export const linkSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    /** One-way network latency per crossing; zero when absent. */
    latency: distSchema.optional(),
    /** Probability that one crossing is lost. */
    loss: z.number().min(0).max(1).optional(),
    /** A partitioned link loses everything until it heals. */
    partitioned: z.boolean().optional(),
    /** Exchange → queue: the binding key (RabbitMQ: exact for direct, pattern for topic). */
    bindingKey: z.string().optional(),
    /** Topic → consumer: the consumer group the consumer joins (Kafka). */
    group: z.string().optional(),
  })
  .strict();

/** A link as parsed from a scenario. */
export type LinkConfig = z.infer<typeof linkSchema>;

const at = z.number().nonnegative();

/** Something that happens at a simulated time: a service goes down, a link is cut, a setting changes. */
export const actionSchema = z.discriminatedUnion('do', [
  z.object({ at, do: z.literal('offline'), node: z.string() }).strict(),
  z.object({ at, do: z.literal('online'), node: z.string() }).strict(),
  z.object({ at, do: z.literal('slow'), node: z.string(), factor: z.number().positive() }).strict(),
  z.object({ at, do: z.literal('configure'), node: z.string(), patch: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ at, do: z.literal('partition'), from: z.string(), to: z.string() }).strict(),
  z.object({ at, do: z.literal('heal'), from: z.string(), to: z.string() }).strict(),
  z
    .object({ at, do: z.literal('command'), node: z.string(), command: z.string(), args: z.record(z.string(), z.unknown()).optional() })
    .strict(),
]);

/** A scheduled action as parsed from a scenario. */
export type ScenarioAction = z.infer<typeof actionSchema>;
/** An action without its time: what the UI asks for now. */
export type ActionSpec = ScenarioAction extends infer A ? (A extends unknown ? Omit<A, 'at'> : never) : never;

// Each model keeps its precise config type; here a node is its base fields plus its own.
const nodeSchema = z.discriminatedUnion(
  'kind',
  // The registry holds at least the core kinds, so the tuple is never empty.
  NODE_KINDS.map((k) => k.schema) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<BaseNodeConfig & Record<string, unknown>>;

/**
 * A scenario file: services and brokers (nodes), who talks to whom (links), a seed, and
 * actions at given times. Built-in scenarios are such files; users write the same format.
 */
export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and "-"'),
    title: textSchema,
    description: textSchema.optional(),
    /** Which communication pattern this scenario shows; a label for menus and compare mode. */
    pattern: z.enum(['queue', 'rabbitmq', 'kafka', 'pubsub', 'webhook', 'rest', 'saga', 'mixed']).default('queue'),
    seed: z.number().int().default(1),
    /** How long a run lasts by default, in simulated ms. */
    durationMs: z.number().positive().default(60_000),
    nodes: z.array(nodeSchema).min(1),
    links: z.array(linkSchema).default([]),
    actions: z.array(actionSchema).default([]),
    /** When present, `npm run bench` runs this scenario for `untilMs`. */
    bench: z.object({ untilMs: z.number().positive() }).strict().optional(),
  })
  .strict();

/** A validated scenario. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A node's config as parsed: the fields every node has plus its kind's own. */
export type NodeConfig = Scenario['nodes'][number];

/** The result of parsing: the scenario, or every problem found, each with its path. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Parses and validates scenario JSON text. Never throws. */
export function parseScenarioText(text: string, lang: Lang = 'en'): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: phrase(lang, 'notJson', { detail: (e as Error).message }) }] };
  }
  return parseScenario(data, lang);
}

/** Validates a scenario object: its shape (zod) and its cross-references (ids, links, actions). */
export function parseScenario(data: unknown, lang: Lang = 'en'): ParseResult {
  const kindIssues = unknownKinds(data, lang);
  if (kindIssues.length > 0) return { ok: false, issues: kindIssues };
  const result = scenarioSchema.safeParse(data, { error: lang === 'es' ? esLocale : enLocale });
  if (!result.success) {
    return { ok: false, issues: result.error.issues.map((i) => ({ path: formatPath(i.path, data), message: i.message })) };
  }
  const issues = crossReferences(result.data, lang);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: result.data };
}

const esLocale = z.locales.es().localeError;
const enLocale = z.locales.en().localeError;

// Zod reports an unknown discriminator as a bare "invalid input"; say which kinds exist instead.
function unknownKinds(data: unknown, lang: Lang): ScenarioIssue[] {
  const nodes = (data as { nodes?: unknown })?.nodes;
  if (!Array.isArray(nodes)) return [];
  const kinds = NODE_KINDS.map((k) => k.kind).join(', ');
  const issues: ScenarioIssue[] = [];
  nodes.forEach((n, i) => {
    const kind = (n as { kind?: unknown })?.kind;
    if (typeof kind === 'string' && !nodeKind(kind)) {
      issues.push({ path: formatPath(['nodes', i, 'kind'], data), message: phrase(lang, 'unknownKind', { kind, kinds }) });
    }
  });
  return issues;
}

/** Node settings whose value is another node's id (RabbitMQ's dead-letter and alternate exchanges). */
const NODE_REFERENCES = ['deadLetterExchange', 'alternateExchange'] as const;

function crossReferences(s: Scenario, lang: Lang): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const ids = new Set<string>();
  s.nodes.forEach((n, i) => {
    if (ids.has(n.id)) issues.push({ path: formatPath(['nodes', i, 'id'], s), message: phrase(lang, 'duplicateId', { id: n.id }) });
    ids.add(n.id);
  });
  // Settings that name another node, which must exist and be linked from this one.
  s.nodes.forEach((n, i) => {
    for (const field of NODE_REFERENCES) {
      const target = (n as Record<string, unknown>)[field];
      if (typeof target !== 'string') continue;
      const path = `${formatPath(['nodes', i], s)}.${field}`;
      if (!ids.has(target)) issues.push({ path, message: phrase(lang, 'unknownNode', { id: target }) });
      else if (!s.links.some((l) => l.from === n.id && l.to === target)) {
        issues.push({ path, message: phrase(lang, 'referenceNotLinked', { from: n.id, to: target }) });
      }
    }
  });
  const seen = new Set<string>();
  s.links.forEach((l, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(l[end])) issues.push({ path: `links[${i}].${end}`, message: phrase(lang, 'unknownNode', { id: l[end] }) });
    }
    if (l.from === l.to) issues.push({ path: `links[${i}]`, message: phrase(lang, 'selfLink') });
    const key = `${l.from}\u0000${l.to}`;
    if (seen.has(key)) issues.push({ path: `links[${i}]`, message: phrase(lang, 'duplicateLink', { from: l.from, to: l.to }) });
    seen.add(key);
  });
  s.actions.forEach((a, i) => {
    const refs = 'node' in a ? (['node'] as const) : (['from', 'to'] as const);
    for (const field of refs) {
      const id = (a as unknown as Record<string, string>)[field]!;
      if (!ids.has(id)) issues.push({ path: `actions[${i}].${field}`, message: phrase(lang, 'unknownNode', { id }) });
    }
  });
  return issues;
}

/** `['nodes', 2, 'serviceTime']` → `nodes[2] ("email").serviceTime`, naming the node when it has an id. */
export function formatPath(path: readonly PropertyKey[], data: unknown): string {
  let out = '';
  let cursor: unknown = data;
  for (const part of path) {
    if (typeof part === 'number') {
      out += `[${part}]`;
      cursor = Array.isArray(cursor) ? cursor[part] : undefined;
      const id = (cursor as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string' && out.startsWith('nodes[') && !out.includes('.')) out += ` ("${id}")`;
    } else {
      out += out ? `.${String(part)}` : String(part);
      cursor = cursor && typeof cursor === 'object' ? (cursor as Record<PropertyKey, unknown>)[part] : undefined;
    }
  }
  return out;
}
