import { z } from 'zod';
import { distSchema } from './distributions';
import { phrase, type Lang, type ScenarioIssue } from './errors';
import { textSchema, type Catalog } from './kind';
import type { BaseNodeConfig } from './node';
import { linkKey, tourReferences, tourSchema } from './tour';
import { boundsIssues, readJsonText } from './bounds';
import { LIMITS } from './limits';
import { lazySchema } from './lazySchema';

/** The fields every link has: its ends and the network between them. Kinds add their own (see `linkFields`). */
export const baseLinkShape = lazySchema(() => ({
  from: z.string(),
  to: z.string(),
  /** One-way network latency per crossing; zero when absent. */
  latency: distSchema.optional(),
  /** Probability that one crossing is lost. */
  loss: z.number().min(0).max(1).optional(),
  /** A partitioned link loses everything until it heals. */
  partitioned: z.boolean().optional(),
}));

/**
 * A link as parsed from a scenario: the base fields, plus the fields a kind at either end
 * declares in `linkFields` (a model reads its own with its own type).
 */
export type LinkConfig = z.infer<z.ZodObject<typeof baseLinkShape>> & { readonly [field: string]: unknown };

const at = lazySchema(() => z.number().nonnegative());

/** Something that happens at a simulated time: a service goes down, a link is cut, a setting changes. */
export const actionSchema = lazySchema(() => z.discriminatedUnion('do', [
  z.object({ at, do: z.literal('offline'), node: z.string() }).strict(),
  z.object({ at, do: z.literal('online'), node: z.string() }).strict(),
  z.object({ at, do: z.literal('slow'), node: z.string(), factor: z.number().positive() }).strict(),
  z.object({ at, do: z.literal('configure'), node: z.string(), patch: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ at, do: z.literal('partition'), from: z.string(), to: z.string() }).strict(),
  z.object({ at, do: z.literal('heal'), from: z.string(), to: z.string() }).strict(),
  z
    .object({ at, do: z.literal('command'), node: z.string(), command: z.string(), args: z.record(z.string(), z.unknown()).optional() })
    .strict(),
]));

/** A scheduled action as parsed from a scenario. */
export type ScenarioAction = z.infer<typeof actionSchema>;
/** An action without its time: what the UI asks for now. */
export type ActionSpec = ScenarioAction extends infer A ? (A extends unknown ? Omit<A, 'at'> : never) : never;

/**
 * The schema of a scenario file for the kinds in `catalog`: services and brokers (nodes), who
 * talks to whom (links), a seed, and actions at given times. Built-in scenarios are such files;
 * users write the same format.
 */
export function scenarioSchemaFor(catalog: Catalog) {
  // Each model keeps its precise config type; here a node is its base fields plus its own.
  const nodeSchema = z.discriminatedUnion(
    'kind',
    // A catalog holds at least one kind, so the tuple is never empty.
    catalog.kinds.map((k) => k.schema) as unknown as [z.ZodObject, ...z.ZodObject[]],
  ) as unknown as z.ZodType<BaseNodeConfig & Record<string, unknown>>;
  // A link accepts every field some kind declares; crossReferences checks that one of its ends declares it.
  const linkShape: z.ZodRawShape = { ...baseLinkShape };
  for (const k of catalog.kinds) Object.assign(linkShape, k.linkFields);
  const linkSchema = z.object(linkShape).strict() as unknown as z.ZodType<LinkConfig>;
  return z
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
      nodes: z.array(nodeSchema).min(1).max(LIMITS.nodes),
      links: z.array(linkSchema).max(LIMITS.links).default([]),
      actions: z.array(actionSchema).max(LIMITS.actions).default([]),
      /** When present, `npm run bench` runs this scenario for `untilMs`. */
      bench: z.object({ untilMs: z.number().positive() }).strict().optional(),
      /** A guided tour through this scenario (see tour.ts). */
      tour: tourSchema.optional(),
    })
    .strict();
}

/** A validated scenario. */
export type Scenario = z.infer<ReturnType<typeof scenarioSchemaFor>>;
/** A node's config as parsed: the fields every node has plus its kind's own. */
export type NodeConfig = Scenario['nodes'][number];

/** The result of parsing: the scenario, or every problem found, each with its path. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Validates scenario objects and JSON text against one catalog's kinds. */
export interface ScenarioParser {
  /** The zod schema of a scenario file with these kinds. */
  readonly schema: ReturnType<typeof scenarioSchemaFor>;
  /** Validates a scenario object: its shape (zod) and its cross-references (ids, links, actions). Never throws. */
  parseScenario(data: unknown, lang?: Lang): ParseResult;
  /** Parses and validates scenario JSON text. Never throws. */
  parseScenarioText(text: string, lang?: Lang): ParseResult;
}

/** Checks that need more than the engine knows (settings patches, commands, topologies): given by the catalog's owner. */
export type SemanticCheck = (s: Scenario, lang: Lang) => ScenarioIssue[];

/**
 * The parser of scenario files whose nodes are of the kinds in `catalog`; `semantic` runs on a
 * scenario whose shape and references are right.
 */
export function scenarioParser(catalog: Catalog, semantic?: SemanticCheck): ScenarioParser {
  // Built on the first parse (see lazySchema.ts): loading a built-in parses nothing.
  const schema = lazySchema(() => scenarioSchemaFor(catalog));
  const parseScenario = (data: unknown, lang: Lang = 'en'): ParseResult => {
    const bounds = boundsIssues(data, lang);
    if (bounds.length > 0) return { ok: false, issues: bounds };
    const kindIssues = unknownKinds(catalog, data, lang);
    if (kindIssues.length > 0) return { ok: false, issues: kindIssues };
    const result = schema.safeParse(data, { error: lang === 'es' ? esLocale : enLocale });
    if (!result.success) {
      // An unknown field is located at the field itself, not at the object holding it.
      const where = (i: z.core.$ZodIssue) => (i.code === 'unrecognized_keys' && i.keys.length > 0 ? [...i.path, i.keys[0]!] : i.path);
      return { ok: false, issues: result.error.issues.map((i) => ({ path: formatPath(where(i), data), message: i.message })) };
    }
    const issues = crossReferences(catalog, result.data, lang);
    if (issues.length === 0 && semantic) issues.push(...semantic(result.data, lang));
    return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: result.data };
  };
  const parseScenarioText = (text: string, lang: Lang = 'en'): ParseResult => {
    const read = readJsonText(text, lang);
    return read.ok ? parseScenario(read.data, lang) : read;
  };
  return { schema, parseScenario, parseScenarioText };
}

const esLocale = z.locales.es().localeError;
const enLocale = z.locales.en().localeError;

// Zod reports an unknown discriminator as a bare "invalid input"; say which kinds exist instead.
function unknownKinds(catalog: Catalog, data: unknown, lang: Lang): ScenarioIssue[] {
  const nodes = (data as { nodes?: unknown })?.nodes;
  if (!Array.isArray(nodes)) return [];
  const kinds = catalog.kinds.map((k) => k.kind).join(', ');
  const issues: ScenarioIssue[] = [];
  nodes.forEach((n, i) => {
    const kind = (n as { kind?: unknown })?.kind;
    if (typeof kind === 'string' && !catalog.kind(kind)) {
      issues.push({ path: formatPath(['nodes', i, 'kind'], data), message: phrase(lang, 'unknownKind', { kind, kinds }) });
    }
  });
  return issues;
}

function crossReferences(catalog: Catalog, s: Scenario, lang: Lang): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const ids = new Set<string>();
  s.nodes.forEach((n, i) => {
    if (ids.has(n.id)) issues.push({ path: formatPath(['nodes', i, 'id'], s), message: phrase(lang, 'duplicateId', { id: n.id }) });
    ids.add(n.id);
  });
  const linked = new Set(s.links.map((l) => `${l.from}\u0000${l.to}`));
  // Settings that name another node (the kind's `nodeRefs`), which must exist and be linked from this one.
  s.nodes.forEach((n, i) => {
    for (const ref of catalog.kind(n.kind)?.nodeRefs ?? []) {
      for (const { target, at } of refsOf(n as Record<string, unknown>, ref)) {
        const path = formatPath(['nodes', i, ...at], s);
        if (!ids.has(target)) issues.push({ path, message: phrase(lang, 'unknownNode', { id: target }) });
        else if (!linked.has(`${n.id}\u0000${target}`)) {
          issues.push({ path, message: phrase(lang, 'referenceNotLinked', { from: n.id, to: target }) });
        }
      }
    }
  });
  const kindOf = new Map(s.nodes.map((n) => [n.id, catalog.kind(n.kind)]));
  const seen = new Set<string>();
  s.links.forEach((l, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(l[end])) issues.push({ path: `links[${i}].${end}`, message: phrase(lang, 'unknownNode', { id: l[end] }) });
    }
    if (l.from === l.to) issues.push({ path: `links[${i}]`, message: phrase(lang, 'selfLink') });
    const ends = [kindOf.get(l.from), kindOf.get(l.to)];
    for (const field of Object.keys(l)) {
      if (field in baseLinkShape || ends.some((k) => k?.linkFields && field in k.linkFields)) continue;
      issues.push({ path: `links[${i}].${field}`, message: phrase(lang, 'linkFieldNotHere', { field, from: l.from, to: l.to }) });
    }
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
  issues.push(...tourReferences(s.tour, ids, new Set(s.links.map((l) => linkKey(l.from, l.to))), lang));
  return issues;
}

/** The node ids a node's config names under `ref` (`field` or `list[].field`), each with where it is. */
function refsOf(node: Record<string, unknown>, ref: string): { target: string; at: PropertyKey[] }[] {
  const [list, field] = ref.split('[].');
  if (field === undefined) return typeof node[ref] === 'string' ? [{ target: node[ref], at: [ref] }] : [];
  const items = node[list!];
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: Record<string, unknown>, j) => (typeof item?.[field] === 'string' ? [{ target: item[field], at: [list!, j, field] }] : []));
}

/**
 * What a scenario may not do although every reference resolves: node settings the schema
 * cannot judge (a Svix secret that is not base64), loops that never end, and actions the
 * engine would refuse (a settings patch that breaks the node's schema, applied in time order;
 * an unknown command; cutting a link that does not exist).
 */
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
      const key = String(part);
      // A key that is not a plain name (empty, spaces, quotes) is shown quoted, so it is never lost.
      if (!/^[A-Za-z_$][\w$-]*$/.test(key)) out += `[${JSON.stringify(key)}]`;
      else out += out ? `.${key}` : key;
      cursor = cursor && typeof cursor === 'object' ? (cursor as Record<PropertyKey, unknown>)[part] : undefined;
    }
  }
  return out;
}
