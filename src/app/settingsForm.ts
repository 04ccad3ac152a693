import { z } from 'zod';
import { distSchema, meanOf, type Dist } from '../sim/engine/distributions';
import type { Lang } from '../sim/engine/errors';
import type { DictKey } from '../i18n/en';
import type { Params } from '../i18n/translate';

/** A bound on a number: its value, and whether the value itself is allowed. */
export interface Bound {
  value: number;
  inclusive: boolean;
}

/** One editable setting of a node kind, read from the kind's zod schema. */
export type FieldSpec = { key: string; optional: boolean } & (
  | { type: 'number'; int: boolean; min?: Bound; max?: Bound }
  | { type: 'enum'; options: readonly string[] }
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'dist' }
  | { type: 'object'; fields: FieldSpec[] }
  /** A union of named presets and a custom object: editable while a preset is chosen. */
  | { type: 'preset'; options: readonly string[] }
);

/** Fields every node has (identity, label, layout, the online switch): not settings. */
const BASE_KEYS = new Set(['id', 'kind', 'label', 'online', 'position']);

/** The settings form of a node kind: one spec per field its schema has, in schema order. Unsupported shapes (lists, maps) are left out. */
export function settingsOf(schema: z.ZodObject): FieldSpec[] {
  return fieldsOf(schema, BASE_KEYS);
}

function fieldsOf(schema: z.ZodObject, skip: ReadonlySet<string> = new Set()): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    if (skip.has(key)) continue;
    const spec = specOf(key, field as z.ZodType);
    if (spec) out.push(spec);
  }
  return out;
}

// zod v4 internals read here: `def.type`, `def.innerType`, number checks' `_zod.def`, enum `options`.
type Def = { type: string; innerType?: z.ZodType; options?: z.ZodType[]; checks?: { _zod: { def: CheckDef } }[] };
type CheckDef = { check: string; value?: number; inclusive?: boolean; format?: string };

function defOf(t: z.ZodType): Def {
  return (t as unknown as { def: Def }).def;
}

function specOf(key: string, field: z.ZodType): FieldSpec | undefined {
  let t = field;
  let optional = false;
  for (;;) {
    const def = defOf(t);
    if (def.type === 'optional') optional = true;
    if ((def.type === 'optional' || def.type === 'default') && def.innerType) t = def.innerType;
    else break;
  }
  // The same schema whether reached directly or through its lazySchema stand-in: they share `_zod`.
  if (t._zod === (distSchema as z.ZodType)._zod) return { key, optional, type: 'dist' };
  const def = defOf(t);
  switch (def.type) {
    case 'number':
      return { key, optional, type: 'number', ...numberBounds(def) };
    case 'enum':
      return { key, optional, type: 'enum', options: (t as z.ZodEnum).options as string[] };
    case 'boolean':
      return { key, optional, type: 'boolean' };
    case 'string':
      return { key, optional, type: 'string' };
    case 'object':
      return { key, optional, type: 'object', fields: fieldsOf(t as z.ZodObject) };
    case 'union': {
      const presets = def.options?.find((o) => defOf(o).type === 'enum');
      return presets ? { key, optional, type: 'preset', options: (presets as z.ZodEnum).options as string[] } : undefined;
    }
    default:
      return undefined;
  }
}

function numberBounds(def: Def): { int: boolean; min?: Bound; max?: Bound } {
  const out: { int: boolean; min?: Bound; max?: Bound } = { int: false };
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'number_format' && (d.format === 'safeint' || d.format === 'int32')) out.int = true;
    else if (d.check === 'greater_than' && d.value !== undefined) out.min = { value: d.value, inclusive: !!d.inclusive };
    else if (d.check === 'less_than' && d.value !== undefined) out.max = { value: d.value, inclusive: !!d.inclusive };
  }
  return out;
}

/** A user's input that cannot be applied: a dictionary phrase, or a schema message already in the user's language. */
export type InputError = { key: DictKey; params?: Params } | { text: string };

/** Reads a number typed into a field with `spec`'s bounds; the number, or why it is not acceptable. */
export function readNumber(text: string, spec: { int: boolean; min?: Bound; max?: Bound }): number | InputError {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { key: 'inputRequired' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { key: 'inputNotNumber' };
  if (spec.int && !Number.isInteger(value)) return { key: 'inputWhole' };
  const { min, max } = spec;
  if (min && (min.inclusive ? value < min.value : value <= min.value)) {
    // A whole number above 0 is "1 or more", which reads better.
    if (spec.int && !min.inclusive) return { key: 'inputAtLeast', params: { min: Math.floor(min.value) + 1 } };
    return { key: min.inclusive ? 'inputAtLeast' : 'inputAbove', params: { min: min.value } };
  }
  if (max && (max.inclusive ? value > max.value : value >= max.value)) {
    if (spec.int && !max.inclusive) return { key: 'inputAtMost', params: { max: Math.ceil(max.value) - 1 } };
    return { key: max.inclusive ? 'inputAtMost' : 'inputBelow', params: { max: max.value } };
  }
  return value;
}

/** Whether a read gave an error. */
export function isInputError(v: unknown): v is InputError {
  return typeof v === 'object' && v !== null && ('key' in v || 'text' in v);
}

/**
 * Checks a new value for the top-level setting `key` against the kind's whole schema (so
 * cross-field rules hold too) and returns the patch to apply, with defaults filled in, or the
 * schema's complaint in `lang`. The config itself is not touched.
 */
export function patchFor(
  schema: z.ZodObject, config: Readonly<Record<string, unknown>>, key: string, value: unknown, lang: Lang,
): { patch: Record<string, unknown> } | { error: InputError } {
  // Clearing a setting: without it, the schema gives its default, or leaves it unset (null in the patch).
  const next: Record<string, unknown> = { ...config, [key]: value };
  if (value === undefined) delete next[key];
  const result = schema.safeParse(next, { error: lang === 'es' ? esLocale : enLocale });
  if (!result.success) {
    const issue = result.error.issues.find((i) => i.path[0] === key) ?? result.error.issues[0]!;
    const where = issue.path.slice(1).join('.');
    return { error: { text: where ? `${where}: ${issue.message}` : issue.message } };
  }
  return { patch: { [key]: (result.data as Record<string, unknown>)[key] ?? null } };
}

const esLocale = z.locales.es().localeError;
const enLocale = z.locales.en().localeError;

/** The distribution kinds, in menu order. */
export const DIST_KINDS: readonly Dist['dist'][] = ['constant', 'exponential', 'uniform', 'normal', 'lognormal'];

/** A distribution of kind `kind` with about the same mean as `from`: what switching the menu gives. */
export function switchDist(from: Dist, kind: Dist['dist']): Dist {
  const mean = meanOf(from);
  switch (kind) {
    case 'constant':
      return { dist: 'constant', ms: mean };
    case 'exponential':
      return { dist: 'exponential', meanMs: Math.max(mean, 1) };
    case 'uniform':
      return { dist: 'uniform', minMs: 0, maxMs: 2 * mean };
    case 'normal':
      return { dist: 'normal', meanMs: mean, sdMs: Math.round(mean / 4) };
    case 'lognormal':
      return { dist: 'lognormal', meanMs: Math.max(mean, 1), sdMs: Math.round(mean / 2) };
  }
}

/** The parameters of a distribution kind, as number fields (all in ms, none negative). */
export function distParams(kind: Dist['dist']): { key: string; min: Bound }[] {
  const nonneg = { value: 0, inclusive: true };
  const positive = { value: 0, inclusive: false };
  switch (kind) {
    case 'constant':
      return [{ key: 'ms', min: nonneg }];
    case 'exponential':
      return [{ key: 'meanMs', min: positive }];
    case 'uniform':
      return [{ key: 'minMs', min: nonneg }, { key: 'maxMs', min: nonneg }];
    case 'normal':
      return [{ key: 'meanMs', min: nonneg }, { key: 'sdMs', min: nonneg }];
    case 'lognormal':
      return [{ key: 'meanMs', min: positive }, { key: 'sdMs', min: nonneg }];
  }
}

/** Settings the engine keeps fixed for the run, by kind: shown, not editable. */
export const FIXED_SETTINGS: Readonly<Record<string, ReadonlySet<string>>> = {
  topic: new Set(['partitions']),
  subscription: new Set(['mode', 'subscribed']),
};
