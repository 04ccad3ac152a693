import { z } from 'zod';
import { distSchema } from '../sim/engine/distributions';
import type { Lang, ScenarioIssue } from '../sim/engine/errors';
import { textSchema } from '../sim/engine/kind';
import { formatPath } from '../sim/engine/scenario';

/** The patterns a workload comparison can put side by side, in column order. */
export const PATTERNS = ['queue', 'kafka', 'pubsub', 'webhook', 'rest'] as const;

/** One way for the producer to reach its consumers. */
export type Pattern = (typeof PATTERNS)[number];

/** Text in both languages; one string stands for both. */
const text = textSchema.transform((t) => (typeof t === 'string' ? { en: t, es: t } : t));

const id = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'ids use letters, digits, "_", "-" and "." only').max(64);

/** A consumer of the workload: the same service, with the same speed, in every pattern. */
const serviceSchema = z
  .object({
    id,
    label: text,
    /** Messages it works on at once. */
    concurrency: z.number().int().min(1).max(64).default(1),
    serviceTime: distSchema,
  })
  .strict();

/** The one business event every pattern carries, at the same rate, with the same arrivals. */
const producerSchema = z
  .object({
    id: id.default('producer'),
    label: text,
    ratePerSec: z.number().positive().max(1000),
    arrivals: z.enum(['poisson', 'constant', 'uniform']).default('poisson'),
    eventType: z.string().min(1).max(64),
    keys: z.number().int().positive().max(100_000).optional(),
    keyPrefix: z.string().min(1).max(32).default('key'),
  })
  .strict();

/** A consumer taken offline for a while, the same one in every column. */
const outageSchema = z
  .object({ node: id, fromMs: z.number().nonnegative(), toMs: z.number().positive() })
  .strict()
  .refine((o) => o.toMs > o.fromMs, { message: 'toMs must come after fromMs', path: ['toMs'] });

const common = {
  $schema: z.string().optional(),
  id,
  title: text,
  description: text.optional(),
  /** A delivery later than this after its publication counts as late. */
  lateAfterMs: z.number().positive().max(3_600_000).default(2000),
};

/**
 * The same workload through several patterns: described once (a producer, its consumers,
 * the network between them), then drawn as one ordinary scenario per pattern.
 */
export const patternComparisonSchema = z
  .object({
    ...common,
    compare: z.literal('patterns'),
    seed: z.number().int().default(1),
    durationMs: z.number().positive().max(3_600_000).default(60_000),
    producer: producerSchema,
    services: z.array(serviceSchema).min(1).max(6),
    /** One-way latency of every network hop. */
    latency: distSchema.default({ dist: 'uniform', minMs: 2, maxMs: 8 }),
    patterns: z.array(z.enum(PATTERNS)).min(1).max(PATTERNS.length).default([...PATTERNS]),
    outage: outageSchema.optional(),
  })
  .strict();

/** One setting changed on one scenario: `patch[nodeId][field] = value`. */
const variantSchema = z
  .object({
    id,
    label: text,
    patch: z.record(id, z.record(z.string().max(64), z.unknown())).default({}),
  })
  .strict();

/**
 * One scenario under two or more sets of settings ("no breaker" vs "timeout + breaker"),
 * each an ordinary scenario made from the base by its patch.
 */
export const variantComparisonSchema = z
  .object({
    ...common,
    compare: z.literal('variants'),
    /** The scenario the variants change: a built-in's id, or a whole scenario (checked as any scenario file). */
    scenario: z.union([id, z.record(z.string(), z.unknown())]),
    variants: z.array(variantSchema).min(2).max(6),
  })
  .strict();

export const comparisonSchema = z.discriminatedUnion('compare', [patternComparisonSchema, variantComparisonSchema]);

export type PatternComparison = z.infer<typeof patternComparisonSchema>;
export type VariantComparison = z.infer<typeof variantComparisonSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;

/** Tells a comparison file from a scenario file: it says what it compares. */
export function isComparison(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'compare' in data;
}

export type ComparisonParse = { ok: true; comparison: Comparison } | { ok: false; issues: ScenarioIssue[] };

const locales = { en: z.locales.en().localeError, es: z.locales.es().localeError };

/** Validates a comparison's shape and its references; never throws. */
export function parseComparison(data: unknown, lang: Lang = 'en'): ComparisonParse {
  const result = comparisonSchema.safeParse(data, { error: locales[lang] });
  if (!result.success) {
    return { ok: false, issues: result.error.issues.map((i) => ({ path: formatPath(i.path, data), message: i.message })) };
  }
  const c = result.data;
  if (c.compare === 'patterns') {
    const ids = new Set([c.producer.id]);
    for (const [i, s] of c.services.entries()) {
      if (ids.has(s.id)) return { ok: false, issues: [{ path: `services[${i}].id`, message: DUPLICATE[lang](s.id) }] };
      ids.add(s.id);
    }
    if (c.outage && !c.services.some((s) => s.id === c.outage!.node)) {
      return { ok: false, issues: [{ path: 'outage.node', message: NOT_A_SERVICE[lang](c.outage.node) }] };
    }
  }
  return { ok: true, comparison: c };
}

const DUPLICATE: Record<Lang, (id: string) => string> = {
  en: (id) => `The id "${id}" is used twice`,
  es: (id) => `El id "${id}" se usa dos veces`,
};
const NOT_A_SERVICE: Record<Lang, (id: string) => string> = {
  en: (id) => `"${id}" is not one of the services`,
  es: (id) => `"${id}" no es uno de los servicios`,
};
