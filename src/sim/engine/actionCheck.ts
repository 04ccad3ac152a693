import { z } from 'zod';
import { phrase, type Lang } from './errors';
import type { Catalog } from './kind';
import { mergePatch, type BaseNodeConfig } from './node';

/** A checked settings patch: what to apply (defaults filled in, null for a field to unset) and the config it leads to. */
export type PatchResult = { ok: true; patch: Record<string, unknown>; config: BaseNodeConfig } | { ok: false; message: string };

/**
 * Checks a settings patch against the node's own schema: the config with the patch applied
 * (null unsets an optional field) must still be a valid node of its kind. The patch returned
 * carries the parsed value of every key it touches, defaults applied, so a custom retry
 * without `factor` gets the default factor, not undefined. `id` and `kind` cannot change.
 */
export function checkPatch(catalog: Catalog, config: BaseNodeConfig, patch: Record<string, unknown>, lang: Lang): PatchResult {
  const fail = (detail: string): PatchResult => ({ ok: false, message: phrase(lang, 'badPatch', { id: config.id, detail }) });
  if ('id' in patch || 'kind' in patch) return fail('id, kind');
  const kind = catalog.kind(config.kind);
  if (!kind) return fail(config.kind);
  const merged = mergePatch(config, patch);
  const parsed = kind.schema.safeParse(merged, { error: lang === 'es' ? esLocale : enLocale });
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(node)'}: ${i.message}`).join('; '));
  }
  const next = parsed.data as BaseNodeConfig & Record<string, unknown>;
  const own = catalog.check ? catalog.check(next, lang) : [];
  if (own.length > 0) return fail(own.map((i) => `${i.path}: ${i.message}`).join('; '));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) out[key] = key in next ? next[key] : null;
  return { ok: true, patch: out, config: next };
}

/** Checks a command and its arguments against what the node's kind understands; a message, or undefined when fine. */
export function checkCommand(
  catalog: Catalog, config: BaseNodeConfig, command: string, args: Record<string, unknown> | undefined, lang: Lang,
): string | undefined {
  const table = catalog.commands?.[config.kind] ?? {};
  const schema = Object.hasOwn(table, command) ? table[command] : undefined;
  if (!schema) {
    const commands = Object.keys(table).join(', ') || '—';
    return phrase(lang, 'badCommand', { id: config.id, kind: config.kind, command: command.slice(0, 80), commands });
  }
  const parsed = schema.safeParse(args ?? {}, { error: lang === 'es' ? esLocale : enLocale });
  if (parsed.success) return undefined;
  const detail = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(args)'}: ${i.message}`).join('; ');
  return phrase(lang, 'badCommandArgs', { id: config.id, command, detail });
}

const esLocale = z.locales.es().localeError;
const enLocale = z.locales.en().localeError;
