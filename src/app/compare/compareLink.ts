import { z } from 'zod';
import { builtinComparison, COMPARISONS, type BuiltinComparison } from '../../compare/builtins';
import { readComparison } from '../../compare/load';
import type { Lang, ScenarioIssue } from '../../sim/engine/errors';
import { LIMITS } from '../../sim/engine/limits';
import { translate } from '../../i18n/translate';
import { pack, refuseDamaged, refuseLink, refuseTooLarge, TooLarge, unpack } from '../shareLink';

/**
 * A user's action on a comparison, on the shared clock: the switch or slow mode of one
 * consumer, applied in every column at simulated time `at`. A link replays them at those instants.
 */
export interface CompareAction {
  at: number;
  do: 'offline' | 'online' | 'slow';
  node: string;
  factor?: number;
}

/** The largest slow-mode factor a link may ask for: far past the menu's 10×. */
export const MAX_SLOW = 1000;

const actionSchema = z
  .object({
    at: z.number().nonnegative().max(LIMITS.ms),
    do: z.enum(['offline', 'online', 'slow']),
    node: z.string().max(64),
    factor: z.number().positive().max(MAX_SLOW).optional(),
  })
  .strict()
  .refine((a) => a.do !== 'slow' || a.factor !== undefined, { message: 'slow needs a factor', path: ['factor'] });

/** What a comparison link carries: the comparison (a built-in's id, or the whole file) and the user's actions. */
export interface SharedComparison {
  entry: BuiltinComparison;
  /** The file as the user gave it, for a comparison that is not built in; it travels whole in the link. */
  file?: unknown;
  actions: CompareAction[];
}

export type CompareDecode = { ok: true; shared: SharedComparison } | { ok: false; issues: Record<Lang, ScenarioIssue[]> };

/**
 * The hash that reopens a comparison: `#compare=<id>`, plus `&z=<the file, compressed>` when it
 * is not built in, plus `&a=<the actions, compressed>` when there are any. The same
 * deflate-raw + base64url form, and the same bounds, as a scenario's share link.
 */
export async function encodeCompareHash(shared: { id: string; file?: unknown; actions: readonly CompareAction[] }): Promise<string> {
  const params = new URLSearchParams();
  params.set('compare', shared.id);
  if (shared.file !== undefined) params.set('z', await pack(JSON.stringify(shared.file)));
  if (shared.actions.length > 0) params.set('a', await pack(JSON.stringify(shared.actions)));
  return `#${params.toString()}`;
}

/** Decodes a comparison link's hash. Never throws: a damaged or hostile link gives located problems in both languages. */
export async function decodeCompareHash(hash: string): Promise<CompareDecode> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('compare') ?? '';
  const packed = params.get('z');
  let entry: BuiltinComparison;
  let file: unknown;
  if (packed !== null) {
    try {
      file = JSON.parse(await unpack(packed));
    } catch (e) {
      if (e instanceof TooLarge) return refuseTooLarge('z');
      return refuseDamaged('z', 'linkBadData', { detail: (e as Error).message });
    }
    const en = readComparison(file, 'en');
    if (!en.ok) {
      const es = readComparison(file, 'es');
      return { ok: false, issues: { en: en.issues, es: es.ok ? [] : es.issues } };
    }
    entry = en.entry;
  } else {
    const found = builtinComparison(id);
    if (!found) {
      const ids = COMPARISONS.map((c) => c.comparison.id).join(', ');
      return refuseLink((lang) => [{ path: 'compare', message: translate(lang, 'compareUnknown', { id, ids }) }]);
    }
    entry = found;
  }

  let actions: CompareAction[] = [];
  const packedActions = params.get('a');
  if (packedActions !== null) {
    let raw: unknown;
    try {
      raw = JSON.parse(await unpack(packedActions));
    } catch (e) {
      if (e instanceof TooLarge) return refuseTooLarge('a');
      return refuseDamaged('a', 'linkBadActions', { detail: (e as Error).message });
    }
    const parsed = z.array(actionSchema).max(LIMITS.actions).safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return refuseDamaged('a', 'linkBadActions', { detail });
    }
    actions = parsed.data as CompareAction[];
    const consumers = new Set(entry.columns[0]!.consumers);
    const stranger = actions.findIndex((a) => !consumers.has(a.node));
    if (stranger >= 0) return refuseDamaged(`a[${stranger}].node`, 'compareActionNode', { id: actions[stranger]!.node });
  }
  return { ok: true, shared: { entry, file, actions } };
}
