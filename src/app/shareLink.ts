import { z } from 'zod';
import { builtin, BUILTINS } from '../scenarios';
import { phrase, type Lang, type ScenarioIssue } from '../sim/engine/errors';
import { actionSchema, parseScenario, type Scenario } from '../sim/engine/scenario';
import type { RecordedAction } from '../sim/engine/simulation';
import { translate } from '../i18n/translate';
import type { DictKey } from '../i18n/en';
import type { Params } from '../i18n/translate';

/** What a share link carries: the scenario (by built-in id, or whole), the seed, the recorded actions. */
export interface SharedRun {
  scenario: Scenario;
  builtinId?: string;
  seed?: number;
  recorded: RecordedAction[];
}

/** A decoded link, or its problems in both languages. */
export type DecodeResult = { ok: true; run: SharedRun } | { ok: false; issues: Record<Lang, ScenarioIssue[]> };

/** The hash (`#s=…&seed=…&a=…`) that reopens `run`; a custom scenario travels whole, compressed. */
export async function encodeShareHash(run: SharedRun): Promise<string> {
  const params = new URLSearchParams();
  if (run.builtinId) params.set('s', run.builtinId);
  else params.set('z', await pack(JSON.stringify(run.scenario)));
  if (run.seed !== undefined && run.seed !== run.scenario.seed) params.set('seed', String(run.seed));
  if (run.recorded.length > 0) params.set('a', await pack(JSON.stringify(run.recorded)));
  return `#${params.toString()}`;
}

/** The hash that names a built-in scenario and nothing else. */
export function builtinHash(id: string): string {
  return `#s=${encodeURIComponent(id)}`;
}

/** Decodes a share hash. Never throws: a damaged link gives located problems instead. */
export async function decodeShareHash(hash: string): Promise<DecodeResult> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('s');
  const packed = params.get('z');
  let scenario: Scenario;
  let builtinId: string | undefined;
  if (id !== null) {
    const found = builtin(id);
    if (!found) {
      const ids = BUILTINS.map((s) => s.id).join(', ');
      return fail((lang) => [{ path: 's', message: phrase(lang, 'unknownBuiltin', { id, ids }) }]);
    }
    scenario = found;
    builtinId = id;
  } else if (packed !== null) {
    let data: unknown;
    try {
      data = JSON.parse(await unpack(packed));
    } catch (e) {
      return damaged('z', 'linkBadData', { detail: (e as Error).message });
    }
    const en = parseScenario(data, 'en');
    if (!en.ok) {
      const es = parseScenario(data, 'es');
      return { ok: false, issues: { en: en.issues, es: es.ok ? [] : es.issues } };
    }
    scenario = en.scenario;
  } else {
    return damaged('', 'linkNoScenario');
  }

  const seedText = params.get('seed');
  let seed: number | undefined;
  if (seedText !== null) {
    seed = Number(seedText);
    if (!Number.isSafeInteger(seed)) return damaged('seed', 'linkBadSeed', { seed: seedText });
  }

  let recorded: RecordedAction[] = [];
  const actions = params.get('a');
  if (actions !== null) {
    try {
      recorded = z.array(recordedSchema).parse(JSON.parse(await unpack(actions))) as RecordedAction[];
    } catch (e) {
      const detail = e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (e as Error).message;
      return damaged('a', 'linkBadActions', { detail });
    }
    const ids = new Set(scenario.nodes.map((n) => n.id));
    for (const a of recorded) {
      for (const ref of ['node', 'from', 'to'] as const) {
        const v = (a as Record<string, unknown>)[ref];
        if (typeof v === 'string' && !ids.has(v)) return damaged('a', 'linkActionNode', { id: v });
      }
    }
  }
  return { ok: true, run: { scenario, builtinId, seed, recorded } };
}

// A recorded action is a scenario action plus the event count it is pinned to.
const recordedSchema = z
  .looseObject({ step: z.number().int().nonnegative() })
  .transform((value, ctx) => {
    const { step, ...rest } = value;
    const parsed = actionSchema.safeParse(rest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { ...parsed.data, step };
  });

function fail(issues: (lang: Lang) => ScenarioIssue[]): DecodeResult {
  return { ok: false, issues: { en: issues('en'), es: issues('es') } };
}

function damaged(path: string, key: DictKey, params: Params = {}): DecodeResult {
  return fail((lang) => [{ path, message: phrase(lang, 'badShareLink', { detail: translate(lang, key, params) }) }]);
}

/** UTF-8 text → deflate-raw → base64url. */
async function pack(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of `pack`; throws on anything damaged. */
async function unpack(packed: string): Promise<string> {
  const binary = atob(packed.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Response(stream).arrayBuffer());
}
