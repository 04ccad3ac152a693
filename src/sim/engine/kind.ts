import { z } from 'zod';
import type { NodeStats, SimNode } from './node';
import type { Simulation } from './simulation';
import type { TraceType } from './trace';
import type { Lang, ScenarioIssue } from './errors';
import { lazySchema } from './lazySchema';

/** Text shown to users, in both languages, or one string used for both. */
export const textSchema = lazySchema(() => z.union([z.string(), z.object({ en: z.string(), es: z.string() }).strict()]));

/** The fields every node has, whatever its kind. */
export const baseNodeShape = lazySchema(() => ({
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'ids use letters, digits, "_", "-" and "." only'),
  label: textSchema.optional(),
  online: z.boolean().optional(),
  position: z.object({ x: z.number(), y: z.number() }).strict().optional(),
}));

/**
 * What a node is for, as the canvas and the controls see it: a `service` does work on messages
 * (it can be taken offline and, when `slowable`, slowed down), a `broker` holds messages for
 * others (it always reports a backlog), an `edge` starts or ends traffic (producers, callers).
 */
export type NodeRole = 'service' | 'broker' | 'edge';

/**
 * What a kind's backlog counts, so a chart can say what its line means: messages `queued` in a
 * broker, calls `waiting` for a free connection, consumer `lag` behind a log's end, deliveries
 * waiting for their `retries`, messages `held` for a delay. `none`: the kind keeps no backlog.
 */
export type BacklogMeasure = 'queued' | 'waiting' | 'lag' | 'retries' | 'held' | 'none';

/** Everything the engine, the schema and the UI need to know about a kind besides its code. */
export interface KindTraits {
  role: NodeRole;
  /** Whether the UI offers an online/offline switch. Default: every role but `broker`. */
  onlineSwitch?: boolean;
  /** Whether the "slow mode" action applies (service time multiplied). Default false. */
  slowable?: boolean;
  /** What `backlog` counts at this kind. */
  backlog: BacklogMeasure;
  /**
   * Config fields whose value is another node's id; that node must exist and be linked from this
   * one. `field`, or `list[].field` for a field of each item of a list (a saga's steps).
   */
  nodeRefs?: readonly string[];
  /** Extra fields a link touching this kind may carry (an exchange's `bindingKey`, a topic's `group`). */
  linkFields?: z.ZodRawShape;
  /**
   * The trace types this kind emits besides the engine's own (`message.*`, `signal.*`, `node.*`,
   * `link.*`, which every kind may emit): the UI must describe each of them.
   */
  traceTypes: readonly TraceType[];
}

/**
 * Whether a kind's nodes report their backlog even when it is empty (the runner's JSON, the
 * cards): brokers that hold messages (a queue, a Kafka topic, a subscription), not those that
 * only route them (an exchange, a pub/sub topic). Other nodes report one once it has been used.
 */
export function reportsBacklog(traits: Pick<KindTraits, 'role' | 'backlog'>): boolean {
  return traits.role === 'broker' && traits.backlog !== 'none';
}

/**
 * One kind of node: its scenario schema, how to build it, and its traits. `K` is its name, `C`
 * its config type and `S` the figures its `stats()` returns, so a caller holding a kind's name
 * gets typed stats (see `StatsOf` in catalog.ts).
 */
// The catalog only needs to validate and dispatch; each model keeps its precise config type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface NodeKind<K extends string = string, C = any, S extends NodeStats = NodeStats> extends KindTraits {
  kind: K;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: z.ZodObject<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create(sim: Simulation, config: C): SimNode<any> & { stats(): S };
}

/** Any kind, whatever its name, config and stats. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNodeKind = NodeKind<string, any, any>;

/** The kind each `nodeSchema` is for, so `defineKind` knows it without building the schema. */
const kindOfSchema = new WeakMap<object, string>();

/**
 * The schema of a node kind: the base fields plus the kind's own. Strict: an unknown field in
 * a scenario file is an error, so a typo does not pass silently. Built on first use (see
 * lazySchema.ts); pass the shape as a function so its fields wait too.
 */
export function nodeSchema<K extends string, S extends z.ZodRawShape>(kind: K, shape: S | (() => S)) {
  const schema = lazySchema(() =>
    z.object({ ...baseNodeShape, kind: z.literal(kind), ...(typeof shape === 'function' ? (shape as () => S)() : shape) }).strict(),
  );
  kindOfSchema.set(schema, kind);
  return schema;
}

/**
 * A schema made from a kind's `nodeSchema` (an overwrite, a refinement): built on first use
 * like it, and known as the same kind.
 */
export function derivedNodeSchema<T extends object>(from: object, make: () => T): T {
  const schema = lazySchema(make);
  const kind = kindOfSchema.get(from);
  if (kind !== undefined) kindOfSchema.set(schema, kind);
  return schema;
}

/** Declares a node kind from its schema, its constructor and its traits. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineKind<K extends string, T extends { kind: K }, N extends SimNode<any>>(
  schema: z.ZodType<T> & z.ZodObject,
  create: (sim: Simulation, config: T) => N,
  traits: KindTraits,
): NodeKind<K, T, ReturnType<N['stats']>> {
  const kind = (kindOfSchema.get(schema) ?? (schema.shape.kind as z.ZodLiteral<K>).value) as K;
  return { kind, schema, create: create as unknown as NodeKind<K, T, ReturnType<N['stats']>>['create'], ...traits };
}

/** Checks the composer of a catalog adds: what the kinds' zod schemas cannot say. */
export interface CatalogChecks {
  /** Per kind, the commands it understands and each one's arguments; any other command is refused. */
  readonly commands?: Readonly<Record<string, Readonly<Record<string, z.ZodType>>>>;
  /** Checks of one node's config its schema cannot express, paths relative to the node. */
  readonly check?: (config: { kind: string } & Record<string, unknown>, lang: Lang) => ScenarioIssue[];
}

/** The kinds a simulation and a scenario schema accept, looked up by name. */
export interface Catalog extends CatalogChecks {
  readonly kinds: readonly AnyNodeKind[];
  /** The kind called `name`, or undefined. */
  kind(name: string): AnyNodeKind | undefined;
}

/** A catalog of these kinds. Throws on two kinds with one name: that is a programming error. */
export function createCatalog(kinds: readonly AnyNodeKind[], checks: CatalogChecks = {}): Catalog {
  const byName = new Map<string, AnyNodeKind>();
  for (const k of kinds) {
    if (byName.has(k.kind)) throw new Error(`two node kinds are called ${k.kind}`);
    byName.set(k.kind, k);
  }
  return { ...checks, kinds, kind: (name) => byName.get(name) };
}
