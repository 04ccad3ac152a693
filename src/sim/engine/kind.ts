import { z } from 'zod';
import type { SimNode } from './node';
import type { Simulation } from './simulation';

/** Text shown to users, in both languages, or one string used for both. */
export const textSchema = z.union([z.string(), z.object({ en: z.string(), es: z.string() }).strict()]);

/** The fields every node has, whatever its kind. */
export const baseNodeShape = {
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'ids use letters, digits, "_", "-" and "." only'),
  label: textSchema.optional(),
  online: z.boolean().optional(),
  position: z.object({ x: z.number(), y: z.number() }).strict().optional(),
};

/** One kind of node: its scenario schema and how to build it. */
export interface NodeKind {
  kind: string;
  // The registry only needs to validate and dispatch; each model keeps its precise config type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: z.ZodObject<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create(sim: Simulation, config: any): SimNode<any>;
}

/**
 * The schema of a node kind: the base fields plus the kind's own. Strict: an unknown field in
 * a scenario file is an error, so a typo does not pass silently.
 */
export function nodeSchema<K extends string, S extends z.ZodRawShape>(kind: K, shape: S) {
  return z.object({ ...baseNodeShape, kind: z.literal(kind), ...shape }).strict();
}

/** Declares a node kind from its schema and its constructor. */
export function defineKind<T extends { kind: string }>(
  schema: z.ZodType<T> & z.ZodObject,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create: (sim: Simulation, config: T) => SimNode<any>,
): NodeKind {
  return { kind: (schema.shape.kind as z.ZodLiteral<string>).value, schema, create: create as NodeKind['create'] };
}
